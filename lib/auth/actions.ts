'use server';

import { z } from 'zod';
import { changePassword, joinWithInvite, signOutEverywhere, updateProfile } from '@/lib/accounts/mutations';
import { ChangePasswordInput, JoinInput, UpdateProfileInput } from '@/lib/accounts/schemas';
import { memberFormAction, publicFormAction } from '@/lib/actions/form-action';
import { AppError } from '@/lib/errors';
import { safeReturnPath } from '@/lib/navigation';
import { forgetSecondFactorGrant, keepSecondFactorGrant, readSecondFactorGrant } from '@/lib/two-factor/cookies';
import { SecondFactorSignInInput } from '@/lib/two-factor/schemas';
import { signOut } from './config';
import { verifyGrant } from './grants';
import { renewSession, startSession } from './session';
import { SignInInput } from './sign-in';

/**
 * With two-factor on, a right password leads to the code step: the signed grant waits in a cookie for
 * /sign-in (lib/auth/grants.ts says why not the password in the form), and the page asks for the code.
 */
export const signInAction = publicFormAction(SignInInput.extend({ next: z.string().optional() }), async ({ input }) => {
  const returnTo = safeReturnPath(input.next);
  const { secondFactorGrant } = await startSession({ identifier: input.identifier, password: input.password });
  if (secondFactorGrant) {
    await keepSecondFactorGrant(secondFactorGrant);
    return { redirectTo: `/sign-in?step=code&next=${encodeURIComponent(returnTo)}` };
  }
  return { redirectTo: returnTo };
});

/** The code step. The account is the one the grant names; the credentials provider checks grant and code. */
export const signInWithCodeAction = publicFormAction(SecondFactorSignInInput, async ({ input }) => {
  const grant = await readSecondFactorGrant();
  if (!verifyGrant('second-factor', grant)) throw new AppError('invalid_input', 'twoFactor.errors.expired');
  try {
    await startSession({ grant: grant!, code: input.code });
  } catch (error) {
    if (error instanceof AppError && error.code === 'invalid_credentials') throw new AppError('invalid_input', 'twoFactor.errors.wrongCode');
    throw error;
  }
  await forgetSecondFactorGrant();
  return { redirectTo: safeReturnPath(input.next) };
});

export const joinAction = publicFormAction(JoinInput, async ({ input, context }) => {
  const { username } = await joinWithInvite({ input, address: context.address });
  await startSession({ identifier: username, password: input.password });
  return { redirectTo: '/?welcome=1' };
});

/** Lands on the sign-in page with `signedOut`, where unsent drafts kept on this device are cleared. */
export async function signOutAction() {
  await signOut({ redirectTo: '/sign-in?signedOut=1' });
}

export const updateProfileAction = memberFormAction(UpdateProfileInput, ({ viewer, input }) => {
  updateProfile({ viewer, input });
});

/**
 * Every other session ends; this one is re-issued (renewSession: with two-factor on, the new password alone
 * would not sign in) so the member stays signed in here.
 * It ends in a redirect, not a form message: a page re-rendered within this request still reads the old,
 * now revoked, session cookie from the request headers (and would bounce to sign-in), while Next renders a
 * redirect target with the cookie just set.
 */
export const changePasswordAction = memberFormAction(ChangePasswordInput, async ({ viewer, input }) => {
  await changePassword({ viewer, input });
  await renewSession(viewer.userId);
  return { redirectTo: '/settings?passwordChanged=1' };
});

export const signOutEverywhereAction = memberFormAction(z.object({}), async ({ viewer }) => {
  signOutEverywhere(viewer);
  await signOut({ redirect: false });
  return { redirectTo: '/sign-in?signedOut=everywhere' };
});
