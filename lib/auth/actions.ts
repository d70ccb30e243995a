'use server';

import { AuthError } from 'next-auth';
import { z } from 'zod';
import { changePassword, joinWithInvite, signOutEverywhere, updateProfile } from '@/lib/accounts/mutations';
import { getOwnSettings } from '@/lib/accounts/queries';
import { ChangePasswordInput, JoinInput, UpdateProfileInput } from '@/lib/accounts/schemas';
import { memberFormAction, publicFormAction } from '@/lib/actions/form-action';
import { AppError } from '@/lib/errors';
import { safeReturnPath } from '@/lib/navigation';
import { signIn, signOut } from './config';
import { SignInInput } from './sign-in';

/** Signs in through Auth.js (which sets the session cookie), mapping its errors to ours. */
async function startSession(identifier: string, password: string) {
  try {
    await signIn('credentials', { identifier, password, redirect: false });
  } catch (error) {
    if (error instanceof AuthError && error.type === 'CredentialsSignin') {
      const code = (error as AuthError & { code?: string }).code;
      throw new AppError(code === 'rate_limited' ? 'rate_limited' : 'invalid_credentials');
    }
    throw error;
  }
}

export const signInAction = publicFormAction(SignInInput.extend({ next: z.string().optional() }), async ({ input }) => {
  await startSession(input.identifier, input.password);
  return { redirectTo: safeReturnPath(input.next) };
});

export const joinAction = publicFormAction(JoinInput, async ({ input, context }) => {
  const { username } = await joinWithInvite({ input, address: context.address });
  await startSession(username, input.password);
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
 * Every other session ends; this one is re-issued with the new password so the member stays signed in here.
 * It ends in a redirect, not a form message: a page re-rendered within this request still reads the old,
 * now revoked, session cookie from the request headers (and would bounce to sign-in), while Next renders a
 * redirect target with the cookie just set.
 */
export const changePasswordAction = memberFormAction(ChangePasswordInput, async ({ viewer, input }) => {
  await changePassword({ viewer, input });
  await startSession(getOwnSettings(viewer).username, input.newPassword);
  return { redirectTo: '/settings?passwordChanged=1' };
});

export const signOutEverywhereAction = memberFormAction(z.object({}), async ({ viewer }) => {
  signOutEverywhere(viewer);
  await signOut({ redirect: false });
  return { redirectTo: '/sign-in?signedOut=everywhere' };
});
