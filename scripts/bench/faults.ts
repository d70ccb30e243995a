import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import Database from 'better-sqlite3';
import { openDatabase } from '../../db/client';
import { addMembership, insertCaseStudy, insertOrganisation, insertUser } from '../../db/seed/factories';
import { findViewer } from '../../lib/accounts/queries';
import { isStorageFull } from '../../lib/errors';
import { expectedDocumentCount } from '../../lib/search/documents';
import { enqueueSearch } from '../../lib/search/outbox';
import { startMeilisearch, type MeiliProcess } from '../../lib/search/meili-process';
import { startSearchWorker } from '../../lib/search/worker';
import { recordStory, storyInputFor } from './fault-writer-input';
import { progress } from './stats';
import { benchRoot, createWorkspace, type Workspace } from './workspace';

// `npm run bench:faults`: what a crash, a search engine outage, a full disk and sustained writes do to the
// data, against a real SQLite file, real Meilisearch processes and the app's own write path. Each run
// reports what it measured and whether its promise held; a broken promise is a measurement, printed as
// FAIL, and the exit code is 0 unless the bench itself failed. Results: .bench-data/results-faults.json.
//   crash       kill -9 of a process writing as fast as it can, 5 times: every acknowledged write present, integrity ok
//   search      Meilisearch killed (-9) while members write, then restarted: the index catches up from the outbox
//   disk full   SQLite's page limit reached mid-burst: a clear error, no corruption, writing resumes once there is room
//   wal         40 s of writes beside a busy reader: the write-ahead log stays bounded

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Check = { name: string; pass: boolean; detail: string };
const checks: Check[] = [];
const check = (name: string, pass: boolean, detail: string) => {
  checks.push({ name, pass, detail });
  progress(`${pass ? 'PASS' : 'FAIL'} ${name}: ${detail}`);
};

type Writer = { userId: string; organisationId: string; caseStudyId: string };

/** A member of an organisation with a published case study, who may record stories applying it. */
function createWriter(workspace: Workspace, name: string): Writer {
  const organisation = insertOrganisation(workspace.db, { name: `Fault bench ${name}`, type: 'kp_led', countryCode: 'KE' });
  const userId = insertUser(workspace.db, { username: `fault-${name}`, passwordHash: 'not-used' });
  addMembership(workspace.db, userId, organisation.id);
  const caseStudyId = insertCaseStudy(workspace.db, { organisationId: organisation.id, title: `What ${name} learned`, language: 'en', sections: {}, authorIds: [userId], status: 'published', visibility: 'members' });
  return { userId, organisationId: organisation.id, caseStudyId };
}

function integrityOf(databasePath: string): string {
  const connection = new Database(databasePath, { readonly: true });
  try {
    return (connection.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check).join(', ');
  } finally {
    connection.close();
  }
}

/** Starts the writer process, lets it run `runMs`, kills it with SIGKILL, and returns the ids it acknowledged. */
async function killWriterAfter(databasePath: string, writer: Writer, runMs: number): Promise<string[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=react-server', path.join('scripts', 'bench', 'fault-writer.ts'), writer.userId, writer.organisationId, writer.caseStudyId], {
    env: { ...process.env, DATABASE_PATH: databasePath },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const acknowledged: string[] = [];
  readline.createInterface({ input: child.stdout }).on('line', (line) => acknowledged.push(line.trim()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // The clock starts at its first acknowledged write (start-up takes a while).
  while (!acknowledged.length && child.exitCode === null) await sleep(20);
  await sleep(runMs);
  child.kill('SIGKILL');
  await exited;
  return acknowledged;
}

async function crashRun(workspace: Workspace) {
  const writer = createWriter(workspace, 'crash');
  let acknowledgedTotal = 0;
  let missingTotal = 0;
  const integrity: string[] = [];
  for (let round = 1; round <= 5; round += 1) {
    const acknowledged = await killWriterAfter(workspace.databasePath, writer, 400 + round * 300);
    const reader = new Database(workspace.databasePath, { readonly: true });
    const present = new Set((reader.prepare('select id from applied_stories where author_id = ?').all(writer.userId) as { id: string }[]).map((row) => row.id));
    reader.close();
    const missing = acknowledged.filter((id) => !present.has(id)).length;
    acknowledgedTotal += acknowledged.length;
    missingTotal += missing;
    integrity.push(integrityOf(workspace.databasePath));
    progress(`crash round ${round}: ${acknowledged.length} acknowledged, ${missing} missing, integrity ${integrity.at(-1)}`);
  }
  check('crash: every acknowledged write survives kill -9', missingTotal === 0 && acknowledgedTotal > 0, `${acknowledgedTotal} acknowledged writes over 5 kills, ${missingTotal} missing`);
  check('crash: the database is intact after each kill', integrity.every((result) => result === 'ok'), integrity.join(' / '));
  return { rounds: 5, acknowledged: acknowledgedTotal, missing: missingTotal, integrity };
}

async function indexedCount(workspace: Workspace): Promise<number> {
  return (await workspace.target.client.index(workspace.target.indexUid).getStats()).numberOfDocuments;
}

async function searchOutageRun(workspace: Workspace) {
  const workerDb = workspace.openWorkerDb();
  const worker = startSearchWorker(workerDb, workspace.target, (line) => progress(`search worker: ${line}`));
  await worker.ready;
  const addOrganisations = (from: number, count: number) => {
    for (let index = from; index < from + count; index += 1) {
      const organisation = insertOrganisation(workspace.db, { name: `Outage organisation ${index}`, type: 'implementing_partner', countryCode: 'SN' });
      enqueueSearch(workspace.db, 'organisation', organisation.id);
    }
  };
  const waitForIndex = async (timeoutMs: number) => {
    const started = performance.now();
    while (performance.now() - started < timeoutMs) {
      try {
        if ((await indexedCount(workspace)) === expectedDocumentCount(workspace.db)) return performance.now() - started;
      } catch {
        // Meilisearch still starting.
      }
      await sleep(100);
    }
    return null;
  };
  addOrganisations(0, 200);
  await waitForIndex(60_000);

  const port = Number(new URL(workspace.meili.host).port);
  workspace.meili.child.kill('SIGKILL');
  await new Promise((resolve) => workspace.meili.child.once('exit', resolve));
  // Members keep writing while search is down: writes must not fail.
  let failedWrites = 0;
  try {
    addOrganisations(200, 300);
  } catch {
    failedWrites += 1;
  }
  await sleep(1_000);
  const restartedAt = performance.now();
  restarted = await startMeilisearch({ dataDir: workspace.dir, quiet: true, port });
  if (Number(new URL(restarted.host).port) !== port) throw new Error(`Meilisearch restarted on another port (${restarted.host}); the worker still points at ${port}`);
  const caughtUpMs = await waitForIndex(120_000);
  const total = performance.now() - restartedAt;
  await worker.stop();
  check('search: writes succeed while Meilisearch is down', failedWrites === 0, `${failedWrites} failed writes of 300`);
  check(
    'search: the index catches up from the outbox after a restart',
    caughtUpMs !== null,
    caughtUpMs === null ? `not caught up after ${Math.round(total / 1000)} s` : `${expectedDocumentCount(workspace.db)} documents indexed ${(total / 1000).toFixed(1)} s after the restart`,
  );
  return { writtenWhileDown: 300, failedWrites, catchUpSeconds: caughtUpMs === null ? null : total / 1000 };
}

function diskFullRun(workspace: Workspace) {
  const writer = createWriter(workspace, 'disk');
  const viewer = findViewer(writer.userId, 1)!;
  const db = workspace.db.$client;
  const pageCount = (db.pragma('page_count', { simple: true }) as number) + 40;
  // A disk that fills: SQLite reports the same SQLITE_FULL whether the file system or this limit is reached.
  db.pragma(`max_page_count = ${pageCount}`);
  const acknowledged: string[] = [];
  let failure: unknown = null;
  for (let index = 0; index < 100_000 && !failure; index += 1) {
    try {
      acknowledged.push(recordStory({ viewer, input: storyInputFor(writer, `Disk full story ${index}`) }).id);
    } catch (error) {
      failure = error;
    }
  }
  const present = new Set((db.prepare('select id from applied_stories where author_id = ?').all(writer.userId) as { id: string }[]).map((row) => row.id));
  const missing = acknowledged.filter((id) => !present.has(id)).length;
  db.pragma('max_page_count = 4294967294');
  let resumed = false;
  try {
    recordStory({ viewer, input: storyInputFor(writer, 'Written once there is room again') });
    resumed = true;
  } catch {
    resumed = false;
  }
  const integrity = integrityOf(workspace.databasePath);
  check('disk full: a clear error, not a crash', isStorageFull(failure), failure instanceof Error ? `${(failure as { code?: string }).code}: ${failure.message} (members read errors.storage_full)` : 'no error raised');
  check('disk full: no write lost, no corruption, writing resumes', missing === 0 && integrity === 'ok' && resumed, `${acknowledged.length} written before it filled, ${missing} missing, integrity ${integrity}, resumed: ${resumed}`);
  return { writtenBeforeFull: acknowledged.length, error: (failure as { code?: string } | null)?.code ?? null, missing, integrity, resumed };
}

async function walRun(workspace: Workspace, seconds: number) {
  const writer = createWriter(workspace, 'wal');
  const viewer = findViewer(writer.userId, 1)!;
  const reader = openDatabase(workspace.databasePath);
  const walFile = `${workspace.databasePath}-wal`;
  let maxWal = 0;
  let writes = 0;
  let reads = 0;
  const started = performance.now();
  while (performance.now() - started < seconds * 1000) {
    for (let index = 0; index < 50; index += 1) {
      recordStory({ viewer, input: storyInputFor(writer, `WAL story ${writes}`) });
      writes += 1;
    }
    // A reader between batches, as pages are served while members write.
    reader.$client.prepare('select count(*) from applied_stories').get();
    reads += 1;
    if (fs.existsSync(walFile)) maxWal = Math.max(maxWal, fs.statSync(walFile).size);
    await sleep(0);
  }
  reader.$client.close();
  const limit = 64 * 1024 * 1024;
  check('wal: the write-ahead log stays bounded under sustained writes', maxWal < limit, `${writes} writes in ${seconds} s, largest WAL ${(maxWal / 1024 / 1024).toFixed(1)} MB (limit ${limit / 1024 / 1024} MB)`);
  return { seconds, writes, reads, maxWalBytes: maxWal };
}

const walSeconds = Number(process.argv.find((arg) => arg.startsWith('--wal-seconds='))?.split('=')[1] ?? 40);
let workspace: Workspace | undefined;
/** The Meilisearch started after the outage: the workspace only knows (and stops) the first one. */
let restarted: MeiliProcess | undefined;
const cleanUp = async () => {
  await restarted?.stop();
  await workspace?.remove();
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void cleanUp().finally(() => process.exit(130)));

try {
  workspace = await createWorkspace({ keep: process.argv.includes('--keep') });
  const results = {
    startedAt: new Date().toISOString(),
    crash: await crashRun(workspace),
    search: await searchOutageRun(workspace),
    diskFull: diskFullRun(workspace),
    wal: await walRun(workspace, walSeconds),
    checks,
  };
  fs.writeFileSync(path.join(benchRoot, 'results-faults.json'), `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`\nFault runs\n${checks.map((entry) => `  ${entry.pass ? 'PASS' : 'FAIL'}  ${entry.name}\n        ${entry.detail}`).join('\n')}\n`);
} catch (error) {
  process.stderr.write(`Fault bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
