import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import PptxGenJS from 'pptxgenjs';
import { createTranslator } from 'use-intl/core';
import { getDb } from '@/db/client';
import { caseStudies } from '@/db/schema/case-studies';
import { eventOrganisations, events } from '@/db/schema/events';
import { organisations } from '@/db/schema/organisations';
import { synthesisReports } from '@/db/schema/synthesis';
import { publishedStatuses } from '@/lib/case-studies/workflow';
import { AppError } from '@/lib/errors';
import { formatDayRange } from '@/lib/format';
import { slugify } from '@/lib/ids';
import { assertCan, can, type SynthesisFacts } from '@/lib/policy/rules';
import type { Locale, MaybeViewer } from '@/lib/policy/types';
import en from '@/messages/en.json';
import fr from '@/messages/fr.json';
import { excerptOf, linksOfThemes, readableCaseStudies, readableEvidence, sectionTexts, taxonomyLabels, type ReadableCaseStudy, type ReadableEvidence } from './evidence';
import { reportFacts, themeFacts } from './facts';
import { loadTheme, readableThemeRows, resolveMergedTheme } from './load';
import { themeTitle } from './queries';

// A PowerPoint file of an event's synthesis (or of one theme), for facilitators to present and members to
// share. Built in two steps: an outline (plain data, filtered by the policy for this viewer, tested), then
// the file (editable text boxes in system fonts; no images of text, nothing fetched from anywhere).
// Content the downloader may not read never reaches the outline, so it cannot reach the file.

export type DeckSlideKind = 'title' | 'glance' | 'theme' | 'lessons' | 'closing';
export type DeckSlide = {
  kind: DeckSlideKind;
  title: string;
  /** A short line above (theme slides: the kind) or below (title slide) the title. */
  subtitle?: string;
  /** A paragraph (theme slides: the description). */
  body?: string;
  /** Bullet lines (evidence, lessons, facts at a glance). */
  lines: string[];
};
export type DeckOutline = { locale: Locale; fileName: string; slides: DeckSlide[] };

const catalogues: Record<Locale, typeof en> = { en, fr: fr as typeof en };
const translatorFor = (locale: Locale) => createTranslator({ locale, messages: catalogues[locale], namespace: 'deck' });
type DeckTranslator = ReturnType<typeof translatorFor>;

const evidencePerTheme = 3;
const lessonsPerDeck = 6;
const descriptionLength = 420;
const evidenceExcerptLength = 170;
const lessonLength = 190;

type Labels = ReturnType<typeof taxonomyLabels>;
const countryList = (codes: readonly string[], labels: Labels) => codes.map((code) => labels.countries.get(code) ?? code).join(', ');

/**
 * Two or three pieces of evidence for a theme slide, preferring case studies from different countries,
 * then other case studies, then discussions. One line per case study even if several sections were tagged.
 */
function evidenceLines(items: readonly ReadableEvidence[], labels: Labels, t: DeckTranslator): string[] {
  const caseStudyItems = items.filter((item) => item.type === 'case_study');
  const chosen: ReadableEvidence[] = [];
  const usedCaseStudies = new Set<string>();
  const usedCountries = new Set<string>();
  const take = (item: ReadableEvidence) => {
    chosen.push(item);
    if (item.type === 'case_study') {
      usedCaseStudies.add(item.caseStudy.id);
      item.caseStudy.countries.forEach((code) => usedCountries.add(code));
    }
  };
  for (const item of caseStudyItems) {
    if (chosen.length >= evidencePerTheme) break;
    if (!usedCaseStudies.has(item.caseStudy.id) && !item.caseStudy.countries.some((code) => usedCountries.has(code))) take(item);
  }
  for (const item of caseStudyItems) {
    if (chosen.length >= evidencePerTheme) break;
    if (!usedCaseStudies.has(item.caseStudy.id)) take(item);
  }
  for (const item of items) {
    if (chosen.length >= evidencePerTheme) break;
    if (item.type !== 'case_study') take(item);
  }
  return chosen.map((item) => {
    if (item.type !== 'case_study') return t('discussionLine', { title: item.thread.title, excerpt: excerptOf(item.text, evidenceExcerptLength) });
    const organisation = item.caseStudy.organisation?.name ?? t('unnamedOrganisation');
    const excerpt = excerptOf(item.sectionText || item.caseStudy.summary, evidenceExcerptLength);
    return item.caseStudy.countries.length
      ? t('evidenceLine', { organisation, country: countryList(item.caseStudy.countries, labels), excerpt })
      : t('evidenceLineNoCountry', { organisation, excerpt });
  });
}

type ThemeRow = ReturnType<typeof readableThemeRows>[number];

function themeSlide(theme: ThemeRow, items: readonly ReadableEvidence[], labels: Labels, locale: Locale, t: DeckTranslator): DeckSlide {
  const description = (locale === 'fr' ? theme.descriptionTextFr || theme.descriptionTextEn : theme.descriptionTextEn || theme.descriptionTextFr).trim();
  const lines = evidenceLines(items, labels, t);
  return {
    kind: 'theme',
    title: themeTitle(theme, locale),
    subtitle: t(`kind.${theme.kind}`),
    ...(description ? { body: excerptOf(description, descriptionLength) } : {}),
    lines: lines.length ? lines : [t('noEvidence')],
  };
}

/** The first paragraph of a lessons section, short enough for a slide. */
function lessonOf(text: string): string {
  const paragraph = text.split(/\n+/).map((line) => line.trim()).find(Boolean) ?? '';
  return excerptOf(paragraph, lessonLength);
}

/**
 * Up to six lessons from the lessons sections of readable published case studies, one per case study,
 * in the order given (the caller puts the case studies behind the chosen themes first).
 */
function lessonsSlide(caseStudyOrder: readonly ReadableCaseStudy[], labels: Labels, t: DeckTranslator): DeckSlide {
  const published = caseStudyOrder.filter((caseStudy, index) => caseStudy.isPublished && caseStudyOrder.findIndex((other) => other.id === caseStudy.id) === index);
  const texts = sectionTexts(getDb(), published.map((caseStudy) => ({ caseStudyId: caseStudy.id, key: 'lessons' as const })));
  const lines: string[] = [];
  for (const caseStudy of published) {
    if (lines.length >= lessonsPerDeck) break;
    const lesson = lessonOf(texts.get(`${caseStudy.id}:lessons`) ?? '');
    if (!lesson) continue;
    const source = [caseStudy.organisation?.name ?? t('unnamedOrganisation'), countryList(caseStudy.countries, labels)].filter(Boolean).join(', ');
    lines.push(t('lessonLine', { lesson, source }));
  }
  return { kind: 'lessons', title: t('lessonsTitle'), lines: lines.length ? lines : [t('noLessons')] };
}

type EventRow = typeof events.$inferSelect;

/** The event's published case studies the viewer may read, newest first. */
function readablePublishedCaseStudiesOf(viewer: MaybeViewer, eventId: string): ReadableCaseStudy[] {
  const db = getDb();
  const ids = db
    .select({ id: caseStudies.id })
    .from(caseStudies)
    .where(and(eq(caseStudies.eventId, eventId), inArray(caseStudies.status, [...publishedStatuses])))
    .orderBy(asc(caseStudies.publishedAt), asc(caseStudies.title))
    .all()
    .map((row) => row.id);
  const readable = readableCaseStudies(db, viewer, ids);
  return ids.map((id) => readable.get(id)).filter((caseStudy): caseStudy is ReadableCaseStudy => caseStudy !== undefined);
}

/** Dates, place, organisations (named only if the viewer may read them), countries and the number of case studies. */
function glanceSlide(viewer: MaybeViewer, event: EventRow, eventCaseStudies: readonly ReadableCaseStudy[], labels: Labels, locale: Locale, t: DeckTranslator): DeckSlide {
  const organisationRows = getDb()
    .select({ id: organisations.id, name: organisations.name, visibility: organisations.visibility, countryCode: organisations.countryCode })
    .from(eventOrganisations)
    .innerJoin(organisations, eq(organisations.id, eventOrganisations.organisationId))
    .where(eq(eventOrganisations.eventId, event.id))
    .all()
    .filter((organisation) => can(viewer, 'organisation.read', organisation));
  const names = organisationRows.map((organisation) => organisation.name).sort((a, b) => a.localeCompare(b, locale));
  const countryCodes = new Set([...organisationRows.map((organisation) => organisation.countryCode), ...eventCaseStudies.flatMap((caseStudy) => caseStudy.countries)]);
  const countryNames = [...countryCodes].map((code) => labels.countries.get(code) ?? code).sort((a, b) => a.localeCompare(b, locale));
  const place = [event.place, event.countryCode ? labels.countries.get(event.countryCode) : ''].filter(Boolean).join(', ');
  return {
    kind: 'glance',
    title: t('glanceTitle'),
    lines: [
      t('dates', { value: formatDayRange(event.startsOn, event.endsOn, locale) }),
      ...(place ? [t('place', { value: place })] : []),
      ...(names.length ? [t('organisations', { value: names.join(', ') })] : []),
      ...(countryNames.length ? [t('countries', { value: countryNames.join(', ') })] : []),
      t('caseStudies', { count: eventCaseStudies.length }),
    ],
  };
}

const eventTitle = (event: EventRow, locale: Locale) => (locale === 'fr' ? event.titleFr || event.titleEn : event.titleEn || event.titleFr);

function loadReadableEvent(viewer: MaybeViewer, eventId: string): EventRow {
  const event = getDb().select().from(events).where(eq(events.id, eventId)).get();
  if (!event) throw new AppError('not_found');
  assertCan(viewer, 'event.read', event);
  return event;
}

/**
 * The deck of an event's synthesis for this viewer: title, the event at a glance, one slide per chosen
 * theme (all readable themes when none are chosen; ids the viewer may not read are ignored), key lessons,
 * closing. Downloading needs a signed-in member who may read the report (or its synthesis group before
 * there is one).
 */
export function buildDeckOutline({ viewer, eventId, themeIds, locale }: { viewer: MaybeViewer; eventId: string; themeIds?: readonly string[]; locale: Locale }): DeckOutline {
  const db = getDb();
  const event = loadReadableEvent(viewer, eventId);
  const report = db.select().from(synthesisReports).where(eq(synthesisReports.eventId, eventId)).get();
  // Without a report, the synthesis is the group's work in progress: only the group may take it away.
  const facts: SynthesisFacts = report ? reportFacts(report) : { visibility: 'event', eventId, organisationId: null, authorIds: [], isPublished: false, isSubmitted: false };
  assertCan(viewer, 'synthesis.download', facts);
  const t = translatorFor(locale);
  const labels = taxonomyLabels(db, locale);

  const readableThemes = readableThemeRows(db, viewer, eventId);
  const chosen = themeIds
    ? [...new Set(themeIds)].map((id) => readableThemes.find((theme) => theme.id === id)).filter((theme): theme is ThemeRow => theme !== undefined)
    : readableThemes;
  const evidence = readableEvidence(db, viewer, linksOfThemes(db, chosen.map((theme) => theme.id)));
  const eventCaseStudies = readablePublishedCaseStudiesOf(viewer, eventId);
  const title = report ? themeTitle(report, locale) : '';
  const name = eventTitle(event, locale);
  // Lessons come first from the case studies behind the chosen themes, in the chosen order.
  const behindChosenThemes = chosen.flatMap((theme) => evidence.flatMap((item) => (item.type === 'case_study' && item.link.themeId === theme.id ? [item.caseStudy] : [])));

  return {
    locale,
    fileName: `${slugify(event.slug) || 'event'}-synthesis-${locale}.pptx`,
    slides: [
      { kind: 'title', title: title || t('synthesisOf', { event: name }), subtitle: title ? name : formatDayRange(event.startsOn, event.endsOn, locale), lines: [] },
      glanceSlide(viewer, event, eventCaseStudies, labels, locale, t),
      ...chosen.map((theme) => themeSlide(theme, evidence.filter((item) => item.link.themeId === theme.id), labels, locale, t)),
      lessonsSlide([...behindChosenThemes.filter((caseStudy) => caseStudy.eventId === eventId), ...eventCaseStudies], labels, t),
      { kind: 'closing', title: t('closingTitle'), lines: [t('closingEvent', { event: name })] },
    ],
  };
}

/**
 * The same for one theme: title, its event at a glance (when it has one the viewer may read), the theme,
 * lessons from the case studies tagged to it, closing. A merged theme gives its target's deck.
 */
export function buildThemeDeckOutline({ viewer, themeId, locale }: { viewer: MaybeViewer; themeId: string; locale: Locale }): DeckOutline {
  const db = getDb();
  const loaded = loadTheme(db, themeId);
  assertCan(viewer, 'theme.read', loaded.facts);
  const theme = resolveMergedTheme(db, loaded.row);
  assertCan(viewer, 'synthesis.download', themeFacts(theme));
  const t = translatorFor(locale);
  const labels = taxonomyLabels(db, locale);
  const event = theme.eventId ? db.select().from(events).where(eq(events.id, theme.eventId)).get() : undefined;
  const readableEvent = event && can(viewer, 'event.read', event) ? event : undefined;
  const evidence = readableEvidence(db, viewer, linksOfThemes(db, [theme.id]));
  const title = themeTitle(theme, locale);
  const kind = t(`kind.${theme.kind}`);

  return {
    locale,
    fileName: `theme-${slugify(themeTitle(theme, 'en')) || theme.id}-${locale}.pptx`,
    slides: [
      { kind: 'title', title, subtitle: readableEvent ? t('themeFrom', { kind, event: eventTitle(readableEvent, locale) }) : kind, lines: [] },
      ...(readableEvent ? [glanceSlide(viewer, readableEvent, readablePublishedCaseStudiesOf(viewer, readableEvent.id), labels, locale, t)] : []),
      themeSlide(theme, evidence, labels, locale, t),
      lessonsSlide(evidence.filter((item) => item.type === 'case_study').map((item) => item.caseStudy), labels, t),
      { kind: 'closing', title: t('closingTitle'), lines: [t('closingTheme', { theme: title })] },
    ],
  };
}

// ---- The file ----

const colours = { ink: '1F2D3A', deep: '1F4E5F', accent: 'C8861A', muted: '5B6B78', light: 'FFFFFF', rule: 'D9E2E8' };
const font = 'Arial';
// Stored text could carry control characters, which are not allowed in the slide XML.
const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const clean = (text: string) => text.replace(controlCharacters, '');

/** Smaller type for more words, so a full slide stays readable without relying on the viewer's autofit. */
function bodySize(lines: readonly string[], base: number): number {
  const characters = lines.reduce((total, line) => total + line.length, 0);
  return characters > 900 ? base - 4 : characters > 600 ? base - 2 : base;
}

/**
 * Renders an outline as a 16:9 PowerPoint file: every word in an editable text box (Arial, available
 * everywhere), plain shapes for colour, no pictures and no external resources. Nothing about the person
 * downloading goes into the file's properties.
 */
export async function renderDeck(outline: DeckOutline): Promise<Buffer> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_16x9'; // 10 × 5.625 in
  pptx.author = 'Baraza';
  pptx.company = 'Baraza';
  pptx.subject = 'Baraza';
  pptx.title = clean(outline.slides[0]?.title ?? '');
  const lang = outline.locale === 'fr' ? 'fr-FR' : 'en-GB';
  const text = { fontFace: font, lang, color: colours.ink } as const;

  for (const slideOutline of outline.slides) {
    const slide = pptx.addSlide();
    const title = clean(slideOutline.title);
    const lines = slideOutline.lines.map(clean);
    if (slideOutline.kind === 'title' || slideOutline.kind === 'closing') {
      slide.background = { color: colours.deep };
      slide.addShape('rect', { x: 0.6, y: 3.05, w: 1.2, h: 0.06, fill: { color: colours.accent }, line: { color: colours.accent } });
      slide.addText(title, { ...text, x: 0.6, y: 1.0, w: 8.8, h: 1.9, fontSize: slideOutline.kind === 'title' ? 34 : 40, bold: true, color: colours.light, valign: 'bottom', fit: 'shrink' });
      const below = [slideOutline.subtitle, ...lines].filter((line): line is string => !!line).map(clean);
      if (below.length) slide.addText(below.join('\n'), { ...text, x: 0.6, y: 3.25, w: 8.8, h: 1.6, fontSize: 18, color: colours.light, valign: 'top', fit: 'shrink' });
      continue;
    }

    let top = 0.35;
    if (slideOutline.subtitle) {
      slide.addText(clean(slideOutline.subtitle).toUpperCase(), { ...text, x: 0.5, y: top, w: 9, h: 0.35, fontSize: 12, bold: true, color: colours.accent, charSpacing: 1 });
      top += 0.35;
    }
    slide.addText(title, { ...text, x: 0.5, y: top, w: 9, h: 0.8, fontSize: 26, bold: true, color: colours.deep, valign: 'top', fit: 'shrink' });
    top += 0.85;
    slide.addShape('line', { x: 0.5, y: top, w: 9, h: 0, line: { color: colours.rule, width: 1 } });
    top += 0.15;
    if (slideOutline.body) {
      slide.addText(clean(slideOutline.body), { ...text, x: 0.5, y: top, w: 9, h: 1.3, fontSize: 14, color: colours.muted, valign: 'top', fit: 'shrink' });
      top += 1.4;
    }
    if (lines.length) {
      const size = bodySize(lines, slideOutline.body ? 14 : 18);
      slide.addText(
        lines.map((line) => ({ text: line, options: { bullet: true, breakLine: true } })),
        { ...text, x: 0.5, y: top, w: 9, h: 5.3 - top, fontSize: size, valign: 'top', paraSpaceAfter: 6, fit: 'shrink' },
      );
    }
  }
  return (await pptx.write({ outputType: 'nodebuffer' })) as Buffer;
}
