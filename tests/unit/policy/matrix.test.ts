import { sql } from 'drizzle-orm';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { Meilisearch } from 'meilisearch';
import { beforeAll, describe, expect, it } from 'vitest';
import { can, type Action, type ListingFacts, type ProfileFacts } from '@/lib/policy/rules';
import { readableFilter, readableWhere } from '@/lib/policy/scopes';
import { visibilities, type ContentFacts, type MaybeViewer, type Visibility } from '@/lib/policy/types';
import { testDb } from '../../support/database';
import { cellsOf, observe } from '../../support/policy-table';
import { personaNames, seedPersonas, type Personas } from '../../support/personas';
import { taskWait, testIndexName, testSearchClient } from '../../support/search';

// The expected tables below are the specification, written from docs (DESIGN.md "Visibility") by hand,
// never computed with can(). Each cell is what assertCan must do for that persona:
//   Y  allowed (can() is true, assertCan returns)
//   n  not_found: the viewer may not even read the resource, so its existence is not revealed
//   f  forbidden: the viewer may read it but not do this
//   u  unauthenticated: an anonymous visitor who may read it (or for whom it is no resource) must sign in first
//   -  not applicable
//
// Columns, in order (each persona has exactly one relation, or none, to organisation O1 and event E1):
//   anon   anonymous visitor
//   othOrg member of organisation O2 only
//   member member of O1 (the owning organisation)
//   editor editor of O1
//   author listed in the item's authorIds, no membership
//   partic participant of E1 (the item's event)
//   facil  facilitator of E1
//   oFacil facilitator of E2
//   mod    site moderator, no relation
//   admin  site admin, no relation
//
// Rows are `<visibility> <stage>`. Stages: published; draft (unpublished, not submitted); submitted
// (unpublished, submitted to E1's call); published-submission (published after going through E1's call).
//
// Reasoning, from DESIGN.md:
// - public: anyone once published; members: signed-in members once published; event: participants of
//   E1 (facilitators are participants too); organisation: members of O1; private: authors only.
// - "Drafts are never public": an unpublished item is read only by its authors, its owning organisation's
//   editors (the organisation owns its case studies and they survive staff turnover, so editors draft
//   and revise them; lib/policy/audience.ts) and, once submitted, E1's facilitators, who review it.
// - Private items: authors, editors (same ownership reason) and, for submissions, the event's facilitators.
// - Admins and moderators read content by the same visibility as everyone: no bypass.
// - Update: the owning organisation's editors, and authors while they are still members of it (the author
//   persona here has no membership, so it may read but not write: staff turnover must not leave a former
//   employee holding the pen); nobody else (not admins, not facilitators).
// - Moderate: moderators and admins, only on what they can read.
type Row = string; // ten cells separated by spaces, in personaNames order

const stages = ['published', 'draft', 'submitted', 'published-submission'] as const;
type Stage = (typeof stages)[number];
type ResourceKey = `${Visibility} ${Stage}`;

const contentRead: Record<ResourceKey, Row> = {
  //                              anon othOrg member editor author partic facil oFacil mod admin
  'public published':            'Y    Y      Y      Y      Y      Y      Y     Y      Y   Y',
  'public draft':                'n    n      n      Y      Y      n      n     n      n   n',
  'public submitted':            'n    n      n      Y      Y      n      Y     n      n   n',
  'public published-submission': 'Y    Y      Y      Y      Y      Y      Y     Y      Y   Y',
  'members published':           'n    Y      Y      Y      Y      Y      Y     Y      Y   Y',
  'members draft':               'n    n      n      Y      Y      n      n     n      n   n',
  'members submitted':           'n    n      n      Y      Y      n      Y     n      n   n',
  'members published-submission':'n    Y      Y      Y      Y      Y      Y     Y      Y   Y',
  'event published':             'n    n      n      Y      Y      Y      Y     n      n   n',
  'event draft':                 'n    n      n      Y      Y      n      n     n      n   n',
  'event submitted':             'n    n      n      Y      Y      n      Y     n      n   n',
  'event published-submission':  'n    n      n      Y      Y      Y      Y     n      n   n',
  'organisation published':      'n    n      Y      Y      Y      n      n     n      n   n',
  'organisation draft':          'n    n      n      Y      Y      n      n     n      n   n',
  'organisation submitted':      'n    n      n      Y      Y      n      Y     n      n   n',
  'organisation published-submission': 'n n   Y      Y      Y      n      Y     n      n   n',
  'private published':           'n    n      n      Y      Y      n      n     n      n   n',
  'private draft':               'n    n      n      Y      Y      n      n     n      n   n',
  'private submitted':           'n    n      n      Y      Y      n      Y     n      n   n',
  'private published-submission':'n    n      n      Y      Y      n      Y     n      n   n',
};

const contentUpdate: Record<ResourceKey, Row> = {
  //                              anon othOrg member editor author partic facil oFacil mod admin
  'public published':            'u    f      f      Y      f      f      f     f      f   f',
  'public draft':                'n    n      n      Y      f      n      n     n      n   n',
  'public submitted':            'n    n      n      Y      f      n      f     n      n   n',
  'public published-submission': 'u    f      f      Y      f      f      f     f      f   f',
  'members published':           'n    f      f      Y      f      f      f     f      f   f',
  'members draft':               'n    n      n      Y      f      n      n     n      n   n',
  'members submitted':           'n    n      n      Y      f      n      f     n      n   n',
  'members published-submission':'n    f      f      Y      f      f      f     f      f   f',
  'event published':             'n    n      n      Y      f      f      f     n      n   n',
  'event draft':                 'n    n      n      Y      f      n      n     n      n   n',
  'event submitted':             'n    n      n      Y      f      n      f     n      n   n',
  'event published-submission':  'n    n      n      Y      f      f      f     n      n   n',
  'organisation published':      'n    n      f      Y      f      n      n     n      n   n',
  'organisation draft':          'n    n      n      Y      f      n      n     n      n   n',
  'organisation submitted':      'n    n      n      Y      f      n      f     n      n   n',
  'organisation published-submission': 'n    n      f      Y      f      n      f     n      n   n',
  'private published':           'n    n      n      Y      f      n      n     n      n   n',
  'private draft':               'n    n      n      Y      f      n      n     n      n   n',
  'private submitted':           'n    n      n      Y      f      n      f     n      n   n',
  'private published-submission':'n    n      n      Y      f      n      f     n      n   n',
};

const contentModerate: Record<ResourceKey, Row> = {
  //                              anon othOrg member editor author partic facil oFacil mod admin
  'public published':            'u    f      f      f      f      f      f     f      Y   Y',
  'public draft':                'n    n      n      f      f      n      n     n      n   n',
  'public submitted':            'n    n      n      f      f      n      f     n      n   n',
  'public published-submission': 'u    f      f      f      f      f      f     f      Y   Y',
  'members published':           'n    f      f      f      f      f      f     f      Y   Y',
  'members draft':               'n    n      n      f      f      n      n     n      n   n',
  'members submitted':           'n    n      n      f      f      n      f     n      n   n',
  'members published-submission':'n    f      f      f      f      f      f     f      Y   Y',
  'event published':             'n    n      n      f      f      f      f     n      n   n',
  'event draft':                 'n    n      n      f      f      n      n     n      n   n',
  'event submitted':             'n    n      n      f      f      n      f     n      n   n',
  'event published-submission':  'n    n      n      f      f      f      f     n      n   n',
  'organisation published':      'n    n      f      f      f      n      n     n      n   n',
  'organisation draft':          'n    n      n      f      f      n      n     n      n   n',
  'organisation submitted':      'n    n      n      f      f      n      f     n      n   n',
  'organisation published-submission': 'n n   f      f      f      n      f     n      n   n',
  'private published':           'n    n      n      f      f      n      n     n      n   n',
  'private draft':               'n    n      n      f      f      n      n     n      n   n',
  'private submitted':           'n    n      n      f      f      n      f     n      n   n',
  'private published-submission':'n    n      n      f      f      n      f     n      n   n',
};

// Organisations and events are listed `public` (anyone) or `members` (signed-in members); the resource is
// O1 for organisation actions and E1 for event actions. Structure is the admins' job (DESIGN.md "Users");
// an event's facilitators run its programme. Actions without a resource have one row.
const structure: Record<string, Row> = {
  //                               anon othOrg member editor author partic facil oFacil mod admin
  'organisation.read public':     'Y    Y      Y      Y      Y      Y      Y     Y      Y   Y',
  'organisation.read members':    'n    Y      Y      Y      Y      Y      Y     Y      Y   Y',
  'organisation.create':          'u    f      f      f      f      f      f     f      f   Y',
  'organisation.update public':   'u    f      f      f      f      f      f     f      f   Y',
  'organisation.update members':  'n    f      f      f      f      f      f     f      f   Y',
  // The full member list (co-author pickers) is the organisation's own business; admins have their own page.
  'organisation.listMembers public':  'u f   Y      Y      f      f      f     f      f   f',
  'organisation.listMembers members': 'n f   Y      Y      f      f      f     f      f   f',
  'event.read public':            'Y    Y      Y      Y      Y      Y      Y     Y      Y   Y',
  'event.read members':           'n    Y      Y      Y      Y      Y      Y     Y      Y   Y',
  'event.create':                 'u    f      f      f      f      f      f     f      f   Y',
  'event.update public':          'u    f      f      f      f      f      f     f      f   Y',
  'event.update members':         'n    f      f      f      f      f      f     f      f   Y',
  'event.manageParticipants public':  'u f      f      f      f      f      f     f      f   Y',
  'event.manageParticipants members': 'n f      f      f      f      f      f     f      f   Y',
  'event.manageProgramme public': 'u    f      f      f      f      f      Y     f      f   Y',
  'event.manageProgramme members':'n    f      f      f      f      f      Y     f      f   Y',
  'member.manage':                'u    f      f      f      f      f      f     f      f   Y',
  'invite.create':                'u    f      f      f      f      f      f     f      f   Y',
  // Reading the audit log is a read: a visitor without the right learns nothing, not even that it exists.
  'audit.read':                   'n    n      n      n      n      n      n     n      n   Y',
  'admin.access':                 'u    f      f      f      f      f      f     f      f   Y',
};

// Profiles: pseudonyms are for signed-in members; details (organisations, events, bio) only for members
// who opted in to the directory, and always for oneself; a disabled member's profile is gone except to admins.
type ProfileKey = 'listed' | 'unlisted' | 'disabled' | 'own';
const profileRead: Record<ProfileKey, Row> = {
  //           anon othOrg member editor author partic facil oFacil mod admin
  listed:     'n    Y      Y      Y      Y      Y      Y     Y      Y   Y',
  unlisted:   'n    Y      Y      Y      Y      Y      Y     Y      Y   Y',
  disabled:   'n    n      n      n      n      n      n     n      n   Y',
  own:        '-    Y      Y      Y      Y      Y      Y     Y      Y   Y',
};
const profileReadDetails: Record<ProfileKey, Row> = {
  //           anon othOrg member editor author partic facil oFacil mod admin
  listed:     'n    Y      Y      Y      Y      Y      Y     Y      Y   Y',
  unlisted:   'n    f      f      f      f      f      f     f      f   f',
  disabled:   'n    n      n      n      n      n      n     n      n   f',
  own:        '-    Y      Y      Y      Y      Y      Y     Y      Y   Y',
};

function stageFacts(stage: Stage): Pick<ContentFacts, 'isPublished' | 'isSubmitted'> {
  return {
    isPublished: stage === 'published' || stage === 'published-submission',
    isSubmitted: stage === 'submitted' || stage === 'published-submission',
  };
}

let personas: Personas;
beforeAll(async () => {
  personas = await seedPersonas();
});

function mainFacts(visibility: Visibility, stage: Stage): ContentFacts {
  return {
    visibility,
    organisationId: personas.organisationId,
    eventId: personas.eventId,
    authorIds: [personas.userIds.author],
    ...stageFacts(stage),
  };
}

const resourceKeys = visibilities.flatMap((visibility) => stages.map((stage) => [`${visibility} ${stage}` as ResourceKey, visibility, stage] as const));

describe('content policy matrix', () => {
  it('covers every visibility and stage', () => {
    for (const table of [contentRead, contentUpdate, contentModerate]) expect(Object.keys(table).sort()).toEqual(resourceKeys.map(([key]) => key).sort());
  });

  for (const [action, table] of [
    ['content.read', contentRead],
    ['content.update', contentUpdate],
    ['content.moderate', contentModerate],
  ] as const) {
    describe(action, () => {
      it.each(resourceKeys)('%s: can() and assertCan match the table for every persona', (key, visibility, stage) => {
        const expected = cellsOf(table[key], personaNames);
        const facts = mainFacts(visibility, stage);
        const observedCan = Object.fromEntries(personaNames.map((name) => [name, can(personas.viewers[name], action, facts)]));
        const observedAssert = Object.fromEntries(personaNames.map((name) => [name, observe(personas.viewers[name], action, facts)]));
        expect(observedCan).toEqual(Object.fromEntries(personaNames.map((name) => [name, expected[name] === 'Y'])));
        expect(observedAssert).toEqual(expected);
      });
    });
  }

  it('rejects a viewer without rights: a private draft is not found, even for admins and moderators', () => {
    const facts = mainFacts('private', 'draft');
    for (const name of ['anonymous', 'organisationMember', 'eventFacilitator', 'moderator', 'admin'] as const) {
      expect(observe(personas.viewers[name], 'content.update', facts), name).toBe('n');
    }
  });

  it('lets an author write while a member of the owning organisation, and not after leaving it', () => {
    const facts = mainFacts('organisation', 'draft');
    const author = personas.viewers.author!;
    const asMember = { ...author, organisationRoles: { ...author.organisationRoles, [personas.organisationId]: 'member' as const } };
    expect(can(asMember, 'content.update', facts)).toBe(true);
    expect(can(author, 'content.update', facts)).toBe(false);
    expect(observe(author, 'content.update', facts)).toBe('f');
  });

  it('does not treat a null organisation or event as a match', () => {
    const orphan: ContentFacts = { visibility: 'organisation', organisationId: null, eventId: null, authorIds: [], isPublished: true, isSubmitted: true };
    for (const name of personaNames) expect(can(personas.viewers[name], 'content.read', orphan), name).toBe(false);
  });
});

describe('structure, profile and admin policy', () => {
  it.each(Object.keys(structure))('%s matches the table for every persona', (key) => {
    const [action, visibility] = key.split(' ') as [Action, 'public' | 'members' | undefined];
    const expected = cellsOf(structure[key]!, personaNames);
    const listing: ListingFacts | null = visibility
      ? { id: action.startsWith('event.') ? personas.eventId : personas.organisationId, visibility }
      : null;
    const observed = Object.fromEntries(
      personaNames.map((name) => [name, observe(personas.viewers[name], action, listing as never)]),
    );
    const observedCan = Object.fromEntries(personaNames.map((name) => [name, can(personas.viewers[name], action, listing as never)]));
    expect(observed).toEqual(expected);
    expect(observedCan).toEqual(Object.fromEntries(personaNames.map((name) => [name, expected[name] === 'Y'])));
  });

  it("member.changeAccess: only an admin, and never on their own account", () => {
    const target = { userId: personas.userIds.organisationMember };
    for (const name of personaNames) expect(can(personas.viewers[name], 'member.changeAccess', target), name).toBe(name === 'admin');
    expect(can(personas.viewers.admin, 'member.changeAccess', { userId: personas.userIds.admin })).toBe(false);
  });

  it('lets a facilitator run only the programme of their own event', () => {
    const otherEvent: ListingFacts = { id: personas.otherEventId, visibility: 'public' };
    expect(can(personas.viewers.eventFacilitator, 'event.manageProgramme', otherEvent)).toBe(false);
    expect(can(personas.viewers.otherEventFacilitator, 'event.manageProgramme', otherEvent)).toBe(true);
  });

  for (const [action, table] of [
    ['profile.read', profileRead],
    ['profile.readDetails', profileReadDetails],
  ] as const) {
    it.each(Object.keys(table) as ProfileKey[])(`${action} of a %s profile matches the table`, (key) => {
      const expected = cellsOf(table[key], personaNames);
      for (const name of personaNames) {
        const viewer = personas.viewers[name];
        if (expected[name] === '-') continue;
        const profile: ProfileFacts =
          key === 'own'
            ? { userId: viewer!.userId, isInDirectory: false, isDisabled: false }
            : { userId: 'someone-else', isInDirectory: key !== 'unlisted', isDisabled: key === 'disabled' };
        expect(observe(viewer, action, profile), `${name} on ${key}`).toBe(expected[name]);
        expect(can(viewer, action, profile), `${name} on ${key}`).toBe(expected[name] === 'Y');
      }
    });
  }
});

// The three views of the read rule must agree: can(), the SQL predicate for lists and the Meilisearch
// filter for search. Rows cover the matrix above plus items owned elsewhere, co-authored and unowned.
const contentItems = sqliteTable('content_items', {
  id: text('id').primaryKey(),
  visibility: text('visibility').notNull(),
  isPublished: integer('is_published', { mode: 'boolean' }).notNull(),
  isSubmitted: integer('is_submitted', { mode: 'boolean' }).notNull(),
  organisationId: text('organisation_id'),
  eventId: text('event_id'),
});
const contentAuthors = sqliteTable('content_authors', {
  itemId: text('item_id').notNull(),
  userId: text('user_id').notNull(),
});
const columns = {
  visibility: contentItems.visibility,
  isPublished: contentItems.isPublished,
  isSubmitted: contentItems.isSubmitted,
  organisationId: contentItems.organisationId,
  eventId: contentItems.eventId,
  authoredBy: (userId: string) =>
    sql`exists (select 1 from ${contentAuthors} where ${contentAuthors.itemId} = ${contentItems.id} and ${contentAuthors.userId} = ${userId})`,
};

type Item = ContentFacts & { id: string };

describe('the SQL predicate and the Meilisearch filter agree with can()', () => {
  let items: Item[];
  let meili: Meilisearch;
  const indexUid = testIndexName('policy');

  beforeAll(async () => {
    const owners = {
      main: { organisationId: personas.organisationId, eventId: personas.eventId, authorIds: [personas.userIds.author] },
      elsewhere: { organisationId: personas.otherOrganisationId, eventId: personas.otherEventId, authorIds: [personas.userIds.otherOrganisationMember] },
      coauthored: { organisationId: personas.otherOrganisationId, eventId: personas.otherEventId, authorIds: [personas.userIds.otherOrganisationMember, personas.userIds.author] },
      unowned: { organisationId: null, eventId: null, authorIds: [] },
    };
    items = Object.entries(owners).flatMap(([owner, facts]) =>
      resourceKeys.map(([, visibility, stage]) => ({ id: `${owner}-${visibility}-${stage}`, visibility, ...facts, ...stageFacts(stage) })),
    );

    const db = testDb();
    db.$client.exec(`
      create table content_items (
        id text primary key, visibility text not null, is_published integer not null, is_submitted integer not null,
        organisation_id text, event_id text
      );
      create table content_authors (item_id text not null references content_items(id), user_id text not null, primary key (item_id, user_id));
    `);
    db.transaction((tx) => {
      for (const item of items) {
        tx.insert(contentItems)
          .values({ id: item.id, visibility: item.visibility, isPublished: item.isPublished, isSubmitted: item.isSubmitted, organisationId: item.organisationId, eventId: item.eventId })
          .run();
        for (const userId of item.authorIds) tx.insert(contentAuthors).values({ itemId: item.id, userId }).run();
      }
    });

    meili = testSearchClient();
    await meili.createIndex(indexUid, { primaryKey: 'id' }).waitTask(taskWait);
    const index = meili.index(indexUid);
    const settings = await index
      .updateSettings({ filterableAttributes: ['visibility', 'isPublished', 'isSubmitted', 'organisationId', 'eventId', 'authorIds'] })
      .waitTask(taskWait);
    expect(settings.status).toBe('succeeded');
    const added = await index.addDocuments(items.map((item) => ({ ...item, authorIds: [...item.authorIds] }))).waitTask(taskWait);
    expect(added.status).toBe('succeeded');
    expect((await index.getStats()).numberOfDocuments).toBe(items.length);
  }, 200_000);

  const expectedIds = (viewer: MaybeViewer) => items.filter((item) => can(viewer, 'content.read', item)).map((item) => item.id).sort();

  it.each(personaNames)('SQL: readableWhere selects exactly what %s may read', (name) => {
    const viewer = personas.viewers[name];
    const rows = testDb().select({ id: contentItems.id }).from(contentItems).where(readableWhere(viewer, columns)).all();
    expect(rows.map((row) => row.id).sort()).toEqual(expectedIds(viewer));
  });

  it.each(personaNames)('Meilisearch: readableFilter finds exactly what %s may read, and counts no more', async (name) => {
    const viewer = personas.viewers[name];
    const index = meili.index(indexUid);
    const result = await index.search('', { filter: readableFilter(viewer), limit: 1000 });
    const allowed = expectedIds(viewer);
    expect(result.hits.map((hit) => String(hit.id)).sort()).toEqual(allowed);
    expect(result.estimatedTotalHits).toBe(allowed.length);
    const paged = await index.search('', { filter: readableFilter(viewer), hitsPerPage: 1, page: 1 });
    expect(paged.totalHits).toBe(allowed.length);
  });

  it('is not vacuous: personas see different, non-empty sets and nobody sees everything', () => {
    const sizes = personaNames.map((name) => expectedIds(personas.viewers[name]).length);
    expect(Math.min(...sizes)).toBeGreaterThan(0);
    expect(Math.max(...sizes)).toBeLessThan(items.length);
    expect(new Set(personaNames.map((name) => expectedIds(personas.viewers[name]).join(','))).size).toBeGreaterThan(5);
  });

  it('rejects a viewer without rights even when its id is hostile: quoting keeps the filter closed', async () => {
    const hostile: MaybeViewer = {
      userId: '" OR visibility = "private',
      displayName: 'hostile',
      locale: 'en',
      siteRole: 'member',
      organisationRoles: { [`${personas.organisationId}" OR visibility = "private`]: 'editor' },
      eventRoles: {},
    };
    // What any signed-in member without relations reads: published public and members items, nothing more.
    const membersOnly = items.filter((item) => (item.visibility === 'public' || item.visibility === 'members') && item.isPublished).map((item) => item.id).sort();
    const result = await meili.index(indexUid).search('', { filter: readableFilter(hostile), limit: 1000 });
    const ids = result.hits.map((hit) => String(hit.id)).sort();
    expect(ids).toEqual(membersOnly);
    expect(result.estimatedTotalHits).toBe(membersOnly.length);
    const rows = testDb().select({ id: contentItems.id }).from(contentItems).where(readableWhere(hostile, columns)).all();
    expect(rows.map((row) => row.id).sort()).toEqual(ids);
  });
});
