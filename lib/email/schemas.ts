import { z } from 'zod';
import { checkbox } from '@/lib/forms';

export const emailFrequencies = ['immediate', 'daily', 'weekly', 'never'] as const;
export const emailDetails = ['neutral', 'full'] as const;

export const EmailSettingsInput = z.object({
  emailFrequency: z.enum(emailFrequencies, { error: 'errors.invalid_choice' }),
  emailDetail: z.enum(emailDetails, { error: 'errors.invalid_choice' }),
  weeklyEmailCap: z.coerce.number({ error: 'errors.number' }).int('errors.number').min(1, 'errors.too_small').max(50, 'errors.too_large'),
  refreshersEnabled: checkbox(),
});
export type EmailSettingsInput = z.infer<typeof EmailSettingsInput>;
