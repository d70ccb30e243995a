import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as accounts from './schema/accounts';
import * as caseStudies from './schema/case-studies';
import * as conversations from './schema/conversations';
import * as events from './schema/events';
import * as jobs from './schema/jobs';
import * as notifications from './schema/notifications';
import * as organisations from './schema/organisations';
import * as search from './schema/search';
import * as synthesis from './schema/synthesis';
import * as system from './schema/system';
import * as taxonomy from './schema/taxonomy';

export const schema = { ...accounts, ...caseStudies, ...conversations, ...events, ...jobs, ...notifications, ...organisations, ...search, ...synthesis, ...system, ...taxonomy };
export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export function openDatabase(file: string): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  return drizzle(sqlite, { schema }) as Db;
}

const globalForDb = globalThis as unknown as { barazaDb?: Db };
let db: Db | undefined;

/**
 * The process's database, opened on first use: `next build` imports route modules, and a module-level
 * open would create a database at build time. Dev reloads re-evaluate modules, so dev keeps it on globalThis.
 */
export function getDb(): Db {
  if (db) return db;
  if (process.env.NODE_ENV === 'development' && globalForDb.barazaDb) return (db = globalForDb.barazaDb);
  const file =
    process.env.NEXT_PHASE === 'phase-production-build'
      ? ':memory:'
      : (process.env.DATABASE_PATH ?? path.join(process.env.DATA_DIR ?? 'data', 'baraza.db'));
  db = openDatabase(file);
  if (process.env.NODE_ENV === 'development') globalForDb.barazaDb = db;
  return db;
}
