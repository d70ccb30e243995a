import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { memberships } from '@/db/schema/accounts';
import { appliedStories } from '@/db/schema/stories';
import { addMembership } from '@/db/seed/factories';
import { can } from '@/lib/policy/rules';
import type { MaybeViewer } from '@/lib/policy/types';
import { storyFacts } from '@/lib/stories/facts';
import { deleteStory, editStory } from '@/lib/stories/mutations';
import { appliedCounts, getStory, listStories } from '@/lib/stories/queries';
import { testDb } from '../../support/database';
import { expectAppError, thrownBy } from '../../support/errors';
import { createTestUser, seedPersonas, viewerOf, type Personas } from '../../support/personas';
import { cellsOf, type Cell } from '../../support/policy-table';
import { insertTestCaseStudy } from '../../support/synthesis';
import { recordAs, storyInput } from './helpers';

// The expected table is the specification, written by hand from the issue ("under the usual visibility
// rules") and lib/policy/rules.ts (story.read = the content read rule; story.edit = the organisation's
// editors, and the author while still a member), never computed with can(). Every cell runs the real
// query or mutation. Cells: Y allowed, n not_found, f forbidden, u unauthenticated.
//
// Columns (O1 owns the stories; its member `author` wrote them):
//   anon      anonymous visitor                othOrg   member of an unrelated organisation O2
//   author    the story's author, member of O1 colleague another member of O1 (not an editor)
//   editor    editor of O1                     partic   participant of an event (no relation to O1)
//   mod       site moderator                   admin    site admin (decision 002: no entitlement to content)
const columns = ['anonymous', 'otherOrganisationMember', 'author', 'colleague', 'organisationEditor', 'eventParticipant', 'moderator', 'admin'] as const;
type Column = (typeof columns)[number];

const table: Record<string, string> = {
  //                              anon othOrg author colleague editor partic mod admin
  'read public story':            'Y    Y      Y      Y         Y      Y      Y   Y',
  'read members story':           'n    Y      Y      Y         Y      Y      Y   Y',
  'read organisation story':      'n    n      Y      Y         Y      n      n   n',
  'edit public story':            'u    f      Y      f         Y      f      f   f',
  'edit members story':           'n    f      Y      f         Y      f      f   f',
  'edit organisation story':      'n    n      Y      f         Y      n      n   n',
  'delete members story':         'n    f      Y      f         Y      f      f   f',
  'delete organisation story':    'n    n      Y      f         Y      n      n   n',
};

let personas: Personas;
let viewers: Record<Column, MaybeViewer>;
let caseStudyId: string;
const storyIds: Record<'public' | 'members' | 'organisation', string> = { public: '', members: '', organisation: '' };

function attempt(run: () => unknown): Cell {
  try {
    run();
    return 'Y';
  } catch (error) {
    const code = (error as { code?: string }).code;
    const cell = ({ not_found: 'n', forbidden: 'f', unauthenticated: 'u' } as Record<string, Cell>)[code ?? ''];
    if (!cell) throw error;
    return cell;
  }
}

const visibilityOf = (row: string) => (row.includes('public') ? 'public' : row.includes('organisation') ? 'organisation' : 'members');

/** A story of O1 written by the author, linked to the test's case study. */
function recordO1Story(visibility: 'public' | 'members' | 'organisation', title = `A ${visibility} story`) {
  return recordAs(viewers.author, { title, visibility, organisationId: personas.organisationId, caseStudyIds: [caseStudyId], safetyConfirmed: visibility === 'public' ? 'on' : undefined });
}

const actions: Record<string, (viewer: MaybeViewer, row: string) => unknown> = {
  read: (viewer, row) => getStory(viewer, storyIds[visibilityOf(row)], 'en'),
  edit: (viewer, row) => {
    const visibility = visibilityOf(row);
    editStory({ viewer, input: storyInput({ storyId: storyIds[visibility], title: `Edited ${visibility} story`, visibility, organisationId: personas.organisationId, caseStudyIds: [caseStudyId], safetyConfirmed: 'on' }) });
  },
  // A fresh story for every attempt: a successful delete removes it.
  delete: (viewer, row) => deleteStory({ viewer, input: { storyId: recordO1Story(visibilityOf(row), 'To be deleted') } }),
};

beforeAll(async () => {
  personas = await seedPersonas();
  const authorId = await createTestUser({ username: 'story-author', displayName: 'Story author' });
  const colleagueId = await createTestUser({ username: 'story-colleague', displayName: 'Colleague' });
  addMembership(testDb(), authorId, personas.organisationId, 'member');
  addMembership(testDb(), colleagueId, personas.organisationId, 'member');
  viewers = {
    anonymous: null,
    otherOrganisationMember: personas.viewers.otherOrganisationMember,
    author: viewerOf(authorId),
    colleague: viewerOf(colleagueId),
    organisationEditor: personas.viewers.organisationEditor,
    eventParticipant: personas.viewers.eventParticipant,
    moderator: personas.viewers.moderator,
    admin: personas.viewers.admin,
  };
  caseStudyId = insertTestCaseStudy({ organisationId: personas.otherOrganisationId, authorIds: [personas.userIds.otherOrganisationMember], title: 'Peer navigation across districts', visibility: 'public', countries: ['SN'] });
  for (const visibility of ['public', 'members', 'organisation'] as const) storyIds[visibility] = recordO1Story(visibility);
});

describe('story policy, persona by persona', () => {
  for (const [row, expected] of Object.entries(table)) {
    it(row, () => {
      const action = actions[row.split(' ')[0]!]!;
      const observed = Object.fromEntries(columns.map((column) => [column, attempt(() => action(viewers[column], row))]));
      expect(observed).toEqual(cellsOf(expected, columns));
    });
  }
});

describe('lists and counts follow the read rule', () => {
  let listedCaseStudyId: string;
  let allIds: string[];

  beforeAll(() => {
    listedCaseStudyId = insertTestCaseStudy({ organisationId: personas.otherOrganisationId, authorIds: [personas.userIds.otherOrganisationMember], title: 'Clinic champions', visibility: 'public', countries: ['SN'] });
    const link = { caseStudyIds: [listedCaseStudyId] };
    allIds = [
      recordAs(viewers.author, { ...link, title: 'O1 for everyone', visibility: 'public', safetyConfirmed: 'on', organisationId: personas.organisationId }),
      recordAs(viewers.author, { ...link, title: 'O1 for members', visibility: 'members', organisationId: personas.organisationId }),
      recordAs(viewers.author, { ...link, title: 'O1 for itself', visibility: 'organisation', organisationId: personas.organisationId }),
      recordAs(viewers.otherOrganisationMember, { ...link, title: 'O2 for members', visibility: 'members', organisationId: personas.otherOrganisationId }),
      recordAs(viewers.eventParticipant, { ...link, title: 'On my own', visibility: 'members', countryCode: 'BW' }),
    ];
  });

  it('lists and counts exactly the stories can() lets each persona read', () => {
    const rows = testDb().select().from(appliedStories).all().filter((row) => allIds.includes(row.id));
    for (const column of columns) {
      const viewer = viewers[column];
      const readable = rows.filter((row) => can(viewer, 'story.read', storyFacts(row)));
      const listed = listStories(viewer, 'en', { caseStudyId: listedCaseStudyId, pageSize: 50 });
      expect(listed.items.map((item) => item.id).sort(), column).toEqual(readable.map((row) => row.id).sort());
      expect(listed.total, column).toBe(readable.length);
      expect(appliedCounts(viewer, { caseStudyId: listedCaseStudyId }), column).toEqual({
        stories: readable.length,
        organisations: new Set(readable.flatMap((row) => (row.organisationId ? [row.organisationId] : []))).size,
        countries: new Set(readable.map((row) => row.countryCode)).size,
      });
    }
  });

  it('gives visitors the public story only, with a members-only organisation left unnamed', () => {
    const listed = listStories(null, 'en', { caseStudyId: listedCaseStudyId });
    expect(listed.items.map((item) => item.title)).toEqual(['O1 for everyone']);
    // O1 is listed for members only: its name is not for visitors; members see it.
    expect(listed.items[0]!.organisation).toBeNull();
    expect(listed.items[0]!.isIndividual).toBe(false);
    expect(listStories(viewers.otherOrganisationMember, 'en', { caseStudyId: listedCaseStudyId }).items.find((item) => item.title === 'O1 for everyone')?.organisation?.name).toBe('Persona Owning Organisation');
    expect(appliedCounts(null, { caseStudyId: listedCaseStudyId })).toEqual({ stories: 1, organisations: 1, countries: 1 });
  });

  it('neither lists nor counts an organisation-only story for outsiders', () => {
    for (const outsider of [viewers.otherOrganisationMember, viewers.eventParticipant, viewers.admin]) {
      expect(listStories(outsider, 'en', { caseStudyId: listedCaseStudyId }).items.map((item) => item.title)).not.toContain('O1 for itself');
      // O2's member: O1's public and members stories, O2's own, and the individual one from Botswana.
      expect(appliedCounts(outsider, { caseStudyId: listedCaseStudyId })).toEqual({ stories: 4, organisations: 2, countries: 3 });
    }
    expect(listStories(viewers.colleague, 'en', { caseStudyId: listedCaseStudyId }).items.map((item) => item.title)).toContain('O1 for itself');
    expect(appliedCounts(viewers.colleague, { caseStudyId: listedCaseStudyId })).toEqual({ stories: 5, organisations: 2, countries: 3 });
  });

  it('counts distinct organisations and countries, not stories', () => {
    const caseStudy = insertTestCaseStudy({ organisationId: personas.otherOrganisationId, authorIds: [personas.userIds.otherOrganisationMember], title: 'Counting twice', visibility: 'public' });
    for (let index = 0; index < 3; index++) recordAs(viewers.author, { caseStudyIds: [caseStudy], title: `O1 again ${index}`, organisationId: personas.organisationId });
    recordAs(viewers.otherOrganisationMember, { caseStudyIds: [caseStudy], title: 'O2 once', organisationId: personas.otherOrganisationId });
    // Writing for oneself counts a country but no organisation; the same country twice counts once.
    recordAs(viewers.eventParticipant, { caseStudyIds: [caseStudy], title: 'Kenya, on my own', countryCode: 'KE' });
    expect(appliedCounts(viewers.colleague, { caseStudyId: caseStudy })).toEqual({ stories: 5, organisations: 2, countries: 2 });
  });
});

describe('changing a story', () => {
  it('is no longer possible for an author who left the organisation; its editors still may', async () => {
    const leaverId = await createTestUser({ username: 'story-leaver', displayName: 'Leaver' });
    addMembership(testDb(), leaverId, personas.organisationId, 'member');
    const storyId = recordAs(viewerOf(leaverId), { caseStudyIds: [caseStudyId], organisationId: personas.organisationId, title: 'Written before leaving' });
    const edit = (viewer: MaybeViewer, title: string) => editStory({ viewer, input: storyInput({ storyId, title, organisationId: personas.organisationId, caseStudyIds: [caseStudyId] }) });
    edit(viewerOf(leaverId), 'Still a member');

    testDb().delete(memberships).where(and(eq(memberships.userId, leaverId), eq(memberships.organisationId, personas.organisationId))).run();
    const leaver = viewerOf(leaverId);
    // Still readable (members), no longer theirs to change.
    expect(getStory(leaver, storyId, 'en').abilities['story.edit']).toBe(false);
    expectAppError(thrownBy(() => edit(leaver, 'After leaving')), 'forbidden');
    expectAppError(thrownBy(() => deleteStory({ viewer: leaver, input: { storyId } })), 'forbidden');
    edit(personas.viewers.organisationEditor, 'Kept up by the editor');
    expect(getStory(leaver, storyId, 'en').title).toBe('Kept up by the editor');
  });

  it('rejects a viewer without rights: visitors must sign in, outsiders may not write for an organisation', () => {
    expectAppError(thrownBy(() => recordAs(null, { caseStudyIds: [caseStudyId] })), 'unauthenticated');
    expectAppError(thrownBy(() => recordAs(viewers.otherOrganisationMember, { caseStudyIds: [caseStudyId], organisationId: personas.organisationId })), 'forbidden');
    const count = testDb().select().from(appliedStories).all().length;
    // An organisation that does not exist is refused the same way, so its existence is not revealed.
    expectAppError(thrownBy(() => recordAs(viewers.otherOrganisationMember, { caseStudyIds: [caseStudyId], organisationId: 'no-such-organisation' })), 'forbidden');
    expect(testDb().select().from(appliedStories).all()).toHaveLength(count);
    // An editor of O1 may not move a story to an organisation they do not belong to.
    expectAppError(
      thrownBy(() => editStory({ viewer: personas.viewers.organisationEditor, input: storyInput({ storyId: storyIds.members, organisationId: personas.otherOrganisationId, caseStudyIds: [caseStudyId] }) })),
      'forbidden',
    );
  });
});
