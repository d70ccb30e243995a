import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../db/client';
import { migrateDatabase } from '../../db/migrate';
import { seedTaxonomy } from '../../db/seed/taxonomy';
import { startMeilisearch } from '../../lib/search/meili-process';
import './provided-context';

/**
 * Once per `vitest run`: a migrated template database (test files copy it, so migrations run once)
 * and a real Meilisearch child process. Both live under .test-data/run-<pid>/, removed at teardown.
 */
export default async function setup(project: TestProject) {
  const runDirectory = path.resolve('.test-data', `run-${process.pid}`);
  fs.rmSync(runDirectory, { recursive: true, force: true });
  fs.mkdirSync(runDirectory, { recursive: true });

  const templateDatabasePath = path.join(runDirectory, 'template.db');
  const template = openDatabase(templateDatabasePath);
  migrateDatabase(template);
  seedTaxonomy(template);
  // Fold the WAL into the main file so a plain file copy is the whole database.
  template.$client.pragma('journal_mode = DELETE');
  template.$client.close();

  const meili = await startMeilisearch({ dataDir: path.join(runDirectory, 'meili-data'), quiet: true });

  project.provide('runDirectory', runDirectory);
  project.provide('templateDatabasePath', templateDatabasePath);
  project.provide('meiliHost', meili.host);
  project.provide('meiliMasterKey', meili.masterKey);
  project.provide('meiliIndexPrefix', `test_${process.pid}_${Date.now().toString(36)}_`);

  return async () => {
    await meili.stop();
    fs.rmSync(runDirectory, { recursive: true, force: true });
  };
}
