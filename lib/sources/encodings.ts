/**
 * The text encodings the uploader offers for text files (.txt, .md, .html, .vtt, .srt), when the
 * automatic guess was wrong: the common ones for the languages researchers upload. Values are
 * WHATWG encoding labels, as `?encoding=` of the upload route takes them (lib/io/decode-text.ts).
 * Word and PDF files carry their own encoding, so the choice does not apply to them.
 */
export const TEXT_ENCODINGS: ReadonlyArray<{ value: string; label: string }> = [
  { value: 'utf-8', label: 'UTF-8 (Unicode)' },
  { value: 'utf-16le', label: 'UTF-16 LE (Unicode, Windows “Unicode”)' },
  { value: 'utf-16be', label: 'UTF-16 BE (Unicode)' },
  { value: 'gb18030', label: 'GB18030 / GBK (Chinese, simplified)' },
  { value: 'big5', label: 'Big5 (Chinese, traditional)' },
  { value: 'shift_jis', label: 'Shift_JIS (Japanese)' },
  { value: 'euc-jp', label: 'EUC-JP (Japanese)' },
  { value: 'euc-kr', label: 'EUC-KR (Korean)' },
  { value: 'windows-1252', label: 'Windows-1252 (Western European)' },
  { value: 'iso-8859-1', label: 'ISO-8859-1 / Latin-1 (Western European)' },
  { value: 'iso-8859-15', label: 'ISO-8859-15 / Latin-9 (Western European, €)' },
  { value: 'windows-1250', label: 'Windows-1250 (Central European)' },
  { value: 'iso-8859-2', label: 'ISO-8859-2 (Central European)' },
  { value: 'windows-1251', label: 'Windows-1251 (Cyrillic)' },
  { value: 'koi8-r', label: 'KOI8-R (Russian)' },
  { value: 'windows-1253', label: 'Windows-1253 (Greek)' },
  { value: 'windows-1254', label: 'Windows-1254 (Turkish)' },
  { value: 'windows-1255', label: 'Windows-1255 (Hebrew)' },
  { value: 'windows-1256', label: 'Windows-1256 (Arabic)' },
  { value: 'windows-874', label: 'Windows-874 (Thai)' },
  { value: 'windows-1258', label: 'Windows-1258 (Vietnamese)' },
];
