import fs from 'node:fs';
import path from 'node:path';
import { getDb, openDatabase, type Db } from '../../db/client';
import { migrateDatabase } from '../../db/migrate';
import { seedTaxonomy } from '../../db/seed/taxonomy';
import { startMeilisearch, type MeiliProcess } from '../../lib/search/meili-process';
import { Meilisearch } from 'meilisearch';
import { searchTargetFromEnv, type SearchTarget } from '../../lib/search/target';

/** Where every bench run lives (git-ignored). Results files stay; run folders are removed. */
export const benchRoot = path.resolve('.bench-data');

/**
 * One run's private world: a fresh SQLite file and a Meilisearch process of its own (its own port and data
 * folder), so a bench never touches `data/` or a developer's running server, and two runs cannot collide.
 */
export type Workspace = {
  dir: string;
  databasePath: string;
  /** The app's connection: lib/ modules that call getDb() (mutations, findViewer) use this same one. */
  db: Db;
  /** A second connection, as scripts/serve.ts gives the search worker. */
  openWorkerDb: () => Db;
  meili: MeiliProcess;
  target: SearchTarget;
  /** The same index through a client that refuses compressed responses: the latency diagnostic's transport. */
  uncompressedTarget: SearchTarget;
  remove: () => Promise<void>;
};

export async function createWorkspace(options: { keep: boolean }): Promise<Workspace> {
  fs.mkdirSync(benchRoot, { recursive: true });
  const dir = fs.mkdtempSync(path.join(benchRoot, 'search-'));
  const databasePath = path.join(dir, 'baraza.db');
  const opened: Db[] = [];
  let meili: MeiliProcess | undefined;
  let removed = false;

  const remove = async () => {
    if (removed) return;
    removed = true;
    for (const connection of opened) if (connection.$client.open) connection.$client.close();
    await meili?.stop();
    if (!options.keep) fs.rmSync(dir, { recursive: true, force: true });
  };

  try {
    // getDb() opens DATABASE_PATH on its first call: set it before anything in lib/ asks for the database.
    process.env.DATABASE_PATH = databasePath;
    const db = getDb();
    opened.push(db);
    // A guard, not a formality: a getDb() that ran earlier would have opened data/baraza.db, and the bench
    // would then write 10,000 synthetic case studies into someone's real database.
    if (path.resolve(db.$client.name) !== databasePath) throw new Error(`getDb() opened ${db.$client.name}, not the bench database ${databasePath}`);
    migrateDatabase(db);
    seedTaxonomy(db);

    meili = await startMeilisearch({ dataDir: dir, quiet: true });
    // The app's own constructor, so the bench's client is configured exactly as the server's (and picks up
    // any change to it), pointed at this run's Meilisearch and index.
    const target = searchTargetFromEnv({ ...process.env, MEILI_HOST: meili.host, MEILI_MASTER_KEY: meili.masterKey, MEILI_INDEX: 'bench_content' });
    const openWorkerDb = () => {
      const connection = openDatabase(databasePath);
      opened.push(connection);
      return connection;
    };
    const uncompressedTarget: SearchTarget = {
      client: new Meilisearch({ host: meili.host, apiKey: meili.masterKey, requestInit: { headers: { 'accept-encoding': 'identity' } } }),
      indexUid: target.indexUid,
    };
    return { dir, databasePath, db, openWorkerDb, meili, target, uncompressedTarget, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}
