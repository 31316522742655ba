/**
 * Time until the workbench is interactive in Chromium: each load in a NEW browser context
 * (empty cache, the session cookie only), measured by the page itself from navigation start to
 * the workbench's data-ready (text, highlights and margin stripes painted; see
 * components/workbench/workbench.tsx).
 */
import { existsSync } from 'node:fs';

import { chromium } from '@playwright/test';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export function hasChromium(): boolean {
  return existsSync(CHROMIUM);
}

/** Cold loads of `url` (each in a fresh context), in ms since navigation start, and the highlights drawn. */
export async function workbenchInteractive(options: { baseUrl: string; url: string; cookie: { name: string; value: string }; loads: number }): Promise<{ times: number[]; highlights: number }> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const { hostname } = new URL(options.baseUrl);
    const times: number[] = [];
    const highlights: number[] = [];
    for (let i = 0; i < options.loads; i++) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      await context.addCookies([{ name: options.cookie.name, value: options.cookie.value, domain: hostname, path: '/', httpOnly: true, sameSite: 'Lax' }]);
      const page = await context.newPage();
      await page.goto(options.url, { waitUntil: 'commit' });
      const root = page.locator('[data-testid="workbench"][data-ready="true"]');
      await root.waitFor({ timeout: 120_000 });
      times.push(Number(await root.getAttribute('data-ready-at')));
      // The highlights are drawn (decorations with the .gw-coding class), not only the text.
      highlights.push(await page.locator('.gw-coding').count());
      await context.close();
    }
    if (highlights.some((n) => n === 0)) throw new Error('the workbench reported ready without any highlight');
    return { times, highlights: highlights[0] };
  } finally {
    await browser.close();
  }
}
