import type { MaybeViewer } from './types';

// The viewer's relations as lists, for the read rule's clauses and for queries that scope by them.
// Derived here only, so "who counts as an editor or a facilitator" has one definition.

export function memberOrganisationIds(viewer: MaybeViewer): string[] {
  return viewer ? Object.keys(viewer.organisationRoles) : [];
}

/** Organisations whose content the viewer owns as an editor (and may start case studies for). */
export function editorOrganisationIds(viewer: MaybeViewer): string[] {
  return viewer ? Object.keys(viewer.organisationRoles).filter((id) => viewer.organisationRoles[id] === 'editor') : [];
}

export function participantEventIds(viewer: MaybeViewer): string[] {
  return viewer ? Object.keys(viewer.eventRoles) : [];
}

/** Events whose calls the viewer runs and whose submissions they review. */
export function facilitatedEventIds(viewer: MaybeViewer): string[] {
  return viewer ? Object.keys(viewer.eventRoles).filter((id) => viewer.eventRoles[id]?.includes('facilitator')) : [];
}

/** Events whose synthesis the viewer works on (facilitators and synthesis-group members): themes, tags, report. */
export function synthesisEventIds(viewer: MaybeViewer): string[] {
  return viewer ? Object.keys(viewer.eventRoles).filter((id) => viewer.eventRoles[id]?.some((role) => role === 'facilitator' || role === 'synthesis')) : [];
}
