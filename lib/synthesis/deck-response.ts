import 'server-only';
import { isAppError } from '@/lib/errors';
import { safeReturnPath } from '@/lib/navigation';
import type { Locale, MaybeViewer } from '@/lib/policy/types';
import { renderDeck, type DeckOutline } from './deck';

const pptxType = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

/** The slides' language: `?lang=en|fr`, else the viewer's own. */
export function deckLocale(url: URL, viewer: MaybeViewer): Locale {
  const lang = url.searchParams.get('lang');
  return lang === 'en' || lang === 'fr' ? lang : (viewer?.locale ?? 'en');
}

/**
 * A deck as a download: the outline is built for this viewer by the domain (which leaves out whatever they
 * may not read), then rendered. Anything they may not read at all is the same 404 as what does not exist;
 * a visitor who must sign in is sent to sign in and back.
 */
export async function deckResponse(url: URL, build: () => DeckOutline): Promise<Response> {
  try {
    const outline = build();
    const file = await renderDeck(outline);
    return new Response(new Uint8Array(file), {
      status: 200,
      headers: {
        'Content-Type': pptxType,
        // Built from slugs: plain ASCII, nothing to escape.
        'Content-Disposition': `attachment; filename="${outline.fileName}"`,
        'Content-Length': String(file.byteLength),
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'; sandbox",
      },
    });
  } catch (error) {
    if (isAppError(error) && error.code === 'unauthenticated') {
      const next = safeReturnPath(url.pathname + url.search);
      return new Response(null, { status: 303, headers: { Location: `/sign-in?next=${encodeURIComponent(next)}`, 'Cache-Control': 'no-store' } });
    }
    if (isAppError(error) && (error.code === 'not_found' || error.code === 'forbidden')) {
      return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'private, no-store' } });
    }
    throw error;
  }
}
