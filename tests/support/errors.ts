import { expect } from 'vitest';
import { ZodError } from 'zod';
import { AppError, type ErrorCode } from '@/lib/errors';

/** The error `run` throws, or a failed expectation if it returns normally. */
export function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  expect.fail('expected the call to throw');
}

export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  expect.fail('expected the promise to reject');
}

export function expectAppError(error: unknown, code: ErrorCode): void {
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
}

/** The first validation message per field of a refused input (fails when the call does not throw a ZodError). */
export function fieldErrorsOf(run: () => unknown): Record<string, string> {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ZodError);
    const errors: Record<string, string> = {};
    for (const issue of (error as ZodError).issues) errors[String(issue.path[0] ?? '_')] ??= issue.message;
    return errors;
  }
  return expect.fail('expected a validation error');
}
