import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { caseStudySections } from '../../db/schema/case-studies';
import { searchOutbox } from '../../db/schema/search';
import { findViewer } from '../../lib/accounts/queries';
import { saveCaseStudySection } from '../../lib/case-studies/mutations';
import type { RichTextJson } from '../../lib/rich-text/plain-text';
import { parseSearchParams } from '../../lib/search/params';
import { searchContent } from '../../lib/search/query';
import type { SearchTarget } from '../../lib/search/target';
import { startSearchWorker } from '../../lib/search/worker';
import type { Network } from './network';
import { createRandom } from './prng';
import { median, progress, sleep, summarise, type Summary } from './stats';

const pollMs = 20;
const giveUpMs = 30_000;

export type FreshnessResult = {
  saves: number;
  /** Saves whose token never showed up within the time limit (counted at the limit). */
  timedOut: number;
  /** From the save returning until a search for its token returned the case study. */
  visible: Summary;
  /** Medians of where the time went, from the timestamps of Meilisearch's task for each save. */
  medians: { pickupMs: number; queuedMs: number; processingMs: number; seenAfterIndexedMs: number };
  /** Meilisearch's own account of the slowest save's batch (step → duration), its largest steps first. */
  slowestBatch: { processingMs: number; steps: [string, string][] } | null;
  workerLog: string[];
};

/** Milliseconds from Meilisearch's duration strings ("1.2s", "35.61ms", "812.5µs"). */
function durationMs(text: string): number {
  const match = /^([\d.]+)\s*(s|ms|µs|us|ns)$/.exec(text.trim());
  if (!match) return 0;
  const value = Number(match[1]);
  return value * ({ s: 1000, ms: 1, µs: 0.001, us: 0.001, ns: 0.000001 } as Record<string, number>)[match[2]!]!;
}

/** A batch's progress trace, largest steps first (the trace nests: "a > b > c" is inside "a > b"). */
async function batchSteps(target: SearchTarget, batchUid: number): Promise<[string, string][]> {
  const batch = await target.client.batches.getBatch(batchUid);
  const trace = (batch.stats.progressTrace ?? {}) as Record<string, string>;
  return Object.entries(trace)
    .sort(([, left], [, right]) => durationMs(right) - durationMs(left))
    .slice(0, 12);
}

/**
 * Freshness with the real pieces: the search worker runs in this process on its own connection (as
 * scripts/serve.ts runs it), editors save published case studies through saveCaseStudySection (permission
 * check, validation, transaction, outbox row), and we search as that editor, every 20 ms, until the new
 * token is found. Saves are spaced by a random pause so they do not fall in step with the worker's polling.
 */
export async function measureFreshness(db: Db, workerDb: Db, target: SearchTarget, network: Network, options: { saves: number; seed: number }): Promise<FreshnessResult> {
  const workerLog: string[] = [];
  const worker = startSearchWorker(workerDb, target, (line) => workerLog.push(line));
  const random = createRandom(options.seed + 2);
  try {
    await worker.ready;
    // Archived work is indexed but not editable (lib/case-studies/workflow.ts): edit published work only.
    const editable = network.published.filter((item) => item.status === 'published' && network.organisations.find((organisation) => organisation.id === item.organisationId)?.editorIds.length);
    const chosen = random.sample(editable, options.saves);
    const visible: number[] = [];
    const pickup: number[] = [];
    const queued: number[] = [];
    const processing: number[] = [];
    const seenAfter: number[] = [];
    let slowest: { processingMs: number; batchUid: number } | null = null;
    let timedOut = 0;

    for (const [position, item] of chosen.entries()) {
      const editorId = network.organisations.find((organisation) => organisation.id === item.organisationId)!.editorIds[0]!;
      const viewer = findViewer(editorId, 1);
      if (!viewer) throw new Error(`No viewer for editor ${editorId}`);
      const section = db
        .select({ content: caseStudySections.content, version: caseStudySections.version })
        .from(caseStudySections)
        .where(and(eq(caseStudySections.caseStudyId, item.id), eq(caseStudySections.key, 'outcomes')))
        .get();
      if (!section) throw new Error(`Case study ${item.id} has no outcomes section`);
      // Letters only: Meilisearch keeps the token as one word, and no generated text contains it.
      const token = `fresh${random.letters(10)}`;
      const content = section.content as RichTextJson;
      const edited: RichTextJson = { ...content, content: [...(content.content ?? []), { type: 'paragraph', content: [{ type: 'text', text: `Update after the follow-up visit (${token}): the referral protocol is still in use.` }] }] };

      await sleep(random.int(0, 250));
      const result = saveCaseStudySection({ viewer, input: { caseStudyId: item.id, key: 'outcomes', content: edited, baseVersion: section.version } });
      const savedAt = Date.now();
      const started = performance.now();
      if (result.status !== 'saved') throw new Error(`Save of ${item.id} was refused: ${result.status}`);

      let elapsed = 0;
      for (;;) {
        const found = await searchContent({ db, target, viewer, params: parseSearchParams({ q: token }) });
        elapsed = performance.now() - started;
        if (found.hits.some((hit) => hit.sourceId === item.id)) break;
        if (elapsed > giveUpMs) {
          timedOut += 1;
          break;
        }
        await sleep(pollMs);
      }
      visible.push(elapsed);

      // Where the time went: the worker picking the row up and sending it, Meilisearch queueing then indexing it.
      const [task] = (await target.client.tasks.getTasks({ indexUids: [target.indexUid], types: ['documentAdditionOrUpdate'], limit: 1 })).results;
      if (task?.startedAt && task.finishedAt && Date.parse(task.enqueuedAt) >= savedAt) {
        const [enqueued, begun, finished] = [Date.parse(task.enqueuedAt), Date.parse(task.startedAt), Date.parse(task.finishedAt)];
        pickup.push(enqueued - savedAt);
        queued.push(begun - enqueued);
        processing.push(finished - begun);
        seenAfter.push(savedAt + elapsed - finished);
        if (task.batchUid !== null && (!slowest || finished - begun > slowest.processingMs)) slowest = { processingMs: finished - begun, batchUid: task.batchUid };
      }
      if ((position + 1) % 10 === 0) progress(`freshness: ${position + 1}/${chosen.length} saves`);
    }
    return {
      saves: chosen.length,
      timedOut,
      visible: summarise(visible),
      medians: { pickupMs: Math.round(median(pickup)), queuedMs: Math.round(median(queued)), processingMs: Math.round(median(processing)), seenAfterIndexedMs: Math.round(median(seenAfter)) },
      slowestBatch: slowest ? { processingMs: slowest.processingMs, steps: await batchSteps(target, slowest.batchUid) } : null,
      workerLog,
    };
  } finally {
    await worker.stop();
  }
}
