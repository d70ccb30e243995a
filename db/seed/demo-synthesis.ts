import { and, eq } from 'drizzle-orm';
import type { SectionKey } from '../schema/case-studies';
import { threads } from '../schema/conversations';
import { eventSessions } from '../schema/events';
import { sessionCaseStudies, synthesisReports, themeEvidence, themeRecurrences, themes, type ThemeKind } from '../schema/synthesis';
import { newId } from '../../lib/ids';
import { plainTextOf } from '../../lib/rich-text/plain-text';
import type { Db } from '../client';
import type { DemoEventSlug } from './demo-case-studies';
import { richText } from './factories';
import taxonomy from './taxonomy.json';

// The demo synthesis: the real theme sets of both Learning and Sharing Events and the network's principles
// (titles from db/seed/taxonomy.json, in their order), with French titles and short fictional descriptions;
// a published report per event; recurrences; evidence tagged by the facilitator to demo case studies
// (one section-level link, and links to an organisation-only case study, so the visibility rules have
// something to hide); and which case studies were presented in which session.

type ThemeText = { fr: string; description: string; descriptionFr?: string };

/** French titles and English descriptions, keyed by the English title as taxonomy.json spells it. */
const themeTexts: Record<string, ThemeText> = {
  // LSE 1: emerging themes
  Pride: { fr: 'Fierté', description: 'Pride as a source of resilience: visible, self-affirming communities keep peer work going where hostility is high.', descriptionFr: 'La fierté comme source de résilience : des communautés visibles et affirmées font vivre le travail des pairs là où l’hostilité est forte.' },
  'Legitimate Participation': { fr: 'Participation légitime', description: 'Key populations taking part in planning and decisions as of right, with a real say, not as guests invited at the end.' },
  'Language and Meaning': { fr: 'Langage et sens', description: 'The words used for identities, behaviours and services shape who feels included; several organisations rewrote their materials with their communities.' },
  'Safety & Security': {
    fr: 'Sûreté et sécurité',
    description: 'Protecting staff, peer workers and participants from violence, arrest and exposure: security protocols, rapid response, digital hygiene and care after incidents.',
    descriptionFr: 'Protéger le personnel, les pairs et les participants contre la violence, les arrestations et l’exposition : protocoles de sécurité, réponse rapide, hygiène numérique et soutien après les incidents.',
  },
  'Religion and culture': { fr: 'Religion et culture', description: 'Faith leaders and cultural gatekeepers can deepen stigma or open doors; patient dialogue turned some of them into allies.' },
  Advocacy: { fr: 'Plaidoyer', description: 'Changing laws, policies and practice through evidence, alliances and the voices of the communities affected.' },
  'Partnerships and Alliance-building': { fr: 'Partenariats et construction d’alliances', description: 'Working with health services, human rights groups, journalists and other movements to reach further than any one organisation can.' },
  'Social Transformation': { fr: 'Transformation sociale', description: 'Beyond services: shifting attitudes in families, communities and institutions so that LGBT people and MSM can live openly and safely.' },
  'Adapting the Response': { fr: 'Adapter la riposte', description: 'Tailoring programmes to hostile or changing environments instead of copying models that worked elsewhere.' },
  'Combination Approaches': { fr: 'Approches combinées', description: 'Combining biomedical, behavioural and structural interventions so that prevention, testing and care reinforce each other.' },
  'Gap: HIV in LGBT': { fr: 'Lacune : le VIH chez les personnes LGBT', description: 'Little data and few programmes address HIV among lesbian, bisexual and trans people beyond programmes for MSM.' },
  'Trans Community': { fr: 'Communauté trans', description: 'Trans people’s own needs (gender-affirming care, identity documents, violence) are often folded into programmes designed for MSM.' },
  'Resourcing and Funding': { fr: 'Ressources et financement', description: 'Short project funding threatens continuity; organisations looked for core funding and local resources.' },
  'Mental Health and PSS': { fr: 'Santé mentale et soutien psychosocial', description: 'Rejection, violence and stigma take a toll: psychosocial support emerged as a core part of HIV work, not an extra.' },
  'Gap: Working with young people': { fr: 'Lacune : travailler avec les jeunes', description: 'Young MSM and LGBT youth are hard to reach legally and safely, and few programmes are designed with them.' },
  'Data: Evidence and Impact': { fr: 'Données : preuves et impact', description: 'Collecting and using community data to show impact, secure funding and change local plans.' },
  // LSE 2: gaps
  'The Challenge of Definitions': { fr: 'Le défi des définitions', description: 'Partners define sex work, exploitation and trafficking differently, and their programmes end up working at cross purposes.' },
  'An Alliance Position': { fr: 'Une position d’alliance', description: 'Without a shared position on sex work, partners are unsure where the alliance stands, on decriminalisation above all.' },
  'Two Pathways for Programming': { fr: 'Deux voies de programmation', description: 'Programmes follow either a public-health pathway or a rights-based one, and the two are rarely bridged.' },
  'The Cost of Solidarity': { fr: 'Le coût de la solidarité', description: 'Standing openly with sex workers can cost partners funding, access to officials and their own safety.' },
  'Competing, Conflicting Theories of Agency': { fr: 'Des théories de l’autonomie concurrentes et contradictoires', description: 'Whether sex workers are seen as agents or as victims shapes every programme decision, often without being said.' },
  'Finding the mutual interest': { fr: 'Trouver l’intérêt commun', description: 'Health services, police, sex workers and donors rarely spell out what they could gain by working together.' },
  Legitimacy: { fr: 'Légitimité', description: 'Who speaks for sex workers, and on whose authority, is contested between organisations and movements.' },
  'Young People who sell sex': { fr: 'Les jeunes qui vendent du sexe', description: 'Legal and ethical limits around people under 18 leave young people who sell sex outside most programmes.' },
  'Pursuing a holistic, integrated programme approach': { fr: 'Viser une approche de programme globale et intégrée', description: 'Services are split between HIV, sexual health, violence response and legal support, and people fall between them.' },
  'Changing the Law AND Changing the Heart': { fr: 'Changer la loi ET changer les cœurs', description: 'Legal reform alone does not change how health workers, police and communities treat sex workers.' },
  'A cloudy gender lens on sex work': { fr: 'Un regard flou sur le genre dans le travail du sexe', description: 'Male, trans and gender-diverse sex workers are invisible in programmes built around women.' },
  'Poor donor coordination': { fr: 'Une coordination insuffisante des bailleurs', description: 'Donors fund overlapping or contradictory projects, and small organisations carry the reporting burden.' },
  // LSE 2: bridging behaviours
  'Support Movement building': { fr: 'Soutenir la construction du mouvement', description: 'Invest in sex worker-led organisations and their networks, not only in the delivery of projects.' },
  'Play an appropriate role as allies in a "sex work alliance"': { fr: 'Jouer un rôle d’allié approprié dans une « alliance pour le travail du sexe »', description: 'Allies stop speaking for sex workers and use their access to open doors for them.' },
  'Programming around young people who sell sex': { fr: 'Programmer autour des jeunes qui vendent du sexe', description: 'Safe, lawful and youth-friendly ways to reach young people who sell sex, designed with them.' },
  'A Comprehensive Programme Approach: Integrated and Holistic': { fr: 'Une approche de programme complète : intégrée et globale', description: 'Health care, violence response, legal aid and economic support offered as one coherent programme.' },
  "Beyond 'HIV, Health and Rights': Holistic Human Development": { fr: 'Au-delà de « VIH, santé et droits » : le développement humain global', description: 'Education, income, housing and family are part of sex workers’ wellbeing, and of the response.' },
  // LSE 2: adapting principles
  'Do some introspection': { fr: 'Faire de l’introspection', description: 'Examine our own values and assumptions about sex work before designing programmes.' },
  'Learn to let go': { fr: 'Apprendre à lâcher prise', description: 'Hand control of programmes and resources over to sex worker-led organisations.' },
  'Learn to loosen up': { fr: 'Apprendre à assouplir nos règles', description: 'Relax rigid project rules so that community organisations can respond to what actually happens.' },
  'Learn the Rights language': { fr: 'Apprendre le langage des droits', description: 'Frame programmes in the human-rights terms that sex workers themselves use.' },
  'Enable genuine participation': { fr: 'Permettre une participation réelle', description: 'Sex workers shape decisions from design to evaluation, with the support they need to take part.' },
  "Be vigilant about 'Growth'": { fr: 'Rester vigilant face à la « croissance »', description: 'Organisations that grow fast risk losing their community roots: grow with care.' },
  'Advocate for sex work organisation resourcing | Core funding': { fr: 'Plaider pour le financement des organisations de travailleurs du sexe | Financement de base', description: 'Push donors for core, flexible funding that lets organisations survive between projects.' },
  'Commit to Consultation': { fr: 'S’engager à consulter', description: 'Consult sex workers before decisions that affect them, and report back on what was done with their views.' },
  'Push the boundaries of Inclusion, Participation and Accountability': { fr: 'Repousser les limites de l’inclusion, de la participation et de la redevabilité', description: 'Go beyond the minimum: include the most marginalised sex workers and be accountable to them.' },
  // Network principles
  'Holistic human development as a foundation for programming': { fr: 'Le développement humain global comme fondement des programmes', description: 'Programmes start from people’s whole lives, not only from their HIV risk.' },
  "Community led and community owned ('nothing for us without us')": { fr: 'Dirigé et porté par la communauté (« rien pour nous sans nous »)', description: 'Key populations lead the work that concerns them and own what it produces.' },
  'Diversity of experience and intersections of vulnerability': { fr: 'Diversité des expériences et intersections des vulnérabilités', description: 'People belong to several groups at once; programmes see the overlaps instead of a single label.' },
  'Working in partnership': { fr: 'Travailler en partenariat', description: 'No organisation reaches everyone: partnerships extend reach, skills and protection.' },
  'Engaging a broad range of stakeholders': { fr: 'Mobiliser un large éventail de parties prenantes', description: 'Health workers, police, faith leaders, media and families all shape what key populations can do.' },
  'Creative solutions': { fr: 'Des solutions créatives', description: 'Constraints call for invention: new channels, new allies, new ways of meeting people.' },
  'Safety and security': { fr: 'Sûreté et sécurité', description: 'No programme is worth putting people at risk: safety and security come first, for participants and workers alike.' },
  'Evidence-based programming': { fr: 'Des programmes fondés sur des données probantes', description: 'Decisions rest on data, including the data communities collect themselves.' },
};

const reports: Record<'lse-1' | 'lse-2', { titleFr: string; narrativeEn: string[]; narrativeFr: string[]; publishedOn: string }> = {
  'lse-1': {
    titleFr: 'Prévisions LGBT et HSH : synthèse et analyse des thèmes émergents',
    publishedOn: '2015-06-30',
    narrativeEn: [
      'Over four days in Johannesburg, sixteen organisations presented their work with MSM and the broader LGBTI community. The synthesis group listened for what kept coming back across countries and contexts.',
      'Sixteen emerging themes stood out. Some name what makes the work possible (pride, partnerships, legitimate participation); others name what puts it at risk (safety and security, funding) or what it still misses (HIV among lesbian, bisexual and trans people, work with young people).',
    ],
    narrativeFr: [
      'Pendant quatre jours à Johannesburg, seize organisations ont présenté leur travail avec les HSH et la communauté LGBTI au sens large. Le groupe de synthèse a relevé ce qui revenait d’un pays et d’un contexte à l’autre.',
      'Seize thèmes émergents se sont dégagés. Certains disent ce qui rend le travail possible (la fierté, les partenariats, la participation légitime) ; d’autres ce qui le menace (la sûreté et la sécurité, le financement) ou ce qui lui manque encore (le VIH chez les personnes lesbiennes, bisexuelles et trans, le travail avec les jeunes).',
    ],
  },
  'lse-2': {
    titleFr: 'Combler l’écart : principes et pratiques pour des programmes plus efficaces sur le travail du sexe',
    publishedOn: '2016-05-31',
    narrativeEn: [
      'In Dakar, twenty-three organisations discussed what sex work programming gets right and where it falls short. Panels on movement building and decriminalisation framed the discussion for the first time.',
      'The synthesis names twelve gaps between principles and practice, five bridging behaviours that close them, and nine adapting principles for organisations that want to work differently.',
    ],
    narrativeFr: [
      'À Dakar, vingt-trois organisations ont discuté de ce que les programmes sur le travail du sexe réussissent et de ce qui leur manque. Pour la première fois, des panels sur la construction des mouvements et la dépénalisation ont cadré les échanges.',
      'La synthèse nomme douze écarts entre les principes et la pratique, cinq comportements passerelles pour les combler et neuf principes d’adaptation pour les organisations qui veulent travailler autrement.',
    ],
  },
};

type DemoLink = {
  event: 'lse-1' | 'lse-2' | null;
  theme: string;
  target: { caseStudy: string; section?: SectionKey } | { thread: string };
  note: string;
  /** English title of the session it surfaced in, recorded by the tagger. */
  session?: string;
  on: string;
};

const demoLinks: DemoLink[] = [
  {
    event: 'lse-1',
    theme: 'Safety & Security',
    target: { caseStudy: 'Safe outreach: a security protocol and rapid-response network for peer outreach workers', section: 'key_elements' },
    note: 'Check-in, check-out and a tested phone tree: two partners adapted it after the session.',
    session: 'Group work: safety and security',
    on: '2015-05-19',
  },
  {
    event: 'lse-1',
    theme: 'Religion and culture',
    target: { caseStudy: 'Opening the door with faith leaders: dialogues on sexuality, health and HIV in two Kenyan counties', section: 'lessons' },
    note: 'Start with leaders a peer already trusts.',
    on: '2015-05-18',
  },
  {
    event: 'lse-1',
    theme: 'Religion and culture',
    target: { thread: 'How did you choose the first faith leaders to approach?' },
    note: 'Follow-up discussion after the event.',
    on: '2015-06-10',
  },
  { event: 'lse-1', theme: 'Trans Community', target: { caseStudy: 'Beyond sensitisation: making two district clinics work for trans and gender-diverse people' }, note: 'Clinic procedures rewritten with trans people.', on: '2015-05-19' },
  {
    event: 'lse-1',
    theme: 'Trans Community',
    target: { caseStudy: 'Walking alongside: peer navigation for trans women from first contact to viral suppression', section: 'outcomes' },
    note: 'Peer navigation from first contact to viral suppression.',
    on: '2015-05-19',
  },
  { event: 'lse-1', theme: 'Mental Health and PSS', target: { caseStudy: 'Ne plus être seul : accompagnement psychosocial des jeunes HSH rejetés par leur famille à Abidjan' }, note: 'Psychosocial support for young MSM rejected by their families.', on: '2015-05-19' },
  { event: 'lse-1', theme: 'Partnerships and Alliance-building', target: { caseStudy: 'From sensational headlines to informed reporting: a media fellowship on health and sexuality' }, note: 'Journalists as allies.', on: '2015-05-18' },
  { event: 'lse-1', theme: 'Combination Approaches', target: { caseStudy: 'Taking services to men: a mobile clinic offering combination prevention for MSM' }, note: '', on: '2015-05-20' },
  { event: 'lse-1', theme: 'Data: Evidence and Impact', target: { caseStudy: 'Counting what matters: using our own programme data to change a county’s HIV plan' }, note: 'Community data changed a county plan.', on: '2015-05-20' },
  { event: 'lse-1', theme: 'Legitimate Participation', target: { caseStudy: 'A seat that counts: legitimate participation of key populations in national HIV planning', section: 'key_elements' }, note: '', on: '2015-05-20' },
  // An organisation-only case study: its organisation's members (and the reviewing facilitator) see these links, nobody else.
  { event: 'lse-2', theme: 'Young People who sell sex', target: { caseStudy: 'A safe space for young people who sell sex: what we changed when we listened' }, note: 'Shared in the closed session only.', session: 'Case studies: working with young people who sell sex', on: '2016-04-12' },
  {
    event: 'lse-2',
    theme: 'Programming around young people who sell sex',
    target: { caseStudy: 'A safe space for young people who sell sex: what we changed when we listened', section: 'lessons' },
    note: '',
    on: '2016-04-12',
  },
  { event: 'lse-2', theme: 'Support Movement building', target: { caseStudy: 'From project beneficiaries to board members: supporting a sex worker-led organisation to stand on its own' }, note: 'From beneficiaries to board members.', on: '2016-04-11' },
  { event: 'lse-2', theme: 'A cloudy gender lens on sex work', target: { caseStudy: 'Travailleurs du sexe masculins et jeunes LGBTI : adapter l’offre de services à Abidjan et Bouaké', section: 'problem' }, note: 'Services built for women miss male sex workers.', on: '2016-04-13' },
  { event: 'lse-2', theme: 'A cloudy gender lens on sex work', target: { caseStudy: 'Organising for safety: trans women sex workers and neighbourhood alert networks in Colombia' }, note: '', on: '2016-04-13' },
  { event: 'lse-2', theme: 'Changing the Law AND Changing the Heart', target: { caseStudy: 'Qu’est-ce que le travail du sexe ? Des ateliers de clarification des valeurs avec le personnel de santé' }, note: 'Values clarification with health workers.', on: '2016-04-11' },
  { event: 'lse-2', theme: 'Changing the Law AND Changing the Heart', target: { caseStudy: 'Someone to call at 2 a.m.: sex worker paralegals after arrests' }, note: 'Paralegals after arrests.', on: '2016-04-12' },
  { event: 'lse-2', theme: 'Enable genuine participation', target: { caseStudy: 'Community-led monitoring: sex workers score their clinics' }, note: 'Sex workers score their clinics.', on: '2016-04-13' },
  { event: 'lse-2', theme: 'Pursuing a holistic, integrated programme approach', target: { caseStudy: 'Un espace à nous : le centre d’accueil de jour pour les travailleuses du sexe en banlieue de Dakar', section: 'key_elements' }, note: 'One place for health, rest and legal advice.', on: '2016-04-11' },
  { event: null, theme: 'Safety and security', target: { caseStudy: 'Organising for safety: trans women sex workers and neighbourhood alert networks in Colombia' }, note: 'Neighbourhood alert networks.', on: '2016-04-13' },
];

/** Case studies presented in the programme's sessions (English session titles from db/seed/demo.ts). */
const presentations: { event: 'lse-1' | 'lse-2'; session: string; caseStudies: string[] }[] = [
  {
    event: 'lse-1',
    session: 'Case studies: working in hostile environments',
    caseStudies: [
      'Safe outreach: a security protocol and rapid-response network for peer outreach workers',
      'Opening the door with faith leaders: dialogues on sexuality, health and HIV in two Kenyan counties',
      'From sensational headlines to informed reporting: a media fellowship on health and sexuality',
    ],
  },
  {
    event: 'lse-1',
    session: 'Case studies: peer education and community engagement',
    caseStudies: [
      'Walking alongside: peer navigation for trans women from first contact to viral suppression',
      'Beyond sensitisation: making two district clinics work for trans and gender-diverse people',
      'Ne plus être seul : accompagnement psychosocial des jeunes HSH rejetés par leur famille à Abidjan',
    ],
  },
  {
    event: 'lse-2',
    session: 'Case studies: working with young people who sell sex',
    caseStudies: ['A safe space for young people who sell sex: what we changed when we listened', 'Travailleurs du sexe masculins et jeunes LGBTI : adapter l’offre de services à Abidjan et Bouaké'],
  },
  { event: 'lse-2', session: 'Solution exchange: programming for male and LGBTI sex workers', caseStudies: ['Organising for safety: trans women sex workers and neighbourhood alert networks in Colombia'] },
  {
    event: 'lse-2',
    session: 'Panel: building sex worker organisations and movements',
    caseStudies: ['From project beneficiaries to board members: supporting a sex worker-led organisation to stand on its own', 'Community-led monitoring: sex workers score their clinics'],
  },
];

/** Themes that recur across events: [event, English title] pairs (null: a network principle). */
const recurrences: [['lse-1' | 'lse-2' | null, string], ['lse-1' | 'lse-2' | null, string]][] = [
  // LSE 2 named no safety theme of its own: LSE 1's recurs in the network principle.
  [['lse-1', 'Safety & Security'], [null, 'Safety and security']],
  [['lse-1', 'Legitimate Participation'], ['lse-2', 'Enable genuine participation']],
];

const demoDate = (isoDate: string, hour = 9) => new Date(`${isoDate}T${String(hour).padStart(2, '0')}:00:00Z`);

/**
 * Seeds the demo synthesis. Call it after the case studies, the programme and the demo conversations exist
 * (it links to all three), with the same ids db/seed/demo.ts gives seedDemoConversations.
 */
export function seedDemoSynthesis(db: Db, ids: { eventIds: Record<DemoEventSlug, string>; userIds: Map<string, string>; caseStudyIds: Map<string, string> }): void {
  const facilitatorId = ids.userIds.get('facilitator');
  if (!facilitatorId) throw new Error('demo synthesis: unknown person facilitator');
  const caseStudyId = (title: string) => {
    const id = ids.caseStudyIds.get(title);
    if (!id) throw new Error(`demo synthesis: unknown case study "${title}"`);
    return id;
  };
  const sessionId = (event: 'lse-1' | 'lse-2', title: string) => {
    const row = db.select({ id: eventSessions.id }).from(eventSessions).where(and(eq(eventSessions.eventId, ids.eventIds[event]), eq(eventSessions.titleEn, title))).get();
    if (!row) throw new Error(`demo synthesis: unknown session "${title}"`);
    return row.id;
  };

  const themeIds = new Map<string, string>();
  const themeKey = (event: 'lse-1' | 'lse-2' | null, title: string) => `${event ?? 'network'}|${title}`;
  const insertTheme = (event: 'lse-1' | 'lse-2' | null, kind: ThemeKind, titleEn: string, sortOrder: number, createdOn: string) => {
    const text = themeTexts[titleEn];
    if (!text) throw new Error(`demo synthesis: no French title for "${titleEn}"`);
    const descriptionEn = richText([text.description]);
    const descriptionFr = text.descriptionFr ? richText([text.descriptionFr]) : null;
    const id = newId();
    db.insert(themes)
      .values({
        id,
        eventId: event ? ids.eventIds[event] : null,
        kind,
        titleEn,
        titleFr: text.fr,
        descriptionEn,
        descriptionTextEn: plainTextOf(descriptionEn),
        descriptionFr,
        descriptionTextFr: descriptionFr ? plainTextOf(descriptionFr) : '',
        sortOrder,
        visibility: 'public',
        createdBy: facilitatorId,
        createdAt: demoDate(createdOn),
        updatedAt: demoDate(createdOn),
      })
      .run();
    themeIds.set(themeKey(event, titleEn), id);
  };

  for (const slug of ['lse-1', 'lse-2'] as const) {
    const event = taxonomy.events.find((candidate) => candidate.slug === slug);
    if (!event?.synthesis) throw new Error(`demo synthesis: no synthesis for ${slug} in taxonomy.json`);
    const closingDay = slug === 'lse-1' ? '2015-05-21' : '2016-04-14';
    for (const set of event.synthesis.themeSets) set.items.forEach((title, index) => insertTheme(slug, set.kind as ThemeKind, title, index, closingDay));
    const report = reports[slug];
    db.insert(synthesisReports)
      .values({
        eventId: ids.eventIds[slug],
        titleEn: event.synthesis.report,
        titleFr: report.titleFr,
        narrativeEn: richText(report.narrativeEn),
        narrativeFr: richText(report.narrativeFr),
        visibility: 'public',
        publishedAt: demoDate(report.publishedOn),
        updatedBy: facilitatorId,
        updatedAt: demoDate(report.publishedOn),
      })
      .run();
  }
  taxonomy.crossEventPrinciples.forEach((title, index) => insertTheme(null, 'network_principle', title, index, '2016-06-15'));

  const themeId = (event: 'lse-1' | 'lse-2' | null, title: string) => {
    const id = themeIds.get(themeKey(event, title));
    if (!id) throw new Error(`demo synthesis: unknown theme "${title}"`);
    return id;
  };

  for (const [[eventA, titleA], [eventB, titleB]] of recurrences) {
    const a = themeId(eventA, titleA);
    const b = themeId(eventB, titleB);
    db.insert(themeRecurrences).values([{ themeId: a, otherThemeId: b, createdBy: facilitatorId }, { themeId: b, otherThemeId: a, createdBy: facilitatorId }]).run();
  }

  demoLinks.forEach((link, index) => {
    let target: Pick<typeof themeEvidence.$inferInsert, 'targetType' | 'targetKey' | 'caseStudyId' | 'sectionKey' | 'threadId'>;
    if ('thread' in link.target) {
      const thread = db.select({ id: threads.id }).from(threads).where(eq(threads.title, link.target.thread)).get();
      if (!thread) throw new Error(`demo synthesis: unknown thread "${link.target.thread}" (seed the conversations first)`);
      target = { targetType: 'thread', targetKey: `thread:${thread.id}`, caseStudyId: null, sectionKey: null, threadId: thread.id };
    } else {
      const id = caseStudyId(link.target.caseStudy);
      const section = link.target.section ?? null;
      target = { targetType: 'case_study', targetKey: section ? `case_study:${id}:${section}` : `case_study:${id}`, caseStudyId: id, sectionKey: section, threadId: null };
    }
    db.insert(themeEvidence)
      .values({
        id: newId(),
        themeId: themeId(link.event, link.theme),
        ...target,
        note: link.note,
        sessionId: link.session && link.event ? sessionId(link.event, link.session) : null,
        taggedBy: facilitatorId,
        // Spread over the day, in the order above.
        taggedAt: demoDate(link.on, 10 + (index % 7)),
      })
      .run();
  });

  for (const presentation of presentations) {
    const session = sessionId(presentation.event, presentation.session);
    for (const title of presentation.caseStudies) db.insert(sessionCaseStudies).values({ sessionId: session, caseStudyId: caseStudyId(title) }).onConflictDoNothing().run();
  }
}
