import { z } from 'zod';

export const MarkNotificationReadInput = z.object({ notificationId: z.string({ error: 'errors.required' }).min(1, 'errors.required').max(40) });
export const MarkAllNotificationsReadInput = z.object({});
