import 'server-only';
import { and, asc, desc, eq, exists, inArray, or, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { memberships, users } from '@/db/schema/accounts';
import { caseStudies } from '@/db/schema/case-studies';
import { connectionOutcomeEntries, connections, userPopulations, userTopics, type ConnectionOutcome, type ConnectionReason, type ConnectionStatus } from '@/db/schema/directory';
import { eventParticipants, events } from '@/db/schema/events';
import { organisations } from '@/db/schema/organisations';
import { caseStudyColumns } from '@/lib/case-studies/facts';
import { AppError } from '@/lib/errors';
import { assertCan, can } from '@/lib/policy/rules';
import { readableWhere } from '@/lib/policy/scopes';
import type { Locale, MaybeViewer, Viewer } from '@/lib/policy/types';
import { connectionFacts, liveStatuses, pairKeyOf, profileFacts } from './facts';
import type { DirectoryFilters } from './schemas';

export const directoryPageSize = 20;

/**
 * Who the directory may show: members who opted in and are not disabled. Every list, total and filter
 * count below starts from this, so a member who did not opt in is never listed nor counted (decision 008).
 */
const isListed = and(eq(users.isInDirectory, true), eq(users.isDisabled, false))!;

/** LIKE with the member's text taken literally: `%`, `_` and the escape character itself match only themselves. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

function filterWhere(filters: Omit<DirectoryFilters, 'page'>): SQL[] {
  const db = getDb();
  const conditions: SQL[] = [];
  if (filters.country)
    conditions.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(memberships)
          .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
          .where(and(eq(memberships.userId, users.id), eq(organisations.countryCode, filters.country))),
      ),
    );
  if (filters.population)
    conditions.push(exists(db.select({ one: sql`1` }).from(userPopulations).where(and(eq(userPopulations.userId, users.id), eq(userPopulations.populationKey, filters.population)))));
  if (filters.topic) conditions.push(exists(db.select({ one: sql`1` }).from(userTopics).where(and(eq(userTopics.userId, users.id), eq(userTopics.topicKey, filters.topic)))));
  if (filters.event)
    conditions.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(eventParticipants)
          .innerJoin(events, eq(events.id, eventParticipants.eventId))
          .where(and(eq(eventParticipants.userId, users.id), eq(events.slug, filters.event))),
      ),
    );
  if (filters.q) conditions.push(sql`${users.displayName} like ${containsPattern(filters.q)} escape '\\'`);
  return conditions;
}

export type DirectoryCard = {
  id: string;
  displayName: string;
  expertise: string;
  organisations: { slug: string; name: string; countryCode: string }[];
  populations: string[];
  topics: string[];
  events: { slug: string; title: string }[];
};

export type FacetCount = { value: string; label?: string; count: number };

/** Organisations, populations, topics and events of these (listed) members, for their cards. */
function attachDirectoryDetails(rows: { id: string; displayName: string; expertise: string }[], locale: Locale): DirectoryCard[] {
  if (!rows.length) return [];
  const db = getDb();
  const ids = rows.map((row) => row.id);
  const organisationRows = db
    .select({ userId: memberships.userId, slug: organisations.slug, name: organisations.name, countryCode: organisations.countryCode })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(inArray(memberships.userId, ids))
    .orderBy(asc(organisations.name))
    .all();
  const populationRows = db.select().from(userPopulations).where(inArray(userPopulations.userId, ids)).all();
  const topicRows = db.select().from(userTopics).where(inArray(userTopics.userId, ids)).all();
  const eventRows = db
    .selectDistinct({ userId: eventParticipants.userId, slug: events.slug, titleEn: events.titleEn, titleFr: events.titleFr, startsOn: events.startsOn })
    .from(eventParticipants)
    .innerJoin(events, eq(events.id, eventParticipants.eventId))
    .where(inArray(eventParticipants.userId, ids))
    .orderBy(asc(events.startsOn))
    .all();
  return rows.map((row) => ({
    id: row.id,
    displayName: row.displayName,
    expertise: row.expertise,
    organisations: organisationRows.filter((entry) => entry.userId === row.id).map(({ slug, name, countryCode }) => ({ slug, name, countryCode })),
    populations: populationRows.filter((entry) => entry.userId === row.id).map((entry) => entry.populationKey),
    topics: topicRows.filter((entry) => entry.userId === row.id).map((entry) => entry.topicKey),
    events: eventRows.filter((entry) => entry.userId === row.id).map((entry) => ({ slug: entry.slug, title: locale === 'fr' ? entry.titleFr : entry.titleEn })),
  }));
}

/** How many listed members each filter value would find (over the whole directory, like the options it offers). */
function directoryFacets(locale: Locale) {
  const db = getDb();
  const countries = db
    .select({ value: organisations.countryCode, count: sql<number>`count(distinct ${users.id})` })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(isListed)
    .groupBy(organisations.countryCode)
    .all();
  const populations = db
    .select({ value: userPopulations.populationKey, count: sql<number>`count(*)` })
    .from(userPopulations)
    .innerJoin(users, eq(users.id, userPopulations.userId))
    .where(isListed)
    .groupBy(userPopulations.populationKey)
    .all();
  const topics = db.select({ value: userTopics.topicKey, count: sql<number>`count(*)` }).from(userTopics).innerJoin(users, eq(users.id, userTopics.userId)).where(isListed).groupBy(userTopics.topicKey).all();
  const eventRows = db
    .select({ value: events.slug, titleEn: events.titleEn, titleFr: events.titleFr, count: sql<number>`count(distinct ${users.id})` })
    .from(eventParticipants)
    .innerJoin(users, eq(users.id, eventParticipants.userId))
    .innerJoin(events, eq(events.id, eventParticipants.eventId))
    .where(isListed)
    .groupBy(events.id)
    .orderBy(desc(events.startsOn))
    .all();
  return {
    countries: countries as FacetCount[],
    populations: populations as FacetCount[],
    topics: topics as FacetCount[],
    events: eventRows.map((row) => ({ value: row.value, label: locale === 'fr' ? row.titleFr : row.titleEn, count: row.count })) as FacetCount[],
  };
}

/**
 * The member directory, for signed-in members only: members who opted in (and are not disabled), filtered
 * by their organisations' country, the populations and topics they work on, an event they took part in
 * and a name search; alphabetical, a page at a time, with a total and filter counts under the same rule.
 */
export function listDirectory(viewer: MaybeViewer, locale: Locale, filters: Omit<DirectoryFilters, 'page'>, page = 1) {
  // Anonymous visitors are asked to sign in rather than shown a 404: the directory exists, just not for them.
  if (!viewer) throw new AppError('unauthenticated');
  assertCan(viewer, 'directory.read', null);
  const db = getDb();
  const where = and(isListed, ...filterWhere(filters));
  const total = db.select({ count: sql<number>`count(*)` }).from(users).where(where).get()?.count ?? 0;
  const pages = Math.max(1, Math.ceil(total / directoryPageSize));
  const current = Math.min(Math.max(1, page), pages);
  const rows = db
    .select({ id: users.id, displayName: users.displayName, expertise: users.expertise })
    .from(users)
    .where(where)
    .orderBy(sql`${users.displayName} collate nocase`, asc(users.id))
    .limit(directoryPageSize)
    .offset((current - 1) * directoryPageSize)
    .all();
  return { items: attachDirectoryDetails(rows, locale), total, page: current, pages, facets: directoryFacets(locale) };
}

/** The member's own directory profile, for the settings page. Contact details are theirs to read. */
export function getOwnDirectoryProfile(viewer: Viewer) {
  const db = getDb();
  const row = db
    .select({ isInDirectory: users.isInDirectory, email: users.email, expertise: users.expertise, contactDetails: users.contactDetails, shareEmailWithConnections: users.shareEmailWithConnections })
    .from(users)
    .where(eq(users.id, viewer.userId))
    .get();
  if (!row) throw new AppError('not_found');
  return {
    isInDirectory: row.isInDirectory,
    hasEmail: row.email !== null,
    expertise: row.expertise,
    contactDetails: row.contactDetails,
    shareEmailWithConnections: row.shareEmailWithConnections,
    populations: db.select().from(userPopulations).where(eq(userPopulations.userId, viewer.userId)).all().map((entry) => entry.populationKey),
    topics: db.select().from(userTopics).where(eq(userTopics.userId, viewer.userId)).all().map((entry) => entry.topicKey),
  };
}

function loadProfileFacts(userId: string) {
  const row = getDb().select({ id: users.id, isInDirectory: users.isInDirectory, isDisabled: users.isDisabled }).from(users).where(eq(users.id, userId)).get();
  if (!row) throw new AppError('not_found');
  return profileFacts(row);
}

/**
 * What a member works on and offers, for their profile page: only where the profile's details show (they
 * opted in, or it is the viewer's own), never contact details.
 */
export function getDirectoryDetails(viewer: MaybeViewer, userId: string) {
  const facts = loadProfileFacts(userId);
  assertCan(viewer, 'profile.read', facts);
  if (!can(viewer, 'profile.readDetails', facts)) return null;
  const db = getDb();
  const expertise = db.select({ expertise: users.expertise }).from(users).where(eq(users.id, userId)).get()?.expertise ?? '';
  return {
    expertise,
    populations: db.select().from(userPopulations).where(eq(userPopulations.userId, userId)).all().map((entry) => entry.populationKey),
    topics: db.select().from(userTopics).where(eq(userTopics.userId, userId)).all().map((entry) => entry.topicKey),
  };
}

export type ConnectionContact = { contactDetails: string; email: string | null };

/**
 * The contact details another member chose to share (and their email only if they ticked "share my
 * email"), only while an accepted connection joins the viewer and them; otherwise null. This is the one
 * place contact details leave the users table for someone else (decision 008).
 */
export function getConnectionContact(viewer: MaybeViewer, otherUserId: string): ConnectionContact | null {
  if (!viewer || viewer.userId === otherUserId) return null;
  const db = getDb();
  const connection = db
    .select()
    .from(connections)
    .where(and(eq(connections.pairKey, pairKeyOf(viewer.userId, otherUserId)), eq(connections.status, 'accepted')))
    .get();
  if (!connection || !can(viewer, 'connection.readContact', connectionFacts(connection))) return null;
  return contactsOf([otherUserId]).get(otherUserId) ?? null;
}

/** Contact details of these members as each chose to share them; disabled members share nothing. Callers check the policy. */
function contactsOf(userIds: string[]): Map<string, ConnectionContact> {
  if (!userIds.length) return new Map();
  const rows = getDb()
    .select({ id: users.id, contactDetails: users.contactDetails, email: users.email, shareEmailWithConnections: users.shareEmailWithConnections })
    .from(users)
    .where(and(inArray(users.id, userIds), eq(users.isDisabled, false)))
    .all();
  return new Map(rows.map((row) => [row.id, { contactDetails: row.contactDetails, email: row.shareEmailWithConnections ? row.email : null }]));
}

export type ConnectionEntry = {
  id: string;
  other: { id: string; displayName: string; isDisabled: boolean };
  /** Whether the viewer sent the request or received it. */
  direction: 'sent' | 'received';
  status: ConnectionStatus;
  reasons: ConnectionReason[];
  message: string;
  createdAt: Date;
  respondedAt: Date | null;
};

/**
 * The connection between the viewer and another member, for that member's profile: the live one (pending
 * or accepted) if any, whether the viewer may ask for one, and the other's contact details once accepted.
 */
export function getConnectionPanel(viewer: MaybeViewer, otherUserId: string) {
  const facts = loadProfileFacts(otherUserId);
  assertCan(viewer, 'profile.read', facts);
  if (!viewer || viewer.userId === otherUserId) return null;
  const db = getDb();
  const row = db
    .select()
    .from(connections)
    .where(and(eq(connections.pairKey, pairKeyOf(viewer.userId, otherUserId)), inArray(connections.status, [...liveStatuses])))
    .get();
  const connection = row && can(viewer, 'connection.read', connectionFacts(row)) ? row : undefined;
  return {
    canRequest: !connection && can(viewer, 'connection.request', facts),
    connection: connection
      ? { id: connection.id, status: connection.status, direction: connection.requesterId === viewer.userId ? ('sent' as const) : ('received' as const), createdAt: connection.createdAt }
      : null,
    contact: connection?.status === 'accepted' ? getConnectionContact(viewer, otherUserId) : null,
  };
}

export type ConnectionOutcomeEntry = { id: string; outcome: ConnectionOutcome; note: string; recordedBy: string | null; isMine: boolean; createdAt: Date };

/**
 * The viewer's connections, newest first: requests waiting for their answer, requests they sent that are
 * not accepted, accepted connections with the other's contact details and what came of them, and the
 * whole log (every connection with its reasons and dates, whatever became of it).
 */
export function listConnections(viewer: Viewer) {
  const db = getDb();
  const rows = db
    .select()
    .from(connections)
    .where(or(eq(connections.requesterId, viewer.userId), eq(connections.recipientId, viewer.userId)))
    .orderBy(desc(connections.createdAt), asc(connections.id))
    .all()
    .filter((row) => can(viewer, 'connection.read', connectionFacts(row)));
  const otherId = (row: (typeof rows)[number]) => (row.requesterId === viewer.userId ? row.recipientId : row.requesterId);
  const otherIds = [...new Set(rows.map(otherId))];
  const others = new Map(
    (otherIds.length ? db.select({ id: users.id, displayName: users.displayName, isDisabled: users.isDisabled }).from(users).where(inArray(users.id, otherIds)).all() : []).map((row) => [row.id, row]),
  );
  const log: ConnectionEntry[] = rows.map((row) => ({
    id: row.id,
    other: others.get(otherId(row)) ?? { id: otherId(row), displayName: '', isDisabled: true },
    direction: row.requesterId === viewer.userId ? 'sent' : 'received',
    status: row.status,
    reasons: row.reasons,
    message: row.message,
    createdAt: row.createdAt,
    respondedAt: row.respondedAt,
  }));

  const accepted = rows.filter((row) => can(viewer, 'connection.readContact', connectionFacts(row)));
  const contacts = contactsOf(accepted.map(otherId));
  const acceptedIds = accepted.map((row) => row.id);
  const outcomeRows = acceptedIds.length
    ? db
        .select({ id: connectionOutcomeEntries.id, connectionId: connectionOutcomeEntries.connectionId, outcome: connectionOutcomeEntries.outcome, note: connectionOutcomeEntries.note, userId: connectionOutcomeEntries.userId, recordedBy: users.displayName, createdAt: connectionOutcomeEntries.createdAt })
        .from(connectionOutcomeEntries)
        .leftJoin(users, eq(users.id, connectionOutcomeEntries.userId))
        .where(inArray(connectionOutcomeEntries.connectionId, acceptedIds))
        .orderBy(asc(connectionOutcomeEntries.createdAt))
        .all()
    : [];
  const entryOf = new Map(log.map((entry) => [entry.id, entry]));
  // A disabled member's requests wait for nobody, and nothing is sent back to them.
  const isActive = (entry: ConnectionEntry) => !entry.other.isDisabled;
  return {
    incoming: log.filter((entry) => entry.direction === 'received' && entry.status === 'pending' && isActive(entry)),
    sent: log.filter((entry) => entry.direction === 'sent' && entry.status !== 'accepted' && isActive(entry)),
    accepted: acceptedIds
      .map((id) => entryOf.get(id)!)
      .filter(isActive)
      .map((entry) => ({
        ...entry,
        contact: contacts.get(entry.other.id) ?? null,
        outcomes: outcomeRows
          .filter((outcome) => outcome.connectionId === entry.id)
          .map((outcome): ConnectionOutcomeEntry => ({ id: outcome.id, outcome: outcome.outcome, note: outcome.note, recordedBy: outcome.recordedBy, isMine: outcome.userId === viewer.userId, createdAt: outcome.createdAt })),
      })),
    log,
  };
}

/**
 * Published case studies the viewer may read, counted per organisation (the organisations list says how
 * many each has). The same read rule as every case-study list, so a count never reveals unreadable work.
 */
export function countReadableCaseStudiesByOrganisation(viewer: MaybeViewer): Map<string, number> {
  const rows = getDb()
    .select({ organisationId: caseStudies.organisationId, count: sql<number>`count(*)` })
    .from(caseStudies)
    .where(and(eq(caseStudies.status, 'published'), readableWhere(viewer, caseStudyColumns)))
    .groupBy(caseStudies.organisationId)
    .all();
  return new Map(rows.map((row) => [row.organisationId, row.count]));
}
