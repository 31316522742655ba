'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useId } from 'react';

import { jointDisplayExportHref, jointDisplayQuery } from './joint-helpers';
import styles from './mixed.module.css';

/**
 * The joint display's filter (a core or main category) and order, kept in the URL
 * (?under=&order=) so a filtered display can be linked to; and the exports of the same rows.
 */
export function JointFilters(props: {
  projectId: string;
  under: string;
  order: string;
  branches: Array<{ id: string; title: string; level: number }>;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const id = useId();
  const go = (next: { under?: string; order?: string }) => router.push(`${pathname}${jointDisplayQuery({ under: props.under, order: props.order, ...next })}`);
  const filter = { under: props.under || undefined, order: props.order };

  return (
    <div className={styles.toolbar}>
      <div className={styles.filters}>
        <div className="field">
          <label htmlFor={`${id}-under`}>Show</label>
          <select id={`${id}-under`} value={props.under} onChange={(e) => go({ under: e.target.value })}>
            <option value="">All linked codes</option>
            {props.branches.map((b) => (
              <option key={b.id} value={b.id}>
                Under {b.title} ({b.level === 4 ? 'core category' : 'main category'})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-order`}>Order by</label>
          <select id={`${id}-order`} value={props.order} onChange={(e) => go({ order: e.target.value })}>
            <option value="hierarchy">Hierarchy</option>
            <option value="strength">Link strength (|β|)</option>
            <option value="label">Code label</option>
          </select>
        </div>
      </div>
      <div className={styles.exports}>
        <a className="btn btn-secondary" href={jointDisplayExportHref(props.projectId, 'docx', filter)} download>
          Export DOCX
        </a>
        <a className="btn btn-secondary" href={jointDisplayExportHref(props.projectId, 'xlsx', filter)} download>
          Export XLSX
        </a>
      </div>
    </div>
  );
}
