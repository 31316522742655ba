import { expect, test } from '@playwright/test';

import { newUser, signUp } from '../fixtures/users';

/**
 * Server-action POSTs that are not what Next's client sends get a 4xx that says why, never a 500
 * (lib/http/server-action-request.ts, run by proxy.ts): a forged Origin is 403, a body of the
 * wrong type or shape 400, a body over 1 MB 413. The action id is a real one, taken from the
 * browser creating a project, so each refusal is the proxy's and not "unknown action".
 */
test('bad server-action requests get 403/400/413 with a message; the real action still works', async ({ page, baseURL }) => {
  await signUp(page, newUser('Actions'));
  const sent: Array<{ action: string; path: string; body: string }> = [];
  page.on('request', (request) => {
    const action = request.headers()['next-action'];
    if (request.method() === 'POST' && action) sent.push({ action, path: new URL(request.url()).pathname, body: request.postData() ?? '' });
  });
  await page.getByLabel('Project name').fill('Action checks');
  await page.getByRole('button', { name: 'Create project' }).click();
  await expect(page).toHaveURL(/\/projects\/[^/]+$/);
  expect(sent.length).toBeGreaterThan(0);
  const { action, path } = sent[0];

  const post = (headers: Record<string, string>, data: string) =>
    page.request.post(path, { headers: { 'next-action': action, origin: baseURL!, 'content-type': 'text/plain;charset=UTF-8', ...headers }, data, maxRedirects: 0 });

  const forged = await post({ origin: 'https://evil.example' }, '[]');
  expect(forged.status()).toBe(403);
  expect(await forged.text()).toMatch(/Origin header does not match/);

  const garbage = await post({}, 'this is not what React sends');
  expect(garbage.status()).toBe(400);
  expect(await garbage.text()).toMatch(/not valid JSON/);

  const json = await post({ 'content-type': 'application/json' }, '[]');
  expect(json.status()).toBe(400);
  expect(await json.text()).toMatch(/multipart\/form-data or text\/plain/);

  const huge = await post({}, JSON.stringify(['x'.repeat(1024 * 1024 + 10)]));
  expect(huge.status()).toBe(413);

  // A well-formed request with the wrong arguments reaches the action, which answers without a 500.
  const wrongShape = await post({}, '[{"name":42}]');
  expect(wrongShape.status()).toBeLessThan(500);

  // Nothing above created a project: only the one made through the page is listed.
  await page.goto('/projects');
  await expect(page.getByRole('link', { name: 'Action checks' })).toHaveCount(1);
});
