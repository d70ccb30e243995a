import fs from 'node:fs';
import path from 'node:path';
import { measureFreshness } from './freshness';
import { measureIndexing, waitForIdle } from './indexing';
import { measureLatency, pickViewers } from './latency';
import { generateNetwork } from './network';
import { parseBenchOptions } from './options';
import { checksOf, currentLoad, describeMachine, formatReport, type SearchBenchResults } from './report';
import { progress } from './stats';
import { benchRoot, createWorkspace, type Workspace } from './workspace';

// `npm run bench:search`: builds a synthetic network in a throwaway SQLite file and Meilisearch process,
// then measures indexing throughput, search latency and freshness against their targets. A missed target
// exits 0 (this is a measurement); only an error exits non-zero. Run with --help for the options.

const options = parseBenchOptions(process.argv.slice(2));
const started = new Date();
let workspace: Workspace | undefined;

// Ctrl-C or a kill must not leave a Meilisearch process or a 200 MB data folder behind.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    progress(`${signal}: cleaning up`);
    void (workspace?.remove() ?? Promise.resolve()).finally(() => process.exit(130));
  });
}

try {
  workspace = await createWorkspace({ keep: options.keep });
  const { db, target } = workspace;
  progress(`data in ${path.relative(process.cwd(), workspace.dir)}, Meilisearch at ${workspace.meili.host}`);

  const setupStarted = performance.now();
  const network = generateNetwork(db, { seed: options.seed, size: options.size });
  const setupSeconds = (performance.now() - setupStarted) / 1000;
  const { conversations } = network.counts;
  progress(
    `network: ${network.counts.indexed} published and ${network.counts.unpublished} unpublished case studies, ${conversations.threads} threads with ${conversations.posts} posts ` +
      `in ${setupSeconds.toFixed(1)} s (threads and posts ${conversations.setupSeconds.toFixed(1)} s)`,
  );
  const machine = await describeMachine(db, target);
  const loadAverage: Record<string, number[]> = { start: machine.loadAverage };

  const indexing = await measureIndexing(db, target, { rounds: options.indexRounds, meiliPid: workspace.meili.child.pid });
  // Both sides of the comparison loaded the threads: one document per published thread.
  if ((indexing.byType.thread ?? 0) !== conversations.indexedThreads) throw new Error(`Indexed ${indexing.byType.thread ?? 0} thread documents, expected ${conversations.indexedThreads}`);
  loadAverage.afterIndexing = currentLoad();
  await waitForIdle(target);
  const latency = await measureLatency(db, target, pickViewers(network), { samples: options.searchSamples, seed: options.seed, uncompressedTarget: workspace.uncompressedTarget });
  progress(`latency: ours p95 ${latency.ours.p95} ms, direct p95 ${latency.direct.p95} ms`);
  loadAverage.afterLatency = currentLoad();
  const freshness = await measureFreshness(db, workspace.openWorkerDb(), target, network, { saves: options.saves, seed: options.seed });
  loadAverage.end = currentLoad();

  const results: SearchBenchResults = {
    startedAt: started.toISOString(),
    durationSeconds: Math.round((Date.now() - started.getTime()) / 1000),
    seed: options.seed,
    size: options.size,
    machine,
    loadAverage,
    network: { ...network.counts, organisations: network.organisations.length, members: network.people.length, events: network.events.length, setupSeconds },
    indexing,
    latency,
    freshness,
    checks: checksOf(indexing, latency, freshness),
  };
  const resultsFile = path.join(benchRoot, 'results-search.json');
  fs.writeFileSync(resultsFile, JSON.stringify(results, null, 2) + '\n');
  if (options.json) process.stdout.write(JSON.stringify(results, null, 2) + '\n');
  else process.stdout.write(`${formatReport(results)}\n\nResults written to ${path.relative(process.cwd(), resultsFile)}\n`);
} catch (error) {
  process.stderr.write(`bench:search failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  if (workspace) process.stderr.write(`Meilisearch log: ${path.join(workspace.dir, 'meilisearch.log')}${options.keep ? '' : ' (removed; rerun with --keep to inspect it)'}\n`);
  process.exitCode = 1;
} finally {
  await workspace?.remove();
}
