import 'server-only';

/** The columns a code's audit snapshot reads. */
export const codeSnapshotSelect = { name: true, label: true, level: true, parentId: true, definition: true, color: true } as const;

export interface CodeSnapshot {
  name: string;
  label: string;
  level: number;
  parentId: string | null;
  definition: string;
  color: string;
}

/** A code's audited fields: the before → after of code.* events in the audit log. */
export function codeSnapshot(code: CodeSnapshot): CodeSnapshot {
  return { name: code.name, label: code.label, level: code.level, parentId: code.parentId, definition: code.definition, color: code.color };
}
