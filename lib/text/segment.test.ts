import { describe, expect, it } from 'vitest';

import {
  DEFAULT_MAX_CHUNK,
  chunkText,
  countWords,
  graphemeBoundaryAtOrAfter,
  graphemeBoundaryAtOrBefore,
  segments,
} from './segment';

// Reference: the whole text given to Intl.Segmenter at once (fine for small texts only).
const wordSeg = new Intl.Segmenter('und', { granularity: 'word' });
const graphemeSeg = new Intl.Segmenter('und', { granularity: 'grapheme' });
const wholeWords = (t: string) => [...wordSeg.segment(t)].map((s) => ({ segment: s.segment, index: s.index, isWordLike: s.isWordLike }));
const wholeWordCount = (t: string) => wholeWords(t).filter((s) => s.isWordLike).length;
const wholeGraphemes = (t: string) => [...graphemeSeg.segment(t)].map((s) => ({ segment: s.segment, index: s.index }));

const FAMILY = '👩\u200d👩\u200d👧';
const FLAGS = '🇨🇳🇩🇪';
const THUMBS = '👍🏽';

// Realistic texts: every 16-unit stretch has a line break, a space or CJK punctuation.
const SAMPLES: Record<string, string> = {
  english:
    'We ship to Germany, mostly. Then we came back.\n\nInterviewer: And the money?\nAna: It was hard: very hard. ' +
    "Don't ask me about 2019, or the 3.5% loan!",
  chinese:
    '我们主要卖到德国。后来，生意不好做了！你觉得呢？\n\n受访者：我觉得、还是要靠朋友。「信任」很重要。' +
    '采访者：那时候家里人怎么看？他们支持吗？受访者：一开始不支持，后来慢慢理解了。',
  mixed: 'Mixed 中文 and English, 田野 notes 2024年3月。OK? 好的。\nLi: 一开始 nobody believed us, but the owner did.',
  emoji: `${FAMILY} family ${FLAGS} flags ${THUMBS} thumbs caf\u00e9 cafe\u0301 e\u0301t\u0301e\u0301 ${FAMILY} ${FAMILY} 🇨🇳🇨🇳🇨🇳 ${THUMBS}${THUMBS}!`,
  japanese: '今日はいい天気ですね。カタカナのテキストも、ひらがなのテキストもあります。',
  hangul: '\u1100\u1161\u11a8 \u1102\u1161 한국어 텍스트 \u1112\u1161\u11ab\u1100\u1173\u11af, 그리고 \u1100\u1161\u11a8\u1102\u1161.',
};
// Harder for the cutter: long runs without any certain word boundary.
const TRICKY: Record<string, string> = {
  emojiRun: `${FAMILY}${FAMILY}${THUMBS}${THUMBS}🇨🇳🇨🇳🇨🇳🇩🇪${FAMILY}e\u0301\u0302\u0303x${FLAGS}${FLAGS}`,
  hanRun: '我们主要卖到德国后来生意不好做了你觉得呢我觉得还是要靠朋友',
  url: 'see https://example.org/a/very/long/path/without/any/spaces?and=query&more=params#frag ok',
  // 21 regional indicators: ten flags and a lone one, then more after a letter.
  flagRun: `${'🇨🇳🇩🇪🇫🇷🇯🇵🇧🇷'.repeat(2)}🇺x🇨🇳🇩🇪🇺\u0301${FLAGS}`,
  // U+0600 is a prepended mark: it joins the flag after it (GB9b).
  prepend: `e👍 \u0600🇳🇳文 \u0600${FLAGS}${FLAGS}🇺 \u0600a`,
};

describe('countWords', () => {
  it('counts the words of the whole text', () => {
    expect(countWords('We ship to Germany, mostly.')).toBe(5);
    expect(countWords('')).toBe(0);
    expect(countWords('   ')).toBe(0);
    for (const text of Object.values(SAMPLES)) expect(countWords(text)).toBe(wholeWordCount(text));
  });

  // Pieces of 16 or 33 units always find a line break, space or CJK stop in these texts: the
  // cuts are all certain, and the segments are exactly those of the whole text.
  it.each([16, 33])('gives exactly the whole-text result with %i-unit pieces', (maxChunk) => {
    for (const [name, text] of Object.entries(SAMPLES)) {
      const chunks = chunkText(text, { maxChunk });
      if (text.length > 2 * maxChunk) expect(chunks.bounds.length, name).toBeGreaterThan(3);
      expect(chunks.uncertainWordCuts, name).toBe(0);
      expect(countWords(text, { maxChunk }), name).toBe(wholeWordCount(text));
      expect([...segments(text, 'word', { maxChunk })], name).toEqual(wholeWords(text));
    }
  });

  // 7 units is shorter than some words ("Germany," "mostly."): such a piece has to be cut
  // inside a word, and only those cuts may change the count.
  it.each([2, 3, 7, 16])('differs from the whole text by at most the uncertain cuts with %i-unit pieces', (maxChunk) => {
    for (const [name, text] of Object.entries({ ...SAMPLES, ...TRICKY })) {
      const { uncertainWordCuts } = chunkText(text, { maxChunk });
      const diff = Math.abs(countWords(text, { maxChunk }) - wholeWordCount(text));
      expect(diff, name).toBeLessThanOrEqual(uncertainWordCuts);
    }
  });

  it('is exact when every piece has a place to cut, however small', () => {
    const text = 'a bb ccc, dd. e\n\nf g 好。的 h';
    for (const maxChunk of [5, 6, 7, 8]) {
      expect(chunkText(text, { maxChunk }).uncertainWordCuts).toBe(0);
      expect(countWords(text, { maxChunk })).toBe(wholeWordCount(text));
    }
  });
});

describe('chunkText', () => {
  it('keeps pieces within the maximum and prefers line breaks', () => {
    const text = 'one two three\nfour five six seven eight nine\nten';
    const { bounds } = chunkText(text, { maxChunk: 20 });
    for (let k = 1; k < bounds.length; k++) expect(bounds[k] - bounds[k - 1]).toBeLessThanOrEqual(20);
    expect(bounds[1]).toBe(14); // just after the first line feed
    expect(bounds.at(-1)).toBe(text.length);
    expect(chunkText('', {}).bounds).toEqual([0]);
    expect(chunkText('short', {}).bounds).toEqual([0, 5]);
  });

  it('never cuts a surrogate pair, ZWJ sequence, flag, skin tone or combining sequence', () => {
    for (const text of [SAMPLES.emoji, SAMPLES.hangul, TRICKY.emojiRun]) {
      const boundaries = new Set(wholeGraphemes(text).map((g) => g.index));
      for (let maxChunk = 2; maxChunk <= 20; maxChunk++) {
        const { bounds } = chunkText(text, { maxChunk });
        for (let k = 1; k < bounds.length; k++) expect(bounds[k], `${maxChunk}`).toBeGreaterThan(bounds[k - 1]);
        for (const b of bounds.slice(1, -1)) expect(boundaries.has(b), `${maxChunk}: ${b}`).toBe(true);
      }
    }
  });

  it('lets one cluster longer than the maximum be a piece of its own', () => {
    const text = `ab${'e' + '\u0301'.repeat(300)}cd`;
    const { bounds, uncertainGraphemeCuts } = chunkText(text, { maxChunk: 16 });
    expect(uncertainGraphemeCuts).toBe(0);
    // The cluster is [2, 303): cut before it, and not inside it.
    expect(bounds).toContain(2);
    expect(bounds.filter((b) => b > 2 && b < 303)).toEqual([]);
    expect([...segments(text, 'grapheme', { maxChunk: 16 })]).toEqual(wholeGraphemes(text).map((g) => ({ ...g, isWordLike: undefined })));
  });

  it('refuses a maximum that cannot make progress', () => {
    expect(() => chunkText('abc', { maxChunk: 1 })).toThrow(/maxChunk 1/);
    expect(() => chunkText('abc', { maxChunk: 2.5 })).toThrow(RangeError);
  });
});

describe('grapheme segments and boundaries', () => {
  it.each([2, 3, 7, 16, 33])('segments graphemes exactly with %i-unit pieces', (maxChunk) => {
    for (const [name, text] of Object.entries({ ...SAMPLES, ...TRICKY })) {
      const got = [...segments(text, 'grapheme', { maxChunk })].map(({ segment, index }) => ({ segment, index }));
      expect(got, name).toEqual(wholeGraphemes(text));
    }
  });

  it('finds the boundary at or around every offset', () => {
    for (const [name, text] of Object.entries({ ...SAMPLES, ...TRICKY })) {
      const boundaries = new Set([...wholeGraphemes(text).map((g) => g.index), text.length]);
      for (let p = 0; p <= text.length; p++) {
        let before = p;
        while (!boundaries.has(before)) before--;
        let after = p;
        while (!boundaries.has(after)) after++;
        expect(graphemeBoundaryAtOrBefore(text, p), `${name} @${p}`).toBe(before);
        expect(graphemeBoundaryAtOrAfter(text, p), `${name} @${p}`).toBe(after);
      }
    }
  });

  it('rejects offsets outside the text', () => {
    expect(() => graphemeBoundaryAtOrBefore('ab', 3)).toThrow(/outside the text/);
    expect(() => graphemeBoundaryAtOrAfter('ab', -1)).toThrow(RangeError);
  });
});

// ---- long texts --------------------------------------------------------------------------

const SPEAKERS = ['Interviewer: ', 'Ana: ', '受访者：', '采访者：'];
const SENTENCES = [
  'How did the business start, and who helped you at the beginning?',
  `We ship to Germany, mostly. My cousin knew a buyer in Hamburg ${THUMBS} and that was it.`,
  '我们主要卖到德国。后来，生意不好做了！你觉得呢？我觉得还是要靠朋友，「信任」很重要。',
  `那时候你们家里人怎么看？${FAMILY} 他们支持吗？`,
  `一开始 nobody believed us ${FLAGS}, but the cafe\u0301 owner did.`,
  "Don't ask me about 2019: the 3.5% loan, the rent, everything.",
];
// Repetitions per paragraph: most paragraphs are short, some much longer than a piece.
const REPEATS = [1, 1, 2, 3, 5, 8, 13, 40];

/**
 * An interview transcript of about `size` UTF-16 units: speaker turns separated by blank lines,
 * drawn from a small set of distinct paragraphs, so each can be counted whole once.
 */
function transcript(size: number): { text: string; paragraphs: string[] } {
  const paragraphs: string[] = [];
  let length = 0;
  let seed = 12345;
  const rand = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
  while (length < size) {
    const sentence = SENTENCES[rand(SENTENCES.length)];
    const p = SPEAKERS[rand(SPEAKERS.length)] + Array<string>(REPEATS[rand(REPEATS.length)]).fill(sentence).join(' ');
    paragraphs.push(p);
    length += p.length + 2;
  }
  return { text: paragraphs.join('\n\n'), paragraphs };
}

/** Words counted paragraph by paragraph, each distinct paragraph segmented whole once. */
function wordsByParagraph(paragraphs: string[]): number {
  const cache = new Map<string, number>();
  let n = 0;
  for (const p of paragraphs) {
    let c = cache.get(p);
    if (c === undefined) cache.set(p, (c = wholeWordCount(p)));
    n += c;
  }
  return n;
}

describe('degenerate texts', () => {
  it('cuts a 1 MB run of flags between pairs, exactly', () => {
    const run = '🇨🇳🇩🇪🇯🇵'.repeat(85_000); // 255,000 flags, 1.02 MB
    // With a lone indicator in front, every pair shifts by one: 510,002 indicators, 255,001 pairs.
    // A pair cut in two anywhere would leave two lone indicators and one pair fewer.
    for (const [text, pairs] of [[`x ${run} y`, 255_000], [`x 🇺${run}🇺 y`, 255_001]] as const) {
      const chunks = chunkText(text);
      expect(chunks.uncertainGraphemeCuts).toBe(0);
      expect(chunks.uncertainWordCuts).toBe(0);
      let count = 0;
      for (const g of segments(text, 'grapheme')) if (g.segment.length === 4) count++;
      expect(count).toBe(pairs);
    }
  }, 60_000);

  it('finds the flag around an offset deep inside a 1 MB run', () => {
    const text = `x${'🇨🇳'.repeat(250_000)}`;
    expect(graphemeBoundaryAtOrBefore(text, 1 + 4 * 100_000 + 2)).toBe(1 + 4 * 100_000);
    expect(graphemeBoundaryAtOrAfter(text, 1 + 4 * 100_000 + 2)).toBe(1 + 4 * 100_001);
    expect(graphemeBoundaryAtOrAfter(text, 1 + 4 * 100_000)).toBe(1 + 4 * 100_000);
  });

  it('cuts a letter with a million combining marks instead of segmenting it whole', () => {
    const text = `one a${'\u0301'.repeat(1_000_000)} two`;
    const chunks = chunkText(text);
    expect(chunks.uncertainGraphemeCuts).toBeGreaterThan(0);
    for (let k = 1; k < chunks.bounds.length; k++) expect(chunks.bounds[k] - chunks.bounds[k - 1]).toBeLessThanOrEqual(DEFAULT_MAX_CHUNK + 4096);
    // "one", "á…", "two"; pieces of marks alone may or may not count as words.
    expect(Math.abs(countWords(text) - 3)).toBeLessThanOrEqual(chunks.uncertainWordCuts);
    // Snapping inside it looks at a bounded window, and never leaves the cluster's letter.
    expect(graphemeBoundaryAtOrBefore(text, 500_000)).toBeGreaterThanOrEqual(4);
    expect(graphemeBoundaryAtOrAfter(text, 500_000)).toBeLessThanOrEqual(text.length - 4);
  }, 60_000);
});

describe('long texts', () => {
  // Measured on a shared 2-core machine: words of 1 MB ~0.3–0.6 s, of 10 MB ~3.5–5 s
  // (whole-text segmentation of 64 KB alone took 20 s). No timing is asserted; the timeouts only stop a regression from
  // hanging the suite.
  it('counts the words of a 1 MB transcript as paragraph-by-paragraph segmentation does', () => {
    const { text, paragraphs } = transcript(1_000_000);
    expect(text.length).toBeGreaterThan(1_000_000);
    const chunks = chunkText(text);
    expect(chunks.uncertainWordCuts).toBe(0);
    expect(Math.max(...chunks.bounds.slice(1).map((b, k) => b - chunks.bounds[k]))).toBeLessThanOrEqual(DEFAULT_MAX_CHUNK);
    expect(countWords(text)).toBe(wordsByParagraph(paragraphs));
  }, 60_000);

  it('segments the graphemes of a 1 MB transcript as paragraph-by-paragraph segmentation does', () => {
    const { text, paragraphs } = transcript(1_000_000);
    let expected = 2 * (paragraphs.length - 1); // each "\n\n" between paragraphs is two clusters
    const cache = new Map<string, number>();
    for (const p of paragraphs) {
      let c = cache.get(p);
      if (c === undefined) cache.set(p, (c = wholeGraphemes(p).length));
      expected += c;
    }
    let got = 0;
    let next = 0;
    for (const g of segments(text, 'grapheme')) {
      if (g.index !== next) throw new Error(`gap before grapheme at ${g.index}`);
      next = g.index + g.segment.length;
      got++;
    }
    expect(next).toBe(text.length);
    expect(got).toBe(expected);
  }, 60_000);

  it('counts the words of a 10 MB transcript as paragraph-by-paragraph segmentation does', () => {
    const { text, paragraphs } = transcript(10_000_000);
    expect(text.length).toBeGreaterThan(10_000_000);
    expect(countWords(text)).toBe(wordsByParagraph(paragraphs));
  }, 180_000);

  it('counts a 1 MB Chinese text without any punctuation up to the uncertain cuts', () => {
    // The worst case: no line break, space or punctuation anywhere, so every cut is a guess.
    const text = '我们主要卖到德国后来生意不好做了你觉得呢我觉得还是要靠朋友信任很重要'.repeat(30_000);
    const { uncertainWordCuts, bounds } = chunkText(text);
    expect(uncertainWordCuts).toBe(bounds.length - 2);
    const sentence = wholeWordCount('我们主要卖到德国后来生意不好做了你觉得呢我觉得还是要靠朋友信任很重要');
    // Not an exact reference (the dictionary may group characters across repetitions), only a
    // sanity bound: about one word per two characters.
    const n = countWords(text);
    expect(n).toBeGreaterThan(sentence * 30_000 * 0.8);
    expect(n).toBeLessThan(sentence * 30_000 * 1.2);
  }, 60_000);
});
