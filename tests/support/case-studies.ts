import { and, eq } from 'drizzle-orm';
import { memberships } from '@/db/schema/accounts';
import { caseStudySections, sectionKeys, type SectionKey } from '@/db/schema/case-studies';
import { addMembership, insertUser, richText } from '@/db/seed/factories';
import { createCall, saveCaseStudySection } from '@/lib/case-studies/mutations';
import type { RichTextJson } from '@/lib/rich-text/plain-text';
import type { MaybeViewer, Viewer } from '@/lib/policy/types';
import { testDb } from './database';
import { testPasswordHash, viewerOf, type Personas } from './personas';

/** One paragraph of rich text, as the editor would send it. */
export function paragraphs(...texts: string[]): RichTextJson {
  return richText(texts);
}

/** The five template sections, each with a recognisable sentence. */
export function sectionTexts(prefix: string): Record<SectionKey, string> {
  return Object.fromEntries(sectionKeys.map((key) => [key, `${prefix} ${key} text for the review`])) as Record<SectionKey, string>;
}

export function sectionVersion(caseStudyId: string, key: SectionKey): number {
  return testDb()
    .select({ version: caseStudySections.version })
    .from(caseStudySections)
    .where(and(eq(caseStudySections.caseStudyId, caseStudyId), eq(caseStudySections.key, key)))
    .get()!.version;
}

export function storedSection(caseStudyId: string, key: SectionKey) {
  return testDb()
    .select()
    .from(caseStudySections)
    .where(and(eq(caseStudySections.caseStudyId, caseStudyId), eq(caseStudySections.key, key)))
    .get()!;
}

/** Saves each given section through the real mutation, from its current version. */
export function fillSections(viewer: MaybeViewer, caseStudyId: string, texts: Partial<Record<SectionKey, string>>): void {
  for (const [key, text] of Object.entries(texts) as [SectionKey, string][]) {
    const result = saveCaseStudySection({ viewer, input: { caseStudyId, key, content: paragraphs(text), baseVersion: sectionVersion(caseStudyId, key) } });
    if (result.status !== 'saved') throw new Error(`section ${key} of ${caseStudyId} did not save`);
  }
}

/** What createCaseStudy needs, valid against the seeded taxonomy. */
export function caseStudyInput(organisationId: string, overrides: Record<string, unknown> = {}) {
  return {
    organisationId,
    title: 'Safe spaces for sex workers in Mombasa',
    summary: 'How a drop-in centre run by peers made services safer to reach.',
    language: 'en',
    countries: ['KE'],
    populations: ['sex_workers'],
    topics: [],
    freeTags: 'drop-in, peers',
    coAuthorIds: [],
    ...overrides,
  };
}

const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/**
 * A call for case studies on the personas' event E1, opened by its facilitator through the real mutation.
 * Open now by default (case studies can only be started for an open call); pass days to place it elsewhere.
 */
export function openCallOnEvent(personas: Personas, window: { opensInDays?: number; closesInDays?: number; organisationIds?: string[] } = {}): string {
  return createCall({
    viewer: personas.viewers.eventFacilitator,
    input: {
      eventId: personas.eventId,
      opensOn: isoDay(window.opensInDays ?? -1),
      deadline: isoDay(window.closesInDays ?? 30),
      organisationIds: window.organisationIds ?? [personas.organisationId],
    },
  }).id;
}

/**
 * A co-author who is still a member of the owning organisation O1 (role `member`): the personas' `author`
 * is the former co-author (listed, no membership), so the case-study tests add this one.
 */
export async function addCoAuthorMember(personas: Personas, username = 'persona-coauthor'): Promise<{ userId: string; viewer: Viewer }> {
  const db = testDb();
  const userId = insertUser(db, { username, displayName: username, passwordHash: await testPasswordHash() });
  addMembership(db, userId, personas.organisationId, 'member');
  return { userId, viewer: viewerOf(userId) };
}

/** Removes a membership, as an admin would when someone leaves; returns the viewer their next request gets. */
export function leaveOrganisation(userId: string, organisationId: string): Viewer {
  testDb().delete(memberships).where(and(eq(memberships.userId, userId), eq(memberships.organisationId, organisationId))).run();
  return viewerOf(userId);
}
