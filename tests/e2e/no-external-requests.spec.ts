import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, isAppOrigin, signIn, test, waitForHydration } from './fixtures';
import { e2eOrigin } from './support/env';

// Members can be at risk if a third party learns they visit the site: no page may load anything from
// another origin (fonts, scripts, images, analytics), and the Content-Security-Policy must hold with zero
// violations. As an anonymous visitor, a member and the admin, this crawls every page reachable by links
// from a few starting points and checks that every route under app/ was visited.
// Accounts: `tatenda` (member) and `admin`; nothing is changed (GET requests only).

/** Every page route of the app, as a pattern: `app/events/[slug]/page.tsx` gives `/events/[^/]+`. */
function appRoutes(): { route: string; pattern: RegExp }[] {
  const routes: { route: string; pattern: RegExp }[] = [];
  const walk = (directory: string) => {
    for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/^page\.(tsx|ts|jsx|js)$/.test(entry.name)) {
        const segments = path
          .relative('app', directory)
          .split(path.sep)
          .filter((segment) => segment && !/^\(.*\)$/.test(segment) && !segment.startsWith('@'));
        const route = '/' + segments.join('/');
        const source = segments.map((segment) => (/^\[\.\.\..+\]$/.test(segment) ? '.+' : /^\[.+\]$/.test(segment) ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/');
        routes.push({ route, pattern: new RegExp(`^/${source}$`) });
      }
    }
  };
  walk('app');
  // Static segments win over dynamic ones (`/admin/events/new` before `/admin/events/[id]`).
  return routes.sort((a, b) => (a.route.match(/\[/g)?.length ?? 0) - (b.route.match(/\[/g)?.length ?? 0));
}

type Visit = { url: string; status: number | undefined; viaLink: boolean };
type Findings = { visits: Visit[]; foreignRequests: string[]; cspViolations: string[]; routesVisited: Set<string> };

async function recordCspViolations(context: BrowserContext) {
  await context.addInitScript(() => {
    const store: string[] = [];
    Object.defineProperty(window, '__cspViolations', { value: store });
    document.addEventListener('securitypolicyviolation', (event) => store.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} on ${location.pathname}`));
  });
}

/** Opens `seeds`, then every same-origin link found in the pages, one page per route (first seen). */
async function crawl(page: Page, seeds: string[]): Promise<Findings> {
  const routes = appRoutes();
  const findings: Findings = { visits: [], foreignRequests: [], cspViolations: [], routesVisited: new Set() };
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || isAppOrigin(url)) return;
    findings.foreignRequests.push(`${request.resourceType()} ${url} (from ${page.url()})`);
  });
  page.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) findings.cspViolations.push(`console: ${message.text()}`);
  });
  // Nothing may leave the machine even if something tries: foreign requests are recorded above, then refused.
  await page.context().route((url) => url.origin !== e2eOrigin && url.protocol !== 'data:', (route) => route.abort('blockedbyclient'));

  const routeOf = (pathname: string) => routes.find(({ pattern }) => pattern.test(pathname))?.route;
  const queue: { url: string; viaLink: boolean }[] = seeds.map((url) => ({ url, viaLink: false }));
  const queuedRoutes = new Set<string>();
  const queuedUrls = new Set(seeds);
  for (const seed of seeds) {
    const route = routeOf(new URL(seed, e2eOrigin).pathname);
    if (route) queuedRoutes.add(route);
  }

  while (queue.length) {
    const next = queue.shift()!;
    if (findings.visits.length >= 80) throw new Error('Crawled 80 pages: is a link generating new URLs?');
    const response = await page.goto(next.url);
    await waitForHydration(page);
    findings.visits.push({ url: next.url, status: response?.status(), viaLink: next.viaLink });
    const landed = routeOf(new URL(page.url()).pathname);
    if (landed) findings.routesVisited.add(landed);
    findings.cspViolations.push(...(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)));

    const hrefs = await page.locator('a[href]').evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href));
    for (const href of hrefs) {
      const url = new URL(href);
      if (url.origin !== e2eOrigin || url.pathname.startsWith('/api/')) continue;
      const route = routeOf(url.pathname);
      const target = url.pathname + url.search;
      if (!route || queuedRoutes.has(route) || queuedUrls.has(target)) continue;
      queuedRoutes.add(route);
      queuedUrls.add(target);
      queue.push({ url: target, viaLink: true });
    }
  }
  return findings;
}

function expectClean(findings: Findings, expectedRoutes: string[]) {
  console.log('VISITS', JSON.stringify(findings.visits.map((v) => `${v.status} ${v.url}`)));
  expect(findings.foreignRequests, 'requests to another origin').toEqual([]);
  expect(findings.cspViolations, 'Content-Security-Policy violations').toEqual([]);
  expect(findings.visits.filter((visit) => !visit.status || visit.status >= 500), 'pages that failed').toEqual([]);
  // A link the viewer was shown must lead somewhere they may go.
  expect(findings.visits.filter((visit) => visit.viaLink && visit.status === 404), 'links leading to the 404 page').toEqual([]);
  expect(expectedRoutes.filter((route) => !findings.routesVisited.has(route)), 'routes never reached').toEqual([]);
}

const publicSeeds = ['/', '/events', '/events/lse-1', '/events/lse-2', '/organisations', '/sign-in', '/join'];
const allRoutes = () => appRoutes().map(({ route }) => route);

test('an anonymous visitor loads nothing from another origin and triggers no CSP violation', async ({ context, page }) => {
  await recordCspViolations(context);
  // Profiles, settings and the admin area answer anonymous visitors too (404 or the sign-in page).
  const findings = await crawl(page, [...publicSeeds, '/members/no-such-member', '/settings', '/admin']);
  expectClean(
    findings,
    allRoutes().filter((route) => !route.startsWith('/admin/') && route !== '/settings'),
  );
});

test('a member loads nothing from another origin and triggers no CSP violation', async ({ context, page }) => {
  await recordCspViolations(context);
  await signIn(page, 'tatenda');
  const findings = await crawl(page, [...publicSeeds.filter((seed) => seed !== '/sign-in' && seed !== '/join'), '/settings', '/admin']);
  expectClean(
    findings,
    allRoutes().filter((route) => !route.startsWith('/admin/') && route !== '/sign-in' && route !== '/join'),
  );
});

test('the admin loads nothing from another origin and triggers no CSP violation', async ({ context, page }) => {
  await recordCspViolations(context);
  await signIn(page, 'admin');
  const findings = await crawl(page, [...publicSeeds.filter((seed) => seed !== '/sign-in' && seed !== '/join'), '/settings', '/admin']);
  expectClean(
    findings,
    allRoutes().filter((route) => route !== '/sign-in' && route !== '/join'),
  );
});

test('the home page sends a strict Content-Security-Policy and the other security headers', async ({ page }) => {
  const response = await page.goto('/');
  expect(response?.status()).toBe(200);
  const headers = response!.headers();
  const policy = headers['content-security-policy'] ?? '';
  const directives = new Map(
    policy
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
  const scriptSrc = directives.get('script-src') ?? [];
  const nonce = scriptSrc.find((value) => /^'nonce-[A-Za-z0-9+/=_-]{16,}'$/.test(value));
  expect(nonce, `script-src with a nonce: ${policy}`).toBeTruthy();
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  expect(scriptSrc).not.toContain("'unsafe-eval'");
  expect(directives.get('default-src')).toEqual(["'self'"]);
  expect(directives.get('object-src')).toEqual(["'none'"]);
  expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['referrer-policy']).toBe('no-referrer');

  // Every inline script in the HTML carries this response's nonce; a second response gets a new nonce.
  const html = await response!.text();
  const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((match) => match[1] ?? '');
  expect(scripts.length).toBeGreaterThan(0);
  const nonceValue = nonce!.slice("'nonce-".length, -1);
  expect(scripts.filter((attributes) => !attributes.includes(`nonce="${nonceValue}"`))).toEqual([]);
  const again = await page.request.get('/');
  expect(again.headers()['content-security-policy']).not.toContain(nonce!);
});
