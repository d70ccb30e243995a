// Who a follow-up round asks and its calendar, as plain values and functions (no database): shared by the
// scheduling, the jobs, the pages and the demo seed. Days are ISO calendar days in UTC, like refreshers.

/** Those an event's follow-up asks: everyone who took part, not those who only facilitated it. */
export const invitedRoles = ['participant', 'presenter', 'synthesis'] as const;

const dayMs = 86_400_000;

/** Today as a calendar day in UTC: rounds open and close by whole days. */
export const todayIso = (now = Date.now()) => new Date(now).toISOString().slice(0, 10);

/** `days` calendar days after an ISO day (before it when negative). */
export function addDays(isoDay: string, days: number): string {
  return new Date(Date.parse(`${isoDay}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}

/** Whether a round takes answers today: not cancelled, from the day it opens to its last day included. */
export const isRoundOpen = (round: { opensOn: string; closesOn: string; cancelledAt: Date | null }, today = todayIso()) =>
  !round.cancelledAt && round.opensOn <= today && today <= round.closesOn;

/** Invitations go out in the morning of the day a round opens (07:00 UTC is morning across the network). */
export const invitationTime = (isoDay: string) => Date.parse(`${isoDay}T07:00:00Z`);

/** The one reminder: two weeks after the invitation, or halfway to the round's last day when that is sooner. */
export function reminderTime(invitedAt: number, closesOn: string): number {
  const lastMoment = Date.parse(`${closesOn}T23:59:59Z`);
  return Math.min(invitedAt + 14 * dayMs, invitedAt + Math.max(0, Math.floor((lastMoment - invitedAt) / 2)));
}
