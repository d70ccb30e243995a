import 'server-only';
import { cache } from 'react';
import { redirect } from 'next/navigation';
import { findViewer } from '@/lib/accounts/queries';
import type { MaybeViewer, Viewer } from '@/lib/policy/types';
import { auth } from './config';

/**
 * The current viewer, once per request. Memberships and roles come from SQLite every time, so a removed
 * membership or a disabled account takes effect on the very next request; a token whose session version
 * is stale (signed out everywhere, password changed) yields an anonymous visitor.
 */
export const getViewer = cache(async (): Promise<MaybeViewer> => {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId || session.sessionVersion === undefined) return null;
  return findViewer(userId, session.sessionVersion);
});

/** For pages that need a signed-in member: anonymous visitors go to sign-in and come back. */
export async function requireViewer(returnTo: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  return viewer;
}
