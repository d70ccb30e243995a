import { getViewer } from '@/lib/auth/viewer';
import { openNotification } from '@/lib/notifications/open';

/**
 * Opening a notification from the list (or from an email): marks it read, then goes where it points, or
 * back to the list when that is gone. A GET so it works as a plain link without JavaScript; it only ever
 * touches the signed-in member's own notification, and the target is our own path, never the request's.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await getViewer();
  const target = viewer ? (openNotification(viewer, id, viewer.locale) ?? '/notifications') : `/sign-in?next=${encodeURIComponent(`/notifications/${id}`)}`;
  // Relative Location: the browser resolves it against this site, whatever host the proxy saw.
  return new Response(null, { status: 303, headers: { Location: target, 'Cache-Control': 'no-store' } });
}
