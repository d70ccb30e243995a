import 'server-only';
import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { inviteCodes, memberships, users } from '@/db/schema/accounts';
import { eventParticipants, events } from '@/db/schema/events';
import { organisations } from '@/db/schema/organisations';
import { auditEntries } from '@/db/schema/system';
import { AppError } from '@/lib/errors';
import { assertCan, can } from '@/lib/policy/rules';
import type { EventRole, MaybeViewer, OrganisationRole, Viewer } from '@/lib/policy/types';

export function findUserForSignIn(identifier: string) {
  return getDb()
    .select({ id: users.id, passwordHash: users.passwordHash, isDisabled: users.isDisabled, sessionVersion: users.sessionVersion })
    .from(users)
    .where(or(eq(users.username, identifier), eq(sql`lower(${users.email})`, identifier)))
    .get();
}

/** The same facts by account id, for the steps that name the account by a signed grant (second factor, session renewal). */
export function findUserForSignInById(userId: string) {
  return getDb().select({ id: users.id, isDisabled: users.isDisabled, sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, userId)).get();
}

/** Builds the viewer from SQLite; null when the account is gone, disabled or the token's version is stale. */
export function findViewer(userId: string, sessionVersion: number): Viewer | null {
  const db = getDb();
  const user = db
    .select({ id: users.id, displayName: users.displayName, locale: users.locale, siteRole: users.siteRole, sessionVersion: users.sessionVersion, isDisabled: users.isDisabled })
    .from(users)
    .where(eq(users.id, userId))
    .get();
  if (!user || user.isDisabled || user.sessionVersion !== sessionVersion) return null;
  const organisationRoles: Record<string, OrganisationRole> = {};
  for (const row of db.select().from(memberships).where(eq(memberships.userId, userId)).all()) organisationRoles[row.organisationId] = row.role;
  const eventRoles: Record<string, EventRole[]> = {};
  for (const row of db.select().from(eventParticipants).where(eq(eventParticipants.userId, userId)).all()) {
    (eventRoles[row.eventId] ??= []).push(row.role);
  }
  return { userId: user.id, displayName: user.displayName, locale: user.locale, siteRole: user.siteRole, organisationRoles, eventRoles };
}

export function getOwnSettings(viewer: Viewer) {
  const row = getDb()
    .select({ username: users.username, displayName: users.displayName, email: users.email, locale: users.locale, isInDirectory: users.isInDirectory, bio: users.bio })
    .from(users)
    .where(eq(users.id, viewer.userId))
    .get();
  if (!row) throw new AppError('not_found');
  return row;
}

/** A member's public face: pseudonym always; organisations, country and events only if they opted in. */
export function getProfile(viewer: MaybeViewer, userId: string) {
  const db = getDb();
  const user = db
    .select({ id: users.id, displayName: users.displayName, bio: users.bio, isInDirectory: users.isInDirectory, isDisabled: users.isDisabled, createdAt: users.createdAt })
    .from(users)
    .where(eq(users.id, userId))
    .get();
  if (!user) throw new AppError('not_found');
  const facts = { userId: user.id, isInDirectory: user.isInDirectory, isDisabled: user.isDisabled };
  assertCan(viewer, 'profile.read', facts);
  if (!can(viewer, 'profile.readDetails', facts)) {
    return { id: user.id, displayName: user.displayName, details: null };
  }
  const organisationRows = db
    .select({ slug: organisations.slug, name: organisations.name, countryCode: organisations.countryCode, role: memberships.role })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(organisations.name))
    .all();
  const eventRows = db
    .selectDistinct({ slug: events.slug, titleEn: events.titleEn, titleFr: events.titleFr, startsOn: events.startsOn })
    .from(eventParticipants)
    .innerJoin(events, eq(events.id, eventParticipants.eventId))
    .where(eq(eventParticipants.userId, userId))
    .orderBy(desc(events.startsOn))
    .all();
  return {
    id: user.id,
    displayName: user.displayName,
    details: { bio: user.bio, memberSince: user.createdAt, organisations: organisationRows, events: eventRows },
  };
}

export function listMembersForAdmin(viewer: MaybeViewer) {
  assertCan(viewer, 'member.manage', null);
  const db = getDb();
  const rows = db
    .select({ id: users.id, username: users.username, displayName: users.displayName, siteRole: users.siteRole, isDisabled: users.isDisabled, hasEmail: sql<number>`${users.email} is not null`, createdAt: users.createdAt })
    .from(users)
    .orderBy(asc(users.displayName))
    .all();
  const membershipRows = db
    .select({ userId: memberships.userId, organisationId: memberships.organisationId, organisationName: organisations.name, role: memberships.role })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .all();
  return rows.map((row) => ({ ...row, hasEmail: !!row.hasEmail, memberships: membershipRows.filter((m) => m.userId === row.id) }));
}

export function listInviteCodes(viewer: MaybeViewer) {
  assertCan(viewer, 'invite.create', null);
  return getDb()
    .select({
      id: inviteCodes.id,
      codeHint: inviteCodes.codeHint,
      organisationName: organisations.name,
      role: inviteCodes.role,
      note: inviteCodes.note,
      maxUses: inviteCodes.maxUses,
      useCount: inviteCodes.useCount,
      expiresAt: inviteCodes.expiresAt,
      revokedAt: inviteCodes.revokedAt,
      createdAt: inviteCodes.createdAt,
    })
    .from(inviteCodes)
    .innerJoin(organisations, eq(organisations.id, inviteCodes.organisationId))
    .orderBy(desc(inviteCodes.createdAt))
    .all();
}

export function listAuditEntries(viewer: MaybeViewer, limit = 200) {
  assertCan(viewer, 'audit.read', null);
  return getDb()
    .select({ id: auditEntries.id, actorName: users.displayName, action: auditEntries.action, targetType: auditEntries.targetType, targetId: auditEntries.targetId, detail: auditEntries.detail, createdAt: auditEntries.createdAt })
    .from(auditEntries)
    .leftJoin(users, eq(users.id, auditEntries.actorId))
    .orderBy(desc(auditEntries.id))
    .limit(limit)
    .all();
}

/**
 * Viewers for many members at once (notification fan-out), read from SQLite like a request's viewer.
 * Disabled members are left out: they get nothing.
 */
export function loadViewers(userIds: readonly string[]): Map<string, Viewer & { emailFrequency: string }> {
  const ids = [...new Set(userIds)];
  const result = new Map<string, Viewer & { emailFrequency: string }>();
  if (!ids.length) return result;
  const db = getDb();
  const rows = db
    .select({ id: users.id, displayName: users.displayName, locale: users.locale, siteRole: users.siteRole, emailFrequency: users.emailFrequency })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.isDisabled, false)))
    .all();
  for (const row of rows) result.set(row.id, { userId: row.id, displayName: row.displayName, locale: row.locale, siteRole: row.siteRole, emailFrequency: row.emailFrequency, organisationRoles: {}, eventRoles: {} });
  const found = [...result.keys()];
  if (!found.length) return result;
  for (const row of db.select().from(memberships).where(inArray(memberships.userId, found)).all()) {
    (result.get(row.userId)!.organisationRoles as Record<string, OrganisationRole>)[row.organisationId] = row.role;
  }
  for (const row of db.select().from(eventParticipants).where(inArray(eventParticipants.userId, found)).all()) {
    ((result.get(row.userId)!.eventRoles as Record<string, EventRole[]>)[row.eventId] ??= []).push(row.role);
  }
  return result;
}
