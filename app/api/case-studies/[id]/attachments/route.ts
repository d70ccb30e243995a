import { getTranslations } from 'next-intl/server';
import { getViewer } from '@/lib/auth/viewer';
import { isAttachmentErrorCode, maxAttachmentBytes, type AttachmentErrorCode } from '@/lib/case-studies/attachment-rules';
import { addAttachment } from '@/lib/case-studies/attachments';
import { isAppError, type AppError } from '@/lib/errors';

type Context = { params: Promise<{ id: string }> };

// The file plus the multipart envelope and the form's other fields.
const maxBodyBytes = maxAttachmentBytes + 1024 * 1024;
// proxy.ts runs on every path, and Next hands a route only the first `proxyClientMaxBodySize` bytes (10 MB
// by default) of a body it had to clone for the proxy: a longer upload arrives truncated and unparseable.
const proxyBodyLimit = 10 * 1024 * 1024;

class BodyTooLargeError extends Error {}

/**
 * Server actions get a same-origin check from Next; route handlers do not, so this is the CSRF defence.
 * Browsers send `Origin` on every POST, so a missing one is refused too. `X-Forwarded-Host` cannot be set by
 * a cross-site page (a custom header needs a CORS preflight this app never grants).
 */
function isSameOrigin(request: Request): boolean {
  const fetchSite = request.headers.get('sec-fetch-site');
  if (fetchSite && fetchSite !== 'same-origin') return false;
  const origin = request.headers.get('origin');
  if (!origin || origin === 'null') return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false;
  }
  const ownHosts = [request.headers.get('x-forwarded-host')?.split(',')[0]?.trim(), request.headers.get('host'), new URL(request.url).host];
  return ownHosts.includes(originHost);
}

/** Reads the body, stopping as soon as it passes the limit (a chunked upload has no Content-Length to check first). */
async function readFormData(request: Request): Promise<FormData> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = request.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBodyBytes) {
      await reader.cancel();
      throw new BodyTooLargeError();
    }
    chunks.push(value);
  }
  try {
    return await new Response(Buffer.concat(chunks), { headers: { 'Content-Type': request.headers.get('content-type') ?? '' } }).formData();
  } catch (error) {
    // An unparseable body of the proxy's size was cut short by it (see proxyBodyLimit): the file was too large.
    if (total >= proxyBodyLimit) throw new BodyTooLargeError();
    throw error;
  }
}

function codeOf(error: AppError): AttachmentErrorCode {
  const key = error.message.startsWith('errors.') ? error.message.slice('errors.'.length) : error.code;
  return isAttachmentErrorCode(key) ? key : 'invalid_input';
}

const statusOf: Partial<Record<AttachmentErrorCode, number>> = {
  attachment_type: 415,
  attachment_too_large: 413,
  attachment_limit: 409,
  not_editable: 409,
  conflict: 409,
  not_found: 404,
  forbidden: 403,
  unauthenticated: 401,
  internal: 500,
};

/**
 * Attaches a file (multipart field `file`) to a case study. A plain HTML form (no JavaScript) is sent back
 * to the edit page with a notice; a fetch client asking for JSON gets `{ id, fileName }` or `{ error }`.
 */
export async function POST(request: Request, { params }: Context) {
  const { id } = await params;
  const wantsJson = (request.headers.get('accept') ?? '').includes('application/json');
  const editPath = `/case-studies/${encodeURIComponent(id)}/edit`;
  const seeOther = (location: string) => new Response(null, { status: 303, headers: { Location: location, 'Cache-Control': 'no-store' } });
  const refuse = async (code: AttachmentErrorCode) => {
    if (!wantsJson) return seeOther(`${editPath}?attachmentError=${code}`);
    const t = await getTranslations('errors');
    return Response.json({ error: t(code) }, { status: statusOf[code] ?? 400, headers: { 'Cache-Control': 'no-store' } });
  };

  // Not redirected: a cross-site page gets nothing it could use.
  if (!isSameOrigin(request)) return new Response('Cross-origin request refused', { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

  const viewer = await getViewer();
  if (!viewer) return wantsJson ? refuse('unauthenticated') : seeOther(`/sign-in?next=${encodeURIComponent(editPath)}`);

  const declaredLength = Number(request.headers.get('content-length') ?? 0);
  if (declaredLength > maxBodyBytes) return refuse('attachment_too_large');
  if (!(request.headers.get('content-type') ?? '').toLowerCase().startsWith('multipart/form-data')) return refuse('invalid_input');

  let form: FormData;
  try {
    form = await readFormData(request);
  } catch (error) {
    return refuse(error instanceof BodyTooLargeError ? 'attachment_too_large' : 'invalid_input');
  }
  const file = form.get('file');
  // A form sent without choosing a file still carries an empty, nameless part.
  if (!(file instanceof File) || (file.size === 0 && file.name === '')) return refuse('attachment_missing');

  try {
    const attached = await addAttachment({ viewer, caseStudyId: id, file: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } });
    return wantsJson ? Response.json(attached, { status: 201, headers: { 'Cache-Control': 'no-store' } }) : seeOther(`${editPath}?attachment=added`);
  } catch (error) {
    if (isAppError(error)) return refuse(codeOf(error));
    console.error('Unexpected error while attaching a file', error);
    return refuse('internal');
  }
}
