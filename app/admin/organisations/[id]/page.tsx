import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { OrganisationForm } from '@/components/admin/organisation-form';
import { getViewer } from '@/lib/auth/viewer';
import { updateOrganisationAction } from '@/lib/organisations/actions';
import { getOrganisationForEdit } from '@/lib/organisations/queries';
import { getAppLocale, loadOr404 } from '@/lib/pages';
import { getTaxonomy } from '@/lib/taxonomy/queries';

export async function generateMetadata() {
  return { title: (await getTranslations('admin.organisations'))('editTitle') };
}

export default async function EditOrganisationPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> }) {
  const [{ id }, { created }, viewer] = await Promise.all([params, searchParams, getViewer()]);
  const organisation = await loadOr404(() => getOrganisationForEdit(viewer, id));
  const [t, tCommon, locale] = await Promise.all([getTranslations('admin.organisations'), getTranslations('common'), getAppLocale()]);
  const taxonomy = getTaxonomy(locale);
  return (
    <div className="space-y-4">
      <Link href="/admin/organisations" className="text-sm">
        {t('back')}
      </Link>
      <div className="space-y-1">
        <h1>{organisation.name}</h1>
        <p className="muted">{t('editTitle')}</p>
        <Link href={`/organisations/${organisation.slug}`} className="text-sm">
          {t('viewPublic')}
        </Link>
      </div>
      {created ? (
        <p role="status" className="max-w-2xl rounded border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900">
          {t('created')}
        </p>
      ) : null}
      <OrganisationForm
        action={updateOrganisationAction}
        submitLabel={tCommon('save')}
        pendingLabel={tCommon('saving')}
        countries={taxonomy.countries}
        populations={taxonomy.populations}
        organisation={{ ...organisation, description: organisation.description ?? '' }}
      />
    </div>
  );
}
