'use client';

import { lazy, Suspense, useEffect, useId, useState } from 'react';

import type { CommentThreadView } from '@/lib/server/data/comments/comments';

// Loaded when first opened: most rows of a list (e.g. the relations of the network view) are
// never opened, and the thread fetches its comments itself.
const CommentThread = lazy(() => import('./comment-thread').then((m) => ({ default: m.CommentThread })));

/**
 * A "Comments" button that opens an item's thread in place (used on relation rows). It opens
 * by itself when the page's address points at the item (`#<anchorId>`, as the comments page links).
 */
export function CommentToggle({ projectId, target, anchorId }: { projectId: string; target: CommentThreadView['target']; anchorId: string }) {
  const [open, setOpen] = useState(false);
  const regionId = useId();
  useEffect(() => {
    if (window.location.hash === `#${anchorId}`) setOpen(true);
  }, [anchorId]);
  return (
    <div>
      <button type="button" className="btn-link btn" aria-expanded={open} aria-controls={regionId} onClick={() => setOpen((o) => !o)} data-testid="comment-toggle">
        {open ? 'Hide comments' : 'Comments'}
      </button>
      <div id={regionId} hidden={!open}>
        {open && (
          <Suspense fallback={<p className="muted">Loading comments…</p>}>
            <CommentThread projectId={projectId} target={target} heading={null} />
          </Suspense>
        )}
      </div>
    </div>
  );
}
