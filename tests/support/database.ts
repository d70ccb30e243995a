import { getDb, type Db } from '@/db/client';

/** This test file's own SQLite database (a copy of the run's migrated template, see database-per-file.ts). */
export function testDb(): Db {
  return getDb();
}

/** Rows of a table as plain text, to check that a secret never reached the database. */
export function tableText(table: string): string {
  const rows = testDb().$client.prepare(`select * from "${table}"`).all();
  return JSON.stringify(rows);
}
