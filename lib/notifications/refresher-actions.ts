'use server';

import { memberFormAction } from '@/lib/actions/form-action';
import { CancelRefresherInput, cancelRefresher, ScheduleRefreshersInput, scheduleRefreshers } from './refreshers';

// Thin: the mutations check the policy (event.manageFollowUp) and the dates.

export const scheduleRefreshersAction = memberFormAction(ScheduleRefreshersInput, ({ viewer, input }) => {
  const { scheduled } = scheduleRefreshers({ viewer, input });
  return { message: scheduled.length ? 'refreshers.scheduled' : 'refreshers.nothingNew' };
});

export const cancelRefresherAction = memberFormAction(CancelRefresherInput, ({ viewer, input }) => {
  cancelRefresher({ viewer, input });
  return { message: 'refreshers.cancelled' };
});
