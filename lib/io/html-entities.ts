/**
 * HTML character references (`&amp;`, `&#233;`, `&#x1F600;`) → characters, following the
 * WHATWG tokenizer's rules for text content: numeric references with the Windows-1252 remap
 * of 0x80–0x9F and U+FFFD for invalid code points; named references from HTML 4 plus the
 * common HTML5 additions; the legacy names (Latin-1 and &amp; &lt; &gt; &quot;) also without
 * the semicolon, as browsers accept them. An unknown name is left as written — it is text the
 * author typed, such as "R&D;" — and reported so the caller can warn.
 */
import { WINDOWS_1252_HIGH } from './windows-1252';

// HTML 4 Latin-1 names, for U+00A0 … U+00FF in order.
const LATIN1 =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest ' +
  'Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig ' +
  'agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml';

// Greek letters: HTML 4 names with their code points.
const GREEK =
  'Alpha 913 Beta 914 Gamma 915 Delta 916 Epsilon 917 Zeta 918 Eta 919 Theta 920 Iota 921 Kappa 922 Lambda 923 Mu 924 Nu 925 Xi 926 Omicron 927 Pi 928 Rho 929 ' +
  'Sigma 931 Tau 932 Upsilon 933 Phi 934 Chi 935 Psi 936 Omega 937 alpha 945 beta 946 gamma 947 delta 948 epsilon 949 zeta 950 eta 951 theta 952 iota 953 kappa 954 ' +
  'lambda 955 mu 956 nu 957 xi 958 omicron 959 pi 960 rho 961 sigmaf 962 sigma 963 tau 964 upsilon 965 phi 966 chi 967 psi 968 omega 969 thetasym 977 upsih 978 piv 982';

// HTML 4 special and symbol entities, then common HTML5 additions (punctuation names, aliases).
const OTHERS =
  'quot 34 amp 38 lt 60 gt 62 apos 39 OElig 338 oelig 339 Scaron 352 scaron 353 Yuml 376 fnof 402 circ 710 tilde 732 ' +
  'ensp 8194 emsp 8195 thinsp 8201 zwnj 8204 zwj 8205 lrm 8206 rlm 8207 ndash 8211 mdash 8212 lsquo 8216 rsquo 8217 sbquo 8218 ' +
  'ldquo 8220 rdquo 8221 bdquo 8222 dagger 8224 Dagger 8225 bull 8226 hellip 8230 permil 8240 prime 8242 Prime 8243 lsaquo 8249 ' +
  'rsaquo 8250 oline 8254 frasl 8260 euro 8364 image 8465 weierp 8472 real 8476 trade 8482 alefsym 8501 larr 8592 uarr 8593 ' +
  'rarr 8594 darr 8595 harr 8596 crarr 8629 lArr 8656 uArr 8657 rArr 8658 dArr 8659 hArr 8660 forall 8704 part 8706 exist 8707 ' +
  'empty 8709 nabla 8711 isin 8712 notin 8713 ni 8715 prod 8719 sum 8721 minus 8722 lowast 8727 radic 8730 prop 8733 infin 8734 ' +
  'ang 8736 and 8743 or 8744 cap 8745 cup 8746 int 8747 there4 8756 sim 8764 cong 8773 asymp 8776 ne 8800 equiv 8801 le 8804 ' +
  'ge 8805 sub 8834 sup 8835 nsub 8836 sube 8838 supe 8839 oplus 8853 otimes 8855 perp 8869 sdot 8901 lceil 8968 rceil 8969 ' +
  'lfloor 8970 rfloor 8971 lang 10216 rang 10217 loz 9674 spades 9824 clubs 9827 hearts 9829 diams 9830 ' +
  'QUOT 34 AMP 38 LT 60 GT 62 COPY 169 REG 174 TRADE 8482 Tab 9 NewLine 10 excl 33 num 35 dollar 36 percnt 37 lpar 40 rpar 41 ' +
  'ast 42 plus 43 comma 44 period 46 sol 47 colon 58 semi 59 equals 61 quest 63 commat 64 lsqb 91 lbrack 91 bsol 92 rsqb 93 ' +
  'rbrack 93 Hat 94 lowbar 95 grave 96 lcub 123 lbrace 123 verbar 124 vert 124 rcub 125 rbrace 125 nbsp 160 NonBreakingSpace 160 ' +
  'centerdot 183 middot 183 half 189 hyphen 8208 dash 8208 horbar 8213 ZeroWidthSpace 8203 hairsp 8202 numsp 8199 puncsp 8200 ' +
  'nldr 8229 mldr 8230 lsquor 8218 rsquor 8217 ldquor 8222 rdquor 8221 bullet 8226 laquo 171 raquo 187 check 10003 cross 10007 ' +
  'star 9734 starf 9733 sect 167 para 182 deg 176 pm 177 times 215 div 247 larrow 8592 rarrow 8594 ';

/** Named character references → their text. */
export const NAMED_ENTITIES: Readonly<Record<string, string>> = (() => {
  const map: Record<string, string> = Object.create(null);
  LATIN1.split(' ').forEach((name, i) => (map[name] = String.fromCharCode(0xa0 + i)));
  for (const list of [GREEK, OTHERS]) {
    const parts = list.trim().split(/\s+/);
    for (let i = 0; i < parts.length; i += 2) map[parts[i]] = String.fromCodePoint(Number(parts[i + 1]));
  }
  return map;
})();

// Names browsers decode without the trailing semicolon (the HTML 4 Latin-1 set and the four
// XML-ish ones), longest first so "&notin" matches "not" only when "notin;" did not.
const LEGACY_NAMES = [...LATIN1.split(' '), 'amp', 'lt', 'gt', 'quot', 'AMP', 'LT', 'GT', 'QUOT', 'COPY', 'REG'].sort(
  (a, b) => b.length - a.length,
);

const REFERENCE = /&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]{0,31};?)/g;

function numericReference(body: string): string {
  const hex = body[1] === 'x' || body[1] === 'X';
  const digits = body.slice(hex ? 2 : 1).replace(';', '');
  // Cap the digits: a 40-digit reference is invalid anyway and must not overflow to Infinity.
  const code = digits.length > 8 ? Infinity : parseInt(digits, hex ? 16 : 10);
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) || !Number.isFinite(code)) return '\ufffd';
  // &#128;…&#159; mean the Windows-1252 characters, as in browsers.
  return String.fromCodePoint(WINDOWS_1252_HIGH[code] ?? code);
}

/**
 * Replace character references in HTML text content.
 *
 * @param text - text between tags (not raw text such as a script body).
 * @param unknown - if given, receives the names of unknown `&name;` references.
 * @returns the text with references decoded.
 * @example
 * decodeHtmlEntities('caf&eacute; &amp; &#x1F600; &lt;b&gt;'); // 'café & 😀 <b>'
 */
export function decodeHtmlEntities(text: string, unknown?: Set<string>): string {
  if (text.indexOf('&') === -1) return text;
  return text.replace(REFERENCE, (match, body: string) => {
    if (body[0] === '#') return numericReference(body);
    const semicolon = body.endsWith(';');
    const name = semicolon ? body.slice(0, -1) : body;
    if (semicolon && NAMED_ENTITIES[name] !== undefined) return NAMED_ENTITIES[name];
    for (const legacy of LEGACY_NAMES) {
      if (name.startsWith(legacy)) return NAMED_ENTITIES[legacy] + match.slice(1 + legacy.length);
    }
    if (semicolon) unknown?.add(name);
    return match;
  });
}
