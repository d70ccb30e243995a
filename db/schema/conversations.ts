import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './accounts';
import { events } from './events';
import { organisations } from './organisations';

/** What a thread is attached to. Themes arrive with the synthesis work; `network` has no subject id. */
export const threadSubjectTypes = ['network', 'event', 'case_study', 'theme'] as const;
export type ThreadSubjectType = (typeof threadSubjectTypes)[number];

export const threadKinds = ['discussion', 'question'] as const;
export const threadVisibilities = ['public', 'members', 'event', 'organisation', 'private'] as const;

/**
 * A discussion, or a question to a case study's authors. The read facts (visibility, organisation, event,
 * published) are the *effective* ones: the subject's, narrowed by the thread's own choice. They are kept
 * on the row so lists and counts filter in SQL, and re-derived whenever the subject's visibility changes
 * (lib/conversations/facts.ts).
 */
export const threads = sqliteTable(
  'threads',
  {
    id: text('id').primaryKey(),
    subjectType: text('subject_type', { enum: threadSubjectTypes }).notNull(),
    subjectId: text('subject_id'),
    kind: text('kind', { enum: threadKinds }).notNull().default('discussion'),
    title: text('title').notNull(),
    // What the starter chose (null: as the subject). The columns below are the effective facts.
    narrowedTo: text('narrowed_to', { enum: threadVisibilities }),
    visibility: text('visibility', { enum: threadVisibilities }).notNull(),
    organisationId: text('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    eventId: text('event_id').references(() => events.id, { onDelete: 'set null' }),
    isPublished: integer('is_published', { mode: 'boolean' }).notNull().default(true),
    authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
    // Questions: open until an author or editor marks an answer.
    answerPostId: text('answer_post_id'),
    answeredAt: integer('answered_at', { mode: 'timestamp_ms' }),
    remindedAt: integer('reminded_at', { mode: 'timestamp_ms' }),
    lockedAt: integer('locked_at', { mode: 'timestamp_ms' }),
    lockedBy: text('locked_by').references(() => users.id, { onDelete: 'set null' }),
    postCount: integer('post_count').notNull().default(0),
    lastPostAt: integer('last_post_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch() * 1000)`),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch() * 1000)`),
  },
  (table) => [
    index('threads_subject_idx').on(table.subjectType, table.subjectId, table.lastPostAt),
    index('threads_organisation_kind_idx').on(table.organisationId, table.kind, table.answeredAt),
  ],
);

export const posts = sqliteTable(
  'posts',
  {
    id: text('id').primaryKey(),
    threadId: text('thread_id').notNull().references(() => threads.id, { onDelete: 'cascade' }),
    // Null once the author deleted their account and chose to leave their posts ("former member").
    authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
    // tiptap JSON (lib/rich-text/extensions.ts, the post schema), validated before it is stored.
    body: text('body', { mode: 'json' }).notNull(),
    plainText: text('plain_text').notNull().default(''),
    replyToId: text('reply_to_id'),
    quotedPostId: text('quoted_post_id'),
    version: integer('version').notNull().default(1),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch() * 1000)`),
    editedAt: integer('edited_at', { mode: 'timestamp_ms' }),
    // Soft delete: the thread stays readable, the text is gone.
    deletedAt: integer('deleted_at', { mode: 'timestamp_ms' }),
    hiddenAt: integer('hidden_at', { mode: 'timestamp_ms' }),
    hiddenBy: text('hidden_by').references(() => users.id, { onDelete: 'set null' }),
    hiddenReason: text('hidden_reason'),
  },
  (table) => [index('posts_thread_idx').on(table.threadId, table.createdAt), index('posts_author_idx').on(table.authorId)],
);

/** Earlier texts of an edited post, so an edit cannot silently rewrite what others replied to. */
export const postRevisions = sqliteTable(
  'post_revisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    postId: text('post_id').notNull().references(() => posts.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    body: text('body', { mode: 'json' }).notNull(),
    plainText: text('plain_text').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [index('post_revisions_post_idx').on(table.postId)],
);

export const postMentions = sqliteTable(
  'post_mentions',
  {
    postId: text('post_id').notNull().references(() => posts.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  },
  (table) => [primaryKey({ columns: [table.postId, table.userId] })],
);

/** Only what the network values: no likes, no scores. */
export const reactionKinds = ['thanks', 'helped', 'applied'] as const;
export type ReactionKind = (typeof reactionKinds)[number];

export const postReactions = sqliteTable(
  'post_reactions',
  {
    postId: text('post_id').notNull().references(() => posts.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: reactionKinds }).notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch() * 1000)`),
  },
  (table) => [primaryKey({ columns: [table.postId, table.userId, table.kind] })],
);

export const reportReasons = ['harassment', 'exposes_someone', 'hate', 'spam', 'misinformation', 'other'] as const;

/** A member's report of a post. Reports never hide anything by themselves: a moderator decides. */
export const reports = sqliteTable(
  'reports',
  {
    id: text('id').primaryKey(),
    postId: text('post_id').notNull().references(() => posts.id, { onDelete: 'cascade' }),
    reporterId: text('reporter_id').references(() => users.id, { onDelete: 'set null' }),
    reason: text('reason', { enum: reportReasons }).notNull(),
    note: text('note').notNull().default(''),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch() * 1000)`),
    resolvedAt: integer('resolved_at', { mode: 'timestamp_ms' }),
    resolvedBy: text('resolved_by').references(() => users.id, { onDelete: 'set null' }),
    resolution: text('resolution', { enum: ['hidden', 'dismissed'] }),
  },
  (table) => [index('reports_open_idx').on(table.resolvedAt, table.createdAt)],
);

export const followSubjectTypes = ['thread', 'case_study', 'theme', 'event'] as const;
export type FollowSubjectType = (typeof followSubjectTypes)[number];

export const follows = sqliteTable(
  'follows',
  {
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    subjectType: text('subject_type', { enum: followSubjectTypes }).notNull(),
    subjectId: text('subject_id').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch() * 1000)`),
  },
  (table) => [primaryKey({ columns: [table.userId, table.subjectType, table.subjectId] }), index('follows_subject_idx').on(table.subjectType, table.subjectId)],
);
