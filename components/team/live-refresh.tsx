'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';

import type { ProjectEventView } from '@/lib/team/event-types';

import { useProjectEvents, useSelfId } from './use-project-events';

/** Changes arriving within this window refresh the page once. */
const DEBOUNCE_MS = 400;
/** While the user edits, how often to look whether they have finished. */
const WAIT_MS = 1_000;

/** Codebook and Theory pages change with the codebook and the hierarchy. */
export function changesCodebook(event: ProjectEventView): boolean {
  return /^(code|hierarchy|relation|storyline)\./.test(event.type);
}

/**
 * Whether the user is in the middle of something a refresh could disturb: focus in a field, or
 * a field on the page whose value differs from what the server rendered.
 */
function editing(): boolean {
  const active = document.activeElement as HTMLElement | null;
  if (active && (active.matches('input, textarea, select') || active.isContentEditable)) return true;
  for (const el of document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('main input, main textarea')) {
    if (el instanceof HTMLInputElement && ['checkbox', 'radio'].includes(el.type) ? el.checked !== el.defaultChecked : el.value !== el.defaultValue) return true;
  }
  for (const select of document.querySelectorAll<HTMLSelectElement>('main select')) {
    const initial = Math.max(0, [...select.options].findIndex((o) => o.defaultSelected));
    if (!select.multiple && select.options.length > 0 && select.selectedIndex !== initial) return true;
  }
  return false;
}

/**
 * Refreshes the page (router.refresh, debounced) when another member changes the codebook or
 * the hierarchy, so Codebook and Theory show their work within a second. Never while the user
 * is editing a form: the refresh waits until they are done, and says so.
 */
export function LiveRefresh({ when = changesCodebook }: { when?: (event: ProjectEventView) => boolean }) {
  const router = useRouter();
  const selfId = useSelfId();
  const [waiting, setWaiting] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const attempt = useCallback(() => {
    clearTimeout(timer.current);
    if (editing()) {
      setWaiting(true);
      timer.current = setTimeout(attempt, WAIT_MS);
      return;
    }
    setWaiting(false);
    router.refresh();
  }, [router]);
  useEffect(() => () => clearTimeout(timer.current), []);

  useProjectEvents((events) => {
    if (!events.some((e) => e.actor?.id !== selfId && when(e))) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(attempt, DEBOUNCE_MS);
  });

  return (
    <p className="muted" role="status" aria-live="polite" data-testid="live-refresh-waiting" hidden={!waiting} style={{ fontSize: '0.85rem' }}>
      Another member changed the codebook; this page updates when you finish editing.
    </p>
  );
}
