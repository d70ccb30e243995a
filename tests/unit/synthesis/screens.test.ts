import { beforeAll, describe, expect, it } from 'vitest';
import { insertSession } from '@/db/seed/factories';
import { linkSessionCaseStudy, markRecurring, publishSynthesisReport, saveSynthesisReport } from '@/lib/synthesis/mutations';
import { canTagEvidence, programmeCaseStudies, recurrenceCandidates, synthesisSummary, taggingOptions } from '@/lib/synthesis/queries';
import { testDb } from '../../support/database';
import { createTestTheme, insertOrganisationOnlyCaseStudy, insertTestCaseStudy, seedSynthesisPersonas, type SynthesisPersonas } from '../../support/synthesis';

// What the synthesis screens ask around the theme pages: who gets tag controls and with which themes and
// sessions, recurrence choices, the event page's summary of the report, and the programme's case studies.

let personas: SynthesisPersonas;
let themeId: string;
let otherEventThemeId: string;
let morningSessionId: string;
let afternoonSessionId: string;
let publicCaseStudyId: string;
let hiddenCaseStudyId: string;

beforeAll(async () => {
  personas = await seedSynthesisPersonas();
  const db = testDb();
  morningSessionId = insertSession(db, { eventId: personas.eventId, kind: 'plenary', titleEn: 'Opening', titleFr: 'Ouverture', day: '2030-03-02', startsAt: '09:00', endsAt: '10:30' });
  afternoonSessionId = insertSession(db, { eventId: personas.eventId, kind: 'group_work', titleEn: 'Group work', titleFr: 'Travail de groupe', day: '2030-03-02', startsAt: '14:00', endsAt: '16:00' });
  themeId = createTestTheme(personas, { titleEn: 'Pride', titleFr: 'Fierté', visibility: 'event' });
  otherEventThemeId = createTestTheme(personas, { eventId: personas.otherEventId, titleEn: 'Safety in E2', titleFr: 'Sûreté en E2', visibility: 'members' }, personas.viewers.otherEventFacilitator);
  createTestTheme(personas, { eventId: personas.otherEventId, titleEn: 'Only E2 participants', titleFr: 'Seulement E2', visibility: 'event' }, personas.viewers.otherEventFacilitator);
  publicCaseStudyId = insertTestCaseStudy({ organisationId: personas.otherOrganisationId, authorIds: [personas.userIds.otherOrganisationMember], title: 'Drop-in centre run by peers', visibility: 'public', eventId: personas.eventId });
  hiddenCaseStudyId = insertOrganisationOnlyCaseStudy(personas, { title: 'Night outreach under threat' });
  linkSessionCaseStudy({ viewer: personas.viewers.eventFacilitator, input: { sessionId: morningSessionId, caseStudyId: publicCaseStudyId } });
  linkSessionCaseStudy({ viewer: personas.viewers.eventFacilitator, input: { sessionId: morningSessionId, caseStudyId: hiddenCaseStudyId } });
});

describe('tag controls', () => {
  it('are for synthesis groups (and, for network principles, facilitators) only', () => {
    expect(canTagEvidence(personas.viewers.eventFacilitator)).toBe(true);
    expect(canTagEvidence(personas.synthesisMember)).toBe(true);
    for (const viewer of [null, personas.viewers.eventParticipant, personas.viewers.organisationEditor, personas.viewers.moderator, personas.viewers.otherOrganisationMember]) {
      expect(canTagEvidence(viewer)).toBe(false);
      expect(taggingOptions(viewer, 'en')).toBeNull();
    }
  });

  it('offer the group its own events’ themes and sessions, preselecting the session happening now', () => {
    const during = new Date('2030-03-02T14:30:00Z');
    const options = taggingOptions(personas.synthesisMember, 'fr', personas.eventId, during)!;
    expect(options.map((event) => event.eventId)).toEqual([personas.eventId]);
    expect(options[0]!.themes.map((theme) => theme.title)).toContain('Fierté');
    expect(options[0]!.sessions.map((session) => session.title)).toEqual(['Ouverture', 'Travail de groupe']);
    expect(options[0]!.defaultSessionId).toBe(afternoonSessionId);
    // Another day: no session preselected.
    expect(taggingOptions(personas.synthesisMember, 'fr', personas.eventId, new Date('2030-03-04T10:00:00Z'))![0]!.defaultSessionId).toBeNull();
    // A facilitator also manages the network principles (last).
    expect(taggingOptions(personas.viewers.eventFacilitator, 'en', personas.eventId, during)!.map((event) => event.eventId)).toEqual([personas.eventId, null]);
  });
});

describe('recurrence candidates', () => {
  it('are readable themes of other events, for the theme’s group only', () => {
    const candidates = recurrenceCandidates(personas.viewers.eventFacilitator, themeId, 'en');
    const titles = candidates.flatMap((group) => group.themes.map((theme) => theme.title));
    expect(titles).toContain('Safety in E2');
    // Read by E2's participants only: not offered to E1's facilitator.
    expect(titles).not.toContain('Only E2 participants');
    expect(titles).not.toContain('Pride');
    expect(recurrenceCandidates(personas.viewers.eventParticipant, themeId, 'en')).toEqual([]);
    markRecurring({ viewer: personas.viewers.eventFacilitator, input: { themeId, otherThemeId: otherEventThemeId } });
    expect(recurrenceCandidates(personas.viewers.eventFacilitator, themeId, 'en').flatMap((group) => group.themes.map((theme) => theme.id))).not.toContain(otherEventThemeId);
  });
});

describe('the event page’s synthesis summary', () => {
  it('is the group’s work in progress until the report is published, then the readers’', () => {
    expect(synthesisSummary(personas.viewers.eventParticipant, personas.eventId, 'en')).toBeNull();
    expect(synthesisSummary(personas.synthesisMember, personas.eventId, 'en')).toMatchObject({ title: '', isPublished: false, canManage: true });
    const narrativeFr = JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Ce que nous avons appris.' }] }] });
    saveSynthesisReport({ viewer: personas.viewers.eventFacilitator, input: { eventId: personas.eventId, titleEn: 'Forecast', titleFr: 'Prévisions', narrativeFr: JSON.parse(narrativeFr), visibility: 'event' } });
    expect(synthesisSummary(personas.viewers.eventParticipant, personas.eventId, 'en')).toBeNull();
    publishSynthesisReport({ viewer: personas.viewers.eventFacilitator, input: { eventId: personas.eventId } });
    const summary = synthesisSummary(personas.viewers.eventParticipant, personas.eventId, 'en')!;
    // No English narrative: the French one stands in.
    expect(summary).toMatchObject({ title: 'Forecast', excerpt: 'Ce que nous avons appris.', isPublished: true, canManage: false });
    expect(summary.themeSets.flatMap((group) => group.themes.map((theme) => theme.title))).toContain('Pride');
    // Read by the event's participants only.
    expect(synthesisSummary(personas.viewers.otherOrganisationMember, personas.eventId, 'en')).toBeNull();
  });
});

describe('the programme’s case studies', () => {
  it('lists only what the viewer may read, and linkable case studies for those who manage the programme', () => {
    const forParticipant = programmeCaseStudies(personas.viewers.eventParticipant, personas.eventId);
    expect(forParticipant.bySession.get(morningSessionId)?.map((caseStudy) => caseStudy.title)).toEqual(['Drop-in centre run by peers']);
    expect(forParticipant).toMatchObject({ canManage: false, linkable: [] });
    const forFacilitator = programmeCaseStudies(personas.viewers.eventFacilitator, personas.eventId);
    // The facilitator reviewed the organisation-only one: it is theirs to see.
    expect(forFacilitator.bySession.get(morningSessionId)?.map((caseStudy) => caseStudy.title)).toEqual(['Drop-in centre run by peers', 'Night outreach under threat']);
    expect(forFacilitator.canManage).toBe(true);
    expect(forFacilitator.linkable.map((caseStudy) => caseStudy.id)).toEqual(expect.arrayContaining([publicCaseStudyId, hiddenCaseStudyId]));
  });
});
