import { expect, test } from '@playwright/test';

import { codeSelection } from '../fixtures/code-selection';
import { addTextSource, INSTANCE_1, INSTANCE_2, openTeam } from '../fixtures/team';

const TEXT = 'Participant: We moved the shop online in 2020. Trust in the platform came slowly, after the first good reviews.';

// Two production servers, two browsers and a cold import worker: more room than one server's specs.
test.setTimeout(180_000);

test('B on instance 2 sees A’s new coding appear without a reload, A’s avatar on the source, and both online', async ({ browser }, testInfo) => {
  const team = await openTeam(browser, { projectName: 'Live coding study' });
  const { a, b } = team;
  expect([a.baseURL, b.baseURL]).toEqual([INSTANCE_1, INSTANCE_2]);
  const sourcePath = await addTextSource(a.page, team.projectPath, 'Interview 1', TEXT);

  // B opens the same source on the other instance; nothing is coded yet.
  await b.page.goto(sourcePath);
  await expect(b.page.getByTestId('source-document')).toContainText('Trust in the platform');
  await expect(b.page.locator('.gw-coding')).toHaveCount(0);
  // B's page must not be reloaded from here on: a marker on window survives only without one.
  await b.page.evaluate(() => ((window as unknown as { __noReload?: boolean }).__noReload = true));

  // Each sees the other on the source (presence crosses instances through PostgreSQL).
  await expect(b.page.getByTestId('source-presence').locator(`[data-presence-user="${a.user.name}"]`)).toBeVisible({ timeout: 20_000 });
  await expect(a.page.getByTestId('source-presence').locator(`[data-presence-user="${b.user.name}"]`)).toBeVisible({ timeout: 20_000 });

  // A codes a passage on instance 1 …
  await codeSelection(a.page, 'Trust in the platform came slowly', 'platform trust');
  await expect(a.page.locator('.gw-coding')).not.toHaveCount(0);

  // … and it appears on B's screen on instance 2, without a reload.
  await expect(b.page.locator('.gw-coding').first()).toBeVisible({ timeout: 10_000 });
  await expect
    .poll(() => b.page.locator('.gw-coding').evaluateAll((spans) => spans.map((s) => s.textContent ?? '').join('')))
    .toBe('Trust in the platform came slowly');
  await expect(b.page.getByRole('complementary', { name: 'Codebook' })).toContainText('platform trust');
  expect(await b.page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
  // A has just coded here: B sees A as coding (avatar label names the state).
  await expect(b.page.getByTestId('source-presence').getByLabel(`${a.user.name} — coding`)).toBeVisible({ timeout: 20_000 });
  await b.page.screenshot({ path: testInfo.outputPath('b-sees-a-coding.png') });

  // The overview lists both members as online.
  await a.page.goto(team.projectPath);
  const online = a.page.getByTestId('online-now');
  await expect(online.locator(`[data-presence-user="${a.user.name}"]`)).toBeVisible({ timeout: 20_000 });
  await expect(online.locator(`[data-presence-user="${b.user.name}"]`)).toBeVisible({ timeout: 20_000 });
  await a.page.screenshot({ path: testInfo.outputPath('overview-online.png') });

  await team.close();
});
