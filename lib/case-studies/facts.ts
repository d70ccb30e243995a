import { sql } from 'drizzle-orm';
import { caseStudies } from '@/db/schema/case-studies';
import type { CaseStudyStatus } from '@/db/schema/case-studies';
import type { CaseStudyFacts } from '@/lib/policy/rules';
import type { ContentColumns } from '@/lib/policy/scopes';
import type { Visibility } from '@/lib/policy/types';
import { publishedStatuses, submittedStatuses } from './workflow';

/** What the policy needs to know about a case study (the same facts its search document carries). */
export function caseStudyFacts(
  row: { visibility: Visibility; status: CaseStudyStatus; organisationId: string; eventId: string | null; callId: string | null },
  authorIds: readonly string[],
): CaseStudyFacts {
  return {
    visibility: row.visibility,
    organisationId: row.organisationId,
    eventId: row.eventId,
    authorIds,
    isPublished: publishedStatuses.includes(row.status),
    isSubmitted: row.callId !== null && submittedStatuses.includes(row.status),
  };
}

const inList = (values: readonly string[]) => sql.join(values.map((value) => sql`${value}`), sql`, `);

/** The same facts as SQL over the case_studies table, for readableWhere. */
export const caseStudyColumns: ContentColumns = {
  visibility: caseStudies.visibility,
  isPublished: sql`(${caseStudies.status} in (${inList(publishedStatuses)}))`,
  isSubmitted: sql`(${caseStudies.callId} is not null and ${caseStudies.status} in (${inList(submittedStatuses)}))`,
  organisationId: caseStudies.organisationId,
  eventId: caseStudies.eventId,
  authoredBy: (userId) => sql`exists (select 1 from case_study_authors where case_study_authors.case_study_id = ${caseStudies.id} and case_study_authors.user_id = ${userId})`,
};
