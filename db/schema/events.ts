import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './accounts';
import { organisations } from './organisations';
import { countries, keyPopulations, topics } from './taxonomy';

export const eventRoles = ['participant', 'presenter', 'facilitator', 'synthesis'] as const;
export const sessionKinds = [
  'plenary',
  'panel',
  'group_work',
  'country_group_work',
  'case_study_presentation',
  'solution_exchange',
  'synthesis_recap',
] as const;

export const events = sqliteTable(
  'events',
  {
    id: text('id').primaryKey(),
    slug: text('slug').notNull(),
    titleEn: text('title_en').notNull(),
    titleFr: text('title_fr').notNull(),
    descriptionEn: text('description_en').notNull().default(''),
    descriptionFr: text('description_fr').notNull().default(''),
    startsOn: text('starts_on').notNull(), // ISO date, the event's local calendar day
    endsOn: text('ends_on').notNull(),
    place: text('place').notNull().default(''),
    countryCode: text('country_code').references(() => countries.code),
    visibility: text('visibility', { enum: ['public', 'members'] }).notNull().default('public'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch() * 1000)`),
  },
  (table) => [uniqueIndex('events_slug_unique').on(table.slug)],
);

export const eventPopulations = sqliteTable(
  'event_populations',
  {
    eventId: text('event_id').notNull().references(() => events.id, { onDelete: 'cascade' }),
    populationKey: text('population_key').notNull().references(() => keyPopulations.key),
  },
  (table) => [primaryKey({ columns: [table.eventId, table.populationKey] })],
);

export const eventTopics = sqliteTable(
  'event_topics',
  {
    eventId: text('event_id').notNull().references(() => events.id, { onDelete: 'cascade' }),
    topicKey: text('topic_key').notNull().references(() => topics.key),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.eventId, table.topicKey] })],
);

export const eventParticipants = sqliteTable(
  'event_participants',
  {
    eventId: text('event_id').notNull().references(() => events.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: eventRoles }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.eventId, table.userId, table.role] }), index('event_participants_user_idx').on(table.userId)],
);

export const eventOrganisations = sqliteTable(
  'event_organisations',
  {
    eventId: text('event_id').notNull().references(() => events.id, { onDelete: 'cascade' }),
    organisationId: text('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
  },
  (table) => [primaryKey({ columns: [table.eventId, table.organisationId] })],
);

export const eventSessions = sqliteTable(
  'event_sessions',
  {
    id: text('id').primaryKey(),
    eventId: text('event_id').notNull().references(() => events.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: sessionKinds }).notNull(),
    titleEn: text('title_en').notNull(),
    titleFr: text('title_fr').notNull(),
    day: text('day').notNull(), // ISO date
    startsAt: text('starts_at').notNull().default(''), // HH:MM, local to the event
    endsAt: text('ends_at').notNull().default(''),
    room: text('room').notNull().default(''),
  },
  (table) => [index('event_sessions_event_idx').on(table.eventId)],
);
