import fs from 'node:fs';
import type { Db } from '../../db/client';
import { buildAllDocuments, type SearchDocument } from '../../lib/search/documents';
import { batchSize, reindexAll } from '../../lib/search/reindex';
import { indexSettings, settle } from '../../lib/search/settings';
import { bulkTaskWait, type SearchTarget } from '../../lib/search/target';
import { median, progress, sleep } from './stats';

/**
 * The batch size and task wait reindex.ts's addInBatches uses. The raw load must use the same ones, or the
 * comparison measures batch sizes and polling intervals instead of our code.
 */
export const reindexBatchSize = batchSize;

/** CPU milliseconds spent by this process (building, serialising, polling) and by Meilisearch (indexing). */
export type CpuUse = { nodeMs: number; meiliMs: number };
export type RawLoad = { totalMs: number; settingsMs: number; loadMs: number; cpu: CpuUse };
export type OursLoad = { totalMs: number; reportedBuildMs: number; reportedIndexMs: number; cpu: CpuUse };

export type IndexingResult = {
  documents: number;
  /** Documents per type (case_study, lesson, thread, organisation, theme): both sides load all of them. */
  byType: Record<string, number>;
  /** buildAllDocuments alone (SQLite reads and mapping), timed outside any reindex. */
  buildMs: number;
  rounds: { order: 'raw-first' | 'ours-first'; raw: RawLoad; ours: OursLoad }[];
  /**
   * Per side: the fastest round (throughput and the ratio come from it: other processes only ever add
   * time, so on a shared machine the fastest round is the closest to the work itself), the median round,
   * and the median CPU time.
   */
  raw: { bestMs: number; medianMs: number; docsPerSecond: number; medianCpuMs: number };
  ours: { bestMs: number; medianMs: number; docsPerSecond: number; medianCpuMs: number };
  /** ours ÷ raw throughput (fastest rounds): 1 means our rebuild costs nothing over loading prepared documents. */
  ratio: number;
  /**
   * The same ratio from CPU time (ours and Meilisearch's): on a shared machine wall time also measures the
   * neighbours, CPU time much less so. A cross-check, not the target. Null where /proc is not readable.
   */
  cpuRatio: number | null;
};

/**
 * CPU time so far of this process and of Meilisearch (Linux: /proc/<pid>/stat, all threads; utime and
 * stime are fields 14 and 15, in clock ticks of 10 ms). NaN elsewhere.
 */
function cpuNow(meiliPid: number | undefined): CpuUse {
  const usage = process.cpuUsage();
  let meiliMs = Number.NaN;
  try {
    const stat = fs.readFileSync(`/proc/${meiliPid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    meiliMs = (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    // Not Linux, or the process is gone: the wall-time figures still stand.
  }
  return { nodeMs: (usage.user + usage.system) / 1000, meiliMs };
}

const cpuSince = (start: CpuUse, meiliPid: number | undefined): CpuUse => {
  const end = cpuNow(meiliPid);
  return { nodeMs: Math.round(end.nodeMs - start.nodeMs), meiliMs: Math.round(end.meiliMs - start.meiliMs) };
};
const cpuTotal = (cpu: CpuUse) => cpu.nodeMs + cpu.meiliMs;

/** Meilisearch works through its queue after a task we awaited (an index deletion, say): wait until it is idle. */
export async function waitForIdle(target: SearchTarget): Promise<void> {
  for (;;) {
    const { results } = await target.client.tasks.getTasks({ statuses: ['enqueued', 'processing'], limit: 1 });
    if (!results.length) return;
    await sleep(50);
  }
}

/** What a bulk load costs with nothing of ours in the way: a fresh index, the same settings, the same batches. */
async function loadRaw(target: SearchTarget, documents: readonly SearchDocument[], uid: string, meiliPid: number | undefined): Promise<RawLoad> {
  const cpu = cpuNow(meiliPid);
  const started = performance.now();
  await settle(target, (await target.client.createIndex(uid, { primaryKey: 'id' })).taskUid);
  await settle(target, (await target.client.index(uid).updateSettings(indexSettings)).taskUid);
  const settingsDone = performance.now();
  const tasks: number[] = [];
  for (let start = 0; start < documents.length; start += reindexBatchSize) {
    tasks.push((await target.client.index(uid).addDocuments(documents.slice(start, start + reindexBatchSize), { primaryKey: 'id' })).taskUid);
  }
  for (const task of tasks) await settle(target, task, bulkTaskWait);
  const finished = performance.now();
  return { totalMs: finished - started, settingsMs: settingsDone - started, loadMs: finished - settingsDone, cpu: cpuSince(cpu, meiliPid) };
}

async function loadOurs(db: Db, target: SearchTarget, meiliPid: number | undefined): Promise<OursLoad> {
  const cpu = cpuNow(meiliPid);
  const started = performance.now();
  const result = await reindexAll(db, target);
  // Taken before the old index's deletion (queued by reindexAll, not awaited) runs: the raw side's
  // deletion is not counted either.
  return { totalMs: performance.now() - started, reportedBuildMs: result.buildMs, reportedIndexMs: result.indexMs, cpu: cpuSince(cpu, meiliPid) };
}

/**
 * Indexing throughput, side by side: our reindexAll (reads SQLite, builds documents, fresh index, swap) and
 * a raw load of the very same documents. Rounds alternate which goes first; each starts with an idle
 * Meilisearch. The first `ours` round is a first start (no live index yet); later ones rebuild over one.
 */
export async function measureIndexing(db: Db, target: SearchTarget, options: { rounds: number; meiliPid?: number }): Promise<IndexingResult> {
  const { rounds, meiliPid } = options;
  const buildStarted = performance.now();
  const documents = buildAllDocuments(db);
  const buildMs = performance.now() - buildStarted;
  const byType: Record<string, number> = {};
  for (const document of documents) byType[document.type] = (byType[document.type] ?? 0) + 1;
  progress(`built ${documents.length} documents (${Object.entries(byType).map(([type, count]) => `${count} ${type}`).join(', ')}) in ${Math.round(buildMs)} ms`);

  const results: IndexingResult['rounds'] = [];
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? 'raw-first' : 'ours-first';
    let raw: RawLoad | undefined;
    let ours: OursLoad | undefined;
    for (const side of order === 'raw-first' ? ['raw', 'ours'] : ['ours', 'raw']) {
      await waitForIdle(target);
      if (side === 'raw') {
        const uid = `${target.indexUid}_raw_${round}`;
        raw = await loadRaw(target, documents, uid, meiliPid);
        await settle(target, (await target.client.deleteIndex(uid)).taskUid);
        progress(`round ${round + 1}: raw load ${Math.round(raw.totalMs)} ms (CPU ${cpuTotal(raw.cpu)} ms)`);
      } else {
        ours = await loadOurs(db, target, meiliPid);
        progress(`round ${round + 1}: reindexAll ${Math.round(ours.totalMs)} ms (CPU ${cpuTotal(ours.cpu)} ms)`);
      }
    }
    results.push({ order, raw: raw!, ours: ours! });
  }
  await waitForIdle(target);

  const stats = await target.client.index(target.indexUid).getStats();
  if (stats.numberOfDocuments !== documents.length) throw new Error(`The live index holds ${stats.numberOfDocuments} documents, expected ${documents.length}`);
  const side = (pick: (round: IndexingResult['rounds'][number]) => RawLoad | OursLoad) => ({
    bestMs: Math.min(...results.map((round) => pick(round).totalMs)),
    medianMs: median(results.map((round) => pick(round).totalMs)),
    medianCpuMs: median(results.map((round) => cpuTotal(pick(round).cpu))),
  });
  const raw = side((round) => round.raw);
  const ours = side((round) => round.ours);
  const perSecond = (ms: number) => Math.round((documents.length / ms) * 1000);
  return {
    documents: documents.length,
    byType,
    buildMs,
    rounds: results,
    raw: { ...raw, docsPerSecond: perSecond(raw.bestMs) },
    ours: { ...ours, docsPerSecond: perSecond(ours.bestMs) },
    ratio: Math.round((raw.bestMs / ours.bestMs) * 100) / 100,
    cpuRatio: Number.isFinite(raw.medianCpuMs / ours.medianCpuMs) ? Math.round((raw.medianCpuMs / ours.medianCpuMs) * 100) / 100 : null,
  };
}
