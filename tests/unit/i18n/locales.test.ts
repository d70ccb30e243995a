import { describe, expect, it } from 'vitest';
import { isLocale, negotiateLocale } from '@/lib/i18n/locales';
import { safeReturnPath } from '@/lib/navigation';

describe('negotiateLocale', () => {
  it.each([
    ['fr-FR', 'fr'],
    ['fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7', 'fr'],
    ['en;q=0.2, fr;q=0.9', 'fr'],
    ['FR-ca', 'fr'],
    ['de-DE, fr;q=0.5, en;q=0.4', 'fr'],
    ['sw-KE, en-GB;q=0.8', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['fr;q=0, en;q=0.1', 'en'],
    ['pt-BR, es', 'en'],
    ['*', 'en'],
    ['', 'en'],
    ['fr;q=abc, en;q=0.5', 'en'],
  ])('%j gives %s', (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });

  it('falls back to English without a header', () => {
    expect(negotiateLocale(null)).toBe('en');
    expect(negotiateLocale(undefined)).toBe('en');
  });

  it('keeps the header order between equal qualities', () => {
    expect(negotiateLocale('fr, en')).toBe('fr');
    expect(negotiateLocale('en, fr')).toBe('en');
  });

  it('knows only en and fr', () => {
    expect(isLocale('fr')).toBe(true);
    expect(isLocale('en')).toBe(true);
    expect(isLocale('de')).toBe(false);
    expect(isLocale(undefined)).toBe(false);
  });
});

describe('safeReturnPath', () => {
  it.each(['/', '/events', '/case-studies/abc?tab=questions#answer-2', '/fr/organisations'])('keeps the same-site path %s', (path) => {
    expect(safeReturnPath(path)).toBe(path);
  });

  it.each([
    '//evil.com',
    '//evil.com/path',
    'https://x',
    'http://evil.com/',
    'javascript:alert(1)',
    '\\\\evil.com',
    '/\\evil.com',
    '/\\/evil.com',
    // Browsers drop tabs and newlines while parsing a URL, turning these into "//evil.com".
    '/\t/evil.com',
    '/\n/evil.com',
    '/\r\n/evil.com',
    'events',
    '',
  ])('rejects a viewer without rights to leave the site: %j gives the fallback', (value) => {
    expect(safeReturnPath(value)).toBe('/');
    expect(safeReturnPath(value, '/home')).toBe('/home');
  });

  it.each([undefined, null, 42, ['/events'], { pathname: '/events' }])('rejects the non-string %j', (value) => {
    expect(safeReturnPath(value)).toBe('/');
  });

  it('never returns anything a URL parser resolves to another host', () => {
    const base = 'https://baraza.example';
    const candidates = ['/ok', '//x.org', '/\t/x.org', '/\u000b/x.org', '/\u0000/x.org', '/%2f/x.org', '/ /x.org', '/\u00a0/x.org', '\t//x.org', '/.//x.org'];
    for (const candidate of candidates) {
      expect(new URL(safeReturnPath(candidate), base).origin, JSON.stringify(candidate)).toBe(base);
    }
  });
});
