'use server';

import { z } from 'zod';
import { memberFormAction } from '@/lib/actions/form-action';
import { renewSession } from '@/lib/auth/session';
import { forgetRecoveryCodesToShow, keepRecoveryCodesToShow } from './cookies';
import { cancelTwoFactorSetup, disableTwoFactor, enableTwoFactor, replaceOwnRecoveryCodes, resetTwoFactor, startTwoFactorSetup } from './mutations';
import { ConfirmWithSecondFactorInput, EnableTwoFactorInput, ResetTwoFactorInput } from './schemas';

// Turning two-factor on or off ends every session; like changePasswordAction, these re-issue this one and end
// in a redirect, because a page rendered within the action would still read the revoked cookie.

export const startTwoFactorSetupAction = memberFormAction(z.object({}), ({ viewer }) => {
  startTwoFactorSetup({ viewer });
});

export const cancelTwoFactorSetupAction = memberFormAction(z.object({}), ({ viewer }) => {
  cancelTwoFactorSetup({ viewer });
});

export const enableTwoFactorAction = memberFormAction(EnableTwoFactorInput, async ({ viewer, input }) => {
  const { recoveryCodes } = await enableTwoFactor({ viewer, input });
  await renewSession(viewer.userId);
  await keepRecoveryCodesToShow(viewer.userId, recoveryCodes);
  return { redirectTo: '/settings?twoFactor=on#two-factor' };
});

export const disableTwoFactorAction = memberFormAction(ConfirmWithSecondFactorInput, async ({ viewer, input }) => {
  await disableTwoFactor({ viewer, input });
  await renewSession(viewer.userId);
  return { redirectTo: '/settings?twoFactor=off#two-factor' };
});

export const replaceRecoveryCodesAction = memberFormAction(ConfirmWithSecondFactorInput, async ({ viewer, input }) => {
  const { recoveryCodes } = await replaceOwnRecoveryCodes({ viewer, input });
  await keepRecoveryCodesToShow(viewer.userId, recoveryCodes);
  return { redirectTo: '/settings#two-factor' };
});

export const dismissRecoveryCodesAction = memberFormAction(z.object({}), async () => {
  await forgetRecoveryCodesToShow();
  return { redirectTo: '/settings#two-factor' };
});

export const resetTwoFactorAction = memberFormAction(ResetTwoFactorInput, ({ viewer, input }) => {
  resetTwoFactor({ viewer, input });
  return { message: 'twoFactor.admin.resetDone' };
});
