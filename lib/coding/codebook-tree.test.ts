import { describe, expect, it } from 'vitest';

import { nameCollator } from '../text/collation';
import { codebookTree, filterCodebookTree, type CodebookNode } from './codebook-tree';
import type { WorkbenchCode } from './workbench-types';

const code = (id: string, name: string, level = 1, parentId: string | null = null): WorkbenchCode => ({
  id, name, level, parentId, label: '', color: '#000000', definition: '', segmentCount: 0, sourceCount: 0,
});
const names = (nodes: CodebookNode[]): unknown[] => nodes.map((n) => (n.children.length ? [n.code.name, names(n.children)] : n.code.name));

describe('codebookTree', () => {
  it('nests concepts under categories under main categories, sorted case-insensitively with numbers in order', () => {
    const codes = [
      code('c1', 'zeal', 1, 'b1'), code('c2', 'Apple', 1, 'b1'), code('c3', 'banana', 1, 'b1'),
      code('b1', 'Fruit', 2, 'a1'), code('a1', 'Food', 3), code('c4', 'Code 10'), code('c5', 'code 2'),
    ];
    expect(names(codebookTree(codes, nameCollator('en')))).toEqual([['Food', [['Fruit', ['Apple', 'banana', 'zeal']]]], 'code 2', 'Code 10']);
  });

  it('sorts Chinese names by pinyin, or by stroke count when the project says so', () => {
    const codes = [code('1', '物流'), code('2', '安全'), code('3', '信任')];
    // pinyin: ān quán, wù liú, xìn rèn
    expect(names(codebookTree(codes, nameCollator('zh')))).toEqual(['安全', '物流', '信任']);
    // 大 dà (3 strokes), 十 shí (2), 一 yī (1): the two orders differ.
    const chars = [code('1', '十'), code('2', '大'), code('3', '一')];
    expect(names(codebookTree(chars, nameCollator('zh')))).toEqual(['大', '十', '一']);
    expect(names(codebookTree(chars, nameCollator('zh-u-co-stroke')))).toEqual(['一', '十', '大']);
  });

  it('puts a code with an unknown parent (or one being saved) among the roots in its sorted place', () => {
    const codes = [code('c1', 'b', 1, 'gone'), code('pending:code:1', 'a'), code('c2', 'c')];
    expect(names(codebookTree(codes, nameCollator('en')))).toEqual(['a', 'b', 'c']);
  });
});

describe('filterCodebookTree', () => {
  it('keeps matches with their ancestors', () => {
    const tree = codebookTree([code('c1', 'Late delivery', 1, 'b1'), code('c2', 'Price', 1, 'b1'), code('b1', 'Logistics', 2), code('c3', 'Trust')], nameCollator('en'));
    expect(names(filterCodebookTree(tree, 'DELIV'))).toEqual([['Logistics', ['Late delivery']]]);
    expect(names(filterCodebookTree(tree, ''))).toEqual([['Logistics', ['Late delivery', 'Price']], 'Trust']);
  });
});
