import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { organisations } from './organisations';

export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    // Lower-cased sign-in name; never shown to other members (they see displayName only).
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    email: text('email'),
    passwordHash: text('password_hash').notNull(),
    locale: text('locale', { enum: ['en', 'fr'] }).notNull().default('en'),
    siteRole: text('site_role', { enum: ['member', 'moderator', 'admin'] }).notNull().default('member'),
    // Bumped to revoke every JWT issued before: sign out everywhere, password change, disabling.
    sessionVersion: integer('session_version').notNull().default(1),
    isDisabled: integer('is_disabled', { mode: 'boolean' }).notNull().default(false),
    isInDirectory: integer('is_in_directory', { mode: 'boolean' }).notNull().default(false),
    bio: text('bio').notNull().default(''),
    // Directory profile (shown only while isInDirectory): what the member offers other members.
    expertise: text('expertise').notNull().default(''),
    // Shown only to members whose connection request this member accepted, or who accepted theirs.
    contactDetails: text('contact_details').notNull().default(''),
    shareEmailWithConnections: integer('share_email_with_connections', { mode: 'boolean' }).notNull().default(false),
    // Email: how often (notifications go to the app regardless), whether emails may say what happened
    // (default: neutral, nothing sensitive), and at most how many a week (extra items wait for a digest).
    emailFrequency: text('email_frequency', { enum: ['immediate', 'daily', 'weekly', 'never'] }).notNull().default('daily'),
    emailDetail: text('email_detail', { enum: ['neutral', 'full'] }).notNull().default('neutral'),
    weeklyEmailCap: integer('weekly_email_cap').notNull().default(7),
    refreshersEnabled: integer('refreshers_enabled', { mode: 'boolean' }).notNull().default(true),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch() * 1000)`),
  },
  (table) => [uniqueIndex('users_username_unique').on(table.username), uniqueIndex('users_email_unique').on(table.email)],
);

export const memberships = sqliteTable(
  'memberships',
  {
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    organisationId: text('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['member', 'editor'] }).notNull().default('member'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch() * 1000)`),
  },
  (table) => [primaryKey({ columns: [table.userId, table.organisationId] }), index('memberships_organisation_idx').on(table.organisationId)],
);

export const inviteCodes = sqliteTable(
  'invite_codes',
  {
    id: text('id').primaryKey(),
    // Only a SHA-256 of the code is stored: a leaked database does not hand out accounts.
    codeHash: text('code_hash').notNull(),
    // The last characters, so admins can tell codes apart without the database holding the code.
    codeHint: text('code_hint').notNull(),
    organisationId: text('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['member', 'editor'] }).notNull().default('member'),
    note: text('note').notNull().default(''),
    maxUses: integer('max_uses').notNull().default(1),
    useCount: integer('use_count').notNull().default(0),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch() * 1000)`),
  },
  (table) => [uniqueIndex('invite_codes_hash_unique').on(table.codeHash)],
);

/**
 * Optional TOTP two-factor sign-in (RFC 6238: 30 s steps, 6 digits, SHA-1 for authenticator apps). Kept out of
 * `users` so a `select()` of a member's row (their data archive) never carries the secret, and so deleting
 * the account takes it along. A row with `isEnabled` false is a setup the member has not confirmed yet.
 */
export const twoFactorCredentials = sqliteTable('two_factor_credentials', {
  userId: text('user_id').primaryKey().references(() => users.id, { onDelete: 'cascade' }),
  // AES-256-GCM under a key derived from AUTH_SECRET: a copied database file or backup alone gives no codes.
  encryptedSecret: text('encrypted_secret').notNull(),
  isEnabled: integer('is_enabled', { mode: 'boolean' }).notNull().default(false),
  // The last time step a code was accepted for: a code (or an earlier one) is never accepted twice.
  lastUsedStep: integer('last_used_step'),
  enabledAt: integer('enabled_at', { mode: 'timestamp_ms' }),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch() * 1000)`),
});

export const twoFactorRecoveryCodes = sqliteTable(
  'two_factor_recovery_codes',
  {
    id: text('id').primaryKey(),
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    // Only a SHA-256 of each code, like invite codes: shown to the member once, never stored.
    codeHash: text('code_hash').notNull(),
    usedAt: integer('used_at', { mode: 'timestamp_ms' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch() * 1000)`),
  },
  (table) => [uniqueIndex('two_factor_recovery_codes_user_hash_unique').on(table.userId, table.codeHash)],
);
