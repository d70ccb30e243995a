import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { caseStudies, caseStudyAuthors } from '@/db/schema/case-studies';
import { createCaseStudy, saveCaseStudySection, transitionCaseStudy, updateCaseStudyMetadata } from '@/lib/case-studies/mutations';
import { getCaseStudy } from '@/lib/case-studies/queries';
import { AppError } from '@/lib/errors';
import type { Viewer } from '@/lib/policy/types';
import { validateRichText } from '@/lib/rich-text/validate';
import { addCoAuthorMember, caseStudyInput, fillSections, leaveOrganisation, openCallOnEvent, paragraphs, sectionTexts, sectionVersion, storedSection } from '../../support/case-studies';
import { testDb } from '../../support/database';
import { expectAppError, thrownBy } from '../../support/errors';
import { seedPersonas, type Personas } from '../../support/personas';

// Two people editing one case study must never silently lose each other's words: each save names the
// version it started from, and a save from a stale version is refused with the newer text instead.

let personas: Personas;
let editor: Viewer;
let coAuthor: { userId: string; viewer: Viewer };
beforeAll(async () => {
  personas = await seedPersonas();
  editor = personas.viewers.organisationEditor!;
  coAuthor = await addCoAuthorMember(personas);
});

const metadataOf = (id: string) => testDb().select().from(caseStudies).where(eq(caseStudies.id, id)).get()!;
const authorsOf = (id: string) => testDb().select({ userId: caseStudyAuthors.userId }).from(caseStudyAuthors).where(eq(caseStudyAuthors.caseStudyId, id)).all().map((row) => row.userId).sort();

function newCaseStudy(overrides: Record<string, unknown> = {}): string {
  return createCaseStudy({ viewer: editor, input: caseStudyInput(personas.organisationId, { coAuthorIds: [coAuthor.userId], ...overrides }) }).id;
}

describe('sections', () => {
  it('a stale save is a conflict that returns the newer text and overwrites nothing', () => {
    const id = newCaseStudy();
    // Both co-authors open the editor on the same version.
    const loadedByEditor = getCaseStudy(editor, id, 'en').sections.find((section) => section.key === 'context')!;
    const loadedByCoAuthor = getCaseStudy(coAuthor.viewer, id, 'en').sections.find((section) => section.key === 'context')!;
    expect(loadedByCoAuthor.version).toBe(loadedByEditor.version);
    const base = loadedByEditor.version;

    const editorText = paragraphs('The editor wrote this context first.');
    expect(saveCaseStudySection({ viewer: editor, input: { caseStudyId: id, key: 'context', content: editorText, baseVersion: base } })).toEqual({ status: 'saved', version: base + 1 });

    const coAuthorText = paragraphs('The co-author wrote this context at the same time.');
    const conflict = saveCaseStudySection({ viewer: coAuthor.viewer, input: { caseStudyId: id, key: 'context', content: coAuthorText, baseVersion: base } });
    expect(conflict).toEqual({
      status: 'conflict',
      current: { content: validateRichText(editorText), version: base + 1, updatedByName: editor.displayName, updatedAt: expect.any(Date) },
    });
    // Nothing was overwritten.
    expect(storedSection(id, 'context')).toMatchObject({ content: validateRichText(editorText), plainText: 'The editor wrote this context first.', version: base + 1, updatedBy: editor.userId });

    // Having seen the newer text, the co-author saves deliberately on top of it.
    expect(saveCaseStudySection({ viewer: coAuthor.viewer, input: { caseStudyId: id, key: 'context', content: coAuthorText, baseVersion: base + 1 } })).toEqual({ status: 'saved', version: base + 2 });
    expect(storedSection(id, 'context')).toMatchObject({ plainText: 'The co-author wrote this context at the same time.', version: base + 2, updatedBy: coAuthor.userId });
  });

  it('sections are versioned separately: saving one never conflicts with another', () => {
    const id = newCaseStudy();
    const problemBase = sectionVersion(id, 'problem');
    const lessonsBase = sectionVersion(id, 'lessons');
    expect(saveCaseStudySection({ viewer: editor, input: { caseStudyId: id, key: 'problem', content: paragraphs('Problem.'), baseVersion: problemBase } }).status).toBe('saved');
    expect(saveCaseStudySection({ viewer: coAuthor.viewer, input: { caseStudyId: id, key: 'lessons', content: paragraphs('Lessons.'), baseVersion: lessonsBase } }).status).toBe('saved');
  });

  it('a save while the case study is under review is refused as not editable', () => {
    const id = newCaseStudy({ callId: openCallOnEvent(personas) });
    fillSections(editor, id, sectionTexts('Review'));
    transitionCaseStudy({ viewer: editor, input: { caseStudyId: id }, transition: 'submit' });
    const before = storedSection(id, 'problem');
    for (const viewer of [editor, coAuthor.viewer]) {
      const error = thrownBy(() => saveCaseStudySection({ viewer, input: { caseStudyId: id, key: 'problem', content: paragraphs('A late change.'), baseVersion: before.version } }));
      expectAppError(error, 'conflict');
      expect((error as AppError).message).toBe('errors.not_editable');
    }
    expect(storedSection(id, 'problem')).toEqual(before);
  });

  it('refuses invalid rich text before touching anything', () => {
    const id = newCaseStudy();
    const before = storedSection(id, 'outcomes');
    const hostile = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'click', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] }] };
    const error = thrownBy(() => saveCaseStudySection({ viewer: editor, input: { caseStudyId: id, key: 'outcomes', content: hostile, baseVersion: before.version } }));
    expectAppError(error, 'invalid_input');
    expect((error as AppError).message).toBe('errors.rich_text_link');
    expect(storedSection(id, 'outcomes')).toEqual(before);
  });

  it('rejects a viewer without rights: a former co-author (membership removed) can no longer save', async () => {
    const leaver = await addCoAuthorMember(personas, 'persona-leaver');
    const id = newCaseStudy({ coAuthorIds: [coAuthor.userId, leaver.userId] });
    const base = sectionVersion(id, 'lessons');
    expect(saveCaseStudySection({ viewer: leaver.viewer, input: { caseStudyId: id, key: 'lessons', content: paragraphs('Written while on the staff.'), baseVersion: base } }).status).toBe('saved');

    const afterLeaving = leaveOrganisation(leaver.userId, personas.organisationId);
    const before = storedSection(id, 'lessons');
    // Still listed as an author, so still a reader of the case study: refused as forbidden, not hidden.
    expect(authorsOf(id)).toContain(leaver.userId);
    const error = thrownBy(() => saveCaseStudySection({ viewer: afterLeaving, input: { caseStudyId: id, key: 'lessons', content: paragraphs('Written after leaving.'), baseVersion: before.version } }));
    expectAppError(error, 'forbidden');
    expect(storedSection(id, 'lessons')).toEqual(before);
    // The same for the details.
    const metadata = metadataOf(id);
    expectAppError(thrownBy(() => updateCaseStudyMetadata({ viewer: afterLeaving, input: { ...caseStudyInput(personas.organisationId), caseStudyId: id, baseVersion: metadata.version } })), 'forbidden');
    expect(metadataOf(id)).toEqual(metadata);

    // People without any relation do not learn the draft exists.
    for (const persona of ['organisationMember', 'otherOrganisationMember', 'eventFacilitator', 'admin'] as const) {
      expectAppError(thrownBy(() => saveCaseStudySection({ viewer: personas.viewers[persona], input: { caseStudyId: id, key: 'lessons', content: paragraphs('Intrusion.'), baseVersion: before.version } })), 'not_found');
    }
    expect(storedSection(id, 'lessons')).toEqual(before);
  });
});

describe('metadata', () => {
  it('a save from a stale version is a conflict; the first save stands', () => {
    const id = newCaseStudy();
    const base = metadataOf(id).version;
    const details = (title: string) => ({ ...caseStudyInput(personas.organisationId, { title, coAuthorIds: [coAuthor.userId] }), caseStudyId: id, baseVersion: base });

    expect(updateCaseStudyMetadata({ viewer: coAuthor.viewer, input: details('Peer navigators in Kisumu') })).toEqual({ version: base + 1 });
    const afterFirst = metadataOf(id);
    expect(afterFirst).toMatchObject({ title: 'Peer navigators in Kisumu', version: base + 1 });

    const error = thrownBy(() => updateCaseStudyMetadata({ viewer: editor, input: details('A competing title') }));
    expectAppError(error, 'conflict');
    expect(metadataOf(id)).toEqual(afterFirst);

    // The form posts strings: a fresh version saves.
    expect(updateCaseStudyMetadata({ viewer: editor, input: { ...details('A competing title'), baseVersion: String(base + 1) } })).toEqual({ version: base + 2 });
    expect(metadataOf(id).title).toBe('A competing title');
  });

  it('keeps the creator as an author whatever the co-author list says', () => {
    const id = newCaseStudy();
    updateCaseStudyMetadata({ viewer: editor, input: { ...caseStudyInput(personas.organisationId, { coAuthorIds: [] }), caseStudyId: id, baseVersion: metadataOf(id).version } });
    expect(authorsOf(id)).toEqual([editor.userId]);
  });

  it('only editors change who the authors are: a co-author saving the details leaves the list as it was', () => {
    const id = newCaseStudy();
    const input = (coAuthorIds: string[]) => ({ ...caseStudyInput(personas.organisationId, { coAuthorIds }), caseStudyId: id, baseVersion: metadataOf(id).version });
    updateCaseStudyMetadata({ viewer: editor, input: input([coAuthor.userId]) });
    expect(authorsOf(id).sort()).toEqual([editor.userId, coAuthor.userId].sort());
    updateCaseStudyMetadata({ viewer: coAuthor.viewer, input: input([]) });
    expect(authorsOf(id).sort()).toEqual([editor.userId, coAuthor.userId].sort());
  });
});
