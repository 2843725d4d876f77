/**
 * The national build-out view (#/national) in Chromium: the BA table for the default year shows the
 * figures of `GET /api/buildout` (the `buildoutReport` JSON), the year selector changes them, the
 * who-pays panel shows the PJM and ERCOT figures, axe finds no critical or serious violation and a
 * 360 px screen does not scroll sideways. Needs /usr/bin/chromium and web/dist
 * (`node scripts/build-web.mjs`). The first build-out report takes 10–50 s on a loaded machine.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuildoutReport } from '../src/analysis/buildout/report.js';
import { type DashboardSession, openDashboard, sidewaysOverflow } from './browser-session.js';

/** Screenshots go to GIGAWATT_SCREENSHOTS (docs/img to refresh the README's), else a temporary folder. */
const IMG = process.env.GIGAWATT_SCREENSHOTS ?? mkdtempSync(join(tmpdir(), 'gigawatt-screens-'));

let context: BrowserContext;
let page: Page;
let base: string;
let session: DashboardSession | undefined;
let report: BuildoutReport;

/** Whole MW as written by hand: thousands separators, U+2212 for negatives. */
const mw = (x: number) => `${Math.round(x).toLocaleString('en-US').replace('-', '\u2212')} MW`;

/** The BA table's rows as [region, at peak, headroom, firm, curtailed if flexible]. */
async function tableRows(p: Page): Promise<string[][]> {
  return p
    .getByTestId('ba-table')
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) =>
        Array.from((tr as unknown as { children: ArrayLike<{ textContent: string | null }> }).children).map(
          (c) => (c.textContent ?? '').trim(),
        ),
      ),
    );
}

const expectedRows = (year: number) => {
  const k = report.limitsPct.indexOf(0.5);
  return report.regions
    .filter((r) => r.year === year)
    .map((r) => [
      r.region,
      mw(r.campusAtRegionPeakMW),
      `${mw(r.headroomBeforeMW[k] as number)} → ${mw(r.headroomAfterMW[k] as number)}`,
      mw(r.firmNeedMW),
      `${Math.round(r.flexible.curtailedHoursPerYear).toLocaleString('en-US')} h, ${r.flexible.curtailmentPct.toFixed(2)} %`,
    ]);
};

beforeAll(async () => {
  session = await openDashboard();
  ({ base, context, page } = session);
}, 120_000);

afterAll(async () => {
  await session?.close();
});

describe('the national build-out view', () => {
  it('says it is computing, then shows the BA table of the last year with the report’s figures', async () => {
    await page.goto(`${base}#/national`);
    await page.getByTestId('national-loading').waitFor({ timeout: 10_000 });
    await page.getByTestId('ba-table').waitFor({ timeout: 240_000 });
    // The server keeps the default report: this is the same JSON the page rendered.
    report = (await (await fetch(`${base}api/buildout`)).json()) as BuildoutReport;
    expect(report.limitsPct).toContain(0.5);
    const last = report.years[report.years.length - 1] as number;
    expect(await page.getByTestId('year-select').inputValue()).toBe(String(last));
    const rows = await tableRows(page);
    expect(rows).toEqual(expectedRows(last));
    // The national row adds the regions (docs/buildout.md §2).
    const regionsLast = report.regions.filter((r) => r.year === last);
    const foot = await page.getByTestId('ba-table').locator('tfoot td').allTextContents();
    expect(foot[0]).toBe(mw(regionsLast.reduce((a, r) => a + r.campusAtRegionPeakMW, 0)));
    expect(foot[2]).toBe(mw(regionsLast.reduce((a, r) => a + r.firmNeedMW, 0)));
    // Every BA standing in for one without data is named, with its basis.
    const standIns = (await page.getByTestId('ba-stand-ins').textContent()) ?? '';
    for (const b of report.noDataBAs) expect(standIns).toContain(b.basis);
    // The campuses really land on the grids by then: some BA carries over 1 GW at its peak.
    expect(report.regions.some((r) => r.year === last && r.campusAtRegionPeakMW > 1000)).toBe(true);
    // Headroom only shrinks when load is added.
    for (const r of report.regions)
      for (let k = 0; k < report.limitsPct.length; k++)
        expect(r.headroomAfterMW[k] as number).toBeLessThanOrEqual((r.headroomBeforeMW[k] as number) + 1e-6);
    await page.screenshot({ path: join(IMG, 'national.png'), fullPage: true });
  }, 300_000);

  it('the year selector switches the table to that year', async () => {
    const first = report.years[0] as number;
    await page.getByTestId('year-select').selectOption(String(first));
    await expect.poll(() => tableRows(page)).toEqual(expectedRows(first));
    expect(await page.getByTestId('ba-table').locator('h3').textContent()).toContain(String(first));
    await page.getByTestId('year-select').selectOption(String(report.years[report.years.length - 1]));
  });

  it('who pays: PJM cost to others per household and the ERCOT 4CP shift, as the report gives them', async () => {
    const last = report.years[report.years.length - 1] as number;
    const pjm = report.whoPays.pjm?.years.find((y) => y.year === last);
    const ercot = report.whoPays.ercot4CP.find((y) => y.year === last);
    if (!pjm || !ercot) throw new Error(`no PJM or ERCOT who-pays row for ${last}`);
    const firmRow = page.getByTestId('pjm-table').locator('tbody tr').first();
    expect(await firmRow.locator('th').textContent()).toBe('firm');
    expect(await firmRow.locator('td').nth(2).textContent()).toBe(
      `${pjm.firm.perHouseholdUSDPerMonth < 0 ? '\u2212' : ''}$${Math.abs(pjm.firm.perHouseholdUSDPerMonth).toFixed(2)}/month`,
    );
    // By hand (docs/buildout.md §4): others' extra $/yr × a household's 2.37 kW peak-load contribution
    // ÷ PJM's 2026/27 forecast peak of 159,329 MW ÷ 12 months.
    expect(pjm.firm.perHouseholdUSDPerMonth).toBeCloseTo(
      (pjm.firm.othersDeltaUSD * 2.37e-3) / 159_329 / 12,
      2,
    );
    // Negative amounts (the collar, BYOG) carry U+2212 before the dollar sign, never a hyphen.
    expect(await page.getByTestId('who-pays').textContent()).not.toMatch(/\$[\u2212-]|-\d/);
    // Bring-your-own-generation settles its own capacity: the others' cost barely moves.
    expect(Math.abs(pjm.byog.othersDeltaUSD)).toBeLessThan(Math.abs(pjm.firm.othersDeltaUSD) / 10);
    // Avoiding the 4 peaks shifts exactly what the campuses would have paid as firm (same TCOS).
    const shift = ercot.othersPayAvoidUSD - ercot.othersPayFirmUSD;
    expect(shift).toBeCloseTo(ercot.campusPaysFirmUSD, -3);
    const shown = (await page.getByTestId('ercot-shift').textContent()) ?? '';
    expect(shown).toBe(`$${Number((shift / 1e6).toPrecision(3)).toLocaleString('en-US')}M/yr`);
  });

  it('draws every located campus on the map and lists them all in the table alternative', async () => {
    const map = page.getByTestId('national-map');
    expect(await map.locator('svg circle title').count()).toBeGreaterThan(20);
    expect(await map.getByTestId('national-map-table').locator('tbody tr').count()).toBe(
      report.campuses.length,
    );
    // A campus's risk is its least likely phase still to come, as the supply-chain phases give it.
    const phases = report.supplyChain?.phases ?? [];
    const late = phases.filter((ph) => !ph.done).sort((a, b) => a.probabilityOnTime - b.probabilityOnTime)[0];
    if (!late) throw new Error('no phase still to come');
    const lowest = Math.min(
      ...phases.filter((ph) => ph.campusId === late.campusId && !ph.done).map((ph) => ph.probabilityOnTime),
    );
    // Cells after the row header (the campus's name, a <th scope="row">).
    const cells = await map.locator(`tr[data-campus="${late.campusId}"] td`).allTextContents();
    expect(cells[2]).toBe(`${(lowest * 100).toFixed(1)} %`);
    expect(cells[3]).toBe(
      lowest < 0.25
        ? 'likely late (< 25 %)'
        : lowest < 0.75
          ? 'at risk (25–75 %)'
          : 'likely on time (≥ 75 %)',
    );
    const online = page.getByTestId('national-online');
    const nat = report.supplyChain?.national ?? [];
    expect(await online.locator('rect title').count()).toBe(3 * nat.length);
    // Its table alternative: a row per year, announced / P50 / P90 in GW (the report's MW ÷ 1000)
    const gw = (x: number) => Number((x / 1000).toPrecision(3)).toLocaleString('en-US'); // 3 significant figures
    const rows = page.getByTestId('national-online-table').locator('tbody tr');
    expect(await rows.count()).toBe(nat.length);
    const last = nat[nat.length - 1];
    expect(last).toBeDefined();
    if (last !== undefined) {
      const row = rows.nth(nat.length - 1);
      expect(await row.locator('th').textContent()).toBe(String(last.year));
      expect(await row.locator('td').allTextContents()).toEqual([
        gw(last.announcedMW),
        gw(last.p50MW),
        gw(last.p90MW),
      ]);
    }
    expect(await page.getByTestId('national-online-table').locator('thead th').allTextContents()).toEqual([
      'year',
      'announced (GW)',
      'P50 (GW)',
      'P90 (GW)',
    ]);
  });

  it('has no critical or serious axe violation, one h1 and its own title', async () => {
    const result = await new AxeBuilder({ page }).analyze();
    const bad = result.violations
      .filter((v) => v.impact === 'critical' || v.impact === 'serious')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(bad).toEqual([]);
    expect(await page.locator('main h1').count()).toBe(1);
    expect(await page.title()).toBe('National build-out · gigawatt');
  });

  it('takes its year from the URL, keeps the chosen year there and says when a year is not in the report', async () => {
    const p = await context.newPage();
    const mid = report.years[2] as number;
    await p.goto(`${base}#/national?year=${mid}`);
    await p.getByTestId('ba-table').waitFor({ timeout: 60_000 });
    expect(await tableRows(p)).toEqual(expectedRows(mid));
    await p.getByTestId('year-select').selectOption(String(report.years[1]));
    expect(new URL(p.url()).hash).toBe(`#/national?year=${report.years[1]}`);
    await p.goto('about:blank');
    await p.goto(`${base}#/national?year=1999`);
    await p.getByTestId('ba-table').waitFor({ timeout: 60_000 });
    const last = report.years[report.years.length - 1] as number;
    expect(await p.getByTestId('year-not-in-report').textContent()).toContain('1999');
    expect(await tableRows(p)).toEqual(expectedRows(last));
    await p.close();
  });

  it('shows the server’s error, not a blank page, when the report fails', async () => {
    const p = await context.newPage();
    await p.route('**/api/buildout', (r) =>
      r.fulfill({ status: 503, contentType: 'application/json', body: '{"error":"compute pool busy"}' }),
    );
    await p.goto(`${base}#/national`);
    expect(await p.getByTestId('national-error').getByRole('alert').textContent()).toBe(
      'The build-out report failed: compute pool busy',
    );
    await p.close();
  });

  it('in French: heading, explanatory paragraphs and tables in French, numbers with a decimal comma', async () => {
    const p = await context.newPage();
    await p.goto(`${base}?lang=fr#/national`);
    await p.getByTestId('ba-table').waitFor({ timeout: 60_000 });
    expect(await p.locator('main h1').textContent()).toBe('Déploiement national');
    expect(await p.title()).toBe('Déploiement national · gigawatt');
    const dates = { announced: 'annoncées', p50: 'P50', p90: 'P90' }[report.dates];
    expect(await p.getByTestId('national-intro').textContent()).toBe(
      `${report.campuses.length} campus du registre simulés (${report.scenario}), analyse du réseau aux dates ${dates} ; méthode et sources : docs/buildout.md.`,
    );
    // The PJM paragraph's published figures (docs/buildout.md §4) written the French way: a narrow
    // no-break space between thousands, a decimal comma.
    const whoPays = (await p.getByTestId('who-pays').textContent()) ?? '';
    expect(whoPays).toContain('Marché de capacité de PJM');
    expect(whoPays).toContain('(pointe 159\u202f329 MW, marge de réserve 18,9 %)');
    expect(whoPays).toContain('P(x) = 361,1 × exp(−0,4139 x) $/MW-jour');
    expect(whoPays).toContain('contribution de 2,37 kW');
    expect(await p.getByTestId('pjm-table').locator('tbody th').first().textContent()).toBe('fermes');
    // Whole MW in the BA table: French thousands grouping, never a comma.
    for (const cell of await p.getByTestId('ba-at-peak').allTextContents())
      expect(cell).toMatch(/^\d{1,3}(\u202f\d{3})* MW$/);
    const shares = await p.getByTestId('ba-flexible').allTextContents();
    for (const cell of shares) expect(cell).toMatch(/^[\d\u202f]+ h, \d+,\d\d %$/);
    // The map's table alternative: French summary, caption and risk bands.
    const table = p.getByTestId('national-map-table');
    expect(await table.locator('summary').textContent()).toBe('Les campus sous forme de tableau');
    expect(await table.locator('caption').textContent()).toBe('Les campus et leur risque de calendrier');
    const bands = new Set(await table.locator('tbody tr td:nth-of-type(4)').allTextContents());
    expect(
      [...bands].every((b) =>
        ['probablement à l’heure (≥ 75 %)', 'à risque (25–75 %)', 'probablement en retard (< 25 %)'].includes(
          b,
        ),
      ),
      [...bands].join(' | '),
    ).toBe(true);
    // No English sentence of the page is left.
    const text = (await p.locator('main').textContent()) ?? '';
    for (const english of [
      'simulated campuses',
      'Balancing authorities',
      'Who pays',
      'PJM capacity market',
      'Cost to other customers',
      'transmission cost',
      'schedule risk',
      'as a table',
      'National IT online',
      'all regions',
      'likely late',
      'undefined',
    ])
      expect(text).not.toContain(english);
    expect(
      await p.evaluate(
        () =>
          (globalThis as unknown as { document: { documentElement: { lang: string } } }).document
            .documentElement.lang,
      ),
    ).toBe('fr');
    const axe = await new AxeBuilder({ page: p }).analyze();
    expect(axe.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious')).toEqual([]);
    await p.close();
  }, 120_000);

  it('has no horizontal page scroll at 360×740', async () => {
    const phone = await context.newPage();
    await phone.setViewportSize({ width: 360, height: 740 });
    await phone.goto(`${base}#/national`);
    await phone.getByTestId('ba-table').waitFor({ timeout: 60_000 });
    await phone.waitForTimeout(200);
    const { scroll, client } = await sidewaysOverflow(phone);
    expect(scroll).toBeLessThanOrEqual(client);
    await phone.close();
  }, 120_000);
});
