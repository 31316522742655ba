'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const TABS = [
  { path: '', label: 'Outline' },
  { path: '/table', label: 'Table' },
  { path: '/tree', label: 'Tree' },
  { path: '/network', label: 'Relations & network' },
  { path: '/storyline', label: 'Storyline' },
];

/** The views of the code hierarchy: outline (editing), table, tree, network, storyline. */
export function HierarchyTabs({ projectId }: { projectId: string }) {
  const pathname = usePathname();
  const base = `/projects/${projectId}/hierarchy`;
  return (
    <nav className="tabs" aria-label="Hierarchy views">
      {TABS.map((tab) => (
        <Link key={tab.path} href={`${base}${tab.path}`} aria-current={pathname === `${base}${tab.path}` ? 'page' : undefined}>
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
