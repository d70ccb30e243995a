import type { ConnectionStatus } from '@/db/schema/directory';
import type { ConnectionFacts, ProfileFacts } from '@/lib/policy/rules';

/**
 * The two members' ids in a fixed order: the same key whoever asks, so the partial unique index on
 * `pair_key` refuses a second live connection between them in either direction.
 */
export function pairKeyOf(firstUserId: string, secondUserId: string): string {
  return [firstUserId, secondUserId].sort().join(':');
}

export function connectionFacts(row: { requesterId: string; recipientId: string; status: ConnectionStatus }): ConnectionFacts {
  return { requesterId: row.requesterId, recipientId: row.recipientId, status: row.status };
}

export function profileFacts(row: { id: string; isInDirectory: boolean; isDisabled: boolean }): ProfileFacts {
  return { userId: row.id, isInDirectory: row.isInDirectory, isDisabled: row.isDisabled };
}

/** Pending and accepted connections are live: only one may join two members at a time. */
export const liveStatuses = ['pending', 'accepted'] as const satisfies readonly ConnectionStatus[];
