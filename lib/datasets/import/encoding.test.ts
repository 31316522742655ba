import { describe, expect, it } from 'vitest';

import { decodeCsv, detectEncoding, scoreGb18030 } from './encoding';
import { importError, readFixture, utf8, windows1252 } from './fixtures/helpers';

// GB18030 bytes of a few words (from iconv -t GB18030), for tests without a fixture file.
const GB = {
  满意度: [0xc2, 0xfa, 0xd2, 0xe2, 0xb6, 0xc8],
  非常同意: [0xb7, 0xc7, 0xb3, 0xa3, 0xcd, 0xac, 0xd2, 0xe2],
  男: [0xc4, 0xd0],
};
const bytes = (...parts: Array<string | number[]>) => Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...utf8(p)] : p)));

describe('detectEncoding: Excel CSV exports', () => {
  it('reads a GB18030 file from Chinese Excel, headers and answers in Chinese', () => {
    const decoded = decodeCsv(readFixture('survey-gb18030.csv'));
    expect(decoded.encoding).toBe('gb18030');
    expect(decoded.warnings).toEqual([]);
    expect(decoded.text.split('\n')[0]).toBe('编号,性别,年龄,城市,满意度,购买频率,评论');
    expect(decoded.text).toContain('2,女,28,上海,5,每月,"质量好,价格合理"');
  });

  it('reads a Windows-1252 file from German Excel (umlauts, ß, accents, €, curly quotes, dashes)', () => {
    const decoded = decodeCsv(readFixture('survey-windows-1252.csv'));
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.text.split('\n')[0]).toBe('ID;Name;Stadt;Größe (m);Zufriedenheit;Datum;Anmerkung');
    expect(decoded.text).toContain('Zoë Lefèvre;Köln;1,65;5;15.04.2024;Très bien – merci');
    expect(decoded.text).toContain('Preis zu hoch (€)');
    expect(decoded.text).toContain('François Œuvre;Zürich;1,91;4;01.03.2024;„Gut“');
  });

  it('reads UTF-8 with a BOM (Excel "CSV UTF-8") and drops the BOM', () => {
    const decoded = decodeCsv(readFixture('survey-utf8-bom.csv'));
    expect(decoded).toMatchObject({ encoding: 'utf-8', evidence: 'bom' });
    expect(decoded.text.startsWith('respondent,country')).toBe(true);
    expect(decoded.text).toContain('r02,中国,5,2.25,"很好, 谢谢"');
  });

  it('reads UTF-16LE with a BOM (Excel "Unicode text")', () => {
    const decoded = decodeCsv(readFixture('survey-utf16.txt'));
    expect(decoded.encoding).toBe('utf-16le');
    expect(decoded.text).toBe('id\tgroup\tscore\n1\t实验组\t12.5\n2\tcontrol\t9\n3\t实验组\t11\n');
  });

  it('reads UTF-8 without a BOM', () => {
    expect(detectEncoding(utf8('id,城市\n1,北京\n2,Zürich\n'))).toBe('utf-8');
  });

  it('turns CRLF line ends into LF', () => {
    expect(decodeCsv(utf8('a,b\r\n1,2\r\n')).text).toBe('a,b\n1,2\n');
  });
});

describe('GB18030 or Windows-1252 on short files', () => {
  // Each of these Western texts is valid GB18030 byte by byte: lib/io's prose heuristic
  // (runs of two high bytes that decode to CJK) takes "Straße;Größe" for Chinese.
  it.each([
    ['German header with ß and öß', 'id;Name;Straße;Größe\n1;Ana;Hauptstraße 5;1,75\n'],
    ['Portuguese -ção (two accented letters in a row)', 'id;Avaliação;Observação\n1;ótima;sem comentários\n'],
    ['French names', 'id;nom\n1;Hélène Lefèvre\n2;Benoît Côté\n'],
    ['a single accented name', 'id,name\n1,André\n'],
    ['curly quotes and the euro sign', 'id,label\n1,“good” €5\n'],
  ])('%s → windows-1252', (_, text) => {
    const encoded = windows1252(text);
    expect(detectEncoding(encoded)).toBe('windows-1252');
    expect(decodeCsv(encoded).text).toBe(text);
  });

  it.each([
    ['one character per field', bytes('id,', GB.男, '\n1,', GB.男, '\n')],
    ['a header and a Likert label', bytes('q,', GB.满意度, '\nQ1,', GB.非常同意, '\n')],
  ])('%s → gb18030', (_, encoded) => {
    expect(detectEncoding(encoded)).toBe('gb18030');
  });

  it('scores Chinese as level-1 GB2312 characters and Western pairs as rare or invalid', () => {
    expect(scoreGb18030(bytes(GB.非常同意, ',', GB.满意度))).toEqual({ encoding: 'gb18030', confident: true, common: 7, total: 7 });
    // "öß" is a valid pair (F6 DF) but outside level 1; "ß" before "e" takes an ASCII trail byte.
    expect(scoreGb18030(windows1252('Größe Straße'))).toMatchObject({ encoding: 'windows-1252', common: 0, total: 2 });
    // A high byte before a delimiter is not GB18030 at all.
    expect(scoreGb18030(windows1252('José;1'))).toMatchObject({ encoding: 'windows-1252', confident: true });
  });

  it('follows an encoding chosen by the user', () => {
    const encoded = windows1252('id;Größe\n1;1,75\n');
    expect(decodeCsv(encoded, 'gbk').encoding).toBe('gbk');
    expect(decodeCsv(encoded, 'latin1')).toMatchObject({ encoding: 'windows-1252', evidence: 'override' });
  });
});

describe('decodeCsv: errors', () => {
  it('refuses an unknown encoding name', () => {
    const error = importError(() => decodeCsv(utf8('a\n1\n'), 'klingon-8'));
    expect(error.code).toBe('UNKNOWN_ENCODING');
    expect(error.message).toContain('klingon-8');
  });

  it('refuses binary bytes', () => {
    const binary = new Uint8Array(256).map((_, i) => (i * 37) % 256);
    expect(importError(() => decodeCsv(binary)).code).toBe('BINARY_FILE');
  });
});
