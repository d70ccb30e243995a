import { z } from 'zod';

export const RetryJobInput = z.object({ jobId: z.coerce.number({ error: 'errors.invalid_input' }).int('errors.invalid_input').positive('errors.invalid_input') });
export type RetryJobInput = z.infer<typeof RetryJobInput>;
