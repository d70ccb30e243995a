import { sql } from 'drizzle-orm';
import { appliedStories } from '@/db/schema/stories';
import type { ContentColumns } from '@/lib/policy/scopes';
import type { ContentFacts } from '@/lib/policy/types';

type StoryRow = Pick<typeof appliedStories.$inferSelect, 'visibility' | 'organisationId' | 'authorId'>;

/** A story is published the moment it is recorded, belongs to no event, and has one author (or none, once they left). */
export function storyFacts(row: StoryRow): ContentFacts {
  return {
    visibility: row.visibility,
    organisationId: row.organisationId,
    eventId: null,
    authorIds: row.authorId ? [row.authorId] : [],
    isPublished: true,
    isSubmitted: false,
  };
}

/** The same facts as SQL over applied_stories, for readableWhere (story lists, counts and the dashboard). */
export const storyColumns: ContentColumns = {
  visibility: appliedStories.visibility,
  isPublished: sql`1`,
  isSubmitted: sql`0`,
  organisationId: appliedStories.organisationId,
  eventId: sql`null`,
  authoredBy: (userId) => sql`${appliedStories.authorId} = ${userId}`,
};
