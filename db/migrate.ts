import path from 'node:path';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import type { Db } from './client';

export const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

/** Applies every committed migration not yet applied. Idempotent; run at every start and by tests. */
export function migrateDatabase(db: Db): void {
  migrate(db, { migrationsFolder });
}
