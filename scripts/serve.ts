import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { getDb, openDatabase } from '../db/client';
import { defaultMailTransport } from '../lib/email/mailer';
import { createJobHandlers } from '../lib/jobs/handlers';
import { startJobRunner } from '../lib/jobs/runner';
import { readOrCreateSecret, startMeilisearch, type MeiliProcess } from '../lib/search/meili-process';
import { searchTargetFromEnv } from '../lib/search/target';
import { prepareSearchIndex, startSearchWorker } from '../lib/search/worker';
import { runningPidFile, searchRebuildMarker } from '../lib/backup/backup';
import { prepareDatabase, resolvePaths } from './prepare';

// `npm start`, `npm run demo` and `npm run dev`: prepares the data folder, runs migrations (and the demo
// seed), starts Meilisearch unless MEILI_HOST points at one, then the web server. If either child dies,
// both stop; SIGINT and SIGTERM stop both cleanly.

const isDemo = process.argv.includes('--demo');
const isDev = process.argv.includes('--dev');
const port = process.env.PORT ?? '3000';
const { dataDir, databasePath } = resolvePaths();
// Says the site is running on this data folder (`npm run restore` refuses while it is).
const pidFile = runningPidFile(dataDir);
fs.mkdirSync(dataDir, { recursive: true });
fs.writeFileSync(pidFile, `${process.pid}\n`);
process.once('exit', () => fs.rmSync(pidFile, { force: true }));

const credentials = await prepareDatabase({ dataDir, databasePath, demo: isDemo });
const authSecret = process.env.AUTH_SECRET ?? readOrCreateSecret(path.join(dataDir, 'auth-secret'));
// The job runner below runs in this process and reads its configuration like the web server does
// (getDb(), getEnv()): set it before anything calls them.
process.env.DATA_DIR = dataDir;
process.env.DATABASE_PATH = databasePath;
process.env.AUTH_SECRET = authSecret;
process.env.PORT = port;

let meili: MeiliProcess | null = null;
let meiliHost = process.env.MEILI_HOST;
let meiliKey = process.env.MEILI_MASTER_KEY;
if (!meiliHost) {
  meili = await startMeilisearch({ dataDir, quiet: true, port: Number(process.env.MEILI_PORT ?? 7700) });
  meiliHost = meili.host;
  meiliKey = meili.masterKey;
  process.stdout.write(`Meilisearch running at ${meiliHost} (data in ${path.join(dataDir, 'meili')})\n`);
}

// Index settings are applied (and a stale or empty index rebuilt) before the web server serves a search.
// The outbox worker runs here, beside the web server, and keeps the index in step with SQLite.
const workerDb = openDatabase(databasePath);
const searchTarget = searchTargetFromEnv({ ...process.env, MEILI_HOST: meiliHost, MEILI_MASTER_KEY: meiliKey });
// After `npm run restore`, the index is rebuilt from the restored database whatever its size.
const rebuildMarker = searchRebuildMarker(dataDir);
const searchWorker = startSearchWorker(workerDb, searchTarget, (line) => process.stdout.write(`${line}\n`), {
  rebuild: fs.existsSync(rebuildMarker),
  onPrepared: () => fs.rmSync(rebuildMarker, { force: true }),
});
// An external Meilisearch that is down does not stop the site: the worker keeps trying and catches up.
await searchWorker.ready;

// Background jobs (emails, digests, reminders) run here too, one at a time, from the jobs table: a job
// queued by any request survives a restart of either process.
const jobRunner = startJobRunner({
  db: getDb(),
  handlers: createJobHandlers({ db: getDb(), transport: defaultMailTransport() }),
  log: (line) => process.stdout.write(`${line}\n`),
});

const web = spawn(process.execPath, ['--import', 'tsx', path.join('scripts', 'next-server.ts'), ...(isDev ? ['--dev'] : [])], {
  stdio: 'inherit',
  env: {
    ...process.env,
    NODE_ENV: isDev ? 'development' : 'production',
    PORT: port,
    DATA_DIR: dataDir,
    DATABASE_PATH: databasePath,
    AUTH_SECRET: authSecret,
    AUTH_TRUST_HOST: 'true',
    MEILI_HOST: meiliHost,
    MEILI_MASTER_KEY: meiliKey ?? '',
  },
});

if (credentials) {
  // One account per role worth trying first; the file has all of them.
  const shown = ['admin', 'moderator', 'facilitator', 'animatrice', 'editor', 'redacteur', 'member', 'participant', 'membre'];
  const rows = shown.map((username) => credentials.find((credential) => credential.username === username)).filter((row) => row !== undefined);
  process.stdout.write(
    `\nBaraza demo network on http://localhost:${port}\nDemo sign-ins (all ${credentials.length} are in ${path.join(dataDir, 'demo-credentials.json')}):\n` +
      rows.map((row) => `  ${row.username.padEnd(12)} ${row.password}   ${row.persona}`).join('\n') +
      '\n\n',
  );
}

let stopping = false;
async function stopAll(code: number) {
  if (stopping) return;
  stopping = true;
  if (web.exitCode === null && web.signalCode === null) web.kill('SIGTERM');
  await Promise.all([searchWorker.stop(), jobRunner.stop()]);
  workerDb.$client.close();
  await meili?.stop();
  process.exit(code);
}

web.once('exit', (code) => void stopAll(code ?? 1));
meili?.child.once('exit', () => {
  if (!stopping) process.stderr.write('Meilisearch stopped unexpectedly; stopping Baraza.\n');
  void stopAll(1);
});
process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));
