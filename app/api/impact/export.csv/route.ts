import { getViewer } from '@/lib/auth/viewer';
import { answersDownload } from '@/lib/impact/downloads';

/** The anonymised answers as CSV, `?event=<slug>&round=<id>`; no event: the network's (admins only). */
export async function GET(request: Request) {
  return answersDownload(await getViewer(), new URL(request.url));
}
