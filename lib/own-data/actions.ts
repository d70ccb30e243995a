'use server';

import { cookies } from 'next/headers';
import { memberFormAction } from '@/lib/actions/form-action';
import { signOut } from '@/lib/auth/config';
import { localeCookie } from '@/lib/i18n/locales';
import { deleteOwnAccount } from './deletion';
import { DeleteAccountInput } from './schemas';

/** Deletes the account, then clears this browser's session cookie (every other session died with the row). */
export const deleteAccountAction = memberFormAction(DeleteAccountInput, async ({ viewer, input }) => {
  await deleteOwnAccount({ viewer, input });
  await signOut({ redirect: false });
  // The goodbye is in their language: it came from the account, which is gone.
  (await cookies()).set(localeCookie, viewer.locale, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 365 * 24 * 3600 });
  return { redirectTo: '/sign-in?signedOut=deleted' };
});
