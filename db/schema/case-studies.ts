import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './accounts';
import { events } from './events';
import { organisations } from './organisations';
import { countries, keyPopulations } from './taxonomy';
import { sectionKeys, type SectionKey } from '../../lib/case-studies/sections';

export { sectionKeys, type SectionKey };

export const caseStudyStatuses = ['draft', 'submitted', 'changes_requested', 'accepted', 'published', 'archived', 'withdrawn'] as const;
export type CaseStudyStatus = (typeof caseStudyStatuses)[number];

export const caseStudyVisibilities = ['public', 'members', 'event', 'organisation', 'private'] as const;

/** A facilitator's call for case studies on an event. */
export const calls = sqliteTable(
  'calls',
  {
    id: text('id').primaryKey(),
    eventId: text('event_id').notNull().references(() => events.id, { onDelete: 'cascade' }),
    opensOn: text('opens_on').notNull(),
    deadline: text('deadline').notNull(),
    guidanceEn: text('guidance_en').notNull().default(''),
    guidanceFr: text('guidance_fr').notNull().default(''),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch() * 1000)`),
  },
  (table) => [index('calls_event_idx').on(table.eventId)],
);

export const callOrganisations = sqliteTable(
  'call_organisations',
  {
    callId: text('call_id').notNull().references(() => calls.id, { onDelete: 'cascade' }),
    organisationId: text('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
  },
  (table) => [primaryKey({ columns: [table.callId, table.organisationId] })],
);

export const caseStudies = sqliteTable(
  'case_studies',
  {
    id: text('id').primaryKey(),
    // Owned by the organisation, not a person: it survives staff turnover.
    organisationId: text('organisation_id').notNull().references(() => organisations.id, { onDelete: 'restrict' }),
    eventId: text('event_id').references(() => events.id, { onDelete: 'set null' }),
    callId: text('call_id').references(() => calls.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    language: text('language', { enum: ['en', 'fr'] }).notNull(),
    visibility: text('visibility', { enum: caseStudyVisibilities }).notNull().default('organisation'),
    status: text('status', { enum: caseStudyStatuses }).notNull().default('draft'),
    // Optimistic concurrency for the metadata; each section has its own version.
    version: integer('version').notNull().default(1),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch() * 1000)`),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch() * 1000)`),
    submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }),
    publishedAt: integer('published_at', { mode: 'timestamp_ms' }),
  },
  (table) => [
    index('case_studies_organisation_idx').on(table.organisationId),
    index('case_studies_event_idx').on(table.eventId),
    index('case_studies_status_idx').on(table.status, table.publishedAt),
  ],
);

export const caseStudySections = sqliteTable(
  'case_study_sections',
  {
    caseStudyId: text('case_study_id').notNull().references(() => caseStudies.id, { onDelete: 'cascade' }),
    key: text('key', { enum: sectionKeys }).notNull(),
    // tiptap JSON, validated against lib/rich-text/extensions.ts before it is stored.
    content: text('content', { mode: 'json' }).notNull(),
    // Derived from `content`: search, previews, completeness, diffs.
    plainText: text('plain_text').notNull().default(''),
    version: integer('version').notNull().default(1),
    updatedBy: text('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch() * 1000)`),
  },
  (table) => [primaryKey({ columns: [table.caseStudyId, table.key] })],
);

export const caseStudyAuthors = sqliteTable(
  'case_study_authors',
  {
    caseStudyId: text('case_study_id').notNull().references(() => caseStudies.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  },
  (table) => [primaryKey({ columns: [table.caseStudyId, table.userId] }), index('case_study_authors_user_idx').on(table.userId)],
);

export const caseStudyCountries = sqliteTable(
  'case_study_countries',
  {
    caseStudyId: text('case_study_id').notNull().references(() => caseStudies.id, { onDelete: 'cascade' }),
    countryCode: text('country_code').notNull().references(() => countries.code),
  },
  (table) => [primaryKey({ columns: [table.caseStudyId, table.countryCode] })],
);

export const caseStudyPopulations = sqliteTable(
  'case_study_populations',
  {
    caseStudyId: text('case_study_id').notNull().references(() => caseStudies.id, { onDelete: 'cascade' }),
    populationKey: text('population_key').notNull().references(() => keyPopulations.key),
  },
  (table) => [primaryKey({ columns: [table.caseStudyId, table.populationKey] })],
);

/** Topics: the event's key topics (keys of the topics table) and free tags, both as text. */
export const caseStudyTopics = sqliteTable(
  'case_study_topics',
  {
    caseStudyId: text('case_study_id').notNull().references(() => caseStudies.id, { onDelete: 'cascade' }),
    topic: text('topic').notNull(),
    isFreeTag: integer('is_free_tag', { mode: 'boolean' }).notNull().default(false),
  },
  (table) => [primaryKey({ columns: [table.caseStudyId, table.topic] })],
);

/** Every submitted version, whole: history and section-by-section diffs read from here. */
export const caseStudyRevisions = sqliteTable(
  'case_study_revisions',
  {
    id: text('id').primaryKey(),
    caseStudyId: text('case_study_id').notNull().references(() => caseStudies.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    sections: text('sections', { mode: 'json' }).notNull().$type<Record<SectionKey, { content: unknown; plainText: string }>>(),
    submittedBy: text('submitted_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch() * 1000)`),
  },
  (table) => [uniqueIndex('case_study_revisions_number_unique').on(table.caseStudyId, table.number)],
);

/** Facilitators' review comments, on a section or (sectionKey null) on the whole. */
export const reviewComments = sqliteTable(
  'review_comments',
  {
    id: text('id').primaryKey(),
    caseStudyId: text('case_study_id').notNull().references(() => caseStudies.id, { onDelete: 'cascade' }),
    revisionNumber: integer('revision_number').notNull(),
    sectionKey: text('section_key', { enum: sectionKeys }),
    authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch() * 1000)`),
  },
  (table) => [index('review_comments_case_study_idx').on(table.caseStudyId)],
);

/** The status history: who moved a case study from one state to another, when. */
export const caseStudyTransitions = sqliteTable(
  'case_study_transitions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseStudyId: text('case_study_id').notNull().references(() => caseStudies.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status', { enum: caseStudyStatuses }).notNull(),
    toStatus: text('to_status', { enum: caseStudyStatuses }).notNull(),
    actorId: text('actor_id').references(() => users.id, { onDelete: 'set null' }),
    note: text('note').notNull().default(''),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch() * 1000)`),
  },
  (table) => [index('case_study_transitions_case_study_idx').on(table.caseStudyId)],
);

export const attachments = sqliteTable(
  'attachments',
  {
    id: text('id').primaryKey(),
    caseStudyId: text('case_study_id').notNull().references(() => caseStudies.id, { onDelete: 'cascade' }),
    // Random name on disk under data/uploads; the original name is shown, never used as a path.
    storageName: text('storage_name').notNull(),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    byteSize: integer('byte_size').notNull(),
    uploadedBy: text('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch() * 1000)`),
  },
  (table) => [index('attachments_case_study_idx').on(table.caseStudyId), uniqueIndex('attachments_storage_unique').on(table.storageName)],
);
