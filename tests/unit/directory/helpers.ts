import { and, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { users } from '@/db/schema/accounts';
import { connections, type ConnectionStatus } from '@/db/schema/directory';
import { notifications } from '@/db/schema/notifications';
import { addMembership } from '@/db/seed/factories';
import { requestConnection, respondToConnection, updateDirectoryProfile, withdrawConnection } from '@/lib/directory/mutations';
import type { MaybeViewer, Viewer } from '@/lib/policy/types';
import { testDb } from '../../support/database';
import { createTestUser, viewerOf } from '../../support/personas';

let memberCount = 0;

/**
 * A member of an organisation, listed in the directory or not, with a directory profile and contact
 * details of their own (unique, so a test can look for them anywhere).
 */
export async function createMember(options: {
  name?: string;
  organisationId: string;
  isInDirectory?: boolean;
  isDisabled?: boolean;
  email?: string | null;
  shareEmail?: boolean;
  populations?: string[];
  topics?: string[];
  contactDetails?: string;
}): Promise<{ id: string; viewer: Viewer | null; contactDetails: string; email: string | null; displayName: string }> {
  memberCount += 1;
  const displayName = options.name ?? `Member ${memberCount}`;
  const email = options.email === undefined ? `member-${memberCount}@example.org` : options.email;
  const id = await createTestUser({ username: `directory-member-${memberCount}`, displayName, email, isInDirectory: options.isInDirectory ?? true });
  addMembership(testDb(), id, options.organisationId, 'member');
  const contactDetails = options.contactDetails ?? `Signal +000 555 ${String(memberCount).padStart(4, '0')}`;
  updateDirectoryProfile({
    viewer: viewerOf(id),
    input: { populations: options.populations ?? [], topics: options.topics ?? [], expertise: `Expertise of ${displayName}`, contactDetails, shareEmailWithConnections: options.shareEmail ? 'on' : undefined },
  });
  // Disabled last: a disabled account has no viewer (its sessions are revoked).
  if (options.isDisabled) testDb().update(users).set({ isDisabled: true }).where(eq(users.id, id)).run();
  return { id, viewer: options.isDisabled ? null : viewerOf(id), contactDetails, email, displayName };
}

export function requestInput(recipientId: string, overrides: Record<string, unknown> = {}) {
  return { recipientId, reasons: ['share_information', 'explore_joint_work'], message: 'Hello, I would like to connect after the event.', ...overrides };
}

export function request(viewer: MaybeViewer, recipientId: string, overrides: Record<string, unknown> = {}): string {
  return requestConnection({ viewer, input: requestInput(recipientId, overrides) }).connectionId;
}

/** A connection from one member to another, brought to a status through the real mutations. */
export function connectionIn(status: ConnectionStatus, requester: Viewer, recipient: Viewer): string {
  const connectionId = request(requester, recipient.userId);
  if (status === 'accepted' || status === 'declined') respondToConnection({ viewer: recipient, input: { connectionId, response: status === 'accepted' ? 'accept' : 'decline' } });
  if (status === 'withdrawn') withdrawConnection({ viewer: requester, input: { connectionId } });
  return connectionId;
}

export function statusOf(connectionId: string): ConnectionStatus | undefined {
  return testDb().select({ status: connections.status }).from(connections).where(eq(connections.id, connectionId)).get()?.status;
}

export function connectionNotificationsOf(userId: string, connectionId: string) {
  return testDb()
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.connectionId, connectionId)))
    .all();
}
