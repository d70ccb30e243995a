import type { Meilisearch, MultiSearchParams } from 'meilisearch';
import type { Db } from '../../db/client';
import { findViewer } from '../../lib/accounts/queries';
import type { MaybeViewer } from '../../lib/policy/types';
import { parseSearchParams, type SearchParams } from '../../lib/search/params';
import { searchContent } from '../../lib/search/query';
import type { SearchTarget } from '../../lib/search/target';
import type { Network } from './network';
import { createRandom } from './prng';
import { benchQueries, describeQuery, type BenchQuery } from './queries';
import { progress, summarise, type Summary } from './stats';

export type BenchViewer = { name: string; viewer: MaybeViewer; describe: string };

/**
 * The viewers searches run as, built by findViewer like a real request: anonymous, a plain member of a busy
 * organisation who attended an event, and an editor of the organisation with the most case studies. Their
 * policy filters grow in that order (more clauses, longer id lists).
 */
export function pickViewers(network: Network): BenchViewer[] {
  const caseStudiesPerOrganisation = new Map<string, number>();
  for (const item of network.published) caseStudiesPerOrganisation.set(item.organisationId, (caseStudiesPerOrganisation.get(item.organisationId) ?? 0) + 1);
  const busiest = [...network.organisations].sort((left, right) => (caseStudiesPerOrganisation.get(right.id) ?? 0) - (caseStudiesPerOrganisation.get(left.id) ?? 0));
  const withEvents = (role: 'member' | 'editor') =>
    busiest.flatMap((organisation) => network.people.filter((person) => person.organisationId === organisation.id && person.role === role && person.eventIds.length > 0))[0] ??
    network.people.find((person) => person.role === role);
  const viewerOf = (personId: string | undefined) => {
    const viewer = personId ? findViewer(personId, 1) : null;
    if (!viewer) throw new Error('The synthetic network has no person for a bench viewer');
    return viewer;
  };
  const member = viewerOf(withEvents('member')?.id);
  const editor = viewerOf(withEvents('editor')?.id);
  const describe = (viewer: NonNullable<MaybeViewer>) => `${Object.keys(viewer.organisationRoles).length} organisation(s), ${Object.keys(viewer.eventRoles).length} event(s)`;
  return [
    { name: 'anonymous', viewer: null, describe: 'not signed in' },
    { name: 'member', viewer: member, describe: describe(member) },
    { name: 'editor', viewer: editor, describe: `editor; ${describe(editor)}` },
  ];
}

type SearchCase = { viewer: BenchViewer; query: BenchQuery; params: SearchParams; body: MultiSearchParams; response: unknown };

export type LatencyResult = {
  queries: number;
  viewers: { name: string; describe: string }[];
  samplesPerSide: number;
  ours: Summary;
  direct: Summary;
  /** Meilisearch's own processingTimeMs for the main query of each direct request. */
  engine: Summary;
  /** ours p95 − direct p95: the target. */
  overheadP95: number;
  /** ours − direct per interleaved pair: how much our code adds to one search. */
  pairedOverhead: Summary;
  byViewer: Record<string, { ours: Summary; direct: Summary }>;
  byKind: Record<string, { ours: Summary; direct: Summary }>;
  slowest: { query: string; viewer: string; oursP50: number; directP50: number }[];
  /** Searches where our result had fewer hits than Meilisearch's (the SQLite re-check dropped some). */
  recheckDrops: number;
  /**
   * A diagnostic, not a target: both sides again through a client that asks for uncompressed responses.
   * Node's fetch asks for gzip, and on loopback a compressed response costs about 40 ms per search
   * (see scripts/bench/README.md); this shows what the app's search would cost without that.
   */
  uncompressed: { ours: Summary; direct: Summary } | null;
  /** searchContent against a recorded Meilisearch response (no network, no engine): our code's own cost. */
  ownCode: Summary;
};

type Run = { ms: number; hits: number; engineMs?: number };
type Pair = { item: SearchCase; ours: Run; direct: Run };

/** Our whole search for one case, timed. */
async function runOurs(db: Db, target: SearchTarget, item: SearchCase): Promise<Run> {
  const started = performance.now();
  const result = await searchContent({ db, target, viewer: item.viewer.viewer, params: item.params });
  return { ms: performance.now() - started, hits: result.hits.length };
}

/** The captured body sent straight to Meilisearch, timed, with Meilisearch's own processing time. */
async function runDirect(target: SearchTarget, item: SearchCase): Promise<Run> {
  const started = performance.now();
  const response = await target.client.multiSearch(item.body);
  const ms = performance.now() - started;
  const main = response.results[0];
  return { ms, hits: main?.hits.length ?? 0, engineMs: main?.processingTimeMs };
}

/**
 * `samples` interleaved pairs: each pass visits every case once in a fresh order (no case always follows
 * the same neighbour), and the two sides take turns going first.
 */
async function runPairs(db: Db, target: SearchTarget, cases: SearchCase[], samples: number, seed: number): Promise<Pair[]> {
  for (const item of cases) {
    // Warm-up, not timed: caches, JIT, Meilisearch's own first-touch costs.
    await runOurs(db, target, item);
    await runDirect(target, item);
  }
  const random = createRandom(seed);
  const pairs: Pair[] = [];
  let schedule: SearchCase[] = [];
  for (let sample = 0; sample < samples; sample++) {
    if (!schedule.length) schedule = random.sample(cases, cases.length);
    const item = schedule.pop()!;
    if (sample % 2 === 0) {
      const ours = await runOurs(db, target, item);
      pairs.push({ item, ours, direct: await runDirect(target, item) });
    } else {
      const direct = await runDirect(target, item);
      pairs.push({ item, ours: await runOurs(db, target, item), direct });
    }
  }
  return pairs;
}

/**
 * A target whose client records every multiSearch body our code sends, and the response: the exact
 * request (filters, facets, highlighting) that the direct side then replays. Only used to capture.
 */
function recordingTarget(target: SearchTarget): { target: SearchTarget; exchanges: { body: MultiSearchParams; response: unknown }[] } {
  const exchanges: { body: MultiSearchParams; response: unknown }[] = [];
  const client = new Proxy(target.client, {
    get(object, property) {
      if (property === 'multiSearch') {
        return async (body: MultiSearchParams, init?: Parameters<Meilisearch['multiSearch']>[1]) => {
          const sent = structuredClone(body);
          const response = await object.multiSearch(body, init);
          exchanges.push({ body: sent, response });
          return response;
        };
      }
      const value: unknown = Reflect.get(object, property, object);
      return typeof value === 'function' ? value.bind(object) : value;
    },
  });
  return { target: { client, indexUid: target.indexUid }, exchanges };
}

/** A target that answers every multiSearch at once with the case's recorded response: our code alone. */
function cannedTarget(target: SearchTarget, response: () => unknown): SearchTarget {
  const client = new Proxy(target.client, {
    get(object, property) {
      if (property === 'multiSearch') return async () => response();
      const value: unknown = Reflect.get(object, property, object);
      return typeof value === 'function' ? value.bind(object) : value;
    },
  });
  return { client, indexUid: target.indexUid };
}

/**
 * Search latency, ours against direct: searchContent (policy filter, disjunctive facets, highlighting,
 * SQLite re-check) and the same multiSearch body sent straight to Meilisearch with the same client. Pairs
 * are interleaved and alternate which side goes first, so both see the same machine, caches and load.
 */
export async function measureLatency(db: Db, target: SearchTarget, viewers: BenchViewer[], options: { samples: number; seed: number; uncompressedTarget?: SearchTarget }): Promise<LatencyResult> {
  const recorder = recordingTarget(target);
  const cases: SearchCase[] = [];
  for (const viewer of viewers) {
    for (const query of benchQueries) {
      const params = parseSearchParams(query.raw);
      await searchContent({ db, target: recorder.target, viewer: viewer.viewer, params });
      const exchange = recorder.exchanges.pop();
      if (!exchange) throw new Error(`searchContent sent no multiSearch for ${describeQuery(query)}`);
      cases.push({ viewer, query, params, body: exchange.body, response: exchange.response });
    }
  }

  progress(`latency: ${cases.length} cases, ${options.samples} timed searches per side`);
  const pairs = await runPairs(db, target, cases, options.samples, options.seed + 1);
  // The diagnostic runs after the measurement, never interleaved with it: both clients share Node's
  // connection pool, and mixing uncompressed requests in changes how the compressed ones behave.
  const uncompressed = options.uncompressedTarget ? await runPairs(db, options.uncompressedTarget, cases, options.samples, options.seed + 1) : null;
  // Our code with Meilisearch taken out: searchContent against each case's recorded response, so the
  // policy filter, facet bookkeeping, SQLite re-check and mapping are timed without network or engine noise.
  let current: SearchCase = cases[0]!;
  const canned = cannedTarget(target, () => current.response);
  const ownCode: number[] = [];
  for (let sample = 0; sample < options.samples + cases.length; sample++) {
    current = cases[sample % cases.length]!;
    const run = await runOurs(db, canned, current);
    if (sample >= cases.length) ownCode.push(run.ms); // the first pass is the warm-up
  }

  const ours = pairs.map((pair) => pair.ours.ms);
  const direct = pairs.map((pair) => pair.direct.ms);
  const group = (key: (item: SearchCase) => string) => {
    const groups: Record<string, { ours: number[]; direct: number[] }> = {};
    for (const pair of pairs) {
      const entry = (groups[key(pair.item)] ??= { ours: [], direct: [] });
      entry.ours.push(pair.ours.ms);
      entry.direct.push(pair.direct.ms);
    }
    return Object.fromEntries(Object.entries(groups).map(([name, samples]) => [name, { ours: summarise(samples.ours), direct: summarise(samples.direct) }]));
  };
  const oursSummary = summarise(ours);
  const directSummary = summarise(direct);
  return {
    queries: benchQueries.length,
    viewers: viewers.map(({ name, describe }) => ({ name, describe })),
    samplesPerSide: ours.length,
    ours: oursSummary,
    direct: directSummary,
    engine: summarise(pairs.map((pair) => pair.direct.engineMs ?? Number.NaN)),
    overheadP95: Math.round((oursSummary.p95 - directSummary.p95) * 100) / 100,
    pairedOverhead: summarise(pairs.map((pair) => pair.ours.ms - pair.direct.ms)),
    byViewer: group((item) => item.viewer.name),
    byKind: group((item) => item.query.kind + (Object.keys(item.query.raw).some((name) => name !== 'q' && name !== 'sort') ? ' + facet' : '')),
    slowest: Object.entries(group((item) => `${describeQuery(item.query)}\t${item.viewer.name}`))
      .map(([key, samples]) => ({ query: key.split('\t')[0]!, viewer: key.split('\t')[1]!, oursP50: samples.ours.p50, directP50: samples.direct.p50 }))
      .sort((left, right) => right.oursP50 - left.oursP50)
      .slice(0, 5),
    recheckDrops: pairs.filter((pair) => pair.ours.hits < pair.direct.hits).length,
    ownCode: summarise(ownCode),
    uncompressed: uncompressed ? { ours: summarise(uncompressed.map((pair) => pair.ours.ms)), direct: summarise(uncompressed.map((pair) => pair.direct.ms)) } : null,
  };
}
