import { sql } from 'drizzle-orm';
import { synthesisReports, themes } from '@/db/schema/synthesis';
import type { SynthesisFacts } from '@/lib/policy/rules';
import type { ContentColumns } from '@/lib/policy/scopes';

/** A theme as policy facts: its own visibility within its event (themes have no organisation or authors). */
export function themeFacts(row: Pick<typeof themes.$inferSelect, 'visibility' | 'eventId'>): SynthesisFacts {
  return { visibility: row.visibility, eventId: row.eventId, organisationId: null, authorIds: [], isPublished: true, isSubmitted: false };
}

/** A synthesis report: readable by its visibility once published; its group reads it while drafting. */
export function reportFacts(row: Pick<typeof synthesisReports.$inferSelect, 'visibility' | 'eventId' | 'publishedAt'>): SynthesisFacts {
  return { visibility: row.visibility, eventId: row.eventId, organisationId: null, authorIds: [], isPublished: row.publishedAt !== null, isSubmitted: false };
}

/** Theme facts as SQL for readableWhere; lists add the synthesis group's events (synthesisEventIds). */
export const themeColumns: ContentColumns = {
  visibility: themes.visibility,
  isPublished: sql`1`,
  isSubmitted: sql`0`,
  organisationId: sql`null`,
  eventId: themes.eventId,
  authoredBy: () => sql`0`,
};
