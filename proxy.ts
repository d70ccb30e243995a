import { NextResponse, type NextRequest } from 'next/server';

// A fresh nonce per request for a strict Content-Security-Policy: Next streams inline scripts, and only a
// nonce lets them run without 'unsafe-inline'. Next reads the nonce from this request header and applies
// it to its own scripts. This is not an authorization layer: lib/policy is.
export function proxy(request: NextRequest) {
  // Next refuses a server action whose Origin names another host, but lets one with no Origin through.
  // Browsers send Origin with every POST, so a call without one is a script replaying a member's cookies:
  // refused before it reaches the action.
  if (request.method === 'POST' && request.headers.has('next-action') && !request.headers.get('origin')) {
    return new NextResponse('Forbidden', { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  const nonce = btoa(crypto.randomUUID());
  const isDev = process.env.NODE_ENV === 'development';
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ''}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "manifest-src 'self'",
    'report-uri /api/csp-report',
  ].join('; ');

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', policy);
  // Layouts cannot see the path; the language switch and sign-in link need it to bring the member back.
  requestHeaders.set('x-return-to', request.nextUrl.pathname + request.nextUrl.search);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

export const config = {
  // Pages only. API routes set their own headers (downloads need `default-src 'none'; sandbox`), and a
  // proxy in front of an upload route would cap its body at 10 MiB.
  matcher: [{ source: '/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)' }],
};
