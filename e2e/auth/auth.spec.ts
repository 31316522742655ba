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
  await expect(page.getByLabel('Email')).toHaveValue(user.email);
  await page.getByLabel('Password').fill('password123');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('This password is too common', { exact: false })).toBeVisible();

  await signUp(page, user);
  await signOut(page);
  await page.goto('/sign-up');
  await page.getByLabel('Name').fill('Someone else');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill('another decent passphrase');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('An account with this email already exists. Sign in instead.')).toBeVisible();
});

test('wrong passwords are refused, then the account is locked for a while', async ({ page }) => {
  const user = newUser('Lock');
  await signUp(page, user);
  await signOut(page);
  for (let i = 0; i < 5; i++) {
    await signIn(page, { email: user.email, password: `not the password ${i}` });
    await expect(page.getByTestId('form-message')).toHaveText('Wrong email or password.');
    await expect(page.getByLabel('Email')).toHaveValue(user.email);
  }
  await signIn(page, user);
  await expect(page.getByTestId('form-message')).toHaveText('Too many failed sign-in attempts. Wait 15 minutes and try again.');
  await expect(page).toHaveURL(/\/sign-in/);
});
