import { and, eq, inArray } from 'drizzle-orm';
import { SurveyAnswers, surveySteps, type Likert } from '../../lib/follow-ups/answers';
import { addDays, invitationTime, invitedRoles, reminderTime, todayIso } from '../../lib/follow-ups/rounds';
import { newId } from '../../lib/ids';
import { enqueueJob } from '../../lib/jobs/queue';
import type { Db } from '../client';
import { eventParticipants } from '../schema/events';
import { followUpQuestions, followUpResponses, followUps } from '../schema/follow-ups';
import { notifications } from '../schema/notifications';

// Demo follow-up surveys. For each LSE, the 12-month round the network really ran once by email (here in
// the app's shape, 2016 and 2017), answered by most participants with answers spread like the baseline
// report's; and a round open today on each, so the survey can be tried: Nomvula and Baraka (LSE 1) and
// Fatou (LSE 2, in French) have not answered yet. Every retained text is fictional.

type DemoSlug = 'lse-1' | 'lse-2' | 'refresher-2027';
type DemoAnswer = {
  understanding: Likert;
  shared: ('internal' | 'external' | 'not_yet')[];
  how?: ('formal' | 'informal')[];
  retained?: string;
  applied: Likert;
  ways: string[];
  barriers: string[];
  connected: 'yes' | 'no';
  reasons?: string[];
  custom?: string;
};

const answer = (value: DemoAnswer, customQuestionId?: string): SurveyAnswers =>
  SurveyAnswers.parse({
    understanding: value.understanding,
    transferAudience: value.shared,
    transferFormality: value.shared.includes('not_yet') ? [] : (value.how ?? ['informal']),
    ...(value.retained ? { retained: value.retained } : {}),
    applied: value.applied,
    applicationWays: value.ways,
    barriers: value.barriers,
    connected: value.connected,
    connectionReasons: value.connected === 'yes' ? (value.reasons ?? []) : [],
    ...(customQuestionId ? { custom: value.custom ? { [customQuestionId]: value.custom } : {} } : {}),
    savedSteps: surveySteps.filter((step) => step !== 'custom' || customQuestionId),
  });

/** LSE 1's 12-month round (May 2016): 9 of its 13 invited answered. */
const lse1Answers: Record<string, DemoAnswer> = {
  editor: {
    understanding: 'strongly_agree', shared: ['internal', 'external'], how: ['formal', 'informal'], applied: 'strongly_agree',
    retained: 'The security walk-through of a drop-in centre: we now check exits and who holds the keys before every outreach night.',
    ways: ['reflected_on_practice', 'adopted_good_practice', 'programming'], barriers: ['funding', 'hostile_environment'], connected: 'yes', reasons: ['share_information', 'explore_joint_work', 'advice_mentoring'],
  },
  kioko: {
    understanding: 'agree', shared: ['internal'], how: ['formal'], applied: 'agree',
    ways: ['influenced_others', 'engaged_stakeholders'], barriers: ['hostile_environment', 'registration'], connected: 'yes', reasons: ['learn_about_work', 'expand_networks'],
  },
  achieng: {
    understanding: 'agree', shared: ['internal'], how: ['informal'], applied: 'agree',
    retained: 'That peer educators need supervision and pay, not only training.',
    ways: ['reflected_on_practice', 'informed_decisions'], barriers: ['time', 'funding'], connected: 'yes', reasons: ['share_information', 'strengthen_relationship'],
  },
  lerato: {
    understanding: 'strongly_agree', shared: ['internal', 'external'], how: ['formal'], applied: 'agree',
    ways: ['influenced_others', 'engaged_stakeholders', 'joined_networks'], barriers: ['development_frameworks'], connected: 'yes', reasons: ['co_host_event', 'acknowledge_expertise'],
  },
  kagiso: {
    understanding: 'agree', shared: ['internal'], how: ['formal', 'informal'], applied: 'neutral',
    ways: ['reflected_on_practice'], barriers: ['leadership', 'culture'], connected: 'no',
  },
  yao: {
    understanding: 'agree', shared: ['internal'], how: ['informal'], applied: 'agree',
    retained: 'Les dialogues avec les leaders religieux : commencer par la santé, pas par la sexualité.',
    ways: ['adopted_good_practice', 'engaged_stakeholders'], barriers: ['hostile_environment'], connected: 'yes', reasons: ['follow_up_question', 'share_information'],
  },
  mwansa: {
    understanding: 'neutral', shared: ['internal'], how: ['informal'], applied: 'agree',
    ways: ['informed_decisions'], barriers: ['systems', 'funding'], connected: 'yes', reasons: ['technical_assistance'],
  },
  chipo: {
    understanding: 'agree', shared: ['not_yet'], applied: 'disagree',
    ways: [], barriers: ['time'], connected: 'yes', reasons: ['other_meetings'],
  },
  tatenda: {
    understanding: 'strongly_agree', shared: ['internal'], how: ['informal'], applied: 'agree',
    retained: 'Documenting a practice the same week, while people still remember the details.',
    ways: ['reflected_on_practice', 'programming'], barriers: ['none'], connected: 'yes', reasons: ['share_information', 'learn_about_work'],
  },
};

/** LSE 2's 12-month round (April 2017): 11 of its 16 invited answered. */
const lse2Answers: Record<string, DemoAnswer> = {
  editor: {
    understanding: 'strongly_agree', shared: ['internal'], how: ['formal'], applied: 'agree',
    ways: ['programming', 'adopted_good_practice'], barriers: ['funding'], connected: 'yes', reasons: ['explore_joint_work', 'joint_funding'],
  },
  redacteur: {
    understanding: 'strongly_agree', shared: ['internal', 'external'], how: ['formal', 'informal'], applied: 'strongly_agree',
    retained: 'La clinique mobile de nuit, avec des paires éducatrices qui connaissent les horaires des sites.',
    ways: ['adopted_good_practice', 'programming', 'influenced_others'], barriers: ['hostile_environment', 'funding'], connected: 'yes', reasons: ['share_information', 'technical_assistance', 'explore_joint_work'],
  },
  kagiso: {
    understanding: 'agree', shared: ['internal'], how: ['informal'], applied: 'agree',
    ways: ['reflected_on_practice'], barriers: ['leadership'], connected: 'yes', reasons: ['strengthen_relationship'],
  },
  neo: {
    understanding: 'agree', shared: ['internal'], how: ['informal'], applied: 'neutral',
    ways: ['reflected_on_practice'], barriers: ['time', 'systems'], connected: 'no',
  },
  nakato: {
    understanding: 'strongly_agree', shared: ['internal', 'external'], how: ['formal'], applied: 'strongly_agree',
    retained: 'Decriminalisation is a health argument as much as a rights one: we now open with the clinic data.',
    ways: ['influenced_others', 'informed_decisions', 'engaged_stakeholders'], barriers: ['hostile_environment', 'development_frameworks'], connected: 'yes', reasons: ['acknowledge_expertise', 'co_host_event', 'expand_networks'],
  },
  akello: {
    understanding: 'agree', shared: ['internal'], how: ['informal'], applied: 'agree',
    ways: ['reflected_on_practice', 'adopted_good_practice'], barriers: ['funding'], connected: 'yes', reasons: ['share_information'],
  },
  fatou: {
    understanding: 'agree', shared: ['internal'], how: ['informal'], applied: 'agree',
    retained: 'Travailler avec les jeunes qui vendent du sexe sans les exposer : passer par des relais de confiance.',
    ways: ['reflected_on_practice', 'informed_decisions'], barriers: ['culture', 'time'], connected: 'yes', reasons: ['learn_about_work', 'advice_mentoring'],
  },
  adjoua: {
    understanding: 'neutral', shared: ['not_yet'], applied: 'neutral',
    ways: [], barriers: ['registration', 'funding'], connected: 'yes', reasons: ['other_meetings'],
  },
  ndayishimiye: {
    understanding: 'agree', shared: ['internal'], how: ['formal', 'informal'], applied: 'agree',
    retained: 'Les organisations de travailleuses du sexe dirigées par elles-mêmes tiennent plus longtemps que les projets.',
    ways: ['joined_networks', 'engaged_stakeholders'], barriers: ['hostile_environment', 'registration'], connected: 'yes', reasons: ['expand_networks', 'reflect_contexts'],
  },
  sofia: {
    understanding: 'strongly_agree', shared: ['external'], how: ['formal'], applied: 'agree',
    ways: ['influenced_others'], barriers: ['development_frameworks'], connected: 'yes', reasons: ['reflect_contexts', 'share_information'],
  },
  imani: {
    understanding: 'agree', shared: ['internal', 'external'], how: ['formal'], applied: 'strongly_agree',
    ways: ['informed_decisions', 'programming'], barriers: ['none'], connected: 'yes', reasons: ['advice_mentoring', 'follow_up_question'],
  },
};

/** In the rounds open today, a few members already answered; Nomvula, Baraka and Fatou have not. */
const openRoundAnswers: Record<'lse-1' | 'lse-2', Record<string, DemoAnswer>> = {
  'lse-1': {
    kioko: { ...lse1Answers.kioko!, applied: 'strongly_agree', ways: ['influenced_others', 'engaged_stakeholders', 'joined_networks'], custom: 'The group work on safety and security.' },
    tatenda: { ...lse1Answers.tatenda!, custom: 'The country groups: we still meet with the two other Zimbabwean organisations.' },
  },
  'lse-2': {
    neo: { ...lse2Answers.neo!, applied: 'agree', ways: ['reflected_on_practice', 'adopted_good_practice'], custom: 'How other countries fund peer educators.' },
    akello: { ...lse2Answers.akello!, custom: 'Safety of outreach workers at night.' },
  },
};

/** Everyone a round of this event invites: the same rule as the invitation job (lib/follow-ups/invitations.ts). */
function invitedOf(db: Db, eventId: string): string[] {
  const rows = db.select({ userId: eventParticipants.userId }).from(eventParticipants).where(and(eq(eventParticipants.eventId, eventId), inArray(eventParticipants.role, [...invitedRoles]))).all();
  return [...new Set(rows.map((row) => row.userId))];
}

const at = (isoDay: string, hour = 7) => new Date(`${isoDay}T${String(hour).padStart(2, '0')}:00:00Z`);

export function seedDemoFollowUps(db: Db, ids: { eventIds: Record<DemoSlug, string>; userIds: Map<string, string> }): void {
  const userId = (username: string) => {
    const id = ids.userIds.get(username);
    if (!id) throw new Error(`demo seed: unknown follow-up respondent ${username}`);
    return id;
  };
  const facilitatorId = userId('facilitator');

  // The 12-month rounds of 2016 and 2017, closed long ago: the dashboard's history.
  const pastRounds = [
    { slug: 'lse-1' as const, opensOn: '2016-05-21', answers: lse1Answers },
    { slug: 'lse-2' as const, opensOn: '2017-04-14', answers: lse2Answers },
  ];
  for (const past of pastRounds) {
    const eventId = ids.eventIds[past.slug];
    const id = newId();
    const closesOn = addDays(past.opensOn, 30);
    const invitedAt = at(past.opensOn);
    const remindedAt = new Date(reminderTime(invitedAt.getTime(), closesOn));
    db.insert(followUps).values({ id, eventId, opensOn: past.opensOn, closesOn, monthsAfter: 12, createdBy: facilitatorId, createdAt: at(addDays(past.opensOn, -60), 9), invitedAt, remindedAt }).run();
    const respondents = new Map(Object.entries(past.answers).map(([username, value]) => [userId(username), value]));
    const invited = invitedOf(db, eventId);
    if ([...respondents.keys()].some((memberId) => !invited.includes(memberId))) throw new Error(`demo seed: a follow-up respondent was not invited to ${past.slug}`);
    invited.forEach((memberId, index) => {
      const value = respondents.get(memberId);
      // Early answers came in the first days; the others after the reminder.
      const answeredOn = addDays(past.opensOn, index % 3 === 0 ? 16 + (index % 5) : 1 + (index % 9));
      const submittedAt = value ? at(answeredOn, 10 + (index % 6)) : null;
      const wasReminded = !submittedAt || submittedAt.getTime() > remindedAt.getTime();
      db.insert(followUpResponses)
        .values({ followUpId: id, userId: memberId, answers: value ? answer(value) : {}, invitedAt, remindedAt: wasReminded ? remindedAt : null, startedAt: submittedAt, updatedAt: submittedAt, submittedAt })
        .run();
    });
  }

  // A round open today on each LSE (computed from the real date, so the demo always has one to answer),
  // with one question of the facilitators' own in both languages.
  const today = todayIso();
  const openRounds = [
    {
      slug: 'lse-1' as const, opensOn: addDays(today, -3), closesOn: addDays(today, 30), createdBy: facilitatorId,
      question: { promptEn: 'Which session of LSE 1 do you still use most in your work?', promptFr: 'Quelle session de la LSE 1 vous sert encore le plus dans votre travail ?' },
      started: { editor: { understanding: 'agree', transferAudience: ['internal', 'external'], transferFormality: ['formal'], savedSteps: ['understanding'] } as SurveyAnswers },
    },
    {
      slug: 'lse-2' as const, opensOn: addDays(today, -5), closesOn: addDays(today, 25), createdBy: userId('animatrice'),
      question: { promptEn: 'What would you like the refresher meeting to cover?', promptFr: 'Qu’aimeriez-vous que la rencontre de rappel aborde ?' },
      started: { redacteur: { understanding: 'strongly_agree', transferAudience: ['internal'], transferFormality: ['informal'], retained: 'Les cliniques mobiles de nuit.', savedSteps: ['understanding', 'retained'] } as SurveyAnswers },
    },
  ];
  for (const round of openRounds) {
    const eventId = ids.eventIds[round.slug];
    const id = newId();
    const questionId = newId();
    const invitedAt = new Date(invitationTime(round.opensOn));
    db.insert(followUps).values({ id, eventId, opensOn: round.opensOn, closesOn: round.closesOn, monthsAfter: null, createdBy: round.createdBy, createdAt: at(addDays(round.opensOn, -14), 9), invitedAt }).run();
    db.insert(followUpQuestions).values({ id: questionId, followUpId: id, ...round.question, sortOrder: 0, createdBy: round.createdBy, createdAt: at(addDays(round.opensOn, -10), 9) }).run();
    const answered = new Map(Object.entries(openRoundAnswers[round.slug]).map(([username, value]) => [userId(username), value]));
    const started = new Map(Object.entries(round.started).map(([username, value]) => [userId(username), value]));
    for (const memberId of invitedOf(db, eventId)) {
      const value = answered.get(memberId);
      const partial = started.get(memberId);
      const touchedAt = value || partial ? new Date(invitedAt.getTime() + 26 * 3_600_000) : null;
      db.insert(followUpResponses)
        .values({ followUpId: id, userId: memberId, answers: value ? answer(value, questionId) : (partial ?? {}), invitedAt, startedAt: touchedAt, updatedAt: touchedAt, submittedAt: value ? touchedAt : null })
        .run();
      // The invitation, unread, as the job would have left it (already mailed to those who get email).
      db.insert(notifications).values({ id: newId(), userId: memberId, kind: 'follow_up', eventId, followUpId: id, createdAt: invitedAt, emailedAt: invitedAt }).run();
    }
    enqueueJob(db, { kind: 'followUp.remind', payload: { followUpId: id }, runAt: reminderTime(invitedAt.getTime(), round.closesOn), uniqueKey: `followUp.remind:${id}` });
  }
}
