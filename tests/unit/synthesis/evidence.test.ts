import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { posts } from '@/db/schema/conversations';
import { searchOutbox } from '@/db/schema/search';
import { sessionCaseStudies, themeEvidence, themeRecurrences, themes } from '@/db/schema/synthesis';
import { addParticipant, insertSession } from '@/db/seed/factories';
import { themeDocuments } from '@/lib/search/theme-documents';
import {
  linkSessionCaseStudy,
  markRecurring,
  mergeThemes,
  reorderThemes,
  tagEvidence,
  unlinkSessionCaseStudy,
  unmarkRecurring,
  untagEvidence,
  updateTheme,
} from '@/lib/synthesis/mutations';
import { evidenceTagsFor, getThemePage, listThemesForEvent, type ThemePage } from '@/lib/synthesis/queries';
import type { MaybeViewer } from '@/lib/policy/types';
import { postBody, startTestThread } from '../../support/conversations';
import { testDb } from '../../support/database';
import { expectAppError, thrownBy } from '../../support/errors';
import { createTestUser, viewerOf } from '../../support/personas';
import { createTestTheme, insertOrganisationOnlyCaseStudy, insertTestCaseStudy, seedSynthesisPersonas, type SynthesisPersonas } from '../../support/synthesis';

let personas: SynthesisPersonas;
let facilitator: MaybeViewer;
let publicCaseStudyId: string;
let secondCaseStudyId: string;

const linksOf = (themeId: string) => testDb().select().from(themeEvidence).where(eq(themeEvidence.themeId, themeId)).all();
const themeRow = (themeId: string) => testDb().select().from(themes).where(eq(themes.id, themeId)).get()!;
const outboxRowsFor = (themeId: string) => testDb().select().from(searchOutbox).where(and(eq(searchOutbox.entityType, 'theme'), eq(searchOutbox.entityId, themeId))).all().length;
const page = (viewer: MaybeViewer, themeId: string) => getThemePage(viewer, themeId, 'en') as ThemePage;

beforeAll(async () => {
  personas = await seedSynthesisPersonas();
  facilitator = personas.viewers.eventFacilitator;
  publicCaseStudyId = insertTestCaseStudy({ organisationId: personas.otherOrganisationId, authorIds: [personas.userIds.otherOrganisationMember], title: 'Drop-in centre run by peers', visibility: 'public', countries: ['SN'], eventId: personas.eventId });
  secondCaseStudyId = insertTestCaseStudy({ organisationId: personas.otherOrganisationId, authorIds: [personas.userIds.otherOrganisationMember], title: 'Paralegals after arrests', visibility: 'public', countries: ['UG'] });
});

describe('tagging evidence', () => {
  it('a target the tagger may not read is not found, whatever their role', () => {
    const themeId = createTestTheme(personas);
    const draftId = insertTestCaseStudy({ organisationId: personas.otherOrganisationId, authorIds: [personas.userIds.otherOrganisationMember], title: 'A draft nobody else reads', visibility: 'public', status: 'draft' });
    const otherOrganisationOnly = insertTestCaseStudy({ organisationId: personas.otherOrganisationId, authorIds: [personas.userIds.otherOrganisationMember], title: 'For our members only', visibility: 'organisation' });
    const { threadId, postId } = startTestThread(personas.viewers.otherOrganisationMember!, { subjectType: 'case_study', subjectId: otherOrganisationOnly });
    for (const target of [
      { targetType: 'case_study', targetId: draftId },
      { targetType: 'case_study', targetId: otherOrganisationOnly, sectionKey: 'lessons' },
      { targetType: 'thread', targetId: threadId },
      { targetType: 'post', targetId: postId },
      { targetType: 'case_study', targetId: 'no-such-case-study' },
    ]) {
      expectAppError(thrownBy(() => tagEvidence({ viewer: facilitator, input: { themeId, ...target } })), 'not_found');
    }
    // A submission to E1 is read by E1's facilitators (its reviewers), not by the rest of the synthesis group.
    const submitted = insertOrganisationOnlyCaseStudy(personas, { title: 'Reviewed for E1' });
    expectAppError(thrownBy(() => tagEvidence({ viewer: personas.synthesisMember, input: { themeId, targetType: 'case_study', targetId: submitted } })), 'not_found');
    expect(tagEvidence({ viewer: facilitator, input: { themeId, targetType: 'case_study', targetId: submitted } }).isNew).toBe(true);
    expect(linksOf(themeId)).toHaveLength(1);
  });

  it('a reader of the theme who is not in its synthesis group may not tag', () => {
    const themeId = createTestTheme(personas);
    expectAppError(thrownBy(() => tagEvidence({ viewer: personas.viewers.eventParticipant, input: { themeId, targetType: 'case_study', targetId: publicCaseStudyId } })), 'forbidden');
    expectAppError(thrownBy(() => tagEvidence({ viewer: personas.viewers.admin, input: { themeId, targetType: 'case_study', targetId: publicCaseStudyId } })), 'forbidden');
  });

  it('records who tagged, when and where; tagging again updates the note; untag removes the link', () => {
    const themeId = createTestTheme(personas);
    const before = outboxRowsFor(themeId);
    const sessionId = insertSession(testDb(), { eventId: personas.eventId, kind: 'group_work', titleEn: 'Group work: safety', titleFr: 'Travail de groupe : sécurité', day: '2030-03-03' });
    const first = tagEvidence({ viewer: facilitator, input: { themeId, targetType: 'case_study', targetId: publicCaseStudyId, sectionKey: 'outcomes', note: 'first note', sessionId } });
    const again = tagEvidence({ viewer: personas.synthesisMember, input: { themeId, targetType: 'case_study', targetId: publicCaseStudyId, sectionKey: 'outcomes', note: 'second note' } });
    expect(again).toEqual({ evidenceId: first.evidenceId, isNew: false });
    tagEvidence({ viewer: facilitator, input: { themeId, targetType: 'case_study', targetId: publicCaseStudyId, sectionKey: 'outcomes' } });
    const [link] = linksOf(themeId);
    expect(link).toMatchObject({ note: 'second note', sessionId, taggedBy: personas.userIds.eventFacilitator, sectionKey: 'outcomes', targetKey: `case_study:${publicCaseStudyId}:outcomes` });
    // The whole case study is another target than one of its sections.
    expect(tagEvidence({ viewer: facilitator, input: { themeId, targetType: 'case_study', targetId: publicCaseStudyId } }).isNew).toBe(true);
    expect(outboxRowsFor(themeId)).toBe(before + 4);

    const item = page(personas.viewers.otherOrganisationMember, themeId).evidence.groups[0]!.countries[0]!.items.find((candidate) => candidate.evidenceId === first.evidenceId)!;
    expect(item).toMatchObject({ type: 'case_study', sectionKey: 'outcomes', note: 'second note', taggedBy: 'eventFacilitator', session: { title: 'Group work: safety' } });
    expect(evidenceTagsFor(personas.viewers.otherOrganisationMember, { type: 'case_study', id: publicCaseStudyId, sectionKey: 'outcomes' }, 'fr').filter((tag) => tag.themeId === themeId)).toEqual([
      expect.objectContaining({ evidenceId: first.evidenceId, title: 'Sûreté et sécurité', canUntag: false }),
    ]);

    untagEvidence({ viewer: facilitator, input: { evidenceId: first.evidenceId } });
    expect(linksOf(themeId).map((row) => row.targetKey)).toEqual([`case_study:${publicCaseStudyId}`]);
    expect(outboxRowsFor(themeId)).toBe(before + 5);
  });

  it('the session must be one of the theme’s event, and the note short', () => {
    const themeId = createTestTheme(personas);
    const otherSession = insertSession(testDb(), { eventId: personas.otherEventId, kind: 'plenary', titleEn: 'Elsewhere', titleFr: 'Ailleurs', day: '2030-06-01' });
    const refused = thrownBy(() => tagEvidence({ viewer: facilitator, input: { themeId, targetType: 'case_study', targetId: publicCaseStudyId, sessionId: otherSession } }));
    expectAppError(refused, 'invalid_input');
    expect((refused as Error).message).toBe('errors.session_not_in_event');
    expect(() => tagEvidence({ viewer: facilitator, input: { themeId, targetType: 'case_study', targetId: publicCaseStudyId, note: 'x'.repeat(281) } })).toThrow();
    expect(linksOf(themeId)).toHaveLength(0);
  });

  it('threads and posts stand as evidence for those who may read them; a hidden post stops being shown', () => {
    const themeId = createTestTheme(personas);
    const { threadId, postId } = startTestThread(personas.viewers.otherOrganisationMember!, { subjectType: 'case_study', subjectId: publicCaseStudyId, title: 'Night opening hours', body: postBody('We open at 8 p.m. because that is when people can come.') });
    tagEvidence({ viewer: facilitator, input: { themeId, targetType: 'thread', targetId: threadId } });
    tagEvidence({ viewer: facilitator, input: { themeId, targetType: 'post', targetId: postId, note: 'Opening hours' } });
    const items = page(null, themeId).evidence.groups.flatMap((group) => group.countries.flatMap((country) => country.items));
    expect(items).toEqual([
      expect.objectContaining({ type: 'thread', title: 'Night opening hours', excerpt: 'We open at 8 p.m. because that is when people can come.' }),
      expect.objectContaining({ type: 'post', threadTitle: 'Night opening hours', authorName: 'otherOrganisationMember', note: 'Opening hours', href: `/threads/${threadId}#post-${postId}` }),
    ]);
    expect(page(null, themeId).evidence.counts).toMatchObject({ caseStudies: 0, threads: 1, posts: 1 });
    testDb().update(posts).set({ hiddenAt: new Date() }).where(eq(posts.id, postId)).run();
    expect(page(personas.viewers.moderator, themeId).evidence.counts).toMatchObject({ threads: 1, posts: 0 });
    expect(page(null, themeId).evidence.groups[0]!.countries[0]!.items[0]).toMatchObject({ type: 'thread', excerpt: '' });
  });

  it('a theme a reader may not read is left out of the tags they see on a case study', () => {
    const eventThemeId = createTestTheme(personas, { visibility: 'event', titleEn: 'Only for E1' });
    tagEvidence({ viewer: facilitator, input: { themeId: eventThemeId, targetType: 'case_study', targetId: secondCaseStudyId } });
    expect(evidenceTagsFor(personas.viewers.eventParticipant, { type: 'case_study', id: secondCaseStudyId }, 'en').map((tag) => tag.title)).toEqual(['Only for E1']);
    expect(evidenceTagsFor(personas.viewers.otherOrganisationMember, { type: 'case_study', id: secondCaseStudyId }, 'en')).toEqual([]);
  });
});

describe('merging themes', () => {
  it('keeps every link once, with both notes, moves recurrences, and the source redirects', () => {
    const sourceId = createTestTheme(personas, { titleEn: 'Security of outreach workers' });
    const targetId = createTestTheme(personas, { titleEn: 'Safety & Security' });
    const elsewhereId = createTestTheme(personas, { eventId: personas.otherEventId, titleEn: 'Security in E2' }, personas.viewers.otherEventFacilitator);
    const { threadId } = startTestThread(personas.viewers.otherOrganisationMember!, { subjectType: 'case_study', subjectId: publicCaseStudyId, title: 'How do you keep outreach workers safe?' });
    const tag = (themeId: string, target: Record<string, unknown>, note: string) => tagEvidence({ viewer: facilitator, input: { themeId, ...target, note } });
    tag(sourceId, { targetType: 'case_study', targetId: publicCaseStudyId }, 'from the source');
    tag(sourceId, { targetType: 'case_study', targetId: publicCaseStudyId, sectionKey: 'lessons' }, '');
    tag(sourceId, { targetType: 'thread', targetId: threadId }, 'the follow-up discussion');
    tag(targetId, { targetType: 'case_study', targetId: publicCaseStudyId }, 'from the target');
    tag(targetId, { targetType: 'case_study', targetId: secondCaseStudyId }, '');
    markRecurring({ viewer: facilitator, input: { themeId: sourceId, otherThemeId: elsewhereId } });
    const keysBefore = new Set([...linksOf(sourceId), ...linksOf(targetId)].map((link) => link.targetKey));
    expect(linksOf(sourceId)).toHaveLength(3);
    expect(linksOf(targetId)).toHaveLength(2);

    const result = mergeThemes({ viewer: personas.synthesisMember, input: { sourceId, targetId } });
    expect(result).toEqual({ targetId, movedLinks: 2, mergedDuplicates: 1, movedRecurrences: 1 });
    const after = linksOf(targetId);
    expect(linksOf(sourceId)).toHaveLength(0);
    expect(after).toHaveLength(keysBefore.size);
    expect(new Set(after.map((link) => link.targetKey))).toEqual(keysBefore);
    expect(after.find((link) => link.targetKey === `case_study:${publicCaseStudyId}`)!.note).toBe('from the target\nfrom the source');
    expect(after.find((link) => link.targetType === 'thread')!.note).toBe('the follow-up discussion');

    const recurrences = testDb().select().from(themeRecurrences).all();
    expect(recurrences.filter((row) => row.themeId === sourceId || row.otherThemeId === sourceId)).toEqual([]);
    expect(recurrences.filter((row) => (row.themeId === targetId && row.otherThemeId === elsewhereId) || (row.themeId === elsewhereId && row.otherThemeId === targetId))).toHaveLength(2);

    expect(themeRow(sourceId).mergedIntoId).toBe(targetId);
    expect(getThemePage(personas.viewers.otherOrganisationMember, sourceId, 'en')).toEqual({ redirectTo: targetId });
    expect(page(null, targetId).evidence.counts).toMatchObject({ caseStudies: 2, threads: 1 });
    expect(page(null, targetId).recurringWith.map((theme) => theme.title)).toEqual(['Security in E2']);
    expect(listThemesForEvent(facilitator, personas.eventId, 'en').groups.flatMap((group) => group.themes.map((theme) => theme.id))).not.toContain(sourceId);
    // The merged theme leaves the search index; the target's document is rebuilt.
    expect(themeDocuments(testDb(), [sourceId, targetId])).toEqual([
      expect.objectContaining({ id: `theme-${targetId}`, type: 'theme', sourceId: targetId, title: 'Safety & Security / Sûreté et sécurité', visibility: 'public', eventId: personas.eventId, isPublished: true }),
    ]);

    // Work continues on the target only.
    expectAppError(thrownBy(() => tagEvidence({ viewer: facilitator, input: { themeId: sourceId, targetType: 'case_study', targetId: secondCaseStudyId } })), 'conflict');
    expectAppError(thrownBy(() => mergeThemes({ viewer: facilitator, input: { sourceId, targetId } })), 'conflict');
  });

  it('only within one event', async () => {
    const here = createTestTheme(personas);
    const elsewhere = createTestTheme(personas, { eventId: personas.otherEventId }, personas.viewers.otherEventFacilitator);
    // E1's facilitator may read E2's public theme but does not manage it.
    expectAppError(thrownBy(() => mergeThemes({ viewer: facilitator, input: { sourceId: here, targetId: elsewhere } })), 'forbidden');
    // Someone who facilitates both events still may not merge across them.
    const both = await createTestUser({ username: 'persona-both-facilitator' });
    addParticipant(testDb(), personas.eventId, both, 'facilitator');
    addParticipant(testDb(), personas.otherEventId, both, 'facilitator');
    const refused = thrownBy(() => mergeThemes({ viewer: viewerOf(both), input: { sourceId: here, targetId: elsewhere } }));
    expectAppError(refused, 'invalid_input');
    expect((refused as Error).message).toBe('errors.merge_other_event');
    expect(themeRow(here).mergedIntoId).toBeNull();
  });
});

describe('themes', () => {
  it('recur across events only, both ways', () => {
    const a = createTestTheme(personas, { titleEn: 'Pride' });
    const b = createTestTheme(personas, { titleEn: 'Dignity' });
    const elsewhere = createTestTheme(personas, { eventId: personas.otherEventId, titleEn: 'Pride in E2' }, personas.viewers.otherEventFacilitator);
    const refused = thrownBy(() => markRecurring({ viewer: facilitator, input: { themeId: a, otherThemeId: b } }));
    expectAppError(refused, 'invalid_input');
    expect((refused as Error).message).toBe('errors.recurring_same_event');
    markRecurring({ viewer: facilitator, input: { themeId: a, otherThemeId: elsewhere } });
    expect(page(null, elsewhere).recurringWith.map((theme) => theme.id)).toEqual([a]);
    expect(page(null, a).recurringWith.map((theme) => theme.id)).toEqual([elsewhere]);
    unmarkRecurring({ viewer: facilitator, input: { themeId: a, otherThemeId: elsewhere } });
    expect(page(null, elsewhere).recurringWith).toEqual([]);
  });

  it('are reordered within their event and kind, and edits need the current version', () => {
    const { eventId } = personas;
    const gaps = [createTestTheme(personas, { kind: 'gap', titleEn: 'Gap one' }), createTestTheme(personas, { kind: 'gap', titleEn: 'Gap two' }), createTestTheme(personas, { kind: 'gap', titleEn: 'Gap three' })];
    expectAppError(thrownBy(() => reorderThemes({ viewer: facilitator, input: { eventId, kind: 'gap', themeIds: gaps.slice(0, 2) } })), 'conflict');
    expectAppError(thrownBy(() => reorderThemes({ viewer: personas.viewers.eventParticipant, input: { eventId, kind: 'gap', themeIds: gaps } })), 'forbidden');
    reorderThemes({ viewer: facilitator, input: { eventId, kind: 'gap', themeIds: [gaps[2], gaps[0], gaps[1]] } });
    const group = listThemesForEvent(null, eventId, 'en').groups.find((candidate) => candidate.kind === 'gap')!;
    expect(group.themes.map((theme) => theme.title)).toEqual(['Gap three', 'Gap one', 'Gap two']);

    const edit = { themeId: gaps[0], kind: 'gap', titleEn: 'Gap one, renamed', titleFr: 'Écart un', visibility: 'public' };
    expect(updateTheme({ viewer: facilitator, input: { ...edit, baseVersion: 1, descriptionEn: JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Described.' }] }] }) } })).toEqual({ version: 2 });
    expectAppError(thrownBy(() => updateTheme({ viewer: personas.synthesisMember, input: { ...edit, baseVersion: 1 } })), 'conflict');
    expect(themeRow(gaps[0]!)).toMatchObject({ titleEn: 'Gap one, renamed', descriptionTextEn: 'Described.' });
    expect(page(null, gaps[0]!).theme.descriptionHtml).toBe('<p>Described.</p>');
    // A network principle has no event; an event's theme cannot become one.
    expectAppError(thrownBy(() => updateTheme({ viewer: facilitator, input: { ...edit, baseVersion: 2, kind: 'network_principle' } })), 'invalid_input');
  });
});

describe('the programme', () => {
  it('links case studies to sessions for the event’s facilitators', () => {
    const sessionId = insertSession(testDb(), { eventId: personas.eventId, kind: 'case_study_presentation', titleEn: 'Case studies: hostile environments', titleFr: 'Études de cas : environnements hostiles', day: '2030-03-02' });
    const input = { sessionId, caseStudyId: publicCaseStudyId };
    expectAppError(thrownBy(() => linkSessionCaseStudy({ viewer: personas.synthesisMember, input })), 'forbidden');
    expectAppError(thrownBy(() => linkSessionCaseStudy({ viewer: null, input })), 'unauthenticated');
    const draftId = insertTestCaseStudy({ organisationId: personas.otherOrganisationId, authorIds: [personas.userIds.otherOrganisationMember], title: 'Unpublished elsewhere', visibility: 'public', status: 'draft' });
    expectAppError(thrownBy(() => linkSessionCaseStudy({ viewer: facilitator, input: { sessionId, caseStudyId: draftId } })), 'not_found');
    linkSessionCaseStudy({ viewer: facilitator, input });
    linkSessionCaseStudy({ viewer: facilitator, input });
    // Published work from outside the event may be presented too.
    linkSessionCaseStudy({ viewer: personas.viewers.admin, input: { sessionId, caseStudyId: secondCaseStudyId } });
    expect(testDb().select().from(sessionCaseStudies).where(eq(sessionCaseStudies.sessionId, sessionId)).all()).toHaveLength(2);

    // Evidence without a recorded session says where the case study was presented.
    const themeId = createTestTheme(personas);
    tagEvidence({ viewer: facilitator, input: { themeId, targetType: 'case_study', targetId: publicCaseStudyId } });
    expect(page(null, themeId).evidence.groups[0]!.countries[0]!.items[0]!.session?.title).toBe('Case studies: hostile environments');
    unlinkSessionCaseStudy({ viewer: facilitator, input });
    expect(page(null, themeId).evidence.groups[0]!.countries[0]!.items[0]!.session).toBeNull();
  });
});
