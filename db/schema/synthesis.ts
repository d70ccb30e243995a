import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './accounts';
import { caseStudies, sectionKeys } from './case-studies';
import { posts, threads } from './conversations';
import { eventSessions, events } from './events';

/** The kinds of themes a synthesis group names (from the network's reports), plus network-wide principles. */
export const themeKinds = ['emerging_theme', 'gap', 'bridging_behaviour', 'adapting_principle', 'network_principle'] as const;
export type ThemeKind = (typeof themeKinds)[number];

/** Themes are read by the event's participants while the group works, and opened wider once ready. */
export const themeVisibilities = ['public', 'members', 'event'] as const;

/**
 * A theme named by an event's synthesis group (or, for network principles, with no event). Merging keeps
 * the merged theme as a pointer (`mergedIntoId`) so old links still lead somewhere.
 */
export const themes = sqliteTable(
  'themes',
  {
    id: text('id').primaryKey(),
    eventId: text('event_id').references(() => events.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: themeKinds }).notNull(),
    titleEn: text('title_en').notNull(),
    titleFr: text('title_fr').notNull(),
    // Rich text (tiptap JSON, the document profile) in each language; either may be empty.
    descriptionEn: text('description_en', { mode: 'json' }),
    descriptionFr: text('description_fr', { mode: 'json' }),
    descriptionTextEn: text('description_text_en').notNull().default(''),
    descriptionTextFr: text('description_text_fr').notNull().default(''),
    sortOrder: integer('sort_order').notNull().default(0),
    visibility: text('visibility', { enum: themeVisibilities }).notNull().default('event'),
    mergedIntoId: text('merged_into_id'),
    version: integer('version').notNull().default(1),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch() * 1000)`),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch() * 1000)`),
  },
  (table) => [index('themes_event_idx').on(table.eventId, table.kind, table.sortOrder)],
);

export const evidenceTargets = ['case_study', 'thread', 'post'] as const;

/**
 * A piece of evidence tagged to a theme: a case study (whole, or one section), a thread or a post, with
 * who tagged it, when, during which session, and a short note. Each piece keeps its own visibility: a
 * reader sees and counts only what they may read.
 */
export const themeEvidence = sqliteTable(
  'theme_evidence',
  {
    id: text('id').primaryKey(),
    themeId: text('theme_id').notNull().references(() => themes.id, { onDelete: 'cascade' }),
    targetType: text('target_type', { enum: evidenceTargets }).notNull(),
    caseStudyId: text('case_study_id').references(() => caseStudies.id, { onDelete: 'cascade' }),
    sectionKey: text('section_key', { enum: sectionKeys }),
    threadId: text('thread_id').references(() => threads.id, { onDelete: 'cascade' }),
    postId: text('post_id').references(() => posts.id, { onDelete: 'cascade' }),
    // `case_study:<id>`, `case_study:<id>:<section>`, `thread:<id>` or `post:<id>`: one link per theme and target.
    targetKey: text('target_key').notNull(),
    note: text('note').notNull().default(''),
    sessionId: text('session_id').references(() => eventSessions.id, { onDelete: 'set null' }),
    taggedBy: text('tagged_by').references(() => users.id, { onDelete: 'set null' }),
    taggedAt: integer('tagged_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch() * 1000)`),
  },
  (table) => [
    index('theme_evidence_theme_idx').on(table.themeId),
    index('theme_evidence_case_study_idx').on(table.caseStudyId),
    // A section counts as its own target. (SQLite treats NULLs as distinct, hence one key column.)
    uniqueIndex('theme_evidence_target_unique').on(table.themeId, table.targetKey),
  ],
);

/** "This theme recurs in another event": stored in both directions, so either theme lists the other. */
export const themeRecurrences = sqliteTable(
  'theme_recurrences',
  {
    themeId: text('theme_id').notNull().references(() => themes.id, { onDelete: 'cascade' }),
    otherThemeId: text('other_theme_id').notNull().references(() => themes.id, { onDelete: 'cascade' }),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch() * 1000)`),
  },
  (table) => [primaryKey({ columns: [table.themeId, table.otherThemeId] })],
);

/** An event's synthesis report: a narrative and its ordered theme sets, published with a visibility. */
export const synthesisReports = sqliteTable('synthesis_reports', {
  eventId: text('event_id').primaryKey().references(() => events.id, { onDelete: 'cascade' }),
  titleEn: text('title_en').notNull().default(''),
  titleFr: text('title_fr').notNull().default(''),
  narrativeEn: text('narrative_en', { mode: 'json' }),
  narrativeFr: text('narrative_fr', { mode: 'json' }),
  visibility: text('visibility', { enum: themeVisibilities }).notNull().default('event'),
  publishedAt: integer('published_at', { mode: 'timestamp_ms' }),
  version: integer('version').notNull().default(1),
  updatedBy: text('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch() * 1000)`),
});

/** The programme: which case studies were presented in which session. */
export const sessionCaseStudies = sqliteTable(
  'session_case_studies',
  {
    sessionId: text('session_id').notNull().references(() => eventSessions.id, { onDelete: 'cascade' }),
    caseStudyId: text('case_study_id').notNull().references(() => caseStudies.id, { onDelete: 'cascade' }),
  },
  (table) => [primaryKey({ columns: [table.sessionId, table.caseStudyId] }), index('session_case_studies_case_study_idx').on(table.caseStudyId)],
);
