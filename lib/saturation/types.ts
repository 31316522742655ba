/**
 * Plain data of the saturation analyses (lib/saturation): what the data layer hands in and what
 * the page, the exports and the API get back. Codes use the hierarchy's levels
 * (1 concept · 2 category · 3 main category · 4 core category, lib/coding/hierarchy-types).
 */
import type { CodeLevel, HierarchyCode } from '../coding/hierarchy-types';

/** A source as the saturation analyses see it. */
export interface SaturationSource {
  id: string;
  title: string;
  /** interview | literature | fieldnote | document | other (lib/sources/kinds.ts) */
  kind: string;
  /** The user's position in the coding order (Source.codingOrder), or null. */
  codingOrder: number | null;
  /** Held out as a saturation test source. */
  saturationTest: boolean;
  /** When its first coding was made (ISO string), or null when it has none. */
  firstCodedAt: string | null;
}

/** A coding reduced to what saturation needs. */
export interface SaturationCoding {
  codeId: string;
  sourceId: string;
  coderId: string | null;
  /** ISO string (hold-out test: was a test source coded before the snapshot?). */
  createdAt?: string;
}

/** A code as the analyses see it (the hierarchy's code; colour and definition unused). */
export type SaturationCode = Pick<HierarchyCode, 'id' | 'name' | 'label' | 'level' | 'parentId'>;

/** A relation reduced to its identity and the sources of its evidence. */
export interface SaturationRelation {
  id: string;
  fromId: string;
  toId: string;
  type: string;
  customType: string;
  /** Sources of the codings cited as evidence (may be empty). */
  evidenceSourceIds: string[];
}

/** The levels the emergence curve follows. */
export const EMERGENCE_LEVELS = [1, 2, 3] as const satisfies readonly CodeLevel[];
export type EmergenceLevel = (typeof EMERGENCE_LEVELS)[number];
