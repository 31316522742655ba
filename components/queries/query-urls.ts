/**
 * URLs of the Queries API for the page's current settings (empty settings left out). Pure.
 */
export interface FilterState {
  kind: string;
  coder: string;
  from: string;
  to: string;
  attribute: string;
  attributeValue: string;
}
export const NO_FILTER: FilterState = { kind: '', coder: '', from: '', to: '', attribute: '', attributeValue: '' };

export type MatrixKind = 'source' | 'case' | 'cooccurrence';

/** The tabs of the Queries page (here, not in the client component, so the server page can read them). */
export type QueryTab = MatrixKind | 'retrieval';
export const QUERY_TABS: ReadonlyArray<{ tab: QueryTab; label: string }> = [
  { tab: 'source', label: 'Code × source' },
  { tab: 'case', label: 'Code × case' },
  { tab: 'cooccurrence', label: 'Co-occurrence' },
  { tab: 'retrieval', label: 'Retrieval' },
];
export interface MatrixSettings {
  matrix: MatrixKind;
  unit: 'overlap' | 'paragraph' | 'turn';
  /** '' = the server's default. */
  level: string;
}

function params(filter: FilterState, extra: Record<string, string>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(extra)) if (v) q.set(k, v);
  if (filter.kind) q.set('kinds', filter.kind);
  if (filter.coder) q.set('coders', filter.coder);
  if (filter.from) q.set('from', filter.from);
  if (filter.to) q.set('to', filter.to);
  if (filter.attribute && filter.attributeValue) {
    q.set('attribute', filter.attribute);
    q.set('attributeValue', filter.attributeValue);
  }
  return q.toString();
}

const base = (projectId: string) => `/api/projects/${encodeURIComponent(projectId)}/queries`;
const matrixParams = (m: MatrixSettings) => ({ matrix: m.matrix, ...(m.matrix === 'cooccurrence' ? { unit: m.unit, level: m.level } : {}) });

export const matrixUrl = (projectId: string, m: MatrixSettings, f: FilterState) => `${base(projectId)}/matrix?${params(f, matrixParams(m))}`;
export const cellUrl = (projectId: string, m: MatrixSettings, f: FilterState, row: string, column: string) => `${base(projectId)}/cell?${params(f, { ...matrixParams(m), row, column })}`;
export const exportUrl = (projectId: string, m: MatrixSettings, f: FilterState, format: 'csv' | 'xlsx', value: 'count' | 'presence') =>
  `${base(projectId)}/export?${params(f, { ...matrixParams(m), format, value })}`;
export const retrievalUrl = (projectId: string, f: FilterState, operator: string, a: string, b: string) => `${base(projectId)}/retrieval?${params(f, { operator, a, b })}`;
