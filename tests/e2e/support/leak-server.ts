import fs from 'node:fs';
import path from 'node:path';
import { leakDataDir } from './env';
import { startMailbox } from './mailbox';

// The leak crawl's web server: a fresh data folder holding only the leak fixture (tests/e2e/support/leak-fixture.ts),
// written before the real start script (scripts/serve.ts: SQLite file, Meilisearch child process, built app)
// takes over, which then indexes it and sends its emails to this folder's mailbox.
// Run with `tsx --conditions=react-server` from the repository root; playwright.config.ts sets the env.
fs.rmSync(leakDataDir, { recursive: true, force: true });
fs.mkdirSync(leakDataDir, { recursive: true });
process.env.DATA_DIR = leakDataDir;
process.env.DATABASE_PATH = path.join(leakDataDir, 'baraza.db');
delete process.env.MEILI_HOST;
delete process.env.MEILI_MASTER_KEY;
const mailbox = await startMailbox(path.join(leakDataDir, 'mailbox'));
process.env.SMTP_URL = mailbox.url;

// The seed's mutations read the environment once (lib/env.ts): the secret the server will use must be there first.
const { readOrCreateSecret } = await import('../../../lib/search/meili-process');
process.env.AUTH_SECRET ??= readOrCreateSecret(path.join(leakDataDir, 'auth-secret'));
const { prepareDatabase } = await import('../../../scripts/prepare');
await prepareDatabase({ dataDir: leakDataDir, databasePath: process.env.DATABASE_PATH, demo: false });
const { seedLeakFixture } = await import('./leak-fixture');
const manifest = await seedLeakFixture();
fs.writeFileSync(path.join(leakDataDir, 'leak-manifest.json'), JSON.stringify(manifest, null, 2));
// The hostile world shares this server: its pages must stay inert among everything else.
const { seedHostileFixture } = await import('./hostile-fixture');
const hostile = await seedHostileFixture({ organisationId: manifest.organisationId, eventId: manifest.eventId, recipientId: manifest.userIds.organisationMember, caseStudyId: manifest.caseStudyIds[0]! });
fs.writeFileSync(path.join(leakDataDir, 'hostile-manifest.json'), JSON.stringify(hostile, null, 2));
await import('../../../scripts/serve');
