/**
 * The grid-headroom view (#/headroom) in Chromium: the BA table shows the figures of
 * `GET /api/headroom?region=all` (exactly `gigawatt headroom --json`) for three BAs and the total,
 * sorted by headroom at 0.5 %, with the Norris et al. (2025) row; choosing ERCOT draws its
 * curtailment curve, whose table agrees with `?region=ERCOT`; axe finds no critical or serious
 * violation and a 360 px screen does not scroll sideways. Needs /usr/bin/chromium and web/dist
 * (`node scripts/build-web.mjs`).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NationalHeadroom, RegionHeadroom } from '../web/src/api.js';
import { type DashboardSession, openDashboard, sidewaysOverflow } from './browser-session.js';

/** Screenshots go to GIGAWATT_SCREENSHOTS (docs/img to refresh the README's), else a temporary folder. */
const IMG = process.env.GIGAWATT_SCREENSHOTS ?? mkdtempSync(join(tmpdir(), 'gigawatt-screens-'));

let context: BrowserContext;
let page: Page;
let base: string;
let session: DashboardSession | undefined;
let all: NationalHeadroom;

/** MW written by hand as GW with one decimal and thousands separators. */
const gw = (mw: number) =>
  `${(mw / 1000).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} GW`;

const cellsOf = (p: Page, selector: string) =>
  p
    .getByTestId('headroom-table')
    .locator(selector)
    .evaluateAll((trs) =>
      trs.map((tr) =>
        Array.from((tr as unknown as { children: ArrayLike<{ textContent: string | null }> }).children).map(
          (c) => (c.textContent ?? '').trim(),
        ),
      ),
    );

beforeAll(async () => {
  session = await openDashboard();
  ({ base, context, page } = session);
}, 120_000);

afterAll(async () => {
  await session?.close();
});

describe('the grid-headroom view', () => {
  it('shows every BA with the API’s headroom at each limit, sorted by headroom at 0.5 %', async () => {
    await page.goto(`${base}#/headroom`);
    await page.getByTestId('headroom-table').waitFor({ timeout: 120_000 });
    all = (await (await fetch(`${base}api/headroom?region=all`)).json()) as NationalHeadroom;
    expect(all.limitsPct).toEqual([0.25, 0.5, 1, 5]);
    const rows = await cellsOf(page, 'tbody tr');
    expect(rows.length).toBe(all.bas);
    for (const id of ['ERCOT', 'PJM', 'CAISO']) {
      const r = all.rows.find((x) => x.region === id);
      if (!r) throw new Error(`${id} not in /api/headroom`);
      const shown = rows.find(
        (cells) => cells[0] === `${r.region} (${r.eiaBaCode})` || cells[0] === r.region,
      );
      expect(shown?.slice(1, 5)).toEqual(r.headroomMW.map(gw));
      expect(shown?.[5]).toBe('2016–2024');
      expect(shown?.[6]).toContain(
        `${r.dataQuality.imputedOrFlaggedPct.toFixed(2)} % of hours imputed or flagged`,
      );
    }
    // Sorted by the 0.5 % column, largest first.
    const byHalf = [...all.rows].sort((a, b) => (b.headroomMW[1] as number) - (a.headroomMW[1] as number));
    expect(rows.map((c) => c[2])).toEqual(byHalf.map((r) => gw(r.headroomMW[1] as number)));
    // The total is the sum of the BAs, computed here from the rows.
    const [total, norris] = await cellsOf(page, 'tfoot tr');
    expect(total?.slice(1, 5)).toEqual(
      all.limitsPct.map((_, k) => gw(all.rows.reduce((s, r) => s + (r.headroomMW[k] as number), 0))),
    );
    // Norris et al. 2025, NI R 25-01: 76 / 98 / 126 GW at 0.25 / 0.5 / 1 %; no 5 % figure.
    expect(norris?.[0]).toBe('Norris et al. 2025');
    expect(norris?.slice(1, 5).map((c) => c.split(' (')[0])).toEqual(['76.0 GW', '98.0 GW', '126.0 GW', '—']);
  }, 180_000);

  it('choosing ERCOT draws its curtailment curve, agreeing with ?region=ERCOT and the table', async () => {
    await page.getByTestId('headroom-region').selectOption('ERCOT');
    const curve = page.getByTestId('headroom-curve');
    await expect.poll(() => curve.locator('h3').textContent(), { timeout: 60_000 }).toContain('ERCOT');
    const limits = [0.1, 0.25, 0.5, 1, 2, 3, 5, 10];
    const one = (await (
      await fetch(`${base}api/headroom?region=ERCOT&curtailment=${limits.join(',')}`)
    ).json()) as RegionHeadroom;
    expect(one.results.map((r) => r.curtailmentPct)).toEqual(limits);
    expect(await curve.locator('svg circle').count()).toBe(limits.length);
    const tableRows = await curve
      .getByTestId('headroom-curve-table')
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) =>
          Array.from((tr as unknown as { children: ArrayLike<{ textContent: string | null }> }).children)
            .slice(0, 2)
            .map((c) => (c.textContent ?? '').trim()),
        ),
      );
    expect(tableRows).toEqual(one.results.map((r) => [`${r.curtailmentPct} %`, gw(r.headroomMW)]));
    // The same BA, the same method: the curve passes through the national table's ERCOT figures.
    const ercot = all.rows.find((r) => r.region === 'ERCOT');
    for (const [k, l] of all.limitsPct.entries())
      expect(one.results.find((r) => r.curtailmentPct === l)?.headroomMW).toBeCloseTo(
        ercot?.headroomMW[k] as number,
        3,
      );
    // Allowing more curtailment never lowers the headroom.
    for (let i = 1; i < one.results.length; i++)
      expect(one.results[i]?.headroomMW).toBeGreaterThanOrEqual(one.results[i - 1]?.headroomMW as number);
    await page.screenshot({ path: join(IMG, 'headroom.png'), fullPage: true });
  }, 120_000);

  it('has no critical or serious axe violation, one h1 and its own title', async () => {
    const result = await new AxeBuilder({ page }).analyze();
    const bad = result.violations
      .filter((v) => v.impact === 'critical' || v.impact === 'serious')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(bad).toEqual([]);
    expect(await page.locator('main h1').count()).toBe(1);
    expect(await page.title()).toBe('Grid headroom · gigawatt');
  });

  it('shows the server’s error, not a blank page, when the analysis fails', async () => {
    const p = await context.newPage();
    await p.route('**/api/headroom?region=all', (r) =>
      r.fulfill({ status: 503, contentType: 'application/json', body: '{"error":"compute pool busy"}' }),
    );
    await p.goto(`${base}#/headroom`);
    expect(await p.getByTestId('headroom-error').getByRole('alert').textContent()).toBe(
      'The headroom analysis failed: compute pool busy',
    );
    await p.close();
  });

  it('in French: titles, notes, headers and the curve table in French, with decimal commas', async () => {
    const p = await context.newPage();
    await p.goto(`${base}?lang=fr#/headroom`);
    await p.getByTestId('headroom-curve').waitFor({ timeout: 120_000 });
    expect(await p.locator('main h1').textContent()).toBe('Marge du réseau');
    const table = p.getByTestId('headroom-table');
    expect(await table.locator('h3').textContent()).toBe(`Marge de ${all.bas} zones d’équilibrage`);
    expect(await table.locator('.sub').textContent()).toMatch(/ ; triées par marge à 0,5 %$/);
    expect(await table.locator('thead th').allTextContents()).toEqual([
      'zone d’équilibrage',
      'à 0,25 %',
      'à 0,5 %',
      'à 1 %',
      'à 5 %',
      'années',
      'qualité des données',
    ]);
    expect(await table.locator('tfoot th').first().textContent()).toBe(`total (${all.bas} zones)`);
    // Norris et al.'s 76 / 98 / 126 GW with one decimal, as French writes it.
    const [, norris] = await cellsOf(p, 'tfoot tr');
    expect(norris?.slice(1, 4).map((c) => c.split(' (')[0])).toEqual(['76,0 GW', '98,0 GW', '126,0 GW']);
    expect(norris?.[1]).toMatch(/^76,0 GW \(nous : \d+ %\)$/);
    // The curve's table alternative: French summary and caption, limits with a decimal comma.
    const curve = p.getByTestId('headroom-curve-table');
    expect(await curve.locator('summary').textContent()).toBe('La courbe sous forme de tableau');
    expect(await curve.locator('caption').textContent()).toMatch(/^Courbe d’effacement de \S+, /);
    expect(await curve.locator('tbody th').allTextContents()).toEqual(
      ['0,1', '0,25', '0,5', '1', '2', '3', '5', '10'].map((l) => `${l} %`),
    );
    for (const cell of await curve.locator('tbody td:nth-of-type(2)').allTextContents())
      expect(cell).toMatch(/^\d{1,3}(\u202f\d{3})* h\/an$/);
    expect(await p.getByTestId('headroom-curve').locator('svg').getAttribute('aria-label')).toMatch(
      /^Marge de \S+ selon la limite d’effacement$/,
    );
    const axe = await new AxeBuilder({ page: p }).analyze();
    expect(axe.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious')).toEqual([]);
    await p.close();
  }, 180_000);

  it('has no horizontal page scroll at 360×740', async () => {
    const phone = await context.newPage();
    await phone.setViewportSize({ width: 360, height: 740 });
    await phone.goto(`${base}#/headroom`);
    await phone.getByTestId('headroom-curve').waitFor({ timeout: 60_000 });
    await phone.waitForTimeout(200);
    const { scroll, client } = await sidewaysOverflow(phone);
    expect(scroll).toBeLessThanOrEqual(client);
    await phone.close();
  }, 120_000);
});
