import { z } from 'zod';
// Messages for issues the schemas give none: see lib/forms.ts.
import '@/lib/forms';

export const MarkNotificationReadInput = z.object({ notificationId: z.string({ error: 'errors.required' }).min(1, 'errors.required').max(40) });
export const MarkAllNotificationsReadInput = z.object({});
