import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { listAuditEntries, listInviteCodes, listMembersForAdmin } from '@/lib/accounts/queries';
import { getViewer } from '@/lib/auth/viewer';
import { listEventsForAdmin } from '@/lib/events/queries';
import { listOrganisationChoices } from '@/lib/organisations/queries';
import { loadOr404 } from '@/lib/pages';
import { inviteStatus } from '@/components/admin/invite-status';

export async function generateMetadata() {
  return { title: (await getTranslations('admin'))('title') };
}

export default async function AdminOverviewPage() {
  const viewer = await getViewer();
  const { organisations, members, invites, events, recent } = await loadOr404(() => ({
    organisations: listOrganisationChoices(viewer),
    members: listMembersForAdmin(viewer),
    invites: listInviteCodes(viewer),
    events: listEventsForAdmin(viewer),
    recent: listAuditEntries(viewer, 5),
  }));
  const [t, format] = await Promise.all([getTranslations('admin'), getFormatter()]);
  const now = new Date();
  const today = now.toISOString().slice(0, 10);
  const cards = [
    { href: '/admin/organisations', title: t('nav.organisations'), count: t('overview.organisations', { count: organisations.length }) },
    {
      href: '/admin/members',
      title: t('nav.members'),
      count: t('overview.members', { count: members.length }),
      detail: t('overview.disabled', { count: members.filter((member) => member.isDisabled).length }),
    },
    { href: '/admin/invites', title: t('nav.invites'), count: t('overview.activeInvites', { count: invites.filter((invite) => inviteStatus(invite, now) === 'active').length }) },
    {
      href: '/admin/events',
      title: t('nav.events'),
      count: t('overview.events', { count: events.length }),
      detail: t('overview.upcoming', { count: events.filter((event) => event.endsOn >= today).length }),
    },
  ];
  return (
    <div className="space-y-8">
      <div className="space-y-1">
        <h1>{t('title')}</h1>
        <p className="muted">{t('overview.intro')}</p>
      </div>
      <ul className="grid gap-3 sm:grid-cols-2">
        {cards.map((card) => (
          <li key={card.href} className="card space-y-1">
            <Link href={card.href} className="font-semibold">
              {card.title}
            </Link>
            <p>{card.count}</p>
            {card.detail ? <p className="muted">{card.detail}</p> : null}
          </li>
        ))}
      </ul>
      <section aria-labelledby="recent-heading" className="space-y-3">
        <h2 id="recent-heading">{t('overview.recentActivity')}</h2>
        {recent.length ? (
          <ul className="space-y-1 text-sm">
            {recent.map((entry) => (
              <li key={entry.id}>
                <span className="muted">{format.dateTime(entry.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</span> ·{' '}
                {entry.actorName ?? t('audit.unknownActor')} · {t.has(`audit.actions.${entry.action}`) ? t(`audit.actions.${entry.action}`) : entry.action}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('audit.empty')}</p>
        )}
        <Link href="/admin/audit" className="text-sm">
          {t('overview.viewAudit')}
        </Link>
      </section>
    </div>
  );
}
