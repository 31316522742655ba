import { expect, test } from '@playwright/test';

import { addTextSource, INSTANCE_1, INSTANCE_2, openTeam } from '../fixtures/team';

test('two instances share one database: B on instance 2 opens the source A added on instance 1', async ({ browser }) => {
  const team = await openTeam(browser, { projectName: 'Shared database study' });
  expect(team.a.baseURL).toBe(INSTANCE_1);
  expect(team.b.baseURL).toBe(INSTANCE_2);
  expect(INSTANCE_1).not.toBe(INSTANCE_2);

  const sourcePath = await addTextSource(team.a.page, team.projectPath, 'Interview 1', 'We moved the shop online in 2020.');
  await team.b.page.goto(sourcePath);
  expect(new URL(team.b.page.url()).origin).toBe(INSTANCE_2);
  await expect(team.b.page.getByTestId('source-title')).toHaveText('Interview 1');
  await expect(team.b.page.getByTestId('source-document')).toContainText('We moved the shop online in 2020.');
  await team.close();
});
