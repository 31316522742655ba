import { describe, expect, it } from 'vitest';

import { metadataEdit, metadataForm, metadataNote, parseMissingCodes, parseValueLabels } from './metadata-edit';
import { parseTransform } from './transform';
import type { Variable } from './types';

const q1: Variable = { name: 'q1', label: 'Trust', type: 'likert', likert: { min: 1, max: 5 }, valueLabels: { '1': 'Disagree', '5': 'Agree' }, missingCodes: [9] };

describe('the Variable View edit form', () => {
  it('round-trips a variable: an untouched form changes nothing', () => {
    expect(metadataForm(q1)).toEqual({ label: 'Trust', type: 'likert', likertMin: '1', likertMax: '5', valueLabels: '1 = Disagree\n5 = Agree', missingCodes: '9' });
    expect(metadataEdit(q1, metadataForm(q1))).toEqual({ ok: true, transform: null });
  });

  it('sends only what changed, and the recipe passes the transform schema', () => {
    const r = metadataEdit(q1, { ...metadataForm(q1), label: '  Trust in shops ', missingCodes: '9, 8 8' });
    expect(r).toEqual({ ok: true, transform: { op: 'setMetadata', variable: 'q1', label: 'Trust in shops', missingCodes: [9, 8] } });
    if (r.ok && r.transform) {
      expect(parseTransform(r.transform)).toEqual(r.transform);
      expect(metadataNote(r.transform)).toBe('Edited q1: label, missing codes');
    }
  });

  it('a new Likert range is sent; a type change to Likert sends the range with it; leaving Likert drops it', () => {
    expect(metadataEdit(q1, { ...metadataForm(q1), likertMax: '7' })).toEqual({ ok: true, transform: { op: 'setMetadata', variable: 'q1', likert: { min: 1, max: 7 } } });
    const num: Variable = { ...q1, type: 'numeric', likert: undefined };
    expect(metadataEdit(num, { ...metadataForm(num), type: 'likert', likertMin: '1', likertMax: '5' })).toEqual({
      ok: true,
      transform: { op: 'setMetadata', variable: 'q1', type: 'likert', likert: { min: 1, max: 5 } },
    });
    expect(metadataEdit(q1, { ...metadataForm(q1), type: 'categorical' })).toEqual({ ok: true, transform: { op: 'setMetadata', variable: 'q1', type: 'categorical' } });
  });

  it('names the problems by field', () => {
    expect(metadataEdit(q1, { ...metadataForm(q1), likertMin: '5', likertMax: '1', valueLabels: 'Agree', missingCodes: 'n/a' })).toEqual({
      ok: false,
      errors: {
        likertMax: 'The highest response must be above the lowest.',
        valueLabels: 'Line 1 (“Agree”) needs the form “code = label”.',
        missingCodes: '“n/a” is not a number; missing codes are numbers such as 9 or -99.',
      },
    });
    expect(metadataEdit(q1, { ...metadataForm(q1), likertMin: '' })).toMatchObject({ ok: false, errors: { likertMin: 'Enter the lowest response.' } });
  });
});

describe('parseValueLabels / parseMissingCodes', () => {
  it('value labels: blank lines skipped, the first "=" splits, Chinese kept, a repeated code refused', () => {
    expect(parseValueLabels('1 = 非常不同意\n\n 2=a = b \n')).toEqual({ ok: true, labels: { '1': '非常不同意', '2': 'a = b' } });
    expect(parseValueLabels('1 = a\n1 = b')).toEqual({ ok: false, error: 'The code 1 is labelled twice (line 2).' });
    expect(parseValueLabels('= a')).toMatchObject({ ok: false });
  });
  it('missing codes: commas, semicolons or spaces; negatives and decimals; text refused', () => {
    expect(parseMissingCodes(' -99; 8,9  .5 ')).toEqual({ ok: true, codes: [-99, 8, 9, 0.5] });
    expect(parseMissingCodes('')).toEqual({ ok: true, codes: [] });
    expect(parseMissingCodes('9, x9')).toMatchObject({ ok: false, error: expect.stringContaining('“x9”') });
  });
});
