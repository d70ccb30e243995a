import { beforeAll, describe, expect, it } from 'vitest';
import { markRecurring, saveSynthesisReport, publishSynthesisReport, tagEvidence } from '@/lib/synthesis/mutations';
import { getSynthesisReport, getThemePage, listThemesForEvent, type ThemePage } from '@/lib/synthesis/queries';
import type { MaybeViewer } from '@/lib/policy/types';
import { expectAppError, thrownBy } from '../../support/errors';
import { createTestTheme, insertOrganisationOnlyCaseStudy, insertTestCaseStudy, seedSynthesisPersonas, type SynthesisPersonas } from '../../support/synthesis';

// A public theme whose evidence has its own visibilities: what a reader may not read is neither shown nor
// counted (DESIGN.md: "counts and facet numbers go through the same rules").

let personas: SynthesisPersonas;
let themeId: string;
const hiddenTitle = 'Night outreach under threat in Mombasa';
const hiddenText = 'HIDDEN-ORGANISATION-ONLY-TEXT';

const page = (viewer: MaybeViewer, locale: 'en' | 'fr' = 'en') => getThemePage(viewer, themeId, locale) as ThemePage;
const itemsOf = (view: ThemePage) => view.evidence.groups.flatMap((group) => group.countries.flatMap((country) => country.items));

beforeAll(async () => {
  personas = await seedSynthesisPersonas();
  const facilitator = personas.viewers.eventFacilitator;
  themeId = createTestTheme(personas, { descriptionEn: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Keeping people safe.' }] }] } });
  const publicCaseStudy = insertTestCaseStudy({
    organisationId: personas.otherOrganisationId,
    authorIds: [personas.userIds.otherOrganisationMember],
    title: 'Drop-in centre run by peers',
    visibility: 'public',
    countries: ['SN'],
    populations: ['sex_workers'],
    eventId: personas.eventId,
    sections: { outcomes: 'Visits doubled once the centre opened at night.' },
  });
  // Public work of the members-only organisation O1: readable by everyone, its organisation named for members only.
  const publicOfMembersOnlyOrganisation = insertTestCaseStudy({ organisationId: personas.organisationId, authorIds: [personas.userIds.organisationEditor], title: 'Clinic days for MSM', visibility: 'public', countries: ['KE'], populations: ['msm'] });
  const hidden = insertOrganisationOnlyCaseStudy(personas, { title: hiddenTitle, summary: `${hiddenText} in the summary.`, countries: ['KE', 'UG'], populations: ['msm', 'transgender'] });
  tagEvidence({ viewer: facilitator, input: { themeId, targetType: 'case_study', targetId: publicCaseStudy, sectionKey: 'outcomes', note: 'Night opening' } });
  tagEvidence({ viewer: facilitator, input: { themeId, targetType: 'case_study', targetId: publicCaseStudy } });
  tagEvidence({ viewer: facilitator, input: { themeId, targetType: 'case_study', targetId: publicOfMembersOnlyOrganisation } });
  tagEvidence({ viewer: facilitator, input: { themeId, targetType: 'case_study', targetId: hidden, note: 'Only for them' } });
  const elsewhere = createTestTheme(personas, { eventId: personas.otherEventId, titleEn: 'Security in E2', visibility: 'event' }, personas.viewers.otherEventFacilitator);
  markRecurring({ viewer: facilitator, input: { themeId, otherThemeId: createTestTheme(personas, { eventId: personas.otherEventId, titleEn: 'Safety in E2' }, personas.viewers.otherEventFacilitator) } });
  markRecurring({ viewer: personas.viewers.otherEventFacilitator, input: { themeId: elsewhere, otherThemeId: themeId } });
});

describe('a theme page', () => {
  it('neither shows nor counts an organisation-only case study for an outsider', () => {
    for (const viewer of [null, personas.viewers.otherOrganisationMember, personas.viewers.eventParticipant, personas.viewers.admin]) {
      const view = page(viewer);
      expect(itemsOf(view).map((item) => item.type === 'case_study' && item.title)).toEqual(['Drop-in centre run by peers', 'Drop-in centre run by peers', 'Clinic days for MSM']);
      expect(view.evidence.counts).toEqual({
        caseStudies: 2,
        threads: 0,
        posts: 0,
        byCountry: [
          { key: 'KE', label: 'Kenya', count: 1 },
          { key: 'SN', label: 'Senegal', count: 1 },
        ],
        byPopulation: [
          { key: 'msm', label: expect.stringContaining('MSM'), count: 1 },
          { key: 'sex_workers', label: expect.any(String), count: 1 },
        ],
      });
      const text = JSON.stringify(view);
      expect(text).not.toContain(hiddenTitle);
      expect(text).not.toContain(hiddenText);
      expect(text).not.toContain('Only for them');
      expect(text).not.toContain('UG');
      expect(text).not.toContain('transgender');
    }
  });

  it('shows and counts it for its organisation’s members and the reviewing facilitator', () => {
    for (const viewer of [personas.viewers.organisationMember, personas.viewers.organisationEditor, personas.viewers.eventFacilitator]) {
      const view = page(viewer);
      expect(itemsOf(view).map((item) => item.type === 'case_study' && item.title)).toContain(hiddenTitle);
      expect(view.evidence.counts.caseStudies).toBe(3);
      expect(view.evidence.counts.byCountry).toEqual([
        { key: 'KE', label: 'Kenya', count: 2 },
        { key: 'SN', label: 'Senegal', count: 1 },
        { key: 'UG', label: 'Uganda', count: 1 },
      ]);
      expect(view.evidence.counts.byPopulation.find((row) => row.key === 'msm')?.count).toBe(2);
    }
  });

  it('groups evidence by event then country, with the tagged section’s excerpt, and names organisations per their listing', () => {
    const anonymous = page(null);
    const [ownEvent, noEvent] = anonymous.evidence.groups;
    expect(ownEvent!.event?.id).toBe(personas.eventId);
    expect(ownEvent!.countries.map((country) => country.label)).toEqual(['Senegal']);
    const [section, whole] = ownEvent!.countries[0]!.items;
    expect(section).toMatchObject({ type: 'case_study', sectionKey: 'outcomes', excerpt: 'Visits doubled once the centre opened at night.', note: 'Night opening', organisation: { name: 'Persona Other Organisation' } });
    expect(whole).toMatchObject({ type: 'case_study', sectionKey: null, excerpt: 'Drop-in centre run by peers: summary.' });
    expect(noEvent!.event).toBeNull();
    // O1 is listed for members only: its public work shows without its name to visitors.
    expect(noEvent!.countries[0]!.items[0]).toMatchObject({ title: 'Clinic days for MSM', organisation: null });
    expect(itemsOf(page(personas.viewers.otherOrganisationMember)).find((item) => item.type === 'case_study' && item.title === 'Clinic days for MSM')).toMatchObject({ organisation: { name: 'Persona Owning Organisation' } });
  });

  it('is in the reader’s language, lists the recurring themes they may read, and says what they may do', () => {
    const french = page(null, 'fr');
    expect(french.theme).toMatchObject({ title: 'Sûreté et sécurité', otherLanguage: { locale: 'en', title: 'Safety & Security' }, descriptionHtml: '<p>Keeping people safe.</p>', descriptionLocale: 'en' });
    expect(french.evidence.counts.byCountry.map((row) => row.label)).toEqual(['Kenya', 'Sénégal']);
    expect(page(null).recurringWith.map((theme) => theme.title)).toEqual(['Safety in E2']);
    expect(page(personas.otherEventParticipant).recurringWith.map((theme) => theme.title)).toEqual(['Safety in E2', 'Security in E2']);
    expect(page(null).theme.abilities).toEqual({ manage: false, download: false });
    expect(page(personas.viewers.otherOrganisationMember).theme.abilities).toEqual({ manage: false, download: true });
    expect(page(personas.synthesisMember).theme.abilities).toEqual({ manage: true, download: true });
    expect(page(personas.synthesisMember).theme.editable?.version).toBe(1);
    expect(page(personas.viewers.eventParticipant).theme.editable).toBeNull();
  });
});

describe('the synthesis report', () => {
  it('is the group’s draft until published, then read by its visibility with its readable theme sets', () => {
    const { eventId } = personas;
    const facilitator = personas.viewers.eventFacilitator;
    expectAppError(thrownBy(() => getSynthesisReport(personas.viewers.eventParticipant, eventId, 'en')), 'not_found');
    expect(getSynthesisReport(facilitator, eventId, 'en')).toMatchObject({ report: null, editable: { version: null } });
    saveSynthesisReport({ viewer: facilitator, input: { eventId, titleEn: 'What we learned', titleFr: 'Ce que nous avons appris', narrativeFr: JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Récit.' }] }] }), visibility: 'event' } });
    expectAppError(thrownBy(() => saveSynthesisReport({ viewer: personas.synthesisMember, input: { eventId, titleEn: 'Overwrite', visibility: 'public' } })), 'conflict');
    expectAppError(thrownBy(() => getSynthesisReport(personas.viewers.eventParticipant, eventId, 'en')), 'not_found');
    publishSynthesisReport({ viewer: personas.synthesisMember, input: { eventId } });
    const forParticipant = getSynthesisReport(personas.viewers.eventParticipant, eventId, 'en');
    expect(forParticipant.report).toMatchObject({ title: 'What we learned', narrativeHtml: '<p>Récit.</p>', narrativeLocale: 'fr', visibility: 'event' });
    expect(forParticipant.editable).toBeNull();
    expect(forParticipant.themeSets.map((group) => group.kind)).toEqual(['emerging_theme']);
    expectAppError(thrownBy(() => getSynthesisReport(personas.viewers.otherOrganisationMember, eventId, 'en')), 'not_found');
    expect(listThemesForEvent(null, eventId, 'en').groups[0]!.themes[0]).toMatchObject({ title: 'Safety & Security', evidenceCount: 3 });
    expect(listThemesForEvent(personas.viewers.organisationMember, eventId, 'en').groups[0]!.themes[0]!.evidenceCount).toBe(4);
  });
});
