import { expect, signedInContext, test } from './fixtures';
import { expectSectionSaved, refresherCall, sectionText, startCaseStudy, typeInSection, ui, uniqueSuffix, writeSection, type SectionKey } from './support/case-studies';
import { expectPageInFrench } from './support/french';

// The essential journey in French: Moussa (`redacteur`, editor at Association Lumière Santé, interface in
// French) writes a case study for the refresher call, the facilitator (`facilitator`, interface in English)
// asks for changes, Moussa revises and resubmits, the facilitator accepts, Moussa publishes it to members.
// A French-speaking anonymous visitor gets "Introuvable". The case study is new to this journey.

const fr = ui.fr;
const en = ui.en;

const texts: Record<SectionKey, string> = {
  problem: sectionText('Des femmes refoulées des centres de santé', [
    'Après le deuxième événement d’apprentissage et de partage, nos paires éducatrices nous ont dit que les travailleuses du sexe évitaient encore les centres de santé du quartier.',
    'Le personnel posait des questions humiliantes, les salles d’attente étaient ouvertes à tous, et plusieurs femmes avaient été renvoyées sans soins.',
    'Nous avons vu une occasion de mettre en pratique ce que nous avions appris sur la sensibilisation des soignants.',
  ]),
  context: sectionText('Une ville sous pression', [
    'Le travail s’est déroulé dans deux communes de la région de Dakar entre le début de 2025 et le milieu de 2026.',
    'Les budgets des districts sanitaires étaient serrés, et chaque changement devait tenir dans le temps de travail existant.',
    'Les responsables communautaires restaient prudents, et la presse locale avait publié des articles hostiles l’année précédente, ce qui inquiétait les médecins chefs.',
  ]),
  key_elements: sectionText('Soignants et paires formés ensemble', [
    'Nous avons organisé six demi-journées où infirmières et paires éducatrices se sont formées ensemble, à partir d’histoires vraies mais rendues anonymes.',
    'Chaque centre a désigné une personne référente qui rencontrait chaque mois notre équipe de terrain.',
    'Nous avons conçu une carte d’orientation simple à présenter à l’accueil, et une ligne anonyme pour signaler les problèmes aux référentes.',
  ]),
  outcomes: sectionText('Des visites en hausse', [
    'En neuf mois, les quatre centres ont enregistré beaucoup plus de visites de femmes orientées par les cartes, et la plupart sont revenues pour une deuxième consultation.',
    'Les plaintes reçues sur la ligne anonyme ont baissé de mois en mois.',
    'Deux médecins chefs ont intégré la sensibilisation dans l’accueil des nouveaux agents, et le district nous a demandé de présenter la démarche ailleurs.',
  ]),
  lessons: sectionText('Commencer par l’accueil', [
    'La première personne rencontrée conditionne tout le reste : agents d’accueil et vigiles doivent être formés autant que les infirmières.',
    'Les référentes ont besoin de temps dans leur planning, pas seulement de bonne volonté.',
    'Une ligne anonyme ne fonctionne que si quelqu’un y répond de façon visible, et des chiffres recueillis dès le départ ont convaincu le district de nous écouter.',
  ]),
};
const revision = 'RÉVISÉ : nous partageons maintenant nos outils avec trois autres associations.';

test('in French: a case study is written, reviewed, revised, accepted and published to members', async ({ browser }) => {
  test.setTimeout(240_000);
  const title = `Des centres de santé accueillants pour les travailleuses du sexe ${uniqueSuffix()}`;
  const moussa = await signedInContext(browser, 'redacteur');
  const facilitator = await signedInContext(browser, 'facilitator');
  let id = '';

  await test.step('Moussa starts a case study for the refresher call, in French, and writes the five sections', async () => {
    const page = moussa.page;
    await page.goto('/case-studies/mine');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.getByRole('heading', { level: 1, name: 'Mes études de cas' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Appels à études de cas ouverts' })).toContainText(refresherCall.fr);

    id = await startCaseStudy(page, fr, {
      call: refresherCall.fr,
      title,
      summary: 'Infirmières et paires éducatrices se sont formées ensemble, et les travailleuses du sexe sont revenues dans quatre centres de santé.',
      country: 'Sénégal',
      population: 'Travailleuses et travailleurs du sexe',
      topic: 'Plaidoyer',
    });
    await expect(page.getByRole('main').getByText('Brouillon', { exact: true }).first()).toBeVisible();
    for (const key of Object.keys(texts) as SectionKey[]) await writeSection(page, fr, key, texts[key]);
    await expect(page.getByText(fr.allComplete, { exact: true })).toBeVisible();
    await expectPageInFrench(page, null);

    await page.getByRole('region', { name: fr.workflow.title }).getByRole('button', { name: fr.workflow.submit }).click();
    await expect(page.getByText(fr.locked(fr.status.submitted), { exact: true })).toBeVisible();

    // In Moussa's work in progress, with its French status badge.
    await expectPageInFrench(page, '/case-studies/mine');
    const card = page.getByRole('region', { name: 'En cours' }).getByRole('listitem').filter({ has: page.getByRole('link', { name: title }) });
    await expect(card.getByText(fr.status.submitted, { exact: true })).toBeVisible();
  });

  await test.step('the facilitator (in English) requests changes', async () => {
    const page = facilitator.page;
    await page.goto(`/case-studies/${id}`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1, name: title })).toHaveAttribute('lang', 'fr');
    const workflow = page.getByRole('region', { name: en.workflow.title });
    await workflow.getByRole('textbox', { name: en.workflow.whatShouldChange }).fill('Merci de dire ce que les autres associations peuvent reprendre de votre démarche.');
    await workflow.getByRole('button', { name: en.workflow.requestChanges }).click();
    await expect(page.getByRole('main').getByText(en.status.changes_requested, { exact: true })).toBeVisible();
  });

  await test.step('Moussa sees the request in French, revises the lessons and resubmits', async () => {
    const page = moussa.page;
    await page.goto(`/case-studies/${id}/edit`);
    await expect(page.getByRole('main').getByText(fr.status.changes_requested, { exact: true }).first()).toBeVisible();
    await expect(page.getByRole('region', { name: fr.generalComments })).toContainText('Merci de dire ce que les autres associations peuvent reprendre de votre démarche.');
    await expectPageInFrench(page, null);

    await typeInSection(page, fr, 'lessons', revision, { newParagraph: true });
    await expectSectionSaved(page, fr, 'lessons');
    await page.getByRole('region', { name: fr.workflow.title }).getByRole('button', { name: fr.workflow.resubmit }).click();
    await expect(page.getByText(fr.locked(fr.status.submitted), { exact: true })).toBeVisible();
  });

  await test.step('the facilitator accepts', async () => {
    const page = facilitator.page;
    await page.goto(`/case-studies/${id}`);
    await expect(page.getByRole('region', { name: en.sections.lessons, exact: true })).toContainText(revision);
    await page.getByRole('region', { name: en.workflow.title }).getByRole('button', { name: en.workflow.accept }).click();
    await expect(page.getByRole('main').getByText(en.status.accepted, { exact: true })).toBeVisible();
  });

  await test.step('Moussa publishes it to members, in French', async () => {
    const page = moussa.page;
    await page.goto(`/case-studies/${id}`);
    const workflow = page.getByRole('region', { name: fr.workflow.title });
    await expect(workflow.getByText(fr.status.accepted, { exact: true })).toBeVisible();
    await workflow.getByRole('group', { name: fr.workflow.whoCanRead }).getByRole('radio', { name: fr.workflow.members }).check();
    await workflow.getByRole('button', { name: fr.workflow.publish, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/case-studies/${id}\\?published=1$`));
    await expect(page.getByRole('main').getByRole('status').first()).toHaveText(fr.workflow.publishedNotice);
    await expect(workflow.getByText(fr.status.published, { exact: true })).toBeVisible();
    await expect(page.getByRole('region', { name: fr.sections.outcomes, exact: true })).toContainText(texts.outcomes);
    await expect(page.getByRole('region', { name: fr.sections.lessons, exact: true })).toContainText(revision);
    await expectPageInFrench(page, null);
  });

  await test.step('a French-speaking anonymous visitor gets "Introuvable"', async () => {
    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    const response = await page.goto(`/case-studies/${id}`);
    expect(response?.status()).toBe(404);
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.getByRole('heading', { level: 1, name: fr.notFound })).toBeVisible();
    await expect(page.getByText(title)).toHaveCount(0);
    await context.close();
  });

  await Promise.all([moussa.context.close(), facilitator.context.close()]);
});
