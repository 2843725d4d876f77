/**
 * The dashboard's dark theme, languages and currencies in Chromium: the system's dark setting (and
 * the manual override) with axe's colour-contrast check, exported charts that keep their colours;
 * French labels, numbers and dates from a French browser or the switch; euros at a stated rate.
 * Needs /usr/bin/chromium and web/dist (`node scripts/build-web.mjs`); one Chromium for the file.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunSummary } from '../src/analysis/summary.js';
import { fileDataSource } from '../src/io/data-source.js';
import { loadScenario } from '../src/io/load-scenario.js';
import { runScenario } from '../src/run.js';
import { type DashboardSession, openDashboard } from './browser-session.js';

/** Screenshots go to GIGAWATT_SCREENSHOTS (docs/img to refresh the README's), else a temporary folder. */
const IMG = process.env.GIGAWATT_SCREENSHOTS ?? mkdtempSync(join(tmpdir(), 'gigawatt-screens-'));

let session: DashboardSession | undefined;
let context: BrowserContext;
let base: string;

type Hook = { __gigawatt?: { runs: number } };

/** The browser globals the page-side callbacks read (the tests type-check without the DOM library). */
type Win = {
  document: { documentElement: { lang: string } };
  getComputedStyle(e: unknown): { backgroundColor: string; color: string; fill: string };
  localStorage: { getItem(k: string): string | null };
};

async function seriousViolations(p: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page: p }).analyze();
  return result.violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function openCampus(p: Page, name: string, query = ''): Promise<void> {
  await p.goto(`${base}${query}#/campus/${name}`);
  await p.waitForFunction(() => ((globalThis as unknown as Hook).__gigawatt?.runs ?? 0) >= 1, undefined, {
    timeout: 60_000,
  });
  await p.getByTestId('hourly-chart').locator('canvas').first().waitFor();
}

/** Relative luminance of an `rgb(r, g, b)` colour (WCAG 2.x). */
function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

beforeAll(async () => {
  session = await openDashboard({ colorScheme: 'dark' });
  ({ base, context } = session);
}, 120_000);

afterAll(async () => {
  await session?.close();
});

describe('dark theme (browser set to prefers-color-scheme: dark)', () => {
  it('follows the system setting: dark page, light text, with WCAG AA contrast', async () => {
    const p = await context.newPage();
    await p.goto(base);
    await p.getByTestId('gallery').waitFor({ timeout: 30_000 });
    const [bg, fg] = await p.evaluate(() => {
      const cs = (globalThis as unknown as Win).getComputedStyle(
        (globalThis as unknown as Win).document.documentElement,
      );
      return [cs.backgroundColor, cs.color];
    });
    // #0b1120 and #e5e7eb: contrast (L1 + 0.05) / (L2 + 0.05) well above 4.5.
    expect(luminance(bg)).toBeLessThan(0.02);
    expect((luminance(fg) + 0.05) / (luminance(bg) + 0.05)).toBeGreaterThan(12);
    await p.close();
  });

  const pages = [
    ['gallery', '', 'gallery'],
    ['compare page', '#/compare/anthropic-fluidstack/stargate-abilene', 'compare-table'],
    ['not-found page', '#/campus/no-such-campus', 'not-found'],
  ] as const;
  for (const [name, path, ready] of pages) {
    it(`the ${name} has no critical or serious axe violation (colour contrast included)`, async () => {
      const p = await context.newPage();
      await p.goto(`${base}${path}`);
      await p.getByTestId(ready).first().waitFor({ timeout: 60_000 });
      await p.waitForTimeout(300);
      expect(await seriousViolations(p)).toEqual([]);
      await p.close();
    });
  }

  it('the national build-out and headroom pages (maps, charts, tables) have no critical or serious violation', async () => {
    const p = await context.newPage();
    await p.goto(`${base}#/headroom`);
    await p.getByTestId('headroom-table').waitFor({ timeout: 120_000 });
    await p.waitForTimeout(300);
    expect(await seriousViolations(p)).toEqual([]);
    await p.goto(`${base}#/national`);
    await p.getByTestId('ba-table').waitFor({ timeout: 240_000 });
    await p.getByTestId('national-map').waitFor();
    expect(await seriousViolations(p)).toEqual([]);
    await p.close();
  }, 400_000);

  it('the flexible campus (every view, YAML tab) has no critical or serious violation', async () => {
    const p = await context.newPage();
    await openCampus(p, 'anthropic-fluidstack-flexible');
    await p.getByTestId('flexibility').waitFor({ timeout: 60_000 });
    expect(await seriousViolations(p)).toEqual([]);
    await p.getByTestId('tab-yaml').click();
    await p.getByTestId('yaml-editor').waitFor();
    expect(await seriousViolations(p)).toEqual([]);
    // The charts draw on the dark surface: the bar chart's background rect is dark.
    const chartBg = await p
      .locator('.chart svg[role="img"] > rect')
      .first()
      .evaluate((r) => (globalThis as unknown as Win).getComputedStyle(r).fill);
    expect(luminance(chartBg)).toBeLessThan(0.02);
    await p.close();
  });

  it('an exported SVG carries concrete colours (no custom properties) and its dark background', async () => {
    const p = await context.newPage();
    await openCampus(p, 'anthropic-fluidstack');
    const chart = p.locator('section.chart', { has: p.locator('svg[role="img"]') }).nth(1);
    const [download] = await Promise.all([
      p.waitForEvent('download'),
      chart.getByRole('button', { name: 'SVG' }).click(),
    ]);
    const svg = readFileSync((await download.path()) as string, 'utf8');
    expect(svg).not.toContain('var(');
    const bg = /<rect[^>]*style="fill: (rgb\([^)]*\))/.exec(svg)?.[1] ?? '';
    expect(luminance(bg)).toBeLessThan(0.02);
    // Text drawn in the light text colour, readable on that background.
    const text = /<text[^>]*style="fill: (rgb\([^)]*\))/.exec(svg)?.[1] ?? '';
    expect((luminance(text) + 0.05) / (luminance(bg) + 0.05)).toBeGreaterThan(4.5);
    await p.close();
  });

  it('the manual override (light, dark, system) applies at once and is kept across a reload', async () => {
    const p = await context.newPage();
    await p.goto(base);
    await p.getByTestId('gallery').waitFor({ timeout: 30_000 });
    const rootBg = () =>
      p.evaluate(
        () =>
          (globalThis as unknown as Win).getComputedStyle(
            (globalThis as unknown as Win).document.documentElement,
          ).backgroundColor,
      );
    await p.getByTestId('theme').selectOption('light');
    expect(await rootBg()).toBe('rgb(248, 250, 252)');
    await p.reload();
    await p.getByTestId('gallery').waitFor();
    expect(await rootBg()).toBe('rgb(248, 250, 252)');
    expect(await p.getByTestId('theme').inputValue()).toBe('light');
    expect(await seriousViolations(p)).toEqual([]);
    await p.getByTestId('theme').selectOption('system');
    expect(await rootBg()).toBe('rgb(11, 17, 32)');
    expect(
      await p.evaluate(() => (globalThis as unknown as Win).localStorage.getItem('gigawatt.theme')),
    ).toBeNull();
    await p.close();
  });
});

/** U+202F, the narrow no-break space French number formats group thousands with. */
const NNBSP = '\u202f';

describe('French (a browser whose language is fr-FR)', () => {
  it('the campus page has French labels, headings and status, French numbers and dates (in the dark theme)', async () => {
    const fr = await session?.browser.newContext({
      locale: 'fr-FR',
      colorScheme: 'dark',
      viewport: { width: 1400, height: 1000 },
    });
    if (!fr) throw new Error('no browser');
    const p = await fr.newPage();
    await openCampus(p, 'anthropic-fluidstack');
    expect(await p.evaluate(() => (globalThis as unknown as Win).document.documentElement.lang)).toBe('fr');
    expect(await p.locator('nav').textContent()).toContain('Scénarios');
    expect(await p.getByTestId('locale').inputValue()).toBe('fr');
    // KPI labels, chart titles, control labels, table headers and the status in French.
    const kpis = p.getByTestId('kpis');
    expect(await kpis.locator('[data-metric="facilityEnergyMWh"] .kpi-label').textContent()).toBe(
      'Énergie du site',
    );
    expect(await p.getByTestId('hourly-chart').locator('h3').textContent()).toBe('Puissance horaire');
    expect(await p.getByTestId('controls').textContent()).toContain('Taux d’occupation');
    expect(await p.getByTestId('map-table').locator('thead').textContent()).toContain('zone');
    await expect
      .poll(() => p.getByTestId('run-status').textContent(), { timeout: 60_000 })
      .toMatch(/^[\d\u202f]+ heures simulées dans votre navigateur en [\d\u202f]+ ms/);
    // PUE with a decimal comma (a ratio near 1.1–1.4 at three decimals: "1,234").
    expect(await kpis.locator('[data-metric="pue"] .kpi-value').textContent()).toMatch(/^1,\d{3}$/);
    // 144,000 accelerators in the phase table (the published 1 GW-class phase) read "144 000".
    const cells = await p.getByTestId('phase-table').locator('tbody td').allTextContents();
    expect(cells).toContain(`144${NNBSP}000`);
    expect(cells.join(' ')).not.toMatch(/\d,\d{3}(?!\d)|\d\.\d/);
    // The period, 2026-01-01 → 2030-12-31, as French dates; hours (43,824 = 5 years) grouped with U+202F.
    const note = (await p.locator('.results > p.note').last().textContent()) ?? '';
    expect(note).toContain(`43${NNBSP}824 heures simulées, du 1 janv. 2026 au 31 déc. 2030 (UTC)`);
    // Time axes stay ISO in every language.
    expect(await p.getByTestId('hourly-range').textContent()).toMatch(
      /^2026-01-01 00:00 → 2030-12-31 23:00 UTC$/,
    );
    expect(await p.title()).toMatch(/ · gigawatt$/);
    expect(await seriousViolations(p)).toEqual([]);
    await p.screenshot({ path: join(IMG, 'campus-fr-dark.png') });
    await fr.close();
  });

  it('the switch sets the language at once, keeps it in the URL and localStorage, and English comes back', async () => {
    const p = await context.newPage();
    await p.goto(`${base}#/compare/anthropic-fluidstack/stargate-abilene`);
    await p.getByTestId('compare-table').waitFor({ timeout: 60_000 });
    expect(await p.locator('main h1').textContent()).toBe('Compare');
    await p.getByTestId('locale').selectOption('fr');
    await p.getByTestId('compare-table').waitFor({ timeout: 60_000 });
    expect(await p.locator('main h1').textContent()).toBe('Comparer');
    expect(await p.evaluate(() => (globalThis as unknown as Win).document.documentElement.lang)).toBe('fr');
    expect(new URL(p.url()).searchParams.get('lang')).toBe('fr');
    expect(new URL(p.url()).hash).toBe('#/compare/anthropic-fluidstack/stargate-abilene');
    // The periods differ: the common window (2026 → 2029) is shown by default, dated in French.
    expect(await p.getByTestId('compare-table').locator('thead').textContent()).toContain(
      'A: anthropic-fluidstack (du 1 janv. 2026 au 31 déc. 2029)',
    );
    expect(await p.title()).toBe('Comparer anthropic-fluidstack et stargate-abilene · gigawatt');
    // Calendar months named in French on the PUE chart (every other month is labelled).
    const pue = p.locator('section.chart', { hasText: 'PUE par mois calendaire' });
    expect(await pue.locator('svg > text').allTextContents()).toEqual(
      expect.arrayContaining(['janv.', 'mars', 'mai', 'juil.', 'sept.', 'nov.']),
    );
    // A new tab without ?lang= takes the stored choice.
    const q = await context.newPage();
    await q.goto(base);
    await q.getByTestId('gallery').waitFor({ timeout: 30_000 });
    expect(await q.locator('main h1').textContent()).toBe('Scénarios');
    await q.getByTestId('locale').selectOption('en');
    expect(await q.locator('main h1').textContent()).toBe('Scenarios');
    expect(await q.evaluate(() => (globalThis as unknown as Win).document.documentElement.lang)).toBe('en');
    await q.close();
    await p.close();
  });
});

/** The Node summary of anthropic-fluidstack, the reference for the money figures. */
let nodeSummary: RunSummary | undefined;
function fluidstackInNode(): RunSummary {
  if (!nodeSummary) {
    const { scenario, raw } = loadScenario('anthropic-fluidstack');
    nodeSummary = runScenario(scenario, fileDataSource(), { raw }).summary;
  }
  return nodeSummary;
}

/** "€40.1B" / "$1.2M" / "−€7.78B" → the amount in currency units. */
function money(text: string): number {
  const m = /^(\u2212?)[$€]([\d.,]+)([BMk]?)$/.exec(text.replace(/,/g, ''));
  if (!m) throw new Error(`not a money figure: ${text}`);
  const f = { B: 1e9, M: 1e6, k: 1e3, '': 1 }[m[3] as 'B' | 'M' | 'k' | ''];
  return (m[1] ? -1 : 1) * Number(m[2]) * f;
}

describe('euros at a stated rate', () => {
  it('the EUR switch divides every money figure by the rate typed beside it, and says so', async () => {
    const s = fluidstackInNode();
    const flows = s.economics.cashFlows ?? [];
    const first = flows[0];
    if (!first || s.economics.npvUSD === undefined) throw new Error('no cash flows in Node');
    const p = await context.newPage();
    await openCampus(p, 'anthropic-fluidstack', '?lang=en');
    const capexKpi = p.getByTestId('kpis').locator('[data-metric="capexUSD"] .kpi-value');
    // US dollars first: the run's capex to three significant digits.
    expect(money((await capexKpi.textContent()) ?? '')).toBeCloseTo(
      Number(s.totals.capexUSD.toPrecision(3)),
      -6,
    );
    // A rate of 1.25 US$ per € (a round figure to check by hand: $50B → €40B).
    await p.getByTestId('usd-per-eur').fill('1.25');
    await p.getByTestId('usd-per-eur').press('Enter');
    await p.getByTestId('usd-per-eur').blur();
    await p.getByTestId('currency').selectOption('EUR');
    await p.getByTestId('economics').waitFor({ timeout: 60_000 });
    const rate = 1.25;
    const within = (shown: number, usd: number) => {
      // Three significant digits of usd / rate: off by at most half a unit in the third digit.
      const exact = usd / rate;
      const unit = 10 ** (Math.floor(Math.log10(Math.abs(exact))) - 2);
      expect(Math.abs(shown - exact)).toBeLessThanOrEqual(unit / 2 + 1e-9 * Math.abs(exact));
    };
    await expect.poll(() => capexKpi.textContent(), { timeout: 60_000 }).toMatch(/^€/);
    within(money((await capexKpi.textContent()) ?? ''), s.totals.capexUSD);
    expect(await p.getByTestId('kpis').locator('[data-metric="capexUSD"] .kpi-label').textContent()).toBe(
      'Capex (€, 1.2500 US$/€)',
    );
    const econ = p.getByTestId('economics');
    within(
      money((await econ.locator('[data-kpi="npv"] .kpi-value').textContent()) ?? ''),
      s.economics.npvUSD,
    );
    const row = econ.locator('[data-testid="cash-flow-table"] tbody tr').first();
    within(money((await row.locator('[data-col="capexUSD"]').textContent()) ?? ''), first.capexUSD);
    expect(await econ.getByTestId('money-note').textContent()).toContain('1.2500 US$ per €');
    // The chart's axis is in euros, and its bars are the converted figures.
    expect(await econ.getByTestId('cash-flow-chart').locator('svg').textContent()).toContain('€ billion');
    expect(new URL(p.url()).searchParams.get('currency')).toBe('EUR');
    expect(new URL(p.url()).searchParams.get('usdPerEur')).toBe('1.25');
    // A bad rate is refused (the field says so) and the stated one stays in force.
    await p.getByTestId('usd-per-eur').fill('-3');
    expect(await p.getByTestId('usd-per-eur').getAttribute('aria-invalid')).toBe('true');
    await p.getByTestId('usd-per-eur').blur();
    expect(new URL(p.url()).searchParams.get('usdPerEur')).toBe('1.25');
    // Back to dollars for the other tests of this context.
    await p.getByTestId('currency').selectOption('USD');
    await expect.poll(() => capexKpi.textContent(), { timeout: 60_000 }).toMatch(/^\$/);
    await p.close();
  });
});
