import 'server-only';
import sharp from 'sharp';
import { isAppError } from '@/lib/errors';
import { safeReturnPath } from '@/lib/navigation';
import type { MaybeViewer } from '@/lib/policy/types';
import { isChartKey } from './aggregate';
import { escapeXml, renderChartSvg } from './charts';
import { impactText } from './present';
import { exportImpactAnswers, getImpactChart } from './queries';

// The dashboard's downloads as HTTP responses, for thin route handlers: the same policy and suppression as
// the page (lib/impact/queries.ts), sent as attachments that a browser never runs (nosniff, a sandboxing
// CSP), and never cached (the figures change as answers come in, and they are per viewer).

const attachmentHeaders = (contentType: string, fileName: string) => ({
  'Content-Type': contentType,
  // Built from slugs, chart keys and dates; anything else is replaced, so the header needs no quoting rules.
  'Content-Disposition': `attachment; filename="${fileName.replace(/[^A-Za-z0-9._-]/g, '-')}"`,
  'Cache-Control': 'private, no-store',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; sandbox",
});

const notFound = () =>
  new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'private, no-store' } });

/** Errors as the pages treat them: sign in first; anything not readable (or forbidden) is the same 404 as what does not exist. */
async function respond(url: URL, build: () => Response | Promise<Response>): Promise<Response> {
  try {
    return await build();
  } catch (error) {
    if (isAppError(error) && error.code === 'unauthenticated') {
      const next = safeReturnPath(url.pathname + url.search);
      return new Response(null, { status: 303, headers: { Location: `/sign-in?next=${encodeURIComponent(next)}`, 'Cache-Control': 'no-store' } });
    }
    if (isAppError(error) && (error.code === 'not_found' || error.code === 'forbidden')) return notFound();
    throw error;
  }
}

const scopeParams = (url: URL) => ({ slug: url.searchParams.get('event'), roundId: url.searchParams.get('round') });

/** PNG at three times the SVG's size, sharp for phones' screens and slides. */
async function toPng(svg: string): Promise<Uint8Array> {
  return new Uint8Array(await sharp(Buffer.from(svg), { density: 216 }).png().toBuffer());
}

/** `GET /api/impact/chart/<chartKey>.svg|png?event=<slug>&round=<id>` (no event: the network). */
export function chartDownload(viewer: MaybeViewer, url: URL, file: string): Promise<Response> {
  return respond(url, async () => {
    const match = /^([A-Za-z]+)\.(svg|png)$/.exec(file);
    const chartKey = match?.[1];
    if (!match || !chartKey || !isChartKey(chartKey)) return notFound();
    const chart = getImpactChart(viewer, { ...scopeParams(url), chartKey, locale: viewer?.locale ?? 'en' });
    const svg = renderChartSvg(chart.view, { standalone: true });
    if (match[2] === 'png') {
      const png = await toPng(svg);
      return new Response(png as BodyInit, { status: 200, headers: { ...attachmentHeaders('image/png', `${chart.fileName}.png`), 'Content-Length': String(png.byteLength) } });
    }
    return new Response(svg, { status: 200, headers: attachmentHeaders('image/svg+xml; charset=utf-8', `${chart.fileName}.svg`) });
  });
}

/** `GET /api/impact/export.csv?event=<slug>&round=<id>` (no event: the network's, for admins). */
export function answersDownload(viewer: MaybeViewer, url: URL): Promise<Response> {
  return respond(url, () => {
    const result = exportImpactAnswers(viewer, scopeParams(url));
    if (result.status === 'ready') return new Response(result.csv, { status: 200, headers: attachmentHeaders('text/csv; charset=utf-8', result.fileName) });
    // Too few answers: a short page in the member's language saying why, rather than an empty file.
    const locale = viewer?.locale ?? 'en';
    const text = impactText(locale);
    const slug = url.searchParams.get('event');
    const back = slug ? `/events/${encodeURIComponent(slug)}/impact` : '/impact';
    const page = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeXml(text('download.refusedTitle'))}</title></head><body><h1>${escapeXml(text('download.refusedTitle'))}</h1><p>${escapeXml(text('download.refused'))}</p><p><a href="${escapeXml(back)}">${escapeXml(text('title'))}</a></p></body></html>`;
    return new Response(page, {
      status: 404,
      headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff', 'Content-Security-Policy': "default-src 'none'" },
    });
  });
}
