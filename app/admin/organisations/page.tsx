import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getViewer } from '@/lib/auth/viewer';
import { listOrganisations } from '@/lib/organisations/queries';
import { getAppLocale, loadOr404 } from '@/lib/pages';
import { assertCan } from '@/lib/policy/rules';
import { getTaxonomy } from '@/lib/taxonomy/queries';
import { DataTable } from '@/components/ui/data-table';

export async function generateMetadata() {
  return { title: (await getTranslations('admin.organisations'))('title') };
}

export default async function AdminOrganisationsPage() {
  const viewer = await getViewer();
  const organisations = await loadOr404(() => {
    assertCan(viewer, 'admin.access', null);
    return listOrganisations(viewer);
  });
  const [t, tEnums, locale] = await Promise.all([getTranslations('admin.organisations'), getTranslations('enums'), getAppLocale()]);
  const taxonomy = getTaxonomy(locale);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1>{t('title')}</h1>
        <Link href="/admin/organisations/new" className="button-primary hover:no-underline">
          {t('new')}
        </Link>
      </div>
      {organisations.length ? (
        <DataTable headers={[t('name'), t('type'), t('country'), t('visibility')]}>
              {organisations.map((organisation) => (
                <tr key={organisation.id}>
                  <td>
                    <Link href={`/admin/organisations/${organisation.id}`} className="font-medium">
                      {organisation.name}
                    </Link>
                  </td>
                  <td>{tEnums(`organisationType.${organisation.type}`)}</td>
                  <td>{taxonomy.countryLabel(organisation.countryCode)}</td>
                  <td>{t(`visibilityShort.${organisation.visibility}`)}</td>
                </tr>
              ))}
            </DataTable>
      ) : (
        <p className="muted">{t('empty')}</p>
      )}
    </div>
  );
}
