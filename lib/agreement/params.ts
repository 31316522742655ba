/**
 * The agreement page's choices in its URL (a GET form, so a result can be bookmarked and the
 * exports take the same query): repeated `coder`, `source` (with `sources=chosen`), `code`
 * (with `codes=chosen`), `codeLevel` (all | 1–4), `level` (existence | segment | character),
 * `threshold` (1–100, segment level).
 */
import type { AgreementLevel } from './units';

export interface AgreementParams {
  coderIds: string[];
  /** null: the default (sources coded by at least two of the coders). */
  sourceIds: string[] | null;
  /** null: every code (at `codeLevel`). */
  codeIds: string[] | null;
  /** Hierarchy level filter: 1 concepts … 4 core categories; null: all levels. */
  codeLevel: number | null;
  level: AgreementLevel;
  threshold: number;
  /** Problems to show the user (an unreadable threshold fell back to the default). */
  problems: string[];
}

export const DEFAULT_THRESHOLD = 90;
const MAX_IDS = 2000;

const ids = (search: URLSearchParams, name: string) => [...new Set(search.getAll(name).filter((v) => /^[\w-]{1,64}$/.test(v)))].slice(0, MAX_IDS);

export function parseAgreementParams(search: URLSearchParams): AgreementParams {
  const problems: string[] = [];
  const rawThreshold = search.get('threshold');
  let threshold = DEFAULT_THRESHOLD;
  if (rawThreshold !== null && rawThreshold !== '') {
    const n = Number(rawThreshold);
    if (Number.isFinite(n) && n > 0 && n <= 100) threshold = n;
    else problems.push(`The overlap threshold must be a percentage above 0 and at most 100; using ${DEFAULT_THRESHOLD}%.`);
  }
  const kind = search.get('level');
  const level: AgreementLevel = kind === 'segment' ? { kind: 'segment', threshold } : kind === 'character' ? { kind: 'character' } : { kind: 'existence' };
  const codeLevelRaw = search.get('codeLevel');
  const codeLevel = codeLevelRaw && /^[1-4]$/.test(codeLevelRaw) ? Number(codeLevelRaw) : null;
  return {
    coderIds: ids(search, 'coder'),
    sourceIds: search.get('sources') === 'chosen' ? ids(search, 'source') : null,
    codeIds: search.get('codes') === 'chosen' ? ids(search, 'code') : null,
    codeLevel,
    level,
    threshold,
    problems,
  };
}

/** The query string of a parsed choice (for export links). */
export function agreementQuery(params: AgreementParams): URLSearchParams {
  const q = new URLSearchParams();
  for (const id of params.coderIds) q.append('coder', id);
  if (params.sourceIds) {
    q.set('sources', 'chosen');
    for (const id of params.sourceIds) q.append('source', id);
  }
  if (params.codeIds) {
    q.set('codes', 'chosen');
    for (const id of params.codeIds) q.append('code', id);
  }
  if (params.codeLevel) q.set('codeLevel', String(params.codeLevel));
  q.set('level', params.level.kind);
  if (params.level.kind === 'segment') q.set('threshold', String(params.level.threshold));
  return q;
}
