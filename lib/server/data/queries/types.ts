/** What the Queries API returns for drill-downs and retrieval (types only: client components import them). */

/** A segment as the drill-down lists show it. */
export interface SegmentView {
  sourceId: string;
  sourceTitle: string;
  start: number;
  end: number;
  /** Where it is, in words: "p. 4", "Ana, 12:03", "paragraph 12" (lib/sources/segment-location.ts). */
  location: string;
  text: string;
  /** The coding the "open in source" link selects. */
  codingId: string;
  /** "C3 price anxiety" per code on the segment. */
  codes: string[];
  coders: string[];
}

/** One co-occurrence unit with the segments of both codes in it. */
export interface UnitView {
  sourceId: string;
  sourceTitle: string;
  /** "Overlap", "Paragraph 4", "Turn 3 · P01". */
  heading: string;
  start: number;
  end: number;
  segments: SegmentView[];
}

export type CellView = { kind: 'segments'; total: number; segments: SegmentView[] } | { kind: 'units'; total: number; units: UnitView[] };
