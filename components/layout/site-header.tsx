import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { signOutAction } from '@/lib/auth/actions';
import { can } from '@/lib/policy/rules';
import type { MaybeViewer } from '@/lib/policy/types';
import { LanguageSwitch } from './language-switch';
import { NotificationBell } from './notification-bell';
import { QuickExit } from './quick-exit';
import { SignOutButton } from './sign-out-button';

export async function SiteHeader({ viewer, returnTo, quickExitUrl }: { viewer: MaybeViewer; returnTo: string; quickExitUrl: string }) {
  const t = await getTranslations('layout');
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
        <Link href="/" className="text-lg font-bold tracking-tight text-teal-900">
          Baraza
        </Link>
        <nav aria-label={t('mainNavigation')} className="flex flex-wrap items-center gap-x-3 text-sm">
          <Link href="/case-studies">{t('nav.caseStudies')}</Link>
          <Link href="/events">{t('nav.events')}</Link>
          <Link href="/discussions">{t('nav.discussions')}</Link>
          <Link href="/organisations">{t('nav.organisations')}</Link>
          <Link href="/stories">{t('nav.stories')}</Link>
          {can(viewer, 'directory.read', null) ? <Link href="/directory">{t('nav.directory')}</Link> : null}
          {can(viewer, 'impact.read', { event: null }) ? <Link href="/impact">{t('nav.impact')}</Link> : null}
          <Link href="/search">{t('nav.search')}</Link>
          {viewer ? <Link href="/case-studies/mine">{t('nav.myWork')}</Link> : null}
          {viewer ? <Link href="/connections">{t('nav.connections')}</Link> : null}
          {can(viewer, 'admin.access', null) ? <Link href="/admin">{t('nav.admin')}</Link> : null}
          {can(viewer, 'moderation.queue', null) ? <Link href="/moderation">{t('nav.moderation')}</Link> : null}
        </nav>
        <div className="ml-auto flex flex-wrap items-center gap-3 text-sm">
          <LanguageSwitch returnTo={returnTo} />
          {viewer ? (
            <>
              <NotificationBell viewer={viewer} />
              <Link href="/settings" className="max-w-40 truncate" title={t('signedInAs', { name: viewer.displayName })}>
                {t('nav.settings')}
              </Link>
              <form action={signOutAction}>
                <SignOutButton label={t('nav.signOut')} confirmUnsent={t('signOutUnsent')} />
              </form>
            </>
          ) : (
            <>
              <Link href={`/sign-in?next=${encodeURIComponent(returnTo)}`}>{t('nav.signIn')}</Link>
              <Link href="/join">{t('nav.join')}</Link>
            </>
          )}
          <QuickExit url={quickExitUrl} label={t('quickExit')} hint={t('quickExitHint')} />
        </div>
      </div>
    </header>
  );
}
