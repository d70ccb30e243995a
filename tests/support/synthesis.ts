import { sectionKeys, type SectionKey } from '@/db/schema/case-studies';
import { addParticipant, insertCall, insertCaseStudy, insertUser, richText } from '@/db/seed/factories';
import { createTheme } from '@/lib/synthesis/mutations';
import type { MaybeViewer, Viewer, Visibility } from '@/lib/policy/types';
import { testDb } from './database';
import { seedPersonas, testPasswordHash, viewerOf, type PersonaName, type Personas } from './personas';

/** The personas plus the two the synthesis rules need: a synthesis-group member of E1 and a participant of E2. */
export type SynthesisPersonas = Personas & {
  synthesisMember: Viewer;
  otherEventParticipant: Viewer;
  all: Record<PersonaName | 'synthesisMember' | 'otherEventParticipant', MaybeViewer>;
};

let seeded: Promise<SynthesisPersonas> | undefined;

export function seedSynthesisPersonas(): Promise<SynthesisPersonas> {
  seeded ??= (async () => {
    const personas = await seedPersonas();
    const db = testDb();
    const hash = await testPasswordHash();
    const synthesisId = insertUser(db, { username: 'persona-synthesis', displayName: 'Synthesis member', passwordHash: hash });
    addParticipant(db, personas.eventId, synthesisId, 'synthesis');
    const otherParticipantId = insertUser(db, { username: 'persona-other-participant', displayName: 'Other participant', passwordHash: hash });
    addParticipant(db, personas.otherEventId, otherParticipantId, 'participant');
    const synthesisMember = viewerOf(synthesisId);
    const otherEventParticipant = viewerOf(otherParticipantId);
    return { ...personas, synthesisMember, otherEventParticipant, all: { ...personas.viewers, synthesisMember, otherEventParticipant } };
  })();
  return seeded;
}

type CaseStudyFixture = {
  organisationId: string;
  authorIds: string[];
  title: string;
  visibility: Exclude<Visibility, 'private'>;
  summary?: string;
  sections?: Partial<Record<SectionKey, string>>;
  countries?: string[];
  populations?: string[];
  eventId?: string | null;
  status?: 'published' | 'draft';
};

/** A case study with every section written (given texts, or a sentence naming the title and the section). */
export function insertTestCaseStudy(input: CaseStudyFixture & { callId?: string; reviewerId?: string }): string {
  return insertCaseStudy(testDb(), {
    organisationId: input.organisationId,
    callId: input.callId ?? null,
    ...(input.callId ? {} : { eventId: input.eventId ?? null }),
    title: input.title,
    summary: input.summary ?? `${input.title}: summary.`,
    language: 'en',
    visibility: input.visibility,
    status: input.status ?? 'published',
    sections: Object.fromEntries(sectionKeys.map((key) => [key, richText([input.sections?.[key] ?? `${input.title}: ${key} text.`])])),
    authorIds: input.authorIds,
    reviewerId: input.reviewerId ?? null,
    countries: input.countries ?? [],
    populations: input.populations ?? [],
  });
}

/**
 * A case study written for E1's call and published to its organisation only: E1's facilitator reviewed it
 * and reads it; outside the organisation nobody else does.
 */
export function insertOrganisationOnlyCaseStudy(personas: Personas, input: Omit<CaseStudyFixture, 'organisationId' | 'authorIds' | 'visibility' | 'eventId'>): string {
  const callId = insertCall(testDb(), { eventId: personas.eventId, opensOn: '2030-01-01', deadline: '2030-02-01', organisationIds: [personas.organisationId] });
  return insertTestCaseStudy({
    ...input,
    organisationId: personas.organisationId,
    authorIds: [personas.userIds.organisationEditor],
    visibility: 'organisation',
    callId,
    reviewerId: personas.userIds.eventFacilitator,
  });
}

/** A theme created through the real mutation by E1's facilitator (or `viewer`). */
export function createTestTheme(personas: Personas, overrides: Record<string, unknown> = {}, viewer: MaybeViewer = personas.viewers.eventFacilitator): string {
  return createTheme({
    viewer,
    input: { eventId: personas.eventId, kind: 'emerging_theme', titleEn: 'Safety & Security', titleFr: 'Sûreté et sécurité', visibility: 'public', ...overrides },
  }).id;
}
