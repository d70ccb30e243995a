import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../client';
import { events } from '../schema/events';
import { appliedStories, appliedStoryCaseStudies, appliedStoryThemes } from '../schema/stories';
import { themes } from '../schema/synthesis';
import { organisations } from '../schema/organisations';
import { newId } from '../../lib/ids';

// Demo applied-learning stories: members of several organisations tell how they used a case study or a
// theme after the events, from 2016 to 2026, in English and French. Mostly for members, a few for
// everyone (so visitors see "applied by 2 organisations in 2 countries" on the faith-leaders case study),
// and one for its organisation only (so the read rule has something to hide). All fictional.

type DemoStory = {
  author: string;
  /** The organisation's demo key; the story's country is the organisation's. */
  organisation: string;
  on: string;
  visibility: 'public' | 'members' | 'organisation';
  title: string;
  body: string[];
  ways: string[];
  caseStudies: string[];
  /** [event slug or null for the network principles, English theme title] */
  themes: ['lse-1' | 'lse-2' | null, string][];
};

const faithLeaders = 'Opening the door with faith leaders: dialogues on sexuality, health and HIV in two Kenyan counties';
const peerNavigation = 'Walking alongside: peer navigation for trans women from first contact to viral suppression';

const demoStories: DemoStory[] = [
  {
    author: 'kagiso',
    organisation: 'kalahari',
    on: '2016-09-14',
    visibility: 'public',
    title: 'After LSE 1 we adapted the faith-leader dialogues from Kenya to our district',
    body: [
      'At LSE 1 we heard how a Kenyan partner brought faith leaders and community members into the same room, with a neutral facilitator and clear ground rules. Our own attempts had always started with a workshop on HIV facts, and most religious leaders never came back for a second one.',
      'Back home we changed the order. We started with small listening sessions where pastors asked their own questions first, and only later brought in peer educators to share what they see in their work. Two congregations now let us use their halls for health talks, and one pastor has spoken against a planned crackdown in a district meeting.',
      'It was slower than we hoped: it took eight months before the first joint session. We learned that the first conversation is about trust, not information.',
    ],
    ways: ['adopted_good_practice', 'engaged_stakeholders'],
    caseStudies: [faithLeaders],
    themes: [['lse-1', 'Religion and culture']],
  },
  {
    author: 'fatou',
    organisation: 'lumiere',
    on: '2017-03-02',
    visibility: 'public',
    title: 'Après LSE 2, nous avons adapté le modèle de pairs navigatrices de Harare à notre banlieue',
    body: [
      'Le cas présenté sur l’accompagnement des femmes trans, du premier contact jusqu’à la charge virale indétectable, nous a beaucoup parlé. Chez nous, beaucoup de travailleuses du sexe dépistées positives ne revenaient jamais chercher leur traitement.',
      'Nous avons formé quatre pairs navigatrices issues de la communauté. Chacune suit un petit groupe de femmes : elle les accompagne au premier rendez-vous, les appelle avant chaque visite et les aide à régler les problèmes de transport. Nous avons aussi négocié avec le centre de santé un créneau réservé le samedi matin.',
      'En un an, la proportion de femmes qui commencent leur traitement dans le mois a nettement augmenté. La leçon principale : l’accompagnement doit être porté par des personnes de la communauté, pas par le personnel du projet.',
    ],
    ways: ['adopted_good_practice', 'programming'],
    caseStudies: [peerNavigation],
    themes: [['lse-2', 'Pursuing a holistic, integrated programme approach']],
  },
  {
    author: 'mwansa',
    organisation: 'zambezi',
    on: '2017-11-20',
    visibility: 'public',
    title: 'A journalists’ breakfast instead of a press release',
    body: [
      'The media fellowship story from Botswana made us rethink how we deal with the press. We used to react to sensational stories with angry statements, which only gave them a second headline.',
      'We started a quarterly breakfast for health reporters, with a doctor and a peer educator answering questions off the record. We give journalists data they can use and explain which words hurt. Three reporters now call us before publishing anything on key populations.',
      'We cannot yet afford a full fellowship, but the relationships alone changed the tone of coverage in two newspapers.',
    ],
    ways: ['engaged_stakeholders', 'influenced_others'],
    caseStudies: ['From sensational headlines to informed reporting: a media fellowship on health and sexuality'],
    themes: [['lse-1', 'Partnerships and Alliance-building']],
  },
  {
    author: 'ndayishimiye',
    organisation: 'horizon',
    on: '2018-06-05',
    visibility: 'members',
    title: 'Un protocole de sécurité pour nos éducatrices de pairs, inspiré du réseau de réponse rapide',
    body: [
      'Après deux incidents graves pendant des sorties de nuit, nous avons relu le cas sur le protocole de sécurité et le réseau de réponse rapide des travailleurs de proximité. Nous n’avions aucune règle écrite : chacune faisait comme elle pouvait.',
      'Nous avons rédigé avec les éducatrices un protocole simple : jamais seule, un contact prévenu avant et après chaque sortie, des numéros d’urgence mémorisés plutôt qu’enregistrés, et un fonds pour les frais de transport en cas de danger. Un juriste partenaire accepte d’être appelé à toute heure.',
      'Les éducatrices disent se sentir plus en sécurité et nous avons pu réagir en moins d’une heure lors d’une arrestation l’an dernier.',
    ],
    ways: ['adopted_good_practice', 'reflected_on_practice'],
    caseStudies: ['Safe outreach: a security protocol and rapid-response network for peer outreach workers'],
    themes: [
      ['lse-1', 'Safety & Security'],
      [null, 'Safety and security'],
    ],
  },
  {
    author: 'nakato',
    organisation: 'amani',
    on: '2019-02-18',
    visibility: 'organisation',
    title: 'Changing our drop-in hours after reading about the Dakar day centre',
    body: [
      'The Dakar day centre case study described how the centre opened at the hours sex workers actually asked for, not office hours. Our own drop-in was open from nine to five, and almost nobody came before two in the afternoon.',
      'We asked members in three meetings when they could come, then moved our opening hours to the afternoon and early evening and added a quiet room to rest. Attendance doubled in three months, and more women now come to the paralegal sessions held there.',
      'This is for our team only for now: we want to see whether the change lasts before sharing it more widely.',
    ],
    ways: ['reflected_on_practice', 'programming'],
    caseStudies: ['Un espace à nous : le centre d’accueil de jour pour les travailleuses du sexe en banlieue de Dakar'],
    themes: [['lse-2', 'Support Movement building']],
  },
  {
    author: 'chipo',
    organisation: 'mhuri',
    on: '2020-08-11',
    visibility: 'members',
    title: 'Clinic champions for trans clients, after the district clinic work in South Africa',
    body: [
      'One sensitisation workshop for health workers had never been enough for us: staff rotate and the training is forgotten. The case study on making two district clinics work for trans people showed another way, with a named champion in each clinic and regular visits by trans peer workers.',
      'We agreed with two clinics to name a champion nurse each, and our peer workers visit every month to review what went well and what did not. Clients can now give feedback through the peer workers instead of complaining to staff directly.',
      'Not every clinic agreed. Where the manager supported it, waiting times and hostile remarks both went down.',
    ],
    ways: ['adopted_good_practice', 'influenced_others'],
    caseStudies: ['Beyond sensitisation: making two district clinics work for trans and gender-diverse people'],
    themes: [['lse-1', 'Trans Community']],
  },
  {
    author: 'yao',
    organisation: 'espoir',
    on: '2021-05-27',
    visibility: 'public',
    title: 'Nos données communautaires dans le plan de district',
    body: [
      'Le cas kényan sur l’utilisation des données du programme pour changer un plan de comté nous a montré que nos registres de consultation pouvaient servir à autre chose qu’aux rapports pour les bailleurs.',
      'Nous avons regroupé trois ans de données anonymisées sur les jeunes que nous accompagnons et les avons présentées lors de la révision du plan de district, avec l’appui d’un médecin de l’équipe cadre. Pour la première fois, le plan mentionne les jeunes des populations clés et prévoit un budget pour des services adaptés.',
      'Le travail le plus long a été de nettoyer les données sans jamais exposer une personne.',
    ],
    ways: ['informed_decisions', 'influenced_others'],
    caseStudies: ['Counting what matters: using our own programme data to change a county’s HIV plan'],
    themes: [
      ['lse-1', 'Data: Evidence and Impact'],
      [null, 'Evidence-based programming'],
    ],
  },
  {
    author: 'rehema',
    organisation: 'pwani',
    on: '2022-10-03',
    visibility: 'members',
    title: 'Bringing the people we serve onto our board, step by step',
    body: [
      'Reading how a Zambian partner supported a sex worker-led organisation to govern itself made us uncomfortable, in a useful way: our own board had no one from the communities we work with.',
      'Over a year we changed our constitution to reserve two board seats for people who use drugs, offered a short governance course, and paid for transport and time for meetings. The first two members joined this year and already changed how we plan outreach.',
      'Letting go of control was harder for staff than we expected. We are still learning.',
    ],
    ways: ['reflected_on_practice', 'joined_networks'],
    caseStudies: ['From project beneficiaries to board members: supporting a sex worker-led organisation to stand on its own'],
    themes: [['lse-2', 'Learn to let go']],
  },
  {
    author: 'sofia',
    organisation: 'puentes',
    on: '2023-04-19',
    visibility: 'members',
    title: 'Neighbourhood alerts meet paralegals: what we took from Kampala',
    body: [
      'Our neighbourhood alert networks warn trans women sex workers about police operations, but after an arrest we had no one to call. The Ugandan paralegal case study showed how trained peers can be at the police station within hours.',
      'We trained six compañeras as community paralegals with a human rights lawyer, and linked them to our alert groups. When someone is detained, the alert now reaches a paralegal first. We also joined a regional network of sex worker legal support groups to share training materials.',
      'It is early days, but detentions are shorter and better documented.',
    ],
    ways: ['adopted_good_practice', 'joined_networks'],
    caseStudies: ['Someone to call at 2 a.m.: sex worker paralegals after arrests'],
    themes: [[null, 'Safety and security']],
  },
  {
    author: 'lerato',
    organisation: 'ubuntu',
    on: '2024-09-09',
    visibility: 'public',
    title: 'Faith leaders at the provincial AIDS council',
    body: [
      'We used the faith-leader dialogue approach to prepare for the provincial AIDS council, where religious representatives had blocked any mention of LGBTI people in the strategy for years.',
      'Before the council met, we held three small dialogues with faith representatives and community members together, using the same ground rules: listen first, no public statements, questions welcome. At the council, two of those representatives supported including trans people in the prevention targets.',
      'Legitimate participation needs allies in the room, not only a seat at the table.',
    ],
    ways: ['engaged_stakeholders', 'informed_decisions'],
    caseStudies: [faithLeaders],
    themes: [['lse-1', 'Legitimate Participation']],
  },
  {
    author: 'membre',
    organisation: 'horizon',
    on: '2025-07-15',
    visibility: 'members',
    title: 'Des groupes de parole pour les familles, après l’expérience d’Abidjan',
    body: [
      'L’étude de cas sur l’adaptation des services aux travailleurs du sexe masculins et aux jeunes LGBTI à Abidjan et Bouaké parlait du rejet familial comme d’un obstacle majeur. C’est aussi ce que nous entendons chaque semaine.',
      'Avec une psychologue bénévole, nous avons lancé des groupes de parole mensuels pour les parents et les frères et sœurs qui le souhaitent, dans un lieu discret. Les jeunes décident eux-mêmes s’ils veulent que leur famille y participe.',
      'Trois familles ont renoué le contact avec leur enfant. Le soutien psychosocial fait désormais partie de notre programme et n’est plus une activité à part.',
    ],
    ways: ['reflected_on_practice', 'programming'],
    caseStudies: ['Travailleurs du sexe masculins et jeunes LGBTI : adapter l’offre de services à Abidjan et Bouaké'],
    themes: [['lse-1', 'Mental Health and PSS']],
  },
  {
    author: 'kioko',
    organisation: 'nuru',
    on: '2026-02-10',
    visibility: 'members',
    title: 'Peer navigation for young trans men, ten years after LSE 1',
    body: [
      'We came back to the peer navigation case study when young trans men started asking us for help getting to clinics. Most of them had never been to a health service that used their name.',
      'We adapted the model with two trans men as navigators, a short list of clinics that have agreed to respect names and pronouns, and a group chat with disappearing messages for appointment reminders.',
      'Young people came more often when the navigator was close to their own age: we will recruit younger navigators next year.',
    ],
    ways: ['adopted_good_practice'],
    caseStudies: [peerNavigation],
    themes: [['lse-1', 'Gap: Working with young people']],
  },
];

/** Demo applied-learning stories, after the case studies and the synthesis they link to. */
export function seedDemoStories(db: Db, ids: { userIds: Map<string, string>; organisationIds: Map<string, string>; caseStudyIds: Map<string, string> }): void {
  const required = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`demo stories: unknown ${what}`);
    return value;
  };
  const eventIds = new Map(db.select({ id: events.id, slug: events.slug }).from(events).all().map((event) => [event.slug, event.id]));
  const themeId = (event: 'lse-1' | 'lse-2' | null, title: string) => {
    const eventCondition = event ? eq(themes.eventId, required(eventIds.get(event), `event "${event}"`)) : isNull(themes.eventId);
    const row = db.select({ id: themes.id }).from(themes).where(and(eventCondition, eq(themes.titleEn, title), isNull(themes.mergedIntoId))).get();
    return required(row?.id, `theme "${title}"`);
  };

  for (const story of demoStories) {
    const organisationId = required(ids.organisationIds.get(story.organisation), `organisation "${story.organisation}"`);
    const organisation = required(db.select({ countryCode: organisations.countryCode }).from(organisations).where(eq(organisations.id, organisationId)).get(), `organisation row "${story.organisation}"`);
    const id = newId();
    const at = new Date(`${story.on}T09:00:00Z`);
    db.insert(appliedStories)
      .values({
        id,
        authorId: required(ids.userIds.get(story.author), `author "${story.author}"`),
        organisationId,
        countryCode: organisation.countryCode,
        title: story.title,
        body: story.body.join('\n\n'),
        applicationWays: story.ways,
        visibility: story.visibility,
        createdAt: at,
        updatedAt: at,
      })
      .run();
    db.insert(appliedStoryCaseStudies).values(story.caseStudies.map((title) => ({ storyId: id, caseStudyId: required(ids.caseStudyIds.get(title), `case study "${title}"`) }))).run();
    db.insert(appliedStoryThemes).values(story.themes.map(([event, title]) => ({ storyId: id, themeId: themeId(event, title) }))).run();
  }
}
