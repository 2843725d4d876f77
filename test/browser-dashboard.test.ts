/**
 * The dashboard in Chromium as a user away from UTC sees it (time zone America/Chicago): time
 * labels, narrow screens, controls under concurrent runs, not-found pages and accessibility (axe).
 * Needs /usr/bin/chromium and web/dist (`node scripts/build-web.mjs`); one Chromium for the file.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunSummary } from '../src/analysis/summary.js';
import { reportCommand } from '../src/cli/commands/report.js';
import { fileDataSource } from '../src/io/data-source.js';
import { loadScenario } from '../src/io/load-scenario.js';
import { runScenario } from '../src/run.js';
import { type DashboardSession, openDashboard, sidewaysOverflow } from './browser-session.js';

/** Screenshots of the views this file covers: a temporary folder, or GIGAWATT_SCREENSHOTS (docs/img). */
const IMG = process.env.GIGAWATT_SCREENSHOTS ?? mkdtempSync(join(tmpdir(), 'gigawatt-screens-'));

let context: BrowserContext;
let page: Page;
let base: string;
let session: DashboardSession | undefined;

type Hook = { __gigawatt?: { runs: number } };

/**
 * The legend's time under the cursor at the plot's left edge (the first hour). The chart is redrawn
 * from scratch when its zone or series change, so a plot replaced mid-way is looked up again.
 */
async function legendTimeAtStart(p: Page): Promise<string | null> {
  const chart = p.getByTestId('hourly-chart');
  for (let attempt = 1; ; attempt++) {
    try {
      const over = chart.locator('.u-over');
      await over.scrollIntoViewIfNeeded();
      const box = await over.boundingBox();
      if (!box) throw new Error('no plot area');
      await p.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await p.mouse.move(box.x + 0.5, box.y + box.height / 2);
      await p.waitForTimeout(100);
      return await chart.locator('.u-legend .u-series').first().locator('.u-value').textContent();
    } catch (e) {
      if (attempt >= 3) throw e;
      await p.waitForTimeout(300);
    }
  }
}

/** Opens a campus page in a fresh document and waits for the browser's first run. */
async function openCampus(p: Page, name: string): Promise<void> {
  await p.goto('about:blank');
  await p.goto(`${base}#/campus/${name}`);
  await p.waitForFunction(() => ((globalThis as unknown as Hook).__gigawatt?.runs ?? 0) >= 1, undefined, {
    timeout: 60_000,
  });
  await p.getByTestId('hourly-chart').locator('canvas').first().waitFor();
}

beforeAll(async () => {
  session = await openDashboard({ timezoneId: 'America/Chicago' });
  ({ base, context, page } = session);
}, 120_000);

afterAll(async () => {
  await session?.close();
});

describe('time labels in a browser at UTC−6 (America/Chicago)', () => {
  it('the browser really is away from UTC', async () => {
    await page.goto(base);
    // 2026-01-01T00:00Z is 2025-12-31 18:00 in Chicago (CST, UTC−6).
    expect(await page.evaluate(() => new Date(Date.UTC(2026, 0, 1)).getHours())).toBe(18);
  });

  it('the hourly chart labels 2026-01-01 00:00 UTC as such, in the legend, range and axis', async () => {
    await openCampus(page, 'anthropic-fluidstack');
    const chart = page.getByTestId('hourly-chart');
    expect(await chart.getByTestId('hourly-range').textContent()).toMatch(/^2026-01-01 00:00 → .* UTC$/);
    // The first tick of a year-long axis is the first month, in ISO form.
    const ticks = (await chart.locator('.uplot-box').getAttribute('data-x-ticks'))?.split('|') ?? [];
    expect(ticks[0]).toBe('2026-01');
    for (const t of ticks) expect(t).toMatch(/^\d{4}(-\d{2})?(-\d{2})?$|^\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(await legendTimeAtStart(page)).toBe('2026-01-01 00:00 UTC');
  });

  it('switches the hourly chart to the site’s standard time, labelled with its offset', async () => {
    await page.getByTestId('site-select').selectOption('west-texas');
    const chart = page.getByTestId('hourly-chart');
    await chart.getByTestId('time-zone').selectOption('local');
    // West Texas uses the Abilene station (UTC−6 standard time): 00:00 UTC is 18:00 the day before.
    expect(await chart.getByTestId('hourly-range').textContent()).toMatch(/^2025-12-31 18:00 → .* UTC−6$/);
    expect(await legendTimeAtStart(page)).toBe('2025-12-31 18:00 UTC−6');
  });
});

describe('any screen', () => {
  for (const [name, path] of [
    ['gallery', ''],
    ['campus page', '#/campus/anthropic-fluidstack'],
    ['compare page', '#/compare/anthropic-fluidstack/stargate-abilene'],
  ] as const) {
    it(`the ${name} has no horizontal page scroll at 360×740`, async () => {
      const phone = await context.newPage();
      await phone.setViewportSize({ width: 360, height: 740 });
      await phone.goto(`${base}${path}`);
      if (path.includes('campus'))
        await phone.getByTestId('hourly-chart').locator('canvas').first().waitFor();
      else if (path.includes('compare'))
        await phone.getByTestId('compare-table').waitFor({ timeout: 60_000 });
      else await phone.getByTestId('gallery').waitFor();
      await phone.waitForTimeout(200); // ResizeObserver → uPlot.setSize
      // Charts (canvas, SVG) and every chart box fit the screen; a wide table scrolls inside its box.
      const { scroll, client, over } = await sidewaysOverflow(phone, 'canvas, svg, .chart, .kpi, aside, nav');
      expect(scroll).toBeLessThanOrEqual(client);
      expect(over).toEqual([]);
      if (path.includes('campus')) await phone.screenshot({ path: join(IMG, 'campus-360.png') });
      await phone.close();
    });
  }

  it('prints without navigation, controls or export buttons', async () => {
    const p = await context.newPage();
    await openCampus(p, 'stargate-abilene');
    await p.emulateMedia({ media: 'print' });
    expect(await p.locator('nav').isVisible()).toBe(false);
    expect(await p.locator('aside').isVisible()).toBe(false);
    expect(await p.locator('.exports button').first().isVisible()).toBe(false);
    expect(await p.getByTestId('kpis').isVisible()).toBe(true);
    expect(await p.getByTestId('hourly-chart').isVisible()).toBe(true);
    await p.close();
  });

  it('at 800 px the campus page is one column and the hourly chart fits its box', async () => {
    const p = await context.newPage();
    await p.setViewportSize({ width: 800, height: 900 });
    await openCampus(p, 'anthropic-fluidstack');
    await p.waitForTimeout(200);
    const aside = await p.locator('aside').boundingBox();
    const main = await p.locator('.campus .results-col').boundingBox();
    expect(aside && main && main.y >= aside.y + aside.height - 1).toBe(true);
    const box = await p.getByTestId('hourly-chart').boundingBox();
    const canvas = await p.getByTestId('hourly-chart').locator('canvas').first().boundingBox();
    expect(box && canvas && canvas.x + canvas.width <= box.x + box.width).toBe(true);
    await p.close();
  });
});

describe('controls that tell the truth', () => {
  it('a slider keeps its value while an older run finishes, and only the latest run is shown', async () => {
    await openCampus(page, 'anthropic-fluidstack');
    const n = await page.evaluate(() => (globalThis as unknown as Hook).__gigawatt?.runs ?? 0);
    const slider = page.getByTestId('slider-busy-0');
    // Two moves in quick succession: the first run is in flight when the second is asked for.
    await slider.evaluate((el) => {
      const input = el as unknown as { value: string; dispatchEvent(e: Event): boolean };
      input.value = '0.5';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.value = '0.3';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(await page.getByTestId('run-status').textContent()).toContain('simulating');
    await page.waitForFunction((k) => ((globalThis as unknown as Hook).__gigawatt?.runs ?? 0) > k, n, {
      timeout: 60_000,
    });
    // The first result shown is the latest request's (busy 0.3), never the stale 0.5 one.
    const shown = await page.evaluate(
      () =>
        (
          (
            globalThis as unknown as {
              __gigawatt: { raw: { sites: { utilisation: { busyFraction: number } }[] } };
            }
          ).__gigawatt.raw.sites[0] as { utilisation: { busyFraction: number } }
        ).utilisation.busyFraction,
    );
    expect(shown).toBe(0.3);
    expect(await slider.inputValue()).toBe('0.3');
    expect(await page.getByTestId('run-status').textContent()).toMatch(/^Simulated/);
    await page.waitForTimeout(1500); // nothing stale arrives later either
    expect(await slider.inputValue()).toBe('0.3');
    expect(await page.evaluate(() => (globalThis as unknown as Hook).__gigawatt?.runs)).toBe(n + 1);
  });

  it('an unknown campus gets a not-found page, with no controls of another scenario', async () => {
    // The previous test left edits: leaving the campus asks first (accepted here).
    page.once('dialog', (d) => void d.accept());
    await page.goto(`${base}#/campus/no-such-campus`);
    await page.getByTestId('not-found').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('not-found').textContent()).toContain('no-such-campus');
    expect(await page.getByTestId('controls').count()).toBe(0);
    expect(await page.getByTestId('hourly-chart').count()).toBe(0);
  });

  it('switching scenario shows only the new scenario’s controls', async () => {
    await openCampus(page, 'stargate-abilene');
    await page.goto(`${base}#/campus/anthropic-fluidstack`);
    await page.getByTestId('slider-busy-1').waitFor({ timeout: 30_000 });
    const legends = await page.locator('[data-testid="controls"] legend').allTextContents();
    expect(legends).toEqual(['west-texas', 'western-new-york']);
  });
});

describe('accessibility', () => {
  const pages = [
    ['gallery', '', 'gallery'],
    ['campus page', '#/campus/anthropic-fluidstack', 'hourly-chart'],
    ['compare page', '#/compare/anthropic-fluidstack/stargate-abilene', 'compare-table'],
    ['not-found page', '#/campus/no-such-campus', 'not-found'],
  ] as const;
  for (const [name, path, ready] of pages) {
    it(`the ${name} has no critical or serious axe violation and its own title`, async () => {
      const p = await context.newPage();
      await p.goto(`${base}${path}`);
      await p.getByTestId(ready).first().waitFor({ timeout: 60_000 });
      await p.waitForTimeout(300);
      const result = await new AxeBuilder({ page: p }).analyze();
      const bad = result.violations
        .filter((v) => v.impact === 'critical' || v.impact === 'serious')
        .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(bad).toEqual([]);
      expect(await p.locator('main h1').count()).toBe(1);
      titles.set(name, await p.title());
      await p.close();
    });
  }
  const titles = new Map<string, string>();

  it('the one-file report (gigawatt report) has no critical or serious violation', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'gigawatt-report-')), 'report.html');
    reportCommand('anthropic-fluidstack', { out });
    const p = await context.newPage();
    await p.goto(`file://${out}`);
    await p.getByTestId('economics').waitFor({ timeout: 30_000 });
    const result = await new AxeBuilder({ page: p }).analyze();
    const bad = result.violations
      .filter((v) => v.impact === 'critical' || v.impact === 'serious')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(bad).toEqual([]);
    expect(await p.locator('main h1').count()).toBe(1);
    await p.close();
  });

  it('the YAML editor tab and the flexible campus (all views) have no critical or serious violation', async () => {
    const p = await context.newPage();
    await p.goto(`${base}#/campus/anthropic-fluidstack-flexible`);
    await p.getByTestId('flexibility').waitFor({ timeout: 60_000 });
    await p.getByTestId('workloads').waitFor();
    await p.getByTestId('tab-yaml').click();
    await p.getByTestId('yaml-editor').waitFor();
    const result = await new AxeBuilder({ page: p }).analyze();
    const bad = result.violations
      .filter((v) => v.impact === 'critical' || v.impact === 'serious')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(bad).toEqual([]);
    await p.close();
  });

  it('zooms the hourly chart and hides a series from the keyboard; the map has a table', async () => {
    await openCampus(page, 'anthropic-fluidstack');
    const chart = page.getByTestId('hourly-chart');
    const range = chart.getByTestId('hourly-range');
    // The scenario runs five calendar years.
    expect(await range.textContent()).toMatch(/^2026-01-01 00:00 → 2030-12-31 23:00 UTC$/);
    await chart.getByTestId('zoom-in').focus();
    await page.keyboard.press('Enter');
    // Half the span about its centre (2028-07-01 ~12:00): 2027-04-01 ~ to 2029-10-01 ~.
    expect(await range.textContent()).toMatch(
      /^2027-0[34]-\d\d \d\d:\d\d → 2029-(09|10)-\d\d \d\d:\d\d UTC$/,
    );
    await page.keyboard.press('Tab'); // zoom out
    await page.keyboard.press('Tab'); // earlier
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter'); // half a span back twice: stops at the start
    expect(await range.textContent()).toMatch(/^2026-01-01 00:00 → 2028-0[67]-\d\d/);
    const it = chart.locator('.u-legend .u-series').nth(1);
    expect(await it.getAttribute('aria-pressed')).toBe('true');
    await it.focus();
    await page.keyboard.press(' ');
    expect(await it.getAttribute('class')).toContain('u-off');
    expect(await it.getAttribute('aria-pressed')).toBe('false');
    await page.getByTestId('map-table').locator('summary').click();
    expect(await page.getByTestId('map-table').locator('tbody tr').count()).toBe(2);
  });
  it('every page has a different document title', () => {
    expect(new Set(titles.values()).size).toBe(pages.length);
  });
});

/** The Node summary of anthropic-fluidstack (computed once for the economics and workload views). */
let nodeSummary: RunSummary | undefined;
function fluidstackInNode(): RunSummary {
  if (!nodeSummary) {
    const { scenario, raw } = loadScenario('anthropic-fluidstack');
    nodeSummary = runScenario(scenario, fileDataSource(), { raw }).summary;
  }
  return nodeSummary;
}

describe('economics', () => {
  it('shows NPV, IRR, payback, levelized cost and cash flows by year as the CLI computes them', async () => {
    const e = fluidstackInNode().economics;
    if (!e.cashFlows || e.npvUSD === undefined || !e.levelized) throw new Error('no cash flows in Node');
    await openCampus(page, 'anthropic-fluidstack');
    const view = page.getByTestId('economics');
    await view.waitFor();
    const kpi = (id: string) => view.locator(`[data-kpi="${id}"] .kpi-value`).textContent();
    // Three significant digits of the Node figures, in billions / percent.
    expect(await kpi('npv')).toBe(`$${Number((e.npvUSD / 1e9).toPrecision(3))}B`);
    expect(await kpi('irr')).toBe(`${((e.irr ?? Number.NaN) * 100).toFixed(1)} %`);
    expect(await kpi('payback')).toMatch(
      new RegExp(`^${e.paybackYear} \\(${(e.paybackYears ?? 0).toFixed(1)} years\\)$`),
    );
    expect(await kpi('usd-per-accel-hour')).toBe(`$${(e.levelized.usdPerAcceleratorHour ?? 0).toFixed(2)}`);
    expect(await view.getByTestId('revenue-basis').textContent()).toContain(e.revenueBasis ?? '?');
    // One row per cash-flow year, capex in the year it is spent (2025: before the 2026 start).
    const rows = view.locator('[data-testid="cash-flow-table"] tbody tr');
    expect(await rows.count()).toBe(e.cashFlows.length);
    const first = e.cashFlows[0];
    if (!first) throw new Error('no first year');
    expect(first.year).toBe(2025);
    expect(await rows.first().locator('[data-col="capexUSD"]').textContent()).toBe(
      `$${Number((first.capexUSD / 1e9).toPrecision(3))}B`,
    );
    // Negative cash flows carry the U+2212 minus sign, never a hyphen.
    const net = await rows.first().locator('[data-col="netCashFlowUSD"]').textContent();
    expect(net).toMatch(/^\u2212\$/);
    // Axis ticks fall on round values: equal steps of 1, 2 or 5 × 10^k.
    const ticks = (await view.getByTestId('cash-flow-chart').locator('.y-tick text').allTextContents()).map(
      (t) => Number(t.replace(/,/g, '').replace('\u2212', '-')),
    );
    expect(ticks[0]).toBe(0);
    const step = (ticks[1] ?? 0) - (ticks[0] ?? 0);
    const mantissa = step / 10 ** Math.floor(Math.log10(step));
    expect([1, 2, 5]).toContain(Math.round(mantissa * 1e9) / 1e9);
    for (const [k, t] of ticks.entries()) expect(t).toBeCloseTo(k * step, 9);
    await view.screenshot({ path: join(IMG, 'economics.png') });
  });
});

describe('number formatting', () => {
  it('the phase table reads "IT capacity" and 144,000 accelerators, never exponent notation', async () => {
    await openCampus(page, 'anthropic-fluidstack');
    const table = page.getByTestId('phase-table');
    const head = await table.locator('thead').textContent();
    expect(head).toContain('IT capacity');
    expect(head).not.toContain('It capacity');
    const cells = await table.locator('tbody td').allTextContents();
    expect(cells).toContain('144,000');
    for (const c of cells) expect(c, c).not.toMatch(/\de[+-]?\d/);
    // Legend values carry thousands separators: IT power of a campus over 1 GW peak.
    const over = page.getByTestId('hourly-chart').locator('.u-over');
    await over.scrollIntoViewIfNeeded();
    const box = await over.boundingBox();
    if (!box) throw new Error('no plot area');
    await page.mouse.move(box.x + box.width * 0.9, box.y + box.height / 2);
    const values = await page.getByTestId('hourly-chart').locator('.u-legend .u-value').allTextContents();
    expect(values.some((v) => /^\d{1,3}(,\d{3})+\.\d MW$/.test(v))).toBe(true);
  });
});

describe('workloads', () => {
  it('shows the training run on the period with its completion and interruptions, and inference shortfall', async () => {
    const w = fluidstackInNode().workloads ?? [];
    const train = w.find((x) => x.kind === 'training');
    const infer = w.find((x) => x.kind === 'inference');
    if (!train?.startDate || !train.completionDate || !infer)
      throw new Error('fixture has no training/inference');
    await openCampus(page, 'anthropic-fluidstack');
    const view = page.getByTestId('workloads');
    await view.waitFor();
    const row = view.locator(`[data-testid="training"] tr[data-workload="${train.id}"]`);
    expect(await row.locator('[data-col="completion"]').textContent()).toBe(train.completionDate);
    expect(await row.locator('[data-col="interruptions"]').textContent()).toBe(
      train.interruptionsTotal.toLocaleString('en-US'),
    );
    // The bar spans start → completion as a share of the 5-year period (2026-01-01 → 2031-01-01).
    const days = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;
    const share = days(train.startDate, train.completionDate) / days('2026-01-01', '2031-01-01');
    const bar = await view
      .locator('[data-testid="training"] svg rect[data-bar="run"]')
      .first()
      .getAttribute('width');
    expect(Number(bar) / (640 - 110 - 10)).toBeCloseTo(share, 3);
    // Interruptions by cause add up to the total.
    const counts = await view
      .getByTestId(`interruptions-${train.id}`)
      .locator('tbody td.num')
      .allTextContents();
    expect(counts.reduce((a, c) => a + Number(c.replace(/,/g, '')), 0)).toBe(train.interruptionsTotal);
    expect(
      await view
        .locator(`[data-testid="inference"] tr[data-workload="${infer.id}"] [data-col="shortfall"]`)
        .textContent(),
    ).toBe(`${(infer.shortfallHours ?? Number.NaN).toLocaleString('en-US')} h`);
    await view.screenshot({ path: join(IMG, 'workloads.png') });
  });
});

describe('flexibility', () => {
  it('shows curtailment and 4CP by year as the CLI computes them, with the 4CP hours on the hourly chart', async () => {
    const { scenario, raw } = loadScenario('anthropic-fluidstack-flexible');
    const f = runScenario(scenario, fileDataSource(), { raw }).summary.flexibility;
    const site = f?.sites[0];
    const y0 = site?.years[0];
    if (!site || !y0?.fourCP) throw new Error('fixture has no 4CP');
    await openCampus(page, 'anthropic-fluidstack-flexible');
    const view = page.getByTestId('flexibility');
    await view.waitFor();
    const row = view.locator(`[data-testid="flex-years-${site.id}"] tr[data-year="${y0.year}"]`);
    expect(await row.locator('[data-col="hours"]').textContent()).toBe(
      `${y0.curtailmentHours.toLocaleString('en-US')} h`,
    );
    const peaks = site.years.reduce((a, y) => a + (y.fourCP?.peaks.length ?? 0), 0);
    // Four coincident peaks (June–September) a year.
    expect(peaks).toBe(4 * site.years.filter((y) => y.fourCP).length);
    expect(await view.getByTestId(`fourcp-${site.id}`).locator('tbody tr').count()).toBe(peaks);
    expect(await page.getByTestId('hourly-chart').locator('.sub').first().textContent()).toContain(
      `the ${peaks} ERCOT 4CP hours`,
    );
    const names = await page.getByTestId('hourly-chart').locator('.u-legend .u-label').allTextContents();
    expect(names).toContain('Curtailed (flexibility) (MW)');
    await page.getByTestId('hourly-chart').screenshot({ path: join(IMG, 'hourly-4cp.png') });
    await view.screenshot({ path: join(IMG, 'flexibility.png') });
  });
});

describe('compare', () => {
  it('states each period, lines months up by calendar month and uses one minus sign', async () => {
    const p = await context.newPage();
    await p.goto(`${base}#/compare/anthropic-fluidstack/stargate-abilene`);
    const table = p.getByTestId('compare-table');
    await table.waitFor({ timeout: 60_000 });
    await p.getByTestId('compare-window').selectOption('own');
    const head = await table.locator('thead').textContent();
    expect(head).toContain('A: anthropic-fluidstack (2026-01-01 → 2030-12-31)');
    expect(head).toMatch(/B: stargate-abilene \(2025-06-01 → \d{4}-\d{2}-\d{2}\)/);
    const cells = await table.locator('td.num').allTextContents();
    expect(cells.some((c) => c.includes('\u2212'))).toBe(true);
    for (const c of cells) expect(c, c).not.toMatch(/-\d|e[+-]?\d+ (?!FLOP)/);
    const npv = fluidstackInNode().economics.npvUSD ?? Number.NaN;
    expect(
      await p.locator('[data-testid="compare-economics"] tr[data-row="npv"] td').nth(1).textContent(),
    ).toBe(`$${Number((npv / 1e9).toPrecision(3))}B`);
    const pue = p.locator('section.chart', { hasText: 'PUE by calendar month' });
    const labels = await pue.locator('svg > text').allTextContents();
    expect(labels).toEqual(expect.arrayContaining(['Jan', 'Jul']));
    await p.close();
  });
});

describe('state you can share', () => {
  it('slider edits go into the URL, compressed, and a new tab opened on it simulates the edited scenario', async () => {
    await openCampus(page, 'stargate-abilene');
    const n = await page.evaluate(() => (globalThis as unknown as Hook).__gigawatt?.runs ?? 0);
    await page.getByTestId('slider-busy-0').evaluate((el) => {
      const input = el as unknown as { value: string; dispatchEvent(e: Event): boolean };
      input.value = '0.42';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.waitForFunction((k) => ((globalThis as unknown as Hook).__gigawatt?.runs ?? 0) > k, n, {
      timeout: 60_000,
    });
    await page.waitForFunction(
      () => (globalThis as unknown as { location: { hash: string } }).location.hash.includes('?s='),
      undefined,
      { timeout: 10_000 },
    );
    const url = page.url();
    expect(url).toMatch(/#\/campus\/stargate-abilene\?s=[A-Za-z0-9_-]+$/);
    // Compressed: far shorter than the YAML it holds.
    const yamlLength = await page.evaluate(() => {
      const raw = (globalThis as unknown as { __gigawatt: { raw: unknown } }).__gigawatt.raw;
      return JSON.stringify(raw).length;
    });
    expect(url.split('?s=')[1]?.length ?? 0).toBeLessThan(yamlLength);

    const other = await context.newPage();
    await other.goto(url);
    await other.waitForFunction(
      () => ((globalThis as unknown as Hook).__gigawatt?.runs ?? 0) >= 1,
      undefined,
      {
        timeout: 60_000,
      },
    );
    const busy = await other.evaluate(
      () =>
        (
          globalThis as unknown as {
            __gigawatt: { raw: { sites: { utilisation?: { busyFraction?: number } }[] } };
          }
        ).__gigawatt.raw.sites[0]?.utilisation?.busyFraction,
    );
    expect(busy).toBe(0.42);
    expect(await other.getByTestId('slider-busy-0').inputValue()).toBe('0.42');
    await other.close();

    // Reset to the published scenario takes the edits out of the URL.
    await page.getByTestId('reset').click();
    await page.waitForFunction(
      () => !(globalThis as unknown as { location: { hash: string } }).location.hash.includes('?s='),
      undefined,
      { timeout: 10_000 },
    );
  });
});
