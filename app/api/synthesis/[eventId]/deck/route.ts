import { getViewer } from '@/lib/auth/viewer';
import { buildDeckOutline } from '@/lib/synthesis/deck';
import { deckLocale, deckResponse } from '@/lib/synthesis/deck-response';

type Context = { params: Promise<{ eventId: string }> };

/**
 * An event's synthesis as a PowerPoint file: `?lang=en|fr`, and `theme=<id>` for each chosen theme (the deck
 * builder also sends `chosen=1`, so ticking none means none; with neither, every theme the viewer may read).
 */
export async function GET(request: Request, { params }: Context) {
  const [{ eventId }, viewer] = await Promise.all([params, getViewer()]);
  const url = new URL(request.url);
  const themeIds = url.searchParams.has('theme') || url.searchParams.has('chosen') ? url.searchParams.getAll('theme').slice(0, 200) : undefined;
  return deckResponse(url, () => buildDeckOutline({ viewer, eventId, themeIds, locale: deckLocale(url, viewer) }));
}
