import fs from 'node:fs';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { e2eDataDir } from './env';

/** Where the test SMTP server leaves every message it receives, one .eml file each. */
export const mailboxDir = path.join(e2eDataDir, 'mailbox');

/**
 * A real SMTP server for the browser journeys: Baraza sends to it through SMTP_URL exactly as it would to
 * a production relay, and tests read what arrived. Plain SMTP on 127.0.0.1, no authentication.
 */
export async function startMailbox(dir = mailboxDir): Promise<{ url: string; stop: () => Promise<void> }> {
  fs.mkdirSync(dir, { recursive: true });
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const recipients = session.envelope.rcptTo.map((address) => address.address).join(',');
        count += 1;
        fs.writeFileSync(path.join(dir, `${Date.now()}-${count}-${recipients.replace(/[^a-z0-9@.,-]/gi, '_')}.eml`), Buffer.concat(chunks));
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `smtp://127.0.0.1:${port}`, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export type ReceivedMail = { file: string; to: string; raw: string; subject: string; /** The raw message with quoted-printable undone, to search for words that must (not) be there. */ decoded: string };

/** Undoes quoted-printable soft line breaks and =XX escapes, so a word split by the encoding is found. */
function decodeQuotedPrintable(raw: string): string {
  const joined = raw.replace(/=\r?\n/g, '');
  return Buffer.from(joined.replace(/=([0-9A-F]{2})/g, (_match, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))), 'latin1').toString('utf8');
}

/** Messages received so far for one address, oldest first. */
export function mailFor(address: string, dir = mailboxDir): ReceivedMail[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .sort()
    .filter((file) => file.split('-').slice(2).join('-').replace(/\.eml$/, '').split(',').includes(address))
    .map((file) => {
      const raw = fs.readFileSync(path.join(dir, file), 'utf8');
      const subject = /^Subject: (.*)$/im.exec(raw)?.[1]?.trim() ?? '';
      return { file, to: address, raw, subject, decoded: decodeQuotedPrintable(raw) };
    });
}
