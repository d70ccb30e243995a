'use server';

import { memberFormAction } from '@/lib/actions/form-action';
import { createInviteCode, revokeInviteCode, setDisabled, setMembership, setSiteRole } from './mutations';
import { CreateInviteInput, RevokeInviteInput, SetDisabledInput, SetMembershipInput, SetSiteRoleInput } from './schemas';

/** The code is shown once, in the form's result, and never again: only its hash is stored. */
export const createInviteCodeAction = memberFormAction(CreateInviteInput, ({ viewer, input }) => {
  const { code } = createInviteCode({ viewer, input });
  return { result: code, message: 'admin.invites.created' };
});

export const revokeInviteCodeAction = memberFormAction(RevokeInviteInput, ({ viewer, input }) => {
  revokeInviteCode({ viewer, input });
  return { message: 'admin.invites.revokedMessage' };
});

export const setSiteRoleAction = memberFormAction(SetSiteRoleInput, ({ viewer, input }) => {
  setSiteRole({ viewer, input });
});

export const setDisabledAction = memberFormAction(SetDisabledInput, ({ viewer, input }) => {
  setDisabled({ viewer, input });
  return { message: input.isDisabled ? 'admin.members.disabledMessage' : 'admin.members.enabledMessage' };
});

export const setMembershipAction = memberFormAction(SetMembershipInput, ({ viewer, input }) => {
  setMembership({ viewer, input });
});
