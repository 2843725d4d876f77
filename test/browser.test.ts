/**
 * The dashboard in a real browser (Debian's Chromium driven by playwright-core): open it, choose a
 * scenario, move a slider and check the browser's numbers against `runScenario` in Node for the
 * same modified scenario, compare two scenarios, export a CSV, and see the editor's located errors.
 * Takes screenshots of the main views into a temporary folder, or into GIGAWATT_SCREENSHOTS (e.g.
 * `GIGAWATT_SCREENSHOTS=docs/img npx vitest run test/browser.test.ts` refreshes the README's).
 * Needs /usr/bin/chromium (apt-get install chromium)
 * and builds web/dist with Vite when it is missing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunSummary } from '../src/analysis/summary.js';
import { reportCommand } from '../src/cli/commands/report.js';
import { fileDataSource } from '../src/io/data-source.js';
import { loadScenario } from '../src/io/load-scenario.js';
import { validateScenario } from '../src/model/validate.js';
import { runScenario } from '../src/run.js';
import { startServer } from '../src/server/serve.js';

const CHROMIUM = '/usr/bin/chromium';
const abilene = loadScenario('stargate-abilene');
const ROOT = join(import.meta.dirname, '..');
const WEB_DIST = join(ROOT, 'web', 'dist');
const IMG = process.env.GIGAWATT_SCREENSHOTS ?? mkdtempSync(join(tmpdir(), 'gigawatt-screens-'));

let browser: Browser;
let page: Page;
let base: string;
let close: () => void;

/** The dashboard's test hook (web/src/pages/Campus.tsx): the scenario as simulated, its summary, the run count. */
type Hook = { __gigawatt?: { raw: unknown; summary: unknown; runMs: number; runs: number } };

/** Every number equal to within 1e-9 relative (the same engine on the same Float64 data). */
function expectSameNumbers(a: unknown, b: unknown, path = ''): void {
  if (typeof a === 'number' && typeof b === 'number') {
    expect(Math.abs(a - b), path).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));
  } else if (a !== null && typeof a === 'object' && b !== null && typeof b === 'object') {
    expect(Object.keys(a).sort(), path).toEqual(Object.keys(b).sort());
    for (const k of Object.keys(b)) {
      expectSameNumbers((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
    }
  } else {
    expect(a, path).toEqual(b);
  }
}

async function runs(): Promise<number> {
  return page.evaluate(() => (globalThis as unknown as Hook).__gigawatt?.runs ?? 0);
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} not found: the browser tests need Debian's Chromium (apt-get install -y chromium); they are not skipped`,
    );
  }
  if (!existsSync(join(WEB_DIST, 'index.html')) || !existsSync(join(WEB_DIST, 'report', 'report.js'))) {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-web.mjs')], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`web build failed: ${r.stderr}`);
  }
  mkdirSync(IMG, { recursive: true });
  const { server, url } = await startServer({ port: 0, host: '127.0.0.1', webRoot: WEB_DIST });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  expect(url).toContain('127.0.0.1');
  close = () => server.close();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  page.on('pageerror', (e) => {
    throw e;
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  close?.();
});

describe('the dashboard in Chromium', () => {
  it('lists the built-in scenarios in the gallery', async () => {
    await page.goto(base);
    await page.getByTestId('gallery').waitFor();
    for (const name of ['anthropic-fluidstack', 'stargate-abilene', 'project-rainier', 'colossus-memphis']) {
      expect(await page.getByTestId(`scenario-${name}`).count(), name).toBe(1);
    }
    await page.screenshot({ path: join(IMG, 'gallery.png') });
  });

  it('simulates the chosen scenario in the browser to the same summary as runScenario in Node', async () => {
    await page.getByTestId('scenario-anthropic-fluidstack').click();
    await page.waitForFunction(
      () => ((globalThis as unknown as Hook).__gigawatt?.runs ?? 0) >= 1,
      undefined,
      { timeout: 30_000 },
    );
    await page.getByTestId('hourly-chart').locator('canvas').first().waitFor();
    const inBrowser = (await page.evaluate(
      () => (globalThis as unknown as Hook).__gigawatt?.summary,
    )) as RunSummary;
    const { scenario, raw } = loadScenario('anthropic-fluidstack');
    expectSameNumbers(inBrowser, runScenario(scenario, fileDataSource(), { raw }).summary);
    expect(await page.getByTestId('kpis').textContent()).toContain('TWh');
    await page.getByTestId('map-site-west-texas').waitFor();
    await page.screenshot({ path: join(IMG, 'campus.png'), fullPage: true });
  });

  it('re-simulates after a slider move, matching runScenario on the same modified scenario', async () => {
    const before = (await page.evaluate(
      () => (globalThis as unknown as Hook).__gigawatt?.summary,
    )) as RunSummary;
    const n = await runs();
    await page.getByTestId('slider-busy-0').evaluate((el) => {
      (el as unknown as { value: string }).value = '0.5';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.waitForFunction((k) => ((globalThis as unknown as Hook).__gigawatt?.runs ?? 0) > k, n, {
      timeout: 30_000,
    });
    const { raw, summary } = (await page.evaluate(() => (globalThis as unknown as Hook).__gigawatt)) as {
      raw: unknown;
      summary: RunSummary;
    };
    const site0 = (raw as { sites: { utilisation: { busyFraction: number } }[] }).sites[0];
    expect(site0?.utilisation.busyFraction).toBe(0.5);
    // Fewer busy accelerators in West Texas: less energy and less compute than the published scenario.
    expect(summary.totals.facilityEnergyMWh).toBeLessThan(before.totals.facilityEnergyMWh);
    expect(summary.totals.computeDeliveredFLOP).toBeLessThan(before.totals.computeDeliveredFLOP);
    const v = validateScenario(raw);
    if (!v.ok) throw new Error(JSON.stringify(v.issues));
    expectSameNumbers(summary, runScenario(v.scenario, fileDataSource(), { raw }).summary);
  });

  it('shows the CLI’s located validation errors in the YAML editor', async () => {
    await page.getByTestId('tab-yaml').click();
    const editor = page.getByTestId('yaml-editor');
    const text = await editor.inputValue();
    await editor.fill(text.replace('busyFraction: 0.5', 'busyFraction: 1.5'));
    await page.getByTestId('issues').waitFor({ timeout: 30_000 });
    const issues = await page.getByTestId('issues').textContent();
    expect(issues).toMatch(
      /scenario\.yaml:\d+:\d+: sites\[0\]\.utilisation\.busyFraction: Too big: expected number to be <=1 \(got 1\.5\)/,
    );
    await page.screenshot({ path: join(IMG, 'editor.png') });
  });

  it('compares two scenarios and exports the comparison as CSV', async () => {
    // The editor test left edits: leaving the campus asks first (accepted here).
    page.once('dialog', (d) => void d.accept());
    await page.goto(`${base}#/compare/anthropic-fluidstack/stargate-abilene`);
    await page.getByTestId('compare-table').waitFor({ timeout: 60_000 });
    // Their periods differ: the common window is shown first; every metric is over each own period.
    await page.getByTestId('compare-window').selectOption('own');
    const row = await page
      .locator('[data-testid="compare-table"] tr[data-metric="acceleratorCount"]')
      .textContent();
    expect(row).toContain('720,000');
    expect(row).toContain('400,000');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-compare-csv').click(),
    ]);
    const csv = readFileSync((await download.path()) as string, 'utf8')
      .trim()
      .split('\n');
    expect(csv[0]).toBe(
      'metric,unit,anthropic-fluidstack,stargate-abilene,difference (B − A),relative difference',
    );
    expect(csv.find((l) => l.startsWith('acceleratorCount,'))).toBe(
      'acceleratorCount,count,720000,400000,-320000,-0.4444444444444444',
    );
    await page.screenshot({ path: join(IMG, 'compare.png'), fullPage: true });
  });

  it('gigawatt report writes one HTML file that shows the campus views with no network', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'gigawatt-report-')), 'report.html');
    reportCommand('stargate-abilene', { out });
    const offline = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const requested: string[] = [];
    await offline.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:') || url.startsWith('data:') || url.startsWith('blob:'))
        return route.continue();
      requested.push(url);
      return route.abort();
    });
    await offline.goto(`file://${out}`);
    await offline.getByTestId('kpis').waitFor();
    await offline.getByTestId('hourly-chart').locator('canvas').first().waitFor();
    const s = runScenario(abilene.scenario, fileDataSource(), { raw: abilene.raw }).summary;
    const peak = await offline
      .locator('[data-testid="metrics-table"] tr[data-metric="acceleratorCount"]')
      .textContent();
    expect(peak).toContain(s.totals.acceleratorCount.toLocaleString('en-US'));
    expect(requested).toEqual([]);
    await offline.screenshot({ path: join(IMG, 'report.png') });
    await offline.close();
  });
});
