import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { addEventOrganisation } from '@/db/seed/factories';
import { buildDeckOutline, buildThemeDeckOutline, renderDeck, type DeckOutline } from '@/lib/synthesis/deck';
import { publishSynthesisReport, saveSynthesisReport, tagEvidence } from '@/lib/synthesis/mutations';
import type { MaybeViewer } from '@/lib/policy/types';
import { testDb } from '../../support/database';
import { expectAppError, thrownBy } from '../../support/errors';
import { createTestTheme, insertOrganisationOnlyCaseStudy, insertTestCaseStudy, seedSynthesisPersonas, type SynthesisPersonas } from '../../support/synthesis';

// The deck of an event's synthesis: the slide list for a given set of themes and a viewer, and the file.

let personas: SynthesisPersonas;
let safetyId: string;
let prideId: string;
let advocacyId: string;
const hiddenTitle = 'Night outreach under threat';
const hiddenMarker = 'HIDDEN-ORGANISATION-ONLY';

beforeAll(async () => {
  personas = await seedSynthesisPersonas();
  const facilitator = personas.viewers.eventFacilitator;
  addEventOrganisation(testDb(), personas.eventId, personas.otherOrganisationId);
  safetyId = createTestTheme(personas, { titleEn: 'Safety & Security', titleFr: 'Sûreté et sécurité', descriptionFr: JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Protéger les pairs.' }] }] }) });
  prideId = createTestTheme(personas, { titleEn: 'Pride', titleFr: 'Fierté' });
  advocacyId = createTestTheme(personas, { kind: 'gap', titleEn: 'Advocacy', titleFr: 'Plaidoyer' });
  const other = { organisationId: personas.otherOrganisationId, authorIds: [personas.userIds.otherOrganisationMember], visibility: 'public' as const, eventId: personas.eventId };
  const dropIn = insertTestCaseStudy({ ...other, title: 'Drop-in centre run by peers', countries: ['SN'], sections: { outcomes: 'Visits doubled once the centre opened at night.', lessons: 'Open when people can come.\nThen ask them what else they need.' } });
  const paralegals = insertTestCaseStudy({ ...other, title: 'Paralegals after arrests', countries: ['SN'], sections: { lessons: 'A phone number that always answers matters most.' } });
  const prideCase = insertTestCaseStudy({ ...other, title: 'Pride walks', countries: ['CI'], sections: { lessons: 'Visibility builds courage.' } });
  const hidden = insertOrganisationOnlyCaseStudy(personas, {
    title: hiddenTitle,
    summary: `${hiddenMarker} summary.`,
    countries: ['KE'],
    sections: { outcomes: `${hiddenMarker} outcomes.`, lessons: `${hiddenMarker} lesson.` },
  });
  const tag = (themeId: string, targetId: string, sectionKey?: string) => tagEvidence({ viewer: facilitator, input: { themeId, targetType: 'case_study', targetId, sectionKey } });
  tag(safetyId, dropIn, 'outcomes');
  tag(safetyId, hidden);
  tag(safetyId, paralegals);
  tag(prideId, prideCase);
  tag(advocacyId, paralegals, 'lessons');
  saveSynthesisReport({ viewer: facilitator, input: { eventId: personas.eventId, titleEn: 'Forecast: emerging themes', titleFr: 'Prévisions : thèmes émergents', visibility: 'members' } });
  publishSynthesisReport({ viewer: facilitator, input: { eventId: personas.eventId } });
});

const kinds = (outline: DeckOutline) => outline.slides.map((slide) => slide.kind);
const titles = (outline: DeckOutline) => outline.slides.map((slide) => slide.title);
const outlineFor = (viewer: MaybeViewer, locale: 'en' | 'fr' = 'fr') => buildDeckOutline({ viewer, eventId: personas.eventId, themeIds: [prideId, safetyId], locale });

describe('the deck outline', () => {
  it('has the chosen themes only, in the chosen order, in the requested language', () => {
    const outline = outlineFor(personas.viewers.otherOrganisationMember);
    expect(kinds(outline)).toEqual(['title', 'glance', 'theme', 'theme', 'lessons', 'closing']);
    expect(titles(outline)).toEqual(['Prévisions : thèmes émergents', 'L’événement en un coup d’œil', 'Fierté', 'Sûreté et sécurité', 'Principales leçons apprises', 'Merci']);
    expect(JSON.stringify(outline)).not.toContain('Plaidoyer');
    const safety = outline.slides[3]!;
    expect(safety).toMatchObject({ subtitle: 'Thème émergent', body: 'Protéger les pairs.' });
    // Evidence lines prefer different countries, then other case studies: one line per case study.
    expect(safety.lines).toEqual(['Persona Other Organisation — Sénégal : Visits doubled once the centre opened at night.', 'Persona Other Organisation — Sénégal : Paralegals after arrests: summary.']);
    expect(outline.slides[1]!.lines).toEqual([
      'Dates : 2–5 mars 2030',
      'Organisations : Persona Other Organisation',
      'Pays : Côte d\'Ivoire, Sénégal',
      'Études de cas : 3',
    ]);
    // Lessons from the case studies behind the chosen themes first, one short lesson each.
    expect(outline.slides[4]!.lines).toEqual([
      'Visibility builds courage. (Persona Other Organisation, Côte d\'Ivoire)',
      'Open when people can come. (Persona Other Organisation, Sénégal)',
      'A phone number that always answers matters most. (Persona Other Organisation, Sénégal)',
    ]);
    expect(outline.fileName).toBe('persona-event-synthesis-fr.pptx');
  });

  it('never carries anything of a case study the downloader may not read', () => {
    for (const viewer of [personas.viewers.otherOrganisationMember, personas.viewers.eventParticipant, personas.viewers.admin]) {
      const text = JSON.stringify(outlineFor(viewer));
      expect(text).not.toContain(hiddenMarker);
      expect(text).not.toContain(hiddenTitle);
      expect(text).not.toContain('Persona Owning Organisation');
      expect(text).not.toContain('Kenya');
    }
    // Its own organisation's members get it, by name, in the evidence and the lessons.
    const own = outlineFor(personas.viewers.organisationMember, 'en');
    expect(own.slides[3]!.lines).toContain(`Persona Owning Organisation — Kenya: ${hiddenMarker} summary.`);
    expect(own.slides[3]!.lines).toHaveLength(3);
    expect(own.slides[4]!.lines).toContain(`${hiddenMarker} lesson. (Persona Owning Organisation, Kenya)`);
    expect(own.slides[1]!.lines).toContain('Case studies: 4');
  });

  it('is for signed-in readers of the report; ids of themes the viewer may not read are ignored', () => {
    // The report is for members: a visitor may not even read it. (A public one asks them to sign in: policy.test.ts.)
    expectAppError(thrownBy(() => outlineFor(null)), 'not_found');
    const eventOnly = createTestTheme(personas, { titleEn: 'For E1 only', titleFr: 'Pour E1 seulement', visibility: 'event' });
    expect(titles(buildDeckOutline({ viewer: personas.viewers.otherOrganisationMember, eventId: personas.eventId, themeIds: [eventOnly, safetyId], locale: 'en' }))).toEqual([
      'Forecast: emerging themes',
      'The event at a glance',
      'Safety & Security',
      'Key lessons learned',
      'Thank you',
    ]);
    // Without a choice, every theme the viewer may read, by kind then order.
    expect(titles(buildDeckOutline({ viewer: personas.viewers.eventParticipant, eventId: personas.eventId, locale: 'en' })).slice(2, -2)).toEqual(['Safety & Security', 'Pride', 'For E1 only', 'Advocacy']);
  });

  it('for a single theme: title, its event at a glance, the theme, lessons from its evidence, closing', () => {
    const outline = buildThemeDeckOutline({ viewer: personas.viewers.otherOrganisationMember, themeId: safetyId, locale: 'en' });
    expect(kinds(outline)).toEqual(['title', 'glance', 'theme', 'lessons', 'closing']);
    expect(outline.slides[0]).toMatchObject({ title: 'Safety & Security', subtitle: 'Emerging theme · Persona event' });
    expect(outline.slides[3]!.lines).toEqual(['Open when people can come. (Persona Other Organisation, Senegal)', 'A phone number that always answers matters most. (Persona Other Organisation, Senegal)']);
    expect(JSON.stringify(outline)).not.toContain(hiddenMarker);
  });
});

/** The text of every <a:t> run of a slide, XML entities decoded. */
function slideText(xml: string): string {
  const decode = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((match) => decode(match[1]!)).join('\n');
}

describe('the PowerPoint file', () => {
  it('is a valid 16:9 PPTX of editable text, without the hidden case study', async () => {
    const outline = outlineFor(personas.viewers.otherOrganisationMember);
    const buffer = await renderDeck(outline);
    const zip = await JSZip.loadAsync(buffer);
    const slideFiles = Object.keys(zip.files).filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name)).sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0]));
    expect(slideFiles).toHaveLength(outline.slides.length);
    expect(await zip.file('[Content_Types].xml')!.async('string')).toContain('presentationml');
    const presentation = await zip.file('ppt/presentation.xml')!.async('string');
    expect(presentation).toMatch(/<p:sldSz cx="9144000" cy="5143500"/);

    const texts = await Promise.all(slideFiles.map(async (name) => slideText(await zip.file(name)!.async('string'))));
    expect(texts[2]).toContain('Fierté');
    expect(texts[3]).toContain('Sûreté et sécurité');
    expect(texts[3]).toContain('Visits doubled once the centre opened at night.');
    expect(texts.join('\n')).not.toContain('Plaidoyer');
    // Text, not pictures of text: no media at all, and nothing fetched from elsewhere.
    expect(Object.values(zip.files).filter((entry) => !entry.dir && entry.name.startsWith('ppt/media/'))).toEqual([]);
    for (const name of Object.keys(zip.files)) {
      const file = zip.file(name);
      if (!file) continue;
      const content = await file.async('string');
      expect(content, name).not.toContain(hiddenMarker);
      expect(content, name).not.toContain(hiddenTitle);
      expect(content, name).not.toMatch(/TargetMode="External"/);
      expect(content, name).not.toContain('otherOrganisationMember');
    }
  });

  it('keeps stored control characters out of the slide XML', async () => {
    const buffer = await renderDeck({ locale: 'en', fileName: 'x.pptx', slides: [{ kind: 'title', title: 'A\u0000B\u001Fc & <d>', lines: [] }] });
    const zip = await JSZip.loadAsync(buffer);
    expect(slideText(await zip.file('ppt/slides/slide1.xml')!.async('string'))).toBe('ABc & <d>');
  });
});
