import type { Random } from './prng';

// The words the synthetic network writes with: the network's own subjects (key populations, stigma,
// religious leaders, police, peer educators, PrEP, safety...) in English and French, as parallel lists,
// so queries in either language (and the glossary's synonyms) meet realistic text. French noun phrases
// carry their article; `contractFrench` then turns "à les" into "aux", "de le" into "du" and so on.

export type Language = 'en' | 'fr';
export type Phrase = Readonly<Record<Language, string>>;

export const populations: readonly (Phrase & { key: string })[] = [
  { key: 'msm', en: 'MSM', fr: 'les HSH' },
  { key: 'msm', en: 'men who have sex with men', fr: 'les hommes ayant des rapports sexuels avec des hommes' },
  { key: 'lgbti', en: 'LGBTI people', fr: 'les personnes LGBTI' },
  { key: 'transgender', en: 'transgender women', fr: 'les femmes transgenres' },
  { key: 'transgender', en: 'trans people', fr: 'les personnes trans' },
  { key: 'sex_workers', en: 'sex workers', fr: 'les travailleuses du sexe' },
  { key: 'sex_workers', en: 'male sex workers', fr: 'les travailleurs du sexe' },
  { key: 'pwud', en: 'people who use drugs', fr: 'les usagers de drogues' },
  { key: 'pwud', en: 'people who inject drugs', fr: 'les usagers de drogues injectables' },
  { key: 'young_people', en: 'young people who sell sex', fr: 'les jeunes qui vendent du sexe' },
];

export const actors: readonly Phrase[] = [
  { en: 'religious leaders', fr: 'les leaders religieux' },
  { en: 'imams and pastors', fr: 'les imams et les pasteurs' },
  { en: 'police officers', fr: 'les policiers' },
  { en: 'police commanders', fr: 'les commandants de police' },
  { en: 'traditional leaders', fr: 'les chefs traditionnels' },
  { en: 'health workers', fr: 'les agents de santé' },
  { en: 'nurses at public clinics', fr: 'les infirmières des centres de santé publics' },
  { en: 'journalists', fr: 'les journalistes' },
  { en: 'lawyers and paralegals', fr: 'les avocats et les parajuristes' },
  { en: 'district health officials', fr: 'les responsables sanitaires du district' },
  { en: 'landlords', fr: 'les propriétaires' },
  { en: 'families', fr: 'les familles' },
  { en: 'local councillors', fr: 'les élus locaux' },
  { en: 'prison officers', fr: 'les agents pénitentiaires' },
];

export const barriers: readonly Phrase[] = [
  { en: 'stigma', fr: 'la stigmatisation' },
  { en: 'self-stigma', fr: "l'auto-stigmatisation" },
  { en: 'arbitrary arrests', fr: 'les arrestations arbitraires' },
  { en: 'police harassment', fr: 'le harcèlement policier' },
  { en: 'police violence', fr: 'les violences policières' },
  { en: 'gender-based violence', fr: 'les violences basées sur le genre' },
  { en: 'discrimination in health facilities', fr: 'la discrimination dans les structures de santé' },
  { en: 'blackmail and extortion', fr: "le chantage et l'extorsion" },
  { en: 'evictions', fr: 'les expulsions de logement' },
  { en: 'hostile media coverage', fr: 'la couverture hostile des médias' },
  { en: 'funding cuts', fr: 'les coupes de financement' },
];

export const services: readonly Phrase[] = [
  { en: 'HIV testing', fr: 'le dépistage du VIH' },
  { en: 'PrEP', fr: 'la PrEP' },
  { en: 'pre-exposure prophylaxis', fr: 'la prophylaxie pré-exposition' },
  { en: 'antiretroviral treatment', fr: 'le traitement antirétroviral' },
  { en: 'condoms and lubricants', fr: 'les préservatifs et les lubrifiants' },
  { en: 'mental health support', fr: 'le soutien en santé mentale' },
  { en: 'legal aid', fr: "l'aide juridique" },
  { en: 'harm reduction services', fr: 'les services de réduction des risques' },
  { en: 'STI screening', fr: 'le dépistage des IST' },
  { en: 'safe spaces', fr: 'les espaces sûrs' },
  { en: 'drop-in centre services', fr: "les services des centres d'accueil" },
];

export const activities: readonly Phrase[] = [
  { en: 'community dialogues', fr: 'des dialogues communautaires' },
  { en: 'sensitisation workshops', fr: 'des ateliers de sensibilisation' },
  { en: 'peer educator training', fr: 'la formation de pairs éducateurs' },
  { en: 'an emergency hotline', fr: "une ligne d'urgence" },
  { en: 'a rapid response team', fr: "une équipe d'intervention rapide" },
  { en: 'night-time outreach', fr: 'le travail de proximité de nuit' },
  { en: 'a safety and security plan', fr: 'un plan de sûreté et de sécurité' },
  { en: 'joint monitoring visits', fr: 'des visites conjointes de suivi' },
  { en: 'a media training', fr: 'une formation pour les médias' },
  { en: 'advocacy meetings with the ministry of health', fr: 'des réunions de plaidoyer avec le ministère de la santé' },
  { en: 'a mobile clinic', fr: 'une clinique mobile' },
  { en: 'interfaith dialogues', fr: 'des dialogues interreligieux' },
];

export const freeTags: Readonly<Record<Language, readonly string[]>> = {
  en: ['PrEP', 'paralegals', 'hotline', 'drop-in centre', 'mobile clinic', 'police training', 'safe spaces', 'self-care', 'WhatsApp groups', 'documentation', 'sensitisation', 'interfaith dialogue'],
  fr: ['PrEP', 'parajuristes', "ligne d'urgence", "centre d'accueil", 'clinique mobile', 'formation des policiers', 'espaces sûrs', 'autosoins', 'groupes WhatsApp', 'documentation', 'sensibilisation', 'dialogue interreligieux'],
};

/** Towns by programme country (the taxonomy's ten), so a story's place and country agree. */
export const places: Readonly<Record<string, readonly string[]>> = {
  BW: ['Gaborone', 'Francistown', 'Maun'],
  BI: ['Bujumbura', 'Gitega', 'Ngozi'],
  CI: ['Abidjan', 'Bouaké', 'Yamoussoukro', 'San-Pédro'],
  KE: ['Nairobi', 'Mombasa', 'Kisumu', 'Nakuru'],
  SN: ['Dakar', 'Thiès', 'Mbour', 'Ziguinchor', 'Saint-Louis'],
  ZA: ['Johannesburg', 'Cape Town', 'Durban', 'Polokwane'],
  TZ: ['Dar es Salaam', 'Mwanza', 'Arusha', 'Zanzibar'],
  UG: ['Kampala', 'Gulu', 'Mbarara', 'Jinja'],
  ZM: ['Lusaka', 'Ndola', 'Livingstone'],
  ZW: ['Harare', 'Bulawayo', 'Mutare'],
};

export const inCountry: Readonly<Record<string, Phrase>> = {
  BW: { en: 'in Botswana', fr: 'au Botswana' },
  BI: { en: 'in Burundi', fr: 'au Burundi' },
  CI: { en: "in Côte d'Ivoire", fr: "en Côte d'Ivoire" },
  KE: { en: 'in Kenya', fr: 'au Kenya' },
  SN: { en: 'in Senegal', fr: 'au Sénégal' },
  ZA: { en: 'in South Africa', fr: 'en Afrique du Sud' },
  TZ: { en: 'in Tanzania', fr: 'en Tanzanie' },
  UG: { en: 'in Uganda', fr: 'en Ouganda' },
  ZM: { en: 'in Zambia', fr: 'en Zambie' },
  ZW: { en: 'in Zimbabwe', fr: 'au Zimbabwe' },
};

/** What one case study is about: every sentence of it draws from these slots. */
export type Story = {
  language: Language;
  population: Phrase;
  actor: Phrase;
  otherActor: Phrase;
  barrier: Phrase;
  service: Phrase;
  activity: Phrase;
  place: string;
  /** "in Kenya" / "au Kenya": French picks au, en or aux by country. */
  inCountry: Phrase;
  year: number;
};

type Template = Readonly<Record<Language, string>>;

export const titleTemplates: readonly Template[] = [
  { en: 'Working with {actor} to reduce {barrier} against {population} in {place}', fr: 'Travailler avec {actor} pour réduire {barrier} envers {population} à {place}' },
  { en: '{Activity} for {population} in {place}', fr: '{Activity} pour {population} à {place}' },
  { en: 'How {population} in {place} gained access to {service}', fr: 'Comment {population} de {place} ont obtenu l’accès à {service}' },
  { en: 'Responding to {barrier}: lessons from {place}', fr: 'Répondre à {barrier} : leçons de {place}' },
  { en: 'Bringing {service} closer to {population} {inCountry}', fr: 'Rapprocher {service} de {population} {inCountry}' },
  { en: 'From confrontation to dialogue with {actor} in {place}', fr: 'De la confrontation au dialogue avec {actor} à {place}' },
  { en: 'Peer educators and {service}: a {year} experience in {place}', fr: 'Pairs éducateurs et {service} : une expérience de {year} à {place}' },
];

export const summaryTemplates: readonly Template[] = [
  {
    en: 'How a community organisation in {place} worked with {actor} so that {population} could reach {service} without fear.',
    fr: 'Comment une organisation communautaire de {place} a travaillé avec {actor} pour que {population} accèdent à {service} sans crainte.',
  },
  {
    en: 'Faced with {barrier}, we used {activity} to open a dialogue with {actor} and protect {population}.',
    fr: 'Face à {barrier}, nous avons utilisé {activity} pour ouvrir le dialogue avec {actor} et protéger {population}.',
  },
  {
    en: 'A {year} project {inCountry} that combined {activity} with {service} for {population}.',
    fr: 'Un projet mené en {year} {inCountry}, qui a combiné {activity} et {service} pour {population}.',
  },
];

/** Sentences per section of the case-study template (lib/case-studies/sections.ts). */
export const sectionSentences: Readonly<Record<'problem' | 'context' | 'key_elements' | 'outcomes' | 'lessons', readonly Template[]>> = {
  problem: [
    { en: 'In {place}, {population} faced {barrier} whenever they tried to reach {service}.', fr: 'À {place}, {population} faisaient face à {barrier} chaque fois qu’ils essayaient d’accéder à {service}.' },
    { en: 'Between {year} and {nextYear}, our outreach workers documented {n} cases of {barrier} reported by {population}.', fr: 'Entre {year} et {nextYear}, nos agents de proximité ont documenté {n} cas liés à {barrier} signalés par {population}.' },
    { en: '{Barrier} kept {population} away from {service}, and clinic registers showed that uptake had fallen by {percent} per cent.', fr: '{Barrier} éloignait {population} de {service}, et les registres des centres de santé montraient une baisse de {percent} pour cent.' },
    { en: '{Actor} often spoke publicly against {population}, which made it dangerous to organise openly.', fr: '{Actor} prenaient souvent la parole publiquement contre {population}, ce qui rendait dangereux de s’organiser ouvertement.' },
    { en: 'Peer educators told us that {population} avoided the district clinic because staff asked intrusive questions.', fr: 'Les pairs éducateurs nous ont dit que {population} évitaient le centre de santé du district parce que le personnel posait des questions intrusives.' },
    { en: 'Without {service}, new HIV infections among {population} remained far above the national average.', fr: 'Sans {service}, les nouvelles infections au VIH parmi {population} restaient bien au-dessus de la moyenne nationale.' },
    { en: 'When cases of {barrier} were reported, nobody followed up, and {population} stopped reporting at all.', fr: 'Quand des cas liés à {barrier} étaient signalés, personne ne donnait suite, et {population} ont cessé de signaler quoi que ce soit.' },
  ],
  context: [
    { en: 'The legal environment {inCountry} remains hostile, and cases of {barrier} are common in {place}.', fr: 'Le cadre juridique {inCountry} reste hostile, et les cas liés à {barrier} sont courants à {place}.' },
    { en: 'Our organisation has worked with {population} in {place} since {startYear}.', fr: 'Notre organisation travaille avec {population} à {place} depuis {startYear}.' },
    { en: 'The national HIV strategy names {population} as a priority, but funding for {service} depends on external donors.', fr: 'La stratégie nationale de lutte contre le VIH fait de {population} une priorité, mais le financement de {service} dépend des bailleurs de fonds extérieurs.' },
    { en: '{Actor} have strong influence on public opinion in {place}.', fr: '{Actor} ont une forte influence sur l’opinion publique à {place}.' },
    { en: 'The ministry of health had recently adopted guidelines on {service}, yet few clinics applied them.', fr: 'Le ministère de la santé venait d’adopter des directives sur {service}, mais peu de centres de santé les appliquaient.' },
    { en: 'Several of our peer educators had themselves experienced {barrier}, which built trust with the community.', fr: 'Plusieurs de nos pairs éducateurs avaient eux-mêmes subi {barrier}, ce qui a créé la confiance avec la communauté.' },
    { en: 'Community meetings had to move often because of safety concerns in {place}.', fr: 'Les réunions communautaires devaient souvent changer de lieu pour des raisons de sécurité à {place}.' },
  ],
  key_elements: [
    { en: 'We organised {activity} with {actor} in {m} districts.', fr: 'Nous avons organisé {activity} avec {actor} dans {m} districts.' },
    { en: 'Each session brought together {m} participants, including {population} and {otherActor}.', fr: 'Chaque séance réunissait {m} participants, dont {population} et {otherActor}.' },
    { en: 'Peer educators accompanied people to clinics offering {service} and followed up by phone.', fr: 'Les pairs éducateurs accompagnaient les personnes vers les centres proposant {service} et assuraient un suivi par téléphone.' },
    { en: 'A simple safety protocol was agreed: no names in reports, meeting places changed every month, and one contact person for emergencies.', fr: 'Un protocole de sécurité simple a été adopté : aucun nom dans les rapports, des lieux de réunion changés chaque mois et une personne de contact pour les urgences.' },
    { en: 'We trained {n} peer educators on human rights documentation and referral to {service}.', fr: 'Nous avons formé {n} pairs éducateurs à la documentation des violations des droits humains et à l’orientation vers {service}.' },
    { en: 'With the support of {otherActor}, we set up {activity}.', fr: 'Avec le soutien de {otherActor}, nous avons mis en place {activity}.' },
    { en: 'Messages were adapted to local languages and tested with community members before use.', fr: 'Les messages ont été adaptés aux langues locales et testés avec des membres de la communauté avant leur utilisation.' },
  ],
  outcomes: [
    { en: '{n} people from the community accessed {service} over {m} months.', fr: '{n} personnes de la communauté ont eu accès à {service} en {m} mois.' },
    { en: 'Reported cases of {barrier} fell from {n} to {m} within a year.', fr: 'Les cas signalés liés à {barrier} sont passés de {n} à {m} en un an.' },
    { en: '{Actor} agreed to a referral protocol and now call our hotline when someone is at risk.', fr: '{Actor} ont accepté un protocole d’orientation et appellent désormais notre ligne d’urgence quand quelqu’un est en danger.' },
    { en: 'Uptake of {service} increased by {percent} per cent in the clinics we worked with.', fr: 'Le recours à {service} a augmenté de {percent} pour cent dans les centres avec lesquels nous avons travaillé.' },
    { en: 'The district health office adopted our training module for all new staff.', fr: 'Le bureau sanitaire du district a adopté notre module de formation pour tout le nouveau personnel.' },
    { en: '{Population} report feeling safer when they visit the drop-in centre.', fr: '{Population} disent se sentir plus en sécurité lorsqu’ils se rendent au centre d’accueil.' },
  ],
  lessons: [
    { en: 'Start with the people who already have some sympathy: a few respected {actor} opened doors that were closed to us.', fr: 'Commencer par les personnes déjà bienveillantes : quelques membres respectés parmi {actor} nous ont ouvert des portes qui nous étaient fermées.' },
    { en: 'Safety comes first: every activity needs a plan for what happens if it is exposed.', fr: 'La sécurité d’abord : chaque activité a besoin d’un plan pour le cas où elle serait exposée.' },
    { en: 'Involving {population} in the design made the difference; materials written for them without them were ignored.', fr: 'Associer {population} à la conception a fait la différence ; les supports écrits pour eux sans eux ont été ignorés.' },
    { en: 'Change takes time: the first meetings with {actor} were tense, and trust grew only after several months.', fr: 'Le changement prend du temps : les premières réunions avec {actor} étaient tendues, et la confiance n’est venue qu’après plusieurs mois.' },
    { en: 'Document everything: the cases we recorded were our strongest argument with {otherActor}.', fr: 'Tout documenter : les cas que nous avons recensés ont été notre meilleur argument auprès de {otherActor}.' },
    { en: 'Budget for {service} beyond the project: when funding stopped, the gains were at risk.', fr: 'Prévoir le financement de {service} au-delà du projet : quand le financement s’est arrêté, les acquis étaient menacés.' },
    { en: 'Peer educators need support too, including debriefs and mental health care.', fr: 'Les pairs éducateurs ont aussi besoin de soutien, notamment de débriefings et de soins en santé mentale.' },
  ],
};

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** French contractions after slots were filled: "à les" → "aux", "de le" → "du", "de les" → "des". */
export function contractFrench(text: string): string {
  // Lookbehind rather than \b: JavaScript's \b does not see "à" as a letter.
  return text
    .replace(/(?<=^|[\s'’(])à les /g, 'aux ')
    .replace(/(?<=^|[\s'’(])à le /g, 'au ')
    .replace(/(?<=^|[\s'’(])de les /g, 'des ')
    .replace(/(?<=^|[\s'’(])de le /g, 'du ')
    .replace(/(?<=^|[\s'’(])de un /g, "d'un ")
    .replace(/(?<=^|[\s'’(])de une /g, "d'une ")
    .replace(/(?<=^|[\s'’(])que ils /g, "qu'ils ");
}

/** Fills a template's slots from the story (numbers are drawn per sentence, so repeated sentences differ). */
export function fill(template: Template, story: Story, random: Random): string {
  const { language } = story;
  const values: Record<string, string> = {
    population: story.population[language],
    actor: story.actor[language],
    otherActor: story.otherActor[language],
    barrier: story.barrier[language],
    service: story.service[language],
    activity: story.activity[language],
    place: story.place,
    inCountry: story.inCountry[language],
    year: String(story.year),
    nextYear: String(story.year + 1),
    startYear: String(story.year - random.int(2, 9)),
    n: String(random.int(3, 240)),
    m: String(random.int(2, 40)),
    percent: String(random.int(10, 70)),
  };
  const text = template[language].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name] ?? values[name.charAt(0).toLowerCase() + name.slice(1)];
    if (value === undefined) throw new Error(`Unknown slot ${whole} in a bench template`);
    // A capitalised slot name starts a sentence: "{Actor} agreed…" reads "Police officers agreed…".
    return name.charAt(0) === name.charAt(0).toUpperCase() ? capitalise(value) : value;
  });
  return language === 'fr' ? capitalise(contractFrench(text)) : capitalise(text);
}

// Forum threads and posts. Their substance comes from the section sentences above (members tell each other
// what they did and learned); these add what only a conversation has: titles, questions to a case study's
// authors, openings, thanks, agreement, caution. Same slots as the case studies, so `fill` writes them.

export const threadTitleTemplates: Readonly<Record<'discussion' | 'question', readonly Template[]>> = {
  discussion: [
    { en: 'Working with {actor} on {barrier}: what has worked for you?', fr: 'Travailler avec {actor} sur {barrier} : qu’est-ce qui a marché chez vous ?' },
    { en: 'Has anyone tried {activity} in {place}?', fr: 'Quelqu’un a-t-il essayé {activity} à {place} ?' },
    { en: '{Service} for {population}: sharing experiences', fr: '{Service} pour {population} : partage d’expériences' },
    { en: 'Safety during outreach with {population}', fr: 'La sécurité pendant le travail de proximité avec {population}' },
    { en: 'Responding to {barrier} {inCountry}', fr: 'Répondre à {barrier} {inCountry}' },
    { en: 'Funding {service} after the project ends', fr: 'Financer {service} après la fin du projet' },
    { en: 'What to do when {actor} refuse to meet us?', fr: 'Que faire quand {actor} refusent de nous rencontrer ?' },
  ],
  question: [
    { en: 'How did you convince {actor} to take part?', fr: 'Comment avez-vous convaincu {actor} de participer ?' },
    { en: 'How many peer educators took part in {activity}?', fr: 'Combien de pairs éducateurs ont participé à {activity} ?' },
    { en: 'Did {service} continue after the funding ended?', fr: '{Service} a-t-il continué après la fin du financement ?' },
    { en: 'Could you share the protocol you used with {actor}?', fr: 'Pourriez-vous partager le protocole utilisé avec {actor} ?' },
    { en: 'How did you measure the drop in {barrier}?', fr: 'Comment avez-vous mesuré la baisse de {barrier} ?' },
  ],
};

/** What the parts of a post open or close with; the middle is section sentences. */
export const postSentences: Readonly<Record<'discussionOpening' | 'questionOpening' | 'questionClosing' | 'replyOpening' | 'answerOpening' | 'replyClosing', readonly Template[]>> = {
  discussionOpening: [
    { en: 'We are planning {activity} with {actor} in {place} and would like to learn from others.', fr: 'Nous préparons {activity} avec {actor} à {place} et aimerions apprendre des autres.' },
    { en: 'Has anyone here worked with {actor} on {barrier}?', fr: 'Quelqu’un ici a-t-il travaillé avec {actor} sur {barrier} ?' },
    { en: 'Since {year}, {population} in {place} tell us that {barrier} keeps them away from {service}.', fr: 'Depuis {year}, {population} de {place} nous disent que {barrier} les éloigne de {service}.' },
    { en: 'I am opening this thread to share what we learned about {service} for {population}.', fr: 'J’ouvre ce fil pour partager ce que nous avons appris sur {service} pour {population}.' },
  ],
  questionOpening: [
    { en: 'Thank you for this case study.', fr: 'Merci pour cette étude de cas.' },
    { en: 'We face the same situation in {place}.', fr: 'Nous vivons la même situation à {place}.' },
    { en: 'Reading your case study, I wondered how you worked with {actor}.', fr: 'En lisant votre étude de cas, je me suis demandé comment vous avez travaillé avec {actor}.' },
  ],
  questionClosing: [
    { en: 'How did you start, and what would you do differently?', fr: 'Comment avez-vous commencé, et que feriez-vous autrement ?' },
    { en: 'Any advice is welcome.', fr: 'Tout conseil est le bienvenu.' },
    { en: 'Has anyone tried this {inCountry}?', fr: 'Quelqu’un a-t-il essayé cela {inCountry} ?' },
  ],
  replyOpening: [
    { en: 'Thank you for sharing this.', fr: 'Merci pour ce partage.' },
    { en: 'In {place} we had the same problem with {barrier}.', fr: 'À {place}, nous avons eu le même problème avec {barrier}.' },
    { en: 'This matches our experience with {population}.', fr: 'Cela correspond à notre expérience avec {population}.' },
    { en: 'We tried something similar in {year}.', fr: 'Nous avons essayé quelque chose de semblable en {year}.' },
    { en: 'A word of caution from our side.', fr: 'Un mot de prudence de notre côté.' },
  ],
  answerOpening: [
    { en: 'Thank you for the question.', fr: 'Merci pour la question.' },
    { en: 'Good question: it took us {m} months to get there.', fr: 'Bonne question : il nous a fallu {m} mois pour y arriver.' },
  ],
  replyClosing: [
    { en: 'Happy to share our protocol if it helps.', fr: 'Nous pouvons partager notre protocole si cela aide.' },
    { en: 'We should compare notes at the next regional meeting.', fr: 'Nous devrions comparer nos notes à la prochaine réunion régionale.' },
    { en: 'Does anyone have figures on {service} for {population}?', fr: 'Quelqu’un a-t-il des chiffres sur {service} pour {population} ?' },
  ],
};
