import type { Locator, Page, Response, Route } from '@playwright/test';
import { expect } from '../fixtures';

// Shared steps for the case-study journeys: the interface's words in each language, starting a case
// study through /case-studies/new, and writing in the tiptap section editors of the edit page.

export const sectionKeys = ['problem', 'context', 'key_elements', 'outcomes', 'lessons'] as const;
export type SectionKey = (typeof sectionKeys)[number];

const english = {
  newCaseStudy: { organisation: 'Organisation', call: 'For a call', noCall: 'Not for a call (publish when finished)', title: 'Title', summary: 'Summary', countries: 'Countries', populations: 'Key populations', topics: 'Key topics', create: 'Create and start writing' },
  sections: {
    problem: 'The issue, problem or opportunity that sparked the intervention',
    context: 'The context in which the work took place',
    key_elements: 'The key elements of the work',
    outcomes: 'The main outcomes',
    lessons: 'Core lessons learned',
  },
  complete: 'Complete',
  allComplete: '5 of 5 sections complete',
  savedAt: /^Saved at \d{2}:\d{2}$/,
  restored: 'Restored unsaved text from this device',
  status: { submitted: 'Submitted for review', changes_requested: 'Changes requested', accepted: 'Accepted', published: 'Published' },
  locked: (status: string) => `This case study cannot be edited in its current state (${status}).`,
  generalComments: 'Review comments on the whole case study',
  reviewComments: 'Review comments',
  workflow: {
    title: 'Next steps',
    submit: 'Submit for review',
    resubmit: 'Resubmit for review',
    requestChanges: 'Request changes',
    whatShouldChange: 'What should change?',
    accept: 'Accept',
    publish: 'Publish',
    unpublish: 'Unpublish',
    whoCanRead: 'Who can read it',
    members: 'Members: signed-in members only',
    public: 'Public: anyone, search engines included',
    safetyConfirm: 'I have checked the case study and its attachments against this list',
    safetyRefused: 'Confirm the safety checklist before publishing to everyone.',
    publishedNotice: 'Published. Readers who may see it can now find it.',
  },
  review: { title: 'Review', on: 'On', comment: 'Comment', add: 'Add comment', added: 'Comment added.', waiting: 'Submitted case studies waiting for your review' },
  notFound: 'Not found',
};

const french: typeof english = {
  newCaseStudy: { organisation: 'Organisation', call: 'Pour un appel', noCall: 'Hors appel (publier une fois terminée)', title: 'Titre', summary: 'Résumé', countries: 'Pays', populations: 'Populations clés', topics: 'Thèmes clés', create: 'Créer et commencer à rédiger' },
  sections: {
    problem: 'Le problème, l’enjeu ou l’opportunité à l’origine de l’intervention',
    context: 'Le contexte dans lequel le travail s’est déroulé',
    key_elements: 'Les éléments clés du travail',
    outcomes: 'Les principaux résultats',
    lessons: 'Les principales leçons apprises',
  },
  complete: 'Complète',
  allComplete: '5 sections complètes sur 5',
  savedAt: /^Enregistré à \d{2}:\d{2}$/,
  restored: 'Texte non enregistré récupéré sur cet appareil',
  status: { submitted: 'Soumise pour relecture', changes_requested: 'Modifications demandées', accepted: 'Acceptée', published: 'Publiée' },
  locked: (status: string) => `Cette étude de cas ne peut pas être modifiée dans son état actuel (${status}).`,
  generalComments: 'Commentaires de relecture sur l’ensemble de l’étude de cas',
  reviewComments: 'Commentaires de relecture',
  workflow: {
    title: 'Étapes suivantes',
    submit: 'Soumettre pour relecture',
    resubmit: 'Soumettre à nouveau',
    requestChanges: 'Demander des modifications',
    whatShouldChange: 'Que faut-il changer ?',
    accept: 'Accepter',
    publish: 'Publier',
    unpublish: 'Dépublier',
    whoCanRead: 'Qui peut la lire',
    members: 'Membres : membres connectés uniquement',
    public: 'Public : tout le monde, moteurs de recherche compris',
    safetyConfirm: 'J’ai vérifié l’étude de cas et ses pièces jointes au regard de cette liste',
    safetyRefused: 'Confirmez la liste de sécurité avant de publier pour tout le monde.',
    publishedNotice: 'Publiée. Les lecteurs autorisés peuvent maintenant la trouver.',
  },
  review: { title: 'Relecture', on: 'Sur', comment: 'Commentaire', add: 'Ajouter le commentaire', added: 'Commentaire ajouté.', waiting: 'Études de cas soumises en attente de votre relecture' },
  notFound: 'Introuvable',
};

export type Ui = typeof english;
export const ui = { en: english, fr: french } as const;

/** The refresher meeting's open call, as the "For a call" select shows it. */
export const refresherCall = { en: 'Refresher meeting: sharing achievements since the LSEs', fr: 'Rencontre de rappel : partager les acquis depuis les LSE' } as const;

/** A short suffix that keeps this run's titles apart from the demo content and from other runs. */
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
}

export type NewCaseStudy = { call?: string; title: string; summary: string; country: string; population: string; topic: string };

/** Fills and submits /case-studies/new; returns the new case study's id (the form lands on its edit page). */
export async function startCaseStudy(page: Page, t: Ui, details: NewCaseStudy): Promise<string> {
  await page.goto('/case-studies/new');
  const form = page.getByRole('main').locator('form');
  await form.getByRole('combobox', { name: t.newCaseStudy.call, exact: true }).selectOption({ label: details.call ?? t.newCaseStudy.noCall });
  await form.getByRole('textbox', { name: t.newCaseStudy.title, exact: true }).fill(details.title);
  await form.getByRole('textbox', { name: t.newCaseStudy.summary, exact: true }).fill(details.summary);
  await form.getByRole('group', { name: t.newCaseStudy.countries, exact: true }).getByRole('checkbox', { name: details.country, exact: true }).check();
  await form.getByRole('group', { name: t.newCaseStudy.populations, exact: true }).getByRole('checkbox', { name: details.population, exact: true }).check();
  await form.getByRole('group', { name: t.newCaseStudy.topics, exact: true }).getByRole('checkbox', { name: details.topic, exact: true }).check();
  await form.getByRole('button', { name: t.newCaseStudy.create }).click();
  await expect(page).toHaveURL(/\/case-studies\/[^/]+\/edit$/);
  await expect(page.getByRole('heading', { level: 1, name: details.title })).toBeVisible();
  return new URL(page.url()).pathname.split('/')[2]!;
}

/** One section of the edit page: its region, its tiptap editor (a textbox named by the heading) and its save status. */
export function sectionOf(page: Page, t: Ui, key: SectionKey): { region: Locator; editor: Locator; status: Locator } {
  const region = page.getByRole('region', { name: t.sections[key], exact: true });
  return { region, editor: region.getByRole('textbox', { name: t.sections[key], exact: true }), status: region.getByRole('status') };
}

/**
 * Focuses a section's editor, moves to the end of its text and types, key by key. Does not wait for the save.
 * Focus rather than a mouse click: ProseMirror finishes a click's selection a moment later in Chromium, and
 * on a loaded machine that can land after Control+End and put the caret back where the click was.
 */
export async function typeInSection(page: Page, t: Ui, key: SectionKey, text: string, options: { newParagraph?: boolean } = {}) {
  const { editor } = sectionOf(page, t, key);
  await editor.focus();
  await expect(editor).toBeFocused();
  await page.keyboard.press('Control+End');
  if (options.newParagraph) await page.keyboard.press('Enter');
  await page.keyboard.type(text);
}

/**
 * Waits until the server has exactly the text in the section's editor: the status says "Saved at 14:05", and
 * the device copy of the section is gone (the editor keeps one from the first keystroke and removes it only
 * when the server acknowledges the very text the editor holds, so an earlier "Saved at" cannot pass for it).
 */
export async function expectSectionSaved(page: Page, t: Ui, key: SectionKey) {
  await expect(sectionOf(page, t, key).status).toHaveText(t.savedAt);
  await expect.poll(() => page.evaluate((suffix) => Object.keys(window.localStorage).filter((name) => name.startsWith('baraza-draft:') && name.endsWith(suffix)), `:${key}`)).toEqual([]);
}

/** Types a section and waits for the server to have it; the section is then marked complete (60 words or more). */
export async function writeSection(page: Page, t: Ui, key: SectionKey, text: string) {
  await typeInSection(page, t, key, text);
  await expectSectionSaved(page, t, key);
  await expect(sectionOf(page, t, key).region.getByText(t.complete, { exact: true })).toBeVisible();
}

/**
 * Holds every section save (a server action: a POST carrying a `Next-Action` header) in the browser, as if
 * the connection had stalled: the server gets none of them until `release`.
 */
export async function holdSectionSaves(page: Page) {
  const held: Route[] = [];
  let holding = true;
  const handler = async (route: Route) => {
    const request = route.request();
    if (holding && request.method() === 'POST' && (await request.headerValue('next-action'))) held.push(route);
    else await route.fallback();
  };
  await page.route(/\/case-studies\/[^/]+\/edit$/, handler);
  return {
    /** Stops holding and sends what was held, in order. Saves from a page that has since been reloaded may fail: ignored. */
    release: async () => {
      holding = false;
      await page.unroute(/\/case-studies\/[^/]+\/edit$/, handler);
      for (const route of held.splice(0)) await route.fallback().catch(() => undefined);
    },
  };
}

/** At least 60 words on one theme (a complete section), opening with a marker phrase that appears nowhere else. */
export function sectionText(marker: string, sentences: string[]): string {
  const text = `${marker}. ${sentences.join(' ')}`;
  const words = text.split(/\s+/).filter(Boolean).length;
  if (words < 60) throw new Error(`Section text "${marker}" has ${words} words; a complete section needs 60`);
  return text;
}

/** Every script the page loads (URL and body), from navigation until the network is idle. */
export async function scriptsLoadedBy(page: Page, path: string): Promise<{ url: string; body: string }[]> {
  const scripts: Promise<{ url: string; body: string }>[] = [];
  const onResponse = (response: Response) => {
    if (response.request().resourceType() === 'script') scripts.push(response.text().then((body) => ({ url: response.url(), body })));
  };
  page.on('response', onResponse);
  try {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
  } finally {
    page.off('response', onResponse);
  }
  return Promise.all(scripts);
}

/** Whether a script body carries editor code (tiptap or ProseMirror). */
export function isEditorCode(body: string): boolean {
  return /prosemirror|tiptap/i.test(body);
}
