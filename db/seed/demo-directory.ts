import { eq } from 'drizzle-orm';
import { pairKeyOf } from '../../lib/directory/facts';
import { newId } from '../../lib/ids';
import type { Db } from '../client';
import { users } from '../schema/accounts';
import { connectionOutcomeEntries, connections, userPopulations, userTopics, type ConnectionOutcome, type ConnectionReason, type ConnectionStatus } from '../schema/directory';
import { notifications } from '../schema/notifications';

// Every contact detail here is fictional: +000 numbers and example.org addresses reach nobody.

type DemoDirectoryProfile = {
  populations: string[];
  topics: string[];
  expertise: string;
  contactDetails: string;
  shareEmailWithConnections?: boolean;
};

const profiles: Record<string, DemoDirectoryProfile> = {
  moderator: {
    populations: ['lgbti', 'sex_workers'],
    topics: ['safety-and-security', 'regional-advocacy-for-rights-of-lgbti-people'],
    expertise: 'Online safety for activists; moderating community spaces.',
    contactDetails: 'Signal: +000 555 0100 (demo number)',
  },
  facilitator: {
    populations: ['msm', 'sex_workers', 'transgender'],
    topics: ['community-engagement', 'peer-education', 'advocacy'],
    expertise: 'Facilitation of learning events, monitoring and learning frameworks, outcome harvesting.',
    contactDetails: 'Email: thandiwe.demo@example.org\nSignal: +000 555 0110 (demo number)',
  },
  animatrice: {
    populations: ['sex_workers', 'msm'],
    topics: ['building-sex-worker-organisations-and-movements', 'decriminalisation-of-sex-work'],
    expertise: 'Animation d’ateliers en français, plaidoyer auprès des autorités locales.',
    contactDetails: 'WhatsApp : +000 555 0120 (numéro fictif)',
  },
  editor: {
    populations: ['msm', 'sex_workers'],
    topics: ['working-in-hostile-environments', 'safety-and-security', 'health-care-systems'],
    expertise: 'Security planning for drop-in centres; training health workers on KP-friendly services.',
    contactDetails: 'Signal: +000 555 0101 (demo number)\nOffice: Tumaini drop-in, ask for Wanjiru',
    shareEmailWithConnections: true,
  },
  redacteur: {
    populations: ['sex_workers'],
    topics: ['what-is-sex-work', 'the-role-of-communities-in-providing-the-continuum-of-care'],
    expertise: 'Rédaction d’études de cas, cliniques communautaires pour les travailleuses du sexe.',
    contactDetails: 'Signal : +000 555 0130 (numéro fictif)',
    shareEmailWithConnections: true,
  },
  participant: {
    populations: ['lgbti', 'transgender'],
    topics: ['hiv-programming-for-transgender-women', 'community-engagement'],
    expertise: 'Legal support clinics and paralegal training for LGBTI people.',
    contactDetails: 'WhatsApp: +000 555 0202 (demo number)',
    shareEmailWithConnections: true,
  },
  kioko: {
    populations: ['msm', 'transgender'],
    topics: ['peer-education', 'engaging-with-media'],
    expertise: 'Peer educator networks; working with journalists safely.',
    contactDetails: 'Signal: +000 555 0140 (demo number)',
  },
  achieng: {
    populations: ['transgender'],
    topics: ['hiv-programming-for-transgender-women'],
    expertise: 'Peer navigation for trans women.',
    contactDetails: 'Email: achieng.demo@example.org',
  },
  kagiso: {
    populations: ['msm', 'sex_workers'],
    topics: ['combination-approaches-to-hiv', 'health-care-systems'],
    expertise: 'Running mobile clinics with the ministry of health.',
    contactDetails: 'Phone: +000 555 0150 (demo number)',
  },
  nakato: {
    populations: ['sex_workers', 'young_people'],
    topics: ['working-with-young-people-who-sell-sex', 'building-sex-worker-organisations-and-movements'],
    expertise: 'Sex-worker-led peer support groups; safeguarding young people.',
    contactDetails: 'Signal: +000 555 0160 (demo number)',
  },
  fatou: {
    populations: ['sex_workers'],
    topics: ['vulnerability-and-risk'],
    expertise: 'Dialogue avec la police de quartier.',
    contactDetails: '',
  },
  mwansa: {
    populations: ['msm', 'sex_workers', 'pwud'],
    topics: ['combination-approaches-to-hiv', 'advocacy'],
    expertise: 'Harm reduction programming; national advocacy coalitions.',
    contactDetails: 'Email: mwansa.demo@example.org\nPhone: +000 555 0170 (demo number)',
  },
  tatenda: {
    populations: ['transgender'],
    topics: ['hiv-programming-for-transgender-women', 'gender-violence-and-vulnerability'],
    expertise: 'Documenting violence against trans people.',
    contactDetails: 'Signal: +000 555 0180 (demo number)',
  },
  // Baraka works with MSM but is NOT listed: the directory must neither show nor count him.
  member: {
    populations: ['msm'],
    topics: ['peer-education'],
    expertise: 'Outreach on the coast.',
    contactDetails: 'Signal: +000 555 0190 (demo number)',
  },
};

type DemoConnection = {
  from: string;
  to: string;
  reasons: ConnectionReason[];
  message: string;
  status: ConnectionStatus;
  /** An ISO day, or days before today for recent ones. */
  sentOn: string | { daysAgo: number };
  answeredOn?: string | { daysAgo: number };
  outcomes?: { by: 'from' | 'to'; outcome: ConnectionOutcome; note: string; on: string | { daysAgo: number } }[];
};

// Journeys use Nomvula (participant), Wanjiru (editor) and Baraka (member): none of them is connected to another here.
const demoConnections: DemoConnection[] = [
  {
    from: 'editor',
    to: 'kagiso',
    reasons: ['explore_joint_work', 'joint_funding'],
    message: 'Your mobile clinic work with the ministry sounded close to what we are starting in Mombasa. Could we think about a joint proposal?',
    status: 'accepted',
    sentOn: '2015-05-22',
    answeredOn: '2015-05-25',
    outcomes: [
      { by: 'from', outcome: 'information_shared', note: 'Exchanged our clinic protocols.', on: '2015-07-02' },
      { by: 'to', outcome: 'joint_proposal', note: 'Submitted a joint concept note for a two-country mobile clinic pilot.', on: '2015-10-14' },
    ],
  },
  {
    from: 'facilitator',
    to: 'animatrice',
    reasons: ['co_host_event', 'strengthen_relationship'],
    message: 'Would you co-facilitate the group work in Dakar with me, in French and English?',
    status: 'accepted',
    sentOn: '2016-01-11',
    answeredOn: '2016-01-12',
    outcomes: [{ by: 'to', outcome: 'co_hosted_event', note: 'Co-facilitated the LSE 2 group work sessions.', on: '2016-04-14' }],
  },
  {
    from: 'nakato',
    to: 'animatrice',
    reasons: ['advice_mentoring', 'reflect_contexts'],
    message: 'I would value your advice on talking with local authorities, as you described in the panel.',
    status: 'accepted',
    sentOn: '2016-04-15',
    answeredOn: '2016-04-18',
    outcomes: [{ by: 'from', outcome: 'advice_given', note: 'Three calls on preparing a first meeting with district officials.', on: '2016-08-30' }],
  },
  {
    from: 'mwansa',
    to: 'tatenda',
    reasons: ['technical_assistance'],
    message: 'We are setting up violence documentation in Lusaka and would like to learn from your tools.',
    status: 'accepted',
    sentOn: '2015-06-01',
    answeredOn: '2015-06-03',
    outcomes: [
      { by: 'to', outcome: 'technical_assistance', note: 'Shared and adapted our incident form.', on: '2015-09-20' },
      { by: 'from', outcome: 'co_hosted_event', note: 'Ran a regional documentation workshop together.', on: '2016-11-20' },
    ],
  },
  {
    from: 'participant',
    to: 'mwansa',
    reasons: ['learn_about_work', 'strengthen_relationship'],
    message: 'Thank you for your presentation. I would like to hear more about your coalition work.',
    status: 'accepted',
    sentOn: '2015-05-25',
    answeredOn: '2015-05-27',
    outcomes: [{ by: 'to', outcome: 'referral', note: 'Introduced to a lawyer in our coalition.', on: '2015-08-05' }],
  },
  {
    from: 'redacteur',
    to: 'kioko',
    reasons: ['learn_about_work'],
    message: 'Bonjour, je voudrais en savoir plus sur votre réseau de pairs éducateurs.',
    status: 'declined',
    sentOn: '2016-05-02',
    answeredOn: '2016-05-10',
  },
  {
    from: 'fatou',
    to: 'kagiso',
    reasons: ['follow_up_question'],
    message: 'Une question sur vos cliniques mobiles.',
    status: 'withdrawn',
    sentOn: '2016-04-20',
    answeredOn: '2016-04-21',
  },
  {
    from: 'kioko',
    to: 'mwansa',
    reasons: ['share_information', 'expand_networks'],
    message: 'Sharing our new peer educator curriculum, and keen to hear about your coalition.',
    status: 'accepted',
    sentOn: { daysAgo: 40 },
    answeredOn: { daysAgo: 38 },
    outcomes: [{ by: 'from', outcome: 'information_shared', note: 'Sent the curriculum.', on: { daysAgo: 30 } }],
  },
  // Waiting for an answer: Wanjiru has one request on her connections page.
  {
    from: 'kioko',
    to: 'editor',
    reasons: ['follow_up_question', 'share_information'],
    message: 'After your LSE 1 presentation on security planning: how did you decide which staff hold the keys to the drop-in centre?',
    status: 'pending',
    sentOn: { daysAgo: 3 },
  },
  {
    from: 'achieng',
    to: 'kagiso',
    reasons: ['learn_about_work'],
    message: 'Hello Kagiso, I would like to learn about your work with the ministry.',
    status: 'pending',
    sentOn: { daysAgo: 10 },
  },
];

const day = 24 * 60 * 60 * 1000;
const dateOf = (when: string | { daysAgo: number }) => (typeof when === 'string' ? new Date(`${when}T09:00:00Z`) : new Date(Date.now() - when.daysAgo * day));

/** Demo directory profiles, connections in every state, and what came of the accepted ones. */
export function seedDemoDirectory(db: Db, ids: { userIds: Map<string, string> }): void {
  const userId = (username: string) => {
    const id = ids.userIds.get(username);
    if (!id) throw new Error(`demo directory: unknown person ${username}`);
    return id;
  };
  for (const [username, profile] of Object.entries(profiles)) {
    const id = userId(username);
    db.update(users)
      .set({ expertise: profile.expertise, contactDetails: profile.contactDetails, shareEmailWithConnections: profile.shareEmailWithConnections ?? false })
      .where(eq(users.id, id))
      .run();
    for (const populationKey of profile.populations) db.insert(userPopulations).values({ userId: id, populationKey }).run();
    for (const topicKey of profile.topics) db.insert(userTopics).values({ userId: id, topicKey }).run();
  }
  for (const demo of demoConnections) {
    const requesterId = userId(demo.from);
    const recipientId = userId(demo.to);
    const connectionId = newId();
    const createdAt = dateOf(demo.sentOn);
    db.insert(connections)
      .values({
        id: connectionId,
        requesterId,
        recipientId,
        pairKey: pairKeyOf(requesterId, recipientId),
        reasons: demo.reasons,
        message: demo.message,
        status: demo.status,
        createdAt,
        respondedAt: demo.answeredOn ? dateOf(demo.answeredOn) : null,
      })
      .run();
    for (const outcome of demo.outcomes ?? []) {
      db.insert(connectionOutcomeEntries)
        .values({ id: newId(), connectionId, userId: outcome.by === 'from' ? requesterId : recipientId, outcome: outcome.outcome, note: outcome.note, createdAt: dateOf(outcome.on) })
        .run();
    }
    // A request still waiting is unread in the recipient's notifications (already mailed, as it would have been).
    if (demo.status === 'pending') {
      db.insert(notifications).values({ id: newId(), userId: recipientId, kind: 'connection_request', actorId: requesterId, connectionId, createdAt, emailedAt: createdAt }).run();
    }
  }
}
