import { ZodError } from 'zod';
import { beforeAll, describe, expect, it } from 'vitest';
import { updateEmailSettings } from '@/lib/email/mutations';
import { mailWaitingNotifications } from '@/lib/email/delivery';
import { getEmailForAdmin, getEmailSettings, listEmailsForAdmin } from '@/lib/email/queries';
import { testDb } from '../../support/database';
import { insertNotification, insertThreadWithPost, memoryTransport, setEmailPreferences } from '../../support/email';
import { expectAppError, thrownBy } from '../../support/errors';
import { createTestUser, seedPersonas, viewerOf, type Personas } from '../../support/personas';

let personas: Personas;
beforeAll(async () => {
  personas = await seedPersonas();
});

describe('email settings', () => {
  it('defaults to a neutral daily digest, at most 7 a week, refreshers on', async () => {
    const userId = await createTestUser({ username: 'settings-defaults' });
    expect(getEmailSettings(viewerOf(userId))).toEqual({ hasEmail: false, emailFrequency: 'daily', emailDetail: 'neutral', weeklyEmailCap: 7, refreshersEnabled: true });
  });

  it('a member changes their own settings, and only theirs', async () => {
    const userId = await createTestUser({ username: 'settings-member', email: 'settings@example.org' });
    const viewer = viewerOf(userId);
    // As a form sends them: strings, and no field at all for an unticked checkbox.
    updateEmailSettings({ viewer, input: { emailFrequency: 'weekly', emailDetail: 'full', weeklyEmailCap: '3' } });
    expect(getEmailSettings(viewer)).toEqual({ hasEmail: true, emailFrequency: 'weekly', emailDetail: 'full', weeklyEmailCap: 3, refreshersEnabled: false });
    expect(getEmailSettings(personas.viewers.organisationMember!)).toMatchObject({ emailFrequency: 'daily', emailDetail: 'neutral' });
  });

  it('refuses values out of range with translatable messages', async () => {
    const viewer = viewerOf(await createTestUser({ username: 'settings-invalid' }));
    const issuesOf = (input: Record<string, unknown>) => (thrownBy(() => updateEmailSettings({ viewer, input })) as ZodError).issues.map((issue) => [issue.path[0], issue.message]);
    const valid = { emailFrequency: 'daily', emailDetail: 'neutral', weeklyEmailCap: '7' };
    expect(issuesOf({ ...valid, weeklyEmailCap: '0' })).toEqual([['weeklyEmailCap', 'errors.too_small']]);
    expect(issuesOf({ ...valid, weeklyEmailCap: '51' })).toEqual([['weeklyEmailCap', 'errors.too_large']]);
    expect(issuesOf({ ...valid, weeklyEmailCap: 'lots' })).toEqual([['weeklyEmailCap', 'errors.number']]);
    expect(issuesOf({ ...valid, emailFrequency: 'hourly', emailDetail: 'everything' })).toEqual([
      ['emailFrequency', 'errors.invalid_choice'],
      ['emailDetail', 'errors.invalid_choice'],
    ]);
    expect(getEmailSettings(viewer)).toMatchObject({ emailFrequency: 'daily', weeklyEmailCap: 7 });
  });
});

describe('the admins’ outbox', () => {
  it('lists emails with masked addresses, shows neutral texts without the unsubscribe token, and withholds detailed ones', async () => {
    const authorId = await createTestUser({ username: 'outbox-author', displayName: 'Outbox author' });
    const neutral = await createTestUser({ username: 'outbox-neutral', displayName: 'Neutral reader', email: 'neutral.reader@example.org' });
    const detailed = await createTestUser({ username: 'outbox-detailed', email: 'detailed@example.org' });
    setEmailPreferences(neutral, { emailFrequency: 'immediate' });
    setEmailPreferences(detailed, { emailFrequency: 'immediate', emailDetail: 'full' });
    const { threadId, postId } = insertThreadWithPost({ title: 'A private matter', text: 'Words for members', authorId });
    for (const userId of [neutral, detailed]) insertNotification({ userId, actorId: authorId, threadId, postId });
    const transport = memoryTransport();
    for (const userId of [neutral, detailed]) await mailWaitingNotifications(testDb(), transport, { userId, mode: 'immediate', now: Date.now() });

    const admin = personas.viewers.admin;
    const list = listEmailsForAdmin(admin);
    expect(list.map((email) => [email.recipientName, email.recipientAddress, email.kind, email.transport])).toEqual([
      ['outbox-detailed', 'd•••@example.org', 'notification', 'file'],
      ['Neutral reader', 'n•••@example.org', 'notification', 'file'],
    ]);
    expect(JSON.stringify(list)).not.toContain('neutral.reader@');

    const neutralEmail = getEmailForAdmin(admin, list[1]!.id);
    expect(neutralEmail.text).toContain('You have 1 new notification.');
    expect(neutralEmail.text).toMatch(/unsubscribe\?u=\w+&t=…/);
    expect(neutralEmail.text).not.toMatch(/t=[A-Za-z0-9_-]{43}/);
    expect(getEmailForAdmin(admin, list[0]!.id).text).toBeNull();
  });

  it('rejects a viewer without rights', () => {
    for (const name of ['anonymous', 'organisationMember', 'moderator'] as const) {
      expect(() => listEmailsForAdmin(personas.viewers[name])).toThrow();
      expect(() => getEmailForAdmin(personas.viewers[name], 'any')).toThrow();
    }
    expectAppError(thrownBy(() => listEmailsForAdmin(personas.viewers.moderator)), 'forbidden');
    expectAppError(thrownBy(() => getEmailForAdmin(personas.viewers.admin, 'no-such-email')), 'not_found');
  });
});
