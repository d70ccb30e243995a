import { expect } from 'vitest';
import type { MaybeViewer } from '@/lib/policy/types';
import { recordStory } from '@/lib/stories/mutations';

/** A story as the form posts it (strings; an empty organisation is "for myself"), with what a test changes. */
export function storyInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Peer navigators in our district',
    body: 'After the event we adapted the peer navigator model to our district and trained four navigators.',
    applicationWays: ['adopted_good_practice'],
    caseStudyIds: [],
    themeIds: [],
    organisationId: '',
    countryCode: '',
    visibility: 'members',
    ...overrides,
  };
}

export function recordAs(viewer: MaybeViewer, overrides: Record<string, unknown> = {}): string {
  return recordStory({ viewer, input: storyInput(overrides) }).id;
}
