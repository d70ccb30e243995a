import { getViewer } from '@/lib/auth/viewer';
import { buildThemeDeckOutline } from '@/lib/synthesis/deck';
import { deckLocale, deckResponse } from '@/lib/synthesis/deck-response';

type Context = { params: Promise<{ id: string }> };

/** One theme as a PowerPoint file, `?lang=en|fr`, with what the viewer may read of its evidence. */
export async function GET(request: Request, { params }: Context) {
  const [{ id }, viewer] = await Promise.all([params, getViewer()]);
  const url = new URL(request.url);
  return deckResponse(url, () => buildThemeDeckOutline({ viewer, themeId: id, locale: deckLocale(url, viewer) }));
}
