import { getViewer } from '@/lib/auth/viewer';
import { downloadHeaders, readAttachment } from '@/lib/case-studies/attachments';
import { isAppError } from '@/lib/errors';

type Context = { params: Promise<{ id: string }> };

/**
 * Downloads an attachment for anyone who may read its case study. Everyone else gets the very same 404 as
 * for an id that never existed, so the response reveals nothing about what exists.
 */
export async function GET(_request: Request, { params }: Context) {
  const [{ id }, viewer] = await Promise.all([params, getViewer()]);
  try {
    const file = await readAttachment({ viewer, attachmentId: id });
    return new Response(file.stream, { status: 200, headers: downloadHeaders(file.fileName, file.mimeType, file.byteSize) });
  } catch (error) {
    if (isAppError(error) && error.code === 'not_found') {
      return new Response('Not found', {
        status: 404,
        headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'private, no-store' },
      });
    }
    throw error;
  }
}
