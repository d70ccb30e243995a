import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { OrganisationForm } from '@/components/admin/organisation-form';
import { getViewer } from '@/lib/auth/viewer';
import { createOrganisationAction } from '@/lib/organisations/actions';
import { getAppLocale, loadOr404 } from '@/lib/pages';
import { assertCan } from '@/lib/policy/rules';
import { getTaxonomy } from '@/lib/taxonomy/queries';

export async function generateMetadata() {
  return { title: (await getTranslations('admin.organisations'))('newTitle') };
}

export default async function NewOrganisationPage() {
  const viewer = await getViewer();
  await loadOr404(() => assertCan(viewer, 'organisation.create', null));
  const [t, locale] = await Promise.all([getTranslations('admin.organisations'), getAppLocale()]);
  const taxonomy = getTaxonomy(locale);
  return (
    <div className="space-y-4">
      <Link href="/admin/organisations" className="text-sm">
        {t('back')}
      </Link>
      <h1>{t('newTitle')}</h1>
      <OrganisationForm action={createOrganisationAction} submitLabel={t('create')} pendingLabel={t('creating')} countries={taxonomy.countries} populations={taxonomy.populations} />
    </div>
  );
}
