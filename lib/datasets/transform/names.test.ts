import { describe, expect, it } from 'vitest';
import { nameFragment, nameProblem, NAME_RULE } from './names';

describe('new variable names', () => {
  it('accepts identifier-like names', () => {
    for (const n of ['x', 'log_income', 'Q4r', 'a1_b2', 'x'.repeat(64), 'NAME', 'Inflow', 'income2']) expect(nameProblem(n)).toBeNull();
  });
  it('explains the rule', () => {
    expect(nameProblem('')).toBe(`the name is empty; ${NAME_RULE}`);
    expect(nameProblem('2x')).toBe(`'2x' does not start with a letter; ${NAME_RULE}`);
    expect(nameProblem('_x')).toBe(`'_x' does not start with a letter; ${NAME_RULE}`);
    expect(nameProblem('log.income')).toBe(`'log.income' contains '.'; ${NAME_RULE}`);
    expect(nameProblem('größe')).toBe(`'größe' contains 'ö'; ${NAME_RULE}`);
    expect(nameProblem('x'.repeat(65))).toBe(`'${'x'.repeat(65)}' has 65 characters; ${NAME_RULE}`);
  });
  it('refuses reserved words of R, SPSS and Stata', () => {
    expect(nameProblem('NA')).toBe("'NA' is a reserved word in R; choose another name");
    expect(nameProblem('in')).toBe("'in' is a reserved word in R and Stata; choose another name");
    expect(nameProblem('BY')).toBe("'BY' is a reserved word in SPSS; choose another name");
    expect(nameProblem('with')).toBe("'with' is a reserved word in SPSS and Stata; choose another name");
    expect(nameProblem('double')).toBe("'double' is a reserved word in Stata; choose another name");
    expect(nameProblem('na')).toBeNull();
  });
  it('fragments of category labels', () => {
    expect(nameFragment('not sure')).toBe('not_sure');
    expect(nameFragment(' Zürich / Genève ')).toBe('Zurich_Geneve');
    expect(nameFragment('-1.5')).toBe('1_5');
    expect(nameFragment('???')).toBe('');
  });
});
