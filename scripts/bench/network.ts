import type { Db } from '../../db/client';
import { caseStudies, caseStudyAuthors, caseStudyCountries, caseStudyPopulations, caseStudySections, caseStudyTopics, sectionKeys, type CaseStudyStatus, type SectionKey } from '../../db/schema/case-studies';
import type { organisationTypes } from '../../db/schema/organisations';
import { addMembership, addParticipant, insertCall, insertEvent, insertOrganisation, insertUser, richText, type RichTextBlock } from '../../db/seed/factories';
import taxonomy from '../../db/seed/taxonomy.json';
import { newId } from '../../lib/ids';
import { plainTextOf } from '../../lib/rich-text/plain-text';
import { validateRichText } from '../../lib/rich-text/validate';
import { emptyConversationCounts, generateConversations, type ConversationCounts } from './conversations';
import { createRandom, type Random } from './prng';
import { actors, activities, barriers, fill, freeTags, inCountry, places, populations, sectionSentences, services, summaryTemplates, titleTemplates, type Language, type Story } from './vocabulary';

// A synthetic network for the benchmarks, built from a seeded PRNG: the same seed gives the same
// organisations, people, events, case studies, threads and posts (row ids come from lib/ids like everywhere
// else, so they differ between runs; nothing measured depends on them). Users, organisations and events go through
// the shared factories; case studies are inserted in multi-row batches, because insertCaseStudy validates
// and writes a whole history per row and 10,000 of them would take minutes to set up.
//
// Each kind of content is one step (`steps` below). Forum threads and posts come last, from
// conversations.ts: they read their subjects back through the app's loadSubject and commit in batches of
// their own.

export type NetworkSize = {
  organisations: number;
  members: number;
  /** Published (and archived) case studies: the ones search indexes. */
  caseStudies: number;
  /** Extra unpublished case studies (drafts, in review, withdrawn), as a share of `caseStudies`. */
  draftShare: number;
  /** Forum threads (about 70% on published case studies, 20% on events, 10% network-wide). */
  threads: number;
  /** Posts in all threads together (at least one per thread). */
  posts: number;
};

export const defaultSize: NetworkSize = { organisations: 60, members: 300, caseStudies: 10_000, draftShare: 0.1, threads: 10_000, posts: 100_000 };

type OrganisationType = (typeof organisationTypes)[number];

export type BenchOrganisation = { id: string; countryCode: string; language: Language; type: OrganisationType; populations: string[]; writingWeight: number; editorIds: string[]; memberIds: string[] };
export type BenchEvent = { id: string; slug: string; callId: string; year: number; startsOn: string; countryCode: string; topicKeys: string[]; populations: string[] };
export type BenchPerson = { id: string; displayName: string; language: Language; organisationId: string; role: 'member' | 'editor'; eventIds: string[] };

export type Network = {
  organisations: BenchOrganisation[];
  events: BenchEvent[];
  people: BenchPerson[];
  /** Indexed case studies with their owner and status (the freshness run's edits) and what they tell (their threads). */
  published: { id: string; organisationId: string; status: CaseStudyStatus; story: Story }[];
  counts: {
    indexed: number;
    unpublished: number;
    lessons: number;
    byLanguage: Record<Language, number>;
    byVisibility: Record<string, number>;
    sectionWords: number;
    conversations: ConversationCounts;
  };
};

type Step = (db: Db, random: Random, network: Network, size: NetworkSize) => void;

const programmeCountries = taxonomy.countries.map((country) => country.code);
const francophone = new Set(['SN', 'CI', 'BI']);
// More organisations where the programme had more partners; the three French-speaking countries hold
// about a third of them, and case-study languages are drawn to about 40% French below.
const countryWeights: [string, number][] = [['KE', 9], ['ZA', 8], ['UG', 7], ['SN', 7], ['CI', 7], ['BI', 5], ['TZ', 5], ['ZM', 4], ['ZW', 4], ['BW', 4]];
const topicKeys = taxonomy.topics.map((topic) => topic.key);
const populationKeys = taxonomy.keyPopulations.map((population) => population.key);

const namePrefixes: Record<Language, string[]> = {
  en: ['Tumaini', 'Nuru', 'Amani', 'Ubuntu', 'Kalahari', 'Pwani', 'Zambezi', 'Mhuri', 'Imani', 'Jamii', 'Upendo', 'Tujenge', 'Sauti', 'Maisha', 'Thrive', 'Bridge', 'Rainbow', 'Harbour', 'Unity', 'Sisterhood'],
  fr: ['Lumière', 'Espoir', 'Horizon', 'Solidarité', 'Renaissance', 'Arc-en-ciel', 'Sourire', 'Avenir', 'Dignité', 'Confiance', 'Éveil', 'Harmonie'],
};
const nameSuffixes: Record<OrganisationType, Record<Language, string[]>> = {
  linking_organisation: { en: ['Health Alliance', 'Community Health Trust', 'Wellness Partnership'], fr: ['Alliance Santé', 'Association Santé'] },
  implementing_partner: { en: ['Rights Collective', 'Harm Reduction Initiative', 'Legal Aid Centre', 'Outreach Project'], fr: ['Collectif', 'Initiative', 'Projet de proximité'] },
  kp_led: { en: ['Key Populations Network', 'Sex Workers Forum', 'Trans Alliance', 'Youth Network'], fr: ['Réseau Jeunesse', 'Réseau des populations clés', 'Collectif trans'] },
  secretariat: { en: ['Regional Programme Secretariat'], fr: ['Secrétariat du programme'] },
  resource_partner: { en: ['Learning Resource Hub', 'Research Institute'], fr: ['Centre de ressources'] },
  capacity_building_unit: { en: ['Capacity Building Unit'], fr: ['Unité de renforcement des capacités'] },
  donor: { en: ['Health Fund', 'Foundation'], fr: ['Fonds santé'] },
};
const firstNames: Record<Language, string[]> = {
  en: ['Wanjiru', 'Baraka', 'Amina', 'Thandiwe', 'Kioko', 'Nomvula', 'Tendai', 'Chipo', 'Kwame', 'Zawadi', 'Neema', 'Juma', 'Lerato', 'Sipho', 'Mpho', 'Tumelo', 'Naledi', 'Otieno'],
  fr: ['Aïssatou', 'Moussa', 'Clarisse', 'Fatou', 'Awa', 'Mamadou', 'Ibrahima', 'Aminata', 'Koffi', 'Yao', 'Adjoa', 'Jean-Claude', 'Espérance', 'Divine', 'Gloire'],
};

const organisationsStep: Step = (db, random, network, size) => {
  // The network's shape: one national partner per programme country, a secretariat and a few partners
  // that rarely write case studies; the rest are the community organisations that write most of them.
  const fixed: OrganisationType[] = [...programmeCountries.map((): OrganisationType => 'linking_organisation'), 'secretariat', 'capacity_building_unit', 'resource_partner', 'resource_partner', 'donor', 'donor'];
  const usedNames = new Set<string>();
  for (let index = 0; index < size.organisations; index++) {
    const type = fixed[index] ?? random.weighted<OrganisationType>([['implementing_partner', 1], ['kp_led', 1]]);
    const countryCode = type === 'linking_organisation' ? programmeCountries[index]! : random.weighted(countryWeights);
    const language: Language = francophone.has(countryCode) ? 'fr' : 'en';
    let name = language === 'fr' ? `${random.pick(nameSuffixes[type].fr)} ${random.pick(namePrefixes.fr)}` : `${random.pick(namePrefixes.en)} ${random.pick(nameSuffixes[type].en)}`;
    if (usedNames.has(name)) name = `${name} ${countryCode}`;
    for (let suffix = 2; usedNames.has(name); suffix++) name = `${name.replace(/ \d+$/, '')} ${suffix}`;
    usedNames.add(name);
    const organisationPopulations = random.sample(populationKeys, random.int(0, 3));
    const { id } = insertOrganisation(db, {
      name,
      type,
      countryCode,
      populations: organisationPopulations,
      description: language === 'fr' ? `Organisation communautaire basée ${inCountry[countryCode]!.fr}.` : `Community organisation based ${inCountry[countryCode]!.en}.`,
      // Some KP-led organisations in hostile countries are listed for members only.
      visibility: random.chance(type === 'kp_led' ? 0.4 : 0.1) ? 'members' : 'public',
    });
    const writingWeight = type === 'implementing_partner' || type === 'kp_led' ? random.int(2, 6) : type === 'linking_organisation' ? 3 : 0.3;
    network.organisations.push({ id, countryCode, language, type, populations: organisationPopulations, writingWeight, editorIds: [], memberIds: [] });
  }
};

const peopleStep: Step = (db, random, network, size) => {
  const weights = network.organisations.map((organisation, index) => [index, 1 + organisation.writingWeight] as const);
  for (let index = 0; index < size.members; index++) {
    // Every organisation gets an editor first (someone must own its content), then people spread by size.
    const organisation = index < network.organisations.length ? network.organisations[index]! : network.organisations[random.weighted(weights)]!;
    const role = index < network.organisations.length || random.chance(0.12) ? 'editor' : 'member';
    const siteRole = index === 0 ? 'admin' : index < 4 ? 'moderator' : 'member';
    const displayName = `${random.pick(firstNames[organisation.language])} ${String.fromCharCode(65 + random.int(0, 25))}.`;
    const id = insertUser(db, {
      username: `bench-${String(index + 1).padStart(4, '0')}`,
      displayName,
      // Nobody signs in during the bench: viewers are built with findViewer, so no real hash is needed.
      passwordHash: 'bench-no-sign-in',
      locale: organisation.language,
      siteRole,
    });
    addMembership(db, id, organisation.id, role);
    (role === 'editor' ? organisation.editorIds : organisation.memberIds).push(id);
    network.people.push({ id, displayName, language: organisation.language, organisationId: organisation.id, role, eventIds: [] });
    // Some people belong to a second organisation (a network and one of its members, say).
    if (random.chance(0.15)) {
      const other = random.pick(network.organisations);
      if (other !== organisation) {
        addMembership(db, id, other.id, 'member');
        other.memberIds.push(id);
      }
    }
  }
};

const eventsStep: Step = (db, random, network) => {
  const [lse1, lse2] = taxonomy.events;
  const definitions = [
    { slug: 'lse-1', titleEn: lse1!.titleEn, titleFr: lse1!.titleFr, startsOn: '2015-05-18', countryCode: 'ZA', visibility: 'public', populations: lse1!.focus, topics: lse1!.keyTopics },
    { slug: 'lse-2', titleEn: lse2!.titleEn, titleFr: lse2!.titleFr, startsOn: '2016-04-11', countryCode: 'SN', visibility: 'public', populations: lse2!.focus, topics: lse2!.keyTopics },
    { slug: 'safety-2019', titleEn: 'Regional workshop on safety and security', titleFr: 'Atelier régional sur la sûreté et la sécurité', startsOn: '2019-09-02', countryCode: 'KE', visibility: 'members', populations: ['msm', 'transgender', 'sex_workers'], topics: ['safety-and-security', 'working-in-hostile-environments', 'advocacy'] },
    { slug: 'francophone-2021', titleEn: 'French-speaking exchange on community care', titleFr: 'Échange francophone sur les soins communautaires', startsOn: '2021-11-15', countryCode: 'CI', visibility: 'public', populations: ['sex_workers', 'young_people'], topics: ['the-role-of-communities-in-providing-the-continuum-of-care', 'peer-education', 'community-engagement'] },
    { slug: 'faith-2023', titleEn: 'Dialogue with faith leaders', titleFr: 'Dialogue avec les leaders religieux', startsOn: '2023-06-05', countryCode: 'UG', visibility: 'members', populations: ['lgbti', 'msm'], topics: ['attitudes-to-msm', 'community-engagement', 'engaging-with-media'] },
  ] as const;
  for (const definition of definitions) {
    const year = Number(definition.startsOn.slice(0, 4));
    const { id } = insertEvent(db, {
      slug: definition.slug,
      titleEn: definition.titleEn,
      titleFr: definition.titleFr,
      startsOn: definition.startsOn,
      endsOn: definition.startsOn.replace(/-(\d\d)$/, (_, dayOfMonth: string) => `-${String(Number(dayOfMonth) + 3).padStart(2, '0')}`),
      countryCode: definition.countryCode,
      visibility: definition.visibility,
      populations: [...definition.populations],
      topics: [...definition.topics],
    });
    const callId = insertCall(db, { eventId: id, opensOn: `${year}-01-10`, deadline: `${year}-03-31` });
    network.events.push({ id, slug: definition.slug, callId, year, startsOn: definition.startsOn, countryCode: definition.countryCode, topicKeys: [...definition.topics], populations: [...definition.populations] });
  }
  for (const person of network.people) {
    for (const event of network.events) {
      if (!random.chance(0.22)) continue;
      addParticipant(db, event.id, person.id, random.chance(0.25) ? 'presenter' : 'participant');
      person.eventIds.push(event.id);
    }
  }
  // Two facilitators per event, from the organisations that do not write (secretariat, resource partners).
  const facilitatorPool = network.people.filter((person) => network.organisations.find((organisation) => organisation.id === person.organisationId)!.writingWeight < 1);
  for (const event of network.events) for (const person of random.sample(facilitatorPool.length ? facilitatorPool : network.people, 2)) addParticipant(db, event.id, person.id, 'facilitator');
};

const day = 24 * 60 * 60 * 1000;
const insertChunk = 500;

/** Paragraphs of 2-3 sentences from one section's pool, no sentence twice in a section. */
function sectionBlocks(key: SectionKey, story: Story, random: Random): RichTextBlock[] {
  const pool = random.sample(sectionSentences[key], sectionSentences[key].length);
  const blocks: RichTextBlock[] = [];
  const paragraphs = random.int(2, 3);
  for (let paragraph = 0; paragraph < paragraphs && pool.length; paragraph++) {
    blocks.push(pool.splice(0, random.int(2, 3)).map((template) => fill(template, story, random)).join(' '));
  }
  if (key === 'key_elements' && random.chance(0.3)) {
    blocks.push({ bullets: random.sample(activities, 3).map((activity) => fill({ en: `{Activity}`, fr: `{Activity}` }, { ...story, activity }, random)) });
  }
  return blocks;
}

const caseStudiesStep: Step = (db, random, network, size) => {
  // Only organisations with people write: every case study needs an author.
  const writers = network.organisations.filter((organisation) => organisation.editorIds.length + organisation.memberIds.length > 0);
  const byLanguage = (language: Language) => writers.filter((organisation) => organisation.language === language).map((organisation) => [organisation, organisation.writingWeight] as const);
  const writersByLanguage = { en: byLanguage('en'), fr: byLanguage('fr') };
  const allWriters = writers.map((organisation) => [organisation, organisation.writingWeight] as const);
  const total = size.caseStudies + Math.round(size.caseStudies * size.draftShare);
  let validated = 0;

  let pending = { caseStudies: [] as (typeof caseStudies.$inferInsert)[], sections: [] as (typeof caseStudySections.$inferInsert)[], authors: [] as (typeof caseStudyAuthors.$inferInsert)[], countries: [] as (typeof caseStudyCountries.$inferInsert)[], populations: [] as (typeof caseStudyPopulations.$inferInsert)[], topics: [] as (typeof caseStudyTopics.$inferInsert)[] };
  const flush = () => {
    // Multi-row inserts, children after their parent rows (foreign keys are on).
    if (pending.caseStudies.length) db.insert(caseStudies).values(pending.caseStudies).run();
    for (let start = 0; start < pending.sections.length; start += insertChunk) db.insert(caseStudySections).values(pending.sections.slice(start, start + insertChunk)).run();
    if (pending.authors.length) db.insert(caseStudyAuthors).values(pending.authors).run();
    if (pending.countries.length) db.insert(caseStudyCountries).values(pending.countries).run();
    if (pending.populations.length) db.insert(caseStudyPopulations).values(pending.populations).run();
    if (pending.topics.length) db.insert(caseStudyTopics).values(pending.topics).run();
    pending = { caseStudies: [], sections: [], authors: [], countries: [], populations: [], topics: [] };
  };

  for (let index = 0; index < total; index++) {
    const isIndexed = index < size.caseStudies;
    const language: Language = random.chance(0.4) ? 'fr' : 'en';
    // Mostly written in the organisation's own language; English-speaking partners sometimes write in French and back.
    const organisation = random.chance(0.9) && writersByLanguage[language].length ? random.weighted(writersByLanguage[language]) : random.weighted(allWriters);
    const event = random.chance(0.3) ? random.pick(network.events) : null;
    const status: CaseStudyStatus = isIndexed
      ? random.chance(0.05)
        ? 'archived'
        : 'published'
      : event
        ? random.weighted<CaseStudyStatus>([['draft', 50], ['submitted', 20], ['changes_requested', 15], ['accepted', 5], ['withdrawn', 10]])
        : random.weighted<CaseStudyStatus>([['draft', 85], ['withdrawn', 15]]);
    let visibility = isIndexed
      ? random.weighted([['public', 45], ['members', 35], ['organisation', 12], ['event', 8]] as const)
      : random.weighted([['organisation', 55], ['private', 25], ['members', 12], ['public', 8]] as const);
    if (visibility === 'event' && !event) visibility = 'organisation';

    const countryCode = random.chance(0.85) ? organisation.countryCode : random.pick(programmeCountries);
    const [actor, otherActor] = random.sample(actors, 2) as [Story['actor'], Story['actor']];
    const populationPhrases = organisation.populations.length && random.chance(0.8) ? populations.filter((phrase) => organisation.populations.includes(phrase.key)) : populations;
    const population = random.pick(populationPhrases.length ? populationPhrases : populations);
    const year = event ? event.year : random.int(2014, 2025);
    const story: Story = {
      language,
      population,
      actor,
      otherActor,
      barrier: random.pick(barriers),
      service: random.pick(services),
      activity: random.pick(activities),
      place: random.pick(places[countryCode] ?? ['Nairobi']),
      inCountry: inCountry[countryCode]!,
      year,
    };

    const id = newId();
    const people = [...organisation.editorIds, ...organisation.memberIds];
    const authorIds = random.sample(people, random.int(1, Math.min(3, people.length)));
    const createdAt = new Date(Date.UTC(year, random.int(0, 11), random.int(1, 28), random.int(7, 19)));
    const publishedAt = isIndexed ? new Date(createdAt.getTime() + random.int(10, 120) * day) : null;
    pending.caseStudies.push({
      id,
      organisationId: organisation.id,
      eventId: event?.id ?? null,
      callId: event?.callId ?? null,
      title: fill(random.pick(titleTemplates), story, random),
      summary: fill(random.pick(summaryTemplates), story, random),
      language,
      visibility,
      status,
      createdBy: authorIds[0] ?? null,
      createdAt,
      updatedAt: publishedAt ?? new Date(createdAt.getTime() + random.int(1, 60) * day),
      submittedAt: event && status !== 'draft' ? new Date(createdAt.getTime() + 5 * day) : null,
      publishedAt,
    });

    // Published work has every section (a few without lessons); drafts are partly written.
    const writtenSections = isIndexed ? sectionKeys.filter((key) => key !== 'lessons' || random.chance(0.88)) : random.sample(sectionKeys, random.int(0, sectionKeys.length));
    for (const key of sectionKeys) {
      const content = writtenSections.includes(key) ? richText(sectionBlocks(key, story, random)) : richText([]);
      // The generator's documents must be what the editor could have saved: check a sample with the real validator.
      if (validated < 25) {
        validateRichText(content);
        validated += 1;
      }
      const plainText = plainTextOf(content);
      pending.sections.push({ caseStudyId: id, key, content, plainText, version: plainText ? 2 : 1, updatedBy: authorIds[0] ?? null, updatedAt: publishedAt ?? createdAt });
      if (isIndexed) network.counts.sectionWords += plainText ? plainText.split(/\s+/).length : 0;
    }
    for (const userId of authorIds) pending.authors.push({ caseStudyId: id, userId });
    for (const code of new Set([countryCode, ...(random.chance(0.15) ? [random.pick(programmeCountries)] : [])])) pending.countries.push({ caseStudyId: id, countryCode: code });
    for (const key of new Set([population.key, ...(random.chance(0.3) ? [random.pick(populationKeys)] : [])])) pending.populations.push({ caseStudyId: id, populationKey: key });
    for (const topic of random.sample(event ? event.topicKeys : topicKeys, random.int(1, 3))) pending.topics.push({ caseStudyId: id, topic, isFreeTag: false });
    for (const tag of random.sample(freeTags[language], random.int(0, 2))) pending.topics.push({ caseStudyId: id, topic: tag, isFreeTag: true });

    if (isIndexed) {
      network.published.push({ id, organisationId: organisation.id, status, story });
      network.counts.indexed += 1;
      network.counts.byLanguage[language] += 1;
      network.counts.byVisibility[visibility] = (network.counts.byVisibility[visibility] ?? 0) + 1;
      if (writtenSections.includes('lessons')) network.counts.lessons += 1;
    } else network.counts.unpublished += 1;
    if (pending.caseStudies.length >= insertChunk) flush();
  }
  flush();
};

/** The steps, in dependency order, in one transaction. A new content kind is one more step at the end. */
const steps: Step[] = [organisationsStep, peopleStep, eventsStep, caseStudiesStep];

export function generateNetwork(db: Db, options: { seed: number; size: NetworkSize }): Network {
  const random = createRandom(options.seed);
  const network: Network = {
    organisations: [],
    events: [],
    people: [],
    published: [],
    counts: { indexed: 0, unpublished: 0, lessons: 0, byLanguage: { en: 0, fr: 0 }, byVisibility: {}, sectionWords: 0, conversations: emptyConversationCounts() },
  };
  // One transaction: fast (one fsync) and all-or-nothing.
  db.transaction(() => {
    for (const step of steps) step(db, random, network, options.size);
  });
  // Threads and posts after it: they load their subjects (committed above) with the app's loadSubject, and
  // their 100,000 rows of text commit in batches rather than in one huge transaction.
  generateConversations(db, random, network, options.size);
  return network;
}
