import { beforeAll, describe, expect, it } from 'vitest';
import { insertCaseStudy } from '@/db/seed/factories';
import { listRelatedCaseStudies } from '@/lib/case-studies/queries';
import { paragraphs } from '../../support/case-studies';
import { testDb } from '../../support/database';
import { seedPersonas, type Personas } from '../../support/personas';

// Related practice: what shares topics or key populations, from other countries and events first, and
// only what the viewer may read.

let personas: Personas;
let ids: Record<'source' | 'elsewhere' | 'sameCountry' | 'populationOnly' | 'unrelated' | 'organisationOnly' | 'draft', string>;

function seed(title: string, input: Partial<Parameters<typeof insertCaseStudy>[1]>): string {
  return insertCaseStudy(testDb(), {
    organisationId: personas.organisationId,
    title,
    language: 'en',
    visibility: 'public',
    status: 'published',
    sections: { problem: paragraphs(`${title} problem`), lessons: paragraphs(`${title} lessons`) },
    authorIds: [personas.userIds.organisationEditor],
    ...input,
  });
}

beforeAll(async () => {
  personas = await seedPersonas();
  ids = {
    source: seed('Source', { countries: ['KE'], populations: ['msm'], topics: ['peer-education'], eventId: personas.eventId }),
    sameCountry: seed('Same country, same event', { countries: ['KE'], populations: ['msm'], topics: ['peer-education'], eventId: personas.eventId }),
    elsewhere: seed('Other country, other event', { countries: ['SN'], populations: ['msm'], topics: ['peer-education'], eventId: personas.otherEventId }),
    populationOnly: seed('Population only', { countries: ['SN'], populations: ['msm'], topics: ['advocacy'] }),
    unrelated: seed('Unrelated', { countries: ['SN'], populations: ['pwud'], topics: ['advocacy'] }),
    organisationOnly: seed('Organisation only', { organisationId: personas.otherOrganisationId, visibility: 'organisation', countries: ['SN'], populations: ['msm'], topics: ['peer-education'], authorIds: [personas.userIds.otherOrganisationMember] }),
    draft: seed('Draft', { status: 'draft', countries: ['SN'], populations: ['msm'], topics: ['peer-education'] }),
  };
});

const titles = (viewer: Parameters<typeof listRelatedCaseStudies>[0], limit = 10) => listRelatedCaseStudies(viewer, ids.source, 'en', limit).map((card) => card.title);

describe('related practice', () => {
  it('ranks shared topics and populations, preferring another country and another event', () => {
    expect(titles(null)).toEqual(['Other country, other event', 'Same country, same event', 'Population only']);
  });

  it('never includes the case study itself, unrelated work or drafts', () => {
    const found = listRelatedCaseStudies(personas.viewers.organisationEditor, ids.source, 'en', 10).map((card) => card.id);
    expect(found).not.toContain(ids.source);
    expect(found).not.toContain(ids.unrelated);
    expect(found).not.toContain(ids.draft);
  });

  it('shows organisation-only work to its organisation and to nobody else', () => {
    expect(titles(null)).not.toContain('Organisation only');
    expect(titles(personas.viewers.organisationMember)).not.toContain('Organisation only');
    expect(titles(personas.viewers.otherOrganisationMember)).toContain('Organisation only');
  });

  it('respects the limit', () => {
    expect(titles(null, 2)).toEqual(['Other country, other event', 'Same country, same event']);
  });
});
