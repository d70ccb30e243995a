import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { AdminNav } from '@/components/admin/admin-nav';
import { getViewer } from '@/lib/auth/viewer';
import { can } from '@/lib/policy/rules';

const sections = [
  { href: '/admin', key: 'overview' },
  { href: '/admin/organisations', key: 'organisations' },
  { href: '/admin/members', key: 'members' },
  { href: '/admin/invites', key: 'invites' },
  { href: '/admin/events', key: 'events' },
  { href: '/admin/audit', key: 'audit' },
  { href: '/admin/jobs', key: 'jobs' },
  { href: '/admin/emails', key: 'emails' },
] as const;

/**
 * The admin area exists only for site admins; anyone else gets the 404 page. This check is not the
 * protection: layouts and pages render independently, so every admin query asserts the viewer again.
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const [viewer, t] = await Promise.all([getViewer(), getTranslations('admin')]);
  if (!can(viewer, 'admin.access', null)) notFound();
  return (
    <div className="space-y-6">
      <AdminNav label={t('nav.label')} links={sections.map((section) => ({ href: section.href, label: t(`nav.${section.key}`) }))} />
      {children}
    </div>
  );
}
