import 'server-only';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { memberships, users } from '@/db/schema/accounts';
import { eventOrganisations, events } from '@/db/schema/events';
import { organisationPopulations, organisations } from '@/db/schema/organisations';
import { AppError } from '@/lib/errors';
import { assertCan } from '@/lib/policy/rules';
import { readableListingWhere } from '@/lib/policy/scopes';
import type { MaybeViewer } from '@/lib/policy/types';

const listableWhere = (viewer: MaybeViewer) => readableListingWhere(viewer, organisations.visibility);

function populationsByOrganisation(ids: string[]) {
  if (!ids.length) return new Map<string, string[]>();
  const rows = getDb().select().from(organisationPopulations).where(inArray(organisationPopulations.organisationId, ids)).all();
  const map = new Map<string, string[]>();
  for (const row of rows) map.set(row.organisationId, [...(map.get(row.organisationId) ?? []), row.populationKey]);
  return map;
}

export function listOrganisations(viewer: MaybeViewer, filter: { countryCode?: string; type?: string } = {}) {
  const db = getDb();
  const rows = db
    .select({
      id: organisations.id,
      slug: organisations.slug,
      name: organisations.name,
      type: organisations.type,
      countryCode: organisations.countryCode,
      visibility: organisations.visibility,
      createdAt: organisations.createdAt,
    })
    .from(organisations)
    .where(
      and(
        listableWhere(viewer),
        filter.countryCode ? eq(organisations.countryCode, filter.countryCode) : undefined,
        filter.type ? eq(organisations.type, filter.type as (typeof organisations.type.enumValues)[number]) : undefined,
      ),
    )
    .orderBy(asc(organisations.name))
    .all();
  const populations = populationsByOrganisation(rows.map((row) => row.id));
  return rows.map((row) => ({ ...row, populations: populations.get(row.id) ?? [] }));
}

export function listNewestOrganisations(viewer: MaybeViewer, limit: number) {
  return getDb()
    .select({ slug: organisations.slug, name: organisations.name, type: organisations.type, countryCode: organisations.countryCode, createdAt: organisations.createdAt })
    .from(organisations)
    .where(listableWhere(viewer))
    .orderBy(desc(organisations.createdAt), asc(organisations.name))
    .limit(limit)
    .all();
}

export function getOrganisationBySlug(viewer: MaybeViewer, slug: string) {
  const db = getDb();
  const organisation = db.select().from(organisations).where(eq(organisations.slug, slug)).get();
  if (!organisation) throw new AppError('not_found');
  assertCan(viewer, 'organisation.read', organisation);
  const populations = populationsByOrganisation([organisation.id]).get(organisation.id) ?? [];
  const eventRows = db
    .select({ slug: events.slug, titleEn: events.titleEn, titleFr: events.titleFr, startsOn: events.startsOn, visibility: events.visibility })
    .from(eventOrganisations)
    .innerJoin(events, eq(events.id, eventOrganisations.eventId))
    .where(and(eq(eventOrganisations.organisationId, organisation.id), readableListingWhere(viewer, events.visibility)))
    .orderBy(desc(events.startsOn))
    .all();
  // Only members who opted in to the directory are named on an organisation's page.
  const listedMembers = viewer
    ? db
        .select({ id: users.id, displayName: users.displayName })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(memberships.organisationId, organisation.id), eq(users.isInDirectory, true), eq(users.isDisabled, false)))
        .orderBy(asc(users.displayName))
        .all()
    : [];
  const memberCount = viewer
    ? (db.select({ count: sql<number>`count(*)` }).from(memberships).where(eq(memberships.organisationId, organisation.id)).get()?.count ?? 0)
    : null;
  return { ...organisation, populations, events: eventRows, listedMembers, memberCount };
}

export function getOrganisationForEdit(viewer: MaybeViewer, organisationId: string) {
  const organisation = getDb().select().from(organisations).where(eq(organisations.id, organisationId)).get();
  if (!organisation) throw new AppError('not_found');
  assertCan(viewer, 'organisation.update', organisation);
  return { ...organisation, populations: populationsByOrganisation([organisation.id]).get(organisation.id) ?? [] };
}

/** id + name pairs for admin pickers. */
export function listOrganisationChoices(viewer: MaybeViewer) {
  assertCan(viewer, 'admin.access', null);
  return getDb().select({ id: organisations.id, name: organisations.name }).from(organisations).orderBy(asc(organisations.name)).all();
}

/**
 * The organisation's active members, for choosing a case study's co-authors. Only for someone who belongs
 * to it: the membership list of an organisation is not for outsiders (its staff may be at risk), and the
 * viewer's memberships come from SQLite on every request. Anyone else gets `not_found`.
 */
export function listOrganisationMembers(viewer: MaybeViewer, organisationId: string) {
  const organisation = getDb().select({ id: organisations.id, visibility: organisations.visibility }).from(organisations).where(eq(organisations.id, organisationId)).get();
  if (!organisation) throw new AppError('not_found');
  assertCan(viewer, 'organisation.listMembers', organisation);
  return getDb()
    .select({ id: users.id, displayName: users.displayName })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organisationId, organisationId), eq(users.isDisabled, false)))
    .orderBy(asc(users.displayName))
    .all();
}

/** Names of the given organisations, for pickers limited to the viewer's own organisations. */
export function listOrganisationNames(organisationIds: string[]) {
  if (!organisationIds.length) return [];
  return getDb().select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, organisationIds)).orderBy(asc(organisations.name)).all();
}
