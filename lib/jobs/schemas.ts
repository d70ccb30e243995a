import { z } from 'zod';
// Messages for issues the schemas give none: see lib/forms.ts.
import '@/lib/forms';

export const RetryJobInput = z.object({ jobId: z.coerce.number({ error: 'errors.invalid_input' }).int('errors.invalid_input').positive('errors.invalid_input') });
export type RetryJobInput = z.infer<typeof RetryJobInput>;
