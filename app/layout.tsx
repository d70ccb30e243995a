import type { Metadata, Viewport } from 'next';
import { headers } from 'next/headers';
import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { exitGuardScript } from '@/components/layout/exit-guard';
import { SiteHeader } from '@/components/layout/site-header';
import { getViewer } from '@/lib/auth/viewer';
import { getEnv } from '@/lib/env';
import { safeReturnPath } from '@/lib/navigation';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('layout');
  // A neutral title: a tab or history list glimpsed by someone else should not say what the site is about.
  return { title: { default: 'Baraza', template: '%s · Baraza' }, description: t('description'), referrer: 'same-origin', robots: { index: true } };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const requestHeaders = await headers();
  const nonce = requestHeaders.get('x-nonce') ?? undefined;
  const returnTo = safeReturnPath(requestHeaders.get('x-return-to'));
  const [locale, viewer, t] = await Promise.all([getLocale(), getViewer(), getTranslations('layout')]);
  const quickExitUrl = getEnv().QUICK_EXIT_URL;
  return (
    <html lang={locale}>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: exitGuardScript(quickExitUrl) }} />
      </head>
      <body className="min-h-screen">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
          {t('skipToContent')}
        </a>
        <SiteHeader viewer={viewer} returnTo={returnTo} quickExitUrl={quickExitUrl} />
        <main id="main" className="mx-auto max-w-5xl px-4 py-6">
          {children}
        </main>
        <footer className="mx-auto max-w-5xl px-4 py-8 text-xs text-stone-600">
          <p>{t('quickExitFooter')}</p>
        </footer>
      </body>
    </html>
  );
}
