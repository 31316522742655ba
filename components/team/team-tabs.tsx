'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const TABS = [
  { path: '', label: 'Members' },
  { path: '/activity', label: 'Activity' },
  { path: '/proposals', label: 'Reviews' },
  { path: '/comments', label: 'Comments' },
  { path: '/agreement', label: 'Agreement' },
];

/** The team's views: members, the activity feed (audit log), hierarchy proposals, comment threads, inter-coder agreement. */
export function TeamTabs({ projectId }: { projectId: string }) {
  const pathname = usePathname();
  const base = `/projects/${projectId}/team`;
  return (
    <nav className="tabs" aria-label="Team views">
      {TABS.map((tab) => {
        const href = `${base}${tab.path}`;
        const current = tab.path === '' ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
        return (
          <Link key={tab.path} href={href} aria-current={current ? 'page' : undefined}>
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}
