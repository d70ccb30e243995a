import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

// Taxonomy rows are data, not code: copied from the network's kp-connect.json by the seed,
// with labels in both languages so lists and search facets never depend on the UI catalogue.

export const countries = sqliteTable('countries', {
  code: text('code').primaryKey(), // ISO 3166-1 alpha-2
  labelEn: text('label_en').notNull(),
  labelFr: text('label_fr').notNull(),
  isProgrammeCountry: integer('is_programme_country', { mode: 'boolean' }).notNull().default(false),
});

export const keyPopulations = sqliteTable('key_populations', {
  key: text('key').primaryKey(),
  labelEn: text('label_en').notNull(),
  labelFr: text('label_fr').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
});

export const topics = sqliteTable('topics', {
  key: text('key').primaryKey(),
  labelEn: text('label_en').notNull(),
  labelFr: text('label_fr').notNull(),
});
