import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { users } from '@/db/schema/accounts';
import { connections, type ConnectionStatus } from '@/db/schema/directory';
import { insertOrganisation } from '@/db/seed/factories';
import { connectionFacts, profileFacts } from '@/lib/directory/facts';
import { recordConnectionOutcome, requestConnection, respondToConnection, withdrawConnection } from '@/lib/directory/mutations';
import { getConnectionContact, listConnections, listDirectory } from '@/lib/directory/queries';
import { can, type Action } from '@/lib/policy/rules';
import type { MaybeViewer, Viewer } from '@/lib/policy/types';
import { testDb } from '../../support/database';
import { cellsOf } from '../../support/policy-table';
import { connectionIn, createMember, requestInput } from './helpers';

// The expected tables are the specification, written by hand from the issue ("members who opted in are
// listed"; "only after acceptance does each see the contact details the other chose to share") and
// decision 008, never computed with can(). Every cell runs the real query or mutation, and can() must
// agree: it is true exactly where the cell is Y.
//   Y  allowed (listed / shown / done)
//   n  not_found: refused without saying whether it exists (or, for a list or contact details: absent)
//   f  forbidden: a party to it, but not allowed this
//   c  conflict: a party who could have, but the connection is no longer in that state
//   u  unauthenticated: asked to sign in
//   -  not applicable
// A disabled member has no viewer at all (their sessions end), so they appear only as someone asked.

type Cell = 'Y' | 'n' | 'f' | 'c' | 'u' | '-';

function attempt(run: () => unknown): Cell {
  try {
    const result = run();
    return result === false || result === null ? 'n' : 'Y';
  } catch (error) {
    const code = (error as { code?: string }).code;
    const cell = ({ not_found: 'n', forbidden: 'f', conflict: 'c', unauthenticated: 'u' } as Record<string, Cell>)[code ?? ''];
    if (!cell) throw error;
    return cell;
  }
}

let organisationId: string;
let listed: Viewer;
let unlisted: Viewer;
let listedTarget: string;
let unlistedTarget: string;
let disabledTarget: string;

beforeAll(async () => {
  organisationId = insertOrganisation(testDb(), { name: 'Directory Policy Organisation', type: 'kp_led', countryCode: 'KE' }).id;
  listed = (await createMember({ name: 'Listed viewer', organisationId })).viewer!;
  unlisted = (await createMember({ name: 'Unlisted viewer', organisationId, isInDirectory: false })).viewer!;
  listedTarget = (await createMember({ name: 'Listed target', organisationId })).id;
  unlistedTarget = (await createMember({ name: 'Unlisted target', organisationId, isInDirectory: false })).id;
  disabledTarget = (await createMember({ name: 'Disabled target', organisationId, isDisabled: true })).id;
});

describe('the directory and who may be asked to connect', () => {
  const columns = ['anonymous', 'listed', 'unlisted'] as const;
  const table: Record<string, string> = {
    //                                      anon listed unlisted
    'read the directory':                  'u    Y      Y',
    'request an opted-in member':          'n    Y      Y',
    'request an opted-out member':         'n    n      n',
    'request a disabled member':           'n    n      n',
    'request oneself':                     '-    f      f',
  };
  const viewerOf = (column: (typeof columns)[number]): MaybeViewer => (column === 'anonymous' ? null : column === 'listed' ? listed : unlisted);
  const targetOf = (row: string, viewer: MaybeViewer) =>
    row.includes('oneself') ? viewer!.userId : row.includes('opted-in') ? listedTarget : row.includes('opted-out') ? unlistedTarget : disabledTarget;
  const factsOf = (userId: string) => profileFacts(testDb().select({ id: users.id, isInDirectory: users.isInDirectory, isDisabled: users.isDisabled }).from(users).where(eq(users.id, userId)).get()!);

  for (const [row, cells] of Object.entries(table)) {
    for (const [column, expected] of Object.entries(cellsOf(cells, columns))) {
      if (expected === '-') continue;
      it(`${row}: ${column} → ${expected}`, () => {
        const viewer = viewerOf(column as (typeof columns)[number]);
        if (row === 'read the directory') {
          expect(can(viewer, 'directory.read', null)).toBe(expected === 'Y');
          expect(attempt(() => listDirectory(viewer, 'en', {}))).toBe(expected);
          return;
        }
        const target = targetOf(row, viewer);
        expect(can(viewer, 'connection.request', factsOf(target))).toBe(expected === 'Y');
        expect(attempt(() => requestConnection({ viewer, input: requestInput(target) }))).toBe(expected);
        // A refused request leaves nothing behind, and tells nobody.
        if (expected !== 'Y') expect(testDb().select().from(connections).where(eq(connections.recipientId, target)).all().filter((entry) => entry.requesterId === viewer?.userId)).toEqual([]);
      });
    }
  }

  it('lists only members who opted in and are not disabled, and counts no one else', () => {
    const directory = listDirectory(listed, 'en', { q: 'target' });
    expect(directory.items.map((item) => item.displayName)).toEqual(['Listed target']);
    expect(directory.total).toBe(1);
    const everyone = listDirectory(listed, 'en', {});
    const names = everyone.items.map((item) => item.displayName);
    expect(names).toContain('Listed viewer');
    expect(names).not.toContain('Unlisted viewer');
    expect(names).not.toContain('Unlisted target');
    expect(names).not.toContain('Disabled target');
    expect(everyone.total).toBe(everyone.items.length);
  });
});

describe('a connection, by status, for each person', () => {
  const statuses: ConnectionStatus[] = ['pending', 'accepted', 'declined', 'withdrawn'];
  const columns = ['anonymous', 'requester', 'recipient', 'third'] as const;
  type Column = (typeof columns)[number];
  // "read" is the connections page's log; "readContact" is getConnectionContact (n: no details given).
  const table: Record<string, string> = {
    //                               anon requester recipient third
    'pending read':                 '-    Y         Y         n',
    'pending respond':              'n    f         Y         n',
    'pending withdraw':             'n    Y         f         n',
    'pending readContact':          'n    n         n         n',
    'pending recordOutcome':        'n    f         f         n',
    'accepted read':                '-    Y         Y         n',
    'accepted respond':             'n    f         c         n',
    'accepted withdraw':            'n    c         f         n',
    'accepted readContact':         'n    Y         Y         n',
    'accepted recordOutcome':       'n    Y         Y         n',
    'declined read':                '-    Y         Y         n',
    'declined respond':             'n    f         c         n',
    'declined withdraw':            'n    c         f         n',
    'declined readContact':         'n    n         n         n',
    'declined recordOutcome':       'n    f         f         n',
    'withdrawn read':               '-    Y         Y         n',
    'withdrawn respond':            'n    f         c         n',
    'withdrawn withdraw':           'n    c         f         n',
    'withdrawn readContact':        'n    n         n         n',
    'withdrawn recordOutcome':      'n    f         f         n',
  };
  const policyAction: Record<string, Action> = {
    read: 'connection.read',
    respond: 'connection.respond',
    withdraw: 'connection.withdraw',
    readContact: 'connection.readContact',
    recordOutcome: 'connection.recordOutcome',
  };

  let third: Viewer;
  beforeAll(async () => {
    third = (await createMember({ name: 'Third party', organisationId })).viewer!;
  });

  it('has a row for every status and action', () => {
    expect(Object.keys(table).sort()).toEqual(statuses.flatMap((status) => Object.keys(policyAction).map((action) => `${status} ${action}`)).sort());
  });

  for (const [row, cells] of Object.entries(table)) {
    const [status, action] = row.split(' ') as [ConnectionStatus, string];
    for (const [column, expected] of Object.entries(cellsOf(cells, columns))) {
      if (expected === '-') continue;
      it(`${row}: ${column} → ${expected}`, async () => {
        // A fresh pair for every cell: a successful answer changes the connection.
        const requester = await createMember({ organisationId });
        const recipient = await createMember({ organisationId });
        const connectionId = connectionIn(status, requester.viewer!, recipient.viewer!);
        const connection = testDb().select().from(connections).where(eq(connections.id, connectionId)).get()!;
        const viewers: Record<Column, MaybeViewer> = { anonymous: null, requester: requester.viewer, recipient: recipient.viewer, third };
        const viewer = viewers[column as Column];
        expect(can(viewer, policyAction[action]!, connectionFacts(connection))).toBe(expected === 'Y');
        const otherId = viewer?.userId === recipient.id ? requester.id : recipient.id;
        const run: Record<string, () => unknown> = {
          read: () => listConnections(viewer as Viewer).log.some((entry) => entry.id === connectionId),
          respond: () => respondToConnection({ viewer, input: { connectionId, response: 'accept' } }),
          withdraw: () => withdrawConnection({ viewer, input: { connectionId } }),
          readContact: () => getConnectionContact(viewer, otherId),
          recordOutcome: () => recordConnectionOutcome({ viewer, input: { connectionId, outcome: 'advice_given', note: '' } }),
        };
        expect(attempt(run[action]!)).toBe(expected);
        // Contact details are exactly the other's, and only where the table says Y.
        if (action === 'readContact' && expected === 'Y') {
          const other = viewer?.userId === recipient.id ? requester : recipient;
          expect(getConnectionContact(viewer, other.id)).toEqual({ contactDetails: other.contactDetails, email: null });
        }
      });
    }
  }
});
