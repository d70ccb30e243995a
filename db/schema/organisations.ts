import { sql } from 'drizzle-orm';
import { integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { countries, keyPopulations } from './taxonomy';

export const organisationTypes = [
  'linking_organisation',
  'implementing_partner',
  'kp_led',
  'secretariat',
  'resource_partner',
  'capacity_building_unit',
  'donor',
] as const;

export const organisations = sqliteTable(
  'organisations',
  {
    id: text('id').primaryKey(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    type: text('type', { enum: organisationTypes }).notNull(),
    countryCode: text('country_code').notNull().references(() => countries.code),
    description: text('description').notNull().default(''),
    // Only `public` or `members`: a KP-led organisation in a hostile country may not want to be listed openly.
    visibility: text('visibility', { enum: ['public', 'members'] }).notNull().default('members'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch() * 1000)`),
  },
  (table) => [uniqueIndex('organisations_slug_unique').on(table.slug)],
);

export const organisationPopulations = sqliteTable(
  'organisation_populations',
  {
    organisationId: text('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    populationKey: text('population_key').notNull().references(() => keyPopulations.key),
  },
  (table) => [primaryKey({ columns: [table.organisationId, table.populationKey] })],
);
