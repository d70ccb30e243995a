export { recordStory } from '../../lib/stories/mutations';

/** A valid story applying the writer's case study: what every fault run writes. */
export function storyInputFor(writer: { organisationId: string; caseStudyId: string }, title: string) {
  return {
    title,
    body: 'A story written by the fault bench, long enough to pass validation and to fill a few pages over time.',
    applicationWays: ['adopted_good_practice'],
    caseStudyIds: [writer.caseStudyId],
    themeIds: [],
    organisationId: writer.organisationId,
    countryCode: '',
    visibility: 'members',
  };
}
