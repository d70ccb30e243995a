import { beforeAll, describe, expect, it } from 'vitest';
import { threads } from '@/db/schema/conversations';
import { addMembership, addParticipant } from '@/db/seed/factories';
import { threadColumns, type PostFacts, type ThreadFacts } from '@/lib/conversations/facts';
import { loadSubject, loadThread, postFacts } from '@/lib/conversations/load';
import { listThreads } from '@/lib/conversations/queries';
import { assertCan, can, type Action, type CaseStudyFacts } from '@/lib/policy/rules';
import { readableWhere } from '@/lib/policy/scopes';
import type { MaybeViewer, Viewer } from '@/lib/policy/types';
import { insertPublishedCaseStudy, mention, notificationsOf, postBody, replyAs, startTestThread } from '../../support/conversations';
import { testDb } from '../../support/database';
import { cellsOf, observe, type Cell } from '../../support/policy-table';
import { createTestUser, personaNames, seedPersonas, viewerOf, type PersonaName, type Personas } from '../../support/personas';

// The expected tables are the specification, written by hand from lib/policy/rules.ts and audience.ts and
// the comments of lib/conversations/facts.ts, never computed with can(). Cells, as in
// tests/unit/case-studies/policy.test.ts:
//   Y  allowed          n  not_found (may not even read the thread: its existence is not revealed)
//   f  forbidden (reads it, may not do this)          u  unauthenticated (anonymous, must sign in first)
//   -  not applicable (an anonymous visitor has no post of their own; only questions have answers)
//
// Columns (each has one relation, or none, to the owning organisation O1 and the event E1):
//   anon    anonymous visitor          othOrg  member of organisation O2 only
//   member  member of O1               editor  editor of O1
//   author  listed co-author of both case studies, no membership (a former employee of O1)
//   partic  participant of E1          facil   facilitator of E1       oFacil  facilitator of E2
//   mod     site moderator             admin   site admin (no relation to O1 or E1)
//
// Every thread is started by a member who is none of these (a member of O1 and participant of E1), so
// each column shows what its relation alone grants. The subjects (rows):
//   network members   a discussion on the network, for signed-in members (the network's default)
//   network public    a discussion on the network, opened to everyone by its starter
//   event public      a discussion on E1 (a public event), as the event
//   event narrowed    a discussion on E1, narrowed by its starter to E1's participants
//   cs public         a discussion on O1's case study published to everyone
//   cs organisation   a discussion on O1's case study published to O1 only
//   question private  a question on the public case study, asked privately: the asker, the case study's
//                     authors and O1's editors (the people a question is addressed to)
// Reasoning:
// - Reading follows the thread's effective visibility, like any content. Admins and moderators have no
//   bypass (decision 002); the co-author reads the case study's threads and questions as one of its
//   authors; O1's editors read everything of O1's (the organisation clause), facilitators read no more
//   than other participants (threads are never "submitted").
// - Replying: signed-in readers, while the thread is not locked.
// - A hidden post's text: its author and moderators who may read the thread. Post rows are someone
//   else's post (the starter's) unless marked "own".
// - Editing: one's own post only. Reporting: someone else's post. Moderating and locking: moderators and
//   admins, on what they may read.
// - Marking an answer: the case study's writers (O1's editors, co-authors still in O1): the former
//   co-author reads the question but may not answer it on the organisation's behalf.
const columns = personaNames;
type Subject = 'network members' | 'network public' | 'event public' | 'event narrowed' | 'cs public' | 'cs organisation' | 'question private';
const subjects: Subject[] = ['network members', 'network public', 'event public', 'event narrowed', 'cs public', 'cs organisation', 'question private'];

type Row = 'thread.read' | 'thread.reply' | 'post.readText hidden' | 'post.edit own' | 'post.edit other' | 'post.report' | 'post.moderate' | 'thread.lock' | 'question.markAnswer';

const tables: Record<Row, Record<Subject, string>> = {
  'thread.read': {
    //                    anon othOrg member editor author partic facil oFacil mod admin
    'network members':   'n    Y      Y      Y      Y      Y      Y     Y      Y   Y',
    'network public':    'Y    Y      Y      Y      Y      Y      Y     Y      Y   Y',
    'event public':      'Y    Y      Y      Y      Y      Y      Y     Y      Y   Y',
    'event narrowed':    'n    n      n      n      n      Y      Y     n      n   n',
    'cs public':         'Y    Y      Y      Y      Y      Y      Y     Y      Y   Y',
    'cs organisation':   'n    n      Y      Y      Y      n      n     n      n   n',
    'question private':  'n    n      n      Y      Y      n      n     n      n   n',
  },
  'thread.reply': {
    //                    anon othOrg member editor author partic facil oFacil mod admin
    'network members':   'n    Y      Y      Y      Y      Y      Y     Y      Y   Y',
    'network public':    'u    Y      Y      Y      Y      Y      Y     Y      Y   Y',
    'event public':      'u    Y      Y      Y      Y      Y      Y     Y      Y   Y',
    'event narrowed':    'n    n      n      n      n      Y      Y     n      n   n',
    'cs public':         'u    Y      Y      Y      Y      Y      Y     Y      Y   Y',
    'cs organisation':   'n    n      Y      Y      Y      n      n     n      n   n',
    'question private':  'n    n      n      Y      Y      n      n     n      n   n',
  },
  'post.readText hidden': {
    //                    anon othOrg member editor author partic facil oFacil mod admin
    'network members':   'n    f      f      f      f      f      f     f      Y   Y',
    'network public':    'u    f      f      f      f      f      f     f      Y   Y',
    'event public':      'u    f      f      f      f      f      f     f      Y   Y',
    'event narrowed':    'n    n      n      n      n      f      f     n      n   n',
    'cs public':         'u    f      f      f      f      f      f     f      Y   Y',
    'cs organisation':   'n    n      f      f      f      n      n     n      n   n',
    'question private':  'n    n      n      f      f      n      n     n      n   n',
  },
  'post.edit own': {
    //                    anon othOrg member editor author partic facil oFacil mod admin
    'network members':   '-    Y      Y      Y      Y      Y      Y     Y      Y   Y',
    'network public':    '-    Y      Y      Y      Y      Y      Y     Y      Y   Y',
    'event public':      '-    Y      Y      Y      Y      Y      Y     Y      Y   Y',
    'event narrowed':    '-    n      n      n      n      Y      Y     n      n   n',
    'cs public':         '-    Y      Y      Y      Y      Y      Y     Y      Y   Y',
    'cs organisation':   '-    n      Y      Y      Y      n      n     n      n   n',
    'question private':  '-    n      n      Y      Y      n      n     n      n   n',
  },
  'post.edit other': {
    //                    anon othOrg member editor author partic facil oFacil mod admin
    'network members':   'n    f      f      f      f      f      f     f      f   f',
    'network public':    'u    f      f      f      f      f      f     f      f   f',
    'event public':      'u    f      f      f      f      f      f     f      f   f',
    'event narrowed':    'n    n      n      n      n      f      f     n      n   n',
    'cs public':         'u    f      f      f      f      f      f     f      f   f',
    'cs organisation':   'n    n      f      f      f      n      n     n      n   n',
    'question private':  'n    n      n      f      f      n      n     n      n   n',
  },
  'post.report': {
    //                    anon othOrg member editor author partic facil oFacil mod admin
    'network members':   'n    Y      Y      Y      Y      Y      Y     Y      Y   Y',
    'network public':    'u    Y      Y      Y      Y      Y      Y     Y      Y   Y',
    'event public':      'u    Y      Y      Y      Y      Y      Y     Y      Y   Y',
    'event narrowed':    'n    n      n      n      n      Y      Y     n      n   n',
    'cs public':         'u    Y      Y      Y      Y      Y      Y     Y      Y   Y',
    'cs organisation':   'n    n      Y      Y      Y      n      n     n      n   n',
    'question private':  'n    n      n      Y      Y      n      n     n      n   n',
  },
  'post.moderate': {
    //                    anon othOrg member editor author partic facil oFacil mod admin
    'network members':   'n    f      f      f      f      f      f     f      Y   Y',
    'network public':    'u    f      f      f      f      f      f     f      Y   Y',
    'event public':      'u    f      f      f      f      f      f     f      Y   Y',
    'event narrowed':    'n    n      n      n      n      f      f     n      n   n',
    'cs public':         'u    f      f      f      f      f      f     f      Y   Y',
    'cs organisation':   'n    n      f      f      f      n      n     n      n   n',
    'question private':  'n    n      n      f      f      n      n     n      n   n',
  },
  'thread.lock': {
    //                    anon othOrg member editor author partic facil oFacil mod admin
    'network members':   'n    f      f      f      f      f      f     f      Y   Y',
    'network public':    'u    f      f      f      f      f      f     f      Y   Y',
    'event public':      'u    f      f      f      f      f      f     f      Y   Y',
    'event narrowed':    'n    n      n      n      n      f      f     n      n   n',
    'cs public':         'u    f      f      f      f      f      f     f      Y   Y',
    'cs organisation':   'n    n      f      f      f      n      n     n      n   n',
    'question private':  'n    n      n      f      f      n      n     n      n   n',
  },
  // As markAnswer does it: the question must be readable, then the case study's writers decide.
  'question.markAnswer': {
    //                    anon othOrg member editor author partic facil oFacil mod admin
    'network members':   '-    -      -      -      -      -      -     -      -   -',
    'network public':    '-    -      -      -      -      -      -     -      -   -',
    'event public':      '-    -      -      -      -      -      -     -      -   -',
    'event narrowed':    '-    -      -      -      -      -      -     -      -   -',
    'cs public':         '-    -      -      -      -      -      -     -      -   -',
    'cs organisation':   '-    -      -      -      -      -      -     -      -   -',
    'question private':  'n    n      n      Y      f      n      n     n      n   n',
  },
};

let personas: Personas;
let starter: Viewer;
let caseStudyIds: { public: string; organisation: string };
const threadIds = {} as Record<Subject, string>;

beforeAll(async () => {
  personas = await seedPersonas();
  const db = testDb();
  const starterId = await createTestUser({ username: 'thread-starter', displayName: 'Starter' });
  addMembership(db, starterId, personas.organisationId, 'member');
  addParticipant(db, personas.eventId, starterId, 'participant');
  starter = viewerOf(starterId);
  caseStudyIds = {
    public: insertPublishedCaseStudy({ organisationId: personas.organisationId, authorIds: [personas.userIds.author], visibility: 'public', title: 'Peer navigators in Kisumu' }),
    organisation: insertPublishedCaseStudy({ organisationId: personas.organisationId, authorIds: [personas.userIds.author], visibility: 'organisation', title: 'Our internal safety plan' }),
  };
  threadIds['network members'] = startTestThread(starter, { subjectType: 'network', title: 'Network members thread' }).threadId;
  threadIds['network public'] = startTestThread(starter, { subjectType: 'network', visibility: 'public', title: 'Network public thread' }).threadId;
  threadIds['event public'] = startTestThread(starter, { subjectType: 'event', subjectId: personas.eventId, title: 'Event public thread' }).threadId;
  threadIds['event narrowed'] = startTestThread(starter, { subjectType: 'event', subjectId: personas.eventId, visibility: 'event', title: 'Event narrowed thread' }).threadId;
  threadIds['cs public'] = startTestThread(starter, { subjectType: 'case_study', subjectId: caseStudyIds.public, title: 'Public case study thread' }).threadId;
  threadIds['cs organisation'] = startTestThread(starter, { subjectType: 'case_study', subjectId: caseStudyIds.organisation, title: 'Organisation case study thread' }).threadId;
  threadIds['question private'] = startTestThread(starter, { subjectType: 'case_study', subjectId: caseStudyIds.public, kind: 'question', visibility: 'private', title: 'A private question' }).threadId;
});

const threadFactsOf = (subject: Subject): ThreadFacts => loadThread(testDb(), threadIds[subject]).facts;

/** A post in the thread: the starter's unless `authorId` says otherwise, visible unless hidden. */
function postFactsOf(subject: Subject, options: { authorId?: string; isHidden?: boolean } = {}): PostFacts {
  return postFacts(threadFactsOf(subject), { authorId: options.authorId ?? starter.userId, deletedAt: null, hiddenAt: options.isHidden ? new Date() : null });
}

function observeRow(row: Row, subject: Subject, viewer: MaybeViewer): Cell {
  switch (row) {
    case 'thread.read':
      return observe(viewer, 'thread.read', threadFactsOf(subject));
    case 'thread.reply':
      return observe(viewer, 'thread.reply', threadFactsOf(subject));
    case 'post.readText hidden':
      return observe(viewer, 'post.readText', postFactsOf(subject, { isHidden: true }));
    case 'post.edit own':
      return viewer ? observe(viewer, 'post.edit', postFactsOf(subject, { authorId: viewer.userId })) : '-';
    case 'post.edit other':
      return observe(viewer, 'post.edit', postFactsOf(subject));
    case 'post.report':
      return observe(viewer, 'post.report', postFactsOf(subject));
    case 'post.moderate':
      return observe(viewer, 'post.moderate', postFactsOf(subject));
    case 'thread.lock':
      return observe(viewer, 'thread.lock', threadFactsOf(subject));
    case 'question.markAnswer': {
      const thread = threadFactsOf(subject);
      if (thread.kind !== 'question') return '-';
      const readCell = observe(viewer, 'thread.read', thread);
      return readCell === 'Y' ? observe(viewer, 'question.markAnswer', caseStudyFactsOf(thread)) : readCell;
    }
  }
}

function caseStudyFactsOf(thread: ThreadFacts): CaseStudyFacts {
  return loadSubject(testDb(), 'case_study', thread.subjectId).caseStudy!.facts;
}

/** The action whose can() the row's cells describe (for the can() and assertCan agreement check). */
const canOf = (row: Row, subject: Subject, viewer: MaybeViewer): boolean | null => {
  const own = viewer ? postFactsOf(subject, { authorId: viewer.userId }) : null;
  const check = <A extends Action>(action: A, resource: Parameters<typeof assertCan<A>>[2]) => can(viewer, action, resource);
  switch (row) {
    case 'thread.read':
    case 'thread.reply':
    case 'thread.lock':
      return check(row, threadFactsOf(subject));
    case 'post.readText hidden':
      return check('post.readText', postFactsOf(subject, { isHidden: true }));
    case 'post.edit own':
      return own ? check('post.edit', own) : null;
    case 'post.edit other':
      return check('post.edit', postFactsOf(subject));
    case 'post.report':
    case 'post.moderate':
      return check(row, postFactsOf(subject));
    case 'question.markAnswer': {
      const thread = threadFactsOf(subject);
      return thread.kind === 'question' ? check('thread.read', thread) && check('question.markAnswer', caseStudyFactsOf(thread)) : null;
    }
  }
};

describe('conversation policy matrix', () => {
  it('covers every subject for every action', () => {
    for (const table of Object.values(tables)) expect(Object.keys(table).sort()).toEqual([...subjects].sort());
  });

  it('stores each thread with the effective visibility the rows assume', () => {
    const stored = Object.fromEntries(subjects.map((subject) => [subject, threadFactsOf(subject).visibility]));
    expect(stored).toEqual({
      'network members': 'members',
      'network public': 'public',
      'event public': 'public',
      'event narrowed': 'event',
      'cs public': 'public',
      'cs organisation': 'organisation',
      'question private': 'private',
    });
  });

  for (const row of Object.keys(tables) as Row[]) {
    describe(row, () => {
      it.each(subjects)('%s: assertCan and can() match the table for every persona', (subject) => {
        const expected = cellsOf(tables[row][subject], columns);
        const observed = Object.fromEntries(columns.map((column) => [column, observeRow(row, subject, personas.viewers[column])]));
        expect(observed).toEqual(expected);
        const observedCan = Object.fromEntries(columns.map((column) => [column, canOf(row, subject, personas.viewers[column])]));
        expect(observedCan).toEqual(Object.fromEntries(columns.map((column) => [column, expected[column] === '-' ? null : expected[column] === 'Y'])));
      });
    });
  }
});

describe('thread lists match the read table', () => {
  const readableIn = (persona: PersonaName) => subjects.filter((subject) => cellsOf(tables['thread.read'][subject], columns)[persona] === 'Y').map((subject) => threadIds[subject]).sort();

  it.each(personaNames)('%s: readableWhere(threadColumns) selects exactly the readable threads', (persona) => {
    const ours = Object.values(threadIds);
    const rows = testDb()
      .select({ id: threads.id })
      .from(threads)
      .where(readableWhere(personas.viewers[persona], threadColumns))
      .all()
      .map((row) => row.id)
      .filter((id) => ours.includes(id));
    expect(rows.sort()).toEqual(readableIn(persona));
  });

  it.each(personaNames)('%s: listThreads on each subject lists exactly the readable threads', (persona) => {
    const viewer = personas.viewers[persona];
    const ours = Object.values(threadIds);
    const listed = [
      ...listThreads(viewer, 'network', null),
      ...listThreads(viewer, 'event', personas.eventId),
      ...listThreads(viewer, 'case_study', caseStudyIds.public),
      ...listThreads(viewer, 'case_study', caseStudyIds.organisation),
    ]
      .map((card) => card.id)
      .filter((id) => ours.includes(id));
    expect(listed.sort()).toEqual(readableIn(persona));
  });
});

describe('an organisation-only case study', () => {
  it('a member of another organisation cannot read its thread, nor see it in listThreads, nor get a notification about it', () => {
    const outsider = personas.viewers.otherOrganisationMember!;
    const insider = personas.viewers.organisationMember as Viewer;
    const editor = personas.viewers.organisationEditor as Viewer;
    const { threadId, postId } = startTestThread(insider, {
      subjectType: 'case_study',
      subjectId: caseStudyIds.organisation,
      title: 'Who else saw the incident?',
      body: postBody('Asking ', mention(outsider.userId, 'outsider'), ' and ', mention(editor.userId, 'editor'), '.'),
    });
    const replyId = replyAs(editor, threadId, postBody('Thanks ', mention(outsider.userId, 'outsider'), ', see above.'));

    expect(can(outsider, 'thread.read', loadThread(testDb(), threadId).facts)).toBe(false);
    expect(listThreads(outsider, 'case_study', caseStudyIds.organisation).map((card) => card.id)).not.toContain(threadId);
    expect(notificationsOf(outsider.userId, { threadId })).toEqual([]);
    // The same mentions reach a member who may read it: the filter is the policy, not the mention.
    expect(notificationsOf(editor.userId, { threadId, postId }).map((row) => row.kind)).toEqual(['mention']);
    expect(notificationsOf(insider.userId, { threadId, postId: replyId }).map((row) => row.kind)).toEqual(['reply']);
  });

  it('an outsider mentioned in a reply to a thread they may not read gets nothing either', () => {
    const outsider = personas.viewers.otherOrganisationMember!;
    const threadId = threadIds['cs organisation'];
    replyAs(personas.viewers.organisationEditor as Viewer, threadId, postBody('Looping in ', mention(outsider.userId, 'outsider')));
    expect(notificationsOf(outsider.userId, { threadId })).toEqual([]);
  });
});
