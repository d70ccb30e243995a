import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { users } from '@/db/schema/accounts';
import { connectionOutcomeEntries, connections, userPopulations, userTopics } from '@/db/schema/directory';
import { keyPopulations, topics } from '@/db/schema/taxonomy';
import { AppError } from '@/lib/errors';
import { newId } from '@/lib/ids';
import { notify } from '@/lib/notifications/fanout';
import { assertCan, can } from '@/lib/policy/rules';
import type { MaybeViewer, Viewer } from '@/lib/policy/types';
import { connectionFacts, pairKeyOf, profileFacts } from './facts';
import { RecordConnectionOutcomeInput, RequestConnectionInput, RespondToConnectionInput, UpdateDirectoryProfileInput, WithdrawConnectionInput } from './schemas';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * The member's own directory profile: populations and topics they work on, what they offer, and what they
 * share with accepted connections. Whether they are listed at all stays the one opt-in of their profile.
 */
export function updateDirectoryProfile({ viewer, input }: { viewer: Viewer; input: unknown }): void {
  const data = UpdateDirectoryProfileInput.parse(input);
  getDb().transaction(
    (tx) => {
      // Keys come from a form: anything not in the taxonomy is refused here rather than by a foreign key.
      const populations = [...new Set(data.populations)];
      const topicKeys = [...new Set(data.topics)];
      const knownPopulations = populations.length ? tx.select({ key: keyPopulations.key }).from(keyPopulations).where(inArray(keyPopulations.key, populations)).all() : [];
      const knownTopics = topicKeys.length ? tx.select({ key: topics.key }).from(topics).where(inArray(topics.key, topicKeys)).all() : [];
      if (knownPopulations.length !== populations.length || knownTopics.length !== topicKeys.length) throw new AppError('invalid_input', 'errors.invalid_choice');
      tx.update(users)
        .set({ expertise: data.expertise ?? '', contactDetails: data.contactDetails ?? '', shareEmailWithConnections: data.shareEmailWithConnections })
        .where(eq(users.id, viewer.userId))
        .run();
      tx.delete(userPopulations).where(eq(userPopulations.userId, viewer.userId)).run();
      for (const populationKey of populations) tx.insert(userPopulations).values({ userId: viewer.userId, populationKey }).run();
      tx.delete(userTopics).where(eq(userTopics.userId, viewer.userId)).run();
      for (const topicKey of topicKeys) tx.insert(userTopics).values({ userId: viewer.userId, topicKey }).run();
    },
    { behavior: 'immediate' },
  );
}

/** The partial unique index on `pair_key` (pending and accepted rows), as better-sqlite3 reports it through drizzle. */
function isLivePairViolation(error: unknown): boolean {
  const cause = (error as { cause?: unknown })?.cause ?? error;
  const { code, message } = (cause ?? {}) as { code?: unknown; message?: unknown };
  return code === 'SQLITE_CONSTRAINT_UNIQUE' && typeof message === 'string' && message.includes('connections.pair_key');
}

/**
 * Asks a listed member to connect, with the network's reasons and a message (never contact details).
 * Only one live connection may join two members: a pending or accepted one in either direction makes
 * this a conflict. SQLite's unique index on the pair decides, so two requests racing cannot both land.
 */
export function requestConnection({ viewer, input }: { viewer: MaybeViewer; input: unknown }): { connectionId: string } {
  const data = RequestConnectionInput.parse(input);
  const connectionId = newId();
  try {
    getDb().transaction(
      (tx) => {
        const recipient = tx.select({ id: users.id, isInDirectory: users.isInDirectory, isDisabled: users.isDisabled }).from(users).where(eq(users.id, data.recipientId)).get();
        if (!recipient) throw new AppError('not_found');
        const facts = profileFacts(recipient);
        // Someone who is not in the directory cannot be asked, and is answered like a missing member:
        // the refusal must not confirm who exists outside it.
        if (viewer && viewer.userId !== recipient.id && !can(viewer, 'connection.request', facts)) throw new AppError('not_found');
        assertCan(viewer, 'connection.request', facts);
        const requesterId = viewer!.userId;
        tx.insert(connections)
          .values({ id: connectionId, requesterId, recipientId: recipient.id, pairKey: pairKeyOf(requesterId, recipient.id), reasons: [...new Set(data.reasons)], message: data.message ?? '', status: 'pending' })
          .run();
        const connection = { requesterId, recipientId: recipient.id, status: 'pending' as const };
        notify(tx, { kind: 'connection_request', recipientIds: [recipient.id], actorId: requesterId, connectionId, canRead: (reader) => can(reader, 'connection.read', connection) });
      },
      { behavior: 'immediate' },
    );
  } catch (error) {
    if (isLivePairViolation(error)) throw new AppError('conflict');
    throw error;
  }
  return { connectionId };
}

/** A connection the viewer is party to; anyone else gets not_found (a connection is nobody else's business). */
function loadConnection(tx: Tx, viewer: MaybeViewer, connectionId: string) {
  const row = tx.select().from(connections).where(eq(connections.id, connectionId)).get();
  if (!row) throw new AppError('not_found');
  assertCan(viewer, 'connection.read', connectionFacts(row));
  return row;
}

/**
 * The recipient accepts or declines a pending request. Accepting tells the requester (and from then on
 * each sees the contact details the other chose to share); declining tells nobody.
 */
export function respondToConnection({ viewer, input }: { viewer: MaybeViewer; input: unknown }): { status: 'accepted' | 'declined' } {
  const data = RespondToConnectionInput.parse(input);
  return getDb().transaction(
    (tx) => {
      const row = loadConnection(tx, viewer, data.connectionId);
      // Already answered or withdrawn (another tab, or the requester just withdrew): say so, not "forbidden".
      if (row.status !== 'pending' && viewer!.userId === row.recipientId) throw new AppError('conflict');
      assertCan(viewer, 'connection.respond', connectionFacts(row));
      const status = data.response === 'accept' ? ('accepted' as const) : ('declined' as const);
      tx.update(connections).set({ status, respondedAt: new Date() }).where(and(eq(connections.id, row.id), eq(connections.status, 'pending'))).run();
      if (status === 'accepted') {
        const connection = { ...connectionFacts(row), status };
        notify(tx, { kind: 'connection_accepted', recipientIds: [row.requesterId], actorId: row.recipientId, connectionId: row.id, canRead: (reader) => can(reader, 'connection.read', connection) });
      }
      return { status };
    },
    { behavior: 'immediate' },
  );
}

/** The requester takes back a request that is still pending; a new one may be sent later. */
export function withdrawConnection({ viewer, input }: { viewer: MaybeViewer; input: unknown }): void {
  const data = WithdrawConnectionInput.parse(input);
  getDb().transaction(
    (tx) => {
      const row = loadConnection(tx, viewer, data.connectionId);
      if (row.status !== 'pending' && viewer!.userId === row.requesterId) throw new AppError('conflict');
      assertCan(viewer, 'connection.withdraw', connectionFacts(row));
      tx.update(connections).set({ status: 'withdrawn', respondedAt: new Date() }).where(and(eq(connections.id, row.id), eq(connections.status, 'pending'))).run();
    },
    { behavior: 'immediate' },
  );
}

/** Either member of an accepted connection records what came of it (a joint proposal, advice given, ...). */
export function recordConnectionOutcome({ viewer, input }: { viewer: MaybeViewer; input: unknown }): { outcomeId: string } {
  const data = RecordConnectionOutcomeInput.parse(input);
  const outcomeId = newId();
  getDb().transaction(
    (tx) => {
      const row = loadConnection(tx, viewer, data.connectionId);
      assertCan(viewer, 'connection.recordOutcome', connectionFacts(row));
      tx.insert(connectionOutcomeEntries).values({ id: outcomeId, connectionId: row.id, userId: viewer!.userId, outcome: data.outcome, note: data.note ?? '' }).run();
    },
    { behavior: 'immediate' },
  );
  return { outcomeId };
}
