import { expect, test } from '@playwright/test';

import { newUser, signIn, signOut, signUp } from '../fixtures/users';

test('the demo account signs in and opens the demo project', async ({ page }, testInfo) => {
  await signIn(page, { email: 'demo@groundwork.test', password: 'groundwork-demo' });
  await expect(page).toHaveURL(/\/projects$/);
  await page.getByRole('link', { name: /Cross-border e-commerce marketing/ }).click();
  await expect(page.getByTestId('project-name')).toContainText('Cross-border e-commerce marketing');
  await page.screenshot({ path: testInfo.outputPath('demo-project.png') });
});

test('an unauthenticated visit goes to sign-in and comes back after it', async ({ page }) => {
  const user = newUser('Return');
  await signUp(page, user);
  await signOut(page);
  await page.goto('/projects');
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/projects$/);
});

test('sign-up explains weak passwords and duplicate emails, keeping what was typed', async ({ page }) => {
  const user = newUser('Dup');
  await page.goto('/sign-up');
  await page.getByLabel('Name').fill(user.name);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Use at least 10 characters.')).toBeVisible();
  // Everything typed stays, the password too (kept in the browser, never sent back).
  await expect(page.getByLabel('Name')).toHaveValue(user.name);
  await expect(page.getByLabel('Email')).toHaveValue(user.email);
  await expect(page.getByLabel('Password')).toHaveValue('short');
  await page.getByLabel('Password').press('End');
  await page.getByLabel('Password').pressSequentially('er');
  await expect(page.getByLabel('Password')).toHaveValue('shorter');
  await page.getByLabel('Password').fill('password123');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('This password is too common', { exact: false })).toBeVisible();
  await expect(page.getByLabel('Password')).toHaveValue('password123');

  await signUp(page, user);
  await signOut(page);
  await page.goto('/sign-up');
  await page.getByLabel('Name').fill('Someone else');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill('another decent passphrase');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('An account with this email already exists. Sign in instead.')).toBeVisible();
  await expect(page.getByLabel('Password')).toHaveValue('another decent passphrase');
});

test("wrong passwords slow a stranger's browser down, and do not lock the user's own browser", async ({ page, browser }) => {
  test.setTimeout(180_000); // a dozen sign-in round trips
  const user = newUser('Lock');
  // Signing up signs in: this browser now holds the account's device cookie.
  await signUp(page, user);
  const device = (await page.context().cookies()).find((c) => c.name.startsWith('gw-device-'));
  expect(device).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
  await signOut(page);

  // A stranger (another browser, no device cookie) guesses. Each attempt forges a different
  // X-Forwarded-For: the server counts the socket address, so they all count for one client.
  const stranger = await browser.newContext();
  const guess = await stranger.newPage();
  const TOO_MANY = /^Too many failed sign-in attempts\. Try again in \d+ (seconds|minutes?)\.$/;
  for (let i = 0; i < 3; i++) {
    await guess.setExtraHTTPHeaders({ 'x-forwarded-for': `203.0.113.${i + 1}` });
    await signIn(guess, { email: user.email, password: `not the password ${i}` });
    await expect(guess.getByTestId('form-message')).toHaveText('Wrong email or password.');
    await expect(guess.getByLabel('Email')).toHaveValue(user.email);
  }
  // From the third failure on, each attempt waits twice as long (5 s, 10 s, 20 s…); on a slow
  // machine a guess may land after a short wait has passed, so keep guessing until refused.
  let refused = false;
  for (let i = 3; i < 8 && !refused; i++) {
    await guess.setExtraHTTPHeaders({ 'x-forwarded-for': `203.0.113.${i + 1}` });
    await signIn(guess, { email: user.email, password: `not the password ${i}` });
    await expect(guess.getByTestId('form-message')).toHaveText(/Wrong email or password\.|Too many/);
    refused = TOO_MANY.test((await guess.getByTestId('form-message').textContent()) ?? '');
  }
  expect(refused).toBe(true);
  // Now even the right password waits.
  await guess.setExtraHTTPHeaders({ 'x-forwarded-for': '198.51.100.77' });
  await signIn(guess, user);
  await expect(guess.getByTestId('form-message')).toHaveText(TOO_MANY);
  await expect(guess).toHaveURL(/\/sign-in/);
  await stranger.close();

  // The user's own browser is not held back by the stranger's failures.
  await signIn(page, user);
  await expect(page).toHaveURL(/\/projects$/);
});
