import type { Db } from '../client';

/** Demo directory profiles, connections and their outcomes (filled in by the directory work). */
export function seedDemoDirectory(db: Db, ids: { userIds: Map<string, string> }): void {
  void db;
  void ids;
}
