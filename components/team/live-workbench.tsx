'use client';

import { useCallback, useEffect, useRef, useState } from 'react';

import { Workbench, type WorkbenchProps } from '@/components/workbench/workbench';
import type { PackedWorkbenchData } from '@/lib/coding/packed-codings';
import type { WorkbenchCode, WorkbenchCoding, WorkbenchData } from '@/lib/coding/workbench-types';
import type { ProjectEventView } from '@/lib/team/event-types';
import { presenceMode, type PresenceMode } from '@/lib/team/presence';

import { SourcePresence } from './presence-avatars';
import { useProjectEvents, useSelfId } from './use-project-events';

/** Changes by others arriving within this window are fetched once. */
const REFETCH_DEBOUNCE_MS = 150;
/** How often the tab re-checks whether its user is coding (selection, picker, last coding). */
const MODE_CHECK_MS = 2_000;

/** Whether an event by someone else changes what this source's workbench shows. */
function concernsSource(event: ProjectEventView, sourceId: string): boolean {
  if (event.entityType === 'coding' || event.entityType === 'memo') return event.sourceId === sourceId;
  // Renamed, recoloured, merged or deleted codes change the highlights' names and colours.
  return event.entityType === 'code' || event.type.startsWith('hierarchy.');
}

/**
 * The workbench, live: codings, coding memos and code changes made by other members (on any
 * instance) appear without a reload. The source's codes and codings are fetched again
 * (GET …/codes, GET …/sources/:id/codings) and handed to the workbench as fresh rows, which it
 * merges under its pending operations; the text, the selection and an open picker stay as
 * they are. Also reports this tab's presence on the source: "coding" while text is selected or
 * the code picker is open, or within a minute of the user's last coding here; "viewing" else.
 */
export function LiveWorkbench({ data: initial, api }: WorkbenchProps) {
  const projectId = initial.projectId;
  const sourceId = initial.source.id;
  const selfId = useSelfId();
  const [data, setData] = useState<WorkbenchData | PackedWorkbenchData>(initial);
  useEffect(() => setData(initial), [initial]);

  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const fetching = useRef<AbortController | null>(null);
  const refetch = useCallback(() => {
    fetching.current?.abort();
    const controller = new AbortController();
    fetching.current = controller;
    const get = async <T,>(url: string): Promise<T> => {
      const res = await fetch(url, { signal: controller.signal, cache: 'no-store' });
      if (!res.ok) throw new Error(`${url}: ${res.status}`);
      return (await res.json()) as T;
    };
    Promise.all([
      get<{ codes: WorkbenchCode[] }>(`/api/projects/${projectId}/codes`),
      get<{ codings: WorkbenchCoding[] }>(`/api/projects/${projectId}/sources/${sourceId}/codings`),
    ])
      .then(([{ codes }, { codings }]) => {
        if (controller.signal.aborted) return;
        setData((current) => {
          const coders = new Map(current.coders.map((c) => [c.id, c.name]));
          for (const c of codings) if (!coders.has(c.coderId)) coders.set(c.coderId, c.coderName);
          return { ...current, codes, codings, coders: [...coders].map(([id, name]) => ({ id, name })) };
        });
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) console.warn('Live update failed; the next change or a reload brings it.', error);
      });
  }, [projectId, sourceId]);
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      fetching.current?.abort();
    },
    [],
  );

  const [lastCodedAt, setLastCodedAt] = useState<number | null>(null);
  useProjectEvents((events) => {
    let others = false;
    for (const e of events) {
      const mine = e.actor?.id === selfId;
      if (mine && e.entityType === 'coding' && e.sourceId === sourceId) setLastCodedAt(Date.now());
      if (!mine && concernsSource(e, sourceId)) others = true;
    }
    if (!others) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(refetch, REFETCH_DEBOUNCE_MS);
  });

  // Coding or viewing: a selection in the text or the open code picker counts as coding.
  const [mode, setMode] = useState<PresenceMode>('viewing');
  useEffect(() => {
    const check = () => {
      const doc = document.querySelector('[data-testid="source-document"]');
      const sel = document.getSelection();
      const selecting = Boolean(
        (sel && !sel.isCollapsed && doc && sel.anchorNode && doc.contains(sel.anchorNode)) || document.querySelector('[data-testid="code-picker"]'),
      );
      setMode(presenceMode({ selecting, lastCodedAt, now: Date.now() }));
    };
    check();
    document.addEventListener('selectionchange', check);
    const interval = setInterval(check, MODE_CHECK_MS);
    return () => {
      document.removeEventListener('selectionchange', check);
      clearInterval(interval);
    };
  }, [lastCodedAt]);

  return (
    <>
      <SourcePresence sourceId={sourceId} mode={mode} />
      <Workbench data={data} api={api} />
    </>
  );
}
