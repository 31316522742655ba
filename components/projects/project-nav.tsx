'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

import styles from './project-nav.module.css';

export interface NavItem {
  href: string;
  label: string;
  /** A count shown after the label (e.g. unread comments on Team); hidden when 0. */
  badge?: { count: number; label: string };
}

/** The project's areas. Only built areas are listed; more arrive with their features. */
export function ProjectNav({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Project">
      <ul>
        {items.map((item) => (
          <li key={item.href}>
            <Link href={item.href} aria-current={pathname === item.href || (item.href !== items[0]?.href && pathname.startsWith(`${item.href}/`)) ? 'page' : undefined}>
              {item.label}
              {item.badge && item.badge.count > 0 && (
                <span className={styles.badge} data-testid="nav-badge" aria-label={item.badge.label} title={item.badge.label}>
                  {item.badge.count > 99 ? '99+' : item.badge.count}
                </span>
              )}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
