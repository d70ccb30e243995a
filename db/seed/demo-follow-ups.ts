import type { Db } from '../client';

/** Demo follow-up survey rounds and answers (filled in by the follow-up work). */
export function seedDemoFollowUps(db: Db, ids: { eventIds: Record<'lse-1' | 'lse-2' | 'refresher-2027', string>; userIds: Map<string, string> }): void {
  void db;
  void ids;
}
