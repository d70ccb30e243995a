import 'server-only';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import { getEnv } from '@/lib/env';

/** One message, ready to go: everything in it was escaped and checked when it was composed. */
export type OutgoingEmail = {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
};

/** Where messages go. `transport` names it for the record: `smtp`, or the file a message was written to. */
export type MailTransport = {
  send: (message: OutgoingEmail) => Promise<{ transport: string }>;
};

// Nodemailer can fetch attachments and images from URLs and files named in a message; ours carry none, and
// nothing a member typed may ever make the server read a file or call another host.
const safeMessage = (message: OutgoingEmail): Mail.Options => ({ ...message, disableFileAccess: true, disableUrlAccess: true });

/** SMTP, for production: `SMTP_URL` such as `smtps://user:password@mail.example.org:465`. */
export function createSmtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport(url);
  return {
    async send(message) {
      await transporter.sendMail(safeMessage(message));
      return { transport: 'smtp' };
    },
  };
}

/**
 * The demo and development transport: each message becomes an .eml file (open it in any mail program),
 * readable by this account only, in a folder only this account may list. No server is needed.
 */
export function createFileTransport(directory: string): MailTransport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(message) {
      const info = await transporter.sendMail(safeMessage(message));
      fs.mkdirSync(directory, { recursive: true, mode: 0o700 });
      const file = path.join(directory, `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}.eml`);
      // `wx`: never overwrite; the mode applies when the file is created.
      fs.writeFileSync(file, info.message as Buffer, { mode: 0o600, flag: 'wx' });
      return { transport: path.resolve(file) };
    },
  };
}

/** SMTP when `SMTP_URL` is set, otherwise files under `$DATA_DIR/mail`. */
export function transportFromEnv(): MailTransport {
  const env = getEnv();
  return env.SMTP_URL ? createSmtpTransport(env.SMTP_URL) : createFileTransport(path.resolve(env.DATA_DIR, 'mail'));
}
