import type { ContentFacts, MaybeViewer, Visibility } from './types';
import { editorOrganisationIds, facilitatedEventIds, memberOrganisationIds, participantEventIds } from './viewer-facts';

/**
 * The read rule, as data: a viewer may read an item when every condition of at least one clause holds.
 * rules.ts evaluates it in memory, scopes.ts turns the same clauses into SQL and a Meilisearch filter,
 * so the three views cannot drift apart (tests/unit/policy checks they agree).
 */
export type Condition =
  | { field: 'visibility'; equals: Visibility }
  | { field: 'isPublished' | 'isSubmitted'; equals: boolean }
  | { field: 'organisationId' | 'eventId'; in: readonly string[] }
  | { field: 'authorIds'; contains: string };

export type Clause = readonly Condition[];

export function readClauses(viewer: MaybeViewer): Clause[] {
  const published = { field: 'isPublished', equals: true } as const;
  const clauses: Clause[] = [[{ field: 'visibility', equals: 'public' }, published]];
  if (!viewer) return clauses;

  const organisationIds = memberOrganisationIds(viewer);
  const editorOrganisations = editorOrganisationIds(viewer);
  const eventIds = participantEventIds(viewer);
  const facilitatedEvents = facilitatedEventIds(viewer);

  clauses.push([{ field: 'visibility', equals: 'members' }, published]);
  // Empty lists are dropped rather than kept as always-false clauses: fewer terms for SQLite and Meilisearch.
  if (eventIds.length) clauses.push([{ field: 'visibility', equals: 'event' }, published, { field: 'eventId', in: eventIds }]);
  if (organisationIds.length)
    clauses.push([{ field: 'visibility', equals: 'organisation' }, published, { field: 'organisationId', in: organisationIds }]);
  // Authors read their own work at every stage and visibility.
  clauses.push([{ field: 'authorIds', contains: viewer.userId }]);
  // An organisation's editors own its content (it survives staff turnover), drafts and private items included.
  if (editorOrganisations.length) clauses.push([{ field: 'organisationId', in: editorOrganisations }]);
  // Submissions go to the event's facilitators for review.
  if (facilitatedEvents.length) clauses.push([{ field: 'isSubmitted', equals: true }, { field: 'eventId', in: facilitatedEvents }]);
  return clauses;
}

export function matchesCondition(condition: Condition, facts: ContentFacts): boolean {
  switch (condition.field) {
    case 'visibility':
      return facts.visibility === condition.equals;
    case 'isPublished':
    case 'isSubmitted':
      return facts[condition.field] === condition.equals;
    case 'organisationId':
    case 'eventId': {
      const value = facts[condition.field];
      return value !== null && condition.in.includes(value);
    }
    case 'authorIds':
      return facts.authorIds.includes(condition.contains);
  }
}

export function canReadContent(viewer: MaybeViewer, facts: ContentFacts): boolean {
  return readClauses(viewer).some((clause) => clause.every((condition) => matchesCondition(condition, facts)));
}
