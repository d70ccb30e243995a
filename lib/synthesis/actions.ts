'use server';

import { z } from 'zod';
import { memberFormAction } from '@/lib/actions/form-action';
import { memberJsonAction } from '@/lib/actions/json-action';
import { getAppLocale } from '@/lib/pages';
import {
  createTheme,
  linkSessionCaseStudy,
  markRecurring,
  mergeThemes,
  publishSynthesisReport,
  reorderThemes,
  saveSynthesisReport,
  tagEvidence,
  unlinkSessionCaseStudy,
  unmarkRecurring,
  unpublishSynthesisReport,
  untagEvidence,
  updateTheme,
} from './mutations';
import { quickTagCandidates } from './queries';
import {
  CreateThemeInput,
  MergeThemesInput,
  PublishSynthesisReportInput,
  RecurrenceInput,
  ReorderThemesInput,
  SaveSynthesisReportInput,
  SessionCaseStudyInput,
  SynthesisReportRef,
  TagEvidenceInput,
  UntagEvidenceInput,
  UpdateThemeInput,
} from './schemas';

// Thin: parse, call the mutation (which checks the policy), say where to go. Every one works as a plain form.
// The mutations parse again: they receive the form's values (`input`), already checked here.

export const createThemeAction = memberFormAction(CreateThemeInput, ({ viewer, input }) => {
  createTheme({ viewer, input });
  return { message: 'synthesis.themeCreated' };
});

export const updateThemeAction = memberFormAction(UpdateThemeInput, ({ viewer, input }) => {
  updateTheme({ viewer, input });
  return { redirectTo: `/themes/${input.themeId}` };
});

export const reorderThemesAction = memberFormAction(ReorderThemesInput, ({ viewer, input }) => {
  reorderThemes({ viewer, input });
});

export const mergeThemesAction = memberFormAction(MergeThemesInput, ({ viewer, input }) => {
  const { targetId } = mergeThemes({ viewer, input });
  return { redirectTo: `/themes/${targetId}` };
});

export const tagEvidenceAction = memberFormAction(TagEvidenceInput, ({ viewer, input }) => {
  const { isNew } = tagEvidence({ viewer, input });
  return { message: isNew ? 'synthesis.tagged' : 'synthesis.tagUpdated' };
});

export const untagEvidenceAction = memberFormAction(UntagEvidenceInput, ({ viewer, input }) => {
  untagEvidence({ viewer, input });
  return { message: 'synthesis.untagged' };
});

export const markRecurringAction = memberFormAction(RecurrenceInput, ({ viewer, input }) => {
  markRecurring({ viewer, input });
  return { message: 'synthesis.recurringMarked' };
});

export const unmarkRecurringAction = memberFormAction(RecurrenceInput, ({ viewer, input }) => {
  unmarkRecurring({ viewer, input });
});

export const saveSynthesisReportAction = memberFormAction(SaveSynthesisReportInput, ({ viewer, input }) => {
  saveSynthesisReport({ viewer, input });
  return { message: 'synthesis.reportSaved' };
});

export const publishSynthesisReportAction = memberFormAction(PublishSynthesisReportInput, ({ viewer, input }) => {
  publishSynthesisReport({ viewer, input });
  return { message: 'synthesis.reportPublished' };
});

export const unpublishSynthesisReportAction = memberFormAction(SynthesisReportRef, ({ viewer, input }) => {
  unpublishSynthesisReport({ viewer, input });
  return { message: 'synthesis.reportUnpublished' };
});

export const linkSessionCaseStudyAction = memberFormAction(SessionCaseStudyInput, ({ viewer, input }) => {
  linkSessionCaseStudy({ viewer, input });
});

export const unlinkSessionCaseStudyAction = memberFormAction(SessionCaseStudyInput, ({ viewer, input }) => {
  unlinkSessionCaseStudy({ viewer, input });
});

/** The quick tagger: themes the viewer may tag whose title matches a few typed letters. */
export const quickTagCandidatesAction = memberJsonAction(z.object({ query: z.string().max(60) }), async ({ viewer, input }) => quickTagCandidates(viewer, input.query, undefined, await getAppLocale()));
