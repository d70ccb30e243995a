import { z } from 'zod';
import { connectionOutcomes, connectionReasons } from '@/db/schema/directory';
import { checkbox, many, optionalText } from '@/lib/forms';

const id = z.string({ error: 'errors.required' }).min(1, 'errors.required').max(40, 'errors.invalid_input');
const taxonomyKey = z.string().min(1).max(80, 'errors.invalid_choice');

/** The member's own directory profile: what they work on, what they offer, what they share once connected. */
export const UpdateDirectoryProfileInput = z.object({
  populations: many(taxonomyKey, 20),
  topics: many(taxonomyKey, 60),
  expertise: optionalText(500),
  // Free text ("Signal +254…, email …"): shown only to accepted connections.
  contactDetails: optionalText(500),
  shareEmailWithConnections: checkbox(),
});
export type UpdateDirectoryProfileInput = z.infer<typeof UpdateDirectoryProfileInput>;

export const RequestConnectionInput = z.object({
  recipientId: id,
  reasons: many(z.enum(connectionReasons, { error: 'errors.invalid_choice' }), connectionReasons.length).pipe(
    z.array(z.enum(connectionReasons)).min(1, 'directory.errors.reasonsRequired'),
  ),
  message: optionalText(1000),
});
export type RequestConnectionInput = z.infer<typeof RequestConnectionInput>;

export const RespondToConnectionInput = z.object({
  connectionId: id,
  response: z.enum(['accept', 'decline'], { error: 'errors.invalid_choice' }),
});
export type RespondToConnectionInput = z.infer<typeof RespondToConnectionInput>;

export const WithdrawConnectionInput = z.object({ connectionId: id });
export type WithdrawConnectionInput = z.infer<typeof WithdrawConnectionInput>;

export const RecordConnectionOutcomeInput = z.object({
  connectionId: id,
  outcome: z.enum(connectionOutcomes, { error: 'directory.errors.outcomeRequired' }),
  note: optionalText(500),
});
export type RecordConnectionOutcomeInput = z.infer<typeof RecordConnectionOutcomeInput>;

/**
 * The directory's filters, from the page's query string. Anything malformed is dropped rather than
 * refused: a shared link with a stale value still shows the directory.
 */
export const DirectoryFilters = z.object({
  country: z.string().regex(/^[A-Z]{2}$/).optional().catch(undefined),
  population: z.string().max(80).optional().catch(undefined),
  topic: z.string().max(80).optional().catch(undefined),
  event: z.string().max(80).optional().catch(undefined),
  q: z
    .string()
    .transform((value) => value.trim().slice(0, 60))
    .optional()
    .catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type DirectoryFilters = z.infer<typeof DirectoryFilters>;

/** Query-string values as the page gets them: a repeated key is an array; the first one counts. */
export function parseDirectoryFilters(query: Record<string, string | string[] | undefined>): DirectoryFilters {
  const first = Object.fromEntries(Object.entries(query).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value || undefined]));
  return DirectoryFilters.parse(first);
}
