import { parseArgs } from 'node:util';
import { defaultSize, type NetworkSize } from './network';

export type BenchOptions = {
  seed: number;
  size: NetworkSize;
  /** Timed searches per side (ours and direct), cycling through every query and viewer. */
  searchSamples: number;
  /** Rounds of the indexing comparison; their order alternates so neither side always goes first. */
  indexRounds: number;
  /** Published case studies edited during the freshness run. */
  saves: number;
  json: boolean;
  /** Keep the data folder (SQLite file, Meilisearch data and log) for a post-mortem. */
  keep: boolean;
};

const usage = `Usage: npm run bench:search -- [options]
  --case-studies N   published case studies (default ${defaultSize.caseStudies}; env BENCH_CASE_STUDIES)
  --organisations N  organisations (default ${defaultSize.organisations})
  --members N        members (default ${defaultSize.members})
  --draft-share X    unpublished case studies as a share of the published ones (default ${defaultSize.draftShare})
  --threads N        forum threads (default ${defaultSize.threads} at ${defaultSize.caseStudies} case studies, scaled with
                     --case-studies; env BENCH_THREADS)
  --posts N          posts in all threads (default ${defaultSize.posts / defaultSize.threads} per thread, so ${defaultSize.posts} at full size; at
                     least one per thread; env BENCH_POSTS)
  --seed N           PRNG seed (default 42; env BENCH_SEED)
  --search-samples N timed searches per side (default 600; env BENCH_SEARCH_SAMPLES)
  --index-rounds N   indexing rounds per side (default 3)
  --saves N          edits timed for freshness (default 30)
  --json             print the results as JSON on stdout (progress stays on stderr)
  --keep             keep the data folder under .bench-data/ afterwards`;

function positive(name: string, raw: string | undefined, fallback: number, { integer = true } = {}): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || (integer && !Number.isInteger(value))) throw new Error(`${name} must be a ${integer ? 'whole ' : ''}number ≥ 0, got "${raw}"\n${usage}`);
  return value;
}

/** Flags win over environment variables, which win over the defaults. */
export function parseBenchOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      'case-studies': { type: 'string' },
      organisations: { type: 'string' },
      members: { type: 'string' },
      'draft-share': { type: 'string' },
      threads: { type: 'string' },
      posts: { type: 'string' },
      seed: { type: 'string' },
      'search-samples': { type: 'string' },
      'index-rounds': { type: 'string' },
      saves: { type: 'string' },
      json: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  const caseStudies = positive('--case-studies', values['case-studies'] ?? env.BENCH_CASE_STUDIES, defaultSize.caseStudies);
  // Conversations scale with the case studies unless given: --case-studies 2000 gets 2,000 threads and
  // 20,000 posts. Posts follow the threads (ten per thread) when only --threads is given.
  const rawThreads = values.threads ?? env.BENCH_THREADS;
  const rawPosts = values.posts ?? env.BENCH_POSTS;
  const scaledThreads = Math.round((defaultSize.threads * caseStudies) / defaultSize.caseStudies);
  const posts = positive('--posts', rawPosts, Math.round((positive('--threads', rawThreads, scaledThreads) * defaultSize.posts) / defaultSize.threads));
  // --posts alone below the scaled thread count: fewer threads, one post each at least.
  const threads = positive('--threads', rawThreads, Math.min(scaledThreads, posts));
  if (posts > 0 && threads === 0) throw new Error(`--posts needs threads to go in (--threads is 0)\n${usage}`);
  if (posts < threads) throw new Error(`--posts (${posts}) must be at least --threads (${threads}): every thread starts with a post\n${usage}`);
  return {
    seed: positive('--seed', values.seed ?? env.BENCH_SEED, 42),
    size: {
      caseStudies,
      organisations: Math.max(1, positive('--organisations', values.organisations, defaultSize.organisations)),
      members: Math.max(1, positive('--members', values.members, defaultSize.members)),
      draftShare: positive('--draft-share', values['draft-share'], defaultSize.draftShare, { integer: false }),
      threads,
      posts,
    },
    searchSamples: Math.max(1, positive('--search-samples', values['search-samples'] ?? env.BENCH_SEARCH_SAMPLES, 600)),
    indexRounds: Math.max(1, positive('--index-rounds', values['index-rounds'], 3)),
    saves: positive('--saves', values.saves, 30),
    json: values.json ?? false,
    keep: values.keep ?? false,
  };
}
