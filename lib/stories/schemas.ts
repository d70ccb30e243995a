import { z } from 'zod';
import { storyVisibilities } from '@/db/schema/stories';
import { checkbox, many, requiredText } from '@/lib/forms';
import { applicationWays } from '@/lib/follow-ups/answers';

// Messages are i18n keys: `errors.*` for the shared ones, `stories.errors.*` for what only stories say.

const id = () => z.string({ error: 'errors.required' }).min(1, 'errors.required').max(40);
/** An empty option ("for myself") means none. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

export const maxStoryBodyLength = 5000;

/** Plain text that keeps its paragraphs: Windows line ends folded, runs of blank lines cut to one, spaces trimmed. */
const storyBody = z.preprocess(
  (value) => (typeof value === 'string' ? value.replace(/\r\n?/g, '\n').replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n') : value),
  requiredText(20, maxStoryBodyLength),
);

export const maxStoryLinks = 10;

const storyFields = {
  title: requiredText(1, 160),
  body: storyBody,
  applicationWays: many(z.enum(applicationWays, { error: 'errors.invalid_choice' }), applicationWays.length).refine((ways) => ways.length > 0, 'stories.errors.chooseWay'),
  caseStudyIds: many(id(), maxStoryLinks),
  themeIds: many(id(), maxStoryLinks),
  organisationId: optional(id()),
  // Only read when the story is nobody's organisation's: otherwise the organisation's country counts.
  countryCode: optional(z.string().regex(/^[A-Z]{2}$/, 'errors.invalid_choice')),
  visibility: z.enum(storyVisibilities, { error: 'errors.invalid_choice' }).default('members'),
  safetyConfirmed: checkbox(),
};

type StoryFields = { caseStudyIds: string[]; themeIds: string[]; organisationId?: string; countryCode?: string; visibility: (typeof storyVisibilities)[number]; safetyConfirmed: boolean };

/** The rules that look at several fields at once, shared by recording and editing. */
function checkStory(story: StoryFields, context: z.RefinementCtx) {
  if (!story.caseStudyIds.length && !story.themeIds.length) context.addIssue({ code: 'custom', path: ['caseStudyIds'], message: 'stories.errors.linkOne' });
  if (!story.organisationId && !story.countryCode) context.addIssue({ code: 'custom', path: ['countryCode'], message: 'stories.errors.countryNeeded' });
  if (story.visibility === 'organisation' && !story.organisationId) context.addIssue({ code: 'custom', path: ['visibility'], message: 'stories.errors.organisationVisibility' });
  // A story open to everyone can be read by anyone, in any country: the author confirms first that it names nobody at risk.
  if (story.visibility === 'public' && !story.safetyConfirmed) context.addIssue({ code: 'custom', path: ['safetyConfirmed'], message: 'errors.safety_checklist' });
}

export const RecordStoryInput = z.object(storyFields).superRefine(checkStory);
export type RecordStoryInput = z.infer<typeof RecordStoryInput>;

export const EditStoryInput = z.object({ storyId: id(), ...storyFields }).superRefine(checkStory);
export type EditStoryInput = z.infer<typeof EditStoryInput>;

export const DeleteStoryInput = z.object({ storyId: id() });
