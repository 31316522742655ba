/**
 * A compact wire form of a source's codings for the workbench page. As objects, 2,000 codings
 * are ~470 KB of RSC payload (three 25-character ids, a coder name, an ISO date and the keys,
 * per coding), sent in the HTML, parsed by the browser and kept in memory twice. Packed, they
 * are the coding ids plus five numbers each (code and coder by index, start, end, creation
 * time) and the memos of the codings that have one: about a quarter of the size.
 * {@link unpackCodings} gives back exactly the rows {@link packCodings} took.
 */
import type { WorkbenchCoding, WorkbenchData } from './workbench-types';

/** The packed codings (plain JSON, safe to pass from a server to a client component). */
export interface PackedCodings {
  packed: 1;
  /** Distinct code ids, referenced by index. */
  codeIds: string[];
  /** Distinct coders (id and name as on the rows), referenced by index. */
  coders: Array<[id: string, name: string]>;
  ids: string[];
  /** Per coding, 5 numbers: code index, start, end, coder index, createdAt − `since` in ms (−1: no date). */
  rows: number[];
  /** Epoch ms the creation times count from. */
  since: number;
  /** Memos by coding index: [plain-text preview, tiptap JSON body]. */
  memos: Record<number, [memo: string, body: unknown]>;
  /** Creation times that are not an exact ISO date (kept as given), by coding index. */
  dates: Record<number, string>;
}

/** The workbench's data with its codings packed (what the page sends). */
export type PackedWorkbenchData = Omit<WorkbenchData, 'codings'> & { codings: PackedCodings };

const FIELDS = 5;

/**
 * Packs codings for the wire.
 * @example packCodings([{ id: 'c1', codeId: 'k1', start: 0, end: 5, coderId: 'u1', coderName: 'Ana', memo: '', memoBody: null, createdAt: '2024-01-01T00:00:00.000Z' }])
 */
export function packCodings(codings: readonly WorkbenchCoding[]): PackedCodings {
  const codeIndex = new Map<string, number>();
  const coderIndex = new Map<string, number>();
  const codeIds: string[] = [];
  const coders: Array<[string, string]> = [];
  const ids: string[] = new Array(codings.length);
  const rows: number[] = new Array(codings.length * FIELDS);
  const memos: Record<number, [string, unknown]> = {};
  const dates: Record<number, string> = {};
  let since = Infinity;
  const times = codings.map((c) => (c.createdAt ? Date.parse(c.createdAt) : NaN));
  for (const t of times) if (t < since) since = t;
  if (since === Infinity) since = 0;
  codings.forEach((c, i) => {
    let code = codeIndex.get(c.codeId);
    if (code === undefined) {
      code = codeIds.push(c.codeId) - 1;
      codeIndex.set(c.codeId, code);
    }
    const coderKey = `${c.coderId}\u0000${c.coderName}`;
    let coder = coderIndex.get(coderKey);
    if (coder === undefined) {
      coder = coders.push([c.coderId, c.coderName]) - 1;
      coderIndex.set(coderKey, coder);
    }
    ids[i] = c.id;
    const t = times[i];
    // A date that does not round-trip through Date (or none) is kept as the row has it.
    const exact = Number.isFinite(t) && new Date(t).toISOString() === c.createdAt;
    const r = i * FIELDS;
    rows[r] = code;
    rows[r + 1] = c.start;
    rows[r + 2] = c.end;
    rows[r + 3] = coder;
    rows[r + 4] = exact ? t - since : -1;
    if (!exact) dates[i] = c.createdAt;
    if (c.memo || c.memoBody !== null) memos[i] = [c.memo, c.memoBody];
  });
  return { packed: 1, codeIds, coders, ids, rows, since, memos, dates };
}

/** The rows {@link packCodings} packed, in the same order. */
export function unpackCodings(p: PackedCodings): WorkbenchCoding[] {
  const out: WorkbenchCoding[] = new Array(p.ids.length);
  for (let i = 0; i < p.ids.length; i++) {
    const r = i * FIELDS;
    const [coderId, coderName] = p.coders[p.rows[r + 3]];
    const memo = p.memos[i];
    const dt = p.rows[r + 4];
    out[i] = {
      id: p.ids[i],
      codeId: p.codeIds[p.rows[r]],
      start: p.rows[r + 1],
      end: p.rows[r + 2],
      coderId,
      coderName,
      memo: memo ? memo[0] : '',
      memoBody: memo ? memo[1] : null,
      createdAt: dt >= 0 ? new Date(p.since + dt).toISOString() : (p.dates[i] ?? ''),
    };
  }
  return out;
}

/** Whether `codings` is the packed form. */
export function isPackedCodings(codings: unknown): codings is PackedCodings {
  return typeof codings === 'object' && codings !== null && (codings as { packed?: unknown }).packed === 1;
}
