/**
 * REFI-QDA (QDA-XML 1.0) exchange: the in-memory shape of a project or codebook, shared by the
 * writer (serialize.ts) and the reader (parse.ts). Pure TypeScript.
 *
 * Positions: `start`/`end` of a PlainTextSelection count *Unicode code points* of the source's
 * plain text — the "characters" of XML and of the standard's text ("character offsets into the
 * plain text"), and what QualCoder (Python `str` indices) writes. Groundwork stores code points
 * too (lib/coding/offsets.ts), so positions cross unchanged: an emoji or a ZWJ sequence counts
 * one position per code point on both sides, never one per UTF-16 unit.
 */

/** A GUID as written: 8-4-4-4-12 hex, optionally in braces; compared lower-cased, braces off. */
export type Guid = string;

export type RefiUser = { guid: Guid; name: string; id?: string };

export type RefiCode = {
  guid: Guid;
  name: string;
  isCodable: boolean;
  /** #rrggbb (a #rgb colour is expanded on reading). */
  color?: string;
  description: string;
  noteRefs: Guid[];
  children: RefiCode[];
};

export type RefiCoding = { guid: Guid; codeGuid: Guid; creatingUser?: Guid; creationDateTime?: string; noteRefs: Guid[] };

export type RefiSelection = {
  guid: Guid;
  name?: string;
  start: number;
  end: number;
  creatingUser?: Guid;
  creationDateTime?: string;
  codings: RefiCoding[];
  noteRefs: Guid[];
};

export type RefiVariableType = 'Text' | 'Boolean' | 'Integer' | 'Float' | 'Date' | 'DateTime';
export type RefiVariable = { guid: Guid; name: string; type: RefiVariableType; description: string };
export type RefiVariableValue = { variableGuid: Guid; value: string };

export type RefiSourceKind = 'text' | 'pdf' | 'picture' | 'audio' | 'video';

export type RefiSource = {
  guid: Guid;
  name: string;
  kind: RefiSourceKind;
  /** The plain text the positions point into ('' for a source without text). */
  text: string;
  description: string;
  /** Where the text came from: an inline PlainTextContent or a plainTextPath. */
  plainTextPath?: string;
  /** The original file (richTextPath or PDF path), when the archive holds one. */
  originalPath?: string;
  creatingUser?: Guid;
  creationDateTime?: string;
  selections: RefiSelection[];
  noteRefs: Guid[];
  variableValues: RefiVariableValue[];
};

export type RefiNote = { guid: Guid; name: string; text: string; creatingUser?: Guid; creationDateTime?: string; plainTextPath?: string };

export type RefiCase = {
  guid: Guid;
  name: string;
  description: string;
  values: RefiVariableValue[];
  sourceRefs: Guid[];
};

export type RefiDirection = 'Associative' | 'OneWay' | 'Bidirectional';
export type RefiLink = { guid: Guid; name: string; direction?: RefiDirection; originGuid?: Guid; targetGuid?: Guid; noteRefs: Guid[] };

export type RefiSet = { guid: Guid; name: string; description: string; memberCodes: Guid[]; memberSources: Guid[]; memberNotes: Guid[] };

export type RefiProject = {
  name: string;
  origin?: string;
  description: string;
  creationDateTime?: string;
  users: RefiUser[];
  codes: RefiCode[];
  variables: RefiVariable[];
  cases: RefiCase[];
  sources: RefiSource[];
  notes: RefiNote[];
  links: RefiLink[];
  sets: RefiSet[];
  noteRefs: Guid[];
};

export type RefiCodebook = { origin?: string; codes: RefiCode[]; sets: RefiSet[] };

/** Name of the note that carries what REFI-QDA has no element for (see extension.ts). */
export const EXTENSION_NOTE_NAME = 'Groundwork exchange data';

/** The canonical form of a GUID for lookups: lower case, no braces. */
export function normGuid(guid: string): string {
  return guid.trim().replace(/^\{|\}$/g, '').toLowerCase();
}

/** Every code of a tree, depth first, with its depth (0 = top level) and parent. */
export function flattenCodes(codes: readonly RefiCode[]): Array<{ code: RefiCode; depth: number; parent: RefiCode | null }> {
  const out: Array<{ code: RefiCode; depth: number; parent: RefiCode | null }> = [];
  const walk = (list: readonly RefiCode[], depth: number, parent: RefiCode | null) => {
    for (const code of list) {
      out.push({ code, depth, parent });
      walk(code.children, depth + 1, code);
    }
  };
  walk(codes, 0, null);
  return out;
}
