import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { TagList } from '@/components/ui/tag-list';
import type { ConnectionEntry } from '@/lib/directory/queries';
import { formatDay } from '@/lib/format';
import type { Locale } from '@/lib/policy/types';

export const dayOf = (date: Date, locale: Locale) => formatDay(date.toISOString().slice(0, 10), locale);

/** The other member's pseudonym, linking to their profile while it exists. */
export function MemberName({ member }: { member: ConnectionEntry['other'] }) {
  return member.isDisabled ? <span>{member.displayName}</span> : <Link href={`/members/${member.id}`}>{member.displayName}</Link>;
}

/** A request's reasons and message, as both members see them; the message is in whatever language its author wrote (lang=""). */
export async function ConnectionReasons({ entry }: { entry: ConnectionEntry }) {
  const [t, tReasons] = await Promise.all([getTranslations('directory.connections'), getTranslations('framework.connectionReason')]);
  return (
    <div className="space-y-2">
      <TagList labels={entry.reasons.map((reason) => tReasons(reason))} />
      {entry.message ? (
        <blockquote className="border-l-4 border-stone-300 pl-3 text-sm whitespace-pre-line break-words text-stone-800">
          <span className="sr-only">{t('message')}: </span>
          <span lang="">{entry.message}</span>
        </blockquote>
      ) : null}
    </div>
  );
}
