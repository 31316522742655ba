import { expect, type Page, test } from '@playwright/test';

import { codeSelection } from '../fixtures/code-selection';
import { newUser, signUp } from '../fixtures/users';

// Issue 14 (8, 9, 11): Chinese storylines have no spaces before "@"; relation memos offered
// categories only; long and Chinese names were cut off in the network.
const TEXT = [
  '访谈者：物流方面呢？',
  'S02：物流太慢是最大的问题。所以我们在美国用海外仓，三天就能送到。',
  'S02：平台规则经常变化，我们只好同时在两个平台开店。',
].join('\n');

const row = (page: Page, name: string) => page.locator('li[data-code-id]', { has: page.getByRole('link', { name, exact: true }) }).last();

async function group(page: Page, names: string[], level: string, name: string) {
  for (const n of names) await row(page, n).getByRole('checkbox').first().check();
  await page.getByLabel(`Name of the new ${level}`).fill(name);
  await page.getByRole('button', { name: `Group into new ${level}` }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Created' })).toContainText(name);
}

test('"，@物流" opens mention suggestions in the relation memo and the storyline; the mention survives a reload', async ({ page }, testInfo) => {
  test.setTimeout(400_000);
  await signUp(page, newUser('Mentions'));
  await page.getByLabel('Project name').fill('跨境电商 mentions');
  await page.getByRole('button', { name: 'Create project' }).click();
  const nav = page.getByRole('navigation', { name: 'Project' });
  await nav.getByRole('link', { name: 'Sources' }).click();
  await page.getByText('Or paste text').click();
  await page.getByLabel('Title').fill('访谈 S02');
  await page.getByLabel('Text', { exact: true }).fill(TEXT);
  await page.getByRole('button', { name: 'Add source' }).click();
  await expect(page.getByTestId('workbench')).toHaveAttribute('data-ready', 'true', { timeout: 120_000 });
  await codeSelection(page, '物流太慢是最大的问题', '物流太慢');
  await codeSelection(page, '在美国用海外仓', '海外仓');
  await codeSelection(page, '平台规则经常变化', '平台规则变化');

  await nav.getByRole('link', { name: 'Theory' }).click();
  await group(page, ['物流太慢', '海外仓'], 'category', '跨境物流的应对策略与海外仓布局对买家信任的长期影响');
  await group(page, ['平台规则变化'], 'category', 'Platform dependence and the long road to owning the customer relationship');

  // Relation memo: "，@物流" offers the concept "物流太慢" (concepts are offered too, by level).
  await page.getByRole('link', { name: 'Relations & network' }).click();
  await page.getByLabel('From', { exact: true }).selectOption({ index: 1 });
  await page.getByLabel('Relation type', { exact: true }).selectOption({ label: 'causal condition' });
  await page.getByLabel('To', { exact: true }).selectOption({ index: 2 });
  const memo = page.getByRole('textbox', { name: 'Relation memo' });
  await memo.click();
  await page.keyboard.insertText('规则变化以后，');
  await page.keyboard.type('@物流');
  const options = page.getByRole('listbox', { name: 'Codes to mention' });
  await expect(options).toBeVisible();
  // Names starting with the query first; each with its level.
  await expect(options.getByRole('option')).toHaveText([/物流太慢\s*concept/, /跨境物流的应对策略.*category/]);
  await page.screenshot({ path: testInfo.outputPath('relation-memo-mention.png'), fullPage: true });
  await options.getByRole('option', { name: /物流太慢/ }).click();
  await page.keyboard.insertText('更严重了。');
  await page.getByRole('button', { name: 'Add relation' }).click();
  await expect(page.getByTestId('relation-row')).toHaveCount(1);

  // Full names in the network: wrapped, with the whole name as tooltip and accessible name.
  const network = page.getByTestId('code-network');
  const node = network.locator('[data-code-id]', { has: page.locator('title', { hasText: '跨境物流的应对策略与海外仓布局对买家信任的长期影响' }) });
  await expect(node).toHaveAttribute('aria-label', /^B\d 跨境物流的应对策略与海外仓布局对买家信任的长期影响, category/);
  expect((await node.locator('tspan').allTextContents()).join('')).toContain('跨境物流的应对策略与海外仓布局对买家信任的长期影响');
  await network.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('network-long-names.png'), fullPage: true });

  await page.reload();
  const relation = page.getByTestId('relation-row');
  await expect(relation).toContainText('规则变化以后，@');
  // The mention is followed by the space tiptap inserts after it.
  await expect(relation).toContainText(/@物流太慢\s*更严重了。/);

  // The tree: wrapped names, full labels on thin bars.
  await page.getByRole('link', { name: 'Tree' }).click();
  const icicle = page.getByTestId('hierarchy-icicle');
  await expect(icicle).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('tree-long-names.png'), fullPage: true });

  // Storyline: no space before "@" in Chinese.
  await page.getByRole('link', { name: 'Storyline' }).click();
  const editor = page.getByRole('textbox', { name: 'Storyline' });
  await editor.click();
  await page.keyboard.insertText('卖家首先面对物流问题，');
  await page.keyboard.type('@物流');
  await expect(page.getByRole('option', { name: /物流太慢/ })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('storyline-mention.png'), fullPage: true });
  await page.getByRole('option', { name: /物流太慢/ }).click();
  await page.keyboard.insertText('是起点。');
  await page.getByRole('button', { name: 'Save storyline' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Storyline saved.' })).toBeVisible();
  await page.reload();
  const storyline = page.getByTestId('storyline');
  await expect(storyline).toContainText(/卖家首先面对物流问题，@C\d 物流太慢\s*是起点。/);
  await expect(storyline.getByRole('link', { name: /@C\d 物流太慢/ })).toBeVisible();
});
