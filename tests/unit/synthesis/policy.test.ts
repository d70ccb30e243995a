import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { themes } from '@/db/schema/synthesis';
import { buildDeckOutline, buildThemeDeckOutline } from '@/lib/synthesis/deck';
import { createTheme, mergeThemes, publishSynthesisReport, saveSynthesisReport, tagEvidence, untagEvidence, updateTheme } from '@/lib/synthesis/mutations';
import { getThemePage, quickTagCandidates } from '@/lib/synthesis/queries';
import { AppError } from '@/lib/errors';
import type { MaybeViewer } from '@/lib/policy/types';
import { testDb } from '../../support/database';
import { cellsOf, type Cell } from '../../support/policy-table';
import { createTestTheme, insertTestCaseStudy, seedSynthesisPersonas, type SynthesisPersonas } from '../../support/synthesis';

// The expected table is the specification, written by hand from DESIGN.md ("facilitator (synthesis group)
// ... names themes, tags evidence, publishes synthesis, exports decks") and lib/policy/rules.ts, never
// computed with can(). Every cell runs the real mutation or query. Cells:
//   Y  allowed          n  not_found (may not even read the theme: its existence is not revealed)
//   f  forbidden (reads it, may not do this)          u  unauthenticated (anonymous, must sign in first)
//
// Columns (E1 is the event whose synthesis is under test, E2 another one):
//   anon    anonymous visitor              othOrg  member of an unrelated organisation
//   member  member of the organisation O1  partic  participant of E1
//   facil   facilitator of E1              synth   synthesis-group member of E1
//   oFacil  facilitator of E2              oPart   participant of E2
//   mod     site moderator                 admin   site admin (no event role)
// Reasoning:
// - Managing (create, edit, tag, untag, merge, publish the report) is for E1's facilitators and synthesis
//   group only: not E1's other participants, not other events' facilitators, not moderators or admins
//   (decision 002: admins manage structure, not content). A theme the viewer may not read is not found.
// - Network principles belong to no event: any facilitator, and admins, manage them.
// - Reading follows the theme's own visibility (public; members; the event's participants), plus the
//   synthesis group, which reads its themes whatever their visibility.
// - Decks are downloads for signed-in members of what they may read; before a report exists, an event's
//   synthesis is its group's work in progress.
const columns = ['anonymous', 'otherOrganisationMember', 'organisationMember', 'eventParticipant', 'eventFacilitator', 'synthesisMember', 'otherEventFacilitator', 'otherEventParticipant', 'moderator', 'admin'] as const;
type Column = (typeof columns)[number];

const table: Record<string, string> = {
  //                                     anon othOrg member partic facil synth oFacil oPart mod admin
  'create theme of E1':                 'u    f      f      f      Y     Y     f      f     f   f',
  'create network principle':           'u    f      f      f      Y     f     Y      f     f   Y',
  'edit public theme':                  'u    f      f      f      Y     Y     f      f     f   f',
  'edit members theme':                 'n    f      f      f      Y     Y     f      f     f   f',
  'edit event theme':                   'n    n      n      f      Y     Y     n      n     n   n',
  'tag evidence to public theme':       'u    f      f      f      Y     Y     f      f     f   f',
  'tag evidence to event theme':        'n    n      n      f      Y     Y     n      n     n   n',
  'untag evidence of public theme':     'u    f      f      f      Y     Y     f      f     f   f',
  'merge public themes':                'u    f      f      f      Y     Y     f      f     f   f',
  'publish the report of E1':           'u    f      f      f      Y     Y     f      f     f   f',
  'read public theme':                  'Y    Y      Y      Y      Y     Y     Y      Y     Y   Y',
  'read members theme':                 'n    Y      Y      Y      Y     Y     Y      Y     Y   Y',
  'read event theme':                   'n    n      n      Y      Y     Y     n      n     n   n',
  'download deck of public theme':      'u    Y      Y      Y      Y     Y     Y      Y     Y   Y',
  'download deck of event theme':       'n    n      n      Y      Y     Y     n      n     n   n',
  'download deck of E1 (public report)': 'u   Y      Y      Y      Y     Y     Y      Y     Y   Y',
  'download deck of E2 (no report)':    'n    n      n      n      n     n     Y      n     n   n',
};

let personas: SynthesisPersonas;
let facilitator: MaybeViewer;
let publicThemeId: string;
let membersThemeId: string;
let eventThemeId: string;
let publicCaseStudyId: string;

/** What the call did, as a cell: 'Y' when it returned, else the AppError code. */
function attempt(run: () => unknown): Cell {
  try {
    run();
    return 'Y';
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const cell = ({ not_found: 'n', forbidden: 'f', unauthenticated: 'u' } as const)[error.code as 'not_found' | 'forbidden' | 'unauthenticated'];
    if (!cell) throw error;
    return cell;
  }
}

const versionOf = (themeId: string) => testDb().select({ version: themes.version }).from(themes).where(eq(themes.id, themeId)).get()!.version;

function edit(viewer: MaybeViewer, themeId: string, visibility: string) {
  updateTheme({ viewer, input: { themeId, baseVersion: versionOf(themeId), kind: 'emerging_theme', titleEn: 'Pride', titleFr: 'Fierté', visibility } });
}

const actions: Record<string, (viewer: MaybeViewer) => unknown> = {
  'create theme of E1': (viewer) => createTestTheme(personas, { titleEn: 'Created in a test' }, viewer),
  'create network principle': (viewer) => createTheme({ viewer, input: { kind: 'network_principle', titleEn: 'Working in partnership', titleFr: 'Travailler en partenariat', visibility: 'public' } }),
  'edit public theme': (viewer) => edit(viewer, publicThemeId, 'public'),
  'edit members theme': (viewer) => edit(viewer, membersThemeId, 'members'),
  'edit event theme': (viewer) => edit(viewer, eventThemeId, 'event'),
  'tag evidence to public theme': (viewer) => tagEvidence({ viewer, input: { themeId: publicThemeId, targetType: 'case_study', targetId: publicCaseStudyId, note: 'Tagged in the policy table' } }),
  'tag evidence to event theme': (viewer) => tagEvidence({ viewer, input: { themeId: eventThemeId, targetType: 'case_study', targetId: publicCaseStudyId } }),
  'untag evidence of public theme': (viewer) => {
    // A fresh link for every attempt: a successful untag removes it.
    const { evidenceId } = tagEvidence({ viewer: facilitator, input: { themeId: publicThemeId, targetType: 'case_study', targetId: publicCaseStudyId, sectionKey: 'lessons' } });
    untagEvidence({ viewer, input: { evidenceId } });
  },
  'merge public themes': (viewer) => {
    const sourceId = createTestTheme(personas, { titleEn: 'Merge source' });
    const targetId = createTestTheme(personas, { titleEn: 'Merge target' });
    mergeThemes({ viewer, input: { sourceId, targetId } });
  },
  'publish the report of E1': (viewer) => publishSynthesisReport({ viewer, input: { eventId: personas.eventId, visibility: 'public' } }),
  'read public theme': (viewer) => getThemePage(viewer, publicThemeId, 'en'),
  'read members theme': (viewer) => getThemePage(viewer, membersThemeId, 'en'),
  'read event theme': (viewer) => getThemePage(viewer, eventThemeId, 'en'),
  'download deck of public theme': (viewer) => buildThemeDeckOutline({ viewer, themeId: publicThemeId, locale: 'en' }),
  'download deck of event theme': (viewer) => buildThemeDeckOutline({ viewer, themeId: eventThemeId, locale: 'en' }),
  'download deck of E1 (public report)': (viewer) => buildDeckOutline({ viewer, eventId: personas.eventId, locale: 'en' }),
  'download deck of E2 (no report)': (viewer) => buildDeckOutline({ viewer, eventId: personas.otherEventId, locale: 'en' }),
};

beforeAll(async () => {
  personas = await seedSynthesisPersonas();
  facilitator = personas.viewers.eventFacilitator;
  publicThemeId = createTestTheme(personas, { visibility: 'public' });
  membersThemeId = createTestTheme(personas, { titleEn: 'Pride', titleFr: 'Fierté', visibility: 'members' });
  eventThemeId = createTestTheme(personas, { titleEn: 'Advocacy', titleFr: 'Plaidoyer', visibility: 'event' });
  publicCaseStudyId = insertTestCaseStudy({ organisationId: personas.otherOrganisationId, authorIds: [personas.userIds.otherOrganisationMember], title: 'A public case study', visibility: 'public', countries: ['SN'] });
  saveSynthesisReport({ viewer: facilitator, input: { eventId: personas.eventId, titleEn: 'What we learned', visibility: 'public' } });
  publishSynthesisReport({ viewer: facilitator, input: { eventId: personas.eventId } });
});

describe('synthesis policy, persona by persona', () => {
  for (const [row, expected] of Object.entries(table)) {
    it(row, () => {
      const cells = cellsOf(expected, columns);
      const observed = Object.fromEntries(columns.map((column: Column) => [column, attempt(() => actions[row]!(personas.all[column]))]));
      expect(observed).toEqual(cells);
    });
  }
});

describe('the quick tagger', () => {
  it('offers only themes the viewer may tag, matching either language without accents', () => {
    createTestTheme(personas, { titleEn: 'Dialogue with police', titleFr: 'Dialogue avec la police et les élus', visibility: 'members' });
    const titles = (viewer: MaybeViewer, query: string) => quickTagCandidates(viewer, query, undefined, 'en').map((theme) => theme.title);
    expect(titles(facilitator, 'dialog')).toEqual(['Dialogue with police']);
    expect(titles(facilitator, 'POL')).toEqual(['Dialogue with police']);
    expect(titles(facilitator, 'elus')).toEqual(['Dialogue with police']);
    expect(titles(personas.synthesisMember, 'dialogue ÉLU')).toEqual(['Dialogue with police']);
    expect(quickTagCandidates(facilitator, 'élus', personas.eventId, 'fr').map((theme) => theme.title)).toEqual(['Dialogue avec la police et les élus']);
    expect(titles(facilitator, 'zzz')).toEqual([]);
    expect(quickTagCandidates(facilitator, 's', undefined, 'fr').length).toBeLessThanOrEqual(8);
    // Readers who may not tag get nothing, even for themes they may read.
    for (const viewer of [null, personas.viewers.eventParticipant, personas.viewers.otherEventFacilitator, personas.viewers.admin]) {
      expect(quickTagCandidates(viewer, 'dialog', personas.eventId)).toEqual([]);
    }
  });
});
