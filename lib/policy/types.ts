export const visibilities = ['public', 'members', 'event', 'organisation', 'private'] as const;
export type Visibility = (typeof visibilities)[number];

export const siteRoles = ['member', 'moderator', 'admin'] as const;
export type SiteRole = (typeof siteRoles)[number];

export const organisationRoles = ['member', 'editor'] as const;
export type OrganisationRole = (typeof organisationRoles)[number];

export const eventRoles = ['participant', 'presenter', 'facilitator', 'synthesis'] as const;
export type EventRole = (typeof eventRoles)[number];

export type Locale = 'en' | 'fr';

/** The signed-in person, with every membership read from SQLite on this request. */
export type Viewer = {
  userId: string;
  displayName: string;
  locale: Locale;
  siteRole: SiteRole;
  organisationRoles: Readonly<Record<string, OrganisationRole>>;
  eventRoles: Readonly<Record<string, readonly EventRole[]>>;
};

/** `null` is an anonymous visitor. Disabled or revoked sessions never become a Viewer. */
export type MaybeViewer = Viewer | null;

/**
 * What the read rule needs to know about any item that carries a visibility. Every content kind
 * (case study, theme, thread, post, ...) maps its row to these facts, and so does its search document.
 */
export type ContentFacts = {
  visibility: Visibility;
  organisationId: string | null;
  eventId: string | null;
  authorIds: readonly string[];
  /** false while drafting or in review: only authors, the owning organisation's editors and (once submitted) the event's facilitators may read. */
  isPublished: boolean;
  /** submitted to an event's call: its facilitators review it. */
  isSubmitted: boolean;
};
