import { getTranslations } from 'next-intl/server';
import { getViewer } from '@/lib/auth/viewer';
import { downloadHeaders } from '@/lib/case-studies/attachments';
import { buildOwnDataArchive } from '@/lib/own-data/archive';

/** `GET /api/me/archive`: everything the signed-in member wrote and their profile, as one zip. */
export async function GET() {
  const viewer = await getViewer();
  if (!viewer) return new Response('Sign in first.', { status: 401, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const t = await getTranslations('ownData');
  const { fileName, bytes } = buildOwnDataArchive(viewer, `${t('readme')}\n`);
  return new Response(Buffer.from(bytes), { headers: { ...downloadHeaders(fileName, 'application/zip', bytes.byteLength), 'Cache-Control': 'private, no-store' } });
}
