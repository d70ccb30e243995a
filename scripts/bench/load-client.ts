// A member's browser, reduced to what a load run needs: a cookie jar, pages read to the last byte, and the
// app's forms submitted as a browser without JavaScript submits them (React renders every server-action form
// with hidden $ACTION fields that make it work without scripts). No library drives server actions from
// outside a browser; this is the smallest honest way to exercise the real write path over HTTP.

const entities: Record<string, string> = { '&quot;': '"', '&amp;': '&', '&#x27;': "'", '&#39;': "'", '&lt;': '<', '&gt;': '>' };
const decode = (value: string) => value.replace(/&(?:quot|amp|#x27|#39|lt|gt);/g, (entity) => entities[entity]!);

/** The hidden fields of the first form on the page that contains `marker` (a field name, a label). */
export function formFields(html: string, marker: string): Map<string, string> | null {
  for (const [form] of html.matchAll(/<form\b[\s\S]*?<\/form>/g)) {
    if (!form.includes(marker)) continue;
    const fields = new Map<string, string>();
    for (const [input] of form.matchAll(/<input\b[^>]*>/g)) {
      if (!/type="hidden"/.test(input)) continue;
      const name = /name="([^"]*)"/.exec(input)?.[1];
      if (name) fields.set(decode(name), decode(/value="([^"]*)"/.exec(input)?.[1] ?? ''));
    }
    return fields;
  }
  return null;
}

export type Outcome = { status: number; ms: number; bytes: number; body: string };

export class MemberClient {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly origin: string) {}

  private remember(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at).trim();
      const value = pair!.slice(at + 1).trim();
      if (/max-age=0|expires=Thu, 01 Jan 1970/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    return { cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '), 'accept-encoding': 'gzip', ...extra };
  }

  /** A page, timed from the request to its last byte. */
  async get(path: string): Promise<Outcome> {
    const started = performance.now();
    const response = await fetch(`${this.origin}${path}`, { headers: this.headers(), redirect: 'manual' });
    this.remember(response);
    const body = await response.text();
    return { status: response.status, ms: performance.now() - started, bytes: body.length, body };
  }

  /** Submits a form of `page` (found by `marker`) with `values`, as a browser without JavaScript would. */
  async submit(path: string, page: string, marker: string, values: Record<string, string>): Promise<Outcome> {
    const fields = formFields(page, marker);
    if (!fields) throw new Error(`no form with ${marker} on ${path}`);
    const form = new FormData();
    for (const [name, value] of fields) form.append(name, value);
    for (const [name, value] of Object.entries(values)) form.set(name, value);
    const started = performance.now();
    const response = await fetch(`${this.origin}${path}`, { method: 'POST', body: form, headers: this.headers({ origin: this.origin }), redirect: 'manual' });
    this.remember(response);
    const body = await response.text();
    return { status: response.status, ms: performance.now() - started, bytes: body.length, body };
  }

  get isSignedIn(): boolean {
    return [...this.cookies.keys()].some((name) => name.endsWith('authjs.session-token'));
  }
}
