import { and, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { readClauses, type Condition } from './audience';
import type { MaybeViewer } from './types';

/** How a table exposes the read rule's facts. `authorIds` gets the viewer id and returns an EXISTS over the authors table. */
export type ContentColumns = {
  visibility: AnySQLiteColumn | SQL;
  isPublished: AnySQLiteColumn | SQL;
  isSubmitted: AnySQLiteColumn | SQL;
  organisationId: AnySQLiteColumn | SQL;
  eventId: AnySQLiteColumn | SQL;
  authoredBy: (userId: string) => SQL;
};

function conditionToSql(condition: Condition, columns: ContentColumns): SQL {
  switch (condition.field) {
    case 'visibility':
      return sql`${columns.visibility} = ${condition.equals}`;
    case 'isPublished':
    case 'isSubmitted':
      return sql`${columns[condition.field]} = ${condition.equals ? 1 : 0}`;
    case 'organisationId':
    case 'eventId':
      return inArray(columns[condition.field] as AnySQLiteColumn, [...condition.in]);
    case 'authorIds':
      return columns.authoredBy(condition.contains);
  }
}

/** A WHERE predicate selecting exactly the rows `can(viewer, '<kind>.read', row)` allows. */
export function readableWhere(viewer: MaybeViewer, columns: ContentColumns): SQL {
  const clauses = readClauses(viewer).map((clause) => and(...clause.map((condition) => conditionToSql(condition, columns)))!);
  return or(...clauses)!;
}

function conditionToFilter(condition: Condition): string {
  // Values go through JSON.stringify: ids are ours, but quoting them is what keeps the filter unbreakable.
  switch (condition.field) {
    case 'visibility':
      return `visibility = ${JSON.stringify(condition.equals)}`;
    case 'isPublished':
    case 'isSubmitted':
      return `${condition.field} = ${condition.equals}`;
    case 'organisationId':
    case 'eventId':
      return `${condition.field} IN [${condition.in.map((value) => JSON.stringify(value)).join(', ')}]`;
    case 'authorIds':
      return `authorIds = ${JSON.stringify(condition.contains)}`;
  }
}

/**
 * The same rule as a Meilisearch filter. Search documents carry the fields `visibility`, `isPublished`,
 * `isSubmitted`, `organisationId`, `eventId` and `authorIds` (all filterable).
 */
export function readableFilter(viewer: MaybeViewer): string {
  return readClauses(viewer)
    .map((clause) => `(${clause.map(conditionToFilter).join(' AND ')})`)
    .join(' OR ');
}

/** Organisations and events: `public` for everyone, `members` for signed-in members (the `*.read` listing rule). */
export function readableListingWhere(viewer: MaybeViewer, visibilityColumn: AnySQLiteColumn): SQL | undefined {
  return viewer ? undefined : sql`${visibilityColumn} = 'public'`;
}
