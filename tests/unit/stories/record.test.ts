import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { appliedStories, appliedStoryCaseStudies, appliedStoryThemes } from '@/db/schema/stories';
import { addMembership, addParticipant } from '@/db/seed/factories';
import type { MaybeViewer, Viewer } from '@/lib/policy/types';
import { editStory, recordStory } from '@/lib/stories/mutations';
import { appliedCounts, getStory, getStoryForEdit, listStoryLinkChoices } from '@/lib/stories/queries';
import { mergeThemes } from '@/lib/synthesis/mutations';
import { testDb } from '../../support/database';
import { expectAppError, fieldErrorsOf, thrownBy } from '../../support/errors';
import { createTestUser, seedPersonas, viewerOf, type Personas } from '../../support/personas';
import { createTestTheme, insertOrganisationOnlyCaseStudy, insertTestCaseStudy } from '../../support/synthesis';
import { recordAs, storyInput } from './helpers';

// Recording a story: what the form must hold, what it may link (only what the writer can read and, for
// case studies, what is published), who it counts for, and how links follow a theme merge.

let personas: Personas;
let member: Viewer;
let publicCaseStudyId: string;

const storyCount = () => testDb().select().from(appliedStories).all().length;
const linksOf = (storyId: string) => ({
  caseStudies: testDb().select().from(appliedStoryCaseStudies).where(eq(appliedStoryCaseStudies.storyId, storyId)).all().map((link) => link.caseStudyId).sort(),
  themes: testDb().select().from(appliedStoryThemes).where(eq(appliedStoryThemes.storyId, storyId)).all().map((link) => link.themeId).sort(),
});
const rowOf = (storyId: string) => testDb().select().from(appliedStories).where(eq(appliedStories.id, storyId)).get()!;

beforeAll(async () => {
  personas = await seedPersonas();
  // O2's member writes here: O2 (Senegal) is a public organisation.
  member = personas.viewers.otherOrganisationMember as Viewer;
  publicCaseStudyId = insertTestCaseStudy({ organisationId: personas.organisationId, authorIds: [personas.userIds.organisationEditor], title: 'A public case study', visibility: 'public', countries: ['KE'] });
});

describe('recording a story', () => {
  it('stores it for the organisation and its country, with its paragraphs, ways and links', () => {
    const themeId = createTestTheme(personas, { titleEn: 'Peer navigation', visibility: 'public' });
    const id = recordAs(member, {
      title: '  Peer navigators in Pikine  ',
      body: 'First paragraph about what we learned.\r\n\r\n\r\n\r\nSecond paragraph about what we changed.   \nStill the second.',
      applicationWays: ['adopted_good_practice', 'programming'],
      caseStudyIds: [publicCaseStudyId, publicCaseStudyId],
      themeIds: [themeId],
      organisationId: personas.otherOrganisationId,
      // Ignored: the organisation's country counts.
      countryCode: 'BW',
    });
    const row = rowOf(id);
    expect(row).toMatchObject({ title: 'Peer navigators in Pikine', organisationId: personas.otherOrganisationId, countryCode: 'SN', authorId: member.userId, visibility: 'members', applicationWays: ['adopted_good_practice', 'programming'] });
    expect(row.body).toBe('First paragraph about what we learned.\n\nSecond paragraph about what we changed.\nStill the second.');
    expect(linksOf(id)).toEqual({ caseStudies: [publicCaseStudyId], themes: [themeId] });
    const story = getStory(member, id, 'en');
    expect(story.paragraphs).toEqual(['First paragraph about what we learned.', 'Second paragraph about what we changed.\nStill the second.']);
    expect(story.caseStudies.map((caseStudy) => caseStudy.title)).toEqual(['A public case study']);
    expect(story.themes.map((theme) => theme.title)).toEqual(['Peer navigation']);
    expect(story.abilities['story.edit']).toBe(true);
  });

  it('records a story written for oneself in the country chosen', () => {
    const id = recordAs(member, { caseStudyIds: [publicCaseStudyId], organisationId: '', countryCode: 'BI' });
    expect(rowOf(id)).toMatchObject({ organisationId: null, countryCode: 'BI' });
    expect(getStory(member, id, 'en')).toMatchObject({ organisation: null, isIndividual: true, country: { code: 'BI', label: 'Burundi' } });
  });

  it.each([
    ['no title', { title: '  ' }, 'title', 'errors.required'],
    ['a title over 160 characters', { title: 'x'.repeat(161) }, 'title', 'errors.too_long'],
    ['no story', { body: '' }, 'body', 'errors.required'],
    ['a story under 20 characters', { body: 'We tried it.' }, 'body', 'errors.too_short'],
    ['a story over 5,000 characters', { body: 'word '.repeat(1001) }, 'body', 'errors.too_long'],
    ['no application way', { applicationWays: [] }, 'applicationWays', 'stories.errors.chooseWay'],
    ['a way outside the framework', { applicationWays: ['went_viral'] }, 'applicationWays', 'errors.invalid_choice'],
    ['no case study and no theme', { caseStudyIds: [], themeIds: [] }, 'caseStudyIds', 'stories.errors.linkOne'],
    ['more than 10 case studies', { caseStudyIds: Array.from({ length: 11 }, (_, index) => `case-${index}`) }, 'caseStudyIds', 'errors.too_many'],
    ['a public story without the safety confirmation', { visibility: 'public' }, 'safetyConfirmed', 'errors.safety_checklist'],
    ['an organisation-only story written for oneself', { visibility: 'organisation', organisationId: '', countryCode: 'KE' }, 'visibility', 'stories.errors.organisationVisibility'],
    ['a story for oneself without a country', { organisationId: '', countryCode: '' }, 'countryCode', 'stories.errors.countryNeeded'],
    ['an unknown visibility', { visibility: 'event' }, 'visibility', 'errors.invalid_choice'],
  ])('refuses %s with a translated message on its field', (_case, overrides, field, message) => {
    const before = storyCount();
    const errors = fieldErrorsOf(() => recordStory({ viewer: member, input: storyInput({ caseStudyIds: [publicCaseStudyId], organisationId: personas.otherOrganisationId, ...overrides }) }));
    expect(errors[field]).toBe(message);
    expect(storyCount()).toBe(before);
  });

  it('records a public story once the writer confirms it names nobody at risk', () => {
    const id = recordAs(member, { caseStudyIds: [publicCaseStudyId], organisationId: personas.otherOrganisationId, visibility: 'public', safetyConfirmed: 'on' });
    expect(rowOf(id).visibility).toBe('public');
    expect(getStory(null, id, 'en').title).toBe('Peer navigators in our district');
    // Members see who wrote it; visitors read what was applied, not who wrote it.
    expect(getStory(personas.viewers.eventParticipant, id, 'en').author?.id).toBe(member.userId);
    expect(getStory(null, id, 'en').author).toBeNull();
  });

  it('refuses to link a case study the writer cannot read, or one not published, as not found', () => {
    const organisationOnly = insertOrganisationOnlyCaseStudy(personas, { title: 'Only for O1' });
    const draft = insertTestCaseStudy({ organisationId: personas.otherOrganisationId, authorIds: [member.userId], title: 'Our own draft', visibility: 'members', status: 'draft' });
    const before = storyCount();
    for (const caseStudyId of [organisationOnly, draft, 'no-such-case-study']) {
      expectAppError(thrownBy(() => recordAs(member, { caseStudyIds: [publicCaseStudyId, caseStudyId], organisationId: personas.otherOrganisationId })), 'not_found');
    }
    expect(storyCount()).toBe(before);
    // O1's editor reads the organisation-only one and may link it.
    const id = recordAs(personas.viewers.organisationEditor, { caseStudyIds: [organisationOnly], organisationId: personas.organisationId, visibility: 'organisation' });
    expect(linksOf(id).caseStudies).toEqual([organisationOnly]);
  });

  it('refuses to link a theme the writer cannot read, and links a merged theme as its target', () => {
    const eventTheme = createTestTheme(personas, { titleEn: 'For the event only', visibility: 'event' });
    expectAppError(thrownBy(() => recordAs(member, { themeIds: [eventTheme], organisationId: personas.otherOrganisationId })), 'not_found');
    expectAppError(thrownBy(() => recordAs(member, { themeIds: ['no-such-theme'], organisationId: personas.otherOrganisationId })), 'not_found');
    const participant = personas.viewers.eventParticipant;
    expect(linksOf(recordAs(participant, { themeIds: [eventTheme], countryCode: 'KE' })).themes).toEqual([eventTheme]);

    const source = createTestTheme(personas, { titleEn: 'Merged away' });
    const target = createTestTheme(personas, { titleEn: 'Merged into' });
    mergeThemes({ viewer: personas.viewers.eventFacilitator, input: { sourceId: source, targetId: target } });
    expect(linksOf(recordAs(member, { themeIds: [source, target], organisationId: personas.otherOrganisationId })).themes).toEqual([target]);
  });

  it('offers only published case studies and themes the writer can read', () => {
    const hidden = insertOrganisationOnlyCaseStudy(personas, { title: 'Not offered to outsiders' });
    const eventTheme = createTestTheme(personas, { titleEn: 'Not offered either', visibility: 'event' });
    const choices = listStoryLinkChoices(member, 'en');
    const caseStudyIds = choices.caseStudyGroups.flatMap((group) => group.options.map((option) => option.value));
    const themeIds = choices.themeGroups.flatMap((group) => group.options.map((option) => option.value));
    expect(caseStudyIds).toContain(publicCaseStudyId);
    expect(caseStudyIds).not.toContain(hidden);
    expect(themeIds).not.toContain(eventTheme);
    expect(listStoryLinkChoices(personas.viewers.eventParticipant, 'en').themeGroups.flatMap((group) => group.options.map((option) => option.value))).toContain(eventTheme);
  });
});

describe('editing a story', () => {
  it('keeps the links the editor cannot see, and drops a visible one the editor removed', async () => {
    // A member of O1 who took part in E1 links a case study only E1's participants read.
    const writerId = await createTestUser({ username: 'story-participant-writer', displayName: 'Writer' });
    addMembership(testDb(), writerId, personas.organisationId, 'member');
    addParticipant(testDb(), personas.eventId, writerId, 'participant');
    const writer: MaybeViewer = viewerOf(writerId);
    const eventCaseStudy = insertTestCaseStudy({ organisationId: personas.otherOrganisationId, authorIds: [member.userId], title: 'For E1 only', visibility: 'event', eventId: personas.eventId });
    const themeId = createTestTheme(personas, { titleEn: 'Visible to all' });
    const id = recordAs(writer, { caseStudyIds: [eventCaseStudy, publicCaseStudyId], themeIds: [themeId], organisationId: personas.organisationId });

    // O1's editor is not in E1: they see the public case study and the theme only.
    const editor = personas.viewers.organisationEditor;
    expect(getStoryForEdit(editor, id, 'en').linkedCaseStudies.map((caseStudy) => caseStudy.id)).toEqual([publicCaseStudyId]);
    editStory({ viewer: editor, input: storyInput({ storyId: id, title: 'Edited by the editor', themeIds: [themeId], organisationId: personas.organisationId }) });
    expect(linksOf(id)).toEqual({ caseStudies: [eventCaseStudy], themes: [themeId] });
    expect(rowOf(id).title).toBe('Edited by the editor');
  });

  it('refuses to add a case study the editor cannot read', () => {
    const id = recordAs(member, { caseStudyIds: [publicCaseStudyId], organisationId: personas.otherOrganisationId });
    const organisationOnly = insertOrganisationOnlyCaseStudy(personas, { title: 'Still only for O1' });
    expectAppError(thrownBy(() => editStory({ viewer: member, input: storyInput({ storyId: id, caseStudyIds: [publicCaseStudyId, organisationOnly], organisationId: personas.otherOrganisationId }) })), 'not_found');
    expect(linksOf(id).caseStudies).toEqual([publicCaseStudyId]);
  });
});

describe('merging themes', () => {
  it('moves story links from the merged theme to the target, once per story', () => {
    const facilitator = personas.viewers.eventFacilitator;
    const source = createTestTheme(personas, { titleEn: 'Peer support (duplicate)' });
    const target = createTestTheme(personas, { titleEn: 'Peer support' });
    const onSource = recordAs(member, { themeIds: [source], organisationId: personas.otherOrganisationId });
    const onBoth = recordAs(member, { themeIds: [source, target], organisationId: personas.otherOrganisationId });
    const onTarget = recordAs(personas.viewers.eventParticipant, { themeIds: [target], countryCode: 'BW' });

    mergeThemes({ viewer: facilitator, input: { sourceId: source, targetId: target } });
    expect(linksOf(onSource).themes).toEqual([target]);
    expect(linksOf(onBoth).themes).toEqual([target]);
    expect(linksOf(onTarget).themes).toEqual([target]);
    expect(testDb().select().from(appliedStoryThemes).where(eq(appliedStoryThemes.themeId, source)).all()).toEqual([]);
    expect(appliedCounts(personas.viewers.organisationMember, { themeId: target })).toEqual({ stories: 3, organisations: 1, countries: 2 });
  });
});
