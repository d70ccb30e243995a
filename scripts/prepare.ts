import path from 'node:path';
import { openDatabase } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { seedDemoNetwork, type DemoCredential } from '../db/seed/demo';
import { seedTaxonomy } from '../db/seed/taxonomy';

/** Migrates the database, refreshes the taxonomy and, for the demo, seeds the network once. */
export async function prepareDatabase(options: { databasePath: string; dataDir: string; demo: boolean }): Promise<DemoCredential[] | null> {
  const db = openDatabase(options.databasePath);
  try {
    migrateDatabase(db);
    seedTaxonomy(db);
    return options.demo ? await seedDemoNetwork(db, options.dataDir) : null;
  } finally {
    db.$client.close();
  }
}

export function resolvePaths() {
  const dataDir = path.resolve(process.env.DATA_DIR ?? 'data');
  const databasePath = path.resolve(process.env.DATABASE_PATH ?? path.join(dataDir, 'baraza.db'));
  return { dataDir, databasePath };
}
