import { eq } from 'drizzle-orm';
import { newId, slugify } from '../../lib/ids';
import { emptyDocument, plainTextOf, type RichTextJson } from '../../lib/rich-text/plain-text';
import { validateRichText } from '../../lib/rich-text/validate';
import type { Db } from '../client';
import { memberships, users } from '../schema/accounts';
import {
  callOrganisations,
  calls,
  caseStudies,
  caseStudyAuthors,
  caseStudyCountries,
  caseStudyPopulations,
  caseStudyRevisions,
  caseStudySections,
  caseStudyTopics,
  caseStudyTransitions,
  reviewComments,
  sectionKeys,
  type caseStudyVisibilities,
  type CaseStudyStatus,
  type SectionKey,
} from '../schema/case-studies';
import { eventOrganisations, eventParticipants, eventPopulations, events, eventSessions, eventTopics, type eventRoles, type sessionKinds } from '../schema/events';
import { organisationPopulations, organisations, type organisationTypes } from '../schema/organisations';

// Row builders shared by the demo seed and the tests, so both exercise the same shapes.

/** Synchronous so callers can build whole networks inside one transaction: hash passwords first. */
export function insertUser(
  db: Db,
  input: {
    username: string;
    displayName?: string;
    passwordHash: string;
    email?: string | null;
    locale?: 'en' | 'fr';
    siteRole?: 'member' | 'moderator' | 'admin';
    isInDirectory?: boolean;
    isDisabled?: boolean;
    bio?: string;
    emailFrequency?: 'immediate' | 'daily' | 'weekly' | 'never';
  },
): string {
  const id = newId();
  db.insert(users)
    .values({
      id,
      username: input.username.toLowerCase(),
      displayName: input.displayName ?? input.username,
      email: input.email ?? null,
      passwordHash: input.passwordHash,
      locale: input.locale ?? 'en',
      siteRole: input.siteRole ?? 'member',
      isInDirectory: input.isInDirectory ?? false,
      isDisabled: input.isDisabled ?? false,
      bio: input.bio ?? '',
      emailFrequency: input.emailFrequency ?? 'daily',
    })
    .run();
  return id;
}

export function insertOrganisation(
  db: Db,
  input: { name: string; type: (typeof organisationTypes)[number]; countryCode: string; populations?: string[]; description?: string; visibility?: 'public' | 'members' },
): { id: string; slug: string } {
  const id = newId();
  const slug = slugify(input.name);
  db.insert(organisations)
    .values({ id, slug, name: input.name, type: input.type, countryCode: input.countryCode, description: input.description ?? '', visibility: input.visibility ?? 'public' })
    .run();
  for (const populationKey of input.populations ?? []) db.insert(organisationPopulations).values({ organisationId: id, populationKey }).run();
  return { id, slug };
}

export function addMembership(db: Db, userId: string, organisationId: string, role: 'member' | 'editor' = 'member'): void {
  db.insert(memberships).values({ userId, organisationId, role }).onConflictDoUpdate({ target: [memberships.userId, memberships.organisationId], set: { role } }).run();
}

export function insertEvent(
  db: Db,
  input: {
    slug: string;
    titleEn: string;
    titleFr: string;
    descriptionEn?: string;
    descriptionFr?: string;
    startsOn: string;
    endsOn: string;
    place?: string;
    countryCode?: string | null;
    visibility?: 'public' | 'members';
    populations?: string[];
    topics?: string[];
  },
): { id: string; slug: string } {
  const id = newId();
  db.insert(events)
    .values({
      id,
      slug: input.slug,
      titleEn: input.titleEn,
      titleFr: input.titleFr,
      descriptionEn: input.descriptionEn ?? '',
      descriptionFr: input.descriptionFr ?? '',
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      place: input.place ?? '',
      countryCode: input.countryCode ?? null,
      visibility: input.visibility ?? 'public',
    })
    .run();
  for (const populationKey of input.populations ?? []) db.insert(eventPopulations).values({ eventId: id, populationKey }).run();
  (input.topics ?? []).forEach((topicKey, sortOrder) => db.insert(eventTopics).values({ eventId: id, topicKey, sortOrder }).run());
  return { id, slug: input.slug };
}

export function addParticipant(db: Db, eventId: string, userId: string, role: (typeof eventRoles)[number]): void {
  db.insert(eventParticipants).values({ eventId, userId, role }).onConflictDoNothing().run();
}

export function addEventOrganisation(db: Db, eventId: string, organisationId: string): void {
  db.insert(eventOrganisations).values({ eventId, organisationId }).onConflictDoNothing().run();
}

export function insertSession(
  db: Db,
  input: { eventId: string; kind: (typeof sessionKinds)[number]; titleEn: string; titleFr: string; day: string; startsAt?: string; endsAt?: string; room?: string },
): string {
  const id = newId();
  db.insert(eventSessions).values({ id, ...input, startsAt: input.startsAt ?? '', endsAt: input.endsAt ?? '', room: input.room ?? '' }).run();
  return id;
}

export function insertCall(
  db: Db,
  input: { eventId: string; opensOn: string; deadline: string; guidanceEn?: string; guidanceFr?: string; organisationIds?: string[]; createdBy?: string | null; createdAt?: Date },
): string {
  const id = newId();
  db.insert(calls)
    .values({
      id,
      eventId: input.eventId,
      opensOn: input.opensOn,
      deadline: input.deadline,
      guidanceEn: input.guidanceEn ?? '',
      guidanceFr: input.guidanceFr ?? '',
      createdBy: input.createdBy ?? null,
      ...(input.createdAt ? { createdAt: input.createdAt } : {}),
    })
    .run();
  for (const organisationId of new Set(input.organisationIds ?? [])) db.insert(callOrganisations).values({ callId: id, organisationId }).run();
  return id;
}

/**
 * A block of rich text for `richText`: a paragraph (a string), a heading, or a list. Strings may use
 * `**bold**`, `*italic*` and `[label](https://…)`; nothing else is interpreted.
 */
export type RichTextBlock = string | { heading: string; level?: 2 | 3 } | { bullets: string[] } | { ordered: string[] };

const inlinePattern = /(\*\*[^*]+\*\*|\*[^*\s][^*]*\*|\[[^\]]+\]\(https?:\/\/[^)\s]+\))/;

function inline(text: string): RichTextJson[] {
  const nodes: RichTextJson[] = [];
  for (const part of text.split(inlinePattern)) {
    if (!part) continue;
    if (part.startsWith('**') && part.endsWith('**') && part.length > 4) nodes.push({ type: 'text', text: part.slice(2, -2), marks: [{ type: 'bold' }] });
    else if (part.startsWith('*') && part.endsWith('*') && part.length > 2) nodes.push({ type: 'text', text: part.slice(1, -1), marks: [{ type: 'italic' }] });
    else if (part.startsWith('[') && part.endsWith(')') && part.includes('](')) {
      const [label, href] = part.slice(1, -1).split('](') as [string, string];
      nodes.push({ type: 'text', text: label, marks: [{ type: 'link', attrs: { href } }] });
    } else nodes.push({ type: 'text', text: part });
  }
  return nodes;
}

const paragraph = (text: string): RichTextJson => ({ type: 'paragraph', content: inline(text) });
const listItems = (items: string[]): RichTextJson[] => items.map((item) => ({ type: 'listItem', content: [paragraph(item)] }));

/** Builds a tiptap document: `richText(['paragraph one', { bullets: ['a', 'b'] }])`. */
export function richText(blocks: RichTextBlock[]): RichTextJson {
  if (!blocks.length) return emptyDocument;
  return {
    type: 'doc',
    content: blocks.map((block): RichTextJson => {
      if (typeof block === 'string') return paragraph(block);
      if ('heading' in block) return { type: 'heading', attrs: { level: block.level ?? 3 }, content: inline(block.heading) };
      if ('bullets' in block) return { type: 'bulletList', content: listItems(block.bullets) };
      return { type: 'orderedList', attrs: { start: 1 }, content: listItems(block.ordered) };
    }),
  };
}

type SectionContents = Partial<Record<SectionKey, RichTextJson>>;

export type InsertCaseStudyInput = {
  organisationId: string;
  /** The call it was written for; its event is the case study's event unless `eventId` says otherwise. */
  callId?: string | null;
  eventId?: string | null;
  title: string;
  summary?: string;
  language: 'en' | 'fr';
  visibility?: (typeof caseStudyVisibilities)[number];
  status?: CaseStudyStatus;
  /** The current text of each section; a missing section is empty. */
  sections: SectionContents;
  /** The first is the creator and, unless `actorId` is given, makes the editor's moves (submit, publish…). */
  authorIds: string[];
  actorId?: string;
  /** The facilitator who requested changes or accepted: needed once a call's case study is past `submitted`. */
  reviewerId?: string | null;
  countries?: string[];
  populations?: string[];
  topics?: string[];
  freeTags?: string[];
  /**
   * A review round before the current text: revision 1 had this title, summary and these sections
   * (others as now), and the reviewer asked for changes with `note` and section `comments`. Implied by
   * the status `changes_requested`, where the current text is the authors' work in progress on revision 1.
   */
  changesRequested?: { title?: string; summary?: string; sections?: SectionContents; note?: string; comments?: { sectionKey: SectionKey | null; body: string }[] };
  acceptNote?: string;
  /** Dates of the history: steps without a date fall between these, or a few days after the last one. */
  createdAt?: Date;
  /** The last submission (a resubmission after changes were requested, when there was one). */
  submittedAt?: Date;
  acceptedAt?: Date;
  publishedAt?: Date;
  /** When it was archived or withdrawn. */
  closedAt?: Date;
  /** The last edit (defaults to the last step of the history, or a day after creation for a draft). */
  updatedAt?: Date;
};

type HistoryStep = {
  from: CaseStudyStatus;
  to: CaseStudyStatus;
  actor: 'author' | 'reviewer';
  note?: string;
  revision?: 'first' | 'current';
  at?: Date;
};

const day = 24 * 60 * 60 * 1000;

/** The moves that lead from a new draft to `status`, as the workflow (lib/case-studies/workflow.ts) allows them. */
function historyOf(input: InsertCaseStudyInput, status: CaseStudyStatus, visibility: string): HistoryStep[] {
  const steps: HistoryStep[] = [];
  if (status === 'draft') return steps;
  const publish = (from: CaseStudyStatus): HistoryStep => ({ from, to: 'published', actor: 'author', note: `visibility=${visibility}`, at: input.publishedAt });
  if (!input.callId) {
    if (status === 'submitted' || status === 'changes_requested' || status === 'accepted') throw new Error(`insertCaseStudy: "${input.title}" cannot be ${status} outside a call`);
    if (status === 'withdrawn') return [{ from: 'draft', to: 'withdrawn', actor: 'author', at: input.closedAt }];
    steps.push({ ...publish('draft'), revision: 'current' });
    if (status === 'archived') steps.push({ from: 'published', to: 'archived', actor: 'author', at: input.closedAt });
    return steps;
  }
  const reviewed = status === 'changes_requested' || !!input.changesRequested;
  // `submittedAt` dates the last submission: the first one, unless changes were requested and it was resubmitted.
  const resubmitted = reviewed && status !== 'changes_requested';
  steps.push({ from: 'draft', to: 'submitted', actor: 'author', revision: reviewed ? 'first' : 'current', at: resubmitted ? undefined : input.submittedAt });
  if (reviewed) {
    steps.push({ from: 'submitted', to: 'changes_requested', actor: 'reviewer', note: input.changesRequested?.note ?? '' });
    if (status === 'changes_requested') return steps;
    steps.push({ from: 'changes_requested', to: 'submitted', actor: 'author', revision: 'current', at: input.submittedAt });
  }
  if (status === 'submitted') return steps;
  if (status === 'withdrawn') return [...steps, { from: 'submitted', to: 'withdrawn', actor: 'author', at: input.closedAt }];
  steps.push({ from: 'submitted', to: 'accepted', actor: 'reviewer', note: input.acceptNote ?? '', at: input.acceptedAt });
  if (status === 'accepted') return steps;
  steps.push(publish('accepted'));
  if (status === 'archived') steps.push({ from: 'published', to: 'archived', actor: 'author', at: input.closedAt });
  return steps;
}

/** Gives every step a date: between the dated steps around it, or `gapDays` after the previous one. */
function dateSteps(start: Date, steps: HistoryStep[], gapDays = 5): Date[] {
  const dates: Date[] = [];
  let previous = start.getTime();
  steps.forEach((step, index) => {
    if (step.at) {
      previous = step.at.getTime();
      dates.push(step.at);
      return;
    }
    const nextDated = steps.slice(index + 1).findIndex((later) => later.at);
    const target = nextDated >= 0 ? steps[index + 1 + nextDated]!.at!.getTime() : undefined;
    previous = target !== undefined ? previous + (target - previous) / (nextDated + 2) : previous + gapDays * day;
    dates.push(new Date(previous));
  });
  return dates;
}

function validSections(title: string, sections: SectionContents | undefined): SectionContents {
  const valid: SectionContents = {};
  for (const [key, content] of Object.entries(sections ?? {}) as [SectionKey, RichTextJson][]) {
    try {
      valid[key] = validateRichText(content);
    } catch {
      throw new Error(`insertCaseStudy: section "${key}" of "${title}" is not valid rich text`);
    }
  }
  return valid;
}

/**
 * A case study with its whole history: sections (validated, with derived plain text), authors, metadata
 * lists, and for statuses past `draft` the revisions, status transitions and review comments the
 * workflow would have left, dated consistently. Returns the id.
 */
export function insertCaseStudy(db: Db, input: InsertCaseStudyInput): string {
  const id = newId();
  const status = input.status ?? 'draft';
  const visibility = input.visibility ?? 'organisation';
  const authorIds = [...new Set(input.authorIds)];
  if (!authorIds.length) throw new Error(`insertCaseStudy: "${input.title}" needs an author`);
  const actorId = input.actorId ?? authorIds[0]!;
  const eventId = input.eventId !== undefined ? input.eventId : input.callId ? (db.select({ eventId: calls.eventId }).from(calls).where(eq(calls.id, input.callId)).get()?.eventId ?? null) : null;
  if (input.callId && !eventId) throw new Error(`insertCaseStudy: call of "${input.title}" not found`);
  if (visibility === 'event' && !eventId) throw new Error(`insertCaseStudy: "${input.title}" has event visibility but no event`);
  if (visibility === 'private' && (status === 'published' || status === 'archived')) throw new Error(`insertCaseStudy: "${input.title}" cannot be published privately`);

  const current = validSections(input.title, input.sections);
  const first = { ...current, ...validSections(input.title, input.changesRequested?.sections) };
  const steps = historyOf(input, status, visibility);
  if (steps.some((step) => step.actor === 'reviewer') && !input.reviewerId) throw new Error(`insertCaseStudy: "${input.title}" needs a reviewer`);
  const createdAt = input.createdAt ?? new Date(Date.now() - 30 * day);
  const dates = dateSteps(createdAt, steps);
  [createdAt, ...dates, ...(input.updatedAt ? [input.updatedAt] : [])].reduce((previous, date) => {
    if (date.getTime() < previous.getTime()) throw new Error(`insertCaseStudy: the dates of "${input.title}" go backwards`);
    return date;
  });
  const lastStepAt = dates.at(-1);
  const updatedAt = input.updatedAt ?? lastStepAt ?? new Date(createdAt.getTime() + day);
  const submittedAt = [...steps.keys()].filter((index) => steps[index]!.to === 'submitted').map((index) => dates[index]!).at(-1) ?? null;
  const publishedAt = [...steps.keys()].filter((index) => steps[index]!.to === 'published').map((index) => dates[index]!).at(-1) ?? null;
  const firstTitle = input.changesRequested?.title ?? input.title;
  const firstSummary = input.changesRequested?.summary ?? input.summary ?? '';
  const metadataChanged = firstTitle !== input.title || firstSummary !== (input.summary ?? '');

  db.insert(caseStudies)
    .values({
      id,
      organisationId: input.organisationId,
      eventId,
      callId: input.callId ?? null,
      title: input.title,
      summary: input.summary ?? '',
      language: input.language,
      visibility,
      status,
      version: metadataChanged ? 2 : 1,
      createdBy: authorIds[0]!,
      createdAt,
      updatedAt,
      submittedAt,
      publishedAt,
    })
    .run();

  // When each section last changed: sections revised after review changed at the resubmission (or last edit).
  const firstSubmittedAt = steps.findIndex((step) => step.revision) >= 0 ? dates[steps.findIndex((step) => step.revision)]! : updatedAt;
  const revisedAt = steps.findIndex((step) => step.revision === 'current' && step.from === 'changes_requested');
  for (const key of sectionKeys) {
    const content = current[key] ?? emptyDocument;
    const plainText = plainTextOf(content);
    const revised = JSON.stringify(first[key] ?? emptyDocument) !== JSON.stringify(content);
    db.insert(caseStudySections)
      .values({
        caseStudyId: id,
        key,
        content,
        plainText,
        version: plainText ? (revised ? 3 : 2) : 1,
        updatedBy: actorId,
        updatedAt: revised ? (revisedAt >= 0 ? dates[revisedAt]! : updatedAt) : new Date(Math.min(firstSubmittedAt.getTime(), updatedAt.getTime())),
      })
      .run();
  }
  for (const userId of authorIds) db.insert(caseStudyAuthors).values({ caseStudyId: id, userId }).run();
  for (const countryCode of new Set(input.countries ?? [])) db.insert(caseStudyCountries).values({ caseStudyId: id, countryCode }).run();
  for (const populationKey of new Set(input.populations ?? [])) db.insert(caseStudyPopulations).values({ caseStudyId: id, populationKey }).run();
  for (const topic of new Set(input.topics ?? [])) db.insert(caseStudyTopics).values({ caseStudyId: id, topic, isFreeTag: false }).onConflictDoNothing().run();
  for (const topic of new Set(input.freeTags ?? [])) db.insert(caseStudyTopics).values({ caseStudyId: id, topic, isFreeTag: true }).onConflictDoNothing().run();

  const snapshot = (sections: SectionContents) =>
    Object.fromEntries(sectionKeys.map((key) => [key, { content: sections[key] ?? emptyDocument, plainText: plainTextOf(sections[key] ?? emptyDocument) }])) as Record<SectionKey, { content: unknown; plainText: string }>;
  let revisionNumber = 0;
  steps.forEach((step, index) => {
    const at = dates[index]!;
    const stepActor = step.actor === 'reviewer' ? input.reviewerId! : actorId;
    if (step.revision) {
      revisionNumber += 1;
      const isFirst = step.revision === 'first';
      db.insert(caseStudyRevisions)
        .values({
          id: newId(),
          caseStudyId: id,
          number: revisionNumber,
          title: isFirst ? firstTitle : input.title,
          summary: isFirst ? firstSummary : (input.summary ?? ''),
          sections: snapshot(isFirst ? first : current),
          submittedBy: actorId,
          createdAt: at,
        })
        .run();
    }
    db.insert(caseStudyTransitions).values({ caseStudyId: id, fromStatus: step.from, toStatus: step.to, actorId: stepActor, note: step.note ?? '', createdAt: at }).run();
    // As lib/case-studies/mutations.ts does: the reviewer's note is kept as a comment on the whole, beside the section comments.
    const comments =
      step.to === 'changes_requested'
        ? [...(step.note ? [{ sectionKey: null, body: step.note }] : []), ...(input.changesRequested?.comments ?? [])]
        : step.to === 'accepted' && step.note
          ? [{ sectionKey: null, body: step.note }]
          : [];
    comments.forEach((comment, order) => {
      db.insert(reviewComments)
        .values({ id: newId(), caseStudyId: id, revisionNumber, sectionKey: comment.sectionKey, authorId: input.reviewerId!, body: comment.body, createdAt: new Date(at.getTime() - (comments.length - order) * 60_000) })
        .run();
    });
  });
  return id;
}
