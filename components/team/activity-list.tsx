'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';

import type { AuditEventView } from '@/lib/server/data/audit/list-activity';
import { dayKey, groupByDay } from '@/lib/team/audit';

import styles from './activity-list.module.css';

/** Where an event's subject can be looked at (null: nowhere, e.g. it was deleted). */
function subjectHref(projectId: string, e: AuditEventView): string | null {
  const base = `/projects/${projectId}`;
  if (e.type === 'code.deleted') return null;
  if (e.entityType === 'code') return `${base}/codes/${e.entityId}/history`;
  if (e.entityType === 'relation' && e.type !== 'relation.deleted') return `${base}/hierarchy/network#relation-${e.entityId}`;
  if ((e.entityType === 'coding' || e.entityType === 'source') && e.sourceId && e.type !== 'source.deleted') return `${base}/sources/${e.sourceId}`;
  if (e.entityType === 'storyline') return `${base}/hierarchy/storyline`;
  if (e.entityType === 'proposal') return `${base}/team/proposals/${e.entityId}`;
  return null;
}

const SUBJECT_LINK: Record<string, string> = { code: 'Code history', relation: 'Relation', coding: 'Source', source: 'Source', storyline: 'Storyline', proposal: 'Proposal' };

/**
 * The feed: events grouped by day and shown with times in the reader's locale and time zone
 * (hence a client component: the server does not know them), each with its actor, what
 * happened, and — when the event carries snapshots — an expandable before → after.
 */
export function ActivityList({ projectId, events, currentCodeId }: { projectId: string; events: AuditEventView[]; currentCodeId?: string }) {
  // The server renders UTC days; the client regroups in the reader's zone once mounted.
  const [zone, setZone] = useState<string | undefined>('UTC');
  useEffect(() => setZone(undefined), []);
  // Until then, a fixed locale too, so the server's and the browser's first render agree.
  const locale = zone === 'UTC' ? 'en-US' : undefined;
  const groups = groupByDay(events, (e) => dayKey(e.createdAt, zone));
  if (events.length === 0) return <p className="empty muted">Nothing recorded here yet.</p>;
  return (
    <div className={styles.feed}>
      {groups.map((g) => (
        <section key={g.day} aria-label={dayTitle(g.day, locale)}>
          <h2 className={styles.day}>{dayTitle(g.day, locale)}</h2>
          <ol className={styles.list}>
            {g.items.map((e) => {
              // On a code's history page, its own events need no link to the page itself.
              const href = e.entityType === 'code' && e.entityId === currentCodeId ? null : subjectHref(projectId, e);
              return (
                <li key={e.seq} className={styles.event} data-testid="activity-event" data-type={e.type}>
                  <div className={styles.head}>
                    <time className={styles.time} dateTime={e.createdAt}>
                      {formatTime(e.createdAt, zone, locale)}
                    </time>
                    <strong>{e.actor?.name ?? 'Former member'}</strong>
                    <span className={styles.type}>{e.typeLabel}</span>
                    {href && (
                      <Link className={styles.subject} href={href} prefetch={false}>
                        {SUBJECT_LINK[e.entityType] ?? 'Open'}
                      </Link>
                    )}
                  </div>
                  {e.summary && <p className={styles.summary}>{e.summary}</p>}
                  {e.changes.length > 0 && (
                    <details className={styles.details}>
                      <summary>
                        {changesTitle(e.changes)} ({e.changes.length} {e.changes.length === 1 ? 'field' : 'fields'})
                      </summary>
                      <table className={`table ${styles.changes}`}>
                        <thead>
                          <tr>
                            <th scope="col">Field</th>
                            <th scope="col">Before</th>
                            <th scope="col">After</th>
                          </tr>
                        </thead>
                        <tbody>
                          {e.changes.map((c, i) => (
                            <tr key={i} data-testid="change">
                              <th scope="row">{c.field}</th>
                              <td className={c.before === null ? 'muted' : styles.before}>{c.before ?? '—'}</td>
                              <td className={c.after === null ? 'muted' : styles.after}>{c.after ?? (c.before === null ? '—' : 'removed')}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </details>
                  )}
                </li>
              );
            })}
          </ol>
        </section>
      ))}
    </div>
  );
}

/** A created thing has only values set, a deleted one only values removed; the rest changed. */
function changesTitle(changes: AuditEventView['changes']): string {
  if (changes.every((c) => c.before === null)) return 'Values set';
  if (changes.every((c) => c.after === null)) return 'Values removed';
  return 'Before → after';
}

function dayTitle(day: string, locale: string | undefined): string {
  const [y, m, d] = day.split('-').map(Number);
  // Noon UTC of that calendar day: the same date in every zone.
  return new Date(Date.UTC(y, m - 1, d, 12)).toLocaleDateString(locale, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
}

function formatTime(iso: string, zone: string | undefined, locale: string | undefined): string {
  return new Date(iso).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit', timeZone: zone });
}
