import { z } from 'zod';
import { organisationTypes } from '@/db/schema/organisations';
import { many, optionalText, requiredText } from '@/lib/forms';

export const OrganisationInput = z.object({
  name: requiredText(2, 120),
  type: z.enum(organisationTypes, { error: 'errors.invalid_choice' }),
  countryCode: z.string({ error: 'errors.required' }).regex(/^[A-Z]{2}$/, 'errors.invalid_choice'),
  populations: many(z.string().min(1).max(40), 10),
  description: optionalText(2000),
  visibility: z.enum(['public', 'members'], { error: 'errors.invalid_choice' }),
});
export type OrganisationInput = z.infer<typeof OrganisationInput>;

export const UpdateOrganisationInput = OrganisationInput.extend({ organisationId: z.string().min(1) });
