import fs from 'node:fs';
import { e2eDataDir } from './env';
import { startMailbox } from './mailbox';

// The web server for the browser journeys: a fresh demo network in its own data folder on every run,
// then the real start script (SQLite file, Meilisearch child process, the built Next app).
// Run with `tsx --conditions=react-server` from the repository root; playwright.config.ts sets the env.
fs.rmSync(e2eDataDir, { recursive: true, force: true });
fs.mkdirSync(e2eDataDir, { recursive: true });
process.env.DATA_DIR = e2eDataDir;
// Always the embedded child process and the folder's own database, whatever the calling shell has set.
delete process.env.DATABASE_PATH;
delete process.env.MEILI_HOST;
delete process.env.MEILI_MASTER_KEY;
// Email goes through real SMTP to a capturing server the journeys read (tests/e2e/support/mailbox.ts).
const mailbox = await startMailbox();
process.env.SMTP_URL = mailbox.url;
process.argv.push('--demo');
await import('../../../scripts/serve');
