import { getTranslations } from 'next-intl/server';
import { minimumGroupSize } from '@/lib/impact/aggregate';
import { baseline } from '@/lib/follow-ups/answers';
import { percent } from '@/lib/impact/present';
import type { Locale } from '@/lib/policy/types';

/** What "then" and "now" mean, and why some figures are missing. */
export async function ImpactIntro({ locale }: { locale: Locale }) {
  const t = await getTranslations('impact.about');
  return (
    <div className="max-w-2xl space-y-2 text-stone-700">
      <p>{t('then', { respondents: baseline.respondents, invited: baseline.invited, rate: percent(locale, baseline.responseRate) })}</p>
      <p>{t('now')}</p>
      <p>{t('privacy', { minimum: minimumGroupSize })}</p>
    </div>
  );
}
