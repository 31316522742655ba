import { expect, test } from '@playwright/test';

import { newUser, signIn, signUp } from '../fixtures/users';

test('sign up → create project → invite a coder → coder sees it → an uninvited user gets 404 (page and API)', async ({ browser }, testInfo) => {
  const owner = newUser('Owner');
  const coder = newUser('Coder');
  const outsider = newUser('Outsider');

  // The coder and the outsider register first (invitations go to registered users).
  for (const user of [coder, outsider]) {
    const ctx = await browser.newContext();
    await signUp(await ctx.newPage(), user);
    await ctx.close();
  }

  const ownerCtx = await browser.newContext();
  const page = await ownerCtx.newPage();
  await signUp(page, owner);
  await expect(page.getByText('You have no projects yet')).toBeVisible();
  await page.getByLabel('Project name').fill('Night-shift nursing study');
  await page.getByLabel('Description').fill('How do nurses experience night shifts? 20 interviews.');
  await page.getByRole('button', { name: 'Create project' }).click();
  await expect(page).toHaveURL(/\/projects\/[\w-]+$/);
  await expect(page.getByTestId('project-name')).toHaveText('Night-shift nursing study');
  const projectUrl = new URL(page.url()).pathname;
  const projectId = projectUrl.split('/').pop() as string;

  await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Team' }).click();
  await page.getByLabel('Email of a registered user').fill(coder.email.toUpperCase());
  await page.getByLabel('Role', { exact: true }).selectOption('coder');
  await page.getByRole('button', { name: 'Invite' }).click();
  await expect(page.getByTestId('form-message')).toHaveText(`${coder.name} joined as coder.`);
  await expect(page.getByTestId(`member-${coder.email}`)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('team.png'), fullPage: true });

  // Inviting an unregistered address explains what to do and adds nobody.
  await page.getByLabel('Email of a registered user').fill('no-such-person@e2e.test');
  await page.getByRole('button', { name: 'Invite' }).click();
  await expect(page.getByText('No Groundwork account uses that email.', { exact: false })).toBeVisible();
  await expect(page.getByLabel('Email of a registered user')).toHaveValue('no-such-person@e2e.test');
  await expect(page.locator('tbody tr')).toHaveCount(2);

  // The coder signs in and finds the project.
  const coderCtx = await browser.newContext();
  const coderPage = await coderCtx.newPage();
  await signIn(coderPage, coder);
  await expect(coderPage).toHaveURL(/\/projects$/);
  const card = coderPage.getByRole('link', { name: /Night-shift nursing study/ });
  await expect(card).toContainText('Coder');
  await card.click();
  await expect(coderPage.getByTestId('project-name')).toHaveText('Night-shift nursing study');
  // A coder sees the team but cannot manage it, and has no Settings.
  await coderPage.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Team' }).click();
  await expect(coderPage.getByText('Only owners can change the team.')).toBeVisible();
  await expect(coderPage.getByRole('link', { name: 'Settings' })).toHaveCount(0);

  // The outsider gets the 404 page and a 404 from the API, never the data.
  const outsiderCtx = await browser.newContext();
  const outsiderPage = await outsiderCtx.newPage();
  await signIn(outsiderPage, outsider);
  await expect(outsiderPage).toHaveURL(/\/projects$/);
  const response = await outsiderPage.goto(projectUrl);
  expect(response?.status()).toBe(404);
  await expect(outsiderPage.getByRole('heading', { name: 'Not found' })).toBeVisible();
  await expect(outsiderPage.getByText('Night-shift nursing study')).toHaveCount(0);
  await outsiderPage.screenshot({ path: testInfo.outputPath('outsider-404.png') });
  const api = await outsiderPage.request.get(`/api/projects/${projectId}`);
  expect(api.status()).toBe(404);
  expect(await api.text()).not.toContain('Night-shift');
  const members = await outsiderPage.request.get(`/api/projects/${projectId}/members`);
  expect(members.status()).toBe(404);

  // …while the same URLs answer the coder.
  expect((await coderPage.request.get(`/api/projects/${projectId}`)).status()).toBe(200);
  for (const ctx of [ownerCtx, coderCtx, outsiderCtx]) await ctx.close();
});
