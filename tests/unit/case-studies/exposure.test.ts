import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { organisations } from '@/db/schema/organisations';
import { createCaseStudy, publishCaseStudy, saveCaseStudySection, transitionCaseStudy, updateCaseStudyMetadata } from '@/lib/case-studies/mutations';
import { getCaseStudy, getCaseStudyHistory, getRevisionDiff, listPublishedCaseStudies } from '@/lib/case-studies/queries';
import type { Viewer } from '@/lib/policy/types';
import { addCoAuthorMember, caseStudyInput, fillSections, openCallOnEvent, paragraphs, sectionTexts, sectionVersion } from '../../support/case-studies';
import { testDb } from '../../support/database';
import { expectAppError, thrownBy } from '../../support/errors';
import { seedPersonas, type Personas } from '../../support/personas';

// What a published case study must not give away beyond its published text: the words review took out,
// the reviewers, a members-only organisation's name, or a way for a co-author to change it unreviewed.

let personas: Personas;
let editor: Viewer;
let coAuthor: { userId: string; viewer: Viewer };
let facilitator: Viewer;
let publicCaseStudyId: string;

beforeAll(async () => {
  personas = await seedPersonas();
  editor = personas.viewers.organisationEditor!;
  facilitator = personas.viewers.eventFacilitator!;
  coAuthor = await addCoAuthorMember(personas);
  // Through a call: version 1 names a person, review asks for it to go, version 2 is published to everyone.
  const callId = openCallOnEvent(personas);
  publicCaseStudyId = createCaseStudy({ viewer: editor, input: caseStudyInput(personas.organisationId, { callId, coAuthorIds: [coAuthor.userId] }) }).id;
  fillSections(editor, publicCaseStudyId, { ...sectionTexts('First version'), context: 'Peer educator Jane Doe meets people behind the Likoni market every Tuesday evening.' });
  transitionCaseStudy({ viewer: editor, input: { caseStudyId: publicCaseStudyId }, transition: 'submit' });
  transitionCaseStudy({ viewer: facilitator, input: { caseStudyId: publicCaseStudyId, note: 'Please remove the name and the place.' }, transition: 'requestChanges' });
  fillSections(editor, publicCaseStudyId, { context: 'A peer educator meets people in a safe place every week.' });
  transitionCaseStudy({ viewer: editor, input: { caseStudyId: publicCaseStudyId }, transition: 'submit' });
  transitionCaseStudy({ viewer: facilitator, input: { caseStudyId: publicCaseStudyId }, transition: 'accept' });
  publishCaseStudy({ viewer: editor, input: { caseStudyId: publicCaseStudyId, visibility: 'public', safetyConfirmed: 'on' } });
});

describe('earlier versions', () => {
  it('are not shown to readers who did not write or review them', () => {
    for (const viewer of [null, personas.viewers.otherOrganisationMember!, personas.viewers.organisationMember!, personas.viewers.admin!]) {
      expect(getCaseStudy(viewer, publicCaseStudyId, 'en').sections.find((section) => section.key === 'context')!.plainText).not.toContain('Jane');
      expectAppError(thrownBy(() => getCaseStudyHistory(viewer, publicCaseStudyId, 'en')), 'not_found');
      expectAppError(thrownBy(() => getRevisionDiff(viewer, publicCaseStudyId, 1, 2, 'en')), 'not_found');
    }
  });

  it('are shown to the authors, the editors and the reviewing facilitator', () => {
    for (const viewer of [editor, coAuthor.viewer, facilitator]) {
      expect(getCaseStudyHistory(viewer, publicCaseStudyId, 'en').revisions.map((revision) => revision.number)).toEqual([2, 1]);
      const removed = getRevisionDiff(viewer, publicCaseStudyId, 1, 2, 'en').sections.find((section) => section.key === 'context')!.parts.filter((part) => part.kind === 'removed');
      expect(removed.map((part) => part.text).join(' ')).toContain('Jane Doe');
    }
  });
});

describe('published text', () => {
  it('only editors change it: a co-author who is a member may not, with or without the checklist', () => {
    const before = sectionVersion(publicCaseStudyId, 'outcomes');
    expectAppError(
      thrownBy(() => saveCaseStudySection({ viewer: coAuthor.viewer, input: { caseStudyId: publicCaseStudyId, key: 'outcomes', content: paragraphs('Named person at 12 Main St.'), baseVersion: before } })),
      'forbidden',
    );
    const metadataVersion = getCaseStudy(editor, publicCaseStudyId, 'en').version;
    expectAppError(thrownBy(() => updateCaseStudyMetadata({ viewer: coAuthor.viewer, input: { ...caseStudyInput(personas.organisationId, { title: 'A new public title' }), caseStudyId: publicCaseStudyId, baseVersion: metadataVersion } })), 'forbidden');
    expect(getCaseStudy(coAuthor.viewer, publicCaseStudyId, 'en').abilities.canEditNow).toBe(false);
    expect(getCaseStudy(editor, publicCaseStudyId, 'en').abilities.canEditNow).toBe(true);
    expect(saveCaseStudySection({ viewer: editor, input: { caseStudyId: publicCaseStudyId, key: 'outcomes', content: paragraphs('A correction by the editor.'), baseVersion: before } })).toMatchObject({ status: 'saved' });
  });

  it('a change request must say what should change', () => {
    const callId = openCallOnEvent(personas);
    const id = createCaseStudy({ viewer: editor, input: caseStudyInput(personas.organisationId, { callId }) }).id;
    fillSections(editor, id, sectionTexts('Needs a note'));
    transitionCaseStudy({ viewer: editor, input: { caseStudyId: id }, transition: 'submit' });
    const refused = thrownBy(() => transitionCaseStudy({ viewer: facilitator, input: { caseStudyId: id, note: '   ' }, transition: 'requestChanges' }));
    expectAppError(refused, 'invalid_input');
    expect((refused as Error).message).toBe('errors.note_required');
    expect(getCaseStudy(editor, id, 'en').status).toBe('submitted');
  });
});

describe('the owning organisation', () => {
  it('is not named to anyone who may not see a members-only organisation', () => {
    const original = testDb().select({ visibility: organisations.visibility }).from(organisations).where(eq(organisations.id, personas.organisationId)).get()!.visibility;
    testDb().update(organisations).set({ visibility: 'members' }).where(eq(organisations.id, personas.organisationId)).run();
    try {
      expect(getCaseStudy(null, publicCaseStudyId, 'en').organisation).toBeNull();
      const card = listPublishedCaseStudies(null, 'en').items.find((item) => item.id === publicCaseStudyId)!;
      expect(card.organisation).toBeNull();
      expect(JSON.stringify(card)).not.toContain('Persona Owning Organisation');
      expect(getCaseStudy(personas.viewers.otherOrganisationMember!, publicCaseStudyId, 'en').organisation?.name).toBeTruthy();
    } finally {
      testDb().update(organisations).set({ visibility: original }).where(eq(organisations.id, personas.organisationId)).run();
    }
  });
});
