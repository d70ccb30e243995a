import { z } from 'zod';
import { caseStudyVisibilities, sectionKeys } from '@/db/schema/case-studies';
import { checkbox, isoDate, locale, many, optionalText, requiredText } from '@/lib/forms';

const id = () => z.string({ error: 'errors.required' }).min(1, 'errors.required').max(40);

/** Free tags typed as "tag one, tag two": trimmed, deduplicated, at most 10 of 40 characters. */
const freeTags = z.preprocess(
  (value) => (typeof value === 'string' ? [...new Set(value.split(',').map((tag) => tag.trim()).filter(Boolean))] : value ?? []),
  z.array(z.string().max(40, 'errors.tag_too_long')).max(10, 'errors.too_many'),
);

const metadataFields = {
  title: requiredText(5, 160),
  summary: requiredText(20, 600),
  language: locale(),
  countries: many(z.string().regex(/^[A-Z]{2}$/, 'errors.invalid_choice'), 20).refine((list) => list.length > 0, 'errors.choose_one'),
  populations: many(z.string().min(1).max(40), 10),
  topics: many(z.string().min(1).max(80), 30),
  freeTags,
  coAuthorIds: many(id(), 20),
};

export const CreateCaseStudyInput = z.object({
  organisationId: id(),
  callId: z.preprocess((value) => (value === '' ? undefined : value), id().optional()),
  ...metadataFields,
});
export type CreateCaseStudyInput = z.infer<typeof CreateCaseStudyInput>;

export const UpdateMetadataInput = z.object({ caseStudyId: id(), baseVersion: z.coerce.number().int().min(1), ...metadataFields });
export type UpdateMetadataInput = z.infer<typeof UpdateMetadataInput>;

export const SaveSectionInput = z.object({
  caseStudyId: id(),
  key: z.enum(sectionKeys),
  // The tiptap JSON; lib/rich-text/validate.ts checks it against the shared schema.
  content: z.unknown(),
  baseVersion: z.number().int().min(1),
});
export type SaveSectionInput = z.infer<typeof SaveSectionInput>;

export const TransitionInput = z.object({ caseStudyId: id(), note: optionalText(2000) });

export const PublishInput = z
  .object({
    caseStudyId: id(),
    visibility: z.enum(caseStudyVisibilities.filter((value) => value !== 'private') as ['public', 'members', 'event', 'organisation'], { error: 'errors.invalid_choice' }),
    safetyConfirmed: checkbox(),
  })
  // Publishing to everyone is the one irreversible exposure: the editor confirms the safety checklist first.
  .refine((input) => input.visibility !== 'public' || input.safetyConfirmed, { path: ['safetyConfirmed'], message: 'errors.safety_checklist' });

export const ReviewCommentInput = z.object({
  caseStudyId: id(),
  sectionKey: z.preprocess((value) => (value === '' ? undefined : value), z.enum(sectionKeys).optional()),
  body: requiredText(2, 4000),
});

export const CreateCallInput = z
  .object({
    eventId: id(),
    opensOn: isoDate(),
    deadline: isoDate(),
    guidanceEn: optionalText(4000),
    guidanceFr: optionalText(4000),
    organisationIds: many(id(), 200),
  })
  .refine((call) => call.deadline >= call.opensOn, { path: ['deadline'], message: 'errors.end_before_start' });
