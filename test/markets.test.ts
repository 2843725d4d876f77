/** Who pays: PJM capacity calibration and clearing, ERCOT 4CP, large-load tariffs, SB 6 — against hand and published figures. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../src/analysis/buildout/register.js';
import { fourCP } from '../src/analysis/markets/ercot-4cp.js';
import {
  lateBill,
  SB6,
  sb6Obligations,
  TARIFFS,
  tariffFor,
} from '../src/analysis/markets/large-load-rules.js';
import {
  BRA_RESULTS,
  calibrate,
  clearWithLoad,
  HOUSEHOLD_PLC_KW,
  REFERENCE,
  vrrPrice,
} from '../src/analysis/markets/pjm-capacity.js';
import { HOUR_MS } from '../src/engine/series.js';
import { dataDir } from '../src/io/paths.js';

describe('PJM auction data', () => {
  it('the figures in the model are the ones in data/markets/pjm_bra_results.csv', () => {
    const [header, ...rows] = parseCsvText(
      readFileSync(join(dataDir(), 'markets', 'pjm_bra_results.csv'), 'utf8'),
    );
    const col = (name: string) => (header as string[]).indexOf(name);
    expect(rows).toHaveLength(BRA_RESULTS.length);
    rows.forEach((r, i) => {
      const m = BRA_RESULTS[i];
      const num = (name: string) => (r[col(name)] === '' ? null : Number(r[col(name)]));
      expect(r[col('delivery_year')]).toBe(m?.deliveryYear);
      expect(num('rto_clearing_price_usd_per_mw_day')).toBe(m?.priceUSDPerMWDay);
      expect(num('cleared_ucap_mw')).toBe(m?.clearedUCAPMW);
      expect(num('forecast_peak_load_mw')).toBe(m?.forecastPeakMW);
      expect(num('reserve_margin_pct')).toBe(m?.reserveMarginPct);
      expect(num('target_irm_pct')).toBe(m?.targetPct);
      expect(num('total_cost_usd_bn')).toBe(m?.totalCostUSDbn);
      expect(num('uncapped_price_usd_per_mw_day')).toBe(m?.uncappedUSDPerMWDay ?? null);
    });
  });
});

describe('PJM capacity clearing', () => {
  const cal = calibrate();
  it('the fit equals an independent least squares of ln P on the excess margin (numpy: ln P0 = 5.88903, k = 0.41391)', () => {
    expect(Math.log(cal.p0USDPerMWDay)).toBeCloseTo(5.88903, 4);
    expect(cal.kPerPct).toBeCloseTo(0.41391, 4);
  });
  it('each published auction is reproduced within the documented residual (≤ $12/MW-day)', () => {
    for (const r of BRA_RESULTS) {
      const x = r.reserveMarginPct - r.targetPct;
      const model = cal.p0USDPerMWDay * Math.exp(-cal.kPerPct * x);
      const published = r.uncappedUSDPerMWDay ?? r.priceUSDPerMWDay;
      expect(Math.abs(model - published), r.deliveryYear).toBeLessThan(12);
    }
    // the tight years (2025/26, 2026/27) within 1 %
    const tight = cal.residuals.filter((x) => x.excessPct < 1);
    for (const x of tight)
      expect(Math.abs(x.residualUSDPerMWDay / x.publishedUSDPerMWDay)).toBeLessThan(0.01);
  });
  it('the 2025/26 RTO cost from the price × cleared UCAP is within 10 % of the published $14.7 bn (LDA prices higher)', () => {
    const r = BRA_RESULTS[3];
    const bn = ((r?.priceUSDPerMWDay ?? 0) * (r?.clearedUCAPMW ?? 0) * 365) / 1e9;
    expect(bn).toBeCloseTo(13.37, 2);
    expect(Math.abs(bn / 14.7 - 1)).toBeLessThan(0.1);
    // 2026/27: 329.17 × 134,311 × 365 = $16.14 bn vs published "over $16.1 billion"
    expect((329.17 * REFERENCE.clearedUCAPMW * 365) / 1e9).toBeCloseTo(16.14, 2);
  });
  it('VRR 2026/27 as posted: the cap up to Point A, zero from 149,455 MW', () => {
    expect(vrrPrice(140_000)).toBe(696);
    expect(vrrPrice(145_774)).toBe(696);
    expect(vrrPrice((145_774 + 149_455) / 2)).toBeCloseTo(348, 9);
    expect(vrrPrice(150_000)).toBe(0);
  });
  it('household: the 2025/26 price rise gives $14–18 a month, as Maryland OPC reported', () => {
    const perMonth = ((269.92 - 28.92) * 365 * HOUSEHOLD_PLC_KW.value) / 1000 / 12;
    expect(perMonth).toBeGreaterThanOrEqual(14);
    expect(perMonth).toBeLessThanOrEqual(18);
  });
  it('no load, no change; flexible load at peak changes nothing; firm load raises the price', () => {
    expect(clearWithLoad(0, 'firm', { collar: false }).deltaCostUSD).toBe(0);
    expect(clearWithLoad(2000, 'flexible', { collar: false }).othersDeltaUSD).toBe(0);
    const a = clearWithLoad(500, 'firm', { collar: false });
    const b = clearWithLoad(1000, 'firm', { collar: false });
    expect(b.priceUSDPerMWDay).toBeGreaterThan(a.priceUSDPerMWDay);
    expect(b.othersDeltaUSD).toBeGreaterThan(a.othersDeltaUSD);
    // by hand: 1,000 MW lowers the margin to 1.189 × 159,329 / 160,329 − 1 = 18.158 %
    expect(b.reserveMarginPct).toBeCloseTo(100 * ((1.189 * 159_329) / 160_329 - 1), 9);
    // bring-your-own-generation keeps the margin within 0.05 points
    const byog = clearWithLoad(1000, 'byog', { collar: false });
    expect(Math.abs(byog.reserveMarginPct - 18.9)).toBeLessThan(0.05);
  });
  it('at the collar cap the price cannot move: the campuses then take a share off the others (by hand)', () => {
    const c = clearWithLoad(1000, 'firm', { collar: true });
    expect(c.priceUSDPerMWDay).toBe(329.17);
    const total = 329.17 * 134_311 * 365;
    expect(c.othersDeltaUSD).toBeCloseTo(total * (159_329 / 160_329) - total, 0);
  });
});

describe('ERCOT 4CP allocation, by hand', () => {
  // one year, 1,000 MW flat, with one 2,000 MW hour in each of June–September (UTC clock)
  const start = Date.UTC(2024, 0, 1);
  const n = 8784;
  const timeMs = Float64Array.from({ length: n }, (_, t) => start + t * HOUR_MS);
  const demandMW = new Float64Array(n).fill(1000);
  for (const m of [5, 6, 7, 8]) demandMW[(Date.UTC(2024, m, 10, 17) - start) / HOUR_MS] = 2000;
  it('a flat 500 MW campus: TCOS = $100/kW-yr × 2,000 MW; rate falls to 100·2000/2500; it pays a fifth', () => {
    const r = fourCP({ timeMs, demandMW, campusMW: new Float64Array(n).fill(500), utcOffsetHours: 0 });
    expect(r.tcosUSD).toBe(100 * 1000 * 2000);
    expect(r.firm4CPMW).toBe(2500);
    expect(r.firmRateUSDPerKWYear).toBeCloseTo(80, 9);
    expect(r.campusPaysFirmUSD).toBeCloseTo(80 * 1000 * 500, 3);
    expect(r.othersPayFirmUSD).toBeCloseTo(160e6, 3);
    expect(r.othersPayAvoidUSD).toBe(200e6);
  });
});

describe('large-load tariffs and SB 6', () => {
  it('AEP Ohio: 85 % of a 1,000 MW contract for 10 months late = 8,500 MW-months', () => {
    const t = tariffFor('AEP Ohio', 'OH');
    expect(t?.id).toBe('aep-ohio');
    const b = lateBill(TARIFFS['aep-ohio'] as NonNullable<typeof t>, 1000, 10, 10);
    expect(b.billedIdleMWMonths).toBe(8500);
    expect(b.billedIdleUSD).toBe(8500 * 1000 * 10);
    expect(lateBill(TARIFFS['aep-ohio'] as NonNullable<typeof t>, 1000, 10).billedIdleUSD).toBeNull();
    expect(tariffFor('Dominion Energy Virginia', 'VA')?.generationMinimumShare).toBe(0.6);
    expect(tariffFor('ERCOT', 'TX')).toBeUndefined();
  });
  it('SB 6 applies from 75 MW; backup of at least half the demand adds the emergency obligation', () => {
    expect(sb6Obligations(SB6.thresholdMW - 1, 0).applies).toBe(false);
    expect(sb6Obligations(100, 0).obligations.some((o) => o.includes('backup'))).toBe(false);
    expect(sb6Obligations(100, 50).obligations.some((o) => o.includes('backup'))).toBe(true);
  });
});
