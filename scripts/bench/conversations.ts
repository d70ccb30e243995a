import { getTableColumns, is, Param, Placeholder, sql, type Column } from 'drizzle-orm';
import type { SQLiteInsertValue } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../db/client';
import { postMentions, posts, threads, type ThreadSubjectType, type threadVisibilities } from '../../db/schema/conversations';
import { findViewer } from '../../lib/accounts/queries';
import { effectiveThreadFacts, threadFacts, threadVisibilityChoices, type ThreadFacts } from '../../lib/conversations/facts';
import { loadSubject, loadThread, postFacts } from '../../lib/conversations/load';
import { newId } from '../../lib/ids';
import { can } from '../../lib/policy/rules';
import type { ContentFacts, Viewer } from '../../lib/policy/types';
import { emptyDocument, plainTextOf, type RichTextJson } from '../../lib/rich-text/plain-text';
import { validateRichText } from '../../lib/rich-text/validate';
import type { BenchPerson, Network, NetworkSize } from './network';
import type { Random } from './prng';
import { actors, barriers, fill, inCountry, places, populations, postSentences, sectionSentences, services, activities, threadTitleTemplates, type Language, type Story } from './vocabulary';

// Forum threads and posts for the synthetic network: about 70% on published case studies, 20% on events,
// 10% network-wide, 40% French. A thread's read facts are what the app stores: the subject comes from the
// app's own loadSubject, the narrowing choice from threadVisibilityChoices, the stored facts from
// effectiveThreadFacts, and every starter, replier, answerer and moderator passes the real policy (`can`)
// on those facts, so a members-only organisation's thread is written by its members and an event-only one
// by the event's participants. A few posts are deleted or hidden, as deletePost and moderatePost leave
// them (deleted: no text; hidden: text kept, hiddenAt set), so the index must leave them out.
//
// 100,000 posts go in through prepared statements (drizzle placeholders, so the schema's own encoders turn
// dates, booleans and JSON into columns), one transaction per batch of threads: seconds, not minutes.

type ThreadVisibility = (typeof threadVisibilities)[number];
type ThreadRow = typeof threads.$inferSelect;
type PostRow = typeof posts.$inferSelect;
type Subject = ReturnType<typeof loadSubject>;
type BenchSubjectType = Extract<ThreadSubjectType, 'case_study' | 'event' | 'network'>;
type Member = { person: BenchPerson; viewer: Viewer; countryCode: string };

export type ConversationCounts = {
  threads: number;
  /** Threads whose effective facts say published: the ones search indexes (all of them here: only published subjects get threads). */
  indexedThreads: number;
  bySubject: Record<BenchSubjectType, number>;
  byLanguage: Record<Language, number>;
  byVisibility: Record<string, number>;
  /** Threads whose starter chose a visibility other than the subject's. */
  narrowed: number;
  questions: number;
  answered: number;
  posts: number;
  postsByLanguage: Record<Language, number>;
  /** Words of the posts' stored plain text (deleted ones have none). */
  postWords: number;
  deletedPosts: number;
  hiddenPosts: number;
  mentions: number;
  mostPostsInAThread: number;
  /** Threads whose posts after the first exceed the index's 20,000-character cap (lib/search/documents.ts). */
  overTextCap: number;
  setupSeconds: number;
};

export const emptyConversationCounts = (): ConversationCounts => ({
  threads: 0,
  indexedThreads: 0,
  bySubject: { case_study: 0, event: 0, network: 0 },
  byLanguage: { en: 0, fr: 0 },
  byVisibility: {},
  narrowed: 0,
  questions: 0,
  answered: 0,
  posts: 0,
  postsByLanguage: { en: 0, fr: 0 },
  postWords: 0,
  deletedPosts: 0,
  hiddenPosts: 0,
  mentions: 0,
  mostPostsInAThread: 0,
  overTextCap: 0,
  setupSeconds: 0,
});

const subjectWeights: [BenchSubjectType, number][] = [['case_study', 70], ['event', 20], ['network', 10]];
const frenchShare = 0.4;
/** Questions to the authors, as a share of the threads on case studies (only case studies take questions). */
const questionShare = 0.3;
const privateQuestionShare = 0.1;
/** Starters who narrow the thread (an event's participants, the organisation; network threads open to the public). */
const narrowShare: Record<BenchSubjectType, number> = { case_study: 0.12, event: 0.35, network: 0.2 };
const answeredShare = 0.7;
const deletedShare = 0.01;
const hiddenShare = 0.004;
const mentionShare = 0.05;
const replyToShare = 0.15;
const postWords = { min: 20, max: 150 } as const;
/** lib/search/documents.ts `maxThreadText` (module-private): keep in step; only used for the count above. */
const indexedTextCap = 20_000;
const threadsPerTransaction = 1_000;
const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;
/** Nothing is dated after this, whatever the seed (case studies end in 2025, published up to four months later). */
const horizon = Date.UTC(2026, 5, 30);
const francophone = new Set(['SN', 'CI', 'BI']);
const hiddenReasons: Record<Language, string[]> = {
  en: ['Gives the place and time where a group meets.', 'Names a member who has not come out.', 'Advertising.'],
  fr: ['Donne le lieu et l’heure des réunions d’un groupe.', 'Nomme un membre qui ne s’est pas dévoilé.', 'Publicité.'],
};

const wordCount = (text: string) => (text ? text.split(/\s+/).length : 0);
const otherLanguage = (language: Language): Language => (language === 'fr' ? 'en' : 'fr');

/**
 * How many posts each thread gets: one each, and the rest shared out by heavy-tailed weights (most threads
 * are short, a few run to hundreds of posts and hit the index's text cap), rounded so the total is exact.
 */
function postCounts(random: Random, threadCount: number, postCount: number): number[] {
  const weights = Array.from({ length: threadCount }, () => {
    // Some starters never get an answer; the rest: a log-normal draw (Box-Muller).
    if (random.chance(0.12)) return 0;
    const gaussian = Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
    return Math.exp(1.1 * gaussian);
  });
  const total = weights.reduce((sum, weight) => sum + weight, 0) || 1;
  const extra = postCount - threadCount;
  const shares = weights.map((weight) => (extra * weight) / total);
  const counts = shares.map((share) => 1 + Math.floor(share));
  let left = postCount - counts.reduce((sum, count) => sum + count, 0);
  // Largest remainders first; ties by position, so the result depends on the seed only.
  const order = shares.map((share, index) => [share - Math.floor(share), index] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let index = 0; left > 0; index = (index + 1) % order.length, left--) counts[order[index]![1]]! += 1;
  return counts;
}

type PostRole = 'discussion' | 'question' | 'reply' | 'answer';
const firstPostMiddle = (['problem', 'context', 'key_elements'] as const).flatMap((key) => sectionSentences[key]);
const replyMiddle = (['key_elements', 'outcomes', 'lessons', 'context'] as const).flatMap((key) => sectionSentences[key]);

/**
 * A post's paragraphs: an opening, sentences of experience from the case-study vocabulary, maybe a
 * closing; 20-150 words in all (`reserved`: words already taken, by a mention), most posts short.
 */
function postParagraphs(role: PostRole, story: Story, random: Random, reserved: number): string[] {
  const max = postWords.max - reserved;
  const target = postWords.min + Math.floor((max - postWords.min) * random.next() ** 1.6);
  const opening =
    role === 'discussion' ? postSentences.discussionOpening : role === 'question' ? postSentences.questionOpening : role === 'answer' ? postSentences.answerOpening : random.chance(0.7) ? postSentences.replyOpening : null;
  const closing = role === 'question' ? postSentences.questionClosing : role === 'discussion' ? (random.chance(0.5) ? postSentences.questionClosing : null) : random.chance(0.25) ? postSentences.replyClosing : null;
  const sentences = opening ? [fill(random.pick(opening), story, random)] : [];
  const last = closing ? fill(random.pick(closing), story, random) : '';
  let words = sentences.reduce((sum, sentence) => sum + wordCount(sentence), wordCount(last));
  // No sentence twice in a post: a partial shuffle, drawing only the sentences used.
  const pool = [...(role === 'discussion' || role === 'question' ? firstPostMiddle : replyMiddle)];
  for (let drawn = 0; drawn < pool.length && words < target; drawn++) {
    const other = drawn + Math.floor(random.next() * (pool.length - drawn));
    [pool[drawn], pool[other]] = [pool[other]!, pool[drawn]!];
    const sentence = fill(pool[drawn]!, story, random);
    if (words + wordCount(sentence) > max) break;
    sentences.push(sentence);
    words += wordCount(sentence);
  }
  if (last) sentences.push(last);
  const paragraphs: string[] = [];
  while (sentences.length) paragraphs.push(sentences.splice(0, random.int(1, 3)).join(' '));
  return paragraphs;
}

function postBody(paragraphs: string[], mention: Member | null): RichTextJson {
  return {
    type: 'doc',
    content: paragraphs.map((text, index) => ({
      type: 'paragraph',
      content:
        index === 0 && mention
          ? [{ type: 'mention', attrs: { id: mention.person.id, label: mention.person.displayName } }, { type: 'text', text: ` ${text}` }]
          : [{ type: 'text', text }],
    })),
  };
}

/**
 * An insert of every column, prepared once on the connection: rows then go in with one `run` each. The
 * SQL is drizzle's for the table, and values go through each column's own encoder (dates to epoch ms,
 * booleans to 0/1, JSON to text) as drizzle's insert does, without its per-row query building.
 */
function preparedInsert<Table extends typeof threads | typeof posts | typeof postMentions>(db: Db, table: Table): (row: Table['$inferSelect']) => void {
  const columns = getTableColumns(table) as Record<string, Column>;
  const query = db
    .insert(table)
    .values(Object.fromEntries(Object.keys(columns).map((name) => [name, sql.placeholder(name)])) as SQLiteInsertValue<Table>)
    .toSQL();
  // The statement's parameters in order, each with the column it fills.
  const order = query.params.map((param) => {
    // Drizzle wraps each value in a Param bound to its column; ours are placeholders named after it.
    const placeholder = is(param, Param) ? param.value : param;
    const name = is(placeholder, Placeholder) ? placeholder.name : undefined;
    const column = name === undefined ? undefined : columns[name];
    if (!column) throw new Error(`bench conversations: unexpected parameter in ${query.sql}`);
    return [name!, column] as const;
  });
  const statement = db.$client.prepare(query.sql);
  return (row) => {
    const values = row as Record<string, unknown>;
    statement.run(order.map(([name, column]) => (values[name] === null ? null : column.mapToDriverValue(values[name]))));
  };
}

export function generateConversations(db: Db, random: Random, network: Network, size: NetworkSize): void {
  const counts = network.counts.conversations;
  if (!size.threads) return;
  if (size.posts < size.threads) throw new Error(`${size.posts} posts cannot fill ${size.threads} threads: every thread starts with a post`);
  const started = performance.now();

  // Members as the app sees them: findViewer builds the same viewer a request would get.
  const organisationOf = new Map(network.organisations.map((organisation) => [organisation.id, organisation]));
  const members: Member[] = network.people.map((person) => {
    const viewer = findViewer(person.id, 1);
    if (!viewer) throw new Error(`No viewer for bench member ${person.id}: was the network written to another database than getDb()'s?`);
    return { person, viewer, countryCode: organisationOf.get(person.organisationId)!.countryCode };
  });
  const memberById = new Map(members.map((member) => [member.person.id, member]));
  // Author lists come back from SQLite in id order, and ids are random: put them in the network's order,
  // or the same seed would pick different people from one run to the next.
  const networkOrder = new Map(members.map((member, index) => [member, index]));
  const membersOf = (ids: readonly string[]) => ids.map((id) => memberById.get(id)).filter((member): member is Member => !!member).sort((a, b) => networkOrder.get(a)! - networkOrder.get(b)!);
  const moderators = members.filter((member) => member.viewer.siteRole !== 'member');

  // Who may do something on some facts. The policy is asked for every member once per distinct set of
  // facts, leaving the author list aside (it only ever adds readers), then for the authors themselves.
  // Every person picked from a pool is checked again against the full facts below, so a policy change
  // that breaks this shortcut fails the bench instead of writing posts nobody could have written.
  const poolCache = new Map<string, Member[]>();
  const allowed = <Facts extends ContentFacts>(action: string, facts: Facts, test: (viewer: Viewer, facts: Facts) => boolean): Member[] => {
    const key = [action, facts.visibility, facts.organisationId, facts.eventId, facts.isPublished, facts.isSubmitted, 'isLocked' in facts ? facts.isLocked : ''].join('|');
    let base = poolCache.get(key);
    if (!base) {
      const withoutAuthors = { ...facts, authorIds: [] };
      base = members.filter((member) => test(member.viewer, withoutAuthors));
      poolCache.set(key, base);
    }
    const authors = membersOf(facts.authorIds).filter((member) => !base.includes(member) && test(member.viewer, facts));
    return authors.length ? [...base, ...authors] : base;
  };
  const sets = new WeakMap<Member[], Set<Member>>();
  const setOf = (pool: Member[]) => {
    let set = sets.get(pool);
    if (!set) sets.set(pool, (set = new Set(pool)));
    return set;
  };
  const pickMember = (pool: readonly Member[], language: Language, exclude: readonly Member[] = []): Member | undefined => {
    const open = exclude.length ? pool.filter((member) => !exclude.includes(member)) : pool;
    const preferred = open.filter((member) => member.person.language === language);
    const from = preferred.length && random.chance(0.8) ? preferred : open;
    return from.length ? random.pick(from) : undefined;
  };
  const assertCan = (ok: boolean, what: string) => {
    if (!ok) throw new Error(`bench conversations: ${what} is not allowed by the policy`);
  };

  const subjects = new Map<string, Subject>();
  const subjectOf = (type: BenchSubjectType, id: string | null) => {
    const key = `${type}:${id}`;
    let subject = subjects.get(key);
    if (!subject) subjects.set(key, (subject = loadSubject(db, type, id)));
    return subject;
  };

  const insertThread = preparedInsert(db, threads);
  const insertPost = preparedInsert(db, posts);
  const insertMention = preparedInsert(db, postMentions);
  let pending = { threads: [] as ThreadRow[], posts: [] as PostRow[], mentions: [] as { postId: string; userId: string }[] };
  const flush = () => {
    const batch = pending;
    pending = { threads: [], posts: [], mentions: [] };
    db.transaction(() => {
      for (const row of batch.threads) insertThread(row);
      for (const row of batch.posts) insertPost(row);
      for (const row of batch.mentions) insertMention(row);
    });
  };

  const sizes = postCounts(random, size.threads, size.posts);
  const weights = subjectWeights.filter(([type]) => type !== 'case_study' || network.published.length > 0);
  // One thread of each kind of subject, kind and visibility, to read back once everything is in.
  const samples = new Map<string, { id: string; facts: ThreadFacts }>();
  let validated = 0;

  for (const [index, postCount] of sizes.entries()) {
    const subjectType = random.weighted(weights);
    let subject: Subject;
    let language: Language;
    // The thread's story: its case study's, its event's, or a fresh one; place and language come later.
    let story: Omit<Story, 'language' | 'place' | 'inCountry'> & Partial<Pick<Story, 'place' | 'inCountry'>>;
    let startsAt: number;
    if (subjectType === 'case_study') {
      const caseStudy = random.pick(network.published);
      subject = subjectOf('case_study', caseStudy.id);
      language = random.chance(0.85) ? caseStudy.story.language : random.chance(frenchShare) ? 'fr' : 'en';
      story = caseStudy.story;
      startsAt = subject.caseStudy!.row.publishedAt!.getTime() + Math.round(-Math.log(1 - random.next()) * 120 * day);
    } else if (subjectType === 'event') {
      const event = random.pick(network.events);
      subject = subjectOf('event', event.id);
      language = random.chance(francophone.has(event.countryCode) ? 0.75 : 0.25) ? 'fr' : 'en';
      const eventPopulations = populations.filter((phrase) => event.populations.includes(phrase.key));
      story = {
        population: random.pick(eventPopulations.length ? eventPopulations : populations),
        ...drawnStory(random),
        place: random.pick(places[event.countryCode] ?? ['Nairobi']),
        inCountry: inCountry[event.countryCode]!,
        year: event.year,
      };
      startsAt = Date.parse(event.startsOn) + random.int(-45, 540) * day;
    } else {
      subject = subjectOf('network', null);
      language = random.chance(frenchShare) ? 'fr' : 'en';
      story = { population: random.pick(populations), ...drawnStory(random), year: random.int(2016, 2025) };
      startsAt = Date.UTC(story.year, 0, 1) + random.int(0, 364) * day;
    }
    const kind = subjectType === 'case_study' && random.chance(questionShare) ? 'question' : 'discussion';

    // The visibility, as a starter would choose it on the thread form.
    const choices = threadVisibilityChoices(subject, kind);
    const narrower = choices.filter((choice) => choice !== subject.visibility && choice !== 'private');
    let narrowedTo: ThreadVisibility | null = null;
    if (kind === 'question' && choices.includes('private') && random.chance(privateQuestionShare)) narrowedTo = 'private';
    else if (narrower.length && random.chance(narrowShare[subjectType])) narrowedTo = narrower.includes('event') && random.chance(0.8) ? 'event' : random.pick(narrower);

    const subjectAuthorIds = subjectType === 'case_study' ? subject.authorIds : [];
    const row: ThreadRow = {
      id: newId(),
      subjectType,
      subjectId: subject.subjectId,
      kind,
      title: '',
      narrowedTo,
      ...effectiveThreadFacts(subject, narrowedTo),
      authorId: null,
      answerPostId: null,
      answeredAt: null,
      remindedAt: null,
      lockedAt: null,
      lockedBy: null,
      postCount,
      lastPostAt: new Date(0),
      createdAt: new Date(0),
    };

    // The starter: may start here (or ask the authors), and may read the thread as narrowed.
    const caseStudyFacts = subject.caseStudy?.facts;
    const mayStart =
      kind === 'question' ? allowed('question.ask', caseStudyFacts!, (viewer, facts) => can(viewer, 'question.ask', facts)) : allowed('thread.start', subject, (viewer, facts) => can(viewer, 'thread.start', facts));
    const mayRead = narrowedTo === 'private' ? null : setOf(allowed('thread.reply', threadFacts(row, subjectAuthorIds), (viewer, facts) => can(viewer, 'thread.reply', facts)));
    const starter = pickMember(mayRead ? mayStart.filter((member) => mayRead.has(member)) : mayStart, language);
    if (!starter) throw new Error(`bench conversations: nobody may start thread ${index} (${subjectType}, ${row.visibility})`);
    row.authorId = starter.person.id;
    const facts = threadFacts(row, subjectAuthorIds);
    assertCan(kind === 'question' ? can(starter.viewer, 'question.ask', caseStudyFacts!) : can(starter.viewer, 'thread.start', subject), 'a starter');
    assertCan(can(starter.viewer, 'thread.reply', facts), 'a starter reading their thread');
    // Network threads happen where their starter works.
    const threadStory: Story = { ...story, place: story.place ?? random.pick(places[starter.countryCode] ?? ['Nairobi']), inCountry: story.inCountry ?? inCountry[starter.countryCode]!, language };

    // Who writes in it: a small cast, mostly people of the thread's language.
    const repliers = allowed('thread.reply', facts, (viewer, threadFacts) => can(viewer, 'thread.reply', threadFacts));
    const cast: Member[] = [starter];
    for (let extra = Math.min(postCount - 1, random.int(1, 5)); extra > 0; extra--) {
      const member = pickMember(repliers, language, cast);
      if (member) cast.push(member);
    }
    // A question's answer comes from the case study's writers (its authors and its organisation's editors).
    let answerer: Member | undefined;
    if (kind === 'question' && postCount > 1) {
      const organisation = organisationOf.get(subject.organisationId ?? '');
      const writers = membersOf([...new Set([...subject.authorIds, ...(organisation?.editorIds ?? [])])]).filter(
        (member) => member !== starter && can(member.viewer, 'question.markAnswer', caseStudyFacts!) && can(member.viewer, 'thread.reply', facts),
      );
      answerer = pickMember(writers, language);
      if (answerer && !cast.includes(answerer)) cast.push(answerer);
    }
    for (const member of cast) assertCan(can(member.viewer, 'thread.reply', facts), 'a post author');

    const threadPosts: PostRow[] = [];
    const visibleTexts: string[] = [];
    let at = Math.min(startsAt, horizon - 30 * day);
    let previous: Member = starter;
    for (let position = 0; position < postCount; position++) {
      if (position > 0) at = Math.max(Math.min(at + 5 * minute + Math.round(-Math.log(1 - random.next()) * 1.5 * day), horizon), at + minute);
      const author = position === 0 ? starter : position === 1 && answerer ? answerer : cast.length > 1 ? random.pick(cast.filter((member) => member !== previous)) : starter;
      const postLanguage = random.chance(0.95) ? language : otherLanguage(language);
      // Repliers often speak of their own town.
      const local = position > 0 && random.chance(0.5) ? { place: random.pick(places[author.countryCode] ?? ['Nairobi']), inCountry: inCountry[author.countryCode]! } : {};
      const postStory: Story = { ...threadStory, ...local, language: postLanguage };
      const role = position === 0 ? (kind === 'question' ? 'question' : 'discussion') : author === answerer && position === 1 ? 'answer' : 'reply';
      // Now and then a reply @-mentions someone who wrote earlier in the thread.
      const mentionable = position > 0 && random.chance(mentionShare) ? [...new Set(threadPosts.map((post) => post.authorId!))].filter((id) => id !== author.person.id) : [];
      const earlier = mentionable.length ? memberById.get(random.pick(mentionable)) : undefined;
      let body = postBody(postParagraphs(role, postStory, random, earlier ? wordCount(`@${earlier.person.displayName}`) : 0), earlier ?? null);
      let plainText = plainTextOf(body);
      const createdAt = new Date(at);
      const post: PostRow = {
        id: newId(),
        threadId: row.id,
        authorId: author.person.id,
        body,
        plainText,
        replyToId: position > 1 && random.chance(replyToShare) ? random.pick(threadPosts).id : null,
        quotedPostId: null,
        version: 1,
        createdAt,
        editedAt: null,
        deletedAt: null,
        hiddenAt: null,
        hiddenBy: null,
        hiddenReason: null,
      };
      if (position === 1 && answerer === author && random.chance(answeredShare)) {
        row.answerPostId = post.id;
        row.answeredAt = createdAt;
      }
      // The generator's bodies must be what the post editor could have sent: a sample goes through the real validator.
      if (validated < 25 || (earlier && validated < 50)) {
        assertCan(plainTextOf(validateRichText(body, 'post')) === plainText, 'a post body the validator changes');
        validated += 1;
      }
      if (row.answerPostId !== post.id && random.chance(deletedShare)) {
        // As deletePost leaves it: the row stays so the thread reads in order; text and mentions are gone.
        assertCan(can(author.viewer, 'post.delete', postFacts(facts, post)), 'deleting a post');
        body = emptyDocument;
        plainText = '';
        Object.assign(post, { body, plainText, deletedAt: new Date(at + random.int(1, 72) * hour) });
        counts.deletedPosts += 1;
      } else if (position > 0 && row.answerPostId !== post.id && random.chance(hiddenShare)) {
        const moderator = pickMember(moderators.filter((member) => can(member.viewer, 'post.moderate', postFacts(facts, post))), language);
        if (moderator) {
          Object.assign(post, { hiddenAt: new Date(at + random.int(1, 48) * hour), hiddenBy: moderator.person.id, hiddenReason: random.pick(hiddenReasons[language]) });
          counts.hiddenPosts += 1;
        }
      }
      if (earlier && !post.deletedAt) {
        pending.mentions.push({ postId: post.id, userId: earlier.person.id });
        counts.mentions += 1;
      }
      if (!post.deletedAt && !post.hiddenAt) visibleTexts.push(plainText);
      threadPosts.push(post);
      counts.postsByLanguage[postLanguage] += 1;
      counts.postWords += wordCount(plainText);
      previous = author;
    }
    row.title = fill(random.pick(threadTitleTemplates[kind]), threadStory, random);
    row.createdAt = threadPosts[0]!.createdAt;
    row.lastPostAt = threadPosts.at(-1)!.createdAt;
    pending.threads.push(row);
    pending.posts.push(...threadPosts);
    const sampleKey = `${subjectType} ${kind} ${row.visibility}${narrowedTo ? ' (narrowed)' : ''}`;
    if (!samples.has(sampleKey)) samples.set(sampleKey, { id: row.id, facts: threadFacts(row, subjectAuthorIds) });

    counts.threads += 1;
    counts.posts += postCount;
    if (row.isPublished) counts.indexedThreads += 1;
    counts.bySubject[subjectType] += 1;
    counts.byLanguage[language] += 1;
    counts.byVisibility[row.visibility] = (counts.byVisibility[row.visibility] ?? 0) + 1;
    if (narrowedTo) counts.narrowed += 1;
    if (kind === 'question') counts.questions += 1;
    if (row.answerPostId) counts.answered += 1;
    counts.mostPostsInAThread = Math.max(counts.mostPostsInAThread, postCount);
    if (visibleTexts.slice(1).join('\n\n').length > indexedTextCap) counts.overTextCap += 1;
    if (pending.threads.length >= threadsPerTransaction) flush();
  }
  flush();

  // What went in is what the app reads back (loadThread, as the thread page and the search re-check do).
  const comparable = (facts: ThreadFacts) => JSON.stringify({ ...facts, authorIds: [...facts.authorIds].sort() });
  for (const [sample, { id, facts }] of samples) {
    const stored = loadThread(db, id).facts;
    if (comparable(stored) !== comparable(facts)) throw new Error(`bench conversations: a stored ${sample} thread reads back as ${comparable(stored)}, not ${comparable(facts)}`);
  }
  counts.setupSeconds = (performance.now() - started) / 1000;
}

/** The slots of a story that do not depend on its subject. */
function drawnStory(random: Random) {
  const [actor, otherActor] = random.sample(actors, 2) as [Story['actor'], Story['actor']];
  return { actor, otherActor, barrier: random.pick(barriers), service: random.pick(services), activity: random.pick(activities) };
}
