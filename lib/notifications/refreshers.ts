import 'server-only';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { users } from '@/db/schema/accounts';
import { caseStudies, caseStudySections } from '@/db/schema/case-studies';
import { eventParticipants, events, eventTopics } from '@/db/schema/events';
import { refreshers } from '@/db/schema/notifications';
import { topics } from '@/db/schema/taxonomy';
import { caseStudyColumns } from '@/lib/case-studies/facts';
import { AppError } from '@/lib/errors';
import { excerpt } from '@/lib/format';
import { isoDate, many } from '@/lib/forms';
import { newId } from '@/lib/ids';
import { enqueueJob } from '@/lib/jobs/queue';
import { assertCan, can } from '@/lib/policy/rules';
import { readableWhere } from '@/lib/policy/scopes';
import type { Locale, MaybeViewer } from '@/lib/policy/types';
import { readableThemeRows } from '@/lib/synthesis/load';
import { themeTitle } from '@/lib/synthesis/queries';
import { notify } from './fanout';

/** The network's default rhythm after an event: 1, 3, 6 and 12 months. */
export const defaultRefresherMonths = [1, 3, 6, 12] as const;

export const ScheduleRefreshersInput = z.object({
  eventId: z.string().min(1).max(40),
  months: many(z.coerce.number().int().refine((value) => (defaultRefresherMonths as readonly number[]).includes(value), 'errors.invalid_choice'), 4),
  // A day of the facilitator's choosing, besides (or instead of) the defaults.
  sendOn: z.preprocess((value) => (value === '' ? undefined : value), isoDate().optional()),
});
export const CancelRefresherInput = z.object({ refresherId: z.string().min(1).max(40) });

/** `months` calendar months after an ISO day, clamped to the month's end (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(isoDay: string, months: number): string {
  const [year, month, day] = isoDay.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/** Refreshers go out in the morning (07:00 UTC is morning across the network's time zones). */
const sendTime = (isoDay: string) => Date.parse(`${isoDay}T07:00:00Z`);

function loadEvent(eventId: string) {
  const event = getDb().select().from(events).where(eq(events.id, eventId)).get();
  if (!event) throw new AppError('not_found');
  return event;
}

/** Schedules refreshers for an event's participants; a day already scheduled is kept, not doubled. */
export function scheduleRefreshers({ viewer, input }: { viewer: MaybeViewer; input: unknown }): { scheduled: string[] } {
  const data = ScheduleRefreshersInput.parse(input);
  const event = loadEvent(data.eventId);
  assertCan(viewer, 'event.manageFollowUp', event);
  const days = [...data.months.map((months) => ({ sendOn: addMonths(event.endsOn, months), monthsAfter: months as number | null })), ...(data.sendOn ? [{ sendOn: data.sendOn, monthsAfter: null }] : [])];
  if (!days.length) throw new AppError('invalid_input', 'errors.choose_one');
  const today = new Date().toISOString().slice(0, 10);
  if (days.some((day) => day.sendOn < today && day.monthsAfter === null)) throw new AppError('invalid_input', 'errors.date_in_past');
  return getDb().transaction(
    (tx) => {
      const scheduled: string[] = [];
      // Default days already past (an old event) are skipped rather than sent all at once.
      for (const day of days.filter((candidate) => candidate.sendOn >= today)) {
        const existing = tx.select().from(refreshers).where(and(eq(refreshers.eventId, event.id), eq(refreshers.sendOn, day.sendOn))).get();
        if (existing && !existing.cancelledAt) continue;
        // A cancelled day can be planned again: the same row comes back with a new send job.
        const id = existing?.id ?? newId();
        if (existing) tx.update(refreshers).set({ cancelledAt: null, createdBy: viewer!.userId }).where(eq(refreshers.id, id)).run();
        else tx.insert(refreshers).values({ id, eventId: event.id, sendOn: day.sendOn, monthsAfter: day.monthsAfter, createdBy: viewer!.userId }).run();
        enqueueJob(tx, { kind: 'refresher.send', payload: { refresherId: id }, runAt: sendTime(day.sendOn), uniqueKey: `refresher.send:${id}` });
        scheduled.push(day.sendOn);
      }
      return { scheduled };
    },
    { behavior: 'immediate' },
  );
}

export function cancelRefresher({ viewer, input }: { viewer: MaybeViewer; input: unknown }): void {
  const data = CancelRefresherInput.parse(input);
  const db = getDb();
  const refresher = db.select().from(refreshers).where(eq(refreshers.id, data.refresherId)).get();
  if (!refresher) throw new AppError('not_found');
  assertCan(viewer, 'event.manageFollowUp', loadEvent(refresher.eventId));
  if (refresher.sentAt) throw new AppError('conflict', 'errors.refresher_already_sent');
  db.update(refreshers).set({ cancelledAt: new Date() }).where(eq(refreshers.id, refresher.id)).run();
}

export function listRefreshers(viewer: MaybeViewer, eventId: string) {
  assertCan(viewer, 'event.manageFollowUp', loadEvent(eventId));
  return getDb().select().from(refreshers).where(eq(refreshers.eventId, eventId)).orderBy(asc(refreshers.sendOn)).all();
}

/**
 * The job: tells each participant who has refreshers on (in the app, and by email through their usual
 * notification settings, neutral unless they chose otherwise). Sent once; a cancelled one sends nothing.
 */
export function sendRefresher(refresherId: string): string[] {
  return getDb().transaction(
    (tx) => {
      const refresher = tx.select().from(refreshers).where(eq(refreshers.id, refresherId)).get();
      if (!refresher || refresher.sentAt || refresher.cancelledAt) return [];
      const event = tx.select().from(events).where(eq(events.id, refresher.eventId)).get();
      if (!event) return [];
      const participants = tx
        .select({ userId: eventParticipants.userId })
        .from(eventParticipants)
        .innerJoin(users, eq(users.id, eventParticipants.userId))
        .where(and(eq(eventParticipants.eventId, event.id), eq(users.refreshersEnabled, true)))
        .all()
        .map((row) => row.userId);
      tx.update(refreshers).set({ sentAt: new Date() }).where(eq(refreshers.id, refresher.id)).run();
      return notify(tx, { kind: 'refresher', recipientIds: participants, eventId: event.id, refresherId: refresher.id, canRead: (viewer) => can(viewer, 'event.readRefresher', event) });
    },
    { behavior: 'immediate' },
  );
}

/**
 * The refresher card: what the event was about and the lessons learned of its case studies, as far as
 * this participant may read them. For the event's participants (and those who run its follow-up).
 */
export function getRefresher(viewer: MaybeViewer, refresherId: string, locale: Locale) {
  const db = getDb();
  const refresher = db.select().from(refreshers).where(and(eq(refreshers.id, refresherId), isNull(refreshers.cancelledAt))).get();
  if (!refresher) throw new AppError('not_found');
  const event = loadEvent(refresher.eventId);
  if (!viewer || !can(viewer, 'event.readRefresher', event)) throw new AppError('not_found');
  const keyTopics = db
    .select({ labelEn: topics.labelEn, labelFr: topics.labelFr })
    .from(eventTopics)
    .innerJoin(topics, eq(topics.key, eventTopics.topicKey))
    .where(eq(eventTopics.eventId, event.id))
    .orderBy(asc(eventTopics.sortOrder))
    .all()
    .map((row) => (locale === 'fr' ? row.labelFr : row.labelEn));
  const studies = db
    .select({ id: caseStudies.id, title: caseStudies.title, language: caseStudies.language })
    .from(caseStudies)
    .where(and(eq(caseStudies.eventId, event.id), eq(caseStudies.status, 'published'), readableWhere(viewer, caseStudyColumns)))
    .orderBy(asc(caseStudies.title))
    .all();
  const lessons = studies.length
    ? db.select({ caseStudyId: caseStudySections.caseStudyId, text: caseStudySections.plainText }).from(caseStudySections).where(and(inArray(caseStudySections.caseStudyId, studies.map((study) => study.id)), eq(caseStudySections.key, 'lessons'))).all()
    : [];
  // The synthesis group's themes of the event, as far as this participant may read them.
  const themes = readableThemeRows(db, viewer, event.id).map((row) => ({ id: row.id, title: themeTitle(row, locale) }));
  return {
    refresher,
    themes,
    event: { slug: event.slug, title: locale === 'fr' ? event.titleFr : event.titleEn, startsOn: event.startsOn, endsOn: event.endsOn, place: event.place },
    keyTopics,
    lessons: studies
      .map((study) => ({ ...study, lessons: excerpt(lessons.find((row) => row.caseStudyId === study.id)?.text ?? '', 400) }))
      .filter((study) => study.lessons.trim()),
  };
}
