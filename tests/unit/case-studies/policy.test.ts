import { beforeAll, describe, expect, it } from 'vitest';
import { caseStudyStatuses, type CaseStudyStatus } from '@/db/schema/case-studies';
import { insertCaseStudy, richText } from '@/db/seed/factories';
import { caseStudyFacts } from '@/lib/case-studies/facts';
import { getCaseStudy, listMyDrafts, listPublishedCaseStudies } from '@/lib/case-studies/queries';
import { AppError } from '@/lib/errors';
import { assertCan, can, type Action, type CaseStudyFacts, type ListingFacts, type OrganisationRef } from '@/lib/policy/rules';
import { visibilities, type MaybeViewer, type Visibility } from '@/lib/policy/types';
import { addCoAuthorMember, openCallOnEvent } from '../../support/case-studies';
import { testDb } from '../../support/database';
import { cellsOf, observe } from '../../support/policy-table';
import { seedPersonas, type Personas } from '../../support/personas';

// The expected tables are the specification, written by hand from DESIGN.md ("Visibility", "Users") and the
// comments of lib/policy/rules.ts and audience.ts, never computed with can(). Cells, as in
// tests/unit/policy/matrix.test.ts:
//   Y  allowed          n  not_found (may not even read it: its existence is not revealed)
//   f  forbidden (reads it, may not do this)          u  unauthenticated (anonymous, must sign in first)
//
// Columns (each has one relation, or none, to the owning organisation O1 and the call's event E1):
//   anon    anonymous visitor
//   othOrg  member of organisation O2 only
//   member  member of O1
//   editor  editor of O1
//   coauth  listed co-author, still a member of O1
//   former  listed co-author who left O1 (no membership): the personas' `author`
//   partic  participant of E1
//   facil   facilitator of E1, whose call the case study answers
//   oFacil  facilitator of E2
//   mod     site moderator        admin   site admin (no relation to O1 or E1)
//
// The case study under test belongs to O1, answers a call of E1 and is co-authored by coauth and former.
// Rows are `<visibility> <status>`. Reasoning:
// - Read. Published (published, archived): public to anyone, members to the signed-in, event to E1's
//   participants (facilitators are participants), organisation to O1's members. Unpublished (draft,
//   withdrawn; and in review: submitted, changes_requested, accepted): "drafts are never public": authors
//   and O1's editors (the organisation owns its case studies and they survive staff turnover) read at every
//   stage and visibility; once submitted to E1's call (submitted up to archived, not a withdrawn one), E1's
//   facilitators read it too, as its reviewers. Admins and moderators have no bypass.
// - Edit: O1's editors, and co-authors while they are still members of O1 ("staff turnover must not leave a
//   former employee holding the pen"). Whether the status allows editing is the workflow's business.
// - Submit and publish: O1's editors only (DESIGN.md: the organisation editor "drafts, revises and submits").
// - Review: E1's facilitators, on what was submitted to E1's call (the workflow decides which moves apply).
// - Read review comments: O1's editors, the authors (former ones too: they wrote what was reviewed) and the
//   reviewers. Not other readers of a published case study.
const columns = ['anonymous', 'otherOrganisationMember', 'organisationMember', 'organisationEditor', 'coAuthor', 'formerCoAuthor', 'eventParticipant', 'eventFacilitator', 'otherEventFacilitator', 'moderator', 'admin'] as const;
type Column = (typeof columns)[number];
type ResourceKey = `${Visibility} ${CaseStudyStatus}`;

const readTable: Record<ResourceKey, string> = {
  //                              anon othOrg member editor coauth former partic facil oFacil mod admin
  'public draft':                'n    n      n      Y      Y      Y      n      n     n      n   n',
  'public submitted':            'n    n      n      Y      Y      Y      n      Y     n      n   n',
  'public changes_requested':    'n    n      n      Y      Y      Y      n      Y     n      n   n',
  'public accepted':             'n    n      n      Y      Y      Y      n      Y     n      n   n',
  'public published':            'Y    Y      Y      Y      Y      Y      Y      Y     Y      Y   Y',
  'public archived':             'Y    Y      Y      Y      Y      Y      Y      Y     Y      Y   Y',
  'public withdrawn':            'n    n      n      Y      Y      Y      n      n     n      n   n',
  'members draft':               'n    n      n      Y      Y      Y      n      n     n      n   n',
  'members submitted':           'n    n      n      Y      Y      Y      n      Y     n      n   n',
  'members changes_requested':   'n    n      n      Y      Y      Y      n      Y     n      n   n',
  'members accepted':            'n    n      n      Y      Y      Y      n      Y     n      n   n',
  'members published':           'n    Y      Y      Y      Y      Y      Y      Y     Y      Y   Y',
  'members archived':            'n    Y      Y      Y      Y      Y      Y      Y     Y      Y   Y',
  'members withdrawn':           'n    n      n      Y      Y      Y      n      n     n      n   n',
  'event draft':                 'n    n      n      Y      Y      Y      n      n     n      n   n',
  'event submitted':             'n    n      n      Y      Y      Y      n      Y     n      n   n',
  'event changes_requested':     'n    n      n      Y      Y      Y      n      Y     n      n   n',
  'event accepted':              'n    n      n      Y      Y      Y      n      Y     n      n   n',
  'event published':             'n    n      n      Y      Y      Y      Y      Y     n      n   n',
  'event archived':              'n    n      n      Y      Y      Y      Y      Y     n      n   n',
  'event withdrawn':             'n    n      n      Y      Y      Y      n      n     n      n   n',
  'organisation draft':          'n    n      n      Y      Y      Y      n      n     n      n   n',
  'organisation submitted':      'n    n      n      Y      Y      Y      n      Y     n      n   n',
  'organisation changes_requested': 'n n      n      Y      Y      Y      n      Y     n      n   n',
  'organisation accepted':       'n    n      n      Y      Y      Y      n      Y     n      n   n',
  'organisation published':      'n    n      Y      Y      Y      Y      n      Y     n      n   n',
  'organisation archived':       'n    n      Y      Y      Y      Y      n      Y     n      n   n',
  'organisation withdrawn':      'n    n      n      Y      Y      Y      n      n     n      n   n',
  'private draft':               'n    n      n      Y      Y      Y      n      n     n      n   n',
  'private submitted':           'n    n      n      Y      Y      Y      n      Y     n      n   n',
  'private changes_requested':   'n    n      n      Y      Y      Y      n      Y     n      n   n',
  'private accepted':            'n    n      n      Y      Y      Y      n      Y     n      n   n',
  'private published':           'n    n      n      Y      Y      Y      n      Y     n      n   n',
  'private archived':            'n    n      n      Y      Y      Y      n      Y     n      n   n',
  'private withdrawn':           'n    n      n      Y      Y      Y      n      n     n      n   n',
};

const editTable: Record<ResourceKey, string> = {
  //                              anon othOrg member editor coauth former partic facil oFacil mod admin
  'public draft':                'n    n      n      Y      Y      f      n      n     n      n   n',
  'public submitted':            'n    n      n      Y      Y      f      n      f     n      n   n',
  'public changes_requested':    'n    n      n      Y      Y      f      n      f     n      n   n',
  'public accepted':             'n    n      n      Y      Y      f      n      f     n      n   n',
  'public published':            'u    f      f      Y      Y      f      f      f     f      f   f',
  'public archived':             'u    f      f      Y      Y      f      f      f     f      f   f',
  'public withdrawn':            'n    n      n      Y      Y      f      n      n     n      n   n',
  'members draft':               'n    n      n      Y      Y      f      n      n     n      n   n',
  'members submitted':           'n    n      n      Y      Y      f      n      f     n      n   n',
  'members changes_requested':   'n    n      n      Y      Y      f      n      f     n      n   n',
  'members accepted':            'n    n      n      Y      Y      f      n      f     n      n   n',
  'members published':           'n    f      f      Y      Y      f      f      f     f      f   f',
  'members archived':            'n    f      f      Y      Y      f      f      f     f      f   f',
  'members withdrawn':           'n    n      n      Y      Y      f      n      n     n      n   n',
  'event draft':                 'n    n      n      Y      Y      f      n      n     n      n   n',
  'event submitted':             'n    n      n      Y      Y      f      n      f     n      n   n',
  'event changes_requested':     'n    n      n      Y      Y      f      n      f     n      n   n',
  'event accepted':              'n    n      n      Y      Y      f      n      f     n      n   n',
  'event published':             'n    n      n      Y      Y      f      f      f     n      n   n',
  'event archived':              'n    n      n      Y      Y      f      f      f     n      n   n',
  'event withdrawn':             'n    n      n      Y      Y      f      n      n     n      n   n',
  'organisation draft':          'n    n      n      Y      Y      f      n      n     n      n   n',
  'organisation submitted':      'n    n      n      Y      Y      f      n      f     n      n   n',
  'organisation changes_requested': 'n n      n      Y      Y      f      n      f     n      n   n',
  'organisation accepted':       'n    n      n      Y      Y      f      n      f     n      n   n',
  'organisation published':      'n    n      f      Y      Y      f      n      f     n      n   n',
  'organisation archived':       'n    n      f      Y      Y      f      n      f     n      n   n',
  'organisation withdrawn':      'n    n      n      Y      Y      f      n      n     n      n   n',
  'private draft':               'n    n      n      Y      Y      f      n      n     n      n   n',
  'private submitted':           'n    n      n      Y      Y      f      n      f     n      n   n',
  'private changes_requested':   'n    n      n      Y      Y      f      n      f     n      n   n',
  'private accepted':            'n    n      n      Y      Y      f      n      f     n      n   n',
  'private published':           'n    n      n      Y      Y      f      n      f     n      n   n',
  'private archived':            'n    n      n      Y      Y      f      n      f     n      n   n',
  'private withdrawn':           'n    n      n      Y      Y      f      n      n     n      n   n',
};

// Submitting and publishing are the same rule (O1's editors); one table serves both.
const submitAndPublishTable: Record<ResourceKey, string> = {
  //                              anon othOrg member editor coauth former partic facil oFacil mod admin
  'public draft':                'n    n      n      Y      f      f      n      n     n      n   n',
  'public submitted':            'n    n      n      Y      f      f      n      f     n      n   n',
  'public changes_requested':    'n    n      n      Y      f      f      n      f     n      n   n',
  'public accepted':             'n    n      n      Y      f      f      n      f     n      n   n',
  'public published':            'u    f      f      Y      f      f      f      f     f      f   f',
  'public archived':             'u    f      f      Y      f      f      f      f     f      f   f',
  'public withdrawn':            'n    n      n      Y      f      f      n      n     n      n   n',
  'members draft':               'n    n      n      Y      f      f      n      n     n      n   n',
  'members submitted':           'n    n      n      Y      f      f      n      f     n      n   n',
  'members changes_requested':   'n    n      n      Y      f      f      n      f     n      n   n',
  'members accepted':            'n    n      n      Y      f      f      n      f     n      n   n',
  'members published':           'n    f      f      Y      f      f      f      f     f      f   f',
  'members archived':            'n    f      f      Y      f      f      f      f     f      f   f',
  'members withdrawn':           'n    n      n      Y      f      f      n      n     n      n   n',
  'event draft':                 'n    n      n      Y      f      f      n      n     n      n   n',
  'event submitted':             'n    n      n      Y      f      f      n      f     n      n   n',
  'event changes_requested':     'n    n      n      Y      f      f      n      f     n      n   n',
  'event accepted':              'n    n      n      Y      f      f      n      f     n      n   n',
  'event published':             'n    n      n      Y      f      f      f      f     n      n   n',
  'event archived':              'n    n      n      Y      f      f      f      f     n      n   n',
  'event withdrawn':             'n    n      n      Y      f      f      n      n     n      n   n',
  'organisation draft':          'n    n      n      Y      f      f      n      n     n      n   n',
  'organisation submitted':      'n    n      n      Y      f      f      n      f     n      n   n',
  'organisation changes_requested': 'n n      n      Y      f      f      n      f     n      n   n',
  'organisation accepted':       'n    n      n      Y      f      f      n      f     n      n   n',
  'organisation published':      'n    n      f      Y      f      f      n      f     n      n   n',
  'organisation archived':       'n    n      f      Y      f      f      n      f     n      n   n',
  'organisation withdrawn':      'n    n      n      Y      f      f      n      n     n      n   n',
  'private draft':               'n    n      n      Y      f      f      n      n     n      n   n',
  'private submitted':           'n    n      n      Y      f      f      n      f     n      n   n',
  'private changes_requested':   'n    n      n      Y      f      f      n      f     n      n   n',
  'private accepted':            'n    n      n      Y      f      f      n      f     n      n   n',
  'private published':           'n    n      n      Y      f      f      n      f     n      n   n',
  'private archived':            'n    n      n      Y      f      f      n      f     n      n   n',
  'private withdrawn':           'n    n      n      Y      f      f      n      n     n      n   n',
};

const reviewTable: Record<ResourceKey, string> = {
  //                              anon othOrg member editor coauth former partic facil oFacil mod admin
  'public draft':                'n    n      n      f      f      f      n      n     n      n   n',
  'public submitted':            'n    n      n      f      f      f      n      Y     n      n   n',
  'public changes_requested':    'n    n      n      f      f      f      n      Y     n      n   n',
  'public accepted':             'n    n      n      f      f      f      n      Y     n      n   n',
  'public published':            'u    f      f      f      f      f      f      Y     f      f   f',
  'public archived':             'u    f      f      f      f      f      f      Y     f      f   f',
  'public withdrawn':            'n    n      n      f      f      f      n      n     n      n   n',
  'members draft':               'n    n      n      f      f      f      n      n     n      n   n',
  'members submitted':           'n    n      n      f      f      f      n      Y     n      n   n',
  'members changes_requested':   'n    n      n      f      f      f      n      Y     n      n   n',
  'members accepted':            'n    n      n      f      f      f      n      Y     n      n   n',
  'members published':           'n    f      f      f      f      f      f      Y     f      f   f',
  'members archived':            'n    f      f      f      f      f      f      Y     f      f   f',
  'members withdrawn':           'n    n      n      f      f      f      n      n     n      n   n',
  'event draft':                 'n    n      n      f      f      f      n      n     n      n   n',
  'event submitted':             'n    n      n      f      f      f      n      Y     n      n   n',
  'event changes_requested':     'n    n      n      f      f      f      n      Y     n      n   n',
  'event accepted':              'n    n      n      f      f      f      n      Y     n      n   n',
  'event published':             'n    n      n      f      f      f      f      Y     n      n   n',
  'event archived':              'n    n      n      f      f      f      f      Y     n      n   n',
  'event withdrawn':             'n    n      n      f      f      f      n      n     n      n   n',
  'organisation draft':          'n    n      n      f      f      f      n      n     n      n   n',
  'organisation submitted':      'n    n      n      f      f      f      n      Y     n      n   n',
  'organisation changes_requested': 'n n      n      f      f      f      n      Y     n      n   n',
  'organisation accepted':       'n    n      n      f      f      f      n      Y     n      n   n',
  'organisation published':      'n    n      f      f      f      f      n      Y     n      n   n',
  'organisation archived':       'n    n      f      f      f      f      n      Y     n      n   n',
  'organisation withdrawn':      'n    n      n      f      f      f      n      n     n      n   n',
  'private draft':               'n    n      n      f      f      f      n      n     n      n   n',
  'private submitted':           'n    n      n      f      f      f      n      Y     n      n   n',
  'private changes_requested':   'n    n      n      f      f      f      n      Y     n      n   n',
  'private accepted':            'n    n      n      f      f      f      n      Y     n      n   n',
  'private published':           'n    n      n      f      f      f      n      Y     n      n   n',
  'private archived':            'n    n      n      f      f      f      n      Y     n      n   n',
  'private withdrawn':           'n    n      n      f      f      f      n      n     n      n   n',
};

const readReviewTable: Record<ResourceKey, string> = {
  //                              anon othOrg member editor coauth former partic facil oFacil mod admin
  'public draft':                'n    n      n      Y      Y      Y      n      n     n      n   n',
  'public submitted':            'n    n      n      Y      Y      Y      n      Y     n      n   n',
  'public changes_requested':    'n    n      n      Y      Y      Y      n      Y     n      n   n',
  'public accepted':             'n    n      n      Y      Y      Y      n      Y     n      n   n',
  'public published':            'u    f      f      Y      Y      Y      f      Y     f      f   f',
  'public archived':             'u    f      f      Y      Y      Y      f      Y     f      f   f',
  'public withdrawn':            'n    n      n      Y      Y      Y      n      n     n      n   n',
  'members draft':               'n    n      n      Y      Y      Y      n      n     n      n   n',
  'members submitted':           'n    n      n      Y      Y      Y      n      Y     n      n   n',
  'members changes_requested':   'n    n      n      Y      Y      Y      n      Y     n      n   n',
  'members accepted':            'n    n      n      Y      Y      Y      n      Y     n      n   n',
  'members published':           'n    f      f      Y      Y      Y      f      Y     f      f   f',
  'members archived':            'n    f      f      Y      Y      Y      f      Y     f      f   f',
  'members withdrawn':           'n    n      n      Y      Y      Y      n      n     n      n   n',
  'event draft':                 'n    n      n      Y      Y      Y      n      n     n      n   n',
  'event submitted':             'n    n      n      Y      Y      Y      n      Y     n      n   n',
  'event changes_requested':     'n    n      n      Y      Y      Y      n      Y     n      n   n',
  'event accepted':              'n    n      n      Y      Y      Y      n      Y     n      n   n',
  'event published':             'n    n      n      Y      Y      Y      f      Y     n      n   n',
  'event archived':              'n    n      n      Y      Y      Y      f      Y     n      n   n',
  'event withdrawn':             'n    n      n      Y      Y      Y      n      n     n      n   n',
  'organisation draft':          'n    n      n      Y      Y      Y      n      n     n      n   n',
  'organisation submitted':      'n    n      n      Y      Y      Y      n      Y     n      n   n',
  'organisation changes_requested': 'n n      n      Y      Y      Y      n      Y     n      n   n',
  'organisation accepted':       'n    n      n      Y      Y      Y      n      Y     n      n   n',
  'organisation published':      'n    n      f      Y      Y      Y      n      Y     n      n   n',
  'organisation archived':       'n    n      f      Y      Y      Y      n      Y     n      n   n',
  'organisation withdrawn':      'n    n      n      Y      Y      Y      n      n     n      n   n',
  'private draft':               'n    n      n      Y      Y      Y      n      n     n      n   n',
  'private submitted':           'n    n      n      Y      Y      Y      n      Y     n      n   n',
  'private changes_requested':   'n    n      n      Y      Y      Y      n      Y     n      n   n',
  'private accepted':            'n    n      n      Y      Y      Y      n      Y     n      n   n',
  'private published':           'n    n      n      Y      Y      Y      n      Y     n      n   n',
  'private archived':            'n    n      n      Y      Y      Y      n      Y     n      n   n',
  'private withdrawn':           'n    n      n      Y      Y      Y      n      n     n      n   n',
};

// Without a call (and so without an event: createCaseStudy takes the event from the call), nobody
// reviews: facilitators read only what every member may, and `event` visibility has no audience.
// Only the statuses a case study outside a call can reach.
const noCallReadTable: Record<`${Visibility} ${'draft' | 'published' | 'archived' | 'withdrawn'}`, string> = {
  //                              anon othOrg member editor coauth former partic facil oFacil mod admin
  'public draft':                'n    n      n      Y      Y      Y      n      n     n      n   n',
  'public published':            'Y    Y      Y      Y      Y      Y      Y      Y     Y      Y   Y',
  'public archived':             'Y    Y      Y      Y      Y      Y      Y      Y     Y      Y   Y',
  'public withdrawn':            'n    n      n      Y      Y      Y      n      n     n      n   n',
  'members draft':               'n    n      n      Y      Y      Y      n      n     n      n   n',
  'members published':           'n    Y      Y      Y      Y      Y      Y      Y     Y      Y   Y',
  'members archived':            'n    Y      Y      Y      Y      Y      Y      Y     Y      Y   Y',
  'members withdrawn':           'n    n      n      Y      Y      Y      n      n     n      n   n',
  'event draft':                 'n    n      n      Y      Y      Y      n      n     n      n   n',
  'event published':             'n    n      n      Y      Y      Y      n      n     n      n   n',
  'event archived':              'n    n      n      Y      Y      Y      n      n     n      n   n',
  'event withdrawn':             'n    n      n      Y      Y      Y      n      n     n      n   n',
  'organisation draft':          'n    n      n      Y      Y      Y      n      n     n      n   n',
  'organisation published':      'n    n      Y      Y      Y      Y      n      n     n      n   n',
  'organisation archived':       'n    n      Y      Y      Y      Y      n      n     n      n   n',
  'organisation withdrawn':      'n    n      n      Y      Y      Y      n      n     n      n   n',
  'private draft':               'n    n      n      Y      Y      Y      n      n     n      n   n',
  'private published':           'n    n      n      Y      Y      Y      n      n     n      n   n',
  'private archived':            'n    n      n      Y      Y      Y      n      n     n      n   n',
  'private withdrawn':           'n    n      n      Y      Y      Y      n      n     n      n   n',
};

// Creating is for O1's editors, for O1 only; nobody may create for O2 here (none is O2's editor).
const createTable: Record<'owning organisation' | 'other organisation', string> = {
  //                       anon othOrg member editor coauth former partic facil oFacil mod admin
  'owning organisation':  'u    f      f      Y      f      f      f      f     f      f   f',
  'other organisation':   'u    f      f      f      f      f      f      f     f      f   f',
};

// A call is run by its event's facilitators and by admins. Events are listed `public` or `members`;
// an anonymous visitor does not learn that a members-only event exists.
const callManageTable: Record<`${'E1' | 'E2'} ${'public' | 'members'}`, string> = {
  //                anon othOrg member editor coauth former partic facil oFacil mod admin
  'E1 public':     'u    f      f      f      f      f      f      Y     f      f   Y',
  'E1 members':    'n    f      f      f      f      f      f      Y     f      f   Y',
  'E2 public':     'u    f      f      f      f      f      f      f     Y      f   Y',
  'E2 members':    'n    f      f      f      f      f      f      f     Y      f   Y',
};

let personas: Personas;
let viewers: Record<Column, MaybeViewer>;
let coAuthorId: string;
let callId: string;
beforeAll(async () => {
  personas = await seedPersonas();
  const coAuthor = await addCoAuthorMember(personas);
  coAuthorId = coAuthor.userId;
  callId = openCallOnEvent(personas);
  const { author: formerCoAuthor, ...others } = personas.viewers;
  viewers = { ...others, coAuthor: coAuthor.viewer, formerCoAuthor };
});

const resourceKeys = visibilities.flatMap((visibility) => caseStudyStatuses.map((status) => [`${visibility} ${status}` as ResourceKey, visibility, status] as const));

/** The facts of O1's case study for E1's call, through the same function the queries and mutations use. */
function factsOf(visibility: Visibility, status: CaseStudyStatus, withCall = true): CaseStudyFacts {
  return caseStudyFacts(
    { visibility, status, organisationId: personas.organisationId, eventId: withCall ? personas.eventId : null, callId: withCall ? callId : null },
    [coAuthorId, personas.userIds.author],
  );
}

function expectRow<A extends Action>(action: A, row: string, resource: Parameters<typeof assertCan<A>>[2]) {
  const expected = cellsOf(row, columns);
  const observedAssert = Object.fromEntries(columns.map((column) => [column, observe(viewers[column], action, resource)]));
  const observedCan = Object.fromEntries(columns.map((column) => [column, can(viewers[column], action, resource)]));
  expect(observedAssert).toEqual(expected);
  expect(observedCan).toEqual(Object.fromEntries(columns.map((column) => [column, expected[column] === 'Y'])));
}

describe('case-study policy matrix', () => {
  it('covers every visibility and status', () => {
    for (const table of [readTable, editTable, submitAndPublishTable, reviewTable, readReviewTable]) expect(Object.keys(table).sort()).toEqual(resourceKeys.map(([key]) => key).sort());
  });

  for (const [action, table] of [
    ['caseStudy.read', readTable],
    ['caseStudy.edit', editTable],
    ['caseStudy.submit', submitAndPublishTable],
    ['caseStudy.publish', submitAndPublishTable],
    ['caseStudy.review', reviewTable],
    ['caseStudy.readReview', readReviewTable],
  ] as const) {
    describe(action, () => {
      it.each(resourceKeys)('%s: can() and assertCan match the table for every persona', (key, visibility, status) => {
        expectRow(action, table[key], factsOf(visibility, status));
      });
    });
  }

  it.each(Object.keys(noCallReadTable) as (keyof typeof noCallReadTable)[])('caseStudy.read without a call, %s', (key) => {
    const [visibility, status] = key.split(' ') as [Visibility, CaseStudyStatus];
    expectRow('caseStudy.read', noCallReadTable[key], factsOf(visibility, status, false));
    // Nothing outside a call is anyone's to review.
    const facts = factsOf(visibility, status, false);
    for (const column of columns) expect(can(viewers[column], 'caseStudy.review', facts), column).toBe(false);
  });

  it.each(Object.keys(createTable) as (keyof typeof createTable)[])('caseStudy.create for the %s', (key) => {
    const owner: OrganisationRef = { organisationId: key === 'owning organisation' ? personas.organisationId : personas.otherOrganisationId };
    expectRow('caseStudy.create', createTable[key], owner);
  });

  it.each(Object.keys(callManageTable) as (keyof typeof callManageTable)[])('call.manage on %s', (key) => {
    const [event, visibility] = key.split(' ') as ['E1' | 'E2', 'public' | 'members'];
    const listing: ListingFacts = { id: event === 'E1' ? personas.eventId : personas.otherEventId, visibility };
    expectRow('call.manage', callManageTable[key], listing);
  });

  it('never lets a member of another organisation read an organisation-only case study or a draft', () => {
    const otherMember = viewers.otherOrganisationMember;
    for (const status of caseStudyStatuses) expect(can(otherMember, 'caseStudy.read', factsOf('organisation', status)), status).toBe(false);
    for (const visibility of visibilities) {
      for (const status of ['draft', 'withdrawn', 'submitted', 'changes_requested', 'accepted'] as const) {
        expect(observe(otherMember, 'caseStudy.read', factsOf(visibility, status)), `${visibility} ${status}`).toBe('n');
      }
    }
  });

  it('never lets a facilitator of another event read a submission', () => {
    for (const visibility of visibilities) {
      for (const status of ['submitted', 'changes_requested', 'accepted'] as const) {
        for (const action of ['caseStudy.read', 'caseStudy.review', 'caseStudy.readReview'] as const) {
          expect(observe(viewers.otherEventFacilitator, action, factsOf(visibility, status)), `${action} ${visibility} ${status}`).toBe('n');
        }
      }
    }
  });

  it('assertCan answers not_found when unreadable and forbidden when readable but not actionable', () => {
    // A member of O1 cannot read a draft: its existence is not revealed, whatever the action.
    for (const action of ['caseStudy.read', 'caseStudy.edit', 'caseStudy.submit', 'caseStudy.publish', 'caseStudy.review', 'caseStudy.readReview'] as const) {
      expect(observe(viewers.organisationMember, action, factsOf('organisation', 'draft')), action).toBe('n');
    }
    // The same member reads the published case study, but may not change it.
    for (const action of ['caseStudy.edit', 'caseStudy.submit', 'caseStudy.publish', 'caseStudy.review', 'caseStudy.readReview'] as const) {
      expect(observe(viewers.organisationMember, action, factsOf('organisation', 'published')), action).toBe('f');
    }
  });

  it('rejects a viewer without rights: admins and moderators have no bypass on an unpublished case study', () => {
    for (const column of ['admin', 'moderator'] as const) {
      for (const action of ['caseStudy.read', 'caseStudy.edit', 'caseStudy.publish'] as const) expect(observe(viewers[column], action, factsOf('private', 'submitted'))).toBe('n');
    }
  });
});

// --- The SQL side: the queries return exactly what the rule allows -----------------------------------

describe('queries on real SQLite agree with the policy', () => {
  type Stored = { id: string; key: string; facts: CaseStudyFacts; status: CaseStudyStatus; table?: string };
  const stored: Stored[] = [];
  const section = (text: string) => richText([text]);

  beforeAll(() => {
    const db = testDb();
    const complete = { problem: section('Problem.'), context: section('Context.'), key_elements: section('Key elements.'), outcomes: section('Outcomes.'), lessons: section('Lessons.') };
    db.transaction(() => {
      // O1's case studies for E1's call, at every status and visibility the workflow can produce
      // (a published case study is never private: publishCaseStudy refuses it).
      for (const [key, visibility, status] of resourceKeys) {
        if (visibility === 'private' && (status === 'published' || status === 'archived')) continue;
        const id = insertCaseStudy(db, {
          organisationId: personas.organisationId,
          callId,
          title: `Call case study ${key}`,
          summary: 'A summary long enough for a card.',
          language: 'en',
          visibility,
          status,
          sections: complete,
          authorIds: [coAuthorId, personas.userIds.author],
          actorId: personas.userIds.organisationEditor,
          reviewerId: personas.userIds.eventFacilitator,
        });
        stored.push({ id, key, status, facts: factsOf(visibility, status), table: readTable[key] });
      }
      // Outside a call, and owned by the other organisation: what must not leak across.
      for (const visibility of ['public', 'members', 'organisation', 'private'] as const) {
        for (const status of ['draft', 'published', 'archived', 'withdrawn'] as const) {
          if (visibility === 'private' && (status === 'published' || status === 'archived')) continue;
          const key = `${visibility} ${status}` as const;
          const own = insertCaseStudy(db, {
            organisationId: personas.organisationId,
            title: `O1 case study ${key}`,
            language: 'fr',
            visibility,
            status,
            sections: complete,
            authorIds: [coAuthorId, personas.userIds.author],
            actorId: personas.userIds.organisationEditor,
          });
          stored.push({ id: own, key, status, facts: factsOf(visibility, status, false), table: noCallReadTable[key] });
          const other = insertCaseStudy(db, {
            organisationId: personas.otherOrganisationId,
            title: `O2 case study ${key}`,
            language: 'en',
            visibility,
            status,
            sections: complete,
            authorIds: [personas.userIds.otherOrganisationMember],
          });
          const otherFacts = caseStudyFacts({ visibility, status, organisationId: personas.otherOrganisationId, eventId: null, callId: null }, [personas.userIds.otherOrganisationMember]);
          stored.push({ id: other, key: `O2 ${key}`, status, facts: otherFacts });
        }
      }
    });
  });

  it('builds a realistic set: every persona reads something and nobody reads everything', () => {
    const sizes = columns.map((column) => stored.filter((item) => can(viewers[column], 'caseStudy.read', item.facts)).length);
    expect(Math.min(...sizes)).toBeGreaterThan(0);
    expect(Math.max(...sizes)).toBeLessThan(stored.length);
  });

  it.each(columns)('listPublishedCaseStudies gives %s exactly the published case studies it may read, and the same total', (column) => {
    const viewer = viewers[column];
    const expected = stored.filter((item) => item.status === 'published' && can(viewer, 'caseStudy.read', item.facts)).map((item) => item.id).sort();
    const page = listPublishedCaseStudies(viewer, 'en', {}, { limit: 500, offset: 0 });
    expect(page.items.map((item) => item.id).sort()).toEqual(expected);
    expect(page.total).toBe(expected.length);
    // The total counts under the same rule, not the page.
    const first = listPublishedCaseStudies(viewer, 'en', {}, { limit: 1, offset: 0 });
    expect(first.items).toHaveLength(Math.min(1, expected.length));
    expect(first.total).toBe(expected.length);
    // And the same rule as the hand-written table, for the rows it covers.
    for (const item of stored) {
      if (item.status === 'published' && item.table) expect(page.items.some((card) => card.id === item.id), `${column} ${item.key}`).toBe(cellsOf(item.table, columns)[column] === 'Y');
    }
  });

  it.each(columns)('getCaseStudy opens for %s exactly what the table allows, and is not_found otherwise', (column) => {
    const viewer = viewers[column];
    for (const item of stored) {
      const allowed = item.table ? cellsOf(item.table, columns)[column] === 'Y' : can(viewer, 'caseStudy.read', item.facts);
      if (allowed) {
        expect(getCaseStudy(viewer, item.id, 'en').id, `${column} ${item.key}`).toBe(item.id);
      } else {
        let error: unknown;
        try {
          getCaseStudy(viewer, item.id, 'en');
        } catch (thrown) {
          error = thrown;
        }
        expect(error, `${column} ${item.key}`).toBeInstanceOf(AppError);
        expect((error as AppError).code, `${column} ${item.key}`).toBe('not_found');
      }
    }
  });

  it('getCaseStudy shows review comments and moves only to those the policy allows', () => {
    const submitted = stored.find((item) => item.key === 'organisation submitted')!;
    expect(getCaseStudy(viewers.eventFacilitator, submitted.id, 'en').transitions.sort()).toEqual(['accept', 'requestChanges']);
    expect(getCaseStudy(viewers.organisationEditor, submitted.id, 'en').transitions).toEqual(['withdraw']);
    expect(getCaseStudy(viewers.coAuthor, submitted.id, 'en').transitions).toEqual([]);
    const published = stored.find((item) => item.key === 'members published')!;
    const asMember = getCaseStudy(viewers.organisationMember, published.id, 'en');
    expect(asMember.transitions).toEqual([]);
    expect(asMember.abilities).toMatchObject({ 'caseStudy.edit': false, 'caseStudy.readReview': false, canEditNow: false });
    expect(asMember.reviewComments).toEqual([]);
    expect(getCaseStudy(viewers.formerCoAuthor, published.id, 'en').abilities).toMatchObject({ 'caseStudy.edit': false, canEditNow: false });
  });

  it.each(columns.filter((column) => column !== 'anonymous'))('listMyDrafts lists for %s only unpublished case studies it can edit, all of them', (column) => {
    const viewer = viewers[column]!;
    const expected = stored.filter((item) => item.status !== 'published' && item.status !== 'archived' && can(viewer, 'caseStudy.edit', item.facts)).map((item) => item.id).sort();
    expect(listMyDrafts(viewer, 'en').map((item) => item.id).sort()).toEqual(expected);
  });

  it('listMyDrafts is not empty for the editor and the co-author, and empty for the former co-author', () => {
    expect(listMyDrafts(viewers.organisationEditor!, 'en').length).toBeGreaterThan(0);
    expect(listMyDrafts(viewers.coAuthor!, 'en').length).toBeGreaterThan(0);
    expect(listMyDrafts(viewers.formerCoAuthor!, 'en')).toEqual([]);
  });
});
