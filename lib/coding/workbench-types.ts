/**
 * The contract between the open-coding workbench (components/workbench, client) and the server
 * (server actions in app/(app)/projects/[projectId]/sources/[sourceId]/actions.ts).
 *
 * Offsets: every `start`/`end` is a Unicode code point offset into the source's stored text
 * (lib/coding/offsets.ts), `end` exclusive. The editor converts to and from ProseMirror
 * positions (lib/coding/doc-positions.ts); the server never sees editor positions.
 */

import type { AnyVersionConflict } from '@/lib/team/conflict';

export interface WorkbenchCode {
  id: string;
  name: string;
  /** #rrggbb */
  color: string;
  definition: string;
  /** Hierarchy label (C3, B1…; lib/coding/hierarchy.ts); absent while a new code is being saved. */
  label?: string;
  /** 1 concept · 2 category · 3 main category · 4 core category; absent while being saved. */
  level?: number;
  /** The code one level up (null or absent: none), for the codebook tree. */
  parentId?: string | null;
  /** Codings of this code in the whole project (for the codebook panel). */
  segmentCount: number;
  /** Distinct sources with at least one coding of this code. */
  sourceCount: number;
  /** Optimistic concurrency: an edit of the code names this version (lib/team/conflict.ts). */
  version?: number;
}

export interface WorkbenchCoding {
  id: string;
  codeId: string;
  start: number;
  end: number;
  coderId: string;
  coderName: string;
  /** Plain-text preview of the coding's memo ('' when none). */
  memo: string;
  /** The memo itself: a tiptap JSON document (lib/coding/memo.ts), or null when none. */
  memoBody: unknown;
  /** The memo's version (0 when none): a memo save names it (lib/team/conflict.ts). */
  memoVersion?: number;
  createdAt: string;
}

export interface WorkbenchMemo {
  id: string;
  /** tiptap JSON document (see lib/coding/memo.ts), already validated by the server. */
  body: unknown;
  authorName: string;
  createdAt: string;
  updatedAt: string;
}

export interface WorkbenchData {
  projectId: string;
  source: {
    id: string;
    title: string;
    text: string;
    length: number;
    /** Page numbers and turn timestamps kept at import (lib/sources/markers.ts), if any. */
    markers?: ReadonlyArray<{ start: number; label: string; kind: 'page' | 'time' }>;
  };
  codes: WorkbenchCode[];
  codings: WorkbenchCoding[];
  /** The people who coded this source, for the coder filter. */
  coders: Array<{ id: string; name: string }>;
  currentUser: { id: string; name: string };
  /** false for reviewers and viewers: the workbench shows codings but offers no changes. */
  canCode: boolean;
  /** Optional: a coding to scroll to and select on load (links from coded retrieval). */
  focusCodingId?: string;
  /** The project's language for sorting code names ('' or absent: the browser's). */
  language?: string;
}

/**
 * What a server action returns: the changed rows, or a message for the user. A save refused
 * because someone else saved the same code, memo or storyline first also carries `conflict`:
 * both versions, for the conflict dialog (components/team/conflict-dialog.tsx).
 */
export type ActionResult<T> =
  | { ok: true; value: T }
  /** `proposed`: not applied but added to the user's proposal for review (shown as information). */
  | { ok: false; message: string; conflict?: AnyVersionConflict; proposed?: boolean };

/** The operations the workbench calls (bound server actions; every one re-checks the user). */
export interface WorkbenchApi {
  applyCode(input: { codeId: string; start: number; end: number }): Promise<ActionResult<WorkbenchCoding>>;
  /** In-vivo or named: creates the code (a concept) and codes the range with it. */
  createCodeAndApply(input: { name: string; color?: string; start: number; end: number }): Promise<ActionResult<{ code: WorkbenchCode; coding: WorkbenchCoding }>>;
  removeCoding(input: { codingId: string }): Promise<ActionResult<{ codingId: string }>>;
  adjustCoding(input: { codingId: string; start: number; end: number }): Promise<ActionResult<WorkbenchCoding>>;
  setCodingMemo(input: { codingId: string; body: unknown; baseVersion?: number }): Promise<ActionResult<WorkbenchCoding>>;
}
