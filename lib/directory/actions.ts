'use server';

import { memberFormAction } from '@/lib/actions/form-action';
import { recordConnectionOutcome, requestConnection, respondToConnection, updateDirectoryProfile, withdrawConnection } from './mutations';
import { RecordConnectionOutcomeInput, RequestConnectionInput, RespondToConnectionInput, UpdateDirectoryProfileInput, WithdrawConnectionInput } from './schemas';

// Thin: the mutations check the policy (connection.*) and who may be asked.

export const updateDirectoryProfileAction = memberFormAction(UpdateDirectoryProfileInput, ({ viewer, input }) => {
  updateDirectoryProfile({ viewer, input });
  return { message: 'directory.settings.saved' };
});

export const requestConnectionAction = memberFormAction(RequestConnectionInput, ({ viewer, input }) => {
  requestConnection({ viewer, input });
  return { message: 'directory.connect.sent' };
});

export const respondToConnectionAction = memberFormAction(RespondToConnectionInput, ({ viewer, input }) => {
  const { status } = respondToConnection({ viewer, input });
  return { message: status === 'accepted' ? 'directory.connections.acceptedMessage' : 'directory.connections.declinedMessage' };
});

export const withdrawConnectionAction = memberFormAction(WithdrawConnectionInput, ({ viewer, input }) => {
  withdrawConnection({ viewer, input });
  return { message: 'directory.connections.withdrawnMessage' };
});

export const recordConnectionOutcomeAction = memberFormAction(RecordConnectionOutcomeInput, ({ viewer, input }) => {
  recordConnectionOutcome({ viewer, input });
  return { message: 'directory.connections.outcomeRecorded' };
});
