/**
 * What the XLSX exporters share: a workbook written through exceljs's streaming writer, and
 * text made safe for the XML inside an .xlsx.
 *
 * Why streaming: `new Workbook()` + `xlsx.writeBuffer()` hands each XML part to JSZip as a
 * string, which JSZip UTF-8-encodes in 16K-character chunks, so an emoji or rare CJK character
 * (a surrogate pair) that straddles a chunk boundary is written as two U+FFFD — silently
 * corrupting text. The streaming writer passes bytes (archiver), which cannot split a
 * character. Shared strings: canonical `t="s"` cells.
 */
import { PassThrough } from 'node:stream';
import { finished } from 'node:stream/promises';

import ExcelJS from 'exceljs';

/** A streaming workbook and a way to finish it into the file's bytes. */
export function streamingWorkbook(options: { creator: string; created?: Date }): {
  workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  finish: () => Promise<Uint8Array<ArrayBuffer>>;
} {
  const chunks: Uint8Array[] = [];
  const out = new PassThrough();
  out.on('data', (chunk: Uint8Array) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: true,
    ...(options.created ? { created: options.created, modified: options.created } : {}),
    creator: options.creator,
    lastModifiedBy: options.creator,
  } as Partial<ExcelJS.stream.xlsx.WorkbookStreamWriterOptions>);
  const finish = async () => {
    await workbook.commit();
    await finished(out);
    const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return bytes;
  };
  return { workbook, finish };
}

// XML 1.0 cannot carry these: C0 controls except tab, LF, CR; U+FFFE, U+FFFF. (exceljs drops
// the C0 ones itself; doing it here keeps the result independent of that detail.)
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text XML can carry: invalid characters dropped, lone surrogates as U+FFFD, line ends as LF
 * (XML parsers turn a raw CR into LF anyway, and Excel breaks lines in a cell on LF).
 */
export function xmlSafe(value: string): string {
  return value.replace(XML_INVALID, '').replace(LONE_SURROGATE, '\uFFFD').replace(/\r\n?/g, '\n');
}
