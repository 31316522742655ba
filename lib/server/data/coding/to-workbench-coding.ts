import 'server-only';

import type { WorkbenchCoding } from '@/lib/coding/workbench-types';

/** The columns every coding read selects, and their mapping to the workbench contract. */
export const codingSelect = {
  id: true,
  codeId: true,
  start: true,
  end: true,
  coderId: true,
  createdAt: true,
  coder: { select: { name: true } },
  memo: { select: { text: true, body: true, version: true } },
} as const;

export function toWorkbenchCoding(row: {
  id: string;
  codeId: string;
  start: number;
  end: number;
  coderId: string | null;
  createdAt: Date;
  coder: { name: string } | null;
  memo: { text: string; body: string; version: number } | null;
}): WorkbenchCoding {
  return {
    id: row.id,
    codeId: row.codeId,
    start: row.start,
    end: row.end,
    coderId: row.coderId ?? '',
    coderName: row.coder?.name ?? 'Former member',
    memo: row.memo?.text ?? '',
    memoBody: row.memo ? (JSON.parse(row.memo.body) as unknown) : null,
    memoVersion: row.memo?.version ?? 0,
    createdAt: row.createdAt.toISOString(),
  };
}
