'use server';

import { memberFormAction } from '@/lib/actions/form-action';
import { retryJob } from './mutations';
import { RetryJobInput } from './schemas';

/** Back to the list with a notice: the row's own form is gone once the job is no longer failed. */
export const retryJobAction = memberFormAction(RetryJobInput, ({ viewer, input }) => {
  retryJob({ viewer, input });
  return { redirectTo: `/admin/jobs?retried=${input.jobId}` };
});
