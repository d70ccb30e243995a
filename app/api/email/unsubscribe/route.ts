import { unsubscribeWithToken } from '@/lib/email/mutations';

export const dynamic = 'force-dynamic';

/** Back to the page, which says whether email is now off (or why the link is not valid). */
function redirectToPage(userId: unknown, token: unknown) {
  const query = new URLSearchParams({ u: typeof userId === 'string' ? userId : '', t: typeof token === 'string' ? token : '' });
  return new Response(null, { status: 303, headers: { Location: `/email/unsubscribe?${query}`, 'Cache-Control': 'no-store' } });
}

/**
 * The List-Unsubscribe endpoint. POST is RFC 8058 one-click (mail clients send `List-Unsubscribe=One-Click`
 * to the address in the header, token in the query) and the page's confirm button (token in the form, then
 * back to the page): email goes off for the member the signed token names, nothing else changes.
 */
export async function POST(request: Request) {
  const url = new URL(request.url);
  const form = await request.formData().catch(() => null);
  const field = (name: string) => url.searchParams.get(name) ?? form?.get(name) ?? null;
  const [userId, token] = [field('u'), field('t')];
  const isUnsubscribed = unsubscribeWithToken({ userId, token });
  if (form?.get('from') === 'page') return redirectToPage(userId, token);
  return new Response(isUnsubscribed ? 'Unsubscribed.\n' : 'This unsubscribe link is not valid.\n', {
    status: isUnsubscribed ? 200 : 400,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}

/** A mail client that opens the header's address in a browser lands on the page, which changes nothing until the member confirms. */
export function GET(request: Request) {
  const url = new URL(request.url);
  return redirectToPage(url.searchParams.get('u'), url.searchParams.get('t'));
}
