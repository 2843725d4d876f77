/** The engine on the bundled data: weather, grid mix and phases as a planner would see them. */
import { describe, expect, it } from 'vitest';
import { yearRanges } from '../src/engine/metrics.js';
import { HOUR_MS } from '../src/engine/series.js';
import { fileDataSource } from '../src/io/data-source.js';
import { runScenario } from '../src/run.js';
import { baseScenario, parseOk } from './helpers.js';

const data = fileDataSource();

function monthlyMeanPue(pue: Float64Array, startMs: number, month: number): number {
  let sum = 0;
  let n = 0;
  for (let h = 0; h < pue.length; h++) {
    if (new Date(startMs + h * HOUR_MS).getUTCMonth() === month && (pue[h] as number) > 0) {
      sum += pue[h] as number;
      n++;
    }
  }
  return sum / n;
}

describe('PUE follows the weather', () => {
  const input = baseScenario({ start: '2026-01-01', end: '2026-12-31' });
  const site = input.sites[0];
  if (!site) throw new Error('no site');
  site.phases = [{ online: '2026-01-01', rampDays: 0, accelerator: 'h100', count: 10000 }];
  site.cooling = 'air-economiser';
  site.weather = 'phoenix-az';
  site.region = 'CAISO';
  it('air-economiser in Phoenix: July PUE above January PUE', () => {
    const s = runScenario(parseOk(input), data).sites[0]?.hourly;
    if (!s) throw new Error('no site');
    expect(monthlyMeanPue(s.pue, s.startMs, 6)).toBeGreaterThan(monthlyMeanPue(s.pue, s.startMs, 0) + 0.02);
  });
  it('air-economiser: Phoenix has a higher annual PUE than Buffalo', () => {
    const phoenix = runScenario(parseOk(input), data).summary.totals.pue;
    site.weather = 'buffalo-ny';
    const buffalo = runScenario(parseOk(input), data).summary.totals.pue;
    site.weather = 'phoenix-az';
    expect(phoenix).toBeGreaterThan(buffalo);
  });
});

describe('the daily busy shape', () => {
  it('an hourly shape moves load within the day and keeps the mean busy fraction', () => {
    const input = baseScenario();
    const site = input.sites[0];
    if (!site) throw new Error('no site');
    site.utilisation = { busyFraction: 0.5, hourlyShape: [...Array(12).fill(0.5), ...Array(12).fill(1.5)] };
    const s = runScenario(parseOk(input), data).sites[0]?.hourly;
    if (!s) throw new Error('no site');
    const h = s.hours - 24;
    const values = Array.from(s.busyFraction.subarray(h, h + 24));
    expect(Math.min(...values)).toBeCloseTo(0.25, 9);
    expect(Math.max(...values)).toBeCloseTo(0.75, 9);
    expect(values.reduce((a, b) => a + b, 0) / 24).toBeCloseTo(0.5, 9);
  });
});

describe('years and replay', () => {
  it('calendar years partition the hours, leap years included', () => {
    const ys = yearRanges(Date.UTC(2027, 6, 1), 24 * (184 + 366));
    expect(ys.map((y) => [y.year, y.to - y.from])).toEqual([
      [2027, 184 * 24],
      [2028, 366 * 24],
    ]);
  });
  it("'cycle' replays different historical grid years for different simulated years", () => {
    const input = baseScenario({ start: '2026-01-01', end: '2028-12-31', replay: 'cycle' });
    const r = runScenario(parseOk(input), data);
    const carbon = r.summary.replayedYears.find((x) => x.series === 'carbon');
    const years = Object.values(carbon?.sourceYearBySimYear ?? {});
    expect(new Set(years).size).toBe(3);
  });
});

describe('a grid region without its own fuel mix', () => {
  it('uses the labelled proxy and says so in the assumptions', () => {
    const input = baseScenario();
    const site = input.sites[0];
    if (!site) throw new Error('no site');
    site.region = 'TVA';
    site.weather = 'memphis-tn';
    site.electricityPrice = { flatUSDPerMWh: 70 };
    const r = runScenario(parseOk(input), data);
    const region = r.summary.assumptions.find((a) => a.path === 'sites[0].region');
    expect(region?.basis).toMatch(/PROXY/);
    expect(r.summary.totals.co2Tonnes).toBeGreaterThan(0);
    expect(r.summary.totals.energyCostUSD).toBeCloseTo(r.summary.totals.gridImportMWh * 70, 3);
  });
});
