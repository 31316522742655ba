/**
 * The corpus of the corpus benchmark, generated deterministically (seeded PRNG, no network)
 * into a directory: interview transcripts (.txt) in English, in Chinese written without spaces
 * and mixed, with emoji (ZWJ sequences, skin tones, flags), speaker turns in two styles and
 * sometimes timestamps; multi-page PDFs (lib/io/fixtures/pdf-writer.ts: Helvetica text and
 * STSong-Light Chinese lines); Word files written with the `docx` package; and the single
 * 150 KB and 10 MB transcripts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';

import { buildPdf, type PdfPageSpec } from '@/lib/io/fixtures/pdf-writer';
import { createRng, type Rng } from '@/lib/stats/random';

export interface CorpusFile {
  path: string;
  /** The file name sent in X-File-Name. */
  name: string;
  contentType: string;
  bytes: number;
}

export interface CorpusSizes {
  transcripts: number;
  pdfs: number;
  docx: number;
  /** Extra transcripts uploaded after the timed corpus import, so the project reaches its size. */
  topUp: number;
}

export interface Corpus {
  dir: string;
  transcripts: CorpusFile[];
  pdfs: CorpusFile[];
  docx: CorpusFile[];
  topUp: CorpusFile[];
  /** The 150 KB transcript and the 10 MB .txt of the single-import figures. */
  single150k: CorpusFile;
  single10m: CorpusFile;
  /** The largest of `transcripts` (~200 KB): the workbench source. */
  largest: CorpusFile;
}

const KB = 1024;

// ---- words ------------------------------------------------------------------------------

const EN = `we started selling abroad about three years ago mostly through the platform at first and later
on our own shop the buyers in germany care a lot about reviews and about delivery times so we had to
find a warehouse closer to them honestly the rules changed every season and nobody told us in advance
my sister handles the customer service at night because of the time difference the margin is thin
when the exchange rate moves we lost money on returns last winter because the parcels came back
damaged i think trust is the main thing if they trust the brand they pay a little more the supplier
raised prices twice and we could not pass that on the listing was suspended for two weeks and that
almost killed us local language matters the translations we used before were terrible my family
thought it was too risky but i wanted to try it anyway the data from the dashboard is hard to read
so we export it and look at it in a spreadsheet shipping got slow during the holidays and people
complained we tried advertising but the cost per click kept going up friends from other sellers
share tips in a group chat the account health score decides everything for us quality control is
done by hand one by one before packing we learned to answer within an hour or the buyer leaves`
  .split(/\s+/)
  .filter(Boolean);

const EN_QUESTIONS = [
  'How did you start selling abroad?',
  'Can you tell me more about that?',
  'What happened after the listing was suspended?',
  'How do you decide on a price?',
  'Who helps you with the customer messages?',
  'What does trust mean for your buyers?',
  'Why did you choose that warehouse?',
  'How did your family react?',
  'What would you do differently now?',
  'Could you give me an example?',
];

// Chinese is written without spaces between words; sentences end with full-width punctuation.
const ZH = `我们大概三年前开始做跨境电商 一开始主要在平台上卖 后来自己开了网店 德国的买家很看重评价 也很在意物流时间
所以我们在那边找了一个海外仓 平台的规则每个季度都在变 没有人提前通知我们 我妹妹晚上负责客服 因为有时差
汇率一变利润就很薄 去年冬天退货亏了不少钱 包裹回来的时候都坏了 我觉得信任是最重要的 如果他们信任这个品牌
就愿意多付一点 供应商涨了两次价 我们没办法转嫁给顾客 店铺被封了两个星期 差点就撑不下去了 当地语言很重要
以前用的翻译很糟糕 家里人觉得风险太大 但是我还是想试一试 后台的数据很难看懂 所以我们导出来用表格分析
节假日物流特别慢 买家一直在投诉 我们试过投广告 但是点击成本越来越高 其他卖家的朋友在群里分享经验
账户健康分决定一切 质检都是一个一个手工做的 我们学会了一个小时之内回复 不然买家就走了`
  .split(/\s+/)
  .filter(Boolean);

const ZH_QUESTIONS = ['您是怎么开始做跨境电商的？', '可以再具体说说吗？', '店铺被封之后发生了什么？', '您是怎么定价的？', '家里人是什么反应？', '能举个例子吗？'];

// Code-switching as it happens in interviews: English platform words inside Chinese sentences.
const MIXED_TERMS = ['Amazon', 'listing', 'FBA', 'review', 'KPI', 'ROI', 'SKU', 'Prime Day', 'account health', 'Shopify', 'cost per click'];

const EMOJI = ['🙂', '😂', '😅', '👍', '👍🏽', '👋🏿', '🙏🏻', '👩‍👩‍👧', '👨‍👩‍👦‍👦', '👩🏾‍💻', '🏳️‍🌈', '🇩🇪', '🇨🇳', '❤️', '📦', '🤷‍♀️', '💸'];

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[rng.nextInt(xs.length)];

function enSentence(rng: Rng, emoji: boolean): string {
  const n = 6 + rng.nextInt(20);
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(pick(rng, EN));
  words[0] = words[0][0].toUpperCase() + words[0].slice(1);
  let s = `${words.join(' ')}${rng.next() < 0.1 ? '?' : '.'}`;
  if (emoji && rng.next() < 0.12) s += ` ${pick(rng, EMOJI)}`;
  return s;
}

function zhSentence(rng: Rng, emoji: boolean, mixed: boolean): string {
  const n = 2 + rng.nextInt(4);
  let s = '';
  for (let i = 0; i < n; i++) {
    s += pick(rng, ZH);
    if (mixed && rng.next() < 0.3) s += ` ${pick(rng, MIXED_TERMS)} `;
    s += i < n - 1 ? '，' : rng.next() < 0.1 ? '？' : '。';
  }
  if (emoji && rng.next() < 0.12) s += pick(rng, EMOJI);
  return s;
}

type Language = 'en' | 'zh' | 'mixed';

/** One answer of 1–6 sentences in the language of the interview. */
function answer(rng: Rng, language: Language, emoji: boolean): string {
  const n = 1 + rng.nextInt(6);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    const zh = language === 'zh' || (language === 'mixed' && rng.next() < 0.5);
    parts.push(zh ? zhSentence(rng, emoji, language === 'mixed') : enSentence(rng, emoji));
  }
  return parts.join(language === 'zh' ? '' : ' ');
}

function question(rng: Rng, language: Language): string {
  if (language === 'zh' || (language === 'mixed' && rng.next() < 0.5)) return pick(rng, ZH_QUESTIONS);
  return pick(rng, EN_QUESTIONS);
}

const clock = (s: number) => [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60].map((n) => String(n).padStart(2, '0')).join(':');

/**
 * An interview transcript of about `bytes` bytes of UTF-8: a header, then alternating turns.
 * Style, language, emoji, timestamps, line endings and a BOM vary with the seed.
 */
export function transcriptText(seed: number, bytes: number, language?: Language): { text: string; encoded: Buffer } {
  const rng = createRng(seed);
  const lang: Language = language ?? (['en', 'en', 'zh', 'mixed', 'mixed'] as const)[rng.nextInt(5)];
  const short = rng.next() < 0.4; // "I:" / "R:" instead of "Interviewer:" / "Respondent:"
  const [asker, teller] = short ? ['I', 'R'] : lang === 'zh' ? ['访谈者', '受访者'] : ['Interviewer', 'Respondent'];
  const timestamps = rng.next() < 0.35;
  const emoji = rng.next() < 0.7;
  const crlf = rng.next() < 0.2;
  const bom = rng.next() < 0.1;
  const lines: string[] = [`Interview ${seed} — ${lang === 'zh' ? '跨境电商卖家访谈' : 'cross-border sellers study'}`, `Date: 2024-0${1 + rng.nextInt(9)}-1${rng.nextInt(10)}`, ''];
  let size = lines.join('\n').length;
  let t = 0;
  let turn = 0;
  while (size < bytes) {
    const speaker = turn % 2 === 0 ? asker : teller;
    const said = turn % 2 === 0 ? question(rng, lang) : answer(rng, lang, emoji);
    t += 5 + rng.nextInt(90);
    const line = `${timestamps ? `[${clock(t)}] ` : ''}${speaker}: ${said}`;
    lines.push(line);
    size += Buffer.byteLength(line) + (crlf ? 2 : 1);
    turn++;
  }
  const text = lines.join(crlf ? '\r\n' : '\n');
  const encoded = Buffer.from(text, 'utf8');
  return { text, encoded: bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), encoded]) : encoded };
}

// ---- PDF --------------------------------------------------------------------------------

/** Words wrapped into lines of at most `width` characters (Helvetica 12 pt on a letter page). */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** A report-like PDF of `pages` pages: numbered headings, English paragraphs, some Chinese lines. */
export function pdfBytes(seed: number, pages: number): Uint8Array {
  const rng = createRng(seed);
  const chinese = rng.next() < 0.5;
  const specs: PdfPageSpec[] = [];
  for (let p = 0; p < pages; p++) {
    const lines: string[] = [`${p + 1}. Findings from the seller interviews, part ${p + 1}`, ''];
    const cjkLines: string[] = [];
    const cjkCount = chinese && rng.next() < 0.4 ? 2 + rng.nextInt(6) : 0;
    while (lines.length < 44 - cjkCount) {
      const paragraph: string[] = [];
      for (let s = 1 + rng.nextInt(5); s > 0; s--) paragraph.push(enSentence(rng, false));
      lines.push(...wrap(paragraph.join(' '), 84), '');
    }
    lines.length = 44 - cjkCount;
    for (let k = 0; k < cjkCount; k++) cjkLines.push(zhSentence(rng, false, false).slice(0, 34));
    specs.push({ lines, cjkLines });
  }
  return buildPdf(specs, { title: `Seller study report ${seed}`, author: 'Groundwork bench', created: '2024-05-01T10:00:00Z' });
}

// ---- DOCX -------------------------------------------------------------------------------

async function docxOfTurns(seed: number, turns: number, title: string): Promise<Buffer> {
  const rng = createRng(seed);
  const lang: Language = (['en', 'zh', 'mixed'] as const)[rng.nextInt(3)];
  const children: Paragraph[] = [
    new Paragraph({ text: title, heading: HeadingLevel.HEADING_1 }),
    new Paragraph({ children: [new TextRun({ text: 'Participant: ', bold: true }), new TextRun(`P${seed % 97}, online seller`)] }),
  ];
  for (let i = 0; i < turns; i++) {
    if (i > 0 && i % 60 === 0) children.push(new Paragraph({ text: `Part ${i / 60 + 1}`, heading: HeadingLevel.HEADING_2 }));
    const speaker = i % 2 === 0 ? 'Interviewer' : 'Respondent';
    const said = i % 2 === 0 ? question(rng, lang) : answer(rng, lang, true);
    children.push(new Paragraph({ children: [new TextRun({ text: `${speaker}: `, bold: true }), new TextRun({ text: said, italics: rng.next() < 0.05 })] }));
  }
  const doc = new Document({ creator: 'Groundwork bench', title, sections: [{ children }] });
  return Packer.toBuffer(doc);
}

/** A .docx interview of about `bytes` bytes (the turn count is fitted to the zipped size). */
export async function docxBytes(seed: number, bytes: number): Promise<Buffer> {
  const title = `Interview transcript ${seed}`;
  let turns = Math.max(20, Math.round(bytes / 140));
  let out = await docxOfTurns(seed, turns, title);
  for (let k = 0; k < 2 && Math.abs(out.length - bytes) > bytes * 0.1; k++) {
    turns = Math.max(20, Math.round((turns * bytes) / out.length));
    out = await docxOfTurns(seed, turns, title);
  }
  return out;
}

// ---- the corpus -------------------------------------------------------------------------

export const FULL_SIZES: CorpusSizes = { transcripts: 200, pdfs: 30, docx: 20, topUp: 48 };

/**
 * Writes the corpus into `dir`. Transcripts are 60–200 KB (the first exactly ~200 KB, the
 * workbench source), PDFs 40–70 pages, Word files 50–500 KB.
 */
export async function generateCorpus(dir: string, sizes: CorpusSizes = FULL_SIZES): Promise<Corpus> {
  mkdirSync(dir, { recursive: true });
  const rng = createRng(20261205);
  const write = (name: string, data: Uint8Array, contentType: string): CorpusFile => {
    const path = join(dir, name);
    writeFileSync(path, data);
    return { path, name, contentType, bytes: data.byteLength };
  };
  const txt = (name: string, seed: number, bytes: number, language?: Language) => write(name, transcriptText(seed, bytes, language).encoded, 'text/plain');

  const transcripts: CorpusFile[] = [];
  for (let i = 0; i < sizes.transcripts; i++) {
    const bytes = i === 0 ? 200 * KB : 60 * KB + rng.nextInt(140 * KB);
    transcripts.push(txt(`interview-${String(i + 1).padStart(3, '0')}.txt`, 1000 + i, bytes, i === 0 ? 'mixed' : undefined));
  }
  const pdfs: CorpusFile[] = [];
  for (let i = 0; i < sizes.pdfs; i++) {
    pdfs.push(write(`report-${String(i + 1).padStart(2, '0')}.pdf`, pdfBytes(2000 + i, 40 + rng.nextInt(31)), 'application/pdf'));
  }
  const docx: CorpusFile[] = [];
  for (let i = 0; i < sizes.docx; i++) {
    const bytes = 50 * KB + rng.nextInt(450 * KB);
    docx.push(write(`transcript-${String(i + 1).padStart(2, '0')}.docx`, await docxBytes(3000 + i, bytes), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'));
  }
  const topUp: CorpusFile[] = [];
  for (let i = 0; i < sizes.topUp; i++) topUp.push(txt(`follow-up-${String(i + 1).padStart(3, '0')}.txt`, 4000 + i, 60 * KB + rng.nextInt(140 * KB)));
  const single150k = txt('single-150k.txt', 5000, 150 * KB, 'mixed');
  const single10m = txt('single-10mb.txt', 5001, 10 * KB * KB, 'mixed');
  const largest = transcripts.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  return { dir, transcripts, pdfs, docx, topUp, single150k, single10m, largest };
}
