import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { ApplicationWay } from '../../lib/follow-ups/answers';
import { users } from './accounts';
import { caseStudies } from './case-studies';
import { organisations } from './organisations';
import { themes } from './synthesis';
import { countries } from './taxonomy';

/** A story is read like other content: everyone, members, or the organisation that applied the learning. */
export const storyVisibilities = ['public', 'members', 'organisation'] as const;

/**
 * How a member applied something they learned, linked to the case studies and themes it came from. The
 * organisation and country are the ones that applied it ("applied by 4 organisations in 3 countries").
 */
export const appliedStories = sqliteTable(
  'applied_stories',
  {
    id: text('id').primaryKey(),
    authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
    organisationId: text('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    countryCode: text('country_code').references(() => countries.code),
    title: text('title').notNull(),
    body: text('body').notNull(),
    applicationWays: text('application_ways', { mode: 'json' }).$type<ApplicationWay[]>().notNull(),
    visibility: text('visibility', { enum: storyVisibilities }).notNull().default('members'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch() * 1000)`),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch() * 1000)`),
  },
  (table) => [index('applied_stories_created_idx').on(table.createdAt), index('applied_stories_author_idx').on(table.authorId)],
);

export const appliedStoryCaseStudies = sqliteTable(
  'applied_story_case_studies',
  {
    storyId: text('story_id').notNull().references(() => appliedStories.id, { onDelete: 'cascade' }),
    caseStudyId: text('case_study_id').notNull().references(() => caseStudies.id, { onDelete: 'cascade' }),
  },
  (table) => [primaryKey({ columns: [table.storyId, table.caseStudyId] }), index('applied_story_case_studies_case_study_idx').on(table.caseStudyId)],
);

export const appliedStoryThemes = sqliteTable(
  'applied_story_themes',
  {
    storyId: text('story_id').notNull().references(() => appliedStories.id, { onDelete: 'cascade' }),
    themeId: text('theme_id').notNull().references(() => themes.id, { onDelete: 'cascade' }),
  },
  (table) => [primaryKey({ columns: [table.storyId, table.themeId] }), index('applied_story_themes_theme_idx').on(table.themeId)],
);
