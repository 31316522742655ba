/**
 * Safe XML reading for REFI-QDA files. A DOCTYPE is refused before any parser sees the text:
 * QDA-XML needs none, and a DOCTYPE is how entity expansion ("billion laughs") and external
 * entities (reading server files, SSRF) get in. Entities are then decoded here, only the five
 * predefined ones and numeric character references, so nothing can expand.
 */
import { XMLParser } from 'fast-xml-parser';

import { RefiError } from './errors';

/** A parsed element: attributes under `$`, text under `#text`, CDATA under `#cdata`, children by local name. */
export type XmlNode = { $?: Record<string, string>; '#text'?: string; '#cdata'?: string } & { [child: string]: unknown };

const ARRAYS = new Set([
  'User', 'Code', 'Variable', 'Case', 'TextSource', 'PDFSource', 'PictureSource', 'AudioSource', 'VideoSource', 'Note', 'Link', 'Set',
  'PlainTextSelection', 'PDFSelection', 'Coding', 'NoteRef', 'VariableValue', 'SourceRef', 'SelectionRef', 'CodeRef', 'MemberCode',
  'MemberSource', 'MemberNote', 'Graph', 'Transcript',
]);

/**
 * Decode bytes as UTF-8, dropping a byte-order mark (UTF-16 files with a BOM are decoded as UTF-16).
 *
 * @example decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61])) // 'a'
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes); // strips a UTF-8 BOM
  } catch {
    throw new RefiError('encoding', 'A file in the archive is not valid UTF-8 text.');
  }
}

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Predefined entities and numeric character references; anything else is an error (no DTD, so no other entity exists). */
export function decodeEntities(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z][\w.-]*);/g, (_, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!Number.isFinite(code) || code > 0x10ffff) throw new RefiError('xml', `The XML holds an invalid character reference &${ref};.`);
      return String.fromCodePoint(code);
    }
    const known = PREDEFINED[ref];
    if (known === undefined) throw new RefiError('xml', `The XML uses the entity &${ref};, which is not defined (DTDs are not accepted).`);
    return known;
  });
}

/**
 * Parse a QDA-XML document after refusing DOCTYPE and ENTITY declarations. Namespace prefixes
 * are dropped (`qda:Code` and `Code` read alike), so any prefix a tool picks works.
 *
 * @throws {RefiError} `xml` for a DOCTYPE, an undefined entity or malformed XML.
 * @example parseXml('<Project xmlns="urn:QDA-XML:project:1.0" name="x"/>').Project
 */
export function parseXml(text: string): Record<string, XmlNode> {
  if (/<!DOCTYPE/i.test(text) || /<!ENTITY/i.test(text)) {
    throw new RefiError('xml', 'The XML file declares a DOCTYPE or entities. REFI-QDA files need none, and they can be used to attack the server, so the file was refused.');
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    attributesGroupName: '$',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    alwaysCreateTextNode: true,
    processEntities: false,
    cdataPropName: '#cdata',
    isArray: (name) => ARRAYS.has(name),
  });
  let parsed: Record<string, XmlNode>;
  try {
    parsed = parser.parse(text, true) as Record<string, XmlNode>;
  } catch (error) {
    throw new RefiError('xml', `The XML is not well-formed: ${(error as Error).message}`);
  }
  return parsed;
}

/** An attribute, entities decoded (undefined when absent). */
export function attr(node: XmlNode | undefined, name: string): string | undefined {
  const raw = node?.$?.[name];
  return raw === undefined ? undefined : decodeEntities(raw);
}

/** An element's text content (text and CDATA), entities decoded; '' when absent. */
export function textOf(node: unknown): string {
  if (node === undefined || node === null) return '';
  if (typeof node === 'string') return decodeEntities(node);
  const n = node as XmlNode;
  const cdata = n['#cdata'];
  const cdataText = Array.isArray(cdata) ? cdata.map((c) => textOf(c)).join('') : typeof cdata === 'string' ? cdata : cdata ? textOf(cdata) : '';
  return decodeEntities(n['#text'] ?? '') + cdataText;
}

/** Child elements of one name, always as a list. */
export function children(node: XmlNode | undefined, name: string): XmlNode[] {
  const value = node?.[name];
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]) as XmlNode[];
}

/** The first child element of a name. */
export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return children(node, name)[0];
}
