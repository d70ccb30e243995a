import type { CaseStudyStatus, caseStudyVisibilities, SectionKey } from '../schema/case-studies';
import type { RichTextBlock } from './factories';

// Demo case studies and calls for case studies: data only, seeded by db/seed/demo.ts. The organisations
// and people are the fictional demo network; events, topics, populations and countries are the network’s
// real taxonomy (db/seed/taxonomy.json). As the platform asks of every author, no beneficiary is named or
// described in a way that could identify them.

export type DemoOrganisationKey =
  | 'tumaini'
  | 'nuru'
  | 'ubuntu'
  | 'kalahari'
  | 'amani'
  | 'pwani'
  | 'lumiere'
  | 'espoir'
  | 'horizon'
  | 'zambezi'
  | 'mhuri'
  | 'secretariat'
  | 'resource'
  | 'puentes';

export type DemoEventSlug = 'lse-1' | 'lse-2' | 'refresher-2027';

export type DemoCall = {
  event: DemoEventSlug;
  opensOn: string;
  deadline: string;
  /** Who set up the call (a facilitator of the event). */
  createdBy: string;
  guidanceEn: string;
  guidanceFr: string;
  organisations: DemoOrganisationKey[];
};

export type DemoCaseStudy = {
  organisation: DemoOrganisationKey;
  /** Usernames, all members of the organisation; the first is the editor who submits and publishes. */
  authors: [string, ...string[]];
  /** The event whose call it was written for. */
  call?: DemoEventSlug;
  title: string;
  summary: string;
  language: 'en' | 'fr';
  visibility: (typeof caseStudyVisibilities)[number];
  status: CaseStudyStatus;
  countries: string[];
  populations: string[];
  /** Topic keys from db/seed/taxonomy.json. */
  topics: string[];
  freeTags?: string[];
  /** ISO dates of the history; the steps in between are spread over them. */
  createdOn: string;
  submittedOn?: string;
  publishedOn?: string;
  closedOn?: string;
  updatedOn?: string;
  /** The facilitator who reviewed it (for case studies written for a call). */
  reviewer?: string;
  sections: Record<SectionKey, RichTextBlock[]>;
  /** A review round: revision 1 had these sections instead of the current ones, and the reviewer commented. */
  changesRequested?: { title?: string; sections?: Partial<Record<SectionKey, RichTextBlock[]>>; note?: string; comments: { section: SectionKey | null; body: string }[] };
  acceptNote?: string;
};

const guidanceEn = (focus: string) =>
  [
    `Reflect on a specific area of work of which you are especially proud; that has been really successful, innovative or exciting and where change has resulted; or which required overcoming significant challenges. ${focus}`,
    'Write it on the five-section template: the issue, problem or opportunity that sparked the intervention; the context in which the work took place; the key elements of the work; the main outcomes; and the core lessons learned. Between 300 and 900 words is enough.',
    'Never name or describe the people you work with in a way that could identify them, and think about who will be able to read your case study before you choose its visibility.',
  ].join('\n\n');

const guidanceFr = (focus: string) =>
  [
    `Revenez sur un domaine précis de votre travail dont vous êtes particulièrement fiers : une action réussie, innovante ou stimulante qui a produit un changement, ou qui a demandé de surmonter des difficultés importantes. ${focus}`,
    'Rédigez-la selon le modèle en cinq parties : le problème, l’enjeu ou l’opportunité à l’origine de l’intervention ; le contexte dans lequel le travail s’est déroulé ; les éléments clés du travail ; les principaux résultats ; les principales leçons apprises. Entre 300 et 900 mots suffisent.',
    'Ne nommez jamais les personnes que vous accompagnez et ne les décrivez pas de façon à ce qu’on puisse les reconnaître ; réfléchissez à qui pourra lire votre étude de cas avant d’en choisir la visibilité.',
  ].join('\n\n');

export const demoCalls: DemoCall[] = [
  {
    event: 'lse-1',
    opensOn: '2015-03-16',
    deadline: '2015-05-04',
    createdBy: 'facilitator',
    guidanceEn: guidanceEn('This first Learning and Sharing Event is about HIV programming with MSM and the broader LGBTI community: safety and security, peer education, health care systems, the media and work with transgender women are all welcome.'),
    guidanceFr: guidanceFr('Ce premier événement d’apprentissage et de partage porte sur les programmes VIH avec les HSH et la communauté LGBTI au sens large : sûreté et sécurité, éducation par les pairs, systèmes de santé, médias et travail avec les femmes transgenres sont les bienvenus.'),
    organisations: ['tumaini', 'nuru', 'ubuntu', 'kalahari', 'espoir', 'zambezi', 'mhuri'],
  },
  {
    event: 'lse-2',
    opensOn: '2016-02-08',
    deadline: '2016-03-28',
    createdBy: 'facilitator',
    guidanceEn: guidanceEn('This second Learning and Sharing Event, in Dakar, is about HIV, health and rights for sex workers: building sex worker organisations, decriminalisation, the continuum of care, male and LGBTI sex workers and young people who sell sex.'),
    guidanceFr: guidanceFr('Ce deuxième événement d’apprentissage et de partage, à Dakar, porte sur le VIH, la santé et les droits des travailleuses et travailleurs du sexe : organisations communautaires, dépénalisation, continuité des soins, travailleurs du sexe masculins et LGBTI, jeunes qui vendent du sexe.'),
    organisations: ['tumaini', 'kalahari', 'amani', 'pwani', 'lumiere', 'espoir', 'horizon', 'zambezi', 'puentes'],
  },
  {
    event: 'refresher-2027',
    opensOn: '2026-09-01',
    deadline: '2027-02-12',
    createdBy: 'facilitator',
    guidanceEn: guidanceEn('For the refresher meeting, tell us what you did with what you learned at the LSEs: what you changed, what lasted, and what did not.'),
    guidanceFr: guidanceFr('Pour la rencontre de rappel, racontez-nous ce que vous avez fait de ce que vous avez appris lors des LSE : ce que vous avez changé, ce qui a duré, et ce qui n’a pas marché.'),
    organisations: ['tumaini', 'lumiere', 'amani', 'zambezi', 'horizon', 'kalahari', 'mhuri', 'espoir'],
  },
];

export const demoCaseStudies: DemoCaseStudy[] = [
  // ——— LSE 1: HIV programming with MSM and the broader LGBTI community (2015) ———
  {
    organisation: 'tumaini',
    authors: ['editor'],
    call: 'lse-1',
    title: 'Opening the door with faith leaders: dialogues on sexuality, health and HIV in two Kenyan counties',
    summary:
      'Over eighteen months we brought Christian and Muslim leaders together with gay and bisexual peer educators for facilitated dialogues. Several leaders went on to preach against violence and to refer young men to friendly clinics.',
    language: 'en',
    visibility: 'public',
    status: 'published',
    countries: ['KE'],
    populations: ['msm', 'lgbti'],
    topics: ['attitudes-to-msm', 'community-engagement', 'working-in-hostile-environments'],
    freeTags: ['religion and culture', 'faith leaders'],
    createdOn: '2015-03-20',
    submittedOn: '2015-05-01',
    publishedOn: '2015-06-15',
    reviewer: 'facilitator',
    sections: {
      problem: [
        'In 2013 and 2014 our outreach teams in two counties recorded a steady rise in verbal and physical attacks on men who have sex with men. When we asked the men what was driving it, the answer was nearly always the same: sermons. Weekly messages in some churches and mosques described same-sex sexuality as a sickness brought from outside, and a few preachers even named local meeting places. Men stopped coming to the drop-in centre, and two peer educators resigned after members of a congregation approached their families.',
        'At the same time we knew that faith leaders are among the most trusted voices in these communities, and that several of them were already burying young men who had died of AIDS without ever being tested. We saw an opportunity: if the pulpit could fuel fear, it could also carry a message of dignity and care.',
      ],
      context: [
        'Same-sex sexual conduct is criminalised in Kenya, and public debate about homosexuality was intense at the time, with some politicians and religious bodies calling for stricter enforcement. HIV prevalence among MSM in our counties was estimated at more than three times that of men in the general population, and uptake of testing was low.',
        'We are a national Linking Organisation working through community-based partners. We had good relationships with county health management teams but none with inter-faith councils. Our staff included people of faith, and that mattered: the first conversations were started by a colleague who is an elder in his own church, not by an outsider.',
      ],
      key_elements: [
        'We worked in stages, moving at the speed of trust rather than at the speed of the project calendar:',
        {
          bullets: [
            '**Mapping and private visits.** We identified about forty religious leaders with local influence and visited each one privately to talk about HIV in their congregation, not about sexuality.',
            '**Health first.** Early sessions with the county HIV coordinator presented local data on HIV, stigma and deaths among young men. Leaders asked the questions; we did not argue doctrine.',
            '**Facilitated dialogues.** Once a group of leaders agreed, we held closed dialogues with peer educators who chose to share their own stories. Ground rules, a neutral venue and an experienced facilitator were essential.',
            '**Safety planning.** Participants decided together what could be repeated outside the room. No names or photographs were recorded.',
            '**Leaders’ own commitments.** Each leader chose one action: a sermon on violence, a referral, or a visit to the drop-in centre.',
          ],
        },
      ],
      outcomes: [
        'Over eighteen months, 31 leaders took part in at least one dialogue and 14 took part in all four. Twelve preached at least once against violence towards people ‘whatever their sins’, which was as far as many were willing to go, and which our peer educators said made a real difference in the streets around those places of worship.',
        'Three leaders now refer young men to the friendly clinic we support, and one mosque committee offers a room for a monthly health talk. Reported verbal attacks in the areas covered by our outreach team fell from an average of 18 a month to 7 over the year, although we cannot attribute this to the dialogues alone. Two leaders withdrew after pressure from their own congregations, and we respected their decision.',
      ],
      lessons: [
        '**Start with shared values, not with disagreements.** Leaders responded to the language of compassion, health and the protection of young people; discussions that opened with rights language often stalled.',
        '**Choose and support the messengers.** Peer educators who chose to speak were the turning point, but only because they were prepared, debriefed afterwards and free to stop at any time. We now offer a counselling session after every dialogue.',
        '**Accept partial change.** Few leaders changed their theology; many changed their behaviour. For a man facing violence, a leader who says ‘no one should be beaten’ is a real gain.',
        '**Stay quiet until the work is strong.** We avoided the media in the first year. A premature news story would have exposed both the leaders and the peer educators.',
      ],
    },
    changesRequested: {
      sections: {
        outcomes: [
          'Many leaders took part in the dialogues and several preached against violence afterwards. Some now refer young men to the friendly clinic we support, and our peer educators feel that the atmosphere in the community has improved.',
          'Two leaders withdrew after pressure from their own congregations, and we respected their decision.',
        ],
      },
      note: 'A strong and honest piece. Before we accept it, please strengthen the outcomes section.',
      comments: [
        {
          section: 'outcomes',
          body: 'Could you say how many leaders took part, what changed and how you know? Even rough figures from your outreach records would help other organisations judge what is realistic.',
        },
      ],
    },
    acceptNote: 'Thank you for the figures: accepted for the session on working in hostile environments.',
  },
  {
    organisation: 'nuru',
    authors: ['kioko', 'achieng'],
    call: 'lse-1',
    title: 'Safe outreach: a security protocol and rapid-response network for peer outreach workers',
    summary:
      'After a series of incidents against our peer outreach workers, we wrote a security protocol with them and set up a rapid-response phone tree. It is now part of every outreach worker’s induction.',
    language: 'en',
    visibility: 'members',
    status: 'published',
    countries: ['KE'],
    populations: ['msm', 'transgender'],
    topics: ['safety-and-security', 'working-in-hostile-environments', 'peer-education'],
    freeTags: ['digital security', 'outreach workers'],
    createdOn: '2015-03-25',
    submittedOn: '2015-04-28',
    publishedOn: '2015-07-01',
    reviewer: 'facilitator',
    sections: {
      problem: [
        'Our peer outreach workers are gay, bisexual and trans people who distribute condoms and lubricant, offer HIV testing referrals and talk with men in bars, parks and online. In a single quarter of 2014, five of them were threatened, two were robbed by people who had arranged a meeting through a dating application, and one was held overnight by police without charge.',
        'Each incident was handled differently, depending on who happened to answer the phone. Outreach workers told us they felt alone, and some stopped working at night, precisely when the men we most needed to reach were available.',
      ],
      context: [
        'We are a network led by gay, bisexual and trans people, working in a country where same-sex conduct is criminalised and where media coverage regularly exposes individuals. Police practice varies a great deal from one station to another.',
        'Online outreach was growing fast: many younger men now meet partners through applications rather than in venues, and we had started to reach them there. This brought new risks, from fake profiles set up to entrap people to screenshots of conversations being shared.',
        'We had no dedicated security budget; what follows was built with our existing staff time and a small grant for airtime.',
      ],
      key_elements: [
        {
          ordered: [
            '**A protocol written with outreach workers.** Over three workshops, outreach workers listed the situations they feared most and agreed what to do before, during and after each one. The protocol fits on two pages.',
            '**Check-in and check-out.** Every outreach worker on duty sends a short agreed message at the start and end of a shift. A missed check-out triggers a call, then the phone tree.',
            '**A rapid-response phone tree.** Four trained responders, including a lawyer who is a friend of the network, share a roster so that someone is always reachable.',
            '**Digital hygiene.** Separate work phones, screen locks, disappearing messages for sensitive conversations and no photographs of clients or venues.',
            '**Debriefing and care.** After any incident the outreach worker is offered a debrief with a counsellor and paid time off.',
          ],
        },
      ],
      outcomes: [
        'In the twelve months after the protocol was introduced, the phone tree was activated nine times. In every case a responder reached the outreach worker within an hour, and in the two arrests a lawyer was present before any statement was taken. Both outreach workers were released without charge.',
        'No outreach worker resigned because of security concerns that year, against four the year before, and night outreach resumed in all three areas. Outreach workers now teach the digital hygiene session to newcomers themselves, and two partner organisations have adapted the protocol for their own teams.',
      ],
      lessons: [
        'Security plans written for outreach workers sit in a drawer; plans written with them are used. The check-in routine only works because outreach workers themselves decided how it should work.',
        'Security is also about care. The debriefing and paid time off were at first seen as extras, but outreach workers told us they were the reason they came back after an incident.',
        'Keep it simple and rehearse it. We run a practice call every quarter, because a phone tree nobody has tested will fail on the night it is needed.',
        'Finally, share protocols carefully: we publish this case study to network members only, because the details of how we respond are themselves sensitive.',
      ],
    },
  },
  {
    organisation: 'ubuntu',
    authors: ['lerato'],
    call: 'lse-1',
    title: 'Beyond sensitisation: making two district clinics work for trans and gender-diverse people',
    summary:
      'One-off sensitisation workshops had not changed how trans people were treated at their local clinics. We combined training with a clinic champion, a patient companion service and a simple way to report problems.',
    language: 'en',
    visibility: 'public',
    status: 'published',
    countries: ['ZA'],
    populations: ['transgender', 'lgbti'],
    topics: ['health-care-systems', 'hiv-programming-for-transgender-women', 'gender-violence-and-vulnerability'],
    freeTags: ['health workers'],
    createdOn: '2015-03-30',
    submittedOn: '2015-04-30',
    publishedOn: '2015-06-20',
    reviewer: 'facilitator',
    sections: {
      problem: [
        'Trans women we work with described the same experience at public clinics again and again: being called by the name on their identity document in a full waiting room, being asked intrusive questions unrelated to their visit, and being sent from one room to another because no one knew who should see them. Many simply stopped going, including women living with HIV who needed to collect their treatment every month.',
        'Like many organisations, we had run sensitisation workshops for health workers. They were well received on the day, yet nothing changed at the reception desk the following week.',
      ],
      context: [
        'South Africa’s Constitution protects people from discrimination on the basis of sexual orientation and gender, and national HIV policy recognises transgender people as a key population. Policy on paper, however, did not reach the two district clinics closest to our community, which were overcrowded and short of staff.',
        'Clinic staff turned over often, so anyone we trained might have left within a year. Receptionists, security guards and cleaners, who shape the first minutes of every visit, had never been included in training.',
      ],
      key_elements: [
        'We designed the work with a group of eight trans women who use the two clinics and kept meeting them monthly throughout.',
        {
          bullets: [
            '**Whole-clinic training**, in short sessions during staff meetings, including reception, security and cleaning staff, and led jointly by a nurse and a trans woman from the community.',
            '**A clinic champion** in each facility: a nurse who volunteered to be the person trans clients could ask for, and who took up complaints internally.',
            '**Patient companions**: trained community members who accompanied anyone who wished it on a first visit.',
            '**A simple feedback line**: clients could send a message about a good or bad experience; we passed an anonymised summary to the facility manager every month.',
          ],
        },
      ],
      outcomes: [
        'Within a year both clinics had agreed to call clients by the name they gave at reception and to record it in the file. The number of trans clients attending the two clinics rose from around 20 to 65, and the facility managers now invite us to present the feedback summary at their quarterly review.',
        'The champion model proved resilient: when one champion moved to another post, she recommended a colleague to replace her before leaving. Complaints did not disappear, but they were now dealt with inside the clinic rather than ending in people giving up on care.',
      ],
      lessons: [
        'Training on its own does not change a system. What changed the clinics was a person inside each one who owned the issue, and a regular flow of feedback that made problems visible to managers.',
        'Everyone who meets a client matters. Including security guards and receptionists was the single most appreciated change.',
        'Community members must be paid for their time. Patient companions and co-trainers are doing skilled work; when we could not pay them for two months, the service stopped.',
      ],
    },
  },
  {
    organisation: 'mhuri',
    authors: ['chipo', 'tatenda'],
    call: 'lse-1',
    title: 'Walking alongside: peer navigation for trans women from first contact to viral suppression',
    summary:
      'Trained trans women navigators accompanied their peers through testing, starting treatment and staying on it. Most of the women who started treatment with a navigator were still in care a year later.',
    language: 'en',
    visibility: 'public',
    status: 'published',
    countries: ['ZW'],
    populations: ['transgender'],
    topics: ['hiv-programming-for-transgender-women', 'peer-education', 'combination-approaches-to-hiv'],
    freeTags: ['peer navigation', 'treatment adherence'],
    createdOn: '2015-03-18',
    submittedOn: '2015-05-04',
    publishedOn: '2015-06-25',
    reviewer: 'facilitator',
    sections: {
      problem: [
        'Trans women in our city were being tested for HIV at community events, but very few of those who tested positive ever reached a clinic. Those who did often stopped after a few months. When we asked why, women spoke of fear of being recognised in the waiting room, of being misgendered by staff, of the cost of transport, and of feeling that no one would notice if they disappeared.',
        'We realised that testing without accompaniment was leaving women with a diagnosis and nothing else.',
      ],
      context: [
        'Zimbabwe has no legal recognition of gender identity, and trans women are often arrested under laws on public indecency or ‘impersonation’. Most of the women we work with have been rejected by their families, and many sell sex to survive.',
        'National HIV guidelines at the time did not mention transgender people at all. Public clinics were free but crowded, and a pharmacy stock-out could send a woman home without her medicine.',
        'Our organisation is trans-led and small: four staff and a network of volunteers, with a modest grant from a regional fund.',
      ],
      key_elements: [
        'Six trans women, most of them living with HIV themselves, were trained as navigators over two weeks on HIV treatment, counselling, confidentiality and personal safety. Each navigator supports no more than fifteen women at a time.',
        'In a typical week a navigator:',
        {
          bullets: [
            'accompanies one or two women to a clinic for a first visit, and introduces them to a staff member we trust;',
            'calls or messages every woman on her list to ask how she is, not only about pills;',
            'follows up anyone who missed an appointment within two days, with transport money where needed;',
            'joins a weekly group meeting where the navigators share difficult situations and support each other.',
          ],
        },
        'Navigators are paid a monthly stipend and work in pairs at night. They carry a letter from the organisation explaining their role, which has helped at police checkpoints.',
      ],
      outcomes: [
        'Over fourteen months, navigators supported 84 women who had tested positive. Of these, 71 started treatment, and 62 were still collecting their medicine after twelve months. Among the women who had a viral load test, most had an undetectable result.',
        'Two clinics changed their appointment system after navigators explained why early morning slots worked better for women who work at night. Navigators have also become the first people women call after an arrest or an assault, which has widened the role beyond HIV.',
      ],
      lessons: [
        'Peer navigation works because it is relational: women stayed in care because someone they trusted noticed and cared. The relationship, not the reminder, is the intervention.',
        'Navigators need support too. Hearing about violence every day is exhausting, and the weekly group and the stipend were what kept our team together.',
        'Data matter to a small organisation. Simple records of who started treatment and who was still in care a year later convinced two clinics and one donor to take us seriously.',
      ],
    },
    changesRequested: {
      sections: {
        key_elements: [
          'Six trans women, most of them living with HIV themselves, were trained as navigators over two weeks on HIV treatment, counselling and confidentiality. Each navigator supports a small group of women and accompanies them to the clinic.',
          'Navigators also keep in touch with the women between appointments and follow up anyone who misses a visit. They meet regularly to share difficult situations.',
        ],
      },
      note: 'Thank you: an important case study for the session on transgender women. One section needs more detail.',
      comments: [
        {
          section: 'key_elements',
          body: 'Could you describe what a navigator actually does in a typical week, and how you keep navigators safe and paid? Other organisations will want to copy exactly this part.',
        },
      ],
    },
  },
  {
    organisation: 'kalahari',
    authors: ['kagiso'],
    call: 'lse-1',
    title: 'From sensational headlines to informed reporting: a media fellowship on health and sexuality',
    summary:
      'We ran a six-month fellowship for journalists and editors on reporting about health, sexuality and key populations. Coverage became more accurate, and some newsrooms began to ask us for comment before publishing.',
    language: 'en',
    visibility: 'public',
    status: 'published',
    countries: ['BW'],
    populations: ['msm', 'lgbti'],
    topics: ['engaging-with-media', 'attitudes-to-msm', 'community-engagement'],
    freeTags: ['journalists'],
    createdOn: '2015-03-22',
    submittedOn: '2015-04-29',
    publishedOn: '2015-06-30',
    reviewer: 'facilitator',
    sections: {
      problem: [
        'In 2013 a series of newspaper stories about ‘homosexual recruitment’ in schools led to harassment of young men in two towns, and to a drop in attendance at the services we support. The stories relied on rumour, used insulting language and in one case printed a photograph that allowed a young man to be identified.',
        'Our first instinct was to complain. But when we met editors, we found that many reporters simply had no one to call for accurate information, and no understanding of the harm that exposure causes.',
      ],
      context: [
        'Botswana’s media is relatively free and lively, with private newspapers, radio stations and growing online news. At the time, the courts were beginning to hear cases on the registration of LGBTI organisations, which made the issue newsworthy and contested.',
        'Newsrooms are small and reporters cover many beats at once. Health reporting was usually limited to announcements by officials.',
        'Community members were wary: several had been photographed at events without their consent, and some opposed any engagement with the media at all.',
      ],
      key_elements: [
        {
          bullets: [
            '**A fellowship, not a workshop.** Twelve journalists from print, radio and online outlets met one day a month for six months.',
            '**Meeting people, not issues.** Each session included a conversation with community members who chose to speak, on their own terms and with agreed rules about what could be reported.',
            '**Practical tools.** We produced a short style guide on language, with examples of words to use and avoid, and a checklist on protecting identities.',
            '**A story grant.** Each fellow pitched a story on health and key populations; the best five received a small grant for travel and research.',
            '**A contact list.** Fellows received the numbers of spokespeople who were ready to comment quickly, so that deadlines no longer excused one-sided stories.',
          ],
        },
      ],
      outcomes: [
        'Fellows produced 23 stories during the fellowship, including a radio series on HIV among young men that was repeated twice because of listener demand. A review of coverage by our volunteers found that the share of stories using insulting terms fell noticeably in the outlets whose journalists took part.',
        'Two editors now call us before running stories on sexuality, and one newspaper adopted parts of the style guide. Not everything changed: one tabloid continued to publish sensational stories, and we learned to respond selectively rather than to every provocation.',
      ],
      lessons: [
        'Journalists are potential allies. Treating them as professionals who need sources, rather than as enemies, opened doors.',
        'Personal encounters change reporting more than facts alone, but they must be safe for the people who speak. We prepared every speaker, agreed in writing what could be published, and never pushed anyone to be photographed.',
        'Media work is long-term. Reporters move on, so we now run a shorter version of the fellowship every year.',
      ],
    },
  },
  {
    organisation: 'espoir',
    authors: ['yao', 'adjoua'],
    call: 'lse-1',
    title: 'Ne plus être seul : accompagnement psychosocial des jeunes HSH rejetés par leur famille à Abidjan',
    summary:
      'Nous avons mis en place des groupes de parole, un accompagnement individuel et un hébergement d’urgence pour les jeunes HSH chassés de chez eux. La plupart ont retrouvé une stabilité et sont restés en lien avec les services de santé.',
    language: 'fr',
    visibility: 'event',
    status: 'published',
    countries: ['CI'],
    populations: ['msm', 'young_people'],
    topics: ['gender-violence-and-vulnerability', 'sexual-and-reproductive-health-and-rights-for-msm', 'community-engagement'],
    freeTags: ['santé mentale', 'soutien psychosocial'],
    createdOn: '2015-03-26',
    submittedOn: '2015-05-02',
    publishedOn: '2015-07-10',
    reviewer: 'facilitator',
    sections: {
      problem: [
        'Chaque mois, nos pairs éducateurs rencontraient de jeunes hommes de 18 à 24 ans qui venaient d’être chassés du domicile familial après que leur orientation sexuelle avait été découverte. Sans argent ni logement, certains dormaient dans la rue ou chez des partenaires plus âgés dont ils dépendaient entièrement. Plusieurs nous ont confié avoir pensé au suicide.',
        'Ces jeunes abandonnaient aussi le suivi médical : ceux qui vivaient avec le VIH interrompaient leur traitement, et les autres n’utilisaient plus nos services de prévention. Nous ne pouvions pas parler de préservatifs à quelqu’un qui ne savait pas où dormir le soir même.',
      ],
      context: [
        'La Côte d’Ivoire ne pénalise pas les relations entre personnes de même sexe, mais la stigmatisation reste forte, surtout dans les familles. Après des attaques contre une organisation communautaire en 2014, beaucoup de jeunes vivaient dans la peur.',
        'Il n’existait à Abidjan aucun service public de soutien psychologique adapté aux jeunes HSH, et les rares psychologues privés étaient hors de portée financière. Notre réseau, dirigé par des jeunes, fonctionnait surtout grâce au bénévolat.',
      ],
      key_elements: [
        'Notre accompagnement repose sur trois piliers, construits avec les jeunes eux-mêmes :',
        {
          bullets: [
            '**Des groupes de parole** hebdomadaires, animés par un pair formé et une psychologue bénévole, dans un lieu discret et changeant.',
            '**Un accompagnement individuel** pour les situations de crise : écoute, orientation vers un médecin, et lorsque c’était possible, médiation avec un membre de la famille choisi par le jeune.',
            '**Un hébergement d’urgence** de deux semaines au maximum dans un appartement loué par le réseau, le temps de trouver une solution plus durable.',
            '**Un lien systématique avec la santé** : chaque jeune accompagné se voit proposer un dépistage et, s’il vit avec le VIH, un accompagnement au centre de traitement.',
          ],
        },
      ],
      outcomes: [
        'En un an, 46 jeunes ont participé aux groupes de parole et 19 ont bénéficié d’un hébergement d’urgence. Six mois après, la grande majorité d’entre eux avaient trouvé un logement stable, chez un proche, un ami ou en colocation. Dans sept cas, la médiation a permis un retour dans la famille ou au moins une reprise du contact.',
        'Parmi les jeunes vivant avec le VIH, presque tous ont repris leur traitement. Les jeunes disent surtout avoir « retrouvé une famille » dans le groupe ; plusieurs sont devenus à leur tour pairs éducateurs.',
      ],
      lessons: [
        'La santé mentale n’est pas un luxe : sans stabilité ni écoute, la prévention du VIH n’a pas de prise. Le soutien psychosocial doit être pensé comme une partie de la riposte, pas comme un à-côté.',
        'La médiation familiale demande beaucoup de prudence. Elle ne se fait qu’à la demande du jeune, avec un membre de la famille qu’il choisit, et nous avons appris à y renoncer quand le risque de violence était réel.',
        'L’hébergement d’urgence doit rester court et encadré, sinon il devient ingérable pour une petite organisation. Nous diffusons cette étude de cas aux seuls participants de l’événement, car l’organisation de l’hébergement doit rester discrète.',
      ],
    },
  },
  {
    organisation: 'zambezi',
    authors: ['mwansa'],
    call: 'lse-1',
    title: 'Taking services to men: a mobile clinic offering combination prevention for MSM',
    summary:
      'A mobile clinic visited agreed sites on a fixed schedule, offering testing, condoms and lubricant, treatment of sexually transmitted infections and referrals. It reached men who had never used a health facility; the service ended with its grant in 2017.',
    language: 'en',
    visibility: 'public',
    status: 'archived',
    countries: ['ZM'],
    populations: ['msm'],
    topics: ['combination-approaches-to-hiv', 'sexual-and-reproductive-health-and-rights-for-msm', 'health-care-systems'],
    freeTags: ['mobile services'],
    createdOn: '2015-03-24',
    submittedOn: '2015-04-30',
    publishedOn: '2015-06-18',
    closedOn: '2017-09-01',
    reviewer: 'facilitator',
    sections: {
      problem: [
        'Men who have sex with men in the towns where we work rarely used public health facilities. Many feared being seen, others had been turned away or lectured when they asked for lubricant or treatment for an anal infection. As a result, sexually transmitted infections went untreated and HIV testing rates were very low.',
        'Community members told us they would use a service that came to them, at times that suited them, and that did not look like a ‘gay clinic’.',
      ],
      context: [
        'Same-sex conduct is criminalised in Zambia, and in 2013 and 2014 several people were arrested and prosecuted, which was widely reported. Lubricant was not available through public health facilities at the time.',
        'Our organisation is the national Linking Organisation and already ran a mobile clinic for general outreach in peri-urban areas, with a nurse, a counsellor and a driver. This gave us a vehicle and staff who were used to working outside facilities.',
      ],
      key_elements: [
        {
          bullets: [
            'Sites and times were chosen with peer educators: a private compound, a partner organisation’s office and a guesthouse whose owner was supportive. The clinic arrived at the same time every fortnight.',
            'The clinic offered a package rather than a single service: HIV testing and counselling, condoms and lubricant, syndromic management of sexually transmitted infections, screening for tuberculosis, and referrals for treatment.',
            'Peer educators mobilised men the day before by phone and were present during the session to welcome them.',
            'The vehicle carried no branding related to sexuality, and records used codes instead of names.',
          ],
        },
      ],
      outcomes: [
        'In its first year the clinic held 48 sessions and saw 612 men, more than half of whom had never had an HIV test. Those who tested positive were accompanied to a treatment centre by a peer educator, and most started treatment.',
        'The clinic also treated more than 150 sexually transmitted infections, a need that had been invisible in official data. The district health office began to include the clinic’s data in its reports, which gave us a basis for advocacy on lubricant supply.',
      ],
      lessons: [
        'Combination means all in one place. Men came for condoms or an infection, and stayed for a test.',
        'Regularity builds trust: the clinic was used more in its second six months than in its first, as word spread that it was reliable and discreet.',
        'Mobile services are expensive and fragile. When the grant ended, the service stopped. We should have negotiated earlier for the district to absorb part of the cost. (We archived this case study in 2017 because the service no longer runs; its lessons remain useful.)',
      ],
    },
  },
  {
    organisation: 'nuru',
    authors: ['kioko'],
    call: 'lse-1',
    title: 'Telling our own story: community shadow reporting to the African Commission',
    summary:
      'With partners in three East African countries, we documented rights violations against LGBTI people and submitted a shadow report to the African Commission on Human and Peoples’ Rights.',
    language: 'en',
    visibility: 'organisation',
    status: 'accepted',
    countries: ['KE', 'UG', 'TZ'],
    populations: ['lgbti', 'msm', 'transgender'],
    topics: ['regional-advocacy-for-rights-of-lgbti-people', 'safety-and-security', 'working-in-hostile-environments'],
    freeTags: ['documentation', 'human rights mechanisms'],
    createdOn: '2015-03-28',
    submittedOn: '2015-05-01',
    reviewer: 'facilitator',
    sections: {
      problem: [
        'For years, reports on the situation of LGBTI people in East Africa were written by international organisations, based on a handful of interviews. Governments dismissed them as foreign interference, and our own members felt that their experiences were being told by others.',
        'The adoption in 2014 of a resolution by the African Commission on Human and Peoples’ Rights on protection against violence based on sexual orientation and gender identity created an opportunity: a regional body now expected states to report on these issues, and civil society could contribute.',
      ],
      context: [
        'The three countries involved all criminalise same-sex conduct, and one had recently passed a law increasing penalties, later annulled by its courts. Documentation is dangerous work: records of violations can expose victims if they are seized or leaked.',
        'None of the partner organisations had experience with regional human rights mechanisms, and only one had a lawyer on staff. Travel to the Commission’s sessions is expensive, and few community members felt safe crossing borders carrying documents about their work.',
      ],
      key_elements: [
        {
          ordered: [
            'A shared documentation form, tested with the partners, recording the type of violation, the perpetrator and the response, with no names.',
            'Training for twelve community documenters on interviewing, consent and psychological first aid.',
            'Secure storage: encrypted files, coded identifiers and a rule that paper forms are destroyed after entry.',
            'A drafting workshop where partners agreed the key messages and recommendations together.',
            'Preparation of two community representatives to attend the Commission’s session and to meet commissioners.',
          ],
        },
      ],
      outcomes: [
        'Documenters recorded 187 cases over eight months, including arbitrary arrests, evictions, blackmail and assaults. The shadow report was submitted and presented at a side event during the Commission’s session, where commissioners asked questions and referred to it in later dialogues with two of the states.',
        'Just as important, the partners now have a documentation system they continue to use for their own advocacy and for emergency responses.',
      ],
      lessons: [
        'Ownership of the story matters. Reports written by the community carried a legitimacy that outside reports did not have.',
        'Documentation is first a safety question. We spent more time on consent and secure storage than on writing, and that was right.',
        'Regional advocacy is slow and its results are hard to see; it must be linked to national work, or it stays in conference rooms.',
      ],
    },
    acceptNote: 'Accepted for the session on regional advocacy. Before publishing, please check with the partners that none of the documented cases can be recognised.',
  },
  // ——— LSE 2: HIV, health and rights for sex workers (Dakar, 2016) ———
  {
    organisation: 'lumiere',
    authors: ['redacteur', 'fatou'],
    call: 'lse-2',
    title: 'Un espace à nous : le centre d’accueil de jour pour les travailleuses du sexe en banlieue de Dakar',
    summary:
      'Nous avons ouvert un centre d’accueil de jour géré avec les travailleuses du sexe : repos, douches, dépistage, soins et conseils juridiques au même endroit. Il est devenu le point d’entrée vers les soins pour des femmes qui évitaient les structures de santé.',
    language: 'fr',
    visibility: 'public',
    status: 'published',
    countries: ['SN'],
    populations: ['sex_workers'],
    topics: ['the-role-of-communities-in-providing-the-continuum-of-care', 'building-sex-worker-organisations-and-movements', 'vulnerability-and-risk'],
    freeTags: ['centre d’accueil', 'services intégrés'],
    createdOn: '2016-02-15',
    submittedOn: '2016-03-25',
    publishedOn: '2016-05-12',
    reviewer: 'animatrice',
    sections: {
      problem: [
        'Au Sénégal, les travailleuses du sexe inscrites au fichier sanitaire bénéficient d’un suivi médical régulier. Mais la majorité des femmes que nous rencontrons en banlieue ne sont pas inscrites : elles craignent d’être reconnues, d’être contrôlées par la police ou que leur famille l’apprenne. Elles échappent donc presque entièrement aux services de santé.',
        'Nos causeries de proximité touchaient ces femmes, mais ne leur offraient aucun lieu où se poser. Elles nous demandaient sans cesse un endroit sûr où se reposer, se laver, parler à quelqu’un et se faire soigner sans être jugées.',
      ],
      context: [
        'Le travail du sexe est encadré par la loi au Sénégal, mais exercer sans être inscrite est passible de sanctions, et les arrestations lors de rafles sont fréquentes. La stigmatisation est forte, y compris parfois chez le personnel de santé.',
        'Notre association, partenaire national du programme, travaillait depuis plusieurs années avec des paires éducatrices. Nous avions de bonnes relations avec le district sanitaire, qui a accepté de détacher une sage-femme deux demi-journées par semaine.',
      ],
      key_elements: [
        {
          bullets: [
            '**Un lieu discret et accueillant**, dans un quartier animé, sans enseigne, ouvert de 10 h à 18 h, avec une salle de repos, des douches et un coin pour les enfants.',
            '**Des services au même endroit** : dépistage du VIH et des IST, consultation de la sage-femme, planification familiale, préservatifs et gel, orientation vers le traitement.',
            '**Une permanence juridique** hebdomadaire avec une juriste, pour les arrestations, les violences et les questions de papiers.',
            '**Une gestion partagée** : un comité de six travailleuses du sexe, renouvelé chaque année, décide du règlement intérieur, des horaires et des activités.',
            '**Des paires éducatrices** présentes tous les jours pour accueillir, écouter et accompagner.',
          ],
        },
      ],
      outcomes: [
        'La première année, le centre a accueilli 740 femmes différentes, dont plus de la moitié n’avaient jamais fait de dépistage. Parmi les femmes dépistées positives, la grande majorité a commencé un traitement, accompagnée par une paire éducatrice. La permanence juridique a traité une centaine de situations, surtout des arrestations et des violences de clients ou de partenaires.',
        'Le comité de gestion s’est progressivement transformé en une association de travailleuses du sexe, qui participe désormais aux réunions de coordination du district. Pour beaucoup de femmes, le centre est simplement devenu « notre maison ».',
      ],
      lessons: [
        'Un service de santé n’attire que s’il répond d’abord aux besoins que les femmes expriment elles-mêmes : le repos et la douche ont fait venir les femmes, le dépistage a suivi.',
        'La gestion partagée prend du temps et crée parfois des tensions, mais c’est elle qui a fait du centre un lieu de confiance et qui a fait naître une organisation communautaire.',
        'Le partenariat avec le district est indispensable pour la durabilité : la sage-femme détachée est restée quand un financement s’est arrêté.',
      ],
    },
    changesRequested: {
      sections: {
        context: [
          'Le travail du sexe est encadré par la loi au Sénégal. Notre association, partenaire national du programme, travaillait depuis plusieurs années avec des paires éducatrices et avait de bonnes relations avec le district sanitaire.',
        ],
        lessons: [
          'Un service de santé n’attire que s’il répond d’abord aux besoins que les femmes expriment elles-mêmes.',
          'Le partenariat avec le district est indispensable pour la durabilité.',
        ],
      },
      note: 'Très belle étude de cas. Deux parties méritent d’être développées avant l’acceptation.',
      comments: [
        {
          section: 'context',
          body: 'Pour les participants des autres pays, pouvez-vous expliquer en quelques phrases le cadre légal (inscription au fichier sanitaire) et ce qu’il implique pour les femmes non inscrites ?',
        },
        {
          section: 'lessons',
          body: 'Vos leçons sont justes mais très brèves. Que diriez-vous de la gestion partagée avec le comité de femmes ? C’est ce qui intéressera le plus les autres organisations.',
        },
      ],
    },
  },
  {
    organisation: 'amani',
    authors: ['nakato', 'akello'],
    call: 'lse-2',
    title: 'Someone to call at 2 a.m.: sex worker paralegals after arrests',
    summary:
      'We trained sex workers as community paralegals and ran a 24-hour phone line for colleagues who were arrested or assaulted. Most of those arrested were released without charge, and police behaviour at two stations changed.',
    language: 'en',
    visibility: 'members',
    status: 'published',
    countries: ['UG'],
    populations: ['sex_workers'],
    topics: ['decriminalisation-of-sex-work', 'advocacy', 'vulnerability-and-risk'],
    freeTags: ['paralegal support', 'legal aid'],
    createdOn: '2016-02-10',
    submittedOn: '2016-03-20',
    publishedOn: '2016-05-05',
    reviewer: 'facilitator',
    sections: {
      problem: [
        'Sex workers in the city are arrested regularly, often in night sweeps, and held for days without being charged or brought before a court. Many are released only after paying a bribe or after sexual exploitation by officers. Condoms found in a handbag are sometimes used as evidence.',
        'When our members were arrested, they had no one to call. Lawyers were expensive and rarely available at night, and families often did not know about their work. Those held for several days missed their HIV treatment and lost income that their children depended on.',
      ],
      context: [
        'Sex work is criminalised in Uganda, and a broad law on ‘idle and disorderly’ persons is also used against sex workers. In 2014 a new law on pornography and a law on homosexuality, later annulled, had increased police attention to anyone seen as morally suspect.',
        'Our forum is led by sex workers. We had strong peer networks but no legal expertise, and a long distrust of the police among our members.',
      ],
      key_elements: [
        {
          bullets: [
            '**Paralegal training**: fifteen sex workers were trained over ten days by a legal aid organisation on arrest procedures, rights in custody, bail and documentation of abuses.',
            '**A 24-hour phone line** held in turn by two paralegals each night, with a lawyer on call for serious cases.',
            '**Going to the station**: paralegals visit the police station, ask on what grounds a person is held, make sure they have access to medicine and insist on release or charge within 48 hours, as the law requires.',
            '**Documentation**: every case is recorded, with consent, to support advocacy with police commanders.',
            '**Dialogue with police**: quarterly meetings with the commanders of two stations, with human rights officers present.',
          ],
        },
      ],
      outcomes: [
        'In its first year the line received 312 calls. Paralegals intervened in 204 arrests; in four out of five cases the person was released without charge within 48 hours. Twenty-one cases of sexual or physical abuse by officers were documented and raised with commanders, and in three cases officers were disciplined.',
        'At the two stations involved in the dialogue, members report far fewer demands for bribes, and officers no longer confiscate condoms. Paralegals have become respected leaders, and several now represent the forum in district meetings.',
      ],
      lessons: [
        'Knowing the law is power, even when the law is unjust. Paralegals do not change the criminal law, but they make sure that its procedures are respected, and that protects people.',
        'Peer paralegals are trusted in a way outside lawyers are not. They understand the work, the fear and the language.',
        'Dialogue with the police is possible, but only when the documentation is solid and human rights officers are in the room. We also learned to protect paralegals themselves, who have at times been threatened.',
        'This case study is shared with network members only because it describes how we work at police stations.',
      ],
    },
  },
  {
    organisation: 'amani',
    authors: ['nakato'],
    call: 'lse-2',
    title: 'A safe space for young people who sell sex: what we changed when we listened',
    summary:
      'Young people who sell sex were not using our services, which were designed for adult sex workers. With a youth advisory group we created separate hours, age-appropriate support and clear child-protection procedures.',
    language: 'en',
    visibility: 'organisation',
    status: 'published',
    countries: ['UG'],
    populations: ['young_people', 'sex_workers'],
    topics: ['working-with-young-people-who-sell-sex', 'vulnerability-and-risk', 'the-role-of-communities-in-providing-the-continuum-of-care'],
    freeTags: ['child protection', 'youth participation'],
    createdOn: '2016-02-12',
    submittedOn: '2016-03-26',
    publishedOn: '2016-05-20',
    reviewer: 'facilitator',
    sections: {
      problem: [
        'Our peer educators were meeting more and more young people, some of them under 18, who were selling sex to pay for food, rent or school fees. Very few of them came to our drop-in centre. When we asked why, they told us that the older women treated them like children or rivals, that they were afraid of being reported, and that nothing in the centre was meant for them.',
        'As a sex worker-led organisation we also faced a difficult question: how to support young people who sell sex while respecting the law and our duty to protect children, without driving them away.',
      ],
      context: [
        'In Uganda, as in other countries, a person under 18 who sells sex is considered a child who is being sexually exploited, and services have a duty to refer them to child protection. Child protection services, however, were few and often punitive, and young people feared being sent back to the families they had left.',
        'Young people who sell sex are at very high risk of HIV, violence and unintended pregnancy, and most had never had an HIV test.',
      ],
      key_elements: [
        {
          bullets: [
            '**A youth advisory group** of eight young people aged 18 to 24 who had started selling sex when younger, paid for their time, helped us redesign the service.',
            '**Separate hours**: two afternoons a week reserved for young people, with young peer educators.',
            '**Age-appropriate support**: counselling, HIV and pregnancy testing, contraception, help returning to school or training, and a meal.',
            '**Clear procedures**: a child-protection policy written with a specialist organisation, explaining when and how we refer a young person under 18, always telling them first and accompanying them.',
            '**Partnerships**: agreements with a youth shelter and a vocational training centre.',
          ],
        },
      ],
      outcomes: [
        'In the first nine months, 137 young people used the youth hours, 40 of them under 18. All under-18s were supported through the child-protection procedure; none was sent back to a family against their will, and most were placed with the shelter or supported to live with a relative they chose. Eighteen young people returned to school or started training.',
        'Young people now make up a fifth of the people we test for HIV each month, compared with almost none before.',
      ],
      lessons: [
        'Listen to young people before designing for them. The separate hours and the meal, which cost little, mattered most to them.',
        'Rights and protection are not opposites. A clear, transparent procedure, explained to young people from the first meeting, built trust instead of destroying it.',
        'We keep this case study visible to our own organisation only, because it describes individual referral pathways and partners who asked not to be named publicly.',
      ],
    },
  },
  {
    organisation: 'horizon',
    authors: ['ndayishimiye'],
    call: 'lse-2',
    title: 'Des pairs éducatrices pour accompagner les travailleuses du sexe du dépistage au traitement à Bujumbura',
    summary:
      'Des travailleuses du sexe formées comme pairs éducatrices accompagnent leurs collègues du dépistage jusqu’au traitement et au suivi. Malgré la crise de 2015, la plupart des femmes accompagnées sont restées sous traitement.',
    language: 'fr',
    visibility: 'public',
    status: 'published',
    countries: ['BI'],
    populations: ['sex_workers'],
    topics: ['the-role-of-communities-in-providing-the-continuum-of-care', 'vulnerability-and-risk'],
    freeTags: ['pairs éducatrices', 'cascade de soins'],
    createdOn: '2016-02-18',
    submittedOn: '2016-03-24',
    publishedOn: '2016-05-18',
    reviewer: 'animatrice',
    sections: {
      problem: [
        'Nos données de 2014 montraient que beaucoup de travailleuses du sexe dépistées positives lors de nos activités de proximité ne se présentaient jamais au centre de traitement. D’autres commençaient le traitement puis l’abandonnaient après quelques mois, souvent à cause d’un déménagement, d’un manque d’argent pour le transport ou de la peur d’être reconnues.',
        'Nous voulions que le dépistage ne soit plus une fin en soi, mais le début d’un parcours de soins accompagné.',
      ],
      context: [
        'Au Burundi, le travail du sexe est pénalisé et les femmes subissent régulièrement des arrestations et des violences. La crise politique de 2015 a aggravé la situation : insécurité, déplacements de population, hausse des prix et fermeture temporaire de certains services.',
        'Notre organisation est une petite structure communautaire qui travaille avec des travailleuses du sexe dans plusieurs quartiers de la capitale. Le traitement antirétroviral est gratuit, mais les centres sont souvent éloignés et engorgés.',
      ],
      key_elements: [
        {
          bullets: [
            'Douze travailleuses du sexe, dont plusieurs vivant avec le VIH, ont été formées comme pairs éducatrices sur le dépistage, le traitement, l’observance et l’écoute.',
            'Chaque femme dépistée positive se voit proposer une pair éducatrice qui l’accompagne physiquement à sa première consultation et reste son contact.',
            'Les pairs éducatrices appellent ou rendent visite aux femmes avant chaque rendez-vous et aident au transport si nécessaire.',
            'Des groupes d’observance mensuels permettent aux femmes de partager leurs difficultés et de récupérer leurs médicaments à tour de rôle pour les autres.',
            'Pendant la crise, les pairs éducatrices ont gardé le contact par téléphone et ont aidé les femmes déplacées à trouver un nouveau centre.',
          ],
        },
      ],
      outcomes: [
        'En 2015, 212 femmes dépistées positives ont été accompagnées. Plus de neuf sur dix ont commencé un traitement, et la grande majorité étaient toujours suivies un an plus tard, malgré la crise. Avant le projet, moins de la moitié des femmes dépistées commençaient un traitement.',
        'Deux centres de traitement ont accepté que les pairs éducatrices soient présentes certains jours pour accueillir les femmes, et le programme national a cité notre approche comme exemple lors d’une réunion de coordination.',
      ],
      lessons: [
        'La continuité des soins repose sur une relation de confiance : une pair qui connaît la réalité du travail du sexe est la meilleure garantie que la femme reviendra.',
        'En temps de crise, les réseaux communautaires tiennent quand les services s’arrêtent. Nos pairs éducatrices étaient souvent les seules à savoir où se trouvaient les femmes.',
        'Il faut prendre soin des pairs éducatrices : rémunération régulière, supervision et protection contre les risques qu’elles prennent en se déplaçant.',
      ],
    },
  },
  {
    organisation: 'espoir',
    authors: ['yao'],
    call: 'lse-2',
    title: 'Travailleurs du sexe masculins et jeunes LGBTI : adapter l’offre de services à Abidjan et Bouaké',
    summary:
      'Les services pour travailleuses du sexe ne touchaient pas les hommes et les personnes trans qui vendent du sexe. Nous avons cartographié ces populations avec elles et adapté nos horaires, nos messages et nos lieux d’intervention.',
    language: 'fr',
    visibility: 'public',
    status: 'published',
    countries: ['CI'],
    populations: ['sex_workers', 'msm', 'young_people'],
    topics: ['programming-for-male-and-lgbti-sex-workers', 'working-with-young-people-who-sell-sex', 'what-is-sex-work'],
    freeTags: ['cartographie communautaire'],
    createdOn: '2016-02-20',
    submittedOn: '2016-03-27',
    publishedOn: '2016-05-25',
    reviewer: 'animatrice',
    sections: {
      problem: [
        'Dans nos villes, les programmes de prévention pour les travailleuses du sexe existent depuis longtemps. Mais les hommes et les personnes trans qui vendent du sexe restaient invisibles : ils ne se reconnaissaient pas dans les messages conçus pour les femmes, et beaucoup ne se considéraient pas eux-mêmes comme « travailleurs du sexe ».',
        'Nos pairs éducateurs HSH rencontraient pourtant de nombreux jeunes hommes qui échangeaient des relations sexuelles contre de l’argent, un logement ou des cadeaux, souvent sans préservatif lorsque le client payait davantage.',
      ],
      context: [
        'La Côte d’Ivoire ne pénalise ni l’homosexualité ni le travail du sexe en tant que tel, mais le racolage et le proxénétisme sont réprimés, et la stigmatisation envers les hommes qui vendent du sexe est double. La prévalence du VIH chez les HSH y est bien plus élevée que dans la population générale.',
        'Notre réseau est dirigé par des jeunes LGBTI et intervient à Abidjan et à Bouaké. Nous n’avions jusque-là aucune activité spécifique au travail du sexe.',
      ],
      key_elements: [
        {
          bullets: [
            '**Une cartographie communautaire**, menée par six pairs qui vendent eux-mêmes du sexe, pour identifier les lieux, les horaires et les applications de rencontre utilisés, sans jamais recueillir de noms.',
            '**Des messages adaptés** : ne pas imposer l’étiquette « travailleur du sexe », parler de « rencontres payées » et des risques liés aux clients qui paient plus pour un rapport sans préservatif.',
            '**Des horaires de nuit** et une présence sur les applications, en complément des sorties dans les bars et les maquis.',
            '**Un paquet de services** : préservatifs et gel, dépistage, prise en charge des IST, orientation vers la prophylaxie post-exposition et soutien en cas de violence.',
          ],
        },
      ],
      outcomes: [
        'La cartographie a identifié plus de 40 lieux et environ 500 hommes et personnes trans qui vendent du sexe, une population que personne n’avait comptée. En huit mois, 318 d’entre eux ont été dépistés, dont la moitié pour la première fois.',
        'Le programme national a intégré les travailleurs du sexe masculins dans son nouveau plan d’action, en citant nos données. Plusieurs pairs de la cartographie sont devenus des animateurs réguliers du réseau.',
      ],
      lessons: [
        'Les mots comptent : beaucoup de jeunes refusaient l’étiquette « travailleur du sexe ». Partir de leur propre vocabulaire a ouvert la discussion.',
        'La cartographie communautaire produit à la fois des données et des leaders, à condition qu’elle soit menée par les personnes concernées et que la sécurité des données soit pensée dès le départ.',
        'Les programmes pour les travailleurs du sexe masculins et LGBTI ne peuvent pas être de simples copies des programmes pour les femmes.',
      ],
    },
  },
  {
    organisation: 'zambezi',
    authors: ['mwansa'],
    call: 'lse-2',
    title: 'From project beneficiaries to board members: supporting a sex worker-led organisation to stand on its own',
    summary:
      'Over three years we handed over our sex work programme to a sex worker-led organisation that grew out of it, with its own board, bank account and grants. We describe what helped, what went wrong and what we would do differently.',
    language: 'en',
    visibility: 'public',
    status: 'published',
    countries: ['ZM'],
    populations: ['sex_workers'],
    topics: ['building-sex-worker-organisations-and-movements', 'advocacy'],
    freeTags: ['organisational development', 'core funding'],
    createdOn: '2016-02-14',
    submittedOn: '2016-03-22',
    publishedOn: '2016-05-10',
    reviewer: 'facilitator',
    sections: {
      problem: [
        'For years our sex work programme was designed, managed and reported on by our staff, while sex workers were ‘peer educators’ paid small stipends. At meetings with donors and government, we spoke on behalf of sex workers. The peer educators told us, politely but clearly, that this had to change.',
        'We also saw that our programme could end with a single grant, while a community organisation could survive and speak for itself for much longer.',
      ],
      context: [
        'Sex work is criminalised in Zambia, which made registering an organisation of sex workers difficult: the first application was refused because of its name. Many donors would only fund registered organisations with audited accounts.',
        'The peer educators had strong leadership and organising skills but little experience of budgets, reports or governance. Our own staff, none of them with lived experience of sex work, were used to being in charge, and our donor reports counted sex workers as beneficiaries rather than partners.',
      ],
      key_elements: [
        {
          ordered: [
            '**An honest agreement.** We agreed with the peer educators on a three-year handover plan, with clear steps and a date by which the programme would be theirs.',
            '**Registration.** The organisation registered as a health and rights association under a neutral name, with a constitution written by its members.',
            '**Skills transfer.** Our finance officer worked alongside their treasurer for a year; they wrote their first two reports with us and the third alone.',
            '**Shared grants, then separate grants.** We included them as sub-grantees, then supported their own applications, including one for core costs.',
            '**Stepping back.** We stopped speaking for sex workers in national meetings and made sure their representatives were invited instead.',
          ],
        },
      ],
      outcomes: [
        'The organisation now has 14 staff, all current or former sex workers, a board elected by members and three grants of its own. It sits on the national key populations technical working group and led the sex worker consultation for the country’s funding request to an international fund.',
        'Our own role has changed to that of an ally: we provide technical support when asked and share office space at low cost.',
      ],
      lessons: [
        'Letting go is harder than it sounds. Our staff felt they were losing their work, and at times we held on to decisions we had promised to hand over. Naming this openly helped.',
        'Core funding is essential. Project grants paid for activities but not for rent, a finance officer or an audit; the first core grant was a turning point.',
        'Growth can be a risk. The new organisation grew fast and struggled with internal conflict in its second year; a mentor from another sex worker-led organisation helped more than we could.',
      ],
    },
  },
  {
    organisation: 'puentes',
    authors: ['sofia'],
    call: 'lse-2',
    title: 'Organising for safety: trans women sex workers and neighbourhood alert networks in Colombia',
    summary:
      'Trans women who sell sex in two Colombian cities built alert networks to warn each other of violent clients and police operations, and used their records to negotiate with local authorities. We share this experience from Latin America as invited guests.',
    language: 'en',
    visibility: 'public',
    status: 'published',
    countries: ['CO'],
    populations: ['transgender', 'sex_workers'],
    topics: ['programming-for-male-and-lgbti-sex-workers', 'vulnerability-and-risk', 'building-sex-worker-organisations-and-movements'],
    freeTags: ['Latin America', 'south-south learning'],
    createdOn: '2016-02-22',
    submittedOn: '2016-03-28',
    publishedOn: '2016-05-30',
    reviewer: 'facilitator',
    sections: {
      problem: [
        'Trans women who sell sex in the cities where we work face extreme violence: from clients, from armed groups controlling some areas and sometimes from police. Several women from our community were killed in 2013 and 2014, and most attacks were never investigated.',
        'The women were already warning each other informally, by word of mouth and phone calls, but information was lost and nobody kept a record that could be used to demand protection.',
      ],
      context: [
        'Colombia’s Constitutional Court has recognised the rights of trans people and of sex workers in several decisions, and sex work itself is not a crime. In practice, however, local authorities often treat trans sex workers as a public order problem, and the armed conflict has left some neighbourhoods under the control of groups that ‘clean’ the streets.',
        'Our collective works with trans women and sex workers and is one of the Latin American partners invited to share experience with the African network.',
      ],
      key_elements: [
        {
          bullets: [
            '**Alert networks by street**: in each area a trusted woman coordinates a messaging group, where women share descriptions of violent clients, vehicles and police operations.',
            '**Simple rules**: no photographs of colleagues, no names, and messages deleted after a week, except incident reports kept in a secure log.',
            '**Incident log**: with consent, the coordinators record attacks in a shared form, which our staff analyse every month.',
            '**Safety kits and accompaniment**: whistles, phone credit, and a companion for women who need to report an attack.',
            '**Negotiation with authorities**: we present the anonymised data to the local ombudsman’s office and to police commanders.',
          ],
        },
      ],
      outcomes: [
        'Within a year, six alert networks were active, with about 220 women. Women say they now refuse clients who have been flagged and feel less alone at night. The incident log recorded 96 attacks, which formed the basis of a report presented to the city council.',
        'In one city, the ombudsman’s office opened a specific channel for complaints from trans women, and police agreed to a protocol for operations in areas where sex work takes place.',
      ],
      lessons: [
        'Community knowledge protects lives when it is organised: the networks only formalised what women were already doing.',
        'Data gathered by the community give it a voice with authorities, but only if confidentiality is absolute.',
        'The exchange with African colleagues showed us how similar our challenges are. Police violence, stigma and the importance of being led by sex workers themselves cross all borders.',
      ],
    },
  },
  {
    organisation: 'kalahari',
    authors: ['kagiso', 'neo'],
    call: 'lse-2',
    title: 'Community-led monitoring: sex workers score their clinics',
    summary:
      'Sex workers designed a scorecard on the quality of services at six public clinics and collected feedback every quarter. The results were discussed with clinic managers, who agreed concrete improvements.',
    language: 'en',
    visibility: 'event',
    status: 'published',
    countries: ['BW'],
    populations: ['sex_workers'],
    topics: ['the-role-of-communities-in-providing-the-continuum-of-care', 'advocacy', 'vulnerability-and-risk'],
    freeTags: ['community-led monitoring', 'scorecards'],
    createdOn: '2016-02-16',
    submittedOn: '2016-03-23',
    publishedOn: '2016-05-15',
    reviewer: 'facilitator',
    sections: {
      problem: [
        'Sex workers regularly told our peer educators about poor treatment at public clinics: long waits, judgemental comments, breaches of confidentiality and stock-outs of condoms and medicines. But these complaints remained anecdotes, and clinic managers dismissed them as exaggerations.',
        'We wanted to turn individual complaints into evidence that health managers could not ignore, and to put sex workers themselves in charge of gathering it.',
      ],
      context: [
        'Sex work is criminalised in Botswana, but public health policy recognises sex workers as a key population for HIV prevention. Public clinics are generally well equipped, but staff attitudes vary greatly from one facility to another.',
        'District health management teams had recently started quarterly quality reviews, which gave us a natural place to present findings.',
        'Sex workers themselves were sceptical at first: they doubted that complaining would change anything, and feared being refused care if they were recognised as the source of criticism.',
      ],
      key_elements: [
        {
          bullets: [
            '**A scorecard designed by sex workers**: twelve questions on waiting time, respect, confidentiality, availability of condoms and lubricant, and whether the person would come back.',
            '**Trained monitors**: ten sex workers trained to collect feedback from peers after clinic visits, on paper and by phone, without recording names.',
            '**Quarterly scores** for each of six clinics, presented in simple charts.',
            '**Interface meetings**: monitors and clinic managers discuss the results together and agree on two or three actions, which are checked at the next round.',
          ],
        },
      ],
      outcomes: [
        'Over four quarters, monitors gathered more than 900 completed scorecards. The average respect score across the six clinics rose steadily, and the two clinics with the lowest scores improved the most after their managers took part in interface meetings.',
        'Concrete changes included a private room for consultations at one clinic, lubricant being stocked at all six, and a named focal person at each facility. The district health team now includes the scorecard results in its own quality review.',
      ],
      lessons: [
        'Evidence collected by the community is hard to dismiss when it is systematic and presented constructively. Managers responded better to charts than to complaints.',
        'The interface meetings must be safe for monitors; we always had a staff member present and agreed beforehand that no individual sex worker would be identified.',
        'We chose to share this case study with the participants of the event only, because the clinic results could be traced to individual facilities and staff.',
      ],
    },
  },
  {
    organisation: 'lumiere',
    authors: ['redacteur'],
    call: 'lse-2',
    title: 'Qu’est-ce que le travail du sexe ? Des ateliers de clarification des valeurs avec le personnel de santé',
    summary:
      'Nous avons animé des ateliers de clarification des valeurs pour le personnel de santé de trois districts, avec des travailleuses du sexe comme co-animatrices. Les attitudes déclarées ont évolué et les femmes ont constaté un meilleur accueil.',
    language: 'fr',
    visibility: 'members',
    status: 'archived',
    countries: ['SN'],
    populations: ['sex_workers'],
    topics: ['what-is-sex-work', 'advocacy', 'vulnerability-and-risk'],
    freeTags: ['clarification des valeurs', 'personnel de santé'],
    createdOn: '2016-02-17',
    submittedOn: '2016-03-21',
    publishedOn: '2016-05-08',
    closedOn: '2018-01-15',
    reviewer: 'animatrice',
    sections: {
      problem: [
        'Les travailleuses du sexe nous disaient que certains soignants les jugeaient, leur faisaient la morale ou refusaient de leur donner des préservatifs en quantité suffisante. Ces attitudes venaient souvent de représentations : le travail du sexe vu comme un vice, une maladie ou uniquement comme de l’exploitation.',
        'Les formations classiques sur les IST ne touchaient pas ces représentations. Il fallait permettre aux soignants de se poser eux-mêmes la question : qu’est-ce que le travail du sexe, et qui sont les femmes qui l’exercent ?',
      ],
      context: [
        'Au Sénégal, le suivi sanitaire des travailleuses du sexe inscrites est assuré par les structures publiques, ce qui met les soignants en contact direct avec elles. Le personnel est souvent surchargé et n’a reçu aucune formation sur les droits humains.',
        'Notre association avait de bonnes relations avec trois médecins-chefs de district, qui ont accepté que les ateliers se tiennent pendant le temps de travail.',
      ],
      key_elements: [
        {
          bullets: [
            'Des ateliers d’une journée, pour 15 à 20 soignants de tous les services, y compris l’accueil et la pharmacie.',
            'Des exercices de clarification des valeurs : se positionner sur des affirmations, discuter de ses propres réactions, distinguer ses convictions de ses obligations professionnelles.',
            'Une co-animation par une travailleuse du sexe formée, qui partage son expérience de patiente et répond aux questions.',
            'Un engagement concret de chaque service à la fin de l’atelier, revu trois mois plus tard.',
          ],
        },
      ],
      outcomes: [
        'Onze ateliers ont réuni 186 soignants. Les questionnaires avant et après montrent une nette baisse des réponses stigmatisantes, par exemple sur l’idée que les travailleuses du sexe « méritent » les infections qu’elles contractent.',
        'Lors du suivi, la plupart des services avaient tenu leur engagement : distribution de préservatifs sans limitation, consultations dans une salle fermée, ou accueil sans commentaire sur la tenue. Les paires éducatrices rapportent un accueil plus respectueux dans les structures concernées.',
      ],
      lessons: [
        'Changer les attitudes demande de travailler sur les valeurs, pas seulement sur les connaissances. La co-animation par une travailleuse du sexe a été le moment le plus marquant pour les soignants.',
        'L’engagement des médecins-chefs est décisif : sans eux, les soignants n’auraient pas été libérés pour participer.',
        'Les effets s’estompent avec la rotation du personnel. Nous avons depuis intégré ce module dans un guide de formation plus complet ; cette étude de cas est archivée et remplacée par ce guide.',
      ],
    },
  },
  {
    organisation: 'horizon',
    authors: ['ndayishimiye'],
    call: 'lse-2',
    title: 'Dialogue avec la police sur les arrestations de travailleuses du sexe',
    summary:
      'Une expérience de dialogue entre des travailleuses du sexe, notre organisation et des responsables de la police de quartier. Étude de cas retirée par l’organisation avant l’événement pour des raisons de sécurité.',
    language: 'fr',
    visibility: 'private',
    status: 'withdrawn',
    countries: ['BI'],
    populations: ['sex_workers'],
    topics: ['decriminalisation-of-sex-work', 'advocacy', 'vulnerability-and-risk'],
    freeTags: ['police'],
    createdOn: '2016-02-19',
    submittedOn: '2016-03-18',
    closedOn: '2016-03-30',
    sections: {
      problem: [
        'Les travailleuses du sexe que nous accompagnons sont régulièrement arrêtées lors de rafles, parfois plusieurs fois par mois. Pendant la garde à vue, elles subissent souvent des violences et des extorsions, et les préservatifs trouvés sur elles sont confisqués.',
        'Chaque arrestation interrompt aussi le traitement des femmes vivant avec le VIH et les expose à perdre leur logement. Nous avons voulu chercher, avec prudence, un espace de dialogue avec les responsables de la police de quartier.',
      ],
      context: [
        'Au Burundi, le travail du sexe est pénalisé. Depuis la crise politique de 2015, le contexte sécuritaire est tendu, les organisations de la société civile sont surveillées de près et les responsables locaux changent souvent.',
        'Notre organisation avait déjà des contacts avec un officier de police sensibilisé à la santé publique, rencontré lors d’une formation sur le VIH organisée par le ministère de la Santé.',
      ],
      key_elements: [
        'Nous avons d’abord organisé des rencontres individuelles avec deux responsables de commissariat, présentées comme des échanges sur la santé publique et le VIH.',
        'Ensuite, trois réunions ont réuni des policiers, des paires éducatrices et notre juriste, autour de cas anonymisés : confiscation des préservatifs, gardes à vue prolongées, accès aux médicaments en détention.',
        'Nous avons enfin proposé une courte fiche rappelant la procédure légale de garde à vue et l’importance de laisser les personnes prendre leur traitement.',
      ],
      outcomes: [
        'Dans les deux commissariats concernés, les confiscations de préservatifs ont diminué selon les paires éducatrices, et deux femmes détenues ont pu recevoir leur traitement grâce à l’intervention de l’officier de liaison.',
        'Cependant, un changement de responsables a interrompu le dialogue au bout de quelques mois. Nous avons alors jugé que décrire ce travail, même de façon limitée, pouvait exposer les personnes qui y avaient participé.',
      ],
      lessons: [
        'Le dialogue avec la police est possible au niveau local, à partir de la santé publique plutôt que des droits, mais il dépend beaucoup des personnes en poste.',
        'La sécurité des participantes passe avant la visibilité de nos résultats : nous avons retiré cette étude de cas de l’appel et la gardons privée.',
        'Il faut prévoir dès le départ ce qui se passe si le contexte se dégrade et qui décide d’arrêter.',
      ],
    },
  },
  // ——— Outside any event ———
  {
    organisation: 'pwani',
    authors: ['rehema', 'juma'],
    title: 'Meeting people where they are: needle and syringe outreach and a harm reduction drop-in on the coast',
    summary:
      'Peer outreach workers who use or have used drugs distribute clean injecting equipment, naloxone information and referrals in the places where people inject, and a small drop-in offers rest, wound care and a link to methadone.',
    language: 'en',
    visibility: 'public',
    status: 'published',
    countries: ['TZ'],
    populations: ['pwud'],
    topics: ['peer-education', 'community-engagement', 'health-care-systems'],
    freeTags: ['harm reduction', 'needle and syringe programmes', 'opioid substitution'],
    createdOn: '2016-08-10',
    publishedOn: '2016-10-03',
    sections: {
      problem: [
        'Heroin use has been common in the coastal towns where we work for many years, and injecting has increased. People who inject were sharing needles and syringes, developing abscesses that went untreated, and dying of overdoses that could have been prevented. HIV and hepatitis C were spreading fast among them, and to their sexual partners.',
        'Public health services saw people who use drugs as a police matter. Many of the people we met had not seen a health worker in years, except in prison.',
      ],
      context: [
        'Tanzania was one of the first countries in the region to introduce methadone treatment, and national guidelines recognise harm reduction. But drug use remains criminalised, police operations in ‘drug hot spots’ are frequent, and carrying syringes can lead to arrest.',
        'Women who inject are a minority and are even more hidden; many also sell sex. Our organisation was founded by people in recovery and people who still use drugs, and most of our staff have lived experience.',
      ],
      key_elements: [
        {
          bullets: [
            '**Peer outreach** in the places where people use, morning and evening, by outreach workers who know the area and are known there.',
            '**Clean equipment**: needles and syringes, swabs and safe disposal containers, with used equipment collected back.',
            '**Overdose response**: training on recognising an overdose and what to do, and advocacy for naloxone to be available in the community.',
            '**A drop-in** open five days a week: a place to rest and wash, wound care by a nurse, HIV and hepatitis testing, and referrals to the methadone clinic.',
            '**Women-only hours** twice a week, with a female nurse and outreach worker.',
            '**A police liaison**: regular meetings with district police to explain the programme and reduce arrests of outreach workers and clients.',
          ],
        },
      ],
      outcomes: [
        'In the first year, outreach workers reached 1,140 people who inject and distributed more than 90,000 needles and syringes, with a return rate of about two thirds. The nurse treated more than 400 abscesses and wounds, and 260 people were referred to the methadone clinic, of whom most enrolled.',
        'Women-only hours brought 85 women to the drop-in, many for the first time. Arrests of outreach workers while carrying equipment stopped after the police liaison meetings began.',
      ],
      lessons: [
        'People who use drugs are the experts on reaching other people who use drugs. Peer outreach workers with lived experience were trusted in places where no health worker could go.',
        'Harm reduction starts with basic needs. Wound care and a place to wash brought people in; testing and methadone came later.',
        'Women need their own space and time; otherwise they do not come.',
        'Relationships with the police need constant maintenance, because officers rotate frequently. We now hold a short briefing every time a new commander arrives.',
      ],
    },
  },
  {
    organisation: 'ubuntu',
    authors: ['lerato'],
    title: 'A seat that counts: legitimate participation of key populations in national HIV planning',
    summary:
      'Key populations had a seat on the committee drafting the provincial HIV plan, but little influence. We organised constituency consultations, prepared representatives and tracked what happened to their proposals.',
    language: 'en',
    visibility: 'public',
    status: 'published',
    countries: ['ZA'],
    populations: ['lgbti', 'transgender', 'sex_workers', 'msm'],
    topics: ['advocacy', 'community-engagement'],
    freeTags: ['legitimate participation', 'national HIV planning'],
    createdOn: '2016-09-05',
    publishedOn: '2016-11-14',
    sections: {
      problem: [
        'Key populations had formally been included in HIV planning for several years: one representative sat on the committee drafting the provincial strategic plan. Yet when the draft came out, it barely mentioned trans people and said nothing about violence against sex workers. Our representative told us she had felt isolated, received documents a day before meetings and had no mandate to speak for anyone but herself.',
        'We realised that having a seat is not the same as having a voice.',
      ],
      context: [
        'South Africa has a strong tradition of civil society participation in HIV governance, with councils at national, provincial and district levels. Key populations, however, were represented by a single ‘sector’ seat shared by very different communities, with no resources for consultation.',
        'The provincial plan was being revised to align with the next national strategic plan, which gave us a window of about eight months.',
      ],
      key_elements: [
        {
          ordered: [
            '**Constituency consultations**: five meetings with LGBTI people, trans people, sex workers and people who use drugs in different districts, with transport and childcare costs covered, to agree priorities.',
            '**A clear mandate**: a short written list of priorities that the representative could present as the position of the constituency, not a personal opinion.',
            '**Preparation**: before each committee meeting, a briefing with a policy adviser to read the documents and prepare interventions.',
            '**Alliances**: meetings with other sectors, such as women’s and youth representatives, to agree joint proposals.',
            '**Tracking**: a simple table of every proposal made, the response and the final text, shared back with the constituencies.',
          ],
        },
      ],
      outcomes: [
        'Of the eleven priorities agreed in the consultations, seven were reflected in the final provincial plan, including targets for services for trans people and a commitment to address violence against sex workers. The plan now has a chapter on key populations with its own indicators.',
        'The key populations sector was given a second seat on the council, and the province agreed to fund two consultations a year. Community members who attended the consultations said it was the first time they had seen what happened to their input.',
      ],
      lessons: [
        'Legitimate participation needs a constituency behind the seat. The representative’s influence grew once she could speak with a mandate.',
        'Participation costs money: transport, meals, childcare and time for preparation. Without them, only the same few people can take part.',
        'Reporting back is part of participation. The tracking table built trust and showed communities that their time was worth it.',
        'Representatives need support after meetings as well as before: being the only person from a stigmatised community in the room is tiring, and a debrief with peers helped our representative carry on.',
      ],
    },
  },
  {
    organisation: 'tumaini',
    authors: ['editor'],
    title: 'Counting what matters: using our own programme data to change a county’s HIV plan',
    summary:
      'We reorganised the data our partners already collected, added a few questions that mattered to key populations, and presented the results to the county health team. The county added key population targets and a budget line to its HIV plan.',
    language: 'en',
    visibility: 'members',
    status: 'published',
    countries: ['KE'],
    populations: ['msm', 'sex_workers'],
    topics: ['advocacy', 'health-care-systems'],
    freeTags: ['data and evidence', 'county planning'],
    createdOn: '2017-01-16',
    publishedOn: '2017-03-20',
    sections: {
      problem: [
        'When Kenya devolved health services to counties, HIV plans and budgets began to be decided at county level. In the county where our partners work, the first HIV plan did not mention key populations at all. Officials told us there was ‘no data’ showing that men who have sex with men or sex workers were a priority in their county.',
        'In fact, our partners had been collecting data for years, but only to fill in donor reports. Nobody had looked at it as evidence for the county.',
      ],
      context: [
        'Our partners in the county ran outreach, testing and drop-in services for MSM and sex workers, each reporting to different donors in different formats. County health staff were open to evidence but overwhelmed, and the planning cycle left only a few weeks for input.',
        'Any data about key populations is sensitive: lists of names or locations could expose people to harassment or arrest. We had to use data without putting anyone at risk.',
      ],
      key_elements: [
        {
          bullets: [
            '**A data review**: with two partners, we pooled three years of anonymised, aggregated service data: people reached, tested, diagnosed and linked to treatment.',
            '**A few new questions**: for six months, outreach workers asked about violence and about being refused services at public clinics, using a short form with no names.',
            '**Simple analysis**: a volunteer epidemiologist helped us produce five charts and one page of key messages.',
            '**Safe presentation**: we presented only county-level figures, never locations or small groups that could identify anyone.',
            '**The right moment**: we asked to present at the county’s planning meeting, and brought a county official who had visited the drop-in centre as our ally.',
          ],
        },
      ],
      outcomes: [
        'The data showed that key population services in the county accounted for nearly a quarter of all new HIV diagnoses, while receiving no county funding. One in three people surveyed had been refused a service at a public facility in the previous six months.',
        'The revised county HIV plan included targets for key populations, a budget line for lubricant and condoms, and training for health workers. Our partners now send a short quarterly data summary to the county health team, and the format has been adopted by two neighbouring counties.',
      ],
      lessons: [
        'Organisations often have more evidence than they think; the work is in turning donor reports into a story that decision makers can use.',
        'Safety comes first: aggregate data, no locations, no small numbers. We wrote these rules down before the analysis began.',
        'Data alone do not change plans. The county official who had seen the services for herself made the numbers credible.',
      ],
    },
  },
  {
    organisation: 'mhuri',
    authors: ['chipo', 'tatenda'],
    title: 'Caring for the carers: mental health support for trans peer workers',
    summary:
      'Our peer navigators and outreach workers were exhausted by the violence and loss they witnessed. We are piloting regular supervision, peer support circles and a small wellbeing fund. Draft in progress.',
    language: 'en',
    visibility: 'private',
    status: 'draft',
    countries: ['ZW'],
    populations: ['transgender'],
    topics: ['peer-education', 'safety-and-security'],
    freeTags: ['mental health and psychosocial support', 'burnout'],
    createdOn: '2026-09-14',
    updatedOn: '2026-11-02',
    sections: {
      problem: [
        'Our peer navigators and outreach workers are trans women and men who support their peers through HIV care, arrests, evictions and violence. Many of them carry their own experiences of rejection and assault. In the past two years, three of our most experienced peer workers left, each saying, in different words, that they could not carry any more.',
        'We had invested in training peer workers to support others, but almost nothing in supporting them.',
      ],
      context: [
        'Mental health services in Zimbabwe are scarce and concentrated in a few hospitals, and very few counsellors have any understanding of gender identity. Our peer workers feared that seeking help would expose them or lead to being told that being trans was itself the problem.',
        'Our funding, like most, pays for activities and targets, not for the wellbeing of the people who deliver them.',
      ],
      key_elements: [
        {
          bullets: [
            '**Monthly supervision** for every peer worker with an external counsellor who has worked with LGBTI people, paid from our core budget.',
            '**Peer support circles** every two weeks, without managers present, where peer workers can talk about difficult cases and their own feelings.',
            '**A wellbeing fund**: a small amount each peer worker can use for rest, health or a day away, no questions asked.',
            '**Workload limits**: no more than fifteen active clients per navigator and no more than two night shifts a week.',
          ],
        },
      ],
      outcomes: [
        'It is too early to report firm results; the pilot started six months ago. So far, every peer worker has attended supervision at least four times, and the support circles meet regularly. No peer worker has left during the pilot.',
        'We are collecting simple before-and-after measures of stress and job satisfaction, and will add them here.',
      ],
      lessons: [
        'Our first lesson is that the people doing the hardest work often ask for the least. Peer workers did not request support until we named the problem at a staff meeting.',
        'To be completed when the pilot ends: what worked, what it cost and how we will convince donors to pay for it.',
      ],
    },
  },
  {
    organisation: 'espoir',
    authors: ['yao', 'adjoua'],
    title: 'Groupes de parole en ligne pour les jeunes LGBTI : premiers enseignements',
    summary:
      'Des groupes de parole animés par des pairs sur une messagerie sécurisée, pour les jeunes LGBTI qui ne peuvent pas venir à nos locaux. Brouillon en cours de rédaction.',
    language: 'fr',
    visibility: 'organisation',
    status: 'draft',
    countries: ['CI'],
    populations: ['young_people', 'lgbti'],
    topics: ['community-engagement', 'peer-education'],
    freeTags: ['santé mentale', 'numérique'],
    createdOn: '2026-10-05',
    updatedOn: '2026-11-20',
    sections: {
      problem: [
        'Beaucoup de jeunes LGBTI qui nous contactent vivent loin d’Abidjan ou chez des parents qui ne savent rien de leur orientation sexuelle ou de leur identité de genre. Ils ne peuvent pas venir à nos groupes de parole en présentiel, et se sentent très seuls. Certains nous écrivent tard le soir, en détresse.',
        'Nous avons voulu leur offrir un espace de parole accessible depuis leur téléphone, sans les exposer.',
      ],
      context: [
        'La plupart des jeunes ont un smartphone, mais partagent parfois leur téléphone avec d’autres membres de la famille. Les données mobiles coûtent cher. Les réseaux sociaux ouverts sont des lieux de harcèlement et de dénonciation.',
        'Notre réseau avait déjà l’expérience des groupes de parole en présentiel, animés par des pairs formés avec l’appui d’une psychologue.',
      ],
      key_elements: [
        {
          bullets: [
            'Des groupes fermés de dix jeunes au maximum sur une messagerie chiffrée, avec messages éphémères.',
            'Une admission après un premier échange individuel avec un animateur, pour vérifier l’âge (18 ans et plus) et expliquer les règles de sécurité.',
            'Des séances thématiques d’une heure, deux soirs par semaine : estime de soi, relations familiales, santé sexuelle, gestion du stress.',
            'Un forfait de données offert aux participants pour chaque séance.',
            'Une orientation vers la psychologue pour les situations de crise.',
          ],
        },
      ],
      outcomes: [
        'Depuis septembre, quatre groupes ont fonctionné avec 34 participants, dont la moitié vivent hors d’Abidjan. La participation reste régulière et plusieurs jeunes ont demandé un dépistage pour la première fois.',
        'Les animateurs constatent que les jeunes abordent en ligne des sujets qu’ils n’osaient pas évoquer en présentiel, en particulier les relations avec la famille et les idées suicidaires ; trois situations de crise ont été orientées vers la psychologue.',
        'À compléter : résultats de l’évaluation de fin de cycle.',
      ],
      lessons: [
        'Premier enseignement : la sécurité numérique doit être expliquée simplement et rappelée à chaque séance, car les jeunes la négligent vite.',
        'Deuxième enseignement : les animateurs ont besoin d’un temps de débriefing après chaque séance, car les échanges du soir sont souvent lourds.',
        'À compléter avec l’équipe après la fin du premier cycle.',
      ],
    },
  },
  // ——— Refresher meeting 2027: the open call ———
  {
    organisation: 'amani',
    authors: ['nakato'],
    call: 'refresher-2027',
    title: 'Keeping the paralegal line open after the project ended',
    summary:
      'Since the LSE in Dakar, our sex worker paralegal line has survived the end of its original grant. We describe how members, allies and a small county contribution kept it running, and what we had to cut.',
    language: 'en',
    visibility: 'organisation',
    status: 'changes_requested',
    countries: ['UG'],
    populations: ['sex_workers'],
    topics: ['decriminalisation-of-sex-work', 'building-sex-worker-organisations-and-movements', 'advocacy'],
    freeTags: ['paralegal support', 'sustainability'],
    createdOn: '2026-09-20',
    submittedOn: '2026-10-28',
    updatedOn: '2026-11-21',
    reviewer: 'facilitator',
    sections: {
      problem: [
        'The 24-hour paralegal line we presented at LSE 2 was funded by a three-year grant that ended in 2018. Arrests of sex workers did not end with it. Our members made it clear that losing the line would be the first thing they would notice, and the last thing they would accept.',
        'We had to find a way to keep the core of the service alive with a fraction of the money.',
      ],
      context: [
        'The legal situation of sex workers in Uganda has not improved, and police sweeps continue, especially before public events. Donor funding for key populations has become more competitive, and many funders prefer new projects to ongoing services.',
        'Our forum has grown, with more members and a stronger leadership, but our budget has not grown with it. Some of the original paralegals have moved on, and the newer ones were trained by their peers rather than by lawyers.',
      ],
      key_elements: [
        {
          bullets: [
            '**A smaller, sharper service**: the line now runs at night and at weekends only, when most arrests happen, with six paralegals instead of fifteen.',
            '**Member contributions**: members contribute a small amount each month to a solidarity fund that pays for phone credit and transport to police stations.',
            '**Pro bono lawyers**: an agreement with a university legal clinic, whose supervised students follow up cases in court.',
            '**Public funding**: after two years of advocacy, the district agreed to fund paralegal training as part of its gender-based violence budget.',
          ],
        },
      ],
      outcomes: [
        'The line has operated without interruption since 2018, handling around 150 calls a year. In most cases the person arrested is still released without charge within 48 hours.',
        'For example, after one sweep last year, paralegals were at the station within the hour and all eleven people arrested were released the same morning; the solidarity fund covered their transport home. Without the original grant, the cost per call has fallen by more than half, but paralegals are now paid only a small stipend, which we see as the main risk to the service.',
      ],
      lessons: [
        'Services that communities value can survive the end of a grant if the community owns them, but only in a reduced form. Deciding together what to cut was painful and necessary.',
        'Member contributions are small in money but large in meaning: they show funders and authorities that the service belongs to sex workers.',
        'Public funding is possible even in a hostile legal environment when the service is framed as a response to violence, which local authorities are expected to address.',
      ],
    },
    changesRequested: {
      sections: {
        outcomes: [
          'The line has operated without interruption since 2018, handling around 150 calls a year. Paralegals visit police stations, ensure access to medicine and follow up cases with the legal clinic.',
          'Without the original grant, the cost per call has fallen by more than half.',
        ],
      },
      comments: [
        {
          section: 'outcomes',
          body: 'The outcomes describe what the paralegals do, but not what changed for the people they supported. Could you add an example (without details that could identify anyone), and say what happened to the paralegals’ pay once the grant ended?',
        },
      ],
    },
  },
  {
    organisation: 'zambezi',
    authors: ['mwansa'],
    call: 'refresher-2027',
    title: 'Youth-friendly corners in district clinics: reaching young MSM after the LSEs',
    summary:
      'Inspired by exchanges at LSE 1 and LSE 2, we worked with district health teams to open youth-friendly corners in four clinics, staffed by trained nurses and young peer mobilisers. Young men who have sex with men now use public services they used to avoid.',
    language: 'en',
    visibility: 'organisation',
    status: 'submitted',
    countries: ['ZM'],
    populations: ['msm', 'young_people'],
    topics: ['community-engagement', 'advocacy', 'peer-education'],
    freeTags: ['youth-friendly services', 'sustainability'],
    createdOn: '2026-09-10',
    submittedOn: '2026-11-18',
    reviewer: 'facilitator',
    sections: {
      problem: [
        'After our mobile clinic closed in 2017, young men who have sex with men in our districts were left with public clinics they did not trust. At LSE 1 and again at LSE 2, other organisations told us that sustainable services had to be built inside the public system, not beside it. We came home convinced that we needed to change our approach.',
        'Young men aged 18 to 24 had the lowest rates of testing and the highest rates of new diagnoses in our data.',
      ],
      context: [
        'Zambia’s health ministry promotes adolescent- and youth-friendly services, with dedicated spaces in some clinics, but these were designed mostly with young women and pregnancy in mind. Same-sex conduct remains criminalised, and many nurses were unsure whether they were even allowed to serve young MSM.',
        'District health teams were open to working with us because of our long partnership on the mobile clinic data.',
      ],
      key_elements: [
        {
          bullets: [
            '**Using what exists**: rather than creating a new service, we added to the existing youth-friendly corners in four clinics.',
            '**Nurse training**: two nurses per clinic trained on sexual health for young MSM, confidentiality and the law, with the district health office confirming in writing that serving everyone is their duty.',
            '**Young peer mobilisers**: eight young men recruited and paid to accompany peers to the corners and to gather feedback.',
            '**Late afternoon hours** twice a week, when young men can come after school or work.',
            '**Quarterly reviews** with the district, using simple data on visits, tests and feedback.',
          ],
        },
      ],
      outcomes: [
        'Over two years, the four corners recorded more than 1,300 visits by young men, and the number of young MSM tested for HIV in the districts more than tripled. Feedback collected by peer mobilisers was mostly positive, with confidentiality as the main remaining concern.',
        'The districts now budget for the nurse training, and one district has extended the model to two more clinics without our funding.',
      ],
      lessons: [
        'What we learned at the LSEs proved right: working inside the public system is slower, but it lasts. The corners kept running during a six-month gap in our own funding.',
        'A letter from the district health office reassured nurses more than any training. Clear institutional backing matters in a hostile legal environment.',
        'Young peer mobilisers need training, supervision and fair pay, just as adult peer educators do; we underestimated this at the start.',
      ],
    },
    changesRequested: {
      title: 'Youth-friendly corners in district clinics',
      sections: {
        lessons: [
          'Working inside the public system is slower, but it lasts.',
          'Young peer mobilisers need support.',
        ],
      },
      comments: [
        {
          section: 'lessons',
          body: 'This is exactly the kind of follow-up the refresher is for. Could you expand the lessons and link them explicitly to what you took away from the LSEs? A sentence each is not yet enough for others to learn from.',
        },
      ],
    },
  },
  {
    organisation: 'horizon',
    authors: ['ndayishimiye'],
    call: 'refresher-2027',
    title: 'Protéger celles et ceux qui protègent : un protocole de sécurité pour nos intervenants de terrain',
    summary:
      'Après les échanges sur la sûreté et la sécurité lors des LSE, nous avons élaboré avec nos pairs éducateurs un protocole de sécurité adapté au contexte burundais : préparation des sorties, réponse aux incidents et sécurité numérique.',
    language: 'fr',
    visibility: 'organisation',
    status: 'changes_requested',
    countries: ['BI'],
    populations: ['msm', 'sex_workers'],
    topics: ['safety-and-security', 'working-in-hostile-environments', 'peer-education'],
    freeTags: ['sécurité numérique', 'gestion des incidents'],
    createdOn: '2026-09-25',
    submittedOn: '2026-11-03',
    updatedOn: '2026-11-16',
    reviewer: 'facilitator',
    sections: {
      problem: [
        'Nos pairs éducateurs et pairs éducatrices travaillent auprès des HSH et des travailleuses du sexe dans un contexte où leur activité peut les exposer à des arrestations, à des menaces et à des violences. Avant 2017, nous n’avions aucune règle commune : chacun gérait les risques à sa manière, et lors d’un incident, personne ne savait qui prévenir.',
        'Lors des LSE, les échanges avec d’autres organisations sur la sûreté et la sécurité nous ont montré qu’un protocole simple, écrit avec les équipes, pouvait changer beaucoup de choses.',
      ],
      context: [
        'Au Burundi, les relations entre personnes de même sexe et le travail du sexe sont pénalisés. Depuis 2015, le climat politique reste tendu et les organisations de la société civile doivent rester discrètes.',
        'Nos équipes de terrain sont composées de pairs, souvent jeunes, qui se déplacent à pied ou à moto, de jour comme de nuit, et utilisent leur téléphone personnel pour le travail.',
      ],
      key_elements: [
        {
          bullets: [
            '**Préparation des sorties** : toujours à deux, itinéraire connu du coordinateur, message convenu au départ et au retour.',
            '**Réponse aux incidents** : une liste de trois personnes à appeler, dont notre juriste, et une procédure écrite en cas d’arrestation ou d’agression.',
            '**Sécurité numérique** : téléphones professionnels, verrouillage, messages éphémères, aucune photo des bénéficiaires.',
            '**Soutien après un incident** : entretien avec un conseiller et jours de repos payés.',
          ],
        },
        'Le protocole tient sur deux pages et il est relu chaque année avec toute l’équipe.',
      ],
      outcomes: [
        'Depuis son adoption, le protocole a été activé à plusieurs reprises. Dans chaque cas, un membre de l’équipe a été joint rapidement et les pairs éducateurs arrêtés ont été assistés. Aucun membre de l’équipe n’a démissionné pour des raisons de sécurité.',
        'Les pairs éducateurs disent se sentir moins seuls et mieux préparés. Ils partagent aussi moins d’informations sensibles sur leur téléphone personnel, et chaque nouveau membre de l’équipe est formé au protocole dès son arrivée.',
      ],
      lessons: [
        'Un protocole écrit avec les équipes est appliqué ; un protocole imposé reste dans un tiroir.',
        'La sécurité comprend aussi le soin : le soutien après un incident est ce qui permet aux pairs de continuer.',
        'Il faut tester régulièrement le protocole, par exemple par des exercices, pour qu’il fonctionne le jour où on en a besoin.',
        'Enfin, le protocole doit évoluer avec le contexte : nous le révisons après chaque période de tension.',
      ],
    },
    changesRequested: {
      sections: {
        key_elements: [
          {
            bullets: [
              '**Préparation des sorties** : toujours à deux, itinéraire connu du coordinateur.',
              '**Réponse aux incidents** : une liste de personnes à appeler et une procédure écrite.',
              '**Sécurité numérique** : téléphones professionnels et aucune photo des bénéficiaires.',
            ],
          },
          'Le protocole tient sur deux pages.',
        ],
      },
      comments: [
        {
          section: 'key_elements',
          body: 'Merci pour ce retour d’expérience très utile. Pourriez-vous préciser comment le protocole a été élaboré avec les pairs éducateurs, et ce qui est prévu pour les soutenir après un incident ? Attention aussi à ne rien décrire qui puisse faciliter l’identification de vos équipes.',
        },
      ],
    },
  },
];
