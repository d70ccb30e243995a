import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { users } from '../schema/accounts';
import type { eventRoles, sessionKinds } from '../schema/events';
import { addEventOrganisation, addMembership, addParticipant, insertCall, insertCaseStudy, insertEvent, insertOrganisation, insertSession, insertUser, richText } from './factories';
import { hashPassword } from '../../lib/auth/passwords';
import { sectionKeys } from '../schema/case-studies';
import { demoCalls, demoCaseStudies, type DemoEventSlug } from './demo-case-studies';
import { seedDemoConversations } from './demo-conversations';
import { seedDemoSynthesis } from './demo-synthesis';
import { seedDemoDirectory } from './demo-directory';
import { seedDemoFollowUps } from './demo-follow-ups';
import { seedDemoStories } from './demo-stories';
import taxonomy from './taxonomy.json';

// The demo network: the two real Learning and Sharing Events with their real key topics, and fictional
// organisations and people. Passwords are generated per database and written to data/demo-credentials.json.

const demoOrganisations = [
  { key: 'tumaini', name: 'Tumaini Health Alliance', type: 'linking_organisation', countryCode: 'KE', populations: ['msm', 'lgbti', 'sex_workers'], description: 'National partner coordinating key-population programmes in Kenya.' },
  { key: 'nuru', name: 'Nuru Key Populations Network', type: 'kp_led', countryCode: 'KE', populations: ['msm', 'transgender'], description: 'A network led by gay, bisexual and trans people in Kenya.', visibility: 'members' },
  { key: 'ubuntu', name: 'Ubuntu Rights Collective', type: 'implementing_partner', countryCode: 'ZA', populations: ['lgbti', 'transgender'], description: 'Community-based services and legal support.' },
  { key: 'kalahari', name: 'Kalahari Community Health Trust', type: 'linking_organisation', countryCode: 'BW', populations: ['msm', 'sex_workers'], description: 'National partner in Botswana.' },
  { key: 'amani', name: 'Amani Sex Workers Forum', type: 'kp_led', countryCode: 'UG', populations: ['sex_workers', 'young_people'], description: 'Sex-worker-led peer support and advocacy.', visibility: 'members' },
  { key: 'pwani', name: 'Pwani Harm Reduction Initiative', type: 'implementing_partner', countryCode: 'TZ', populations: ['pwud'], description: 'Outreach and harm reduction on the coast.' },
  { key: 'lumiere', name: 'Association Lumière Santé', type: 'linking_organisation', countryCode: 'SN', populations: ['sex_workers', 'msm'], description: 'Partenaire national au Sénégal.' },
  { key: 'espoir', name: 'Réseau Espoir Jeunesse', type: 'kp_led', countryCode: 'CI', populations: ['young_people', 'lgbti'], description: 'Réseau de jeunes LGBTI en Côte d’Ivoire.', visibility: 'members' },
  { key: 'horizon', name: 'Initiative Horizon Burundi', type: 'implementing_partner', countryCode: 'BI', populations: ['msm', 'sex_workers'], description: 'Services communautaires au Burundi.' },
  { key: 'zambezi', name: 'Zambezi Wellness Partnership', type: 'linking_organisation', countryCode: 'ZM', populations: ['msm', 'sex_workers', 'pwud'], description: 'National partner in Zambia.' },
  { key: 'mhuri', name: 'Mhuri Trans Alliance', type: 'kp_led', countryCode: 'ZW', populations: ['transgender'], description: 'Trans-led organisation in Zimbabwe.' },
  { key: 'secretariat', name: 'Regional Programme Secretariat', type: 'secretariat', countryCode: 'ZA', populations: [], description: 'Runs the Learning and Sharing Events.' },
  { key: 'resource', name: 'Savanna Learning Resource Hub', type: 'resource_partner', countryCode: 'KE', populations: [], description: 'Technical expertise on monitoring and learning.' },
  { key: 'puentes', name: 'Colectivo Puentes', type: 'implementing_partner', countryCode: 'CO', populations: ['transgender', 'sex_workers'], description: 'A partner from Latin America invited to share experience.' },
] as const;

type DemoPerson = {
  username: string;
  displayName: string;
  organisation: (typeof demoOrganisations)[number]['key'];
  organisationRole?: 'member' | 'editor';
  siteRole?: 'member' | 'moderator' | 'admin';
  locale?: 'en' | 'fr';
  email?: string;
  emailFrequency?: 'immediate' | 'daily' | 'weekly' | 'never';
  isInDirectory?: boolean;
  isDisabled?: boolean;
  events?: Partial<Record<'lse-1' | 'lse-2' | 'refresher-2027', ('participant' | 'presenter' | 'facilitator' | 'synthesis')[]>>;
  persona: string;
};

const demoPeople: DemoPerson[] = [
  { username: 'admin', displayName: 'Network Admin', organisation: 'secretariat', siteRole: 'admin', persona: 'site admin', email: 'admin@baraza.example' },
  { username: 'moderator', displayName: 'Zawadi M.', organisation: 'secretariat', siteRole: 'moderator', persona: 'moderator', email: 'zawadi@secretariat.example', isInDirectory: true },
  { username: 'facilitator', displayName: 'Thandiwe', organisation: 'resource', persona: 'facilitator of LSE 1 and LSE 2', isInDirectory: true, events: { 'lse-1': ['facilitator', 'synthesis'], 'lse-2': ['facilitator', 'synthesis'], 'refresher-2027': ['facilitator'] } },
  { username: 'animatrice', displayName: 'Aïssatou', organisation: 'lumiere', locale: 'fr', persona: 'facilitator of LSE 2 (French)', isInDirectory: true, events: { 'lse-2': ['facilitator', 'synthesis'] } },
  { username: 'synthesis', displayName: 'Kwame', organisation: 'secretariat', persona: 'synthesis member of LSE 1', events: { 'lse-1': ['synthesis', 'participant'] } },
  { username: 'editor', displayName: 'Wanjiru', organisation: 'tumaini', organisationRole: 'editor', persona: 'editor at a Kenyan organisation (email at once)', email: 'wanjiru@tumaini.example', emailFrequency: 'immediate', isInDirectory: true, events: { 'lse-1': ['presenter', 'participant'], 'lse-2': ['participant'] } },
  { username: 'redacteur', displayName: 'Moussa', organisation: 'lumiere', organisationRole: 'editor', locale: 'fr', persona: 'editor at a Senegalese organisation (French, weekly digest)', email: 'moussa@lumiere.example', emailFrequency: 'weekly', isInDirectory: true, events: { 'lse-2': ['presenter', 'participant'] } },
  { username: 'member', displayName: 'Baraka', organisation: 'tumaini', persona: 'member of the same Kenyan organisation (email at once)', email: 'baraka@tumaini.example', emailFrequency: 'immediate', events: { 'lse-1': ['participant'] } },
  { username: 'participant', displayName: 'Nomvula', organisation: 'ubuntu', persona: 'participant at LSE 1 (email at once)', email: 'nomvula@ubuntu.example', emailFrequency: 'immediate', isInDirectory: true, events: { 'lse-1': ['participant'] } },
  { username: 'membre', displayName: 'Clarisse', organisation: 'horizon', locale: 'fr', persona: 'member in Burundi (French), no event', email: undefined },
  { username: 'disabled', displayName: 'Former member', organisation: 'zambezi', isDisabled: true, persona: 'disabled account' },
  { username: 'kioko', displayName: 'Kioko', organisation: 'nuru', organisationRole: 'editor', persona: 'editor at a KP-led network', isInDirectory: true, events: { 'lse-1': ['presenter'] } },
  { username: 'achieng', displayName: 'Achieng', organisation: 'nuru', persona: 'member', isInDirectory: true, events: { 'lse-1': ['participant'] } },
  { username: 'lerato', displayName: 'Lerato', organisation: 'ubuntu', organisationRole: 'editor', persona: 'editor', events: { 'lse-1': ['presenter'] } },
  { username: 'kagiso', displayName: 'Kagiso', organisation: 'kalahari', organisationRole: 'editor', persona: 'editor', isInDirectory: true, events: { 'lse-1': ['presenter'], 'lse-2': ['participant'] } },
  { username: 'neo', displayName: 'Neo', organisation: 'kalahari', persona: 'member', events: { 'lse-2': ['participant'] } },
  { username: 'nakato', displayName: 'Nakato', organisation: 'amani', organisationRole: 'editor', persona: 'editor', isInDirectory: true, events: { 'lse-2': ['presenter'] } },
  { username: 'akello', displayName: 'Akello', organisation: 'amani', persona: 'member', events: { 'lse-2': ['participant'] } },
  { username: 'rehema', displayName: 'Rehema', organisation: 'pwani', organisationRole: 'editor', persona: 'editor', events: { 'lse-2': ['participant'] } },
  { username: 'juma', displayName: 'Juma', organisation: 'pwani', persona: 'member' },
  { username: 'fatou', displayName: 'Fatou', organisation: 'lumiere', locale: 'fr', persona: 'member (French)', isInDirectory: true, events: { 'lse-2': ['participant'] } },
  { username: 'yao', displayName: 'Yao', organisation: 'espoir', organisationRole: 'editor', locale: 'fr', persona: 'editor (French)', events: { 'lse-1': ['presenter'], 'lse-2': ['presenter'] } },
  { username: 'adjoua', displayName: 'Adjoua', organisation: 'espoir', locale: 'fr', persona: 'member (French)', events: { 'lse-2': ['participant'] } },
  { username: 'ndayishimiye', displayName: 'Ange', organisation: 'horizon', organisationRole: 'editor', locale: 'fr', persona: 'editor (French)', events: { 'lse-2': ['presenter'] } },
  { username: 'mwansa', displayName: 'Mwansa', organisation: 'zambezi', organisationRole: 'editor', persona: 'editor', isInDirectory: true, events: { 'lse-1': ['presenter'], 'lse-2': ['presenter'] } },
  { username: 'chipo', displayName: 'Chipo', organisation: 'mhuri', organisationRole: 'editor', persona: 'editor', events: { 'lse-1': ['presenter'] } },
  { username: 'tatenda', displayName: 'Tatenda', organisation: 'mhuri', persona: 'member', isInDirectory: true, events: { 'lse-1': ['participant'] } },
  { username: 'sofia', displayName: 'Sofía', organisation: 'puentes', organisationRole: 'editor', persona: 'guest partner from Latin America', events: { 'lse-2': ['presenter'] } },
  { username: 'imani', displayName: 'Imani', organisation: 'resource', persona: 'synthesis member of LSE 2', events: { 'lse-2': ['synthesis', 'participant'] } },
  { username: 'halima', displayName: 'Halima', organisation: 'tumaini', persona: 'participant of the upcoming refresher', events: { 'refresher-2027': ['participant'] } },
];

const lse1 = taxonomy.events.find((event) => event.slug === 'lse-1')!;
const lse2 = taxonomy.events.find((event) => event.slug === 'lse-2')!;

export type DemoCredential = { username: string; password: string; displayName: string; persona: string };

function generatePassword(): string {
  return randomBytes(12).toString('base64url'); // 16 characters, ~96 bits
}

/** Creates the demo network once. Returns the credentials (read back from the file on later starts). */
export async function seedDemoNetwork(db: Db, dataDir: string): Promise<DemoCredential[]> {
  const credentialsFile = path.join(dataDir, 'demo-credentials.json');
  const alreadySeeded = db.select({ id: users.id }).from(users).where(eq(users.username, 'admin')).get();
  if (alreadySeeded && fs.existsSync(credentialsFile)) return JSON.parse(fs.readFileSync(credentialsFile, 'utf8')) as DemoCredential[];
  if (alreadySeeded) throw new Error(`The database already has an admin but ${credentialsFile} is missing: use a fresh DATA_DIR for the demo.`);

  const passwords = demoPeople.map(() => generatePassword());
  const passwordHashes = await Promise.all(passwords.map((password) => hashPassword(password)));
  const credentials: DemoCredential[] = [];
  // One transaction: a crash half-way leaves no half-built network behind.
  db.transaction((tx) => {
    buildNetwork(tx as unknown as Db, passwords, passwordHashes, credentials);
  });
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(credentialsFile, JSON.stringify(credentials, null, 2) + '\n', { mode: 0o600 });
  return credentials;
}

function buildNetwork(db: Db, passwords: string[], passwordHashes: string[], credentials: DemoCredential[]): void {
  const organisationIds = new Map<string, string>();
  for (const organisation of demoOrganisations) {
    organisationIds.set(organisation.key, insertOrganisation(db, { ...organisation, populations: [...organisation.populations], visibility: 'visibility' in organisation ? organisation.visibility : 'public' }).id);
  }

  const eventIds = {
    'lse-1': insertEvent(db, {
      slug: 'lse-1', titleEn: lse1.titleEn, titleFr: lse1.titleFr, startsOn: '2015-05-18', endsOn: '2015-05-21', place: 'Johannesburg', countryCode: 'ZA',
      descriptionEn: 'The first Learning and Sharing Event: 16 organisations presented their work with MSM and the broader LGBTI community.',
      descriptionFr: 'Le premier événement d’apprentissage et de partage : 16 organisations ont présenté leur travail avec les HSH et la communauté LGBTI au sens large.',
      populations: lse1.focus, topics: lse1.keyTopics,
    }).id,
    'lse-2': insertEvent(db, {
      slug: 'lse-2', titleEn: lse2.titleEn, titleFr: lse2.titleFr, startsOn: '2016-04-11', endsOn: '2016-04-14', place: 'Dakar', countryCode: 'SN',
      descriptionEn: 'The second Learning and Sharing Event, co-hosted in Senegal: 23 organisations, with panel sessions for the first time.',
      descriptionFr: 'Le deuxième événement d’apprentissage et de partage, co-organisé au Sénégal : 23 organisations, avec pour la première fois des panels.',
      populations: lse2.focus, topics: lse2.keyTopics,
    }).id,
    'refresher-2027': insertEvent(db, {
      slug: 'refresher-2027', titleEn: 'Refresher meeting: sharing achievements since the LSEs', titleFr: 'Rencontre de rappel : partager les acquis depuis les LSE',
      startsOn: '2027-03-08', endsOn: '2027-03-09', place: 'Nairobi', countryCode: 'KE', visibility: 'members',
      descriptionEn: 'Participants asked for a refresher meeting to share achievements after the events.',
      descriptionFr: 'Les participants ont demandé une rencontre de rappel pour partager leurs acquis après les événements.',
      populations: ['msm', 'sex_workers', 'transgender'], topics: ['community-engagement', 'advocacy'],
    }).id,
  };

  const programme: Record<keyof typeof eventIds, [string, (typeof sessionKinds)[number], string, string, string, string][]> = {
    'lse-1': [
      ['2015-05-18', 'plenary', 'Opening plenary: why we share', 'Plénière d’ouverture : pourquoi partager', '09:00', '10:30'],
      ['2015-05-18', 'case_study_presentation', 'Case studies: working in hostile environments', 'Études de cas : travailler dans des environnements hostiles', '11:00', '12:30'],
      ['2015-05-19', 'case_study_presentation', 'Case studies: peer education and community engagement', 'Études de cas : éducation par les pairs et engagement communautaire', '09:00', '10:30'],
      ['2015-05-19', 'group_work', 'Group work: safety and security', 'Travail de groupe : sûreté et sécurité', '14:00', '15:30'],
      ['2015-05-20', 'country_group_work', 'Country groups: what will we take home?', 'Groupes pays : que ramenons-nous ?', '09:00', '11:00'],
      ['2015-05-21', 'synthesis_recap', 'Synthesis recap: emerging themes', 'Restitution de la synthèse : thèmes émergents', '10:00', '12:00'],
    ],
    'lse-2': [
      ['2016-04-11', 'plenary', 'Opening plenary: what is sex work?', 'Plénière d’ouverture : qu’est-ce que le travail du sexe ?', '09:00', '10:30'],
      ['2016-04-11', 'panel', 'Panel: building sex worker organisations and movements', 'Panel : construire les organisations et mouvements', '11:00', '12:30'],
      ['2016-04-12', 'panel', 'Panel: decriminalisation of sex work', 'Panel : dépénalisation du travail du sexe', '09:00', '10:30'],
      ['2016-04-12', 'case_study_presentation', 'Case studies: working with young people who sell sex', 'Études de cas : travailler avec les jeunes qui vendent du sexe', '11:00', '12:30'],
      ['2016-04-13', 'solution_exchange', 'Solution exchange: programming for male and LGBTI sex workers', 'Échange de solutions : programmes pour les travailleurs du sexe masculins et LGBTI', '14:00', '16:00'],
      ['2016-04-14', 'synthesis_recap', 'Synthesis recap: bridging the gap', 'Restitution de la synthèse : combler le fossé', '10:00', '12:00'],
    ],
    'refresher-2027': [
      ['2027-03-08', 'plenary', 'What changed since the LSEs', 'Ce qui a changé depuis les LSE', '09:00', '10:30'],
      ['2027-03-09', 'solution_exchange', 'Turning connections into collaboration', 'Transformer les contacts en collaborations', '09:00', '11:00'],
    ],
  };
  for (const [slug, sessions] of Object.entries(programme) as [keyof typeof eventIds, (typeof programme)['lse-1']][]) {
    for (const [day, kind, titleEn, titleFr, startsAt, endsAt] of sessions) insertSession(db, { eventId: eventIds[slug], kind, titleEn, titleFr, day, startsAt, endsAt });
  }

  const userIds = new Map<string, string>();
  demoPeople.forEach((person, index) => {
    const password = passwords[index]!;
    const userId = insertUser(db, { ...person, passwordHash: passwordHashes[index]!, email: person.email ?? null });
    userIds.set(person.username, userId);
    addMembership(db, userId, organisationIds.get(person.organisation)!, person.organisationRole ?? 'member');
    for (const [slug, roles] of Object.entries(person.events ?? {}) as [keyof typeof eventIds, (typeof eventRoles)[number][]][]) {
      for (const role of roles) addParticipant(db, eventIds[slug], userId, role);
      addEventOrganisation(db, eventIds[slug], organisationIds.get(person.organisation)!);
    }
    credentials.push({ username: person.username, password, displayName: person.displayName, persona: person.persona });
  });

  const caseStudyIds = seedCaseStudies(db, { organisationIds, eventIds, userIds });
  seedDemoConversations(db, { eventIds, userIds, caseStudyIds });
  // After the conversations: some evidence links point at a demo thread.
  seedDemoSynthesis(db, { eventIds, userIds, caseStudyIds });
  // Learning that lasts: after the content it points at (stories link case studies and themes).
  seedDemoDirectory(db, { userIds });
  seedDemoFollowUps(db, { eventIds, userIds });
  seedDemoStories(db, { userIds, organisationIds, caseStudyIds });
}

/** A demo date at 09:00 UTC, so histories read as office hours. */
const demoDate = (isoDate: string) => new Date(`${isoDate}T09:00:00Z`);
const addDays = (isoDate: string, days: number) => new Date(demoDate(isoDate).getTime() + days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);

/** The calls for case studies of the three events, and the demo case studies with their histories. */
function seedCaseStudies(db: Db, ids: { organisationIds: Map<string, string>; eventIds: Record<DemoEventSlug, string>; userIds: Map<string, string> }): Map<string, string> {
  const caseStudyIds = new Map<string, string>();
  const userId = (username: string) => {
    const id = ids.userIds.get(username);
    if (!id) throw new Error(`demo seed: unknown person ${username}`);
    return id;
  };
  const callIds = new Map<DemoEventSlug, string>();
  for (const call of demoCalls) {
    const createdAt = demoDate(addDays(call.opensOn, -7));
    callIds.set(
      call.event,
      insertCall(db, {
        eventId: ids.eventIds[call.event],
        opensOn: call.opensOn,
        deadline: call.deadline,
        guidanceEn: call.guidanceEn,
        guidanceFr: call.guidanceFr,
        organisationIds: call.organisations.map((key) => ids.organisationIds.get(key)!),
        createdBy: userId(call.createdBy),
        createdAt,
      }),
    );
  }

  const topicKeys = new Set(taxonomy.topics.map((topic) => topic.key));
  for (const [index, caseStudy] of demoCaseStudies.entries()) {
    // The demo must stay coherent: authors belong to the organisation, reviewers facilitate the event, topics exist.
    for (const username of caseStudy.authors) {
      if (demoPeople.find((person) => person.username === username)?.organisation !== caseStudy.organisation) throw new Error(`demo seed: ${username} is not a member of ${caseStudy.organisation}`);
    }
    if (caseStudy.reviewer && !(caseStudy.call && demoPeople.find((person) => person.username === caseStudy.reviewer)?.events?.[caseStudy.call]?.includes('facilitator')))
      throw new Error(`demo seed: ${caseStudy.reviewer} does not facilitate the event of "${caseStudy.title}"`);
    for (const topic of caseStudy.topics) if (!topicKeys.has(topic)) throw new Error(`demo seed: unknown topic ${topic}`);

    const call = demoCalls.find((candidate) => candidate.event === caseStudy.call);
    const sectionsOf = (blocks: Partial<Record<(typeof sectionKeys)[number], Parameters<typeof richText>[0]>>) =>
      Object.fromEntries(sectionKeys.filter((key) => blocks[key]).map((key) => [key, richText(blocks[key]!)]));
    const caseStudyId = insertCaseStudy(db, {
      organisationId: ids.organisationIds.get(caseStudy.organisation)!,
      callId: caseStudy.call ? callIds.get(caseStudy.call)! : null,
      title: caseStudy.title,
      summary: caseStudy.summary,
      language: caseStudy.language,
      visibility: caseStudy.visibility,
      status: caseStudy.status,
      sections: sectionsOf(caseStudy.sections),
      authorIds: caseStudy.authors.map(userId),
      reviewerId: caseStudy.reviewer ? userId(caseStudy.reviewer) : null,
      countries: caseStudy.countries,
      populations: caseStudy.populations,
      topics: caseStudy.topics,
      freeTags: caseStudy.freeTags ?? [],
      changesRequested: caseStudy.changesRequested && {
        title: caseStudy.changesRequested.title,
        sections: sectionsOf(caseStudy.changesRequested.sections ?? {}),
        note: caseStudy.changesRequested.note,
        comments: caseStudy.changesRequested.comments.map((comment) => ({ sectionKey: comment.section, body: comment.body })),
      },
      acceptNote: caseStudy.acceptNote,
      createdAt: demoDate(caseStudy.createdOn),
      submittedAt: caseStudy.submittedOn ? demoDate(caseStudy.submittedOn) : undefined,
      // Facilitators accepted the case studies they programmed a few days after the call closed, before the event.
      acceptedAt: call && ['accepted', 'published', 'archived'].includes(caseStudy.status) ? demoDate(addDays(call.deadline, 2 + (index % 4))) : undefined,
      publishedAt: caseStudy.publishedOn ? demoDate(caseStudy.publishedOn) : undefined,
      closedAt: caseStudy.closedOn ? demoDate(caseStudy.closedOn) : undefined,
      updatedAt: caseStudy.updatedOn ? demoDate(caseStudy.updatedOn) : undefined,
    });
    caseStudyIds.set(caseStudy.title, caseStudyId);
  }
  return caseStudyIds;
}
