import 'server-only';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { themeKinds, themes } from '@/db/schema/synthesis';
import type { Tx } from '@/lib/case-studies/load';
import { AppError } from '@/lib/errors';
import { can } from '@/lib/policy/rules';
import type { MaybeViewer } from '@/lib/policy/types';
import { themeFacts } from './facts';

type Reader = Tx | Db;

/** A theme with its policy facts; a missing one is not found. */
export function loadTheme(tx: Reader, themeId: string) {
  const row = tx.select().from(themes).where(eq(themes.id, themeId)).get();
  if (!row) throw new AppError('not_found');
  return { row, facts: themeFacts(row) };
}

/**
 * The theme a merged one now lives in: merges repoint earlier pointers, so this is one step, but a chain
 * left by an older write is followed too (bounded, so a bad row cannot loop).
 */
export function resolveMergedTheme(tx: Reader, row: typeof themes.$inferSelect): typeof themes.$inferSelect {
  let current = row;
  for (let step = 0; current.mergedIntoId && step < 10; step++) current = loadTheme(tx, current.mergedIntoId).row;
  return current;
}

/**
 * A theme the viewer works on: not found when they may not even read it, forbidden when they read it but
 * are not in its event's synthesis group (for network principles: facilitators and admins).
 */
export function loadManagedTheme(tx: Reader, viewer: MaybeViewer, themeId: string) {
  const theme = loadTheme(tx, themeId);
  if (!can(viewer, 'theme.read', theme.facts)) throw new AppError('not_found');
  if (!can(viewer, 'synthesis.manage', { eventId: theme.row.eventId })) throw new AppError(viewer ? 'forbidden' : 'unauthenticated');
  return theme;
}

/** Readable, unmerged themes of an event (or, with `null`, the network principles), in kind then group order. */
export function readableThemeRows(db: Db, viewer: MaybeViewer, eventId: string | null): (typeof themes.$inferSelect)[] {
  return db
    .select()
    .from(themes)
    .where(and(eventId === null ? isNull(themes.eventId) : eq(themes.eventId, eventId), isNull(themes.mergedIntoId)))
    .orderBy(asc(themes.sortOrder), asc(themes.createdAt))
    .all()
    .filter((row) => can(viewer, 'theme.read', themeFacts(row)))
    .sort((a, b) => themeKinds.indexOf(a.kind) - themeKinds.indexOf(b.kind));
}
