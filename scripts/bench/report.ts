import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '../../db/client';
import type { SearchTarget } from '../../lib/search/target';
import type { FreshnessResult } from './freshness';
import type { IndexingResult } from './indexing';
import type { LatencyResult } from './latency';
import type { Network, NetworkSize } from './network';

// The targets of issue 6. A missed target is a finding, not a failure: the bench exits 0 either way.
export const targets = {
  indexingRatio: 0.8,
  searchP95Ms: 50,
  overheadP95Ms: 5,
  freshnessP95Ms: 2_000,
} as const;

export type MachineInfo = { cores: number; cpu: string; memoryGiB: number; loadAverage: number[]; platform: string; node: string; meilisearch: string; meilisearchClient: string; sqlite: string };

/** 1, 5 and 15 minute load averages: this machine is shared, so a busy neighbour shows up here. */
export function currentLoad(): number[] {
  return os.loadavg().map((value) => Math.round(value * 100) / 100);
}

export async function describeMachine(db: Db, target: SearchTarget): Promise<MachineInfo> {
  const clientPackage = JSON.parse(fs.readFileSync(path.join('node_modules', 'meilisearch', 'package.json'), 'utf8')) as { version: string };
  return {
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    loadAverage: currentLoad(),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    meilisearch: (await target.client.getVersion()).pkgVersion,
    meilisearchClient: clientPackage.version,
    sqlite: db.$client.prepare('select sqlite_version() as version').pluck().get() as string,
  };
}

export type Check = { name: string; measured: number; target: string; pass: boolean };

export type SearchBenchResults = {
  startedAt: string;
  durationSeconds: number;
  seed: number;
  size: NetworkSize;
  machine: MachineInfo;
  /** Load averages at phase boundaries (the bench itself adds up to about 2 on 2 cores). */
  loadAverage: Record<string, number[]>;
  network: Network['counts'] & { organisations: number; members: number; events: number; setupSeconds: number };
  indexing: IndexingResult;
  latency: LatencyResult;
  freshness: FreshnessResult;
  checks: Check[];
};

export function checksOf(indexing: IndexingResult, latency: LatencyResult, freshness: FreshnessResult): Check[] {
  return [
    { name: 'indexing: ours ÷ raw throughput', measured: indexing.ratio, target: `≥ ${targets.indexingRatio}`, pass: indexing.ratio >= targets.indexingRatio },
    { name: 'search p95 (ours, ms)', measured: latency.ours.p95, target: `< ${targets.searchP95Ms}`, pass: latency.ours.p95 < targets.searchP95Ms },
    { name: 'our overhead at p95 (ms)', measured: latency.overheadP95, target: `< ${targets.overheadP95Ms}`, pass: latency.overheadP95 < targets.overheadP95Ms },
    { name: 'freshness p95 (ms)', measured: freshness.visible.p95, target: `< ${targets.freshnessP95Ms}`, pass: freshness.visible.p95 < targets.freshnessP95Ms && freshness.timedOut === 0 },
  ];
}

const number = (value: number, digits = 0) => value.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row, index) => {
    const line = row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd();
    return index === 0 ? `${line}\n${widths.map((width) => '-'.repeat(width)).join('  ')}` : line;
  }).join('\n');
}

/** The human summary: targets first, then the detail a reader needs to trust or question them. */
export function formatReport(results: SearchBenchResults): string {
  const { machine, network, indexing, latency, freshness } = results;
  const lines: string[] = [];
  lines.push(`Baraza search benchmark (${results.startedAt}, ${number(results.durationSeconds)} s)`);
  lines.push(`Machine: ${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB, ${machine.platform}; Node ${machine.node}, Meilisearch ${machine.meilisearch} (JS client ${machine.meilisearchClient}), SQLite ${machine.sqlite}`);
  lines.push(`Load average (1/5/15 min): ${Object.entries(results.loadAverage).map(([phase, values]) => `${phase} ${values.join('/')}`).join(', ')}`);
  const busiest = Math.max(...Object.values(results.loadAverage).map((values) => values[0] ?? 0));
  if (busiest > machine.cores + 1) {
    lines.push(`WARNING: the machine was busy (1-minute load up to ${busiest} on ${machine.cores} cores; the bench itself adds about 2): wall times include other processes' work.`);
  }
  lines.push(
    `Network (seed ${results.seed}): ${network.organisations} organisations, ${network.members} members, ${network.events} events, ${number(network.indexed)} published case studies ` +
      `(${number(network.byLanguage.fr)} FR / ${number(network.byLanguage.en)} EN; ${Object.entries(network.byVisibility).map(([name, count]) => `${name} ${number(count)}`).join(', ')}; ` +
      `${number(network.lessons)} with lessons), ${number(network.unpublished)} unpublished (not indexed); ${number(Math.round(network.sectionWords / Math.max(1, network.indexed)))} words of sections per case study; whole network set up in ${number(network.setupSeconds, 1)} s`,
  );
  const talk = network.conversations;
  const visibilities = (counts: Record<string, number>) => Object.entries(counts).map(([name, count]) => `${name} ${number(count)}`).join(', ');
  lines.push(
    `Discussions: ${number(talk.threads)} threads (${number(talk.bySubject.case_study)} on case studies, ${number(talk.bySubject.event)} on events, ${number(talk.bySubject.network)} network-wide; ` +
      `${number(talk.byLanguage.fr)} FR / ${number(talk.byLanguage.en)} EN; ${visibilities(talk.byVisibility)}; ${number(talk.narrowed)} narrowed by their starter; ` +
      `${number(talk.questions)} questions to authors, ${number(talk.answered)} answered) holding ${number(talk.posts)} posts (${number(talk.postsByLanguage.fr)} FR / ${number(talk.postsByLanguage.en)} EN; ` +
      `${number(Math.round(talk.postWords / Math.max(1, talk.posts - talk.deletedPosts)))} words on average, up to ${number(talk.mostPostsInAThread)} in a thread; ` +
      `${number(talk.deletedPosts)} deleted and ${number(talk.hiddenPosts)} hidden, left out of the index; ${number(talk.overTextCap)} threads over the index's 20,000-character text cap); ` +
      `${number(talk.indexedThreads)} thread documents; threads and posts set up in ${number(talk.setupSeconds, 1)} s of that`,
  );
  lines.push('');
  lines.push(
    table([
      ['measure', 'ours', 'raw / direct', 'target', 'result'],
      ['indexing throughput (docs/s, fastest round)', number(indexing.ours.docsPerSecond), number(indexing.raw.docsPerSecond), `ratio ≥ ${targets.indexingRatio}`, `${results.checks[0]!.pass ? 'PASS' : 'MISS'} (ratio ${indexing.ratio.toFixed(2)})`],
      ['search p50 (ms)', number(latency.ours.p50, 1), number(latency.direct.p50, 1), '', ''],
      ['search p95 (ms)', number(latency.ours.p95, 1), number(latency.direct.p95, 1), `< ${targets.searchP95Ms} ms`, results.checks[1]!.pass ? 'PASS' : 'MISS'],
      ['our overhead at p95 (ms)', number(latency.overheadP95, 1), '', `< ${targets.overheadP95Ms} ms`, results.checks[2]!.pass ? 'PASS' : 'MISS'],
      ['freshness p50 / p95 (ms)', `${number(freshness.visible.p50)} / ${number(freshness.visible.p95)}`, '', `p95 < ${number(targets.freshnessP95Ms)} ms`, results.checks[3]!.pass ? 'PASS' : `MISS${freshness.timedOut ? ` (${freshness.timedOut} timed out)` : ''}`],
    ]),
  );
  lines.push('');
  lines.push(
    `Indexing: ${number(indexing.documents)} documents (${Object.entries(indexing.byType).map(([type, count]) => `${number(count)} ${type}`).join(', ')}); buildAllDocuments alone ${number(indexing.buildMs)} ms. ` +
      `CPU per load (Node + Meilisearch, median): raw ${number(indexing.raw.medianCpuMs)} ms, ours ${number(indexing.ours.medianCpuMs)} ms` +
      (indexing.cpuRatio === null ? '.' : `, ratio ${indexing.cpuRatio.toFixed(2)} (less sensitive to a busy machine than wall time).`) +
      ' Per round (ms):',
  );
  lines.push(
    table([
      ['round', 'order', 'raw total', 'raw settings', 'raw load', 'raw CPU', 'reindexAll', 'its build', 'its index', 'its CPU'],
      ...indexing.rounds.map((round, index) => [
        String(index + 1),
        round.order,
        number(round.raw.totalMs),
        number(round.raw.settingsMs),
        number(round.raw.loadMs),
        number(round.raw.cpu.nodeMs + round.raw.cpu.meiliMs),
        number(round.ours.totalMs),
        number(round.ours.reportedBuildMs),
        number(round.ours.reportedIndexMs),
        number(round.ours.cpu.nodeMs + round.ours.cpu.meiliMs),
      ]),
    ]),
  );
  lines.push('');
  lines.push(
    `Search: ${latency.queries} queries × ${latency.viewers.length} viewers (${latency.viewers.map((viewer) => `${viewer.name}: ${viewer.describe}`).join('; ')}), ${latency.samplesPerSide} timed searches per side, interleaved.`,
  );
  lines.push(`Meilisearch's own processing time (main query): p50 ${number(latency.engine.p50, 1)} ms, p95 ${number(latency.engine.p95, 1)} ms. Paired overhead (ours − direct): p50 ${number(latency.pairedOverhead.p50, 1)} ms, p95 ${number(latency.pairedOverhead.p95, 1)} ms. Hits dropped by the re-check: ${latency.recheckDrops}.`);
  lines.push(`Our code alone (searchContent against recorded Meilisearch responses): p50 ${number(latency.ownCode.p50, 2)} ms, p95 ${number(latency.ownCode.p95, 2)} ms.`);
  if (latency.uncompressed) {
    lines.push(
      `Diagnostic, same requests with accept-encoding: identity: ours p50 ${number(latency.uncompressed.ours.p50, 1)} / p95 ${number(latency.uncompressed.ours.p95, 1)} ms, ` +
        `direct p50 ${number(latency.uncompressed.direct.p50, 1)} / p95 ${number(latency.uncompressed.direct.p95, 1)} ms (see scripts/bench/README.md).`,
    );
  }
  const breakdown = (groups: LatencyResult['byViewer'], label: string) =>
    table([[label, 'ours p50', 'ours p95', 'direct p50', 'direct p95'], ...Object.entries(groups).map(([name, group]) => [name, number(group.ours.p50, 1), number(group.ours.p95, 1), number(group.direct.p50, 1), number(group.direct.p95, 1)])]);
  lines.push(breakdown(latency.byViewer, 'viewer'));
  lines.push('');
  lines.push(breakdown(latency.byKind, 'query kind'));
  lines.push('');
  lines.push(table([['slowest (ours p50)', 'viewer', 'ours p50', 'direct p50'], ...latency.slowest.map((row) => [row.query, row.viewer, number(row.oursP50, 1), number(row.directP50, 1)])]));
  lines.push('');
  lines.push(
    `Freshness: ${freshness.saves} saves through saveCaseStudySection by organisation editors, worker polling every 200 ms. Medians: save to task enqueued (worker pickup) ${number(freshness.medians.pickupMs)} ms, ` +
      `queued in Meilisearch ${number(freshness.medians.queuedMs)} ms, indexing ${number(freshness.medians.processingMs)} ms, then seen by our 20 ms search poll ${number(freshness.medians.seenAfterIndexedMs)} ms later.`,
  );
  if (freshness.slowestBatch) {
    lines.push(`Slowest save's Meilisearch batch (${number(freshness.slowestBatch.processingMs)} ms), largest steps: ${freshness.slowestBatch.steps.slice(0, 6).map(([step, duration]) => `${step.split(' > ').slice(-2).join(' > ')} ${duration}`).join('; ')}`);
  }
  if (freshness.workerLog.length) lines.push(`Worker log: ${freshness.workerLog.join(' | ')}`);
  return lines.join('\n');
}
