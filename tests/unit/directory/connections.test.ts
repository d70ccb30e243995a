import { eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { users } from '@/db/schema/accounts';
import { connectionOutcomeEntries, connections } from '@/db/schema/directory';
import { jobs } from '@/db/schema/jobs';
import { notifications } from '@/db/schema/notifications';
import { insertOrganisation } from '@/db/seed/factories';
import { pairKeyOf } from '@/lib/directory/facts';
import { recordConnectionOutcome, requestConnection, respondToConnection, withdrawConnection } from '@/lib/directory/mutations';
import { getConnectionContact, getConnectionPanel, listConnections } from '@/lib/directory/queries';
import { newId } from '@/lib/ids';
import { listNotifications } from '@/lib/notifications/queries';
import { testDb } from '../../support/database';
import { expectAppError, fieldErrorsOf, thrownBy } from '../../support/errors';
import { connectionIn, connectionNotificationsOf, createMember, request, requestInput, statusOf } from './helpers';

// Connecting: a request with reasons and a message, an answer, and contact details that cross only after
// acceptance (decision 008), with the log and what came of it.

let organisationId: string;
type Member = Awaited<ReturnType<typeof createMember>>;
const member = (options: Partial<Parameters<typeof createMember>[0]> = {}) => createMember({ organisationId, ...options });

beforeAll(() => {
  organisationId = insertOrganisation(testDb(), { name: 'Connections Organisation', type: 'linking_organisation', countryCode: 'ZA' }).id;
});

describe('sending a request', () => {
  it('stores the reasons (once each) and the message, pending, and notifies only the recipient', async () => {
    const [nomvula, wanjiru] = [await member(), await member({ email: 'wanjiru@example.org' })];
    const connectionId = request(nomvula.viewer, wanjiru.id, { reasons: ['share_information', 'advice_mentoring', 'share_information'], message: 'After LSE 1: a question on security.' });
    const row = testDb().select().from(connections).where(eq(connections.id, connectionId)).get()!;
    expect(row).toMatchObject({ requesterId: nomvula.id, recipientId: wanjiru.id, status: 'pending', reasons: ['share_information', 'advice_mentoring'], message: 'After LSE 1: a question on security.', respondedAt: null });
    expect(row.pairKey).toBe(pairKeyOf(wanjiru.id, nomvula.id));
    expect(connectionNotificationsOf(wanjiru.id, connectionId)).toMatchObject([{ kind: 'connection_request', actorId: nomvula.id }]);
    expect(connectionNotificationsOf(nomvula.id, connectionId)).toEqual([]);
    // The recipient's notifications say who asked and lead to the connections page.
    const items = listNotifications(wanjiru.viewer!, 'en').filter((item) => item.kind === 'connection_request');
    expect(items).toMatchObject([{ actorName: nomvula.displayName, href: '/connections' }]);
  });

  it('queues an email at once for a recipient who asked for immediate email', async () => {
    const [asker, recipient] = [await member(), await member()];
    testDb().update(users).set({ emailFrequency: 'immediate' }).where(eq(users.id, recipient.id)).run();
    request(asker.viewer, recipient.id);
    expect(testDb().select().from(jobs).where(eq(jobs.uniqueKey, `email.notifications:${recipient.id}`)).all()).toHaveLength(1);
  });

  it('requires at least one known reason and keeps the message within 1,000 characters', async () => {
    const [asker, recipient] = [await member(), await member()];
    expect(fieldErrorsOf(() => requestConnection({ viewer: asker.viewer, input: requestInput(recipient.id, { reasons: undefined }) }))).toEqual({ reasons: 'directory.errors.reasonsRequired' });
    expect(fieldErrorsOf(() => requestConnection({ viewer: asker.viewer, input: requestInput(recipient.id, { reasons: [''] }) }))).toEqual({ reasons: 'directory.errors.reasonsRequired' });
    expect(fieldErrorsOf(() => requestConnection({ viewer: asker.viewer, input: requestInput(recipient.id, { reasons: ['share_information', 'gossip'] }) }))).toEqual({ reasons: 'errors.invalid_choice' });
    expect(fieldErrorsOf(() => requestConnection({ viewer: asker.viewer, input: requestInput(recipient.id, { message: 'x'.repeat(1001) }) }))).toEqual({ message: 'errors.too_long' });
    expect(testDb().select().from(connections).where(eq(connections.recipientId, recipient.id)).all()).toEqual([]);
  });

  it('refuses oneself (forbidden), and a member who is not listed or is disabled as if they did not exist', async () => {
    const asker = await member();
    const [unlisted, disabled] = [await member({ isInDirectory: false }), await member({ isDisabled: true })];
    expectAppError(thrownBy(() => request(asker.viewer, asker.id)), 'forbidden');
    expectAppError(thrownBy(() => request(asker.viewer, unlisted.id)), 'not_found');
    expectAppError(thrownBy(() => request(asker.viewer, disabled.id)), 'not_found');
    expectAppError(thrownBy(() => request(asker.viewer, 'no-such-member')), 'not_found');
    expectAppError(thrownBy(() => request(null, unlisted.id)), 'not_found');
  });

  it('lets a member who is not listed ask someone who is', async () => {
    const [unlisted, listed] = [await member({ isInDirectory: false }), await member()];
    expect(statusOf(request(unlisted.viewer, listed.id))).toBe('pending');
  });
});

describe('one live connection between two members', () => {
  it.each(['pending', 'accepted'] as const)('refuses a second request while one is %s, in either direction, with a conflict', async (status) => {
    const [first, second] = [await member(), await member()];
    connectionIn(status, first.viewer!, second.viewer!);
    const notificationCount = () => testDb().select().from(notifications).where(inArray(notifications.userId, [first.id, second.id])).all().length;
    const before = notificationCount();
    expectAppError(thrownBy(() => request(first.viewer, second.id)), 'conflict');
    expectAppError(thrownBy(() => request(second.viewer, first.id)), 'conflict');
    expect(testDb().select().from(connections).where(eq(connections.pairKey, pairKeyOf(first.id, second.id))).all()).toHaveLength(1);
    // Nobody was told about the refused requests.
    expect(notificationCount()).toBe(before);
  });

  it.each(['declined', 'withdrawn'] as const)('allows a new request, from either of them, once the last one was %s', async (status) => {
    const [first, second] = [await member(), await member()];
    connectionIn(status, first.viewer!, second.viewer!);
    const again = request(second.viewer, first.id);
    expect(statusOf(again)).toBe('pending');
    expect(testDb().select().from(connections).where(eq(connections.pairKey, pairKeyOf(first.id, second.id))).all()).toHaveLength(2);
  });

  it('is enforced by SQLite itself: a second live row for the pair is refused', async () => {
    const [first, second] = [await member(), await member()];
    connectionIn('pending', first.viewer!, second.viewer!);
    const insert = () =>
      testDb().insert(connections).values({ id: newId(), requesterId: second.id, recipientId: first.id, pairKey: pairKeyOf(first.id, second.id), reasons: ['other'], status: 'accepted' }).run();
    expect(insert).toThrow();
  });
});

describe('answering a request', () => {
  it('accepting tells the requester; declining tells nobody', async () => {
    const [asker, recipient] = [await member(), await member()];
    const accepted = request(asker.viewer, recipient.id);
    respondToConnection({ viewer: recipient.viewer, input: { connectionId: accepted, response: 'accept' } });
    expect(statusOf(accepted)).toBe('accepted');
    expect(connectionNotificationsOf(asker.id, accepted)).toMatchObject([{ kind: 'connection_accepted', actorId: recipient.id }]);

    const [otherAsker, otherRecipient] = [await member(), await member()];
    const declined = request(otherAsker.viewer, otherRecipient.id);
    respondToConnection({ viewer: otherRecipient.viewer, input: { connectionId: declined, response: 'decline' } });
    expect(statusOf(declined)).toBe('declined');
    expect(connectionNotificationsOf(otherAsker.id, declined)).toEqual([]);
    expect(testDb().select().from(connections).where(eq(connections.id, declined)).get()!.respondedAt).toBeInstanceOf(Date);
  });

  it('rejects a viewer without rights: someone else cannot answer, withdraw or even learn the request exists', async () => {
    const [asker, recipient, stranger] = [await member(), await member(), await member()];
    const connectionId = request(asker.viewer, recipient.id);
    expectAppError(thrownBy(() => respondToConnection({ viewer: stranger.viewer, input: { connectionId, response: 'accept' } })), 'not_found');
    expectAppError(thrownBy(() => withdrawConnection({ viewer: stranger.viewer, input: { connectionId } })), 'not_found');
    expectAppError(thrownBy(() => respondToConnection({ viewer: asker.viewer, input: { connectionId, response: 'accept' } })), 'forbidden');
    expect(statusOf(connectionId)).toBe('pending');
    expect(listConnections(stranger.viewer!).log).toEqual([]);
  });
});

describe('contact details', () => {
  let asker: Member;
  let recipient: Member;
  let stranger: Member;
  let connectionId: string;

  beforeAll(async () => {
    asker = await member({ contactDetails: 'WhatsApp +000 555 0202 (asker)', shareEmail: true, email: 'asker@example.org' });
    recipient = await member({ contactDetails: 'Signal +000 555 0101 (recipient)', shareEmail: false, email: 'recipient@example.org' });
    stranger = await member();
    connectionId = request(asker.viewer, recipient.id);
  });

  it('are hidden from both while the request is pending, everywhere', () => {
    expect(getConnectionContact(asker.viewer, recipient.id)).toBeNull();
    expect(getConnectionContact(recipient.viewer, asker.id)).toBeNull();
    expect(getConnectionPanel(asker.viewer, recipient.id)).toMatchObject({ canRequest: false, connection: { status: 'pending', direction: 'sent' }, contact: null });
    expect(getConnectionPanel(recipient.viewer, asker.id)).toMatchObject({ canRequest: false, connection: { status: 'pending', direction: 'received' }, contact: null });
    for (const viewer of [asker.viewer!, recipient.viewer!]) {
      const text = JSON.stringify(listConnections(viewer));
      for (const secret of ['WhatsApp +000 555 0202', 'Signal +000 555 0101', 'asker@example.org', 'recipient@example.org']) expect(text).not.toContain(secret);
    }
  });

  it('are shown to both once accepted: each sees what the other chose to share (the email only if ticked)', () => {
    respondToConnection({ viewer: recipient.viewer, input: { connectionId, response: 'accept' } });
    expect(getConnectionContact(asker.viewer, recipient.id)).toEqual({ contactDetails: 'Signal +000 555 0101 (recipient)', email: null });
    expect(getConnectionContact(recipient.viewer, asker.id)).toEqual({ contactDetails: 'WhatsApp +000 555 0202 (asker)', email: 'asker@example.org' });
    expect(getConnectionPanel(asker.viewer, recipient.id)?.contact).toEqual({ contactDetails: 'Signal +000 555 0101 (recipient)', email: null });
    expect(listConnections(recipient.viewer!).accepted).toMatchObject([{ id: connectionId, other: { id: asker.id }, contact: { contactDetails: 'WhatsApp +000 555 0202 (asker)', email: 'asker@example.org' } }]);
  });

  it('are never shown to a third party, nor to anyone once the other member is disabled', () => {
    expect(getConnectionContact(stranger.viewer, asker.id)).toBeNull();
    expect(getConnectionContact(stranger.viewer, recipient.id)).toBeNull();
    expect(getConnectionContact(null, recipient.id)).toBeNull();
    testDb().update(users).set({ isDisabled: true }).where(eq(users.id, recipient.id)).run();
    expect(getConnectionContact(asker.viewer, recipient.id)).toBeNull();
    testDb().update(users).set({ isDisabled: false }).where(eq(users.id, recipient.id)).run();
  });

  it('are not shown after a decline or a withdrawal', async () => {
    const [first, second, third] = [await member(), await member(), await member()];
    connectionIn('declined', first.viewer!, second.viewer!);
    connectionIn('withdrawn', first.viewer!, third.viewer!);
    for (const [viewer, otherId] of [
      [first.viewer, second.id],
      [second.viewer, first.id],
      [first.viewer, third.id],
      [third.viewer, first.id],
    ] as const)
      expect(getConnectionContact(viewer, otherId)).toBeNull();
  });
});

describe('withdrawing', () => {
  it('is the requester’s, while pending; then the recipient has nothing left to answer', async () => {
    const [asker, recipient] = [await member(), await member()];
    const connectionId = request(asker.viewer, recipient.id);
    expectAppError(thrownBy(() => withdrawConnection({ viewer: recipient.viewer, input: { connectionId } })), 'forbidden');
    withdrawConnection({ viewer: asker.viewer, input: { connectionId } });
    expect(statusOf(connectionId)).toBe('withdrawn');
    expectAppError(thrownBy(() => respondToConnection({ viewer: recipient.viewer, input: { connectionId, response: 'accept' } })), 'conflict');
    expect(listConnections(recipient.viewer!).incoming).toEqual([]);
    expect(listConnections(asker.viewer!).sent).toMatchObject([{ id: connectionId, status: 'withdrawn' }]);
  });
});

describe('what came of a connection', () => {
  it('is recorded by either member of an accepted connection and listed for both', async () => {
    const [asker, recipient] = [await member(), await member()];
    const connectionId = connectionIn('accepted', asker.viewer!, recipient.viewer!);
    recordConnectionOutcome({ viewer: asker.viewer, input: { connectionId, outcome: 'joint_proposal', note: 'Concept note sent in March.' } });
    recordConnectionOutcome({ viewer: recipient.viewer, input: { connectionId, outcome: 'co_hosted_event', note: '' } });
    const seenByRecipient = listConnections(recipient.viewer!).accepted[0]!;
    expect(seenByRecipient.outcomes.map((outcome) => [outcome.outcome, outcome.note, outcome.isMine])).toEqual([
      ['joint_proposal', 'Concept note sent in March.', false],
      ['co_hosted_event', '', true],
    ]);
    expect(listConnections(asker.viewer!).accepted[0]!.outcomes).toHaveLength(2);
  });

  it.each(['pending', 'declined', 'withdrawn'] as const)('is refused on a %s connection', async (status) => {
    const [asker, recipient] = [await member(), await member()];
    const connectionId = connectionIn(status, asker.viewer!, recipient.viewer!);
    for (const viewer of [asker.viewer, recipient.viewer]) {
      expectAppError(thrownBy(() => recordConnectionOutcome({ viewer, input: { connectionId, outcome: 'advice_given' } })), 'forbidden');
    }
    expect(testDb().select().from(connectionOutcomeEntries).where(eq(connectionOutcomeEntries.connectionId, connectionId)).all()).toEqual([]);
  });

  it('takes only the network’s outcomes and a short note', async () => {
    const [asker, recipient] = [await member(), await member()];
    const connectionId = connectionIn('accepted', asker.viewer!, recipient.viewer!);
    expect(fieldErrorsOf(() => recordConnectionOutcome({ viewer: asker.viewer, input: { connectionId, outcome: '' } }))).toEqual({ outcome: 'directory.errors.outcomeRequired' });
    expect(fieldErrorsOf(() => recordConnectionOutcome({ viewer: asker.viewer, input: { connectionId, outcome: 'other', note: 'x'.repeat(501) } }))).toEqual({ note: 'errors.too_long' });
  });
});

describe('the connections page', () => {
  it('sorts requests into waiting, sent and accepted, and logs every one with its reasons and dates', async () => {
    const me = await member();
    const [a, b, c, d] = [await member({ name: 'Asks me' }), await member({ name: 'I asked' }), await member({ name: 'Accepted' }), await member({ name: 'Declined me' })];
    const incoming = request(a.viewer, me.id, { reasons: ['technical_assistance'] });
    const sent = request(me.viewer, b.id);
    const accepted = connectionIn('accepted', me.viewer!, c.viewer!);
    const declined = connectionIn('declined', me.viewer!, d.viewer!);
    const page = listConnections(me.viewer!);
    expect(page.incoming.map((entry) => [entry.id, entry.other.displayName, entry.reasons])).toEqual([[incoming, 'Asks me', ['technical_assistance']]]);
    expect(page.sent.map((entry) => entry.id).sort()).toEqual([sent, declined].sort());
    expect(page.accepted.map((entry) => entry.id)).toEqual([accepted]);
    expect(page.log.map((entry) => entry.id).sort()).toEqual([incoming, sent, accepted, declined].sort());
    expect(page.log.find((entry) => entry.id === incoming)).toMatchObject({ direction: 'received', status: 'pending', reasons: ['technical_assistance'], createdAt: expect.any(Date) });
    expect(page.log.find((entry) => entry.id === declined)).toMatchObject({ direction: 'sent', status: 'declined', respondedAt: expect.any(Date) });
  });
});
