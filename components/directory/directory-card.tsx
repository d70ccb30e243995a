import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { TagList } from '@/components/ui/tag-list';
import type { DirectoryCard as Card } from '@/lib/directory/queries';

type Labels = { countryLabel: (code: string) => string; populationLabel: (key: string) => string; topicLabel: (key: string) => string };

/** One listed member: pseudonym, organisations and countries, what they work on, events, and what they offer. */
export async function DirectoryCard({ member, labels }: { member: Card; labels: Labels }) {
  const t = await getTranslations('directory.card');
  return (
    <li className="card space-y-2">
      <h2 className="text-base">
        <Link href={`/members/${member.id}`}>{member.displayName}</Link>
      </h2>
      {member.organisations.length ? (
        <p className="text-sm text-stone-700">
          {member.organisations.map((organisation, index) => (
            <span key={organisation.slug}>
              {index > 0 ? ' · ' : ''}
              {organisation.name} <span className="muted">({labels.countryLabel(organisation.countryCode)})</span>
            </span>
          ))}
        </p>
      ) : null}
      {member.populations.length ? (
        <div className="space-y-1">
          <p className="text-xs font-medium text-stone-600">{t('populations')}</p>
          <TagList labels={member.populations.map(labels.populationLabel)} />
        </div>
      ) : null}
      {member.topics.length ? (
        <div className="space-y-1">
          <p className="text-xs font-medium text-stone-600">{t('topics')}</p>
          <TagList labels={member.topics.map(labels.topicLabel)} />
        </div>
      ) : null}
      {member.events.length ? (
        <p className="text-sm">
          <span className="font-medium">{t('events')}: </span>
          {member.events.map((event) => event.title).join(' · ')}
        </p>
      ) : null}
      {member.expertise ? (
        <p className="text-sm">
          <span className="font-medium">{t('expertise')}: </span>
          <span className="whitespace-pre-line" lang="">
            {member.expertise}
          </span>
        </p>
      ) : null}
    </li>
  );
}
