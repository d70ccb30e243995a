import type { Db } from '../client';

/** Demo applied-learning stories (filled in by the stories work). */
export function seedDemoStories(db: Db, ids: { userIds: Map<string, string>; organisationIds: Map<string, string>; caseStudyIds: Map<string, string> }): void {
  void db;
  void ids;
}
