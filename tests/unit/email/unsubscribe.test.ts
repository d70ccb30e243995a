import { eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { users } from '@/db/schema/accounts';
import { GET, POST } from '@/app/api/email/unsubscribe/route';
import { describeUnsubscribeLink } from '@/lib/email/queries';
import { getEnv } from '@/lib/env';
import { signMemberToken, unsubscribeUrls, verifyMemberToken, type TokenPurpose } from '@/lib/email/tokens';
import { testDb } from '../../support/database';
import { setEmailPreferences } from '../../support/email';
import { createTestUser } from '../../support/personas';

// Every email carries a signed link that turns email off for its recipient without signing in. The token is
// the only permission, so it must name the member and the purpose, and nothing else may pass for it.

let memberId: string;
let otherId: string;
beforeAll(async () => {
  memberId = await createTestUser({ username: 'unsubscribing-member', email: 'member@example.org', locale: 'fr' });
  otherId = await createTestUser({ username: 'other-member', email: 'other@example.org' });
});
beforeEach(() => {
  setEmailPreferences(memberId, { emailFrequency: 'immediate' });
  setEmailPreferences(otherId, { emailFrequency: 'daily' });
});

const frequencyOf = (userId: string) => testDb().select({ emailFrequency: users.emailFrequency }).from(users).where(eq(users.id, userId)).get()!.emailFrequency;

describe('unsubscribe tokens', () => {
  it('a token verifies for its member and purpose', () => {
    const token = signMemberToken(memberId, 'unsubscribe');
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(verifyMemberToken(memberId, 'unsubscribe', token)).toBe(true);
  });

  it('rejects a tampered token, another member’s token, a token for another purpose, and junk', () => {
    const token = signMemberToken(memberId, 'unsubscribe');
    const tampered = `${token.slice(0, 10)}${token[10] === 'A' ? 'B' : 'A'}${token.slice(11)}`;
    expect(verifyMemberToken(memberId, 'unsubscribe', tampered)).toBe(false);
    expect(verifyMemberToken(memberId, 'unsubscribe', token.slice(0, -1))).toBe(false);
    expect(verifyMemberToken(memberId, 'unsubscribe', `${token}A`)).toBe(false);
    expect(verifyMemberToken(otherId, 'unsubscribe', token)).toBe(false);
    expect(verifyMemberToken(memberId, 'unsubscribe', signMemberToken(otherId, 'unsubscribe'))).toBe(false);
    expect(verifyMemberToken(memberId, 'unsubscribe', signMemberToken(memberId, 'account-deletion' as TokenPurpose))).toBe(false);
    for (const junk of ['', undefined, null, ['a'], 42]) expect(verifyMemberToken(memberId, 'unsubscribe', junk)).toBe(false);
    expect(verifyMemberToken(undefined, 'unsubscribe', token)).toBe(false);
  });

  it('links carry the member id and token: the page in the text, the one-click endpoint in the header', () => {
    const token = signMemberToken(memberId, 'unsubscribe');
    expect(unsubscribeUrls(memberId)).toEqual({
      page: `${getEnv().appUrl}/email/unsubscribe?u=${memberId}&t=${token}`,
      oneClick: `${getEnv().appUrl}/api/email/unsubscribe?u=${memberId}&t=${token}`,
    });
  });
});

describe('the unsubscribe page and endpoint', () => {
  const endpoint = (userId: string, token: string) => `http://localhost:3000/api/email/unsubscribe?u=${userId}&t=${token}`;
  const oneClick = (url: string) =>
    POST(new Request(url, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' }));

  it('the page reads the link without changing anything (scanners fetch every GET)', () => {
    const token = signMemberToken(memberId, 'unsubscribe');
    expect(describeUnsubscribeLink(memberId, token)).toEqual({ status: 'valid', locale: 'fr', isUnsubscribed: false });
    expect(describeUnsubscribeLink(memberId, 'forged')).toEqual({ status: 'invalid' });
    expect(describeUnsubscribeLink(['a', 'b'], token)).toEqual({ status: 'invalid' });
    expect(frequencyOf(memberId)).toBe('immediate');
  });

  it('a GET on the endpoint only leads to the page', () => {
    const token = signMemberToken(memberId, 'unsubscribe');
    const response = GET(new Request(endpoint(memberId, token)));
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe(`/email/unsubscribe?u=${memberId}&t=${token}`);
    expect(frequencyOf(memberId)).toBe('immediate');
  });

  it('one-click POST (RFC 8058) turns email off for that member only', async () => {
    const response = await oneClick(endpoint(memberId, signMemberToken(memberId, 'unsubscribe')));
    expect(response.status).toBe(200);
    expect(frequencyOf(memberId)).toBe('never');
    expect(frequencyOf(otherId)).toBe('daily');
    expect(describeUnsubscribeLink(memberId, signMemberToken(memberId, 'unsubscribe'))).toMatchObject({ isUnsubscribed: true });
  });

  it('refuses a bad token with a 400 and changes nothing', async () => {
    const response = await oneClick(endpoint(otherId, signMemberToken(memberId, 'unsubscribe')));
    expect(response.status).toBe(400);
    expect(frequencyOf(otherId)).toBe('daily');
    expect(frequencyOf(memberId)).toBe('immediate');
  });

  it('the page’s button posts the token in the form and comes back to the page', async () => {
    const token = signMemberToken(memberId, 'unsubscribe');
    const body = new URLSearchParams({ u: memberId, t: token, from: 'page' });
    const response = await POST(new Request('http://localhost:3000/api/email/unsubscribe', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body }));
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe(`/email/unsubscribe?u=${memberId}&t=${token}`);
    expect(frequencyOf(memberId)).toBe('never');
  });
});
