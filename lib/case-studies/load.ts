import 'server-only';
import { eq } from 'drizzle-orm';
import type { getDb } from '@/db/client';
import { caseStudies, caseStudyAuthors } from '@/db/schema/case-studies';
import { AppError } from '@/lib/errors';
import { caseStudyFacts } from './facts';

type Db = ReturnType<typeof getDb>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** A case study with its authors and policy facts, inside the caller's transaction; a missing one is not found. */
export function loadCaseStudy(tx: Tx | Db, caseStudyId: string) {
  const row = tx.select().from(caseStudies).where(eq(caseStudies.id, caseStudyId)).get();
  if (!row) throw new AppError('not_found');
  const authorIds = tx.select({ userId: caseStudyAuthors.userId }).from(caseStudyAuthors).where(eq(caseStudyAuthors.caseStudyId, caseStudyId)).all().map((author) => author.userId);
  return { row, authorIds, facts: caseStudyFacts(row, authorIds) };
}
