import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../db/client';
import { reindexAll } from '../lib/search/reindex';
import { searchTargetFromEnv } from '../lib/search/target';
import { resolvePaths } from './prepare';

// `npm run search:reindex`: rebuilds the search index from SQLite while the site keeps serving the old one
// (a new index is built, then swapped in). Uses MEILI_HOST/MEILI_MASTER_KEY, or the embedded Meilisearch
// of a running `npm start` (its port from MEILI_PORT, default 7700, and the key in the data folder).
const { dataDir, databasePath } = resolvePaths();
const keyFile = path.join(dataDir, 'meili-master-key');
const env = {
  ...process.env,
  MEILI_HOST: process.env.MEILI_HOST ?? `http://127.0.0.1:${process.env.MEILI_PORT ?? 7700}`,
  MEILI_MASTER_KEY: process.env.MEILI_MASTER_KEY ?? (fs.existsSync(keyFile) ? fs.readFileSync(keyFile, 'utf8').trim() : ''),
};
const db = openDatabase(databasePath);
try {
  const result = await reindexAll(db, searchTargetFromEnv(env));
  process.stdout.write(`Reindexed ${result.documents} documents in ${result.totalMs} ms (read ${result.buildMs} ms, index and swap ${result.indexMs} ms).\n`);
} catch (error) {
  process.stderr.write(`Reindex failed: ${error instanceof Error ? error.message : String(error)}\nIs Baraza (or Meilisearch) running? Set MEILI_HOST and MEILI_MASTER_KEY for an external one.\n`);
  process.exitCode = 1;
} finally {
  db.$client.close();
}
