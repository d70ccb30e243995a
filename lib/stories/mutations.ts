import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { organisations } from '@/db/schema/organisations';
import { appliedStories, appliedStoryCaseStudies, appliedStoryThemes } from '@/db/schema/stories';
import { countries } from '@/db/schema/taxonomy';
import { loadCaseStudy, type Tx } from '@/lib/case-studies/load';
import { AppError } from '@/lib/errors';
import { newId } from '@/lib/ids';
import { assertCan, can } from '@/lib/policy/rules';
import type { MaybeViewer, Viewer } from '@/lib/policy/types';
import { themeFacts } from '@/lib/synthesis/facts';
import { loadTheme, resolveMergedTheme } from '@/lib/synthesis/load';
import { storyFacts } from './facts';
import { DeleteStoryInput, EditStoryInput, RecordStoryInput } from './schemas';

// Applied-learning stories: a member records how they applied what they learned, linked to the case
// studies and themes it came from. A story never links what its writer cannot read: linking would tell
// the story's readers that something exists, and under which title.

/** A story with its policy facts; a missing one is not found. */
function loadStory(tx: Tx, storyId: string) {
  const row = tx.select().from(appliedStories).where(eq(appliedStories.id, storyId)).get();
  if (!row) throw new AppError('not_found');
  return { row, facts: storyFacts(row) };
}

/**
 * Who applied it and where: one of the writer's organisations (its country), or the writer alone (the
 * country they chose). Writing for an organisation one does not belong to is refused before the
 * organisation is even looked up, so its existence is not revealed.
 */
function ownerOf(tx: Tx, viewer: MaybeViewer, data: { organisationId?: string; countryCode?: string }, keptOrganisationId?: string | null) {
  if (data.organisationId) {
    // An editor changing a colleague's story keeps its organisation without needing to "create" for it.
    if (data.organisationId !== keptOrganisationId) assertCan(viewer, 'story.create', { organisationId: data.organisationId });
    const organisation = tx.select({ id: organisations.id, countryCode: organisations.countryCode }).from(organisations).where(eq(organisations.id, data.organisationId)).get();
    if (!organisation) throw new AppError('not_found');
    return { organisationId: organisation.id, countryCode: organisation.countryCode };
  }
  assertCan(viewer, 'story.create', { organisationId: null });
  const country = tx.select({ code: countries.code }).from(countries).where(eq(countries.code, data.countryCode ?? '')).get();
  if (!country) throw new AppError('invalid_input', 'errors.invalid_choice');
  return { organisationId: null, countryCode: country.code };
}

/**
 * The case studies a story may link: published ones the writer may read. Anything else is not found,
 * exactly like opening it. `kept` are links the story already has, which an edit keeps as they are.
 */
function checkedCaseStudyIds(tx: Tx, viewer: MaybeViewer, ids: readonly string[], kept: ReadonlySet<string>): string[] {
  const checked = new Set<string>();
  for (const caseStudyId of ids) {
    if (kept.has(caseStudyId)) {
      checked.add(caseStudyId);
      continue;
    }
    const { row, facts } = loadCaseStudy(tx, caseStudyId);
    if (row.status !== 'published' || !can(viewer, 'caseStudy.read', facts)) throw new AppError('not_found');
    checked.add(row.id);
  }
  return [...checked];
}

/** Themes the writer may read; a merged theme is linked as the theme it now lives in. */
function checkedThemeIds(tx: Tx, viewer: MaybeViewer, ids: readonly string[], kept: ReadonlySet<string>): string[] {
  const checked = new Set<string>();
  for (const themeId of ids) {
    if (kept.has(themeId)) {
      checked.add(themeId);
      continue;
    }
    const theme = resolveMergedTheme(tx, loadTheme(tx, themeId).row);
    if (!kept.has(theme.id) && !can(viewer, 'theme.read', themeFacts(theme))) throw new AppError('not_found');
    checked.add(theme.id);
  }
  return [...checked];
}

function replaceLinks(tx: Tx, storyId: string, caseStudyIds: readonly string[], themeIds: readonly string[]) {
  tx.delete(appliedStoryCaseStudies).where(eq(appliedStoryCaseStudies.storyId, storyId)).run();
  tx.delete(appliedStoryThemes).where(eq(appliedStoryThemes.storyId, storyId)).run();
  if (caseStudyIds.length) tx.insert(appliedStoryCaseStudies).values(caseStudyIds.map((caseStudyId) => ({ storyId, caseStudyId }))).run();
  if (themeIds.length) tx.insert(appliedStoryThemes).values(themeIds.map((themeId) => ({ storyId, themeId }))).run();
}

export function recordStory({ viewer, input }: { viewer: MaybeViewer; input: unknown }): { id: string } {
  // Signed in at all, before anything is read; the organisation is checked once it is known.
  assertCan(viewer, 'story.create', { organisationId: null });
  const data = RecordStoryInput.parse(input);
  const id = newId();
  getDb().transaction(
    (tx) => {
      const owner = ownerOf(tx, viewer, data);
      const none = new Set<string>();
      const caseStudyIds = checkedCaseStudyIds(tx, viewer, data.caseStudyIds, none);
      const themeIds = checkedThemeIds(tx, viewer, data.themeIds, none);
      tx.insert(appliedStories)
        .values({ id, authorId: (viewer as Viewer).userId, ...owner, title: data.title, body: data.body, applicationWays: data.applicationWays, visibility: data.visibility })
        .run();
      replaceLinks(tx, id, caseStudyIds, themeIds);
    },
    { behavior: 'immediate' },
  );
  return { id };
}

/**
 * Changes a story: its author while still a member of its organisation, or the organisation's editors.
 * Links the editor may not read (or no longer offered, such as an archived case study) stay as they are
 * unless the editor removes a link they can see.
 */
export function editStory({ viewer, input }: { viewer: MaybeViewer; input: unknown }): void {
  const data = EditStoryInput.parse(input);
  getDb().transaction(
    (tx) => {
      const { row, facts } = loadStory(tx, data.storyId);
      assertCan(viewer, 'story.edit', facts);
      const owner = ownerOf(tx, viewer, data, row.organisationId);
      const linkedCaseStudies = tx.select({ id: appliedStoryCaseStudies.caseStudyId }).from(appliedStoryCaseStudies).where(eq(appliedStoryCaseStudies.storyId, row.id)).all().map((link) => link.id);
      const linkedThemes = tx.select({ id: appliedStoryThemes.themeId }).from(appliedStoryThemes).where(eq(appliedStoryThemes.storyId, row.id)).all().map((link) => link.id);
      const hiddenCaseStudies = linkedCaseStudies.filter((caseStudyId) => !can(viewer, 'caseStudy.read', loadCaseStudy(tx, caseStudyId).facts));
      const hiddenThemes = linkedThemes.filter((themeId) => !can(viewer, 'theme.read', loadTheme(tx, themeId).facts));
      const caseStudyIds = [...new Set([...checkedCaseStudyIds(tx, viewer, data.caseStudyIds, new Set(linkedCaseStudies)), ...hiddenCaseStudies])];
      const themeIds = [...new Set([...checkedThemeIds(tx, viewer, data.themeIds, new Set(linkedThemes)), ...hiddenThemes])];
      tx.update(appliedStories)
        .set({ ...owner, title: data.title, body: data.body, applicationWays: data.applicationWays, visibility: data.visibility, updatedAt: new Date() })
        .where(eq(appliedStories.id, row.id))
        .run();
      replaceLinks(tx, row.id, caseStudyIds, themeIds);
    },
    { behavior: 'immediate' },
  );
}

export function deleteStory({ viewer, input }: { viewer: MaybeViewer; input: unknown }): void {
  const data = DeleteStoryInput.parse(input);
  getDb().transaction(
    (tx) => {
      const { row, facts } = loadStory(tx, data.storyId);
      assertCan(viewer, 'story.edit', facts);
      // The links go with it (on delete cascade).
      tx.delete(appliedStories).where(eq(appliedStories.id, row.id)).run();
    },
    { behavior: 'immediate' },
  );
}

/**
 * For lib/synthesis's theme merge, inside its transaction: stories linked to the merged theme now point
 * at the target (a story linked to both keeps one link), so "applied by" counts follow the merge.
 */
export function moveStoryThemeLinks(tx: Tx, fromThemeId: string, toThemeId: string): number {
  const moved = tx.run(
    sql`insert or ignore into ${appliedStoryThemes} (story_id, theme_id) select story_id, ${toThemeId} from ${appliedStoryThemes} where theme_id = ${fromThemeId}`,
  );
  tx.delete(appliedStoryThemes).where(eq(appliedStoryThemes.themeId, fromThemeId)).run();
  return moved.changes;
}
