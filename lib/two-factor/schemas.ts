import { z } from 'zod';
import '@/lib/forms';

/** Spaces and dashes are how codes are shown and grouped ("123 456", "ABCDE-FGHJK"): they do not count. */
const compact = (value: string) => value.replace(/[\s-]/g, '').toUpperCase();

/** A code from the authenticator app: six digits. */
export const AppCode = z
  .string({ error: 'errors.required' })
  .transform(compact)
  .pipe(z.string().min(1, 'errors.required').regex(/^\d{6}$/, 'twoFactor.errors.sixDigits'));

/** A code from the app, or one of the recovery codes (ten letters and digits). */
export const SecondFactorCode = z
  .string({ error: 'errors.required' })
  .transform(compact)
  .pipe(z.string().min(1, 'errors.required').max(32, 'errors.too_long').regex(/^(\d{6}|[A-Z0-9]{10})$/, 'twoFactor.errors.codeFormat'));

const CurrentPassword = z.string({ error: 'errors.required' }).min(1, 'errors.required').max(1024, 'errors.too_long');

export const EnableTwoFactorInput = z.object({ code: AppCode, currentPassword: CurrentPassword });
export type EnableTwoFactorInput = z.infer<typeof EnableTwoFactorInput>;

/** Turning two-factor off, or replacing the recovery codes: the password and a second factor, as at sign-in. */
export const ConfirmWithSecondFactorInput = z.object({ currentPassword: CurrentPassword, code: SecondFactorCode });
export type ConfirmWithSecondFactorInput = z.infer<typeof ConfirmWithSecondFactorInput>;

/** The sign-in step after a right password; the account comes from the signed grant, never from the form. */
export const SecondFactorSignInInput = z.object({ code: SecondFactorCode, next: z.string().max(2048, 'errors.too_long').optional() });
export type SecondFactorSignInInput = z.infer<typeof SecondFactorSignInInput>;

export const ResetTwoFactorInput = z.object({ userId: z.string().min(1).max(64) });
export type ResetTwoFactorInput = z.infer<typeof ResetTwoFactorInput>;
