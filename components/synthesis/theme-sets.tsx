import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ActionButton } from '@/components/ui/action-button';
import type { ThemeKind } from '@/db/schema/synthesis';
import { reorderThemesAction } from '@/lib/synthesis/actions';
import type { ThemeSummary } from '@/lib/synthesis/queries';

/**
 * One kind's themes in the synthesis group's order, each linking to its page with the number of pieces of
 * evidence the viewer may read. The group moves a theme up or down: each button is a form carrying the
 * whole new order, which the mutation accepts only if nobody changed the list meanwhile.
 */
export async function ThemeSets({ eventId, kind, themes, canManage }: { eventId: string | null; kind: ThemeKind; themes: ThemeSummary[]; canManage: boolean }) {
  const t = await getTranslations('synthesis.themeList');
  if (!themes.length) return <p className="muted">{t('none')}</p>;
  const ids = themes.map((theme) => theme.id);
  const moved = (index: number, by: -1 | 1) => {
    const order = [...ids];
    [order[index], order[index + by]] = [order[index + by]!, order[index]!];
    return order.join(',');
  };
  return (
    <ol className="space-y-1">
      {themes.map((theme, index) => (
        <li key={theme.id} className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
          <Link href={`/themes/${theme.id}`} className="font-medium">
            {theme.title}
          </Link>
          <span className="muted">{t('evidenceCount', { count: theme.evidenceCount })}</span>
          {canManage ? (
            <span className="no-print inline-flex gap-1">
              {index > 0 ? (
                <ActionButton action={reorderThemesAction} fields={{ eventId: eventId ?? '', kind, themeIds: moved(index, -1) }} className="button-secondary px-2 py-0.5">
                  <span aria-hidden="true">↑</span>
                  <span className="sr-only">{t('moveUp', { title: theme.title })}</span>
                </ActionButton>
              ) : null}
              {index < themes.length - 1 ? (
                <ActionButton action={reorderThemesAction} fields={{ eventId: eventId ?? '', kind, themeIds: moved(index, 1) }} className="button-secondary px-2 py-0.5">
                  <span aria-hidden="true">↓</span>
                  <span className="sr-only">{t('moveDown', { title: theme.title })}</span>
                </ActionButton>
              ) : null}
            </span>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
