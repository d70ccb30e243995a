import { asc, eq } from 'drizzle-orm';
import { ZodError } from 'zod';
import { beforeAll, describe, expect, it } from 'vitest';
import { caseStudies, caseStudyRevisions, caseStudyStatuses, caseStudyTransitions, reviewComments, sectionKeys, type CaseStudyStatus } from '@/db/schema/case-studies';
import { addReviewComment, createCaseStudy, publishCaseStudy, transitionCaseStudy } from '@/lib/case-studies/mutations';
import { availableTransitions, completeness, isEditableStatus, nextStatus, sectionCompleteness, thinSectionWords, transitions, type Transition } from '@/lib/case-studies/workflow';
import { AppError } from '@/lib/errors';
import type { Viewer } from '@/lib/policy/types';
import { caseStudyInput, fillSections, openCallOnEvent, sectionTexts } from '../../support/case-studies';
import { testDb } from '../../support/database';
import { expectAppError, thrownBy } from '../../support/errors';
import { seedPersonas, type Personas } from '../../support/personas';

// The lifecycle, written from DESIGN.md ("draft -> submitted -> changes requested -> accepted -> published
// (-> archived)") and the decisions in lib/case-studies/workflow.ts's header, by hand:
// - a call's case study is reviewed: submit and resubmit (from changes_requested), then a facilitator
//   requests changes or accepts; only an accepted one is published;
// - outside a call nobody reviews: a finished draft is published directly, and there is nothing to submit to;
// - unpublishing returns a call's case study to `accepted` (its review stands) and any other to `draft`;
// - published work is archived and restored, never withdrawn (unpublish first); withdrawn work reopens as a draft.
// The "no call" rows for submitted, changes_requested and accepted are reached when a call is deleted under
// a case study (calls.id is `on delete set null`): nothing can be reviewed any more; it can be withdrawn,
// and an accepted one can still be published.
//
// Cells: the status the move leads to, or `.` when the move is refused (AppError conflict).
//   D draft  S submitted  C changes_requested  A accepted  P published  R archived  W withdrawn
const statusOfLetter = { D: 'draft', S: 'submitted', C: 'changes_requested', A: 'accepted', P: 'published', R: 'archived', W: 'withdrawn' } as const;
const transitionColumns = ['submit', 'requestChanges', 'accept', 'publish', 'unpublish', 'archive', 'restore', 'withdraw', 'reopen'] as const satisfies readonly Transition[];

const withCall: Record<CaseStudyStatus, string> = {
  //                   submit reqChg accept publish unpub archive restore withdraw reopen
  draft:             'S      .      .      .       .     .       .       W        .',
  submitted:         '.      C      A      .       .     .       .       W        .',
  changes_requested: 'S      .      .      .       .     .       .       W        .',
  accepted:          '.      .      .      P       .     .       .       W        .',
  published:         '.      .      .      .       A     R       .       .        .',
  archived:          '.      .      .      .       .     .       P       .        .',
  withdrawn:         '.      .      .      .       .     .       .       .        D',
};
const withoutCall: Record<CaseStudyStatus, string> = {
  //                   submit reqChg accept publish unpub archive restore withdraw reopen
  draft:             '.      .      .      P       .     .       .       W        .',
  submitted:         '.      .      .      .       .     .       .       W        .',
  changes_requested: '.      .      .      .       .     .       .       W        .',
  accepted:          '.      .      .      P       .     .       .       W        .',
  published:         '.      .      .      .       D     R       .       .        .',
  archived:          '.      .      .      .       .     .       P       .        .',
  withdrawn:         '.      .      .      .       .     .       .       .        D',
};

function movesOf(row: string): Partial<Record<Transition, CaseStudyStatus>> {
  const cells = row.trim().split(/\s+/);
  expect(cells).toHaveLength(transitionColumns.length);
  return Object.fromEntries(
    transitionColumns.flatMap((transition, index) => (cells[index] === '.' ? [] : [[transition, statusOfLetter[cells[index] as keyof typeof statusOfLetter]]])),
  );
}

describe('the lifecycle table', () => {
  it('covers every status and every transition', () => {
    expect(Object.keys(withCall).sort()).toEqual([...caseStudyStatuses].sort());
    expect(Object.keys(withoutCall).sort()).toEqual([...caseStudyStatuses].sort());
    expect([...transitionColumns].sort()).toEqual(Object.keys(transitions).sort());
  });

  for (const [label, table, callId] of [
    ['with a call', withCall, 'call-1'],
    ['without a call', withoutCall, null],
  ] as const) {
    describe(label, () => {
      it.each(caseStudyStatuses)('from %s: nextStatus and availableTransitions match the table', (status) => {
        const expected = movesOf(table[status]);
        const current = { status, callId };
        for (const transition of transitionColumns) {
          const target = expected[transition];
          if (target) {
            expect(nextStatus(transition, current), `${transition} from ${status}`).toBe(target);
          } else {
            const error = thrownBy(() => nextStatus(transition, current));
            expectAppError(error, 'conflict');
            expect((error as AppError).message, `${transition} from ${status}`).toBe('errors.transition_not_allowed');
          }
        }
        expect(availableTransitions(current).sort()).toEqual(Object.keys(expected).sort());
      });
    });
  }

  it('allows editing while drafting, after changes were requested, and for corrections once published; never under review or closed', () => {
    const editable: Record<CaseStudyStatus, boolean> = {
      draft: true,
      submitted: false,
      changes_requested: true,
      accepted: false,
      published: true,
      archived: false,
      withdrawn: false,
    };
    expect(Object.fromEntries(caseStudyStatuses.map((status) => [status, isEditableStatus(status)]))).toEqual(editable);
  });

  it('counts a section as missing, thin or complete by its words', () => {
    expect(sectionCompleteness('')).toBe('missing');
    expect(sectionCompleteness('   \n  ')).toBe('missing');
    expect(sectionCompleteness('One short line.')).toBe('thin');
    expect(sectionCompleteness(Array.from({ length: thinSectionWords - 1 }, () => 'word').join(' '))).toBe('thin');
    expect(sectionCompleteness(Array.from({ length: thinSectionWords }, () => 'word').join(' '))).toBe('complete');
    // Thin sections may be submitted (the reviewer judges); only a missing one blocks.
    expect(completeness({ problem: 'a', context: 'b', key_elements: 'c', outcomes: 'd', lessons: 'e' }).isComplete).toBe(true);
    expect(completeness({ problem: 'a', context: 'b', key_elements: 'c', outcomes: 'd' })).toEqual({
      bySection: { problem: 'thin', context: 'thin', key_elements: 'thin', outcomes: 'thin', lessons: 'missing' },
      isComplete: false,
    });
  });
});

// --- Through the real mutations on this file's SQLite copy ------------------------------------------

let personas: Personas;
let editor: Viewer;
let facilitator: Viewer;
let callId: string;
beforeAll(async () => {
  personas = await seedPersonas();
  editor = personas.viewers.organisationEditor!;
  facilitator = personas.viewers.eventFacilitator!;
  callId = openCallOnEvent(personas);
});

const rowOf = (id: string) => testDb().select().from(caseStudies).where(eq(caseStudies.id, id)).get()!;
const historyOf = (id: string) =>
  testDb()
    .select({ from: caseStudyTransitions.fromStatus, to: caseStudyTransitions.toStatus, actorId: caseStudyTransitions.actorId, note: caseStudyTransitions.note })
    .from(caseStudyTransitions)
    .where(eq(caseStudyTransitions.caseStudyId, id))
    .orderBy(asc(caseStudyTransitions.id))
    .all();
const revisionsOf = (id: string) => testDb().select().from(caseStudyRevisions).where(eq(caseStudyRevisions.caseStudyId, id)).orderBy(asc(caseStudyRevisions.number)).all();
const commentsOf = (id: string) =>
  testDb()
    .select({ sectionKey: reviewComments.sectionKey, body: reviewComments.body, authorId: reviewComments.authorId, revisionNumber: reviewComments.revisionNumber })
    .from(reviewComments)
    .where(eq(reviewComments.caseStudyId, id))
    .orderBy(asc(reviewComments.createdAt))
    .all();
/** Everything a refused move must leave as it was. */
const stateOf = (id: string) => ({ row: rowOf(id), history: historyOf(id), revisions: revisionsOf(id).length, comments: commentsOf(id) });

const move = (viewer: Viewer | null, caseStudyId: string, transition: Exclude<Transition, 'publish'>, note?: string) =>
  transitionCaseStudy({ viewer, input: { caseStudyId, ...(note ? { note } : {}) }, transition });

describe('a call for case studies, end to end', () => {
  it('goes from draft to published through review, recording every move and revision', () => {
    const { id } = createCaseStudy({ viewer: editor, input: caseStudyInput(personas.organisationId, { callId }) });
    expect(rowOf(id)).toMatchObject({ status: 'draft', callId, eventId: personas.eventId, organisationId: personas.organisationId, visibility: 'organisation' });

    // Four sections of five: the submission is refused and leaves no trace.
    const first = sectionTexts('First');
    const { lessons: _lessons, ...fourSections } = first;
    fillSections(editor, id, fourSections);
    const incomplete = stateOf(id);
    const refused = thrownBy(() => move(editor, id, 'submit'));
    expectAppError(refused, 'invalid_input');
    expect((refused as AppError).message).toBe('errors.case_study_incomplete');
    expect(stateOf(id)).toEqual(incomplete);
    expect(incomplete.revisions).toBe(0);

    fillSections(editor, id, { lessons: first.lessons });
    expect(move(editor, id, 'submit')).toEqual({ status: 'submitted', revisionNumber: 1 });
    const [revision1] = revisionsOf(id);
    expect(revision1).toMatchObject({ number: 1, title: 'Safe spaces for sex workers in Mombasa', submittedBy: editor.userId });
    expect(Object.fromEntries(sectionKeys.map((key) => [key, revision1!.sections[key].plainText]))).toEqual(first);
    expect(rowOf(id).submittedAt).toBeInstanceOf(Date);

    // The facilitator of the call's event comments on a section, then asks for changes with a note.
    addReviewComment({ viewer: facilitator, input: { caseStudyId: id, sectionKey: 'outcomes', body: 'Say how many people the centre reached.' } });
    expect(move(facilitator, id, 'requestChanges', 'Please add numbers to the outcomes.')).toEqual({ status: 'changes_requested', revisionNumber: null });
    expect(commentsOf(id)).toEqual([
      { sectionKey: 'outcomes', body: 'Say how many people the centre reached.', authorId: facilitator.userId, revisionNumber: 1 },
      { sectionKey: null, body: 'Please add numbers to the outcomes.', authorId: facilitator.userId, revisionNumber: 1 },
    ]);

    // The editor revises and resubmits: revision 2 holds the new text, revision 1 stays as it was.
    fillSections(editor, id, { outcomes: 'The centre reached 1,240 sex workers in its first year.' });
    expect(move(editor, id, 'submit')).toEqual({ status: 'submitted', revisionNumber: 2 });
    const [stillFirst, revision2] = revisionsOf(id);
    expect(stillFirst!.sections.outcomes.plainText).toBe(first.outcomes);
    expect(revision2!.sections.outcomes.plainText).toBe('The centre reached 1,240 sex workers in its first year.');
    expect(revision2!.sections.problem.plainText).toBe(first.problem);

    expect(move(facilitator, id, 'accept')).toEqual({ status: 'accepted', revisionNumber: null });
    // An accept without a note leaves no empty comment.
    expect(commentsOf(id)).toHaveLength(2);

    // Public publication needs the safety checklist; the refusal changes nothing.
    const accepted = stateOf(id);
    const unconfirmed = thrownBy(() => publishCaseStudy({ viewer: editor, input: { caseStudyId: id, visibility: 'public' } }));
    expect(unconfirmed).toBeInstanceOf(ZodError);
    expect((unconfirmed as ZodError).issues).toEqual([expect.objectContaining({ path: ['safetyConfirmed'], message: 'errors.safety_checklist' })]);
    expect(stateOf(id)).toEqual(accepted);

    expect(publishCaseStudy({ viewer: editor, input: { caseStudyId: id, visibility: 'members' } })).toEqual({ status: 'published' });
    expect(rowOf(id)).toMatchObject({ status: 'published', visibility: 'members' });
    expect(rowOf(id).publishedAt).toBeInstanceOf(Date);

    expect(historyOf(id)).toEqual([
      { from: 'draft', to: 'submitted', actorId: editor.userId, note: '' },
      { from: 'submitted', to: 'changes_requested', actorId: facilitator.userId, note: 'Please add numbers to the outcomes.' },
      { from: 'changes_requested', to: 'submitted', actorId: editor.userId, note: '' },
      { from: 'submitted', to: 'accepted', actorId: facilitator.userId, note: '' },
      { from: 'accepted', to: 'published', actorId: editor.userId, note: 'visibility=members' },
    ]);
    // Only the two submissions made revisions; publishing an accepted text adds none.
    expect(revisionsOf(id).map((revision) => revision.number)).toEqual([1, 2]);

    // Unpublishing keeps the review: back to accepted, then out again; archived and restored.
    expect(move(editor, id, 'unpublish')).toEqual({ status: 'accepted', revisionNumber: null });
    expect(rowOf(id).publishedAt).toBeNull();
    expect(publishCaseStudy({ viewer: editor, input: { caseStudyId: id, visibility: 'event' } })).toEqual({ status: 'published' });
    expect(move(editor, id, 'archive').status).toBe('archived');
    expect(move(editor, id, 'restore').status).toBe('published');
    expect(historyOf(id).slice(5)).toEqual([
      { from: 'published', to: 'accepted', actorId: editor.userId, note: '' },
      { from: 'accepted', to: 'published', actorId: editor.userId, note: 'visibility=event' },
      { from: 'published', to: 'archived', actorId: editor.userId, note: '' },
      { from: 'archived', to: 'published', actorId: editor.userId, note: '' },
    ]);
  });

  it('a draft written for a call cannot skip review', () => {
    const { id } = createCaseStudy({ viewer: editor, input: caseStudyInput(personas.organisationId, { callId }) });
    fillSections(editor, id, sectionTexts('Complete'));
    const before = stateOf(id);
    const error = thrownBy(() => publishCaseStudy({ viewer: editor, input: { caseStudyId: id, visibility: 'members' } }));
    expectAppError(error, 'conflict');
    expect((error as AppError).message).toBe('errors.transition_not_allowed');
    expect(stateOf(id)).toEqual(before);
  });

  it('a submission can be withdrawn and reopened as a draft, and facilitators no longer see it once withdrawn', () => {
    const { id } = createCaseStudy({ viewer: editor, input: caseStudyInput(personas.organisationId, { callId }) });
    fillSections(editor, id, sectionTexts('Withdrawn'));
    move(editor, id, 'submit');
    expect(move(editor, id, 'withdraw').status).toBe('withdrawn');
    // Withdrawn is no longer a submission: the facilitator may not even know it exists.
    expectAppError(thrownBy(() => move(facilitator, id, 'accept')), 'not_found');
    expect(move(editor, id, 'reopen').status).toBe('draft');
    expect(historyOf(id).map((step) => `${step.from}>${step.to}`)).toEqual(['draft>submitted', 'submitted>withdrawn', 'withdrawn>draft']);
  });
});

describe('outside a call', () => {
  it('an editor publishes a finished draft directly; public needs the safety checklist', () => {
    const { id } = createCaseStudy({ viewer: editor, input: caseStudyInput(personas.organisationId) });
    expect(rowOf(id)).toMatchObject({ callId: null, eventId: null });
    // Nothing to submit to.
    expectAppError(thrownBy(() => move(editor, id, 'submit')), 'conflict');

    fillSections(editor, id, sectionTexts('Direct'));
    const draft = stateOf(id);
    expect(thrownBy(() => publishCaseStudy({ viewer: editor, input: { caseStudyId: id, visibility: 'public', safetyConfirmed: false } }))).toBeInstanceOf(ZodError);
    expect(stateOf(id)).toEqual(draft);
    // `event` visibility needs an event to scope to.
    const noEvent = thrownBy(() => publishCaseStudy({ viewer: editor, input: { caseStudyId: id, visibility: 'event' } }));
    expectAppError(noEvent, 'invalid_input');
    expect((noEvent as AppError).message).toBe('errors.event_visibility_needs_event');
    expect(stateOf(id)).toEqual(draft);
    // A private "publication" is not a choice.
    expect(thrownBy(() => publishCaseStudy({ viewer: editor, input: { caseStudyId: id, visibility: 'private' } }))).toBeInstanceOf(ZodError);

    // The form's checkbox sends "on".
    expect(publishCaseStudy({ viewer: editor, input: { caseStudyId: id, visibility: 'public', safetyConfirmed: 'on' } })).toEqual({ status: 'published' });
    expect(rowOf(id)).toMatchObject({ status: 'published', visibility: 'public' });
    // Nobody reviewed it, so the published text is kept as a revision.
    expect(revisionsOf(id).map((revision) => revision.sections.lessons.plainText)).toEqual([sectionTexts('Direct').lessons]);
    expect(historyOf(id)).toEqual([{ from: 'draft', to: 'published', actorId: editor.userId, note: 'visibility=public' }]);

    expect(move(editor, id, 'unpublish').status).toBe('draft');
  });

  it('an incomplete draft cannot be published', () => {
    const { id } = createCaseStudy({ viewer: editor, input: caseStudyInput(personas.organisationId) });
    fillSections(editor, id, { problem: 'Only the problem is written.' });
    const before = stateOf(id);
    const error = thrownBy(() => publishCaseStudy({ viewer: editor, input: { caseStudyId: id, visibility: 'members' } }));
    expectAppError(error, 'invalid_input');
    expect((error as AppError).message).toBe('errors.case_study_incomplete');
    expect(stateOf(id)).toEqual(before);
  });
});

describe('refused moves', () => {
  let submittedId: string;
  let draftId: string;
  beforeAll(() => {
    draftId = createCaseStudy({ viewer: editor, input: caseStudyInput(personas.organisationId, { callId }) }).id;
    fillSections(editor, draftId, sectionTexts('Draft'));
    submittedId = createCaseStudy({ viewer: editor, input: caseStudyInput(personas.organisationId, { callId }) }).id;
    fillSections(editor, submittedId, sectionTexts('Submitted'));
    move(editor, submittedId, 'submit');
  });

  it('a move the state does not allow is a conflict and changes nothing', () => {
    move(facilitator, submittedId, 'accept');
    const accepted = stateOf(submittedId);
    for (const transition of ['accept', 'requestChanges'] as const) {
      const error = thrownBy(() => move(facilitator, submittedId, transition, 'A note that must not be stored.'));
      expectAppError(error, 'conflict');
      expect((error as AppError).message).toBe('errors.transition_not_allowed');
    }
    for (const transition of ['submit', 'reopen', 'unpublish', 'archive', 'restore'] as const) {
      const error = thrownBy(() => move(editor, submittedId, transition));
      expectAppError(error, 'conflict');
      expect((error as AppError).message, transition).toBe('errors.transition_not_allowed');
    }
    // Comments belong to the review of a submitted revision.
    expectAppError(thrownBy(() => addReviewComment({ viewer: facilitator, input: { caseStudyId: submittedId, body: 'Too late.' } })), 'conflict');
    expect(stateOf(submittedId)).toEqual(accepted);
  });

  it('accepting a draft: refused for everyone, and nothing changes', () => {
    const before = stateOf(draftId);
    // The facilitator does not review drafts, so does not even see one.
    expectAppError(thrownBy(() => move(facilitator, draftId, 'accept')), 'not_found');
    // The editor sees it but does not review.
    expectAppError(thrownBy(() => move(editor, draftId, 'accept')), 'forbidden');
    expect(stateOf(draftId)).toEqual(before);
  });

  it('rejects a viewer without rights, revealing nothing to those who may not read it', async () => {
    const { id } = createCaseStudy({ viewer: editor, input: caseStudyInput(personas.organisationId, { callId }) });
    fillSections(editor, id, sectionTexts('Rights'));
    const before = stateOf(id);
    const cases: [keyof Personas['viewers'], Exclude<Transition, 'publish'>, 'not_found' | 'forbidden' | 'unauthenticated'][] = [
      ['anonymous', 'submit', 'not_found'],
      ['otherOrganisationMember', 'submit', 'not_found'],
      ['organisationMember', 'submit', 'not_found'],
      ['author', 'submit', 'not_found'],
      ['eventParticipant', 'submit', 'not_found'],
      ['eventFacilitator', 'submit', 'not_found'],
      ['moderator', 'withdraw', 'not_found'],
      ['admin', 'withdraw', 'not_found'],
    ];
    for (const [persona, transition, code] of cases) expectAppError(thrownBy(() => move(personas.viewers[persona], id, transition)), code);
    expect(stateOf(id)).toEqual(before);

    move(editor, id, 'submit');
    const submitted = stateOf(id);
    // A facilitator of another event never sees this submission; a participant of the event neither.
    expectAppError(thrownBy(() => move(personas.viewers.otherEventFacilitator, id, 'accept')), 'not_found');
    expectAppError(thrownBy(() => move(personas.viewers.eventParticipant, id, 'accept')), 'not_found');
    expectAppError(thrownBy(() => addReviewComment({ viewer: personas.viewers.otherEventFacilitator, input: { caseStudyId: id, body: 'Not mine to review.' } })), 'not_found');
    // The facilitator reads it but publishing is the organisation's decision.
    expectAppError(thrownBy(() => publishCaseStudy({ viewer: facilitator, input: { caseStudyId: id, visibility: 'members' } })), 'forbidden');
    expectAppError(thrownBy(() => move(facilitator, id, 'withdraw')), 'forbidden');
    expect(stateOf(id)).toEqual(submitted);
  });

  it('only an organisation editor starts a case study, and only for an existing call', () => {
    for (const persona of ['organisationMember', 'otherOrganisationMember', 'eventFacilitator', 'moderator', 'admin'] as const) {
      expectAppError(thrownBy(() => createCaseStudy({ viewer: personas.viewers[persona], input: caseStudyInput(personas.organisationId) })), 'forbidden');
    }
    expectAppError(thrownBy(() => createCaseStudy({ viewer: null, input: caseStudyInput(personas.organisationId) })), 'unauthenticated');
    expectAppError(thrownBy(() => createCaseStudy({ viewer: editor, input: caseStudyInput(personas.otherOrganisationId) })), 'forbidden');
    expectAppError(thrownBy(() => createCaseStudy({ viewer: editor, input: caseStudyInput(personas.organisationId, { callId: 'no-such-call' }) })), 'not_found');
    // Co-authors must belong to the owning organisation.
    const outsider = thrownBy(() => createCaseStudy({ viewer: editor, input: caseStudyInput(personas.organisationId, { coAuthorIds: [personas.userIds.otherOrganisationMember] }) }));
    expectAppError(outsider, 'invalid_input');
    expect((outsider as AppError).message).toBe('errors.coauthor_not_member');
  });

  it('starts a case study only for an open call that expects the organisation', () => {
    const notYetOpen = openCallOnEvent(personas, { opensInDays: 5, closesInDays: 40 });
    const closed = openCallOnEvent(personas, { opensInDays: -40, closesInDays: -1 });
    const forOthers = openCallOnEvent(personas, { organisationIds: [personas.otherOrganisationId] });
    const forEveryone = openCallOnEvent(personas, { organisationIds: [] });
    for (const callId of [notYetOpen, closed]) {
      const refused = thrownBy(() => createCaseStudy({ viewer: editor, input: caseStudyInput(personas.organisationId, { callId }) }));
      expectAppError(refused, 'conflict');
      expect((refused as AppError).message).toBe('errors.call_closed');
    }
    const notExpected = thrownBy(() => createCaseStudy({ viewer: editor, input: caseStudyInput(personas.organisationId, { callId: forOthers }) }));
    expectAppError(notExpected, 'invalid_input');
    expect((notExpected as AppError).message).toBe('errors.call_not_for_organisation');
    expect(createCaseStudy({ viewer: editor, input: caseStudyInput(personas.organisationId, { callId: forEveryone }) }).id).toBeTruthy();
  });
});
