import { and, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { memberships } from '@/db/schema/accounts';
import { jobs } from '@/db/schema/jobs';
import { emailMessages } from '@/db/schema/notifications';
import { addMembership } from '@/db/seed/factories';
import { mailWaitingNotifications, scheduleWaitingEmails } from '@/lib/email/delivery';
import { getEnv } from '@/lib/env';
import { createJobHandlers } from '@/lib/jobs/handlers';
import { runNextJob } from '@/lib/jobs/runner';
import type { MailTransport } from '@/lib/email/transport';
import { testDb } from '../../support/database';
import { emailedAtOf, insertNotification, insertThreadWithPost, memoryTransport, setEmailPreferences } from '../../support/email';
import { createTestUser, seedPersonas, type Personas } from '../../support/personas';

// What leaves the platform by email. By default an email says only that there is something new: someone who
// sees the inbox (or the phone's lock screen) learns nothing about the member's work or who they talk to.

const dayMs = 24 * 60 * 60_000;
const db = () => testDb();

// Words that must never reach a neutral email.
const sensitive = {
  title: 'HIV self-testing with sex workers in Mombasa',
  actor: 'Wanjiru from the drop-in centre',
  excerpt: 'We met the peer educators at the clinic on Tuesday',
  organisation: 'Persona Owning Organisation',
};

let personas: Personas;
let actorId: string;
beforeAll(async () => {
  personas = await seedPersonas();
  actorId = await createTestUser({ username: 'mail-actor', displayName: sensitive.actor });
});
beforeEach(() => {
  db().delete(jobs).run();
});

let serial = 0;
async function newMember(preferences: Parameters<typeof setEmailPreferences>[1] = {}, options: { email?: string | null } = {}) {
  serial++;
  const userId = await createTestUser({ username: `mail-member-${serial}`, email: options.email === undefined ? `member-${serial}@example.org` : options.email });
  setEmailPreferences(userId, preferences);
  return userId;
}

function notifyAbout(userId: string, overrides: { title?: string; text?: string; organisationId?: string } = {}) {
  const { threadId, postId } = insertThreadWithPost({ title: overrides.title ?? sensitive.title, text: overrides.text ?? sensitive.excerpt, authorId: actorId, organisationId: overrides.organisationId });
  return insertNotification({ userId, actorId, threadId, postId });
}

const emailsTo = (userId: string) => db().select().from(emailMessages).where(eq(emailMessages.userId, userId)).all();
const queued = (kind: string, userId: string) => db().select().from(jobs).where(and(eq(jobs.kind, kind), eq(jobs.status, 'pending'))).all().filter((job) => job.payload.userId === userId);

/** Runs every job that is due at `now` (the schedule may queue other members' emails too). */
async function drainJobs(transport: MailTransport, now: number) {
  const handlers = createJobHandlers({ db: db(), transport, now: () => now });
  while (await runNextJob(db(), handlers, { now }));
}

/** Every URL in a text, so a test can check that all of them point at our own origin. */
const urlsIn = (text: string) => text.match(/https?:\/\/[^\s"'<>]+/g) ?? [];

describe('neutral by default', () => {
  it('says only that there is new activity: no title, name, excerpt or organisation, in subject, text or HTML', async () => {
    const userId = await newMember({ emailFrequency: 'immediate' });
    notifyAbout(userId);
    notifyAbout(userId, { title: 'Another thread about PrEP' });
    const transport = memoryTransport();

    expect(await mailWaitingNotifications(db(), transport, { userId, mode: 'immediate', now: Date.now() })).toEqual({ status: 'sent', notificationCount: 2 });
    expect(transport.sent).toHaveLength(1);
    const [email] = transport.sent;
    expect(email!.subject).toBe('You have new activity');
    expect(email!.text).toContain('You have 2 new notifications.');
    expect(email!.to).toBe(`member-${serial}@example.org`);
    for (const part of [email!.subject, email!.text, email!.html]) {
      for (const word of [...Object.values(sensitive), 'PrEP', 'Another thread', 'HIV', 'sex work']) expect(part).not.toContain(word);
    }
    expect(email!.text).toContain(`${getEnv().appUrl}/notifications`);
    // Nothing loads from anywhere: no images, styles or scripts, and every link is ours.
    expect(email!.html).not.toMatch(/<img|<link|<script|<style|url\(/i);
    for (const url of [...urlsIn(email!.text), ...urlsIn(email!.html)]) expect(url.startsWith(`${getEnv().appUrl}/`)).toBe(true);

    // One-click unsubscribe in the headers (RFC 8058) and a link in the text.
    expect(email!.headers['List-Unsubscribe']).toMatch(new RegExp(`^<${getEnv().appUrl}/api/email/unsubscribe\\?u=${userId}&t=[A-Za-z0-9_-]{43}>$`));
    expect(email!.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(email!.text).toMatch(new RegExp(`${getEnv().appUrl}/email/unsubscribe\\?u=${userId}&t=[A-Za-z0-9_-]{43}`));

    const [record] = emailsTo(userId);
    expect(record).toMatchObject({ kind: 'notification', subject: 'You have new activity', text: email!.text, html: email!.html, transport: 'memory', toAddress: email!.to });
    expect(record!.sentAt).toBeInstanceOf(Date);
  });

  it('speaks the member’s language', async () => {
    const userId = await newMember({ emailFrequency: 'immediate', locale: 'fr' });
    notifyAbout(userId);
    const transport = memoryTransport();
    await mailWaitingNotifications(db(), transport, { userId, mode: 'immediate', now: Date.now() });
    expect(transport.sent[0]!.subject).toBe('Vous avez une nouvelle activité');
    expect(transport.sent[0]!.text).toContain('Vous avez 1 nouvelle notification.');
    expect(transport.sent[0]!.html).toContain('<html lang="fr">');
  });
});

describe('detailed emails, for members who chose them', () => {
  it('list what happened, who did it, an excerpt and a link, escaped; the subject stays neutral', async () => {
    const userId = await newMember({ emailFrequency: 'immediate', emailDetail: 'full' });
    const { threadId, postId } = insertThreadWithPost({ title: `${sensitive.title} <script>alert(1)</script>`, text: sensitive.excerpt, authorId: actorId });
    insertNotification({ userId, actorId, threadId, postId });
    const transport = memoryTransport();
    await mailWaitingNotifications(db(), transport, { userId, mode: 'immediate', now: Date.now() });
    const [email] = transport.sent;
    expect(email!.subject).toBe('You have new activity');
    expect(email!.text).toContain(`${sensitive.actor} replied in “${sensitive.title} <script>alert(1)</script>”`);
    expect(email!.text).toContain(sensitive.excerpt);
    expect(email!.text).toContain(`${getEnv().appUrl}/threads/${threadId}#post-${postId}`);
    expect(email!.html).toContain(`${sensitive.title} &lt;script&gt;alert(1)&lt;/script&gt;`);
    expect(email!.html).not.toContain('<script');
    expect(email!.html).toContain(`href="${getEnv().appUrl}/threads/${threadId}#post-${postId}"`);
  });
});

describe('who gets no email', () => {
  it('a member without an address, or who chose never: notifications stay in the app, unmarked', async () => {
    const withoutAddress = await newMember({ emailFrequency: 'immediate' }, { email: null });
    const never = await newMember({ emailFrequency: 'never' });
    const notifications = [notifyAbout(withoutAddress), notifyAbout(never)];
    const transport = memoryTransport();

    expect(await mailWaitingNotifications(db(), transport, { userId: withoutAddress, mode: 'immediate', now: Date.now() })).toEqual({ status: 'skipped', reason: 'no_address' });
    expect(await mailWaitingNotifications(db(), transport, { userId: never, mode: 'immediate', now: Date.now() })).toEqual({ status: 'skipped', reason: 'other_frequency' });
    expect(await mailWaitingNotifications(db(), transport, { userId: never, mode: 'daily', now: Date.now() })).toEqual({ status: 'skipped', reason: 'other_frequency' });
    scheduleWaitingEmails(db(), Date.now());
    expect([...queued('email.digest', withoutAddress), ...queued('email.digest', never), ...queued('email.notifications', never)]).toEqual([]);

    expect(transport.sent).toEqual([]);
    expect(notifications.map(emailedAtOf)).toEqual([null, null]);
  });
});

describe('what a member may no longer read', () => {
  it('is never mailed, and is marked so it does not wait for ever', async () => {
    const userId = await newMember({ emailFrequency: 'immediate', emailDetail: 'full' });
    addMembership(db(), userId, personas.organisationId, 'member');
    const lost = notifyAbout(userId, { title: 'Organisation-only planning', text: 'Internal words', organisationId: personas.organisationId });
    const kept = notifyAbout(userId, { title: 'An open discussion', text: 'Open words' });
    // The member leaves the organisation before the email goes out.
    db().delete(memberships).where(and(eq(memberships.userId, userId), eq(memberships.organisationId, personas.organisationId))).run();

    const transport = memoryTransport();
    expect(await mailWaitingNotifications(db(), transport, { userId, mode: 'immediate', now: Date.now() })).toEqual({ status: 'sent', notificationCount: 1 });
    const [email] = transport.sent;
    expect(email!.text).toContain('You have 1 new notification.');
    expect(email!.text).toContain('An open discussion');
    for (const part of [email!.text, email!.html]) {
      expect(part).not.toContain('Organisation-only planning');
      expect(part).not.toContain('Internal words');
    }
    expect(emailedAtOf(lost)).toBeInstanceOf(Date);
    expect(emailedAtOf(kept)).toBeInstanceOf(Date);
  });

  it('when nothing readable is left, no email is sent at all', async () => {
    const userId = await newMember({ emailFrequency: 'immediate' });
    addMembership(db(), userId, personas.organisationId, 'member');
    const lost = notifyAbout(userId, { organisationId: personas.organisationId });
    db().delete(memberships).where(and(eq(memberships.userId, userId), eq(memberships.organisationId, personas.organisationId))).run();
    const transport = memoryTransport();
    expect(await mailWaitingNotifications(db(), transport, { userId, mode: 'immediate', now: Date.now() })).toEqual({ status: 'skipped', reason: 'nothing_to_send' });
    expect(transport.sent).toEqual([]);
    expect(emailedAtOf(lost)).toBeInstanceOf(Date);
  });
});

describe('digests and the weekly cap', () => {
  it('at the cap nothing is sent and items wait; once the week frees up, one digest carries them all', async () => {
    const userId = await newMember({ emailFrequency: 'daily', weeklyEmailCap: 2 });
    const t0 = Date.now();
    const transport = memoryTransport();
    const sentToMember = () => transport.sent.filter((email) => email.to === `member-${serial}@example.org`);

    // Two digests on two days use up the cap.
    notifyAbout(userId);
    scheduleWaitingEmails(db(), t0);
    expect(queued('email.digest', userId)).toHaveLength(1);
    await drainJobs(transport, t0);
    notifyAbout(userId);
    scheduleWaitingEmails(db(), t0 + dayMs);
    await drainJobs(transport, t0 + dayMs);
    expect(emailsTo(userId).map((email) => email.kind)).toEqual(['digest', 'digest']);

    // Day three: the cap holds. Nothing is queued, and a digest job that runs anyway sends nothing.
    const waiting = [notifyAbout(userId), notifyAbout(userId), notifyAbout(userId)];
    scheduleWaitingEmails(db(), t0 + 2 * dayMs);
    expect(queued('email.digest', userId)).toEqual([]);
    expect(await mailWaitingNotifications(db(), transport, { userId, mode: 'daily', now: t0 + 2 * dayMs })).toEqual({ status: 'skipped', reason: 'weekly_cap' });
    expect(waiting.map(emailedAtOf)).toEqual([null, null, null]);
    expect(sentToMember()).toHaveLength(2);

    // A week after the first digest one slot is free again: one digest with the three waiting items.
    const later = t0 + 7 * dayMs + 60 * 60_000;
    scheduleWaitingEmails(db(), later);
    expect(queued('email.digest', userId).map((job) => job.payload)).toEqual([{ userId, period: 'daily' }]);
    await drainJobs(transport, later);
    expect(sentToMember()).toHaveLength(3);
    expect(sentToMember()[2]!.subject).toBe('Your daily summary');
    expect(sentToMember()[2]!.text).toContain('Your daily summary: 3 new notifications.');
    expect(waiting.map(emailedAtOf).every((at) => at instanceof Date)).toBe(true);

    // Nothing waits any more, and the next digest is not due before tomorrow.
    scheduleWaitingEmails(db(), later + 60 * 60_000);
    expect(queued('email.digest', userId)).toEqual([]);
  });

  it('a daily digest is due a day after the last one; a weekly one a week after', async () => {
    const daily = await newMember({ emailFrequency: 'daily' });
    const weekly = await newMember({ emailFrequency: 'weekly' });
    const t0 = Date.now();
    const transport = memoryTransport();
    for (const userId of [daily, weekly]) {
      notifyAbout(userId);
      expect(await mailWaitingNotifications(db(), transport, { userId, mode: userId === daily ? 'daily' : 'weekly', now: t0 })).toMatchObject({ status: 'sent' });
      notifyAbout(userId);
    }
    // An hour later neither is due; a digest job that runs anyway does nothing.
    scheduleWaitingEmails(db(), t0 + 60 * 60_000);
    expect([...queued('email.digest', daily), ...queued('email.digest', weekly)]).toEqual([]);
    expect(await mailWaitingNotifications(db(), transport, { userId: daily, mode: 'daily', now: t0 + 60 * 60_000 })).toEqual({ status: 'skipped', reason: 'not_due' });

    // The next day, on the hour (a few seconds early is still the same slot): the daily one only.
    scheduleWaitingEmails(db(), t0 + dayMs - 5_000);
    expect(queued('email.digest', daily)).toHaveLength(1);
    expect(queued('email.digest', weekly)).toEqual([]);
    scheduleWaitingEmails(db(), t0 + 7 * dayMs);
    expect(queued('email.digest', weekly).map((job) => job.payload)).toEqual([{ userId: weekly, period: 'weekly' }]);
    // Queued once however often the schedule runs.
    scheduleWaitingEmails(db(), t0 + 7 * dayMs);
    expect(queued('email.digest', weekly)).toHaveLength(1);
  });

  it('a digest job for a member who has since changed frequency sends nothing', async () => {
    const userId = await newMember({ emailFrequency: 'weekly' });
    notifyAbout(userId);
    const transport = memoryTransport();
    expect(await mailWaitingNotifications(db(), transport, { userId, mode: 'daily', now: Date.now() })).toEqual({ status: 'skipped', reason: 'other_frequency' });
    expect(transport.sent).toEqual([]);
  });

  it('an immediate member held back by the cap is mailed by the hourly schedule once the week frees up', async () => {
    const userId = await newMember({ emailFrequency: 'immediate', weeklyEmailCap: 1 });
    const t0 = Date.now();
    const transport = memoryTransport();
    notifyAbout(userId);
    await mailWaitingNotifications(db(), transport, { userId, mode: 'immediate', now: t0 });
    const held = notifyAbout(userId);
    expect(await mailWaitingNotifications(db(), transport, { userId, mode: 'immediate', now: t0 + 1_000 })).toEqual({ status: 'skipped', reason: 'weekly_cap' });
    scheduleWaitingEmails(db(), t0 + dayMs);
    expect(queued('email.notifications', userId)).toEqual([]);

    const later = t0 + 7 * dayMs + 60 * 60_000;
    scheduleWaitingEmails(db(), later);
    expect(queued('email.notifications', userId)).toHaveLength(1);
    await drainJobs(transport, later);
    expect(emailsTo(userId)).toHaveLength(2);
    expect(emailedAtOf(held)).toBeInstanceOf(Date);
  });
});
