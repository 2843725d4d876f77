/**
 * The build-out report page (`gigawatt buildout --html`) in Debian's Chromium: no critical or serious
 * axe violation (as the campus report), one h1, the chart named for assistive technology, and the
 * tables' headers scoped.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildoutReportFor } from '../src/io/buildout-report.js';
import { buildoutPageHtml } from '../src/report/buildout.js';
import { CHROMIUM } from './browser-session.js';

const FIXTURE = join(import.meta.dirname, 'fixtures', 'buildout-three.yaml');
let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
});
afterAll(async () => browser?.close());

describe('gigawatt buildout --html in a browser', () => {
  it('has no critical or serious axe violation; the chart has a name; one h1', async () => {
    const report = buildoutReportFor(FIXTURE, { trials: '200' });
    const file = join(mkdtempSync(join(tmpdir(), 'gigawatt-buildout-html-')), 'buildout.html');
    writeFileSync(file, buildoutPageHtml(report, { generated: '2026-12-02', version: 'test' }));
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`file://${file}`);
    const result = await new AxeBuilder({ page }).analyze();
    const bad = result.violations
      .filter((v) => v.impact === 'critical' || v.impact === 'serious')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(bad).toEqual([]);
    expect(await page.locator('main h1').count()).toBe(1);
    expect(await page.getByRole('img', { name: /IT capacity online by 31 December/ }).count()).toBe(1);
    expect(await page.locator('table').count()).toBeGreaterThanOrEqual(4);
    expect(await page.locator('thead th:not([scope="col"])').count()).toBe(0);
    await context.close();
  }, 120_000);
});
