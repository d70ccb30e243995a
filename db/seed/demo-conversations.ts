import { eq } from 'drizzle-orm';
import { users } from '../schema/accounts';
import { follows, postMentions, postReactions, posts, reports, threads, type ThreadSubjectType, type threadVisibilities } from '../schema/conversations';
import { notifications } from '../schema/notifications';
import { effectiveThreadFacts } from '../../lib/conversations/facts';
import { loadSubject } from '../../lib/conversations/load';
import { newId } from '../../lib/ids';
import { enqueueJob } from '../../lib/jobs/queue';
import { plainTextOf, type RichTextJson } from '../../lib/rich-text/plain-text';
import type { Db } from '../client';

// Fictional discussions for the demo network: a discussion and an answered question on published case
// studies, a question still waiting for its authors, a network thread with a reported post for the
// moderators, and a French thread among LSE 2's participants.

type Part = string | { mention: string };
type DemoPost = { by: string; daysAgo: number; paragraphs: Part[][]; reactions?: { by: string; kind: 'thanks' | 'helped' | 'applied' }[]; reportedBy?: { by: string; reason: 'exposes_someone'; note: string } };
type DemoThread = {
  subject: { type: 'case_study'; title: string } | { type: 'event'; slug: 'lse-1' | 'lse-2' } | { type: 'network' };
  kind: 'discussion' | 'question';
  title: string;
  narrowedTo?: (typeof threadVisibilities)[number];
  posts: DemoPost[];
  /** Index of the post that answers a question. */
  answer?: number;
  followers?: string[];
};

const demoThreads: DemoThread[] = [
  {
    subject: { type: 'case_study', title: 'Opening the door with faith leaders: dialogues on sexuality, health and HIV in two Kenyan counties' },
    kind: 'discussion',
    title: 'How did you choose the first faith leaders to approach?',
    followers: ['editor'],
    posts: [
      { by: 'participant', daysAgo: 20, paragraphs: [['We want to try this in our district. Did you start with leaders who were already sympathetic, or with the most influential ones?']] },
      {
        by: 'editor',
        daysAgo: 19,
        paragraphs: [['We started with two leaders a peer educator already knew and trusted. Influence came later: once two respected voices had taken part, others asked to join.'], ['Starting with the loudest critics cost us months in a pilot before this one.']],
        reactions: [{ by: 'participant', kind: 'helped' }, { by: 'achieng', kind: 'thanks' }],
      },
      { by: 'achieng', daysAgo: 3, paragraphs: [['Same here. ', { mention: 'editor' }, ', could you share the discussion guide you used for the first meeting?']] },
      { by: 'kioko', daysAgo: 0, paragraphs: [['Following this. ', { mention: 'member' }, ', you ran the second dialogue in Kisumu: what would you do differently?']] },
    ],
  },
  {
    subject: { type: 'case_study', title: 'Beyond sensitisation: making two district clinics work for trans and gender-diverse people' },
    kind: 'question',
    title: 'Did the clinics keep the changes after the training ended?',
    answer: 1,
    posts: [
      { by: 'kagiso', daysAgo: 30, paragraphs: [['In our experience, clinic staff rotate and the changes fade within a year. What happened in your two clinics?']] },
      {
        by: 'lerato',
        daysAgo: 27,
        paragraphs: [['One clinic kept them: the changes were written into its standard operating procedures and a nurse champion trains every newcomer. The other slipped when its manager left, and we are now working with the district to make the procedures district-wide.']],
        reactions: [{ by: 'kagiso', kind: 'applied' }],
      },
    ],
  },
  {
    subject: { type: 'case_study', title: 'Counting what matters: using our own programme data to change a county’s HIV plan' },
    kind: 'question',
    title: 'Comment avez-vous obtenu l’accord du comté pour partager les données ?',
    posts: [{ by: 'membre', daysAgo: 9, paragraphs: [['Au Burundi, les autorités sanitaires hésitent à recevoir des données produites par des organisations communautaires. Quelle démarche avez-vous suivie pour que vos chiffres soient acceptés ?']] }],
  },
  {
    subject: { type: 'network' },
    kind: 'discussion',
    title: 'Digital safety: which messaging apps do your outreach teams trust?',
    posts: [
      { by: 'moderator', daysAgo: 12, paragraphs: [['Several members asked about this after the last event. What do your teams use to coordinate outreach, and what rules do you follow (disappearing messages, no names, separate phones)?']] },
      { by: 'tatenda', daysAgo: 11, paragraphs: [['Signal with disappearing messages set to one week, and we never write clients’ names or locations in the group.']], reactions: [{ by: 'kioko', kind: 'helped' }] },
      {
        by: 'juma',
        daysAgo: 2,
        paragraphs: [['Our peer group meets every Friday evening at the bar behind the bus station in Mombasa, ask for the back room if you want to join.']],
        reportedBy: { by: 'achieng', reason: 'exposes_someone', note: 'This gives the place and time where the group meets.' },
      },
      { by: 'fatou', daysAgo: 1, paragraphs: [['Chez nous, un seul téléphone de service par équipe, et rien n’est conservé au-delà de la semaine.']] },
    ],
  },
  {
    subject: { type: 'event', slug: 'lse-2' },
    kind: 'discussion',
    narrowedTo: 'event',
    title: 'Suivi de Dakar : qui travaille sur le dialogue avec la police ?',
    posts: [
      { by: 'animatrice', daysAgo: 15, paragraphs: [['Plusieurs organisations ont évoqué des arrestations pendant l’atelier. Qui a avancé sur le dialogue avec les commissariats depuis Dakar ?']] },
      { by: 'fatou', daysAgo: 14, paragraphs: [['Nous avons une rencontre trimestrielle avec le commissaire de notre quartier depuis six mois. Je peux partager notre déroulé.']] },
    ],
  },
];

const day = 24 * 60 * 60 * 1000;

/** Demo notifications from earlier days count as already emailed, as they would have been. */
const mailedBefore = (createdAt: Date) => (Date.now() - createdAt.getTime() >= day ? createdAt : null);

export function seedDemoConversations(db: Db, ids: { eventIds: Record<string, string>; userIds: Map<string, string>; caseStudyIds: Map<string, string> }): void {
  const userId = (username: string) => {
    const id = ids.userIds.get(username);
    if (!id) throw new Error(`demo conversations: unknown person ${username}`);
    return id;
  };
  const displayNameOf = (username: string) => db.select({ displayName: users.displayName }).from(users).where(eq(users.id, userId(username))).get()!.displayName;
  const now = Date.now();
  for (const demo of demoThreads) {
    const subjectType: ThreadSubjectType = demo.subject.type;
    const subjectId =
      demo.subject.type === 'case_study' ? ids.caseStudyIds.get(demo.subject.title) : demo.subject.type === 'event' ? ids.eventIds[demo.subject.slug] : null;
    if (subjectId === undefined) throw new Error(`demo conversations: unknown subject of "${demo.title}"`);
    const subject = loadSubject(db, subjectType, subjectId);
    const threadId = newId();
    const starter = userId(demo.posts[0]!.by);
    const postIds = demo.posts.map(() => newId());
    const lastAt = new Date(now - demo.posts.at(-1)!.daysAgo * day);
    db.insert(threads)
      .values({
        id: threadId,
        subjectType,
        subjectId,
        kind: demo.kind,
        title: demo.title,
        narrowedTo: demo.narrowedTo ?? null,
        authorId: starter,
        ...effectiveThreadFacts(subject, demo.narrowedTo ?? null),
        answerPostId: demo.answer !== undefined ? postIds[demo.answer] : null,
        answeredAt: demo.answer !== undefined ? new Date(now - demo.posts[demo.answer]!.daysAgo * day) : null,
        postCount: demo.posts.length,
        lastPostAt: lastAt,
        createdAt: new Date(now - demo.posts[0]!.daysAgo * day),
      })
      .run();
    demo.posts.forEach((post, index) => {
      const createdAt = new Date(now - post.daysAgo * day);
      const body: RichTextJson = {
        type: 'doc',
        content: post.paragraphs.map((parts) => ({
          type: 'paragraph',
          content: parts.map((part) =>
            typeof part === 'string' ? { type: 'text', text: part } : { type: 'mention', attrs: { id: userId(part.mention), label: displayNameOf(part.mention) } },
          ),
        })),
      };
      db.insert(posts).values({ id: postIds[index]!, threadId, authorId: userId(post.by), body, plainText: plainTextOf(body), createdAt }).run();
      for (const part of post.paragraphs.flat()) {
        if (typeof part === 'string') continue;
        db.insert(postMentions).values({ postId: postIds[index]!, userId: userId(part.mention) }).onConflictDoNothing().run();
        db.insert(notifications).values({ id: newId(), userId: userId(part.mention), kind: 'mention', actorId: userId(post.by), threadId, postId: postIds[index]!, createdAt, emailedAt: mailedBefore(createdAt) }).run();
        // Today's mention of a member who wants email at once goes out when the demo starts.
        if (post.daysAgo === 0) enqueueJob(db, { kind: 'email.notifications', payload: { userId: userId(part.mention) }, uniqueKey: `email.notifications:${userId(part.mention)}` });
      }
      for (const reaction of post.reactions ?? []) db.insert(postReactions).values({ postId: postIds[index]!, userId: userId(reaction.by), kind: reaction.kind, createdAt }).run();
      if (post.reportedBy) db.insert(reports).values({ id: newId(), postId: postIds[index]!, reporterId: userId(post.reportedBy.by), reason: post.reportedBy.reason, note: post.reportedBy.note, createdAt }).run();
      db.insert(follows).values({ userId: userId(post.by), subjectType: 'thread', subjectId: threadId, createdAt }).onConflictDoNothing().run();
    });
    for (const username of demo.followers ?? []) db.insert(follows).values({ userId: userId(username), subjectType: 'thread', subjectId: threadId }).onConflictDoNothing().run();
    if (demo.kind === 'question' && subject.caseStudy) {
      // Addressed to the case study's writers, as startThread does.
      for (const author of subject.caseStudy.authorIds) {
        db.insert(follows).values({ userId: author, subjectType: 'thread', subjectId: threadId }).onConflictDoNothing().run();
        const askedAt = new Date(now - demo.posts[0]!.daysAgo * day);
        if (demo.answer === undefined) db.insert(notifications).values({ id: newId(), userId: author, kind: 'question', actorId: starter, threadId, postId: postIds[0]!, createdAt: askedAt, emailedAt: mailedBefore(askedAt) }).run();
      }
    }
  }
}
