import { and, inArray, isNull } from 'drizzle-orm';
import { themes } from '@/db/schema/synthesis';
import { can } from '@/lib/policy/rules';
import type { MaybeViewer } from '@/lib/policy/types';
import { themeFacts } from '@/lib/synthesis/facts';
import type { Reader, SearchDocument } from './documents';


const chunkSize = 500;

/**
 * Themes' documents (`ids` undefined: all of them). Merged themes have none: their old id only leads to the
 * target, so the caller deletes `theme-<id>` for them (documentIdsOf). The document carries the theme's own
 * read facts; the search filter has no clause for a synthesis group, so a theme read by "the event" is found
 * by the event's participants (the group is among them). Facets from the evidence are left out on purpose:
 * they would be counted for readers who may not read that evidence.
 */
export function themeDocuments(db: Reader, ids?: readonly string[]): SearchDocument[] {
  const notMerged = isNull(themes.mergedIntoId);
  const rows = ids
    ? Array.from({ length: Math.ceil(ids.length / chunkSize) }, (_, index) => ids.slice(index * chunkSize, (index + 1) * chunkSize)).flatMap((chunk) =>
        db.select().from(themes).where(and(notMerged, inArray(themes.id, chunk))).all(),
      )
    : db.select().from(themes).where(notMerged).all();
  return rows.map((row) => {
    const facts = themeFacts(row);
    const titles = [...new Set([row.titleEn.trim(), row.titleFr.trim()].filter(Boolean))];
    return {
      ...facts,
      id: `theme-${row.id}`,
      type: 'theme',
      sourceId: row.id,
      path: `/themes/${row.id}`,
      title: titles.join(' / '),
      summary: [row.descriptionTextEn, row.descriptionTextFr].map((text) => text.trim()).filter(Boolean).join('\n\n'),
      organisationName: '',
      memberOrganisationName: '',
      sections: {},
      postsText: '',
      tags: [],
      countries: [],
      populations: [],
      topics: [],
      themes: [row.id],
      organisationType: '',
      language: null,
      year: row.updatedAt.getUTCFullYear(),
      date: row.updatedAt.getTime(),
    } satisfies SearchDocument;
  });
}

/** For the re-check of hits (query.ts readableNow): the theme ids of some hits the viewer may read now. */
export function readableThemeIds(db: Reader, viewer: MaybeViewer, ids: readonly string[]): Set<string> {
  if (!ids.length) return new Set();
  return new Set(
    db
      .select()
      .from(themes)
      .where(and(isNull(themes.mergedIntoId), inArray(themes.id, [...ids])))
      .all()
      .filter((row) => can(viewer, 'theme.read', themeFacts(row)))
      .map((row) => row.id),
  );
}

