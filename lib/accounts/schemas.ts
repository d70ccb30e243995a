import { z } from 'zod';
import { checkbox, locale, optionalText, requiredText } from '@/lib/forms';
import { organisationRoles, siteRoles } from '@/lib/policy/types';

export const Username = z
  .string({ error: 'errors.required' })
  .trim()
  .toLowerCase()
  .min(3, 'errors.too_short')
  .max(32, 'errors.too_long')
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'errors.username_format');

// Length is what matters (NIST 800-63B); no composition rules, and a generous maximum for passphrases.
export const Password = z.string({ error: 'errors.required' }).min(10, 'errors.password_short').max(256, 'errors.too_long');

const OptionalEmail = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() === '' ? undefined : typeof value === 'string' ? value.trim().toLowerCase() : value),
  z.email('errors.email_format').max(254, 'errors.too_long').optional(),
);

export const DisplayName = requiredText(2, 60);

export const InviteCode = z
  .string({ error: 'errors.required' })
  .transform((value) => value.toUpperCase().replace(/[^A-Z0-9]/g, ''))
  .pipe(z.string().min(1, 'errors.required').max(64, 'errors.invite_invalid'));

export const JoinInput = z.object({
  code: InviteCode,
  username: Username,
  displayName: DisplayName,
  password: Password,
  email: OptionalEmail,
  locale: locale(),
});
export type JoinInput = z.infer<typeof JoinInput>;

export const UpdateProfileInput = z.object({
  displayName: DisplayName,
  email: OptionalEmail,
  locale: locale(),
  isInDirectory: checkbox(),
  bio: optionalText(500),
});
export type UpdateProfileInput = z.infer<typeof UpdateProfileInput>;

export const ChangePasswordInput = z.object({
  currentPassword: z.string({ error: 'errors.required' }).min(1, 'errors.required').max(1024, 'errors.too_long'),
  newPassword: Password,
});
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;

export const CreateInviteInput = z.object({
  organisationId: z.string({ error: 'errors.required' }).min(1, 'errors.required'),
  role: z.enum(organisationRoles, { error: 'errors.invalid_choice' }),
  maxUses: z.coerce.number({ error: 'errors.number' }).int('errors.number').min(1, 'errors.too_small').max(200, 'errors.too_large'),
  expiresInDays: z.coerce.number({ error: 'errors.number' }).int('errors.number').min(1, 'errors.too_small').max(90, 'errors.too_large'),
  note: optionalText(200),
});
export type CreateInviteInput = z.infer<typeof CreateInviteInput>;

export const SetSiteRoleInput = z.object({ userId: z.string().min(1), siteRole: z.enum(siteRoles, { error: 'errors.invalid_choice' }) });
export const SetDisabledInput = z.object({ userId: z.string().min(1), isDisabled: checkbox() });
export const SetMembershipInput = z.object({
  userId: z.string().min(1),
  organisationId: z.string({ error: 'errors.required' }).min(1, 'errors.required'),
  role: z.enum([...organisationRoles, 'none'], { error: 'errors.invalid_choice' }),
});
export const RevokeInviteInput = z.object({ inviteId: z.string().min(1) });
