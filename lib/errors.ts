/**
 * The few ways a request can fail on purpose. `code` doubles as the i18n key under `errors.*`,
 * so a form shows a translated message and never a stack trace.
 */
export const errorCodes = [
  'not_found',
  'forbidden',
  'unauthenticated',
  'invalid_input',
  'conflict',
  'rate_limited',
  'invite_invalid',
  'username_taken',
  'email_taken',
  'wrong_password',
  'invalid_credentials',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
  ) {
    super(message ?? code);
    this.name = 'AppError';
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** SQLite's "database or disk is full" (a full file system, or the database's page limit). */
export function isStorageFull(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'SQLITE_FULL';
}
