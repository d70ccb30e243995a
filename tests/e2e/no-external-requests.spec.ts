import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, isAppOrigin, signIn, test, waitForHydration } from './fixtures';
import { e2eOrigin } from './support/env';

// Members can be at risk if a third party learns they visit the site: no page may load anything from
// another origin (fonts, scripts, images, analytics), and the Content-Security-Policy must hold with zero
// violations. As an anonymous visitor, a member and the admin, this crawls the pages reachable by links
// from a few starting points (one page per route), plus every static route of the build.
// Accounts: `tatenda` (member) and `admin`; nothing is changed (GET requests only).

/**
 * Every page route of the app that is running: the build's route manifest (NEXT_DIST_DIR, `.next` by
 * default), as patterns: `/events/[slug]` gives `^/events/[^/]+$`. Static segments sort before dynamic ones.
 */
function builtRoutes(): { route: string; pattern: RegExp; isDynamic: boolean }[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(process.env.NEXT_DIST_DIR || '.next', 'app-path-routes-manifest.json'), 'utf8')) as Record<string, string>;
  return Object.entries(manifest)
    .filter(([file, route]) => file.endsWith('/page') && !route.split('/').some((segment) => segment.startsWith('_')))
    .map(([, route]) => {
      const source = route
        .split('/')
        .map((segment) => (/^\[\[?\.\.\..+\]\]?$/.test(segment) ? '.+' : /^\[.+\]$/.test(segment) ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
        .join('/');
      return { route, pattern: new RegExp(`^${source || '/'}$`), isDynamic: route.includes('[') };
    })
    .sort((a, b) => Number(a.isDynamic) - Number(b.isDynamic) || (a.route.match(/\[/g)?.length ?? 0) - (b.route.match(/\[/g)?.length ?? 0));
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

/**
 * Opens `seeds`, then every same-origin link found on the pages (one URL per route, first seen), then
 * every static route not reached by a link (directly: a redirect or a 404 page is a page too).
 */
async function crawl(page: Page, seeds: string[]): Promise<Findings> {
  const routes = builtRoutes();
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
  const queue: { url: string; viaLink: boolean }[] = [];
  const queuedRoutes = new Set<string>();
  const enqueue = (url: string, viaLink: boolean) => {
    const route = routeOf(new URL(url, e2eOrigin).pathname);
    if (!route || queuedRoutes.has(route)) return;
    queuedRoutes.add(route);
    queue.push({ url, viaLink });
  };
  for (const seed of seeds) enqueue(seed, false);

  const visit = async ({ url, viaLink }: { url: string; viaLink: boolean }) => {
    const response = await page.goto(url);
    await waitForHydration(page);
    findings.visits.push({ url, status: response?.status(), viaLink });
    findings.routesVisited.add(routeOf(new URL(url, e2eOrigin).pathname)!);
    findings.cspViolations.push(...(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)));
    const hrefs = await page.locator('a[href]').evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href));
    for (const href of hrefs) {
      const target = new URL(href);
      if (target.origin === e2eOrigin && !target.pathname.startsWith('/api/')) enqueue(target.pathname + target.search, true);
    }
  };

  while (queue.length) await visit(queue.shift()!);
  for (const { route } of routes.filter(({ isDynamic }) => !isDynamic)) enqueue(route, false);
  while (queue.length) await visit(queue.shift()!);
  return findings;
}

function expectClean(findings: Findings) {
  expect(findings.foreignRequests, 'requests to another origin').toEqual([]);
  expect(findings.cspViolations, 'Content-Security-Policy violations').toEqual([]);
  expect(findings.visits.filter((visit) => !visit.status || visit.status >= 500), 'pages that failed').toEqual([]);
  // A link the viewer was shown must lead somewhere they may go.
  expect(findings.visits.filter((visit) => visit.viaLink && visit.status === 404), 'links leading to the 404 page').toEqual([]);
}

// A crawl opens one page per route of the whole site: longer than one journey on a busy 2-core machine.
test.describe.configure({ timeout: 240_000 });

const seeds = ['/', '/events', '/events/lse-1', '/events/lse-2', '/organisations', '/sign-in', '/join', '/settings', '/admin'];

test('an anonymous visitor loads nothing from another origin and triggers no CSP violation', async ({ context, page }) => {
  await recordCspViolations(context);
  // Profiles are for members only: the 404 page an anonymous visitor gets there is checked too.
  const findings = await crawl(page, [...seeds, '/members/no-such-member']);
  expectClean(findings);
  expect(findings.routesVisited).toContain('/members/[id]');
});

test('a member loads nothing from another origin and triggers no CSP violation', async ({ context, page }) => {
  await recordCspViolations(context);
  await signIn(page, 'tatenda');
  const findings = await crawl(page, seeds);
  expectClean(findings);
  // The member's own profile is linked from /settings.
  expect([...findings.routesVisited]).toEqual(expect.arrayContaining(['/settings', '/members/[id]', '/organisations/[slug]', '/events/[slug]']));
});

test('the admin loads nothing from another origin and triggers no CSP violation, admin pages included', async ({ context, page }) => {
  await recordCspViolations(context);
  await signIn(page, 'admin');
  const findings = await crawl(page, seeds);
  expectClean(findings);
  // Every admin page of the build, and the public pages with an example each, were checked.
  const required = [
    ...builtRoutes()
      .map(({ route }) => route)
      .filter((route) => route === '/admin' || route.startsWith('/admin/')),
    '/',
    '/events',
    '/events/[slug]',
    '/organisations',
    '/organisations/[slug]',
    '/members/[id]',
    '/settings',
  ];
  expect(required.filter((route) => !findings.routesVisited.has(route)), 'routes no link reached').toEqual([]);
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
  // `same-origin` (docs and next.config.js: forms without JavaScript need the Origin header) or `no-referrer`:
  // either way another site never learns which page of Baraza someone came from.
  expect(['same-origin', 'no-referrer']).toContain(headers['referrer-policy']);

  // Every inline script in the HTML carries this response's nonce; a second response gets a new nonce.
  const html = await response!.text();
  const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((match) => match[1] ?? '');
  expect(scripts.length).toBeGreaterThan(0);
  const nonceValue = nonce!.slice("'nonce-".length, -1);
  expect(scripts.filter((attributes) => !attributes.includes(`nonce="${nonceValue}"`))).toEqual([]);
  const again = await page.request.get('/');
  expect(again.headers()['content-security-policy']).not.toContain(nonce!);
});

test('the browser enforces the policy: a foreign image and an inline event handler are refused and reported', async ({ context, page }) => {
  // The control for the checks above: the recorder does see violations when there are some.
  await recordCspViolations(context);
  const foreign: string[] = [];
  page.on('request', (request) => {
    if (!isAppOrigin(request.url())) foreign.push(request.url());
  });
  await page.goto('/');
  await waitForHydration(page);
  // Markup as an injection would add it (parser-inserted), not through trusted script.
  await page.locator('main').evaluate((main) =>
    main.insertAdjacentHTML('beforeend', '<img src="https://tracker.example/pixel.gif" alt=""><img src="/no-such-image.png" alt="" onerror="window.__inlineRan = true">'),
  );
  const directives = () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations.map((violation) => violation.split(' ')[0]));
  await expect.poll(directives).toEqual(expect.arrayContaining(['img-src', 'script-src-attr']));
  expect(await page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan)).toBeUndefined();
  // The request recorder sees even an attempt the policy blocks: the crawls above count attempts, not loads.
  expect(foreign).toEqual(['https://tracker.example/pixel.gif']);
});
