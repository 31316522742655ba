import { describe, expect, it } from 'vitest';

import { hasSpeakerTurns, SOURCE_KIND_LABELS, SOURCE_KINDS, sourceKindLabel, suggestKind } from './kinds';

const TRANSCRIPT = ['Interview 3', 'Interviewer: How did you start?', 'Respondent: My mother lent me the money.', 'Interviewer: And then?', 'Respondent: We opened in 2019.'].join('\n');

describe('suggestKind', () => {
  it('guesses from the format alone', () => {
    expect(suggestKind('vtt')).toBe('interview');
    expect(suggestKind('srt')).toBe('interview');
    expect(suggestKind('pdf')).toBe('literature');
    expect(suggestKind('docx')).toBe('document');
    expect(suggestKind('txt')).toBe('document');
  });

  // Issue 14 (6b): a .docx transcript with Interviewer:/Respondent: lines was called a Document.
  it('calls a text written as speaker turns an interview, whatever the format', () => {
    expect(suggestKind('docx', TRANSCRIPT)).toBe('interview');
    expect(suggestKind('txt', TRANSCRIPT)).toBe('interview');
    expect(suggestKind('pdf', TRANSCRIPT)).toBe('interview');
    expect(suggestKind('docx', '访谈者：你怎么开始的？\n受访者：我在上海工作了十年。\n访谈者：然后呢？')).toBe('interview');
  });

  it('keeps documents and articles that only quote a speaker', () => {
    const article = ['Abstract', 'We studied sellers.', 'Participant: it was hard.', 'Methods', 'We interviewed 20 people.', 'Results', 'Fees rose.'].join('\n');
    expect(suggestKind('pdf', article)).toBe('literature');
    expect(suggestKind('docx', article)).toBe('document');
    // One speaker only is a quoted monologue, not an interview.
    expect(suggestKind('docx', 'Note: a\nNote: b\nNote: c')).toBe('document');
    // Times and URLs are not speakers.
    expect(suggestKind('txt', 'Met at 10:30 today\nhttps://example.org\nsee https://x.org')).toBe('document');
  });
});

describe('hasSpeakerTurns', () => {
  it('needs two speakers, three turns and a third of the lines', () => {
    expect(hasSpeakerTurns(TRANSCRIPT)).toBe(true);
    expect(hasSpeakerTurns('A: x\nB: y')).toBe(false);
    expect(hasSpeakerTurns(['A: x', 'B: y', 'A: z', ...Array.from({ length: 10 }, (_, i) => `line ${i}`)].join('\n'))).toBe(false);
  });
});

describe('kind labels', () => {
  // Issue 14 (6c): the badge read "Field Note" (CSS capitalising) where the select said "Field note".
  it('has one sentence-case label per kind, and shows unknown stored kinds as stored', () => {
    for (const k of SOURCE_KINDS) expect(SOURCE_KIND_LABELS[k]).toMatch(/^\p{Lu}[^\p{Lu}]*$/u);
    expect(sourceKindLabel('fieldnote')).toBe('Field note');
    expect(sourceKindLabel('legacy')).toBe('legacy');
  });
});
