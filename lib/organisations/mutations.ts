import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { organisationPopulations, organisations } from '@/db/schema/organisations';
import { caseStudies } from '@/db/schema/case-studies';
import { recordAudit } from '@/lib/audit';
import { AppError } from '@/lib/errors';
import { newId, slugify } from '@/lib/ids';
import { assertCan } from '@/lib/policy/rules';
import type { MaybeViewer } from '@/lib/policy/types';
import { enqueueSearch } from '@/lib/search/outbox';
import { OrganisationInput, UpdateOrganisationInput } from './schemas';

type Tx = Parameters<Parameters<ReturnType<typeof getDb>['transaction']>[0]>[0];

function uniqueSlug(tx: Tx, name: string): string {
  const base = slugify(name) || 'organisation';
  for (let suffix = 1; ; suffix++) {
    const slug = suffix === 1 ? base : `${base}-${suffix}`;
    if (!tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, slug)).get()) return slug;
  }
}

export function createOrganisation({ viewer, input }: { viewer: MaybeViewer; input: unknown }) {
  assertCan(viewer, 'organisation.create', null);
  const data = OrganisationInput.parse(input);
  const id = newId();
  return getDb().transaction(
    (tx) => {
      const slug = uniqueSlug(tx, data.name);
      tx.insert(organisations)
        .values({ id, slug, name: data.name, type: data.type, countryCode: data.countryCode, description: data.description ?? '', visibility: data.visibility })
        .run();
      for (const populationKey of new Set(data.populations)) tx.insert(organisationPopulations).values({ organisationId: id, populationKey }).run();
      enqueueSearch(tx, 'organisation', id);
      recordAudit(tx, { actorId: viewer!.userId, action: 'organisation.create', targetType: 'organisation', targetId: id, detail: data.name });
      return { id, slug };
    },
    { behavior: 'immediate' },
  );
}

export function updateOrganisation({ viewer, input }: { viewer: MaybeViewer; input: unknown }) {
  const data = UpdateOrganisationInput.parse(input);
  const db = getDb();
  const existing = db.select().from(organisations).where(eq(organisations.id, data.organisationId)).get();
  if (!existing) throw new AppError('not_found');
  assertCan(viewer, 'organisation.update', existing);
  db.transaction(
    (tx) => {
      tx.update(organisations)
        .set({ name: data.name, type: data.type, countryCode: data.countryCode, description: data.description ?? '', visibility: data.visibility })
        .where(eq(organisations.id, existing.id))
        .run();
      tx.delete(organisationPopulations).where(eq(organisationPopulations.organisationId, existing.id)).run();
      for (const populationKey of new Set(data.populations)) tx.insert(organisationPopulations).values({ organisationId: existing.id, populationKey }).run();
      // Its case studies' documents carry its name and type.
      enqueueSearch(tx, 'organisation', existing.id);
      enqueueSearch(tx, 'case_study', tx.select({ id: caseStudies.id }).from(caseStudies).where(eq(caseStudies.organisationId, existing.id)).all().map((row) => row.id));
      recordAudit(tx, { actorId: viewer!.userId, action: 'organisation.update', targetType: 'organisation', targetId: existing.id });
    },
    { behavior: 'immediate' },
  );
  return { slug: existing.slug };
}
