import { z } from 'zod';
import { checkbox } from '@/lib/forms';

/** What happens to what a member wrote when they delete their account. */
export const contributionChoices = ['keep', 'delete'] as const;

export const DeleteAccountInput = z.object({
  password: z.string({ error: 'errors.required' }).min(1, 'errors.required').max(1024, 'errors.too_long'),
  contributions: z.enum(contributionChoices, { error: 'ownData.errors.chooseContributions' }),
  confirmed: checkbox().refine((value) => value, 'ownData.errors.confirm'),
});
export type DeleteAccountInput = z.infer<typeof DeleteAccountInput>;
