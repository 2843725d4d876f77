/**
 * The sweeps view (#/sweeps) in Chromium: a small sweep of an edited scenario (Stargate Abilene cut to
 * 2025-06..2026-12, carried in the link as the campus page writes it) is started from the page, shows
 * its progress with a rate and the time left, and its result; the result agrees with `gigawatt sweep
 * --json` run on the same YAML, seed and `--vary` arguments (same seed, same samples, whatever runs
 * them); the link `#/sweeps/ID` reopens it with the form refilled; another sweep is cancelled; bad
 * input is refused on the row it is about (a distribution in the browser, an unknown field path by the
 * server) and nothing starts; axe finds no critical or serious violation; a 360 px screen does not
 * scroll sideways. Needs /usr/bin/chromium and web/dist (`node scripts/build-web.mjs`), and dist/
 * (`npm run build`) for the CLI.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SweepReport } from '../src/analysis/sweep/report.js';
import type { SweepState } from '../web/src/api.js';
import { type DashboardSession, openDashboard, sidewaysOverflow } from './browser-session.js';

const ROOT = join(import.meta.dirname, '..');
/** Screenshots go to GIGAWATT_SCREENSHOTS (docs/img to refresh the README's), else a temporary folder. */
const IMG = process.env.GIGAWATT_SCREENSHOTS ?? mkdtempSync(join(tmpdir(), 'gigawatt-screens-'));
let context: BrowserContext;
let page: Page;
let base: string;
let session: DashboardSession | undefined;
let dir: string;
let yamlPath: string;
let packed: string;
let editedYaml: string;
let sweepId: string;
let report: SweepReport;

/** The inputs the page fills in for an ERCOT site without GB300 (docs/sweeps.md's worked example). */
const VARY = [
  'economics.revenue.usdPerAcceleratorHour=uniform:2,6',
  'sites[0].utilisation.busyFraction=triangular:0.6,0.85,0.95',
  'economics.discountRate=uniform:0.06,0.12',
  'sites[0].supply.transmissionUSDPerKWYear=uniform:50,150',
];
const SAMPLES = 8;
const SEED = 3;

/** Dollars written by hand as the dashboard writes billions: three significant digits, U+2212 minus. */
const usdB = (x: number) => {
  const a = Math.abs(x);
  const [f, u] = a >= 1e9 ? [1e9, 'B'] : [1e6, 'M'];
  return `${x < 0 ? '\u2212' : ''}$${Number((a / f).toPrecision(3))}${u}`;
};

const rowsOf = (p: Page, testId: string) =>
  p
    .getByTestId(testId)
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) =>
        Array.from((tr as unknown as { children: ArrayLike<{ textContent: string | null }> }).children).map(
          (c) => (c.textContent ?? '').trim(),
        ),
      ),
    );

/** No sideways page scroll, and every chart, KPI and input row within the screen. */
async function noSidewaysScroll(p: Page): Promise<void> {
  const { scroll, client, over } = await sidewaysOverflow(
    p,
    'svg, .chart, .kpi, nav, .sweep-row, select, input',
  );
  expect(scroll).toBeLessThanOrEqual(client);
  expect(over).toEqual([]);
}

async function seriousAxe(p: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page: p }).analyze();
  return result.violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gigawatt-sweeps-'));
  const yaml = readFileSync(join(ROOT, 'scenarios', 'stargate-abilene.yaml'), 'utf8').replace(
    /^end: 2029-12-31$/m,
    'end: 2026-12-31',
  );
  if (!yaml.includes('end: 2026-12-31')) throw new Error('stargate-abilene.yaml: no `end: 2029-12-31` line');
  editedYaml = yaml;
  yamlPath = join(dir, 'short.yaml');
  writeFileSync(yamlPath, yaml);
  // As the campus page writes edits into its URL (web/src/url-state.ts): raw deflate, base64url.
  packed = deflateRawSync(Buffer.from(yaml)).toString('base64url');
  session = await openDashboard();
  ({ base, context, page } = session);
}, 120_000);

afterAll(async () => {
  await session?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the sweeps view', () => {
  it('runs a sweep of the edited scenario with live progress, and its result is the CLI’s', async () => {
    await page.goto(`${base}#/sweeps?scenario=stargate-abilene&s=${packed}`);
    const select = page.getByTestId('sweep-scenario');
    await expect
      .poll(() =>
        select.evaluate(
          (s) => (s as unknown as { selectedOptions: { text: string }[] }).selectedOptions[0]?.text,
        ),
      )
      .toBe('stargate-abilene (edited on the campus page)');
    expect(await page.title()).toBe('Sweeps · gigawatt');
    // Pre-filled as the CLI's worked example, the 4CP charge because the site is in ERCOT.
    const paths = await page
      .getByTestId('sweep-path')
      .evaluateAll((es) => es.map((e) => (e as unknown as { value: string }).value));
    const dists = await page
      .getByTestId('sweep-dist')
      .evaluateAll((es) => es.map((e) => (e as unknown as { value: string }).value));
    expect(paths.map((p, i) => `${p}=${dists[i]}`)).toEqual(VARY);
    await page.getByTestId('sweep-samples').fill(String(SAMPLES));
    await page.getByTestId('sweep-seed').fill(String(SEED));
    // Every text the progress line shows, recorded as the page renders it: a short sweep can show its
    // rate for less than a frame, which polling for it would miss.
    await page.evaluate(() => {
      const w = globalThis as unknown as {
        __progressTexts: string[];
        document: { body: unknown; querySelector(s: string): { textContent: string | null } | null };
        MutationObserver: new (f: () => void) => { observe(n: unknown, o: object): void };
      };
      w.__progressTexts = [];
      new w.MutationObserver(() => {
        const t = w.document.querySelector('[data-testid=sweep-progress]')?.textContent;
        if (t && w.__progressTexts[w.__progressTexts.length - 1] !== t) w.__progressTexts.push(t);
      }).observe(w.document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.getByTestId('sweep-start').click();

    // Progress: samples done of the total, then a rate and the time left once two samples are in.
    const progress = page.getByTestId('sweep-progress');
    await progress.waitFor({ timeout: 60_000 });
    expect(await progress.textContent()).toMatch(new RegExp(`^\\d / ${SAMPLES} samples`));
    expect(await page.getByTestId('sweep-running-what').textContent()).toMatch(
      /^Sweep of stargate-abilene, 8 samples, submitted \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \((queued|running) on the server\)$/,
    );
    await page.getByTestId('sweep-result').waitFor({ timeout: 240_000 });
    const shown = await page.evaluate(
      () => (globalThis as unknown as { __progressTexts: string[] }).__progressTexts,
    );
    expect(
      shown.some((t) => /samples\/s · about \d+ s left/.test(t)),
      shown.join(' | '),
    ).toBe(true);
    const id = /#\/sweeps\/([0-9a-f-]+)$/.exec(page.url())?.[1];
    if (!id) throw new Error(`no sweep id in ${page.url()}`);
    sweepId = id;
    const state = (await (await fetch(`${base}api/sweeps/${sweepId}`)).json()) as SweepState;
    expect(state.status).toBe('done');
    report = state.report as SweepReport;

    // The same sweep on the command line: same YAML, seed and distributions give the same report.
    const cli = JSON.parse(
      execFileSync(
        process.execPath,
        [
          join(ROOT, 'dist', 'cli.js'),
          'sweep',
          yamlPath,
          '--samples',
          String(SAMPLES),
          '--seed',
          String(SEED),
          '--workers',
          '2',
          '--no-store',
          '--json',
          '-q',
          ...VARY.flatMap((v) => ['--vary', v]),
        ],
        { encoding: 'utf8', timeout: 240_000 },
      ),
    ) as SweepReport;
    expect(report.samples).toBe(SAMPLES);
    expect(report.inputs).toEqual(cli.inputs);
    expect(report.metrics).toEqual(cli.metrics);
    expect(report.tornado).toEqual(cli.tornado);
    expect(report.breakEvenYear).toEqual(cli.breakEvenYear);
    expect(report.byYear).toEqual(cli.byYear);

    // What the page shows is that report: the break-even histogram's table (shares by hand) …
    const be = report.breakEvenYear;
    const years = Object.keys(be.byYear).map(Number);
    const expected: string[][] = [];
    for (let y = Math.min(...years); y <= Math.max(...years); y++) {
      const n = be.byYear[String(y)] ?? 0;
      expected.push([String(y), String(n), `${((100 * n) / SAMPLES).toFixed(1)} %`]);
    }
    if (be.none > 0)
      expected.push([
        'not within the period',
        String(be.none),
        `${((100 * be.none) / SAMPLES).toFixed(1)} %`,
      ]);
    expect(await rowsOf(page, 'sweep-break-even-table')).toEqual(expected);
    expect(expected.reduce((a, r) => a + Number(r[1]), 0)).toBe(SAMPLES);
    // … the tornado, largest |ρ| first, ρ with two decimals and a real minus sign …
    const tornado = await rowsOf(page, 'sweep-tornado-table');
    expect(tornado.map((r) => r[1])).toEqual(
      cli.tornado.ranking.map((b) => `${b.rho >= 0 ? '+' : '\u2212'}${Math.abs(b.rho).toFixed(2)}`),
    );
    const absRho = cli.tornado.ranking.map((b) => Math.abs(b.rho));
    expect(absRho).toEqual([...absRho].sort((a, b) => b - a));
    // … and NPV's P50 in billions, three significant digits.
    const billions = usdB(cli.metrics.npvUSD?.p50 as number);
    expect(await page.locator('[data-kpi=npvUSD] .kpi-value').textContent()).toBe(billions);
    expect((await rowsOf(page, 'sweep-economics-table'))[0]?.slice(0, 4)).toEqual([
      'NPV',
      expect.any(String),
      billions,
      expect.any(String),
    ]);
    // The fan of the net cash flow: one row per calendar year of the cash flows, P5 ≤ P50 ≤ P95; they
    // begin in 2024, when phase 1's capex is spent ahead of its 2025-06-01 start, and end with the period.
    const net = cli.byYear.netCashFlowUSD ?? [];
    expect(net.map((q) => q.year)).toEqual([2024, 2025, 2026]);
    for (const q of net) expect(q.p5 <= q.p50 && q.p50 <= q.p95).toBe(true);
    const fanRows = await rowsOf(page, 'sweep-fan-netCashFlowUSD-table');
    expect(fanRows.map((r) => r[0])).toEqual(net.map((q) => String(q.year)));
    expect(fanRows.map((r) => r[2])).toEqual(net.map((q) => usdB(q.p50)));
    expect(await page.getByTestId('sweep-fan-netCashFlowUSD').locator('svg polygon').count()).toBe(1);
    // Every simulated year has its CO2.
    expect((cli.byYear.co2Tonnes ?? []).map((q) => q.year)).toEqual([2025, 2026]);
    await page.getByTestId('sweep-result').screenshot({ path: join(IMG, 'sweeps.png') });
  }, 600_000);

  it('has no critical or serious axe violation on the result, and one h1', async () => {
    expect(await seriousAxe(page)).toEqual([]);
    expect(await page.locator('main h1').count()).toBe(1);
  }, 60_000);

  it('reopens the result from its link, with the form refilled, and fits 360 px', async () => {
    const phone = await context.newPage();
    await phone.setViewportSize({ width: 360, height: 740 });
    await phone.goto(`${base}#/sweeps/${sweepId}`);
    await phone.getByTestId('sweep-result').waitFor({ timeout: 60_000 });
    expect(await phone.title()).toBe('Sweep result · gigawatt');
    expect(await phone.getByTestId('sweep-samples').inputValue()).toBe(String(SAMPLES));
    expect(await phone.getByTestId('sweep-seed').inputValue()).toBe(String(SEED));
    expect(await rowsOf(phone, 'sweep-tornado-table')).toEqual(await rowsOf(page, 'sweep-tornado-table'));
    await phone.waitForTimeout(200);
    await noSidewaysScroll(phone);
    await phone.close();
  }, 120_000);

  it('in French: the result, its charts and tables in French, numbers with a decimal comma', async () => {
    const p = await context.newPage();
    await p.goto(`${base}?lang=fr#/sweeps/${sweepId}`);
    await p.getByTestId('sweep-result').waitFor({ timeout: 60_000 });
    expect(await p.locator('main h1').textContent()).toBe('Simulations Monte-Carlo');
    expect(await p.title()).toBe('Résultat de la simulation · gigawatt');
    expect(await p.locator('#sweep-result-h').textContent()).toBe(
      `${report.scenario} : ${SAMPLES} tirages (${report.method}, graine ${SEED})`,
    );
    // Chart titles and the table alternatives' summaries and captions.
    const fan = p.getByTestId('sweep-fan-netCashFlowUSD');
    expect(await fan.locator('h3').textContent()).toBe('Flux de trésorerie net par an');
    expect(await fan.locator('caption').textContent()).toBe('Flux de trésorerie net par an');
    expect(await fan.locator('summary').textContent()).toBe('L’éventail sous forme de tableau');
    expect(await p.getByTestId('sweep-break-even').locator('caption').textContent()).toBe(
      'Année du seuil de rentabilité',
    );
    expect(await p.getByTestId('sweep-tornado').locator('h3').textContent()).toBe(
      'Tornade : ce qui fait varier VAN',
    );
    // The tornado's ρ with a decimal comma (two decimals, real minus), in the CLI's order …
    const cli = report.tornado.ranking.map(
      (b) => `${b.rho >= 0 ? '+' : '\u2212'}${Math.abs(b.rho).toFixed(2).replace('.', ',')}`,
    );
    expect((await rowsOf(p, 'sweep-tornado-table')).map((r) => r[1])).toEqual(cli);
    // … the break-even shares by hand, "x,y %" …
    const be = report.breakEvenYear;
    const shares = await rowsOf(p, 'sweep-break-even-table');
    for (const [label, count, share] of shares) {
      const n = label === 'pas dans la période' ? be.none : (be.byYear[label as string] ?? 0);
      expect(count).toBe(String(n));
      expect(share).toBe(`${((100 * n) / SAMPLES).toFixed(1).replace('.', ',')} %`);
    }
    // … and NPV's P50 as French writes billions (milliards, "Md"): 3 significant digits, decimal comma.
    const npv = report.metrics.npvUSD?.p50 as number;
    const a = Math.abs(npv);
    const [f, u] = a >= 1e9 ? [1e9, 'Md'] : [1e6, 'M'];
    expect(await p.locator('[data-kpi=npvUSD] .kpi-value').textContent()).toBe(
      `${npv < 0 ? '\u2212' : ''}${String(Number((a / f).toPrecision(3))).replace('.', ',')}\u00a0${u}$`,
    );
    // The form refilled from the report, its labels in French.
    expect(await p.getByTestId('sweep-start').textContent()).toBe('Lancer la simulation');
    expect(await p.locator('.sweep-form legend').textContent()).toBe('Entrées incertaines');
    expect(await p.locator('.sweep-row .sweep-input-label').first().textContent()).toBe(
      'Revenu par heure-accélérateur ($)',
    );
    // No English sentence and no message key left in the page.
    const text = (await p.locator('main').textContent()) ?? '';
    for (const english of [
      'samples',
      'Break-even',
      'Payback',
      'Economics over',
      'Tornado',
      'as a table',
      'not within the period',
      'Uncertain inputs',
      'Spread of each',
      'Quantiles are',
      'Band:',
      ' to P95',
      'undefined',
    ])
      expect(text, english).not.toContain(english);
    // A message key shown as is (docs/sweeps.md, quoted in the form's note, is a file, not a key).
    expect(text).not.toMatch(/\b(sweeps|input|fan|hist|ranges|tornado|table|chart)\.(?!md\b)[a-z]\w*/);
    expect(await seriousAxe(p)).toEqual([]);
    await p.close();
  }, 120_000);

  it('in French: form errors in French, a decimal grouping with a narrow no-break space', async () => {
    const p = await context.newPage();
    let posts = 0;
    p.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/sweeps')) posts++;
    });
    await p.goto(`${base}?lang=fr#/sweeps?scenario=stargate-abilene`);
    await p.getByTestId('sweep-input').nth(1).waitFor();
    await p.getByTestId('sweep-dist').nth(1).fill('triangular:0.95,0.85,0.6');
    await p.getByTestId('sweep-samples').fill('0');
    await p.getByTestId('sweep-start').click();
    // The row's prefix is French; the distribution check's own message is the model's, in English.
    expect(await p.getByTestId('sweep-input').nth(1).getByTestId('sweep-input-error').textContent()).toBe(
      'Entrée 2 : uncertainty sites[0].utilisation.busyFraction.min: min must be ≤ max (got 0.95)',
    );
    expect(await p.getByRole('alert').filter({ hasText: 'Tirages' }).textContent()).toBe(
      'Tirages : un nombre entier de 1 à 2\u202f000 (reçu "0")',
    );
    expect(posts).toBe(0);
    await p.goto(`${base}?lang=fr#/sweeps/00000000-0000-0000-0000-000000000000`);
    const alert = p.getByTestId('sweep-missing').getByRole('alert');
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.textContent()).toMatch(
      /^La simulation 00000000-0000-0000-0000-000000000000 n’a pas pu être ouverte : .+\. Relancez-la ci-dessous/,
    );
    await p.close();
  }, 60_000);

  it('the Sweeps link on a campus page with edits carries the edited scenario', async () => {
    const p = await context.newPage();
    await p.goto(`${base}#/campus/stargate-abilene?s=${packed}`);
    // Once the edited text is loaded (and the campus page has written it back into its URL).
    await expect
      .poll(() => p.getByTestId('run-status').textContent(), { timeout: 120_000 })
      .toMatch(/^Simulated/);
    await p.waitForTimeout(600);
    await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sweeps' }).click();
    await expect.poll(() => p.url()).toMatch(/#\/sweeps\?scenario=stargate-abilene&s=[\w-]+$/);
    const s = new URLSearchParams(p.url().split('#/sweeps?')[1]).get('s') as string;
    expect(inflateRawSync(Buffer.from(s, 'base64url')).toString('utf8')).toBe(editedYaml);
    const select = p.getByTestId('sweep-scenario');
    await expect
      .poll(() =>
        select.evaluate(
          (e) => (e as unknown as { selectedOptions: { text: string }[] }).selectedOptions[0]?.text,
        ),
      )
      .toBe('stargate-abilene (edited on the campus page)');
    await p.close();
  }, 180_000);

  it('says so when a sweep link is no longer known to the server', async () => {
    const p = await context.newPage();
    await p.goto(`${base}#/sweeps/00000000-0000-0000-0000-000000000000`);
    const alert = p.getByTestId('sweep-missing').getByRole('alert');
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.textContent()).toContain('could not be opened');
    await p.close();
  }, 60_000);

  it('refuses bad input on the row it is about, and starts nothing', async () => {
    const p = await context.newPage();
    let posts = 0;
    p.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/sweeps')) posts++;
    });
    await p.goto(`${base}#/sweeps?scenario=stargate-abilene`);
    await p.getByTestId('sweep-input').nth(1).waitFor();
    // A triangular distribution with min above max: refused in the browser, as the CLI refuses it.
    await p.getByTestId('sweep-dist').nth(1).fill('triangular:0.95,0.85,0.6');
    await p.getByTestId('sweep-samples').fill('0');
    await p.getByTestId('sweep-start').click();
    const rowError = p.getByTestId('sweep-input').nth(1).getByTestId('sweep-input-error');
    expect(await rowError.textContent()).toBe(
      'Input 2: uncertainty sites[0].utilisation.busyFraction.min: min must be ≤ max (got 0.95)',
    );
    expect(await p.getByTestId('sweep-dist').nth(1).getAttribute('aria-invalid')).toBe('true');
    // The keyboard is taken to the row in error.
    await expect
      .poll(() =>
        p
          .getByTestId('sweep-path')
          .nth(1)
          .evaluate(
            (e) =>
              e ===
              (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement,
          ),
      )
      .toBe(true);
    expect(await p.getByRole('alert').filter({ hasText: 'Samples:' }).textContent()).toBe(
      'Samples: a whole number from 1 to 2,000 (got "0")',
    );
    expect(posts).toBe(0);
    // A field that does not exist: the server refuses it (400) and the page puts that on input 1.
    await p.getByTestId('sweep-dist').nth(1).fill('triangular:0.6,0.85,0.95');
    await p.getByTestId('sweep-samples').fill('4');
    await p.getByTestId('sweep-path').nth(0).fill('economics.revenue.usdPerAcceleratorHuor');
    await p.getByTestId('sweep-start').click();
    const pathError = p.getByTestId('sweep-input').nth(0).getByTestId('sweep-input-error');
    await pathError.waitFor({ timeout: 30_000 });
    const text = (await pathError.textContent()) ?? '';
    expect(text.startsWith('Input 1: economics.revenue.usdPerAcceleratorHuor: ')).toBe(true);
    expect(text).toContain('usdPerAcceleratorHuor');
    expect(posts).toBe(1);
    expect(p.url()).toMatch(/#\/sweeps\?scenario=stargate-abilene$/);
    expect(await seriousAxe(p)).toEqual([]);
    await p.close();
  }, 120_000);

  it('a sample the scenario refuses stops the sweep with the server’s reason, not a stack', async () => {
    const p = await context.newPage();
    await p.goto(`${base}#/sweeps?scenario=stargate-abilene`);
    await p.getByTestId('sweep-input').nth(1).waitFor();
    // Unbounded normal busy fraction: with 4 Latin-hypercube strata the top one lies above
    // 0.9 + 0.2·Φ⁻¹(0.75) = 1.03, beyond the allowed 0..1.
    await p.getByTestId('sweep-dist').nth(1).fill('normal:0.9,0.2');
    await p.getByTestId('sweep-samples').fill('4');
    await p.getByTestId('sweep-start').click();
    const error = p.getByTestId('sweep-error');
    await error.waitFor({ timeout: 180_000 });
    const text = (await error.textContent()) ?? '';
    expect(text).toMatch(
      /^The sweep stopped: sample \d+ \(.*\) is not a valid scenario: sites\[0\]\.utilisation\.busyFraction: /,
    );
    expect(text).toContain('bound the distribution with min/max');
    expect(text).not.toMatch(/\n\s+at |\/work\//);
    await p.close();
  }, 240_000);

  it('cancels a running sweep: the page says so and the server has stopped it', async () => {
    const p = await context.newPage();
    await p.goto(`${base}#/sweeps?scenario=stargate-abilene`);
    await p.getByTestId('sweep-input').first().waitFor();
    await p.getByTestId('sweep-samples').fill('400');
    await p.getByTestId('sweep-start').click();
    await p.getByTestId('sweep-cancel').waitFor({ timeout: 60_000 });
    const id = /#\/sweeps\/([0-9a-f-]+)$/.exec(p.url())?.[1];
    await p.getByTestId('sweep-cancel').click();
    const cancelled = p.getByTestId('sweep-cancelled');
    await cancelled.waitFor({ timeout: 30_000 });
    expect(await cancelled.textContent()).toMatch(/^Cancelled after \d+ of 400 samples/);
    const state = (await (await fetch(`${base}api/sweeps/${id}`)).json()) as SweepState;
    expect(state.status).toBe('cancelled');
    expect(state.done).toBeLessThan(400);
    expect(await p.getByTestId('sweep-cancel').count()).toBe(0);
    await p.close();
  }, 120_000);
});
