import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeRunReports } from '../../src/api/report.js';
import type { SqliteStore } from '../../src/store/sqlite.js';
import { storeWithReportableRun } from './fixture-run.js';

/** Debian's Chromium, installed by .ci/run; CHROMIUM_PATH points elsewhere when needed. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let store: SqliteStore;
let html: string;
let dir: string;

beforeAll(async () => {
  const fixture = storeWithReportableRun();
  store = fixture.store;
  dir = join(fixture.dir, 'reports');
  await writeRunReports(store, { runId: fixture.runId, formats: ['html'], dir });
  html = join(dir, 'report.html');
});
afterAll(() => store.close());

describe('the HTML report in a real browser', () => {
  it('renders its charts, logs no error, and runs none of the payloads in model output', async () => {
    expect(existsSync(CHROMIUM), `Chromium not found at ${CHROMIUM}: install Debian's chromium`).toBe(true);
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));
      const requests: string[] = [];
      page.on('request', (request) => {
        if (!request.url().startsWith('file:')) requests.push(request.url());
      });
      await page.goto(pathToFileURL(html).href);
      await page.waitForLoadState('load');

      const chart = await page.locator('figure svg').first().boundingBox();
      expect(chart?.width ?? 0).toBeGreaterThan(100);
      expect(chart?.height ?? 0).toBeGreaterThan(20);
      expect(await page.locator('figure svg .mark-rect path, figure svg path').count()).toBeGreaterThan(0);
      expect(await page.evaluate(() => (globalThis as { __pwned?: boolean }).__pwned)).toBeUndefined();
      expect(await page.locator('script').count()).toBe(0);
      expect(await page.locator('main img').count()).toBe(0);
      // The payload is shown as text, for a reviewer to see.
      await page.locator('details', { hasText: 'c-xss' }).locator('summary').click();
      expect(await page.locator('pre', { hasText: '<script>window.__pwned = true</script>' }).count()).toBe(
        1,
      );
      expect(problems).toEqual([]);
      expect(requests).toEqual([]);

      const screenshot = join(dir, 'report.png');
      await page.screenshot({ path: screenshot, fullPage: true });
      expect(statSync(screenshot).size).toBeGreaterThan(10_000);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
