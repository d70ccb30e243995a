import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { emailTranslator } from '@/lib/email/compose';
import { describeUnsubscribeLink } from '@/lib/email/queries';

export async function generateMetadata() {
  return { title: (await getTranslations('email.unsubscribe'))('title'), robots: { index: false, follow: false } };
}

/**
 * Where an email's "stop all email" link lands. Link scanners and previews fetch every GET, so this page only
 * explains and asks: the button POSTs to the one-click endpoint, which sends the member back here. It speaks
 * the member's language (the token names the member), and says nothing about the account.
 */
export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { u: userId, t: token } = await searchParams;
  const link = describeUnsubscribeLink(userId, token);
  if (link.status === 'invalid') {
    const t = await getTranslations('email.unsubscribe');
    return (
      <div className="max-w-xl space-y-4">
        <h1>{t('title')}</h1>
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          {t('invalid')}
        </p>
        <Link href="/settings">{t('settings')}</Link>
      </div>
    );
  }
  // The email's own catalogue: the request's locale (cookie, browser) may differ from the member's.
  const t = emailTranslator(link.locale);
  return (
    <div lang={link.locale} className="max-w-xl space-y-4">
      <h1>{t('unsubscribe.title')}</h1>
      {link.isUnsubscribed ? (
        <p role="status" className="rounded border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900">
          {t('unsubscribe.done')}
        </p>
      ) : (
        <>
          <p>{t('unsubscribe.explain')}</p>
          <form method="post" action="/api/email/unsubscribe">
            <input type="hidden" name="u" value={userId as string} />
            <input type="hidden" name="t" value={token as string} />
            <input type="hidden" name="from" value="page" />
            <button type="submit" className="button-primary">
              {t('unsubscribe.confirm')}
            </button>
          </form>
        </>
      )}
      <Link href="/settings" className="text-sm">
        {t('unsubscribe.settings')}
      </Link>
    </div>
  );
}
