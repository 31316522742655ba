import { expect, type Page, test } from '@playwright/test';

import { signIn } from '../fixtures/users';

// Every page is served with a nonce-based Content-Security-Policy (proxy.ts,
// lib/http/content-security-policy.ts). These pages use what a CSP breaks first: Next's own
// scripts, tiptap (the workbench editor), d3 (theory tree and network), the live-update
// EventSource and the data pages. None may report a violation.

declare global {
  interface Window {
    __cspViolations: string[];
  }
}

/** Collects CSP violations from the page (securitypolicyviolation events) and the console. */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  // Init scripts are injected by the browser's debugging protocol, not subject to the page's CSP.
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`));
  });
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) seen.push(m.text());
  });
  return seen;
}

async function expectNoViolations(page: Page, console: string[], where: string) {
  // Let late scripts (chunks, the EventSource) start before counting.
  await page.waitForLoadState('networkidle').catch(() => undefined);
  const events = await page.evaluate(() => window.__cspViolations);
  expect(events, `${where}: securitypolicyviolation events`).toEqual([]);
  expect(console, `${where}: console CSP messages`).toEqual([]);
}

test('pages work under the CSP: sign-in, overview, workbench, theory tree and network, data', async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  const console = await watchViolations(page);

  const signInPage = await page.goto('/sign-in');
  const csp = signInPage!.headers()['content-security-policy'];
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  const nonce = /'nonce-([^']+)'/.exec(csp)![1];
  // Next put this request's nonce on its scripts (the browser hides the attribute, not the property).
  const nonces = await page.evaluate(() => [...document.scripts].map((s) => s.nonce));
  expect(nonces.length).toBeGreaterThan(0);
  expect(new Set(nonces)).toEqual(new Set([nonce]));
  expect(signInPage!.headers()['x-content-type-options']).toBe('nosniff');
  expect(signInPage!.headers()['referrer-policy']).toBe('same-origin');
  await expectNoViolations(page, console, 'sign-in');

  await signIn(page, { email: 'demo@groundwork.test', password: 'groundwork-demo' });
  await expect(page).toHaveURL(/\/projects$/);
  // Another request, another nonce.
  const again = await page.request.get('/sign-in');
  expect(again.headers()['content-security-policy']).not.toBe(csp);

  await page.getByRole('link', { name: /Cross-border e-commerce marketing/ }).click();
  await expect(page.getByTestId('project-name')).toBeVisible();
  const base = new URL(page.url()).pathname;
  await expectNoViolations(page, console, 'overview');

  await page.goto(`${base}/sources`);
  await page.getByRole('link', { name: /Interview 01/ }).first().click();
  await expect(page.locator('.ProseMirror').first()).toBeVisible();
  await expectNoViolations(page, console, 'workbench');

  await page.goto(`${base}/hierarchy/tree`);
  await expect(page.locator('svg').first()).toBeVisible();
  await expectNoViolations(page, console, 'theory tree');

  await page.goto(`${base}/hierarchy/network`);
  await expect(page.getByTestId('relation-label').first()).toBeVisible();
  await expectNoViolations(page, console, 'network');

  await page.goto(`${base}/data`);
  await page.locator(`a[href^="${base}/data/"]`).first().click();
  await expect(page).toHaveURL(new RegExp(`${base}/data/[^/]+`));
  await expectNoViolations(page, console, 'dataset');
  await page.screenshot({ path: testInfo.outputPath('dataset-under-csp.png') });

  // The policy is enforced: markup that got into the page (an onerror handler, as in a stored
  // XSS) does not run, and the browser reports it.
  await page.evaluate(() => {
    const div = document.createElement('div');
    div.innerHTML = '<img src="data:," onerror="window.__injected = true">';
    document.body.append(div);
  });
  await expect.poll(() => page.evaluate(() => window.__cspViolations.join(' '))).toContain('script-src');
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
});
