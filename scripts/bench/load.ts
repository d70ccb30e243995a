import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../../db/client';
import { addMembership, addParticipant, insertUser } from '../../db/seed/factories';
import { hashPassword } from '../../lib/auth/passwords';
import { prepareDatabase } from '../prepare';
import { MemberClient, type Outcome } from './load-client';
import { progress, sleep, summarise, type Summary } from './stats';
import { benchRoot } from './workspace';

// `npm run bench:load`: 50 members using the real app at once for several minutes. The production build
// (its own folder, .next-bench) is served by the real start script (SQLite file, Meilisearch child process)
// on the demo network plus 50 load accounts. Each member signs in through the sign-in form, then loops over
// a mix of pages and writes: 80% reads (home, lists, case studies, threads, themes, search, directory,
// notifications), 10% following or unfollowing a discussion, 10% replying to one (at most 10 replies a member,
// within the posting limit of 12 per 10 minutes; beyond it, a follow instead). Two phases on the same server:
// members who click again the moment a page arrives (what the machine can serve at most), then members who
// read each page for 1 to 5 s. Reported per phase: requests per second, latency (request to last byte) per
// kind, errors; for the run: SQLite busy errors in the server's output, memory of the server processes, and
// whether every acknowledged reply is in the database. Results: .bench-data/results-load.json.
//   --duration <seconds>   per phase, default 180     --members <n>   default 50
//   --quick                30 s a phase, for a smoke test      --no-build   reuse .next-bench as it is

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const quick = args.includes('--quick');
const durationMs = Number(option('--duration') ?? (quick ? 30 : 180)) * 1000;
const memberCount = Number(option('--members') ?? 50);
const port = 3400;
const origin = `http://localhost:${port}`;
const distDir = '.next-bench';
const replyLimit = 10;

type Kind = 'read' | 'follow' | 'reply' | 'sign-in';
type Sample = { kind: Kind; ms: number; status: number; error?: string };

function build() {
  if (args.includes('--no-build') && fs.existsSync(path.join(distDir, 'BUILD_ID'))) return;
  progress(`building the app into ${distDir} (next build)...`);
  execFileSync('npx', ['next', 'build'], { env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: '1' }, stdio: ['ignore', 'ignore', 'inherit'] });
}

/** The demo network plus the load accounts, members of the demo's organisations and participants of LSE 1. */
async function prepareData(dir: string): Promise<{ username: string; password: string }[]> {
  const databasePath = path.join(dir, 'baraza.db');
  await prepareDatabase({ dataDir: dir, databasePath, demo: true });
  const db = openDatabase(databasePath);
  try {
    const password = 'load-run-password-1';
    const passwordHash = await hashPassword(password);
    const organisations = db.$client.prepare("select id from organisations where slug <> 'secretariat' order by slug").all() as { id: string }[];
    const event = db.$client.prepare("select id from events where slug = 'lse-1'").get() as { id: string };
    return db.transaction(() =>
      Array.from({ length: memberCount }, (_, index) => {
        const username = `load-${index + 1}`;
        const userId = insertUser(db, { username, displayName: `Load member ${index + 1}`, passwordHash });
        addMembership(db, userId, organisations[index % organisations.length]!.id);
        addParticipant(db, event.id, userId, 'participant');
        return { username, password };
      }),
    );
  } finally {
    db.$client.close();
  }
}

/** What members read, from the database: published pages a member may open, and search words. */
function readablePaths(databasePath: string): { reads: string[]; threads: string[] } {
  const db = new Database(databasePath, { readonly: true });
  try {
    const ids = (sql: string) => (db.prepare(sql).all() as { id: string }[]).map((row) => row.id);
    const caseStudies = ids("select id from case_studies where status = 'published' and visibility in ('public', 'members') limit 20");
    const threads = ids("select id from threads where visibility in ('public', 'members') and locked_at is null limit 20");
    const themes = ids("select id from themes where visibility in ('public', 'members') limit 10");
    const searches = ['peer', 'safety', 'stigma', 'paralegal', 'sante', 'police', 'youth', 'harm reduction'].map((word) => `/search?q=${encodeURIComponent(word)}`);
    const lists = ['/', '/case-studies', '/discussions', '/themes', '/stories', '/events', '/directory', '/notifications', '/organisations'];
    return { reads: [...lists, ...searches, ...caseStudies.map((id) => `/case-studies/${id}`), ...threads.map((id) => `/threads/${id}`), ...themes.map((id) => `/themes/${id}`)], threads };
  } finally {
    db.close();
  }
}

/** Resident memory (MB) of a process and all its descendants, and of the Meilisearch process among them. */
function memoryOf(rootPid: number): { totalMb: number; meiliMb: number } {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,rss=,comm='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .map(([pid, ppid, rss, ...command]) => ({ pid: Number(pid), ppid: Number(ppid), rssKb: Number(rss), command: command.join(' ') }));
  const tree = new Set([rootPid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const row of rows) if (tree.has(row.ppid) && !tree.has(row.pid)) (tree.add(row.pid), (grew = true));
  }
  const inTree = rows.filter((row) => tree.has(row.pid));
  const mb = (kb: number) => Math.round(kb / 1024);
  return { totalMb: mb(inTree.reduce((sum, row) => sum + row.rssKb, 0)), meiliMb: mb(inTree.filter((row) => /meili/i.test(row.command)).reduce((sum, row) => sum + row.rssKb, 0)) };
}

async function waitForHealth(deadline: number) {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${origin}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  throw new Error('the server did not become healthy');
}

const pick = <T>(items: readonly T[]) => items[Math.floor(Math.random() * items.length)]!;

/** A member's session for the whole run: the client signs in once; each phase then runs `loop` with its own pacing. */
type Member = { client: MemberClient; credentials: { username: string; password: string }; replies: number };

async function signInMember(credentials: { username: string; password: string }, samples: Sample[]): Promise<Member> {
  const client = new MemberClient(origin);
  const { record, attempt } = recorder(samples);
  const signInPage = await client.get('/sign-in');
  await attempt('sign-in', async () => record('sign-in', await client.submit('/sign-in', signInPage.body, 'name="identifier"', { identifier: credentials.username, password: credentials.password }), !client.isSignedIn));
  return { client, credentials, replies: 0 };
}

function recorder(samples: Sample[]) {
  const record = (kind: Kind, outcome: Outcome, refused = false) => {
    const failed = outcome.status >= 400 || refused || /<title>[^<]*(Something went wrong|Une erreur)/.test(outcome.body);
    samples.push({ kind, ms: outcome.ms, status: outcome.status, ...(failed ? { error: `${kind} ${outcome.status}${refused ? ' refused' : ''}` } : {}) });
    return !failed;
  };
  const attempt = async (kind: Kind, run: () => Promise<boolean>) => {
    try {
      return await run();
    } catch (error) {
      samples.push({ kind, ms: 0, status: 0, error: `${kind} ${(error as Error).message}` });
      return false;
    }
  };
  return { record, attempt };
}

/** Loops until the deadline; `pauseMs` is the time a member spends on a page before the next request. */
async function loop(member: Member, paths: { reads: string[]; threads: string[] }, deadline: number, pauseMs: () => number, runId: string, samples: Sample[], acknowledged: { replies: number }) {
  const { client, credentials } = member;
  const { record, attempt } = recorder(samples);
  let count = 0;
  while (Date.now() < deadline) {
    count += 1;
    const pause = pauseMs();
    if (pause) await sleep(pause);
    const roll = Math.random();
    if (roll < 0.8) {
      await attempt('read', async () => record('read', await client.get(pick(paths.reads))));
      continue;
    }
    // A write starts where a member would: on the thread's page (itself a read).
    const threadPath = `/threads/${pick(paths.threads)}`;
    const page = await client.get(threadPath);
    if (!record('read', page)) continue;
    if (roll < 0.9 || member.replies >= replyLimit) {
      // The form says which way the toggle goes (follow or unfollow).
      await attempt('follow', async () => record('follow', await client.submit(threadPath, page.body, 'name="follow"', {})));
    } else {
      await attempt('reply', async () => {
        const outcome = await client.submit(threadPath, page.body, 'name="threadId"', { text: `Load run ${runId} reply by ${credentials.username} (${count}): what worked for us was meeting weekly.` });
        // The page shows the form's own error as an alert; a posted reply shows the post.
        const ok = record('reply', outcome, /role="alert"/.test(outcome.body));
        if (ok) {
          member.replies += 1;
          acknowledged.replies += 1;
        }
        return ok;
      });
    }
  }
}

/** This shell's environment without a search engine or mail relay of its own: the run uses the embedded ones. */
function serverEnv(): NodeJS.ProcessEnv {
  const { MEILI_HOST: _host, MEILI_MASTER_KEY: _key, SMTP_URL: _smtp, DATABASE_PATH: _database, ...rest } = process.env;
  return rest;
}

const verdict = (pass: boolean) => (pass ? 'PASS' : 'FAIL');
const sum = (summary: Summary, samples: Sample[]) => ({ ...summary, errors: samples.filter((sample) => sample.error).length });

async function main() {
  build();
  fs.mkdirSync(benchRoot, { recursive: true });
  const dir = fs.mkdtempSync(path.join(benchRoot, 'load-'));
  const runId = path.basename(dir);
  progress(`seeding the demo network and ${memberCount} load members in ${dir}...`);
  const accounts = await prepareData(dir);
  const databasePath = path.join(dir, 'baraza.db');
  const log = fs.openSync(path.join(dir, 'server.log'), 'w');
  const server = spawn(process.execPath, ['--import', 'tsx', '--conditions=react-server', path.join('scripts', 'serve.ts')], {
    env: { ...serverEnv(), DATA_DIR: dir, DATABASE_PATH: databasePath, PORT: String(port), MEILI_PORT: '7740', NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', log, log],
  });
  const memory: { totalMb: number; meiliMb: number }[] = [];
  let sampler: NodeJS.Timeout | undefined;
  try {
    await waitForHealth(Date.now() + 120_000);
    const paths = readablePaths(databasePath);
    sampler = setInterval(() => memory.push(memoryOf(server.pid!)), 1000);
    const signIns: Sample[] = [];
    const members = await Promise.all(accounts.map((account) => signInMember(account, signIns)));
    const acknowledged = { replies: 0 };
    const phases = [
      // Every member clicks again the moment a page arrives: what the machine can serve at most.
      { name: 'no pause', pauseMs: () => 0 },
      // Members reading a page for 1 to 5 s before the next click: closer to a real Learning and Sharing Event.
      { name: 'pausing 1-5 s', pauseMs: () => 1000 + Math.random() * 4000 },
    ];
    const results: Record<string, unknown> = { date: new Date().toISOString(), members: memberCount, signIn: sum(summarise(signIns.map((sample) => sample.ms)), signIns), phases: [] as unknown[] };
    const lines: string[] = [`Load run: ${memberCount} members signed in (p50 ${(results.signIn as Summary).p50.toFixed(0)} ms, errors ${(results.signIn as { errors: number }).errors}); ${paths.reads.length} pages, ${paths.threads.length} threads`];
    const row = (name: string, summary: Summary & { errors: number }) => `  ${name.padEnd(8)} ${String(summary.count).padStart(7)}  p50 ${summary.p50.toFixed(1).padStart(8)} ms  p95 ${summary.p95.toFixed(1).padStart(8)} ms  p99 ${summary.p99.toFixed(1).padStart(8)} ms  errors ${summary.errors}`;
    for (const phase of phases) {
      progress(`${phase.name}: ${memberCount} members for ${durationMs / 1000} s against ${origin}...`);
      const samples: Sample[] = [];
      const started = performance.now();
      const deadline = Date.now() + durationMs;
      await Promise.all(members.map((entry) => loop(entry, paths, deadline, phase.pauseMs, runId, samples, acknowledged)));
      const elapsedS = (performance.now() - started) / 1000;
      const byKind = (kind: Kind) => samples.filter((sample) => sample.kind === kind && sample.status > 0);
      const timed = samples.filter((sample) => sample.status > 0);
      const measured = {
        name: phase.name,
        durationS: Math.round(elapsedS),
        loadAverage: os.loadavg().map((value) => Math.round(value * 100) / 100),
        requests: timed.length,
        requestsPerSecond: Math.round((timed.length / elapsedS) * 10) / 10,
        overall: sum(summarise(timed.map((sample) => sample.ms)), timed),
        read: sum(summarise(byKind('read').map((sample) => sample.ms)), byKind('read')),
        follow: sum(summarise(byKind('follow').map((sample) => sample.ms)), byKind('follow')),
        reply: sum(summarise(byKind('reply').map((sample) => sample.ms)), byKind('reply')),
        errors: samples.filter((sample) => sample.error).length,
        errorKinds: Object.fromEntries([...new Set(samples.flatMap((sample) => (sample.error ? [sample.error] : [])))].map((error) => [error, samples.filter((sample) => sample.error === error).length])),
      };
      (results.phases as unknown[]).push(measured);
      lines.push(
        `${phase.name}: ${measured.durationS} s, ${measured.requests} requests, ${measured.requestsPerSecond} req/s (load average ${measured.loadAverage.join(' ')})`,
        row('all', measured.overall),
        row('read', measured.read),
        row('follow', measured.follow),
        row('reply', measured.reply),
        `  ${verdict(measured.errors === 0)} errors: ${measured.errors} ${JSON.stringify(measured.errorKinds)}`,
      );
    }
    clearInterval(sampler);

    const serverLog = fs.readFileSync(path.join(dir, 'server.log'), 'utf8');
    const busy = (serverLog.match(/SQLITE_BUSY|database is locked/g) ?? []).length;
    const db = new Database(databasePath, { readonly: true });
    const stored = (db.prepare('select count(*) as count from posts where plain_text like ?').get(`Load run ${runId} reply%`) as { count: number }).count;
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check).join(', ');
    db.close();
    Object.assign(results, {
      sqliteBusy: busy,
      memoryMb: { peak: Math.max(...memory.map((entry) => entry.totalMb)), final: memory.at(-1)?.totalMb ?? 0, meilisearchPeak: Math.max(...memory.map((entry) => entry.meiliMb)) },
      replies: { acknowledged: acknowledged.replies, stored, allPresent: stored === acknowledged.replies },
      integrity,
    });
    const memoryMb = results.memoryMb as { peak: number; final: number; meilisearchPeak: number };
    fs.writeFileSync(path.join(benchRoot, 'results-load.json'), `${JSON.stringify(results, null, 2)}\n`);
    lines.push(
      `${verdict(busy === 0)} database busy errors in the server's output: ${busy}`,
      `${verdict(stored === acknowledged.replies)} replies acknowledged ${acknowledged.replies}, stored ${stored}; integrity ${integrity}`,
      `memory (start script, Next server and Meilisearch): peak ${memoryMb.peak} MB, at the end ${memoryMb.final} MB (Meilisearch peak ${memoryMb.meilisearchPeak} MB)`,
      `Results: ${path.join(benchRoot, 'results-load.json')}`,
      '',
    );
    process.stdout.write(lines.join('\n'));
  } finally {
    if (sampler) clearInterval(sampler);
    server.kill('SIGTERM');
    await new Promise<void>((resolve) => (server.exitCode !== null ? resolve() : server.once('exit', () => resolve())));
    fs.closeSync(log);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
