'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

/** A client component only to mark the current section: layouts do not re-render on client navigation. */
export function AdminNav({ label, links }: { label: string; links: { href: string; label: string }[] }) {
  const pathname = usePathname();
  const isCurrent = (href: string) => (href === '/admin' ? pathname === href : pathname === href || pathname.startsWith(`${href}/`));
  return (
    <nav aria-label={label} className="-mx-4 overflow-x-auto border-b border-stone-200 px-4">
      <ul className="flex gap-1 whitespace-nowrap text-sm">
        {links.map((link) => (
          <li key={link.href}>
            <Link
              href={link.href}
              aria-current={isCurrent(link.href) ? 'page' : undefined}
              className="inline-block border-b-2 border-transparent px-2 py-2 text-stone-700 hover:text-teal-900 hover:no-underline aria-[current=page]:border-teal-800 aria-[current=page]:font-semibold aria-[current=page]:text-teal-900"
            >
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
