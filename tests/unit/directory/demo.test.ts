import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { users } from '@/db/schema/accounts';
import { connectionOutcomeEntries, connections } from '@/db/schema/directory';
import { seedDemoNetwork } from '@/db/seed/demo';
import { pairKeyOf } from '@/lib/directory/facts';
import { getConnectionContact, listConnections, listDirectory } from '@/lib/directory/queries';
import { testDb } from '../../support/database';
import { viewerOf } from '../../support/personas';

// The demo directory on the whole demo network: what the journeys rely on, and contact details that are
// plainly fictional.

const idOf = (username: string) => testDb().select({ id: users.id }).from(users).where(eq(users.username, username)).get()!.id;
const viewerNamed = (username: string) => viewerOf(idOf(username));

beforeAll(async () => {
  await seedDemoNetwork(testDb(), fs.mkdtempSync(path.join(os.tmpdir(), 'baraza-demo-')));
}, 60_000);

describe('the demo directory', () => {
  it('lists the opted-in demo people, not Baraka (who has a profile but did not opt in) nor the disabled account', () => {
    const directory = listDirectory(viewerNamed('member'), 'en', {});
    const names = directory.items.map((item) => item.displayName);
    expect(names).toEqual(expect.arrayContaining(['Wanjiru', 'Nomvula', 'Kioko', 'Moussa']));
    expect(names).not.toContain('Baraka');
    expect(names).not.toContain('Former member');
    expect(directory.total).toBe(testDb().select().from(users).all().filter((user) => user.isInDirectory && !user.isDisabled).length);
    expect(listDirectory(viewerNamed('member'), 'en', { q: 'Baraka' }).total).toBe(0);
  });

  it('finds Wanjiru by Kenya and sex workers, not Nomvula', () => {
    const names = listDirectory(viewerNamed('participant'), 'en', { country: 'KE', population: 'sex_workers' }).items.map((item) => item.displayName);
    expect(names).toContain('Wanjiru');
    expect(names).not.toContain('Nomvula');
  });

  it('leaves the journeys’ pairs unconnected: Nomvula with Wanjiru or Baraka', () => {
    for (const [first, second] of [
      ['participant', 'editor'],
      ['participant', 'member'],
    ] as const) {
      expect(testDb().select().from(connections).where(eq(connections.pairKey, pairKeyOf(idOf(first), idOf(second)))).all()).toEqual([]);
    }
    expect(listConnections(viewerNamed('member')).log).toEqual([]);
  });

  it('has connections in every state, from 2015 to 2017 and recent, with outcomes on accepted ones only', () => {
    const rows = testDb().select().from(connections).all();
    expect(new Set(rows.map((row) => row.status))).toEqual(new Set(['pending', 'accepted', 'declined', 'withdrawn']));
    const years = new Set(rows.map((row) => row.createdAt.getUTCFullYear()));
    expect([...years].filter((year) => year >= 2015 && year <= 2017).length).toBeGreaterThanOrEqual(2);
    expect(rows.some((row) => Date.now() - row.createdAt.getTime() < 60 * 24 * 60 * 60 * 1000)).toBe(true);
    const outcomes = testDb().select().from(connectionOutcomeEntries).all();
    expect(outcomes.length).toBeGreaterThanOrEqual(4);
    for (const outcome of outcomes) expect(rows.find((row) => row.id === outcome.connectionId)?.status).toBe('accepted');
  });

  it('has Kioko’s request waiting for Wanjiru, in her notifications', () => {
    const incoming = listConnections(viewerNamed('editor')).incoming;
    expect(incoming.map((entry) => entry.other.displayName)).toEqual(['Kioko']);
  });

  it('gives Wanjiru and Nomvula fictional contact details to exchange, shown only to accepted connections', () => {
    const wanjiru = testDb().select().from(users).where(eq(users.username, 'editor')).get()!;
    const nomvula = testDb().select().from(users).where(eq(users.username, 'participant')).get()!;
    expect(wanjiru.contactDetails).toMatch(/\+000/);
    expect(nomvula.contactDetails).toMatch(/\+000/);
    expect(getConnectionContact(viewerNamed('participant'), wanjiru.id)).toBeNull();
    expect(getConnectionContact(viewerNamed('kagiso'), wanjiru.id)).toMatchObject({ contactDetails: wanjiru.contactDetails });
    for (const user of testDb().select().from(users).all()) {
      for (const match of user.contactDetails.matchAll(/[\w.+-]+@[\w.-]+/g)) expect(match[0]).toMatch(/@example\.org$/);
      for (const match of user.contactDetails.matchAll(/\+\d[\d ]*/g)) expect(match[0]).toMatch(/^\+000 /);
    }
  });
});
