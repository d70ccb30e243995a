'use server';

import { memberFormAction } from '@/lib/actions/form-action';
import { markNotificationsRead } from './queries';
import { MarkAllNotificationsReadInput, MarkNotificationReadInput } from './schemas';

// Only the member's own notifications are touched: markNotificationsRead filters on the viewer's id.

export const markNotificationReadAction = memberFormAction(MarkNotificationReadInput, ({ viewer, input }) => {
  markNotificationsRead(viewer, [input.notificationId]);
  return { message: 'notifications.markedRead' };
});

export const markAllNotificationsReadAction = memberFormAction(MarkAllNotificationsReadInput, ({ viewer }) => {
  markNotificationsRead(viewer, 'all');
  return { message: 'notifications.allRead' };
});
