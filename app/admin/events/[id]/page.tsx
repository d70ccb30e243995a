import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { EventForm } from '@/components/admin/event-form';
import { ActionForm, Hidden, SelectField, TextField } from '@/components/ui/action-form';
import { DataTable } from '@/components/ui/data-table';
import { getViewer } from '@/lib/auth/viewer';
import {
  addEventOrganisationAction,
  addParticipantAction,
  addSessionAction,
  deleteSessionAction,
  removeEventOrganisationAction,
  removeParticipantAction,
  updateEventAction,
} from '@/lib/events/actions';
import { getEventForAdmin, listUserChoices } from '@/lib/events/queries';
import { SessionInput } from '@/lib/events/schemas';
import { formatDay, formatDayRange } from '@/lib/format';
import { listOrganisationChoices } from '@/lib/organisations/queries';
import { getAppLocale, loadOr404 } from '@/lib/pages';
import { eventRoles } from '@/lib/policy/types';
import { getTaxonomy } from '@/lib/taxonomy/queries';

export async function generateMetadata() {
  return { title: (await getTranslations('admin.events'))('editTitle') };
}

export default async function EditEventPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> }) {
  const [{ id }, { created }, viewer] = await Promise.all([params, searchParams, getViewer()]);
  const data = await loadOr404(() => {
    const event = getEventForAdmin(viewer, id);
    // Pickers are for those who manage participants; a facilitator may only shape the programme.
    const canManageParticipants = event.abilities['event.manageParticipants'];
    return {
      ...event,
      users: canManageParticipants ? listUserChoices(viewer) : [],
      organisationChoices: canManageParticipants ? listOrganisationChoices(viewer) : [],
    };
  });
  const { event, abilities } = data;
  const [t, tEnums, tCommon, locale] = await Promise.all([getTranslations('admin.events'), getTranslations('enums'), getTranslations('common'), getAppLocale()]);
  const taxonomy = getTaxonomy(locale);
  const title = locale === 'fr' ? event.titleFr : event.titleEn;
  const roleOptions = eventRoles.map((role) => ({ value: role, label: tEnums(`eventRole.${role}`) }));
  const otherOrganisations = data.organisationChoices.filter((organisation) => !data.organisations.some((participating) => participating.id === organisation.id));
  const sections = [
    ...(abilities['event.update'] ? [{ id: 'details', label: t('details') }] : []),
    ...(abilities['event.manageParticipants']
      ? [
          { id: 'participants', label: t('participants.title') },
          { id: 'organisations', label: t('organisations.title') },
        ]
      : []),
    { id: 'programme', label: t('sessions.title') },
  ];
  return (
    <div className="space-y-8">
      <div className="space-y-1">
        <Link href="/admin/events" className="text-sm">
          {t('back')}
        </Link>
        <h1>{title}</h1>
        <p className="muted">{formatDayRange(event.startsOn, event.endsOn, locale)}</p>
        <Link href={`/events/${event.slug}`} className="text-sm">
          {t('viewPublic')}
        </Link>
      </div>
      {created ? (
        <p role="status" className="max-w-2xl rounded border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900">
          {t('created')}
        </p>
      ) : null}
      <nav aria-label={t('sectionsLabel')}>
        <ul className="flex flex-wrap gap-2 text-sm">
          {sections.map((section) => (
            <li key={section.id}>
              <a href={`#${section.id}`} className="tag hover:no-underline">
                {section.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      {abilities['event.update'] ? (
        <section id="details" aria-labelledby="details-heading" className="scroll-mt-4 space-y-3">
          <h2 id="details-heading">{t('details')}</h2>
          <EventForm
            action={updateEventAction}
            submitLabel={tCommon('save')}
            pendingLabel={tCommon('saving')}
            countries={taxonomy.countries}
            populations={taxonomy.populations}
            topics={taxonomy.topics}
            event={{ ...event, populations: data.populations, topics: data.topics }}
          />
        </section>
      ) : null}

      {abilities['event.manageParticipants'] ? (
        <section id="participants" aria-labelledby="participants-heading" className="scroll-mt-4 space-y-3">
          <h2 id="participants-heading">{t('participants.title')}</h2>
          <ActionForm action={addParticipantAction} submitLabel={t('participants.add')} pendingLabel={tCommon('saving')} submitClassName="button-secondary" className="card space-y-3">
            <Hidden name="eventId" value={event.id} />
            <div className="grid gap-3 sm:grid-cols-2">
              <SelectField
                name="userId"
                label={t('participants.member')}
                required
                options={[{ value: '', label: t('participants.chooseMember') }, ...data.users.map((user) => ({ value: user.id, label: t('participants.memberOption', { name: user.displayName, username: user.username }) }))]}
              />
              <SelectField name="role" label={t('participants.role')} defaultValue="participant" options={roleOptions} />
            </div>
          </ActionForm>
          {data.participants.length ? (
            <DataTable headers={[t('participants.member'), t('participants.role'), <span className="sr-only">{t('actions')}</span>]}>
                  {data.participants.map((participant) => (
                    <tr key={`${participant.userId}-${participant.role}`}>
                      <td>
                        {participant.displayName} <span className="muted font-mono text-xs">{participant.username}</span>
                      </td>
                      <td>{tEnums(`eventRole.${participant.role}`)}</td>
                      <td>
                        <ActionForm action={removeParticipantAction} submitLabel={t('participants.remove')} submitClassName="button-danger" className="space-y-2">
                          <Hidden name="eventId" value={event.id} />
                          <Hidden name="userId" value={participant.userId} />
                          <Hidden name="role" value={participant.role} />
                        </ActionForm>
                      </td>
                    </tr>
                  ))}
                </DataTable>
          ) : (
            <p className="muted">{t('participants.none')}</p>
          )}
        </section>
      ) : null}

      {abilities['event.manageParticipants'] ? (
        <section id="organisations" aria-labelledby="organisations-heading" className="scroll-mt-4 space-y-3">
          <h2 id="organisations-heading">{t('organisations.title')}</h2>
          {otherOrganisations.length ? (
            <ActionForm action={addEventOrganisationAction} submitLabel={t('organisations.add')} pendingLabel={tCommon('saving')} submitClassName="button-secondary" className="card space-y-3">
              <Hidden name="eventId" value={event.id} />
              <SelectField
                name="organisationId"
                label={t('organisations.organisation')}
                required
                options={[{ value: '', label: t('organisations.choose') }, ...otherOrganisations.map((organisation) => ({ value: organisation.id, label: organisation.name }))]}
              />
            </ActionForm>
          ) : null}
          {data.organisations.length ? (
            <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
              {data.organisations.map((organisation) => (
                <li key={organisation.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2">
                  <span>{organisation.name}</span>
                  <ActionForm action={removeEventOrganisationAction} submitLabel={t('organisations.remove')} submitClassName="button-danger" className="space-y-2">
                    <Hidden name="eventId" value={event.id} />
                    <Hidden name="organisationId" value={organisation.id} />
                  </ActionForm>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('organisations.none')}</p>
          )}
        </section>
      ) : null}

      <section id="programme" aria-labelledby="programme-heading" className="scroll-mt-4 space-y-3">
        <h2 id="programme-heading">{t('sessions.title')}</h2>
        <ActionForm action={addSessionAction} submitLabel={t('sessions.add')} pendingLabel={tCommon('saving')} submitClassName="button-secondary" className="card space-y-3">
          <Hidden name="eventId" value={event.id} />
          <div className="grid gap-3 sm:grid-cols-2">
            <SelectField name="kind" label={t('sessions.kind')} options={SessionInput.shape.kind.options.map((kind) => ({ value: kind, label: tEnums(`sessionKind.${kind}`) }))} />
            <TextField name="day" label={t('sessions.day')} hint={t('sessions.dayHint')} type="date" required defaultValue={event.startsOn} />
            <TextField name="titleEn" label={t('sessions.titleEn')} required maxLength={200} />
            <TextField name="titleFr" label={t('sessions.titleFr')} required maxLength={200} />
            <TextField name="startsAt" label={t('sessions.startsAt')} type="time" />
            <TextField name="endsAt" label={t('sessions.endsAt')} type="time" />
            <TextField name="room" label={t('sessions.room')} maxLength={100} />
          </div>
        </ActionForm>
        {data.sessions.length ? (
          <DataTable headers={[t('sessions.when'), t('sessions.session'), t('sessions.room'), <span className="sr-only">{t('actions')}</span>]}>
                {data.sessions.map((session) => (
                  <tr key={session.id}>
                    <td className="whitespace-nowrap">
                      {formatDay(session.day, locale, { weekday: 'short', day: 'numeric', month: 'short' })}
                      {session.startsAt ? <span className="block muted">{session.endsAt ? t('sessions.time', { start: session.startsAt, end: session.endsAt }) : session.startsAt}</span> : null}
                    </td>
                    <td>
                      <span className="tag">{tEnums(`sessionKind.${session.kind}`)}</span>
                      <span className="block font-medium" lang="en">
                        {session.titleEn}
                      </span>
                      <span className="block muted" lang="fr">
                        {session.titleFr}
                      </span>
                    </td>
                    <td>{session.room}</td>
                    <td>
                      <ActionForm action={deleteSessionAction} submitLabel={t('sessions.delete')} submitClassName="button-danger" className="space-y-2">
                        <Hidden name="eventId" value={event.id} />
                        <Hidden name="sessionId" value={session.id} />
                      </ActionForm>
                    </td>
                  </tr>
                ))}
              </DataTable>
        ) : (
          <p className="muted">{t('sessions.none')}</p>
        )}
      </section>
    </div>
  );
}
