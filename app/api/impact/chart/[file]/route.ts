import { getViewer } from '@/lib/auth/viewer';
import { chartDownload } from '@/lib/impact/downloads';

type Context = { params: Promise<{ file: string }> };

/** One impact chart as an image (`<chartKey>.svg` or `.png`), `?event=<slug>&round=<id>`; no event: the network's. */
export async function GET(request: Request, { params }: Context) {
  const [{ file }, viewer] = await Promise.all([params, getViewer()]);
  return chartDownload(viewer, new URL(request.url), file);
}
