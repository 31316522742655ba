import type { WorkbenchCode } from './workbench-types';

/** A code with its children, as the workbench's codebook shows it. */
export interface CodebookNode {
  code: WorkbenchCode;
  children: CodebookNode[];
}

/**
 * The codebook as a tree: core categories → main categories → categories → concepts, siblings
 * sorted by name with `collator` (case-insensitive, in the project's language). A code whose
 * parent is unknown (or still being saved) is a root. Codes created in the session take their
 * sorted place at once, since the tree is rebuilt from the current list.
 */
export function codebookTree(codes: readonly WorkbenchCode[], collator: Intl.Collator): CodebookNode[] {
  const byId = new Map(codes.map((c) => [c.id, { code: c, children: [] as CodebookNode[] }]));
  const roots: CodebookNode[] = [];
  for (const node of byId.values()) {
    const parentId = node.code.parentId;
    const parent = parentId && parentId !== node.code.id ? byId.get(parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const sort = (nodes: CodebookNode[]) => {
    // Higher levels first among roots (a core category above loose concepts), then by name.
    nodes.sort((a, b) => (b.code.level ?? 1) - (a.code.level ?? 1) || collator.compare(a.code.name, b.code.name) || a.code.id.localeCompare(b.code.id));
    for (const n of nodes) sort(n.children);
  };
  sort(roots);
  return roots;
}

/**
 * The tree restricted to codes whose name or label contains `query` (case-insensitive), with
 * their ancestors so each match keeps its place. An empty query keeps everything.
 */
export function filterCodebookTree(nodes: readonly CodebookNode[], query: string): CodebookNode[] {
  const q = query.trim().toLocaleLowerCase();
  if (!q) return [...nodes];
  const keep = (node: CodebookNode): CodebookNode | null => {
    const children = node.children.map(keep).filter((n): n is CodebookNode => n !== null);
    const hit = node.code.name.toLocaleLowerCase().includes(q) || (node.code.label ?? '').toLocaleLowerCase() === q;
    return hit || children.length > 0 ? { code: node.code, children } : null;
  };
  return nodes.map(keep).filter((n): n is CodebookNode => n !== null);
}
