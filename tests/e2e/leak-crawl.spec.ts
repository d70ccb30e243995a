import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { strFromU8, unzipSync } from 'fflate';
import type { APIRequestContext, APIResponse } from '@playwright/test';
import { expect, signIn, test } from './fixtures';
import { leakDataDir, leakOrigin } from './support/env';
import { mailFor } from './support/mailbox';
import type { CrawlPersona, LeakManifest } from './support/leak-fixture';

// The leak crawl. Its own server (tests/e2e/support/leak-server.ts) holds one item of every kind at every
// visibility, each with a marker word (tests/e2e/support/leak-fixture.ts). Each persona visits every
// surface: pages as HTML (with their inline React Server Component payload and metadata) and as the RSC
// payload a client navigation fetches, route handlers (attachments, CSV, PPTX decks), the search page for
// each marker (its count and facets), server actions called directly, notifications and emails. A marker
// the policy does not grant the persona must appear nowhere; a marker it does grant must appear on its
// own page, so a crawl of error pages cannot pass.

test.use({ baseURL: leakOrigin });

const manifest = (): LeakManifest => JSON.parse(fs.readFileSync(path.join(leakDataDir, 'leak-manifest.json'), 'utf8')) as LeakManifest;
const markerPattern = /zqx[a-z]+/g;

type Seen = { url: string; markers: Set<string>; status?: number };

/** A response's text with every marker it holds: decks are unzipped, other bodies read as text. */
async function markersIn(response: APIResponse): Promise<Set<string>> {
  const body = await response.body();
  const isZip = body.subarray(0, 2).toString('latin1') === 'PK';
  const text = isZip
    ? Object.values(unzipSync(new Uint8Array(body)))
        .map((entry) => strFromU8(entry))
        .join('\n')
    : body.toString('utf8');
  return new Set(text.match(markerPattern) ?? []);
}

async function visit(request: APIRequestContext, url: string, headers: Record<string, string> = {}): Promise<Seen> {
  const response = await request.get(url, { headers, maxRedirects: 5 });
  // A server error would hide a leak as surely as it hides a page.
  expect(response.status(), `${url} ${JSON.stringify(headers)}`).toBeLessThan(500);
  return { url: Object.keys(headers).length ? `${url} (RSC payload)` : url, markers: await markersIn(response) };
}

/** The "N results" line of the search page, in English. */
async function searchTotal(request: APIRequestContext, marker: string): Promise<{ seen: Seen; total: number }> {
  const url = `/search?q=${marker}`;
  const response = await request.get(url);
  expect(response.status(), url).toBe(200);
  const html = await response.text();
  const total = /No results/.test(html) ? 0 : Number(/(\d+) results?\b/.exec(html)?.[1] ?? Number.NaN);
  // The page repeats what was typed (the search box, the title): the count says whether it was found.
  const markers = new Set(html.match(markerPattern) ?? []);
  markers.delete(marker);
  return { seen: { url, markers }, total };
}

/** The server actions that return data, and every other one called with nothing: none may answer with a marker. */
async function callActions(request: APIRequestContext, world: LeakManifest): Promise<Seen[]> {
  const manifestFile = path.join(process.env.NEXT_DIST_DIR ?? '.next', 'server', 'server-reference-manifest.json');
  const actions = Object.entries((JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { node: Record<string, { exportedName?: string }> }).node);
  const idOf = (name: string) => actions.find(([, entry]) => entry.exportedName === name)?.[0];
  const call = async (id: string, args: unknown[], label: string): Promise<Seen> => {
    const response = await request.post('/', { headers: { 'Next-Action': id, Origin: leakOrigin, 'Content-Type': 'text/plain;charset=UTF-8' }, data: JSON.stringify(args) });
    return { url: `server action ${label}`, markers: await markersIn(response), status: response.status() };
  };
  const seen: Seen[] = [];
  const quickTag = idOf('quickTagCandidatesAction');
  const mentions = idOf('mentionCandidatesAction');
  const saveSection = idOf('saveSectionAction');
  expect(quickTag && mentions && saveSection, 'the data-returning server actions are in the build').toBeTruthy();
  seen.push(await call(quickTag!, [{ query: 'zqx' }], 'quickTagCandidates'));
  seen.push(await call(mentions!, [{ query: 'p' }], 'mentionCandidates'));
  // A stale base version: nothing is ever written, and the conflict answer (which carries the current
  // text) must come only to those who may edit.
  for (const caseStudyId of world.caseStudyIds) {
    const content = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'overwritten' }] }] };
    seen.push(await call(saveSection!, [{ caseStudyId, key: 'problem', baseVersion: 999_999, content }], `saveSection ${caseStudyId}`));
  }
  for (const [id, entry] of actions) seen.push(await call(id, [], entry.exportedName ?? id));
  return seen;
}

function pendingEmailJobs(): number {
  const db = new Database(path.join(leakDataDir, 'baraza.db'), { readonly: true });
  try {
    return (db.prepare("select count(*) as count from jobs where kind like 'email.%' and status in ('pending', 'running')").get() as { count: number }).count;
  } finally {
    db.close();
  }
}

async function crawl(request: APIRequestContext, persona: CrawlPersona, world: LeakManifest) {
  const seen: Seen[] = [];
  const urls = [...new Set([...world.urls, ...world.markers.flatMap((marker) => (marker.home ? [marker.home] : []))])];
  for (const url of urls) {
    seen.push(await visit(request, url));
    if (!url.startsWith('/api/')) seen.push(await visit(request, url, { RSC: '1' }));
  }
  const totals = new Map<string, number>();
  for (const marker of world.markers.filter((entry) => entry.searchable)) {
    const { seen: page, total } = await searchTotal(request, marker.marker);
    seen.push(page);
    totals.set(marker.marker, total);
  }
  seen.push(...(await callActions(request, world)));
  // (The disabled member's emails were sent while they were a member: not what their stolen cookie reads.)
  if (persona !== 'anonymous' && persona !== 'disabledMember') {
    await expect.poll(pendingEmailJobs, { message: 'emails still to send', timeout: 30_000 }).toBe(0);
    const mails = mailFor(world.emails[persona], path.join(leakDataDir, 'mailbox'));
    // Everyone was mentioned in the public thread, so everyone got mail (at once, or in the daily digest).
    expect(mails.length, `emails to ${persona}`).toBeGreaterThan(0);
    for (const mail of mails) seen.push({ url: `email ${mail.file}`, markers: new Set(mail.decoded.match(markerPattern) ?? []) });
  }

  // A server error would hide a leak as surely as it hides a page; forged action calls must be refused cleanly.
  expect(seen.filter((entry) => (entry.status ?? 0) >= 500).map((entry) => `${entry.url}: ${entry.status}`)).toEqual([]);
  const leaks: string[] = [];
  const missing: string[] = [];
  for (const marker of world.markers) {
    const allowed = marker.allowed.includes(persona);
    const where = seen.filter((entry) => entry.markers.has(marker.marker)).map((entry) => entry.url);
    if (!allowed && where.length) leaks.push(`${marker.marker} (${marker.kind}) on ${where.join(', ')}`);
    if (allowed && !where.length) missing.push(`${marker.marker} (${marker.kind}) found nowhere`);
    if (marker.searchable) {
      const total = totals.get(marker.marker)!;
      const findable = allowed && !marker.unsearchable;
      if (!findable && total !== 0) leaks.push(`search for ${marker.marker} (${marker.kind}) counts ${total}`);
      if (findable && !(total > 0)) missing.push(`search for ${marker.marker} (${marker.kind}) finds nothing`);
    }
  }
  expect(leaks, `${persona} must not see these`).toEqual([]);
  expect(missing, `${persona} may read these, so the crawl must find them (or it proves nothing)`).toEqual([]);
  // The crawl really went everywhere: pages, payloads, searches and actions.
  expect(seen.length).toBeGreaterThan(urls.length * 1.5);
}

const signedInPersonas = ['otherOrganisationMember', 'organisationMember', 'organisationEditor', 'author', 'eventParticipant', 'eventFacilitator', 'otherEventFacilitator', 'moderator', 'admin'] as const;

test.describe('leak crawl', () => {
  test.describe.configure({ timeout: 300_000 });

  test('anonymous visitor', async ({ request }) => {
    await crawl(request, 'anonymous', manifest());
  });

  for (const persona of signedInPersonas) {
    test(`signed in as ${persona}`, async ({ page }) => {
      const world = manifest();
      await signIn(page, world.usernames[persona], { password: world.password });
      await crawl(page.request, persona, world);
    });
  }

  test('disabled member with a session cookie from before', async ({ page }) => {
    const world = manifest();
    await signIn(page, world.usernames.disabledMember, { password: world.password });
    // Disabled as an admin does it (lib/accounts/mutations.ts setDisabled): the flag and a new session version.
    const db = new Database(path.join(leakDataDir, 'baraza.db'));
    try {
      db.prepare('update users set is_disabled = 1, session_version = session_version + 1 where id = ?').run(world.userIds.disabledMember);
    } finally {
      db.close();
    }
    // The old cookie is still in the browser; it must now read exactly what an anonymous visitor reads.
    await crawl(page.request, 'disabledMember', world);
  });
});
