import { z } from 'zod';
import { evidenceTargets, themeKinds, themeVisibilities } from '@/db/schema/synthesis';
import { sectionKeys } from '@/lib/case-studies/sections';
import { optionalText, requiredText } from '@/lib/forms';

// Inputs of the synthesis work (themes, evidence, recurrences, the report, the programme's case studies),
// shared by forms and the server. Messages are i18n keys under `errors.`.

const id = () => z.string({ error: 'errors.required' }).min(1, 'errors.required').max(40);
const emptyAsUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);
const optionalId = () => z.preprocess(emptyAsUndefined, id().optional());
const version = () => z.coerce.number({ error: 'errors.number' }).int('errors.number').min(1, 'errors.too_small');

/** A rich-text field: the editor's tiptap JSON (forms send it as a string); empty means none. lib/rich-text/validate.ts checks it. */
const richTextField = z.preprocess((value) => {
  if (typeof value !== 'string') return value ?? undefined;
  if (value.trim() === '') return undefined;
  try {
    return JSON.parse(value);
  } catch {
    // Not JSON: validateRichText refuses it with a message the form can show.
    return value;
  }
}, z.unknown());

const themeFields = {
  kind: z.enum(themeKinds, { error: 'errors.invalid_choice' }),
  titleEn: requiredText(2, 160),
  titleFr: requiredText(2, 160),
  descriptionEn: richTextField,
  descriptionFr: richTextField,
  visibility: z.enum(themeVisibilities, { error: 'errors.invalid_choice' }),
};

/**
 * Network principles belong to no event; every other kind comes out of one event's synthesis. A theme
 * read by "the event's participants" needs an event to scope to.
 */
function checkThemeScope(theme: { eventId?: string | null; kind: string; visibility: string }, context: z.RefinementCtx) {
  const hasEvent = !!theme.eventId;
  if ((theme.kind === 'network_principle') === hasEvent) context.addIssue({ code: 'custom', path: ['kind'], message: 'errors.invalid_choice' });
  if (theme.visibility === 'event' && !hasEvent) context.addIssue({ code: 'custom', path: ['visibility'], message: 'errors.event_visibility_needs_event' });
}

export const CreateThemeInput = z.object({ eventId: optionalId(), ...themeFields }).superRefine(checkThemeScope);
export type CreateThemeInput = z.infer<typeof CreateThemeInput>;

/** The event stays the theme's own: a theme changes events only by being merged into another. */
export const UpdateThemeInput = z.object({ themeId: id(), baseVersion: version(), ...themeFields });
export type UpdateThemeInput = z.infer<typeof UpdateThemeInput>;

/** The full new order of one event's themes of one kind (network principles: no event). */
export const ReorderThemesInput = z.object({
  eventId: optionalId(),
  kind: z.enum(themeKinds, { error: 'errors.invalid_choice' }),
  themeIds: z.preprocess((value) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value), z.array(id()).min(1, 'errors.required').max(200, 'errors.too_many')),
});
export type ReorderThemesInput = z.infer<typeof ReorderThemesInput>;

export const MergeThemesInput = z
  .object({ sourceId: id(), targetId: id() })
  .refine((input) => input.sourceId !== input.targetId, { path: ['targetId'], message: 'errors.invalid_choice' });
export type MergeThemesInput = z.infer<typeof MergeThemesInput>;

export const evidenceNoteMax = 280;

/** A case study (whole, or one of its sections), a thread or a post, tagged to a theme. */
export const TagEvidenceInput = z
  .object({
    themeId: id(),
    targetType: z.enum(evidenceTargets, { error: 'errors.invalid_choice' }),
    targetId: id(),
    sectionKey: z.preprocess(emptyAsUndefined, z.enum(sectionKeys, { error: 'errors.invalid_choice' }).optional()),
    note: optionalText(evidenceNoteMax),
    sessionId: optionalId(),
  })
  .refine((input) => input.targetType === 'case_study' || input.sectionKey === undefined, { path: ['sectionKey'], message: 'errors.invalid_choice' });
export type TagEvidenceInput = z.infer<typeof TagEvidenceInput>;

export const UntagEvidenceInput = z.object({ evidenceId: id() });

/** "This theme recurs in another event": the first theme is the one the viewer works on. */
export const RecurrenceInput = z
  .object({ themeId: id(), otherThemeId: id() })
  .refine((input) => input.themeId !== input.otherThemeId, { path: ['otherThemeId'], message: 'errors.invalid_choice' });

export const SaveSynthesisReportInput = z
  .object({
    eventId: id(),
    // Absent for the first save; then the version the editor started from.
    baseVersion: z.preprocess(emptyAsUndefined, version().optional()),
    titleEn: optionalText(200),
    titleFr: optionalText(200),
    narrativeEn: richTextField,
    narrativeFr: richTextField,
    visibility: z.enum(themeVisibilities, { error: 'errors.invalid_choice' }),
  })
  .refine((input) => !!(input.titleEn || input.titleFr), { path: ['titleEn'], message: 'errors.required' });
export type SaveSynthesisReportInput = z.infer<typeof SaveSynthesisReportInput>;

export const PublishSynthesisReportInput = z.object({
  eventId: id(),
  // Empty: keep the visibility saved with the report.
  visibility: z.preprocess(emptyAsUndefined, z.enum(themeVisibilities, { error: 'errors.invalid_choice' }).optional()),
});

export const SynthesisReportRef = z.object({ eventId: id() });

export const SessionCaseStudyInput = z.object({ sessionId: id(), caseStudyId: id() });

/** The kinds of theme an event's synthesis names, in the report's order (network principles belong to no event). */
export const eventThemeKinds = themeKinds.filter((kind) => kind !== 'network_principle');

/** Who may read a theme or a report, widest first. */
export const synthesisVisibilities = themeVisibilities;
