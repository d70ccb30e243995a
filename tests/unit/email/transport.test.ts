import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailMessages } from '@/db/schema/notifications';
import { createJobHandlers } from '@/lib/jobs/handlers';
import { enqueueJob } from '@/lib/jobs/queue';
import { runNextJob } from '@/lib/jobs/runner';
import { createFileTransport, createSmtpTransport, type OutgoingEmail } from '@/lib/email/transport';
import { testDb } from '../../support/database';
import { insertNotification, insertThreadWithPost, setEmailPreferences } from '../../support/email';
import { createTestUser } from '../../support/personas';

// The two real transports: .eml files for the demo (nothing to install), SMTP in production. The SMTP one is
// tested against a real SMTP server on a local port (smtp-server, the counterpart of nodemailer).

const message: OutgoingEmail = {
  from: 'Baraza <no-reply@baraza.invalid>',
  to: 'member@example.org',
  subject: 'Vous avez une nouvelle activité',
  text: 'Vous avez 1 nouvelle notification.',
  html: '<!doctype html><html lang="fr"><body><p>Vous avez 1 nouvelle notification.</p></body></html>',
  headers: { 'List-Unsubscribe': '<http://localhost:3000/api/email/unsubscribe?u=abc&t=def>', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click', 'Auto-Submitted': 'auto-generated' },
};

describe('the file transport', () => {
  it('writes each message as an .eml file only this account can read', async () => {
    const directory = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'baraza-mail-')), 'mail');
    const transport = createFileTransport(directory);
    const { transport: file } = await transport.send(message);
    const second = await transport.send(message);
    expect(path.dirname(file)).toBe(path.resolve(directory));
    expect(file).toMatch(/\.eml$/);
    expect(second.transport).not.toBe(file);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(directory).mode & 0o777).toBe(0o700);
    const eml = fs.readFileSync(file, 'utf8');
    expect(eml).toMatch(/^List-Unsubscribe: <http:\/\/localhost:3000\/api\/email\/unsubscribe\?u=abc&t=def>$/m);
    expect(eml).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
    expect(eml).toMatch(/^Auto-Submitted: auto-generated$/m);
    expect(eml).toMatch(/^To: member@example.org$/m);
    expect(eml).toContain('Content-Type: text/plain');
    expect(eml).toContain('Content-Type: text/html');
    fs.rmSync(path.dirname(directory), { recursive: true, force: true });
  });
});

describe('the SMTP transport', () => {
  const received: { from: string; to: string[]; data: string }[] = [];
  let refuseNext = 0;
  let server: SMTPServer;
  let port: number;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        let data = '';
        stream.setEncoding('utf8');
        stream.on('data', (chunk: string) => (data += chunk));
        stream.on('end', () => {
          if (refuseNext > 0) {
            refuseNext--;
            const error = Object.assign(new Error('Try again later'), { responseCode: 451 });
            return callback(error);
          }
          received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((rcpt) => rcpt.address), data });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('delivers with the unsubscribe headers', async () => {
    const result = await createSmtpTransport(`smtp://127.0.0.1:${port}`).send(message);
    expect(result).toEqual({ transport: 'smtp' });
    const delivered = received.at(-1)!;
    expect(delivered.from).toBe('no-reply@baraza.invalid');
    expect(delivered.to).toEqual(['member@example.org']);
    expect(delivered.data).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
  });

  it('a server that refuses once: the job retries and the email goes out once, recorded as smtp', async () => {
    const authorId = await createTestUser({ username: 'smtp-author' });
    const userId = await createTestUser({ username: 'smtp-member', email: 'smtp-member@example.org' });
    setEmailPreferences(userId, { emailFrequency: 'immediate' });
    const { threadId, postId } = insertThreadWithPost({ title: 'A thread', text: 'A reply', authorId });
    insertNotification({ userId, actorId: authorId, threadId, postId });
    enqueueJob(testDb(), { kind: 'email.notifications', payload: { userId }, uniqueKey: `email.notifications:${userId}` });

    refuseNext = 1;
    const before = received.length;
    const t0 = Date.now();
    const handlers = createJobHandlers({ db: testDb(), transport: createSmtpTransport(`smtp://127.0.0.1:${port}`), now: () => t0 });
    const first = await runNextJob(testDb(), handlers, { now: t0 });
    expect(first?.outcome).toMatchObject({ status: 'pending', attempts: 1 });
    expect(first?.job.kind).toBe('email.notifications');
    expect(received.length).toBe(before);

    const second = await runNextJob(testDb(), handlers, { now: t0 + 30_000 });
    expect(second?.outcome).toEqual({ status: 'done' });
    expect(received.length).toBe(before + 1);
    expect(received.at(-1)!.to).toEqual(['smtp-member@example.org']);
    expect(testDb().select({ transport: emailMessages.transport }).from(emailMessages).where(eq(emailMessages.userId, userId)).all()).toEqual([{ transport: 'smtp' }]);
  });
});
