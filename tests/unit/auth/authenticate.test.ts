import { beforeAll, describe, expect, it } from 'vitest';
import { rateLimits } from '@/db/schema/system';
import { authenticate } from '@/lib/auth/sign-in';
import { limits } from '@/lib/rate-limit';
import { testDb } from '../../support/database';
import { expectAppError, rejectionOf } from '../../support/errors';
import { createTestUser, testPassword } from '../../support/personas';

// Every test uses its own accounts and client addresses: rate-limit counters live in this file's database.
const subjectsUsed: string[] = [];
function address(last: number): string {
  const value = `203.0.113.${last}`;
  subjectsUsed.push(value);
  return value;
}
async function account(username: string, options: { email?: string; isDisabled?: boolean } = {}) {
  subjectsUsed.push(username, ...(options.email ? [options.email] : []));
  return createTestUser({ username, email: options.email ?? null, isDisabled: options.isDisabled ?? false });
}

describe('authenticate', () => {
  let aminaId: string;
  beforeAll(async () => {
    aminaId = await account('amina', { email: 'Amina.K@Example.org' });
  });

  it('returns the account id and session version for the right username and password', async () => {
    await expect(authenticate({ identifier: 'amina', password: testPassword, address: address(1) })).resolves.toEqual({ id: aminaId, sessionVersion: 1, isSecondFactorRequired: false });
  });

  it('accepts the username and the email in any case', async () => {
    await expect(authenticate({ identifier: '  AMINA ', password: testPassword, address: address(2) })).resolves.toMatchObject({ id: aminaId });
    await expect(authenticate({ identifier: 'amina.k@example.ORG', password: testPassword, address: address(2) })).resolves.toMatchObject({ id: aminaId });
  });

  it('rejects a viewer without rights: wrong password, unknown account and disabled account all give null', async () => {
    await account('disabled-dede', { isDisabled: true });
    const from = address(3);
    await expect(authenticate({ identifier: 'amina', password: 'not the password', address: from })).resolves.toBeNull();
    await expect(authenticate({ identifier: 'nobody-here', password: testPassword, address: from })).resolves.toBeNull();
    await expect(authenticate({ identifier: 'disabled-dede', password: testPassword, address: from })).resolves.toBeNull();
    // The password is case-sensitive.
    await expect(authenticate({ identifier: 'amina', password: testPassword.toUpperCase(), address: from })).resolves.toBeNull();
  });

  it('locks an account after 5 failures, even for the right password and from another address', async () => {
    expect(limits.signInPerAccount.max).toBe(5);
    const userId = await account('kofi');
    const from = address(4);
    for (let attempt = 0; attempt < 5; attempt++) {
      await expect(authenticate({ identifier: 'kofi', password: `wrong-${attempt}`, address: from })).resolves.toBeNull();
    }
    expectAppError(await rejectionOf(authenticate({ identifier: 'kofi', password: testPassword, address: from })), 'rate_limited');
    expectAppError(await rejectionOf(authenticate({ identifier: 'KOFI', password: testPassword, address: address(5) })), 'rate_limited');

    // Another account from the same address is not blocked by kofi's lock.
    const otherId = await account('zawadi');
    await expect(authenticate({ identifier: 'zawadi', password: testPassword, address: from })).resolves.toMatchObject({ id: otherId });
    expect(userId).not.toBe(otherId);
  });

  it('blocks an address after its maximum of failures across many accounts', async () => {
    const max = limits.signInPerAddress.max;
    expect(max).toBeGreaterThan(limits.signInPerAccount.max);
    const userId = await account('fatou');
    const from = address(6);
    // Spread over accounts so no single account reaches its own limit.
    for (let attempt = 0; attempt < max - 1; attempt++) {
      await expect(authenticate({ identifier: `ghost-${attempt}`, password: 'guess', address: from })).resolves.toBeNull();
    }
    await expect(authenticate({ identifier: 'fatou', password: testPassword, address: from })).resolves.toMatchObject({ id: userId });
    await expect(authenticate({ identifier: 'ghost-last', password: 'guess', address: from })).resolves.toBeNull();
    expectAppError(await rejectionOf(authenticate({ identifier: 'fatou', password: testPassword, address: from })), 'rate_limited');
    // The same account from another address still signs in.
    await expect(authenticate({ identifier: 'fatou', password: testPassword, address: address(7) })).resolves.toMatchObject({ id: userId });
  });

  it('clears the account counter on success', async () => {
    const userId = await account('moussa');
    const from = address(8);
    for (let round = 0; round < 2; round++) {
      for (let attempt = 0; attempt < limits.signInPerAccount.max - 1; attempt++) {
        await expect(authenticate({ identifier: 'moussa', password: 'wrong', address: from })).resolves.toBeNull();
      }
      // Without clearing, the second round would reach 8 failures and this would throw rate_limited.
      await expect(authenticate({ identifier: 'moussa', password: testPassword, address: from })).resolves.toMatchObject({ id: userId });
    }
  });

  it('counts parallel attempts before checking them: a burst of wrong passwords gets at most 5 checked', async () => {
    await account('halima');
    const burst = await Promise.allSettled(
      Array.from({ length: 40 }, (_, attempt) => authenticate({ identifier: 'halima', password: `burst-${attempt}`, address: address(20 + (attempt % 10)) })),
    );
    const checked = burst.filter((outcome) => outcome.status === 'fulfilled');
    const limited = burst.filter((outcome) => outcome.status === 'rejected');
    expect(checked.length).toBe(limits.signInPerAccount.max);
    expect(limited.length).toBe(40 - limits.signInPerAccount.max);
    for (const outcome of limited) expectAppError((outcome as PromiseRejectedResult).reason, 'rate_limited');
    expectAppError(await rejectionOf(authenticate({ identifier: 'halima', password: testPassword, address: address(31) })), 'rate_limited');
  });

  it('shares one limit between the username and the email of an account', async () => {
    await account('rehema', { email: 'rehema@example.org' });
    for (let attempt = 0; attempt < limits.signInPerAccount.max; attempt++) {
      const identifier = attempt % 2 ? 'rehema' : 'rehema@example.org';
      await expect(authenticate({ identifier, password: 'wrong', address: address(40) })).resolves.toBeNull();
    }
    expectAppError(await rejectionOf(authenticate({ identifier: 'rehema@example.org', password: testPassword, address: address(41) })), 'rate_limited');
  });

  it('stores only HMAC keys: no username, email or address in the rate_limits table', async () => {
    await account('wanjiru', { email: 'wanjiru@example.org' });
    await expect(authenticate({ identifier: 'Wanjiru@Example.org', password: 'wrong', address: address(9) })).resolves.toBeNull();
    await expect(authenticate({ identifier: 'wanjiru', password: 'wrong', address: address(9) })).resolves.toBeNull();
    const rows = testDb().select().from(rateLimits).all();
    expect(rows.length).toBeGreaterThan(0);
    const dump = JSON.stringify(rows).toLowerCase();
    for (const subject of subjectsUsed) expect(dump).not.toContain(subject.toLowerCase());
    expect(dump).not.toContain('ghost-');
    expect(dump).not.toContain('203.0.113');
    for (const row of rows) expect(row.key).toMatch(/^sign-in:(account|address):[A-Za-z0-9_-]{32}$/);
  });
});
