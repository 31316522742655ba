'use client';

import type { PubTable } from '@/lib/stats/tables/model';
import { renderHtml } from '@/lib/stats/tables/render-html';

import styles from './analyses.module.css';

/**
 * A publication table as the HTML export writes it (renderHtml escapes every text, so the
 * markup is safe to insert), on a white "page" in a serif face like the Word export.
 */
export function PubTableView(props: { table: PubTable | null; error?: string | null; testId?: string }) {
  if (!props.table) return <p className="message message-error">{props.error ?? 'This table cannot be shown.'}</p>;
  return <div className={styles.paper} data-testid={props.testId ?? 'pub-table'} dangerouslySetInnerHTML={{ __html: renderHtml(props.table) }} />;
}
