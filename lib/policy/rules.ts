import { AppError } from '@/lib/errors';
import { canReadContent } from './audience';
import type { ContentFacts, MaybeViewer, Viewer } from './types';
import type { PostFacts, SubjectFacts, ThreadFacts } from '@/lib/conversations/facts';

/** Facts about an organisation or event: listed publicly or to members only. */
export type ListingFacts = { id: string; visibility: 'public' | 'members' };
export type ProfileFacts = { userId: string; isInDirectory: boolean; isDisabled: boolean };
/** A case study's read facts plus what its workflow rules need. */
export type CaseStudyFacts = ContentFacts & { organisationId: string };
export type OrganisationRef = { organisationId: string };
/** A theme or a synthesis report: its read facts, and the event whose synthesis group works on it (null: network-wide). */
export type SynthesisFacts = ContentFacts & { eventId: string | null };
export type SynthesisScope = { eventId: string | null };
/** A connection between two members, as its two parties and where it stands. */
export type ConnectionFacts = { requesterId: string; recipientId: string; status: 'pending' | 'accepted' | 'declined' | 'withdrawn' };
/** One invited participant's follow-up response: whose it is and whether its round takes answers now. */
export type FollowUpResponseFacts = { userId: string; isOpen: boolean };
/** The impact dashboard's scope: one event (with its listing facts) or the whole network (null). */
export type ImpactScope = { event: ListingFacts | null };
/** Where a new applied-learning story would belong (null: the author's own, no organisation). */
export type StoryOwner = { organisationId: string | null };

/** Every action, the resource it is asked about, and its rule. Deny by default: an action not here does not exist. */
type Rules = {
  'organisation.read': (viewer: MaybeViewer, organisation: ListingFacts) => boolean;
  'organisation.create': (viewer: MaybeViewer, resource: null) => boolean;
  'organisation.update': (viewer: MaybeViewer, organisation: ListingFacts) => boolean;
  'organisation.listMembers': (viewer: MaybeViewer, organisation: ListingFacts) => boolean;
  'event.read': (viewer: MaybeViewer, event: ListingFacts) => boolean;
  'event.create': (viewer: MaybeViewer, resource: null) => boolean;
  'event.update': (viewer: MaybeViewer, event: ListingFacts) => boolean;
  'event.manageParticipants': (viewer: MaybeViewer, event: ListingFacts) => boolean;
  'event.manageProgramme': (viewer: MaybeViewer, event: ListingFacts) => boolean;
  'profile.read': (viewer: MaybeViewer, profile: ProfileFacts) => boolean;
  'profile.readDetails': (viewer: MaybeViewer, profile: ProfileFacts) => boolean;
  'member.manage': (viewer: MaybeViewer, resource: null) => boolean;
  'member.changeAccess': (viewer: MaybeViewer, member: { userId: string }) => boolean;
  'invite.create': (viewer: MaybeViewer, resource: null) => boolean;
  'audit.read': (viewer: MaybeViewer, resource: null) => boolean;
  'admin.access': (viewer: MaybeViewer, resource: null) => boolean;
  'caseStudy.create': (viewer: MaybeViewer, owner: OrganisationRef) => boolean;
  'caseStudy.read': (viewer: MaybeViewer, caseStudy: CaseStudyFacts) => boolean;
  'caseStudy.edit': (viewer: MaybeViewer, caseStudy: CaseStudyFacts) => boolean;
  'caseStudy.submit': (viewer: MaybeViewer, caseStudy: CaseStudyFacts) => boolean;
  'caseStudy.publish': (viewer: MaybeViewer, caseStudy: CaseStudyFacts) => boolean;
  'caseStudy.review': (viewer: MaybeViewer, caseStudy: CaseStudyFacts) => boolean;
  'caseStudy.readReview': (viewer: MaybeViewer, caseStudy: CaseStudyFacts) => boolean;
  'call.manage': (viewer: MaybeViewer, event: ListingFacts) => boolean;
  'thread.start': (viewer: MaybeViewer, subject: SubjectFacts) => boolean;
  'thread.read': (viewer: MaybeViewer, thread: ThreadFacts) => boolean;
  'thread.reply': (viewer: MaybeViewer, thread: ThreadFacts) => boolean;
  'thread.follow': (viewer: MaybeViewer, thread: ThreadFacts) => boolean;
  'thread.lock': (viewer: MaybeViewer, thread: ThreadFacts) => boolean;
  'question.ask': (viewer: MaybeViewer, caseStudy: CaseStudyFacts) => boolean;
  'question.markAnswer': (viewer: MaybeViewer, caseStudy: CaseStudyFacts) => boolean;
  'question.listForOrganisation': (viewer: MaybeViewer, owner: OrganisationRef) => boolean;
  'post.readText': (viewer: MaybeViewer, post: PostFacts) => boolean;
  'post.edit': (viewer: MaybeViewer, post: PostFacts) => boolean;
  'post.delete': (viewer: MaybeViewer, post: PostFacts) => boolean;
  'post.react': (viewer: MaybeViewer, post: PostFacts) => boolean;
  'post.report': (viewer: MaybeViewer, post: PostFacts) => boolean;
  'post.moderate': (viewer: MaybeViewer, post: PostFacts) => boolean;
  'moderation.queue': (viewer: MaybeViewer, resource: null) => boolean;
  'event.manageFollowUp': (viewer: MaybeViewer, event: ListingFacts) => boolean;
  'event.readRefresher': (viewer: MaybeViewer, event: ListingFacts) => boolean;
  'theme.read': (viewer: MaybeViewer, theme: SynthesisFacts) => boolean;
  'synthesis.manage': (viewer: MaybeViewer, scope: SynthesisScope) => boolean;
  'synthesis.read': (viewer: MaybeViewer, report: SynthesisFacts) => boolean;
  'synthesis.download': (viewer: MaybeViewer, report: SynthesisFacts) => boolean;
  'directory.read': (viewer: MaybeViewer, resource: null) => boolean;
  'connection.request': (viewer: MaybeViewer, profile: ProfileFacts) => boolean;
  'connection.read': (viewer: MaybeViewer, connection: ConnectionFacts) => boolean;
  'connection.respond': (viewer: MaybeViewer, connection: ConnectionFacts) => boolean;
  'connection.withdraw': (viewer: MaybeViewer, connection: ConnectionFacts) => boolean;
  'connection.readContact': (viewer: MaybeViewer, connection: ConnectionFacts) => boolean;
  'connection.recordOutcome': (viewer: MaybeViewer, connection: ConnectionFacts) => boolean;
  'followUp.answer': (viewer: MaybeViewer, response: FollowUpResponseFacts) => boolean;
  'impact.read': (viewer: MaybeViewer, scope: ImpactScope) => boolean;
  'impact.export': (viewer: MaybeViewer, scope: ImpactScope) => boolean;
  'story.create': (viewer: MaybeViewer, owner: StoryOwner) => boolean;
  'story.read': (viewer: MaybeViewer, story: ContentFacts) => boolean;
  'story.edit': (viewer: MaybeViewer, story: ContentFacts) => boolean;
  'content.read': (viewer: MaybeViewer, item: ContentFacts) => boolean;
  'content.update': (viewer: MaybeViewer, item: ContentFacts) => boolean;
  'content.moderate': (viewer: MaybeViewer, item: ContentFacts) => boolean;
};
export type Action = keyof Rules;
export type ResourceOf<A extends Action> = Parameters<Rules[A]>[1];

const isSignedIn = (viewer: MaybeViewer): viewer is Viewer => viewer !== null;
const isAdmin = (viewer: MaybeViewer) => viewer?.siteRole === 'admin';
const isModerator = (viewer: MaybeViewer) => viewer?.siteRole === 'moderator' || isAdmin(viewer);
const isFacilitatorOf = (viewer: MaybeViewer, eventId: string) => !!viewer?.eventRoles[eventId]?.includes('facilitator');
const isEditorOf = (viewer: MaybeViewer, organisationId: string | null) => organisationId !== null && viewer?.organisationRoles[organisationId] === 'editor';
/** Facilitators and synthesis-group members of an event name its themes, tag evidence and write its report. */
const isSynthesisTeamOf = (viewer: MaybeViewer, eventId: string | null) =>
  eventId === null
    ? isAdmin(viewer) || Object.values(viewer?.eventRoles ?? {}).some((roles) => roles.includes('facilitator'))
    : !!viewer?.eventRoles[eventId]?.some((role) => role === 'facilitator' || role === 'synthesis');
const isMemberOf = (viewer: MaybeViewer, organisationId: string | null) => organisationId !== null && viewer?.organisationRoles[organisationId] !== undefined;
/** Facilitators review what was submitted to their event's call. */
const isReviewerOf = (viewer: MaybeViewer, item: ContentFacts) => item.isSubmitted && item.eventId !== null && isFacilitatorOf(viewer, item.eventId);
/**
 * Who may change an item: its organisation's editors, and its authors while they still belong to the
 * organisation (staff turnover must not leave a former employee holding the pen). Items without an
 * organisation are their authors'.
 */
const canWrite = (viewer: MaybeViewer, item: ContentFacts) =>
  isEditorOf(viewer, item.organisationId) ||
  (isSignedIn(viewer) && item.authorIds.includes(viewer.userId) && (item.organisationId === null || isMemberOf(viewer, item.organisationId)));
const canReadListing = (viewer: MaybeViewer, listing: ListingFacts) => listing.visibility === 'public' || isSignedIn(viewer);
const isPartyTo = (viewer: MaybeViewer, connection: ConnectionFacts) => isSignedIn(viewer) && (viewer.userId === connection.requesterId || viewer.userId === connection.recipientId);

// Admins manage people and structure, but read content by the same visibility as everyone:
// a site admin is not entitled to an organisation's private work (docs/decisions/002-admins-and-content.md).
const rules: Rules = {
  'organisation.read': canReadListing,
  'organisation.create': isAdmin,
  'organisation.update': isAdmin,
  // The full member list (co-author pickers) is for the organisation's own members; others see only
  // members who opted in to the directory.
  'organisation.listMembers': (viewer, organisation) => isMemberOf(viewer, organisation.id),
  'event.read': canReadListing,
  'event.create': isAdmin,
  'event.update': isAdmin,
  'event.manageParticipants': isAdmin,
  'event.manageProgramme': (viewer, event) => isAdmin(viewer) || isFacilitatorOf(viewer, event.id),
  // Profiles are for members only; a disabled member's profile is gone.
  'profile.read': (viewer, profile) => isSignedIn(viewer) && (!profile.isDisabled || isAdmin(viewer)),
  // Organisation, country and events show only for members who opted in to the directory.
  'profile.readDetails': (viewer, profile) =>
    isSignedIn(viewer) && (viewer.userId === profile.userId || (profile.isInDirectory && !profile.isDisabled)),
  'member.manage': isAdmin,
  // Roles, memberships, event roles and disabling: another admin's hand, never one's own. Admins manage
  // structure, not their own access to content (decision 002), and cannot lock themselves out.
  'member.changeAccess': (viewer, member) => isAdmin(viewer) && viewer!.userId !== member.userId,
  'invite.create': isAdmin,
  'audit.read': isAdmin,
  'admin.access': isAdmin,
  // Case studies: the organisation's editors own them; co-authors write while they are still members of it
  // (staff turnover must not leave a former employee holding the pen); facilitators review submissions.
  // Whether an action fits the case study's current status is lib/case-studies/workflow.ts's concern.
  'caseStudy.create': (viewer, owner) => isEditorOf(viewer, owner.organisationId),
  'caseStudy.read': canReadContent,
  'caseStudy.edit': (viewer, caseStudy) => canWrite(viewer, caseStudy),
  'caseStudy.submit': (viewer, caseStudy) => isEditorOf(viewer, caseStudy.organisationId),
  'caseStudy.publish': (viewer, caseStudy) => isEditorOf(viewer, caseStudy.organisationId),
  'caseStudy.review': (viewer, caseStudy) => isReviewerOf(viewer, caseStudy),
  'caseStudy.readReview': (viewer, caseStudy) =>
    isEditorOf(viewer, caseStudy.organisationId) || isReviewerOf(viewer, caseStudy) || (isSignedIn(viewer) && caseStudy.authorIds.includes(viewer.userId)),
  'call.manage': (viewer, event) => isAdmin(viewer) || isFacilitatorOf(viewer, event.id),
  // Conversations. Moderators act on what they may read, like everyone (decision 002); reports never hide
  // anything by themselves. The case study's writers answer the questions addressed to it.
  'thread.start': (viewer, subject) => isSignedIn(viewer) && canReadContent(viewer, subject) && subject.visibility !== 'private',
  'thread.read': canReadContent,
  'thread.reply': (viewer, thread) => isSignedIn(viewer) && canReadContent(viewer, thread) && !thread.isLocked,
  'thread.follow': (viewer, thread) => isSignedIn(viewer) && canReadContent(viewer, thread),
  'thread.lock': (viewer, thread) => isModerator(viewer) && canReadContent(viewer, thread),
  'question.ask': (viewer, caseStudy) => isSignedIn(viewer) && caseStudy.isPublished && canReadContent(viewer, caseStudy),
  'question.markAnswer': (viewer, caseStudy) => canWrite(viewer, caseStudy),
  'question.listForOrganisation': (viewer, owner) => isMemberOf(viewer, owner.organisationId),
  'post.readText': (viewer, post) =>
    canReadContent(viewer, post) && !post.isDeleted && (!post.isHidden || isModerator(viewer) || (isSignedIn(viewer) && viewer.userId === post.postAuthorId)),
  'post.edit': (viewer, post) => isSignedIn(viewer) && viewer.userId === post.postAuthorId && canReadContent(viewer, post) && !post.isDeleted && !post.isHidden && !post.isLocked,
  'post.delete': (viewer, post) => isSignedIn(viewer) && viewer.userId === post.postAuthorId && canReadContent(viewer, post) && !post.isDeleted,
  'post.react': (viewer, post) => isSignedIn(viewer) && canReadContent(viewer, post) && !post.isDeleted && !post.isHidden,
  'post.report': (viewer, post) => isSignedIn(viewer) && viewer.userId !== post.postAuthorId && canReadContent(viewer, post) && !post.isDeleted,
  'post.moderate': (viewer, post) => isModerator(viewer) && canReadContent(viewer, post),
  'moderation.queue': isModerator,
  // Synthesis: the event's group works on themes and the report before anyone else reads them; others
  // read by visibility. A deck is a download of what the member may read, for signed-in members.
  'theme.read': (viewer, theme) => canReadContent(viewer, theme) || isSynthesisTeamOf(viewer, theme.eventId),
  'synthesis.manage': (viewer, scope) => isSynthesisTeamOf(viewer, scope.eventId),
  'synthesis.read': (viewer, report) => canReadContent(viewer, report) || isSynthesisTeamOf(viewer, report.eventId),
  'synthesis.download': (viewer, report) => isSignedIn(viewer) && (canReadContent(viewer, report) || isSynthesisTeamOf(viewer, report.eventId)),
  // Refreshers now, follow-up surveys later: the event's facilitators (and admins) schedule them.
  'event.manageFollowUp': (viewer, event) => isAdmin(viewer) || isFacilitatorOf(viewer, event.id),
  // A refresher is for the event's participants; those who schedule them may preview it.
  'event.readRefresher': (viewer, event) => canReadListing(viewer, event) && (viewer?.eventRoles[event.id] !== undefined || isAdmin(viewer) || isFacilitatorOf(viewer, event.id)),
  // Directory and connections: for signed-in members only, and only with members who opted in to the
  // directory. Contact details cross only once the recipient has accepted (decision 008).
  'directory.read': isSignedIn,
  'connection.request': (viewer, profile) => isSignedIn(viewer) && viewer.userId !== profile.userId && profile.isInDirectory && !profile.isDisabled,
  'connection.read': isPartyTo,
  'connection.respond': (viewer, connection) => isSignedIn(viewer) && viewer.userId === connection.recipientId && connection.status === 'pending',
  'connection.withdraw': (viewer, connection) => isSignedIn(viewer) && viewer.userId === connection.requesterId && connection.status === 'pending',
  'connection.readContact': (viewer, connection) => isPartyTo(viewer, connection) && connection.status === 'accepted',
  'connection.recordOutcome': (viewer, connection) => isPartyTo(viewer, connection) && connection.status === 'accepted',
  // A follow-up response is its participant's alone, and only while the round takes answers.
  'followUp.answer': (viewer, response) => isSignedIn(viewer) && viewer.userId === response.userId && response.isOpen,
  // Impact figures are aggregates with small groups suppressed: an event's to its participants, facilitators
  // and admins; the network's to every member. The anonymised answers are for those who run the follow-up.
  'impact.read': (viewer, scope) =>
    scope.event === null ? isSignedIn(viewer) : canReadListing(viewer, scope.event) && (isAdmin(viewer) || viewer?.eventRoles[scope.event.id] !== undefined),
  'impact.export': (viewer, scope) => (scope.event === null ? isAdmin(viewer) : isAdmin(viewer) || isFacilitatorOf(viewer, scope.event.id)),
  // Applied-learning stories: a member writes for themself or for an organisation they belong to; read by
  // visibility like any content; changed by their author while still a member, or the organisation's editors.
  'story.create': (viewer, owner) => isSignedIn(viewer) && (owner.organisationId === null || isMemberOf(viewer, owner.organisationId)),
  'story.read': canReadContent,
  'story.edit': (viewer, story) => canWrite(viewer, story),
  'content.read': canReadContent,
  'content.update': (viewer, item) => canWrite(viewer, item),
  'content.moderate': (viewer, item) => isModerator(viewer) && canReadContent(viewer, item),
};

const readActionOf: Partial<Record<Action, Action>> = {
  'organisation.update': 'organisation.read',
  'organisation.listMembers': 'organisation.read',
  'event.update': 'event.read',
  'event.manageParticipants': 'event.read',
  'event.manageProgramme': 'event.read',
  'profile.readDetails': 'profile.read',
  'caseStudy.edit': 'caseStudy.read',
  'caseStudy.submit': 'caseStudy.read',
  'caseStudy.publish': 'caseStudy.read',
  'caseStudy.review': 'caseStudy.read',
  'caseStudy.readReview': 'caseStudy.read',
  'call.manage': 'event.read',
  'thread.reply': 'thread.read',
  'thread.follow': 'thread.read',
  'thread.lock': 'thread.read',
  'question.ask': 'caseStudy.read',
  'question.markAnswer': 'caseStudy.read',
  'post.readText': 'thread.read',
  'post.edit': 'thread.read',
  'post.delete': 'thread.read',
  'post.react': 'thread.read',
  'post.report': 'thread.read',
  'post.moderate': 'thread.read',
  'event.manageFollowUp': 'event.read',
  'event.readRefresher': 'event.read',
  'synthesis.download': 'synthesis.read',
  'connection.request': 'profile.read',
  'connection.respond': 'connection.read',
  'connection.withdraw': 'connection.read',
  'connection.readContact': 'connection.read',
  'connection.recordOutcome': 'connection.read',
  'impact.export': 'impact.read',
  'story.edit': 'story.read',
  'content.update': 'content.read',
  'content.moderate': 'content.read',
};

export function can<A extends Action>(viewer: MaybeViewer, action: A, resource: ResourceOf<A>): boolean {
  const rule = rules[action] as ((viewer: MaybeViewer, resource: ResourceOf<A>) => boolean) | undefined;
  return rule ? rule(viewer, resource) : false;
}

/**
 * Throws `not_found` when the viewer may not even read the resource (its existence is not revealed),
 * `unauthenticated` for anonymous visitors asked to sign in, and `forbidden` when it is readable but not actionable.
 */
export function assertCan<A extends Action>(viewer: MaybeViewer, action: A, resource: ResourceOf<A>): void {
  if (can(viewer, action, resource)) return;
  const readAction = readActionOf[action];
  if (readAction && !can(viewer, readAction, resource as never)) throw new AppError('not_found');
  if (readAction === undefined && action.endsWith('.read')) throw new AppError('not_found');
  throw new AppError(viewer ? 'forbidden' : 'unauthenticated');
}

/** Which controls the UI may show for a resource. The UI never decides on its own. */
export function abilitiesFor<A extends Action>(viewer: MaybeViewer, actions: readonly A[], resource: ResourceOf<A>) {
  return Object.fromEntries(actions.map((action) => [action, can(viewer, action, resource)])) as Record<A, boolean>;
}
