/**
 * The dashboard in Chromium: Compare over the common window of two periods (against `runScenario`'s
 * own year rows in Node), the question before in-app navigation discards edits, back and forward
 * bringing views back, and a slider move updating the hourly chart in place (zoom kept, values of the
 * new run). Needs /usr/bin/chromium and web/dist (`node scripts/build-web.mjs`).
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Dialog, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunSummary } from '../src/analysis/summary.js';
import { fileDataSource } from '../src/io/data-source.js';
import { loadScenario } from '../src/io/load-scenario.js';
import { validateScenarioObject } from '../src/model/parse-yaml.js';
import { runScenario } from '../src/run.js';
import { type DashboardSession, openDashboard } from './browser-session.js';

type Hook = {
  __gigawatt?: { runs: number; raw: unknown; summary?: { scenario: string }; painted?: number };
};
/** The page's globals these tests read (the Node type check has no DOM library). */
type Win = {
  history: { length: number };
  location: { hash: string; href: string };
  document: { querySelector(s: string): { textContent: string | null } | null };
};

let session: DashboardSession | undefined;
let page: Page;
let base: string;

beforeAll(async () => {
  session = await openDashboard();
  ({ base, page } = session);
}, 120_000);

afterAll(async () => {
  await session?.close();
});

const summaries = new Map<string, RunSummary>();
function inNode(name: string): RunSummary {
  let s = summaries.get(name);
  if (!s) {
    const { scenario, raw } = loadScenario(name);
    s = runScenario(scenario, fileDataSource(), { raw }).summary;
    summaries.set(name, s);
  }
  return s;
}

/** The sum of a metric over the summary's year rows of [from, to]. */
const yearsSum = (
  s: RunSummary,
  k: 'facilityEnergyMWh' | 'co2Tonnes' | 'energyCostUSD',
  from: number,
  to: number,
) => s.years.filter((y) => y.year >= from && y.year <= to).reduce((a, y) => a + y[k], 0);

async function csvOf(p: Page, button: string | Locator): Promise<string[][]> {
  const target = typeof button === 'string' ? p.getByTestId(button) : button;
  const [download] = await Promise.all([p.waitForEvent('download'), target.click()]);
  return readFileSync((await download.path()) as string, 'utf8')
    .trim()
    .split('\n')
    .map((l) => l.split(','));
}

async function openCampus(p: Page, name: string): Promise<void> {
  await p.goto('about:blank');
  await p.goto(`${base}#/campus/${name}`);
  await p.waitForFunction(() => ((globalThis as unknown as Hook).__gigawatt?.painted ?? 0) >= 1, undefined, {
    timeout: 60_000,
  });
}

async function moveBusy(p: Page, value: string): Promise<void> {
  const n = await p.evaluate(() => (globalThis as unknown as Hook).__gigawatt?.painted ?? 0);
  await p.getByTestId('slider-busy-0').evaluate((el, v) => {
    (el as unknown as { value: string }).value = v;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, value);
  await p.waitForFunction((k) => ((globalThis as unknown as Hook).__gigawatt?.painted ?? 0) > k, n, {
    timeout: 60_000,
  });
}

describe('compare over the common window', () => {
  it('defaults to the hours both scenarios simulate, with totals equal to the engine’s year rows there', async () => {
    // anthropic-fluidstack: 2026-01-01 → 2030-12-31; stargate-abilene: 2025-06-01 → 2029-12-31.
    // Common: 2026-01-01 → 2029-12-31 = 365 + 365 + 366 + 365 days = 35,064 h.
    await page.goto(`${base}#/compare/anthropic-fluidstack/stargate-abilene`);
    const table = page.getByTestId('compare-table');
    await table.waitFor({ timeout: 90_000 });
    expect(await page.getByTestId('compare-window').inputValue()).toBe('common');
    expect(await page.getByTestId('compare-window-label').textContent()).toBe(
      'Totals over the common window 2026-01-01 → 2029-12-31 (35,064 h)',
    );
    const head = await table.locator('thead').textContent();
    expect(head).toContain('A: anthropic-fluidstack (2026-01-01 → 2029-12-31)');
    expect(head).toContain('B: stargate-abilene (2026-01-01 → 2029-12-31)');

    // The window's totals are the engine's own calendar-year rows for 2026–2029, computed in Node.
    const a = inNode('anthropic-fluidstack');
    const b = inNode('stargate-abilene');
    const csv = await csvOf(page, 'export-compare-csv');
    expect(csv[0]).toEqual([
      'metric',
      'unit',
      'anthropic-fluidstack',
      'stargate-abilene',
      'difference (B − A)',
      'relative difference',
    ]);
    const get = (k: string) => csv.find((r) => r[0] === k)?.map(Number) ?? [];
    for (const k of ['facilityEnergyMWh', 'co2Tonnes', 'energyCostUSD'] as const) {
      const [, , x, y, d, pct] = get(k);
      const ea = yearsSum(a, k, 2026, 2029);
      const eb = yearsSum(b, k, 2026, 2029);
      expect(x, k).toBeCloseTo(ea, 6 - Math.round(Math.log10(ea)));
      expect(y, k).toBeCloseTo(eb, 6 - Math.round(Math.log10(eb)));
      expect(Math.abs((d as number) - (eb - ea)) / Math.abs(eb - ea)).toBeLessThan(1e-9);
      expect(Math.abs((pct as number) - (eb - ea) / ea)).toBeLessThan(1e-9);
    }
    // Peaks over the window: the largest of the engine's year peaks 2026–2029 (coincident fleet peaks).
    const peak = (s: RunSummary) =>
      Math.max(...s.years.filter((y) => y.year >= 2026 && y.year <= 2029).map((y) => y.peakFacilityMW));
    expect(Math.abs((get('peakFacilityMW')[2] as number) / peak(a) - 1)).toBeLessThan(1e-9);
    expect(Math.abs((get('peakFacilityMW')[3] as number) / peak(b) - 1)).toBeLessThan(1e-9);
    // Stargate's 2025 (June–December) is outside the window, so its window total is below its own.
    expect(get('facilityEnergyMWh')[3] as number).toBeLessThan(b.totals.facilityEnergyMWh);

    // By year: the window's four years, 8,784 hours in 2028, the same hours for both.
    const years = page.getByTestId('compare-years');
    const rows = await years
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 3).map((td) => td.textContent)),
      );
    expect(rows).toEqual([
      ['2026', '8,760', '8,760'],
      ['2027', '8,760', '8,760'],
      ['2028', '8,784', '8,784'],
      ['2029', '8,760', '8,760'],
    ]);
    const byYear = await csvOf(page, 'export-compare-years-csv');
    const cell = (year: number, k: string) => byYear.find((r) => r[0] === String(year) && r[1] === k);
    for (const year of [2026, 2029]) {
      const ya = a.years.find((y) => y.year === year)?.co2Tonnes ?? Number.NaN;
      expect(Math.abs(Number(cell(year, 'co2Tonnes')?.[5]) / ya - 1)).toBeLessThan(1e-9);
    }

    const axe = await new AxeBuilder({ page }).analyze();
    const bad = axe.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  });

  it('switches to each scenario’s own period, which states it and shows every metric', async () => {
    await page.getByTestId('compare-window').selectOption('own');
    const table = page.getByTestId('compare-table');
    expect(await page.getByTestId('compare-window-label').textContent()).toBe(
      "Totals over each scenario's own period",
    );
    const head = await table.locator('thead').textContent();
    expect(head).toContain('A: anthropic-fluidstack (2026-01-01 → 2030-12-31)');
    expect(head).toContain('B: stargate-abilene (2025-06-01 → 2029-12-31)');
    expect(await table.locator('tr[data-metric="acceleratorCount"]').textContent()).toContain('720,000');
    // Stargate's 2025 has 5,136 hours (June–December: 214 days); anthropic-fluidstack has none.
    const y2025 = await page
      .getByTestId('compare-years')
      .locator('tr[data-year="2025"] td')
      .allTextContents();
    expect(y2025.slice(0, 4)).toEqual(['2025', '0', '5,136', '—']);
  });

  it('puts each pair in the history: back brings the previous pair', async () => {
    await page.getByTestId('compare-b').selectOption('colossus-memphis');
    await page.waitForURL(/#\/compare\/anthropic-fluidstack\/colossus-memphis$/);
    await page.getByTestId('compare-table').waitFor({ timeout: 90_000 });
    await page.goBack();
    await page.waitForURL(/#\/compare\/anthropic-fluidstack\/stargate-abilene$/);
    expect(await page.getByTestId('compare-b').inputValue()).toBe('stargate-abilene');
    await page.getByTestId('compare-table').waitFor({ timeout: 90_000 });
    expect(await page.getByTestId('compare-window-label').textContent()).toContain('2026-01-01 → 2029-12-31');
  });
});

describe('leaving edits', () => {
  it('asks before an in-app link discards edits; refused, nothing changes; accepted, back restores them', async () => {
    await openCampus(page, 'stargate-abilene');
    await moveBusy(page, '0.42');
    await page.waitForURL(/#\/campus\/stargate-abilene\?s=/, { timeout: 10_000 });
    const edited = page.url();
    const length = await page.evaluate(() => (globalThis as unknown as Win).history.length);

    const asked: string[] = [];
    const dismiss = (d: Dialog) => {
      asked.push(d.message());
      void d.dismiss();
    };
    page.once('dialog', dismiss);
    await page.getByRole('navigation').getByRole('link', { name: 'Compare' }).click();
    expect(asked).toEqual(['Discard your edits to stargate-abilene?']);
    expect(page.url()).toBe(edited);
    expect(await page.evaluate(() => (globalThis as unknown as Win).history.length)).toBe(length);
    expect(await page.getByTestId('slider-busy-0').inputValue()).toBe('0.42');

    page.once('dialog', (d) => void d.accept());
    await page.getByRole('navigation').getByRole('link', { name: 'Compare' }).click();
    await page.getByTestId('compare-a').waitFor();
    expect(page.url()).toMatch(/#\/compare/);

    // Back: the edited campus, its edits read from the address (the hook cleared: a new page's run).
    await page.evaluate(() => {
      (globalThis as unknown as Hook).__gigawatt = undefined;
    });
    await page.goBack();
    await page.waitForFunction(
      () => {
        if (((globalThis as unknown as Hook).__gigawatt?.painted ?? 0) < 1) return false;
        const raw = (globalThis as unknown as Hook).__gigawatt?.raw as
          | { sites: { utilisation?: { busyFraction?: number } }[] }
          | undefined;
        return raw?.sites[0]?.utilisation?.busyFraction === 0.42;
      },
      undefined,
      { timeout: 60_000 },
    );
    expect(page.url()).toBe(edited);
    expect(await page.getByTestId('slider-busy-0').inputValue()).toBe('0.42');
  });

  it('asks on back, forward or a typed address too, and a refusal keeps the view and its address', async () => {
    const edited = page.url();
    const title = await page.getByTestId('campus-title').textContent();
    const asked: string[] = [];
    page.once('dialog', (d) => {
      asked.push(d.message());
      void d.dismiss();
    });
    await page.evaluate(() => {
      (globalThis as unknown as Win).location.hash = '#/campus/colossus-memphis';
    });
    await page.waitForFunction((u) => (globalThis as unknown as Win).location.href === u, edited);
    expect(asked).toEqual(['Discard your edits to stargate-abilene?']);
    expect(await page.getByTestId('campus-title').textContent()).toBe(title);
    expect(await page.getByTestId('slider-busy-0').inputValue()).toBe('0.42');

    page.once('dialog', (d) => void d.accept());
    await page.evaluate(() => {
      (globalThis as unknown as Win).location.hash = '#/campus/colossus-memphis';
    });
    await page.waitForFunction(
      () => (globalThis as unknown as Hook).__gigawatt?.summary?.scenario === 'colossus-memphis',
      undefined,
      { timeout: 60_000 },
    );
    expect(page.url()).toMatch(/#\/campus\/colossus-memphis$/);
  });

  it('does not ask without edits', async () => {
    await openCampus(page, 'colossus-memphis');
    let asked = 0;
    const count = () => {
      asked++;
    };
    page.on('dialog', count);
    await page.getByRole('navigation').getByRole('link', { name: 'Scenarios' }).click();
    await page.waitForURL(/#\/$/);
    page.off('dialog', count);
    expect(asked).toBe(0);
  });
});

describe('a slider move updates the hourly chart in place', () => {
  it('keeps the zoom and the canvas, and draws the new run’s hours', async () => {
    await openCampus(page, 'stargate-abilene');
    const chart = page.getByTestId('hourly-chart');
    await page.getByTestId('zoom-in').click();
    await page.getByTestId('zoom-in').click();
    const range = await page.getByTestId('hourly-range').textContent();
    expect(range).toMatch(/→/);
    // Mark the canvas: a rebuilt chart would have a new one.
    await chart
      .locator('canvas')
      .first()
      .evaluate((c) => c.setAttribute('data-mark', 'kept'));
    await moveBusy(page, '0.5');
    expect(await chart.locator('canvas[data-mark="kept"]').count()).toBe(1);
    expect(await page.getByTestId('hourly-range').textContent()).toBe(range);

    // The visible hours' IT power is the new run's: runScenario in Node on the same edited scenario.
    const raw = (await page.evaluate(() => (globalThis as unknown as Hook).__gigawatt?.raw)) as {
      sites: { utilisation?: { busyFraction?: number } }[];
    };
    expect(raw.sites[0]?.utilisation?.busyFraction).toBe(0.5);
    const { scenario } = validateScenarioObject(raw, 'scenario');
    const node = runScenario(scenario, fileDataSource(), { raw }).sites;
    const csv = await csvOf(page, chart.getByTestId('export-csv'));
    const it = csv[0]?.indexOf('itMW (MW)') ?? -1;
    expect(it).toBeGreaterThan(0);
    const startMs = node[0]?.hourly.startMs ?? 0;
    const rows = csv.slice(1);
    expect(rows.length).toBeGreaterThan(24);
    for (const r of [rows[0], rows[Math.floor(rows.length / 2)], rows[rows.length - 1]]) {
      const h = (Date.parse(r?.[0] ?? '') - startMs) / 3_600_000;
      const fleet = node.reduce((s, x) => s + (x.hourly.itMW[h] as number), 0);
      expect(Math.abs(Number(r?.[it]) - fleet)).toBeLessThan(1e-9 * Math.max(1, fleet));
    }
  });
});
