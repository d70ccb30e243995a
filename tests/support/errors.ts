import { expect } from 'vitest';
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
