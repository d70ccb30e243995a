/** Browsers report Content-Security-Policy violations here. We log the directive only, never the page or client. */
export async function POST(request: Request) {
  const body = (await request.json().catch(() => null)) as { 'csp-report'?: { 'violated-directive'?: string; 'blocked-uri'?: string } } | null;
  const report = body?.['csp-report'];
  if (report) console.warn(`CSP violation: ${report['violated-directive'] ?? '?'} blocked ${report['blocked-uri'] ?? '?'}`);
  return new Response(null, { status: 204 });
}
