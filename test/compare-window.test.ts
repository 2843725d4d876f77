/**
 * The Compare page's common window (web/src/compare-window.ts) on hand-made hourly columns: the
 * overlap of two periods, totals over it (sums, coincident peaks, PUE from energies) and its calendar
 * years, each figure worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import {
  commonWindow,
  runWindow,
  sameWindow,
  windowLabel,
  windowTotals,
  windowYears,
} from '../web/src/compare-window.js';
import type { SiteColumns } from '../web/src/protocol.js';

const H = 3_600_000;
const at = (iso: string) => Date.parse(iso);

/** A site of `hours` hours from `start` whose columns are the given functions of the hour index. */
function site(
  id: string,
  start: string,
  hours: number,
  cols: Record<string, (h: number) => number>,
): SiteColumns {
  return {
    siteId: id,
    startMs: at(start),
    hours,
    columns: Object.fromEntries(
      Object.entries(cols).map(([k, f]) => [k, Float64Array.from({ length: hours }, (_, h) => f(h))]),
    ),
  };
}

describe('commonWindow', () => {
  it('is the overlap of two periods, in whole hours', () => {
    // A: 2026-01-01 00:00 for 48 h; B: 2026-01-02 06:00 for 100 h → 2026-01-02 06:00 to 2026-01-03 00:00.
    const w = commonWindow(
      { startMs: at('2026-01-01T00:00Z'), hours: 48 },
      { startMs: at('2026-01-02T06:00Z'), hours: 100 },
    );
    expect(w).toEqual({ startMs: at('2026-01-02T06:00Z'), hours: 18 });
  });

  it('is undefined when the periods only touch or do not meet', () => {
    const a = { startMs: at('2026-01-01T00:00Z'), hours: 24 };
    expect(commonWindow(a, { startMs: at('2026-01-02T00:00Z'), hours: 24 })).toBeUndefined();
    expect(commonWindow(a, { startMs: at('2027-01-01T00:00Z'), hours: 24 })).toBeUndefined();
  });

  it('of a period inside another is that period', () => {
    const inner = { startMs: at('2026-03-01T00:00Z'), hours: 10 };
    expect(commonWindow({ startMs: at('2026-01-01T00:00Z'), hours: 8760 }, inner)).toEqual(inner);
    expect(sameWindow(inner, { ...inner })).toBe(true);
    expect(sameWindow(inner, { ...inner, hours: 11 })).toBe(false);
  });
});

describe('windowTotals', () => {
  // Two sites, 6 hours from 2026-01-01 00:00. Site x: IT 10, 20, 30, 40, 50, 60 MW, facility = IT + 5;
  // site y: IT 100, 0, 0, 0, 0, 0 MW, facility = IT × 1.5. CO2 1 t per hour per site.
  const x = site('x', '2026-01-01T00:00Z', 6, {
    itMW: (h) => 10 * (h + 1),
    facilityMW: (h) => 10 * (h + 1) + 5,
    co2Tonnes: () => 1,
  });
  const y = site('y', '2026-01-01T00:00Z', 6, {
    itMW: (h) => (h === 0 ? 100 : 0),
    facilityMW: (h) => (h === 0 ? 150 : 0),
    co2Tonnes: () => 1,
  });

  it('sums MW over the window’s hours into MWh, over every site', () => {
    // Hours 2..4: x IT 30 + 40 + 50 = 120 MWh, facility 135 MWh; y nothing.
    const t = windowTotals([x, y], { startMs: at('2026-01-01T02:00Z'), hours: 3 });
    expect(t.itEnergyMWh).toBe(120);
    expect(t.facilityEnergyMWh).toBe(135);
    expect(t.pue).toBeCloseTo(135 / 120, 12);
    expect(t.co2Tonnes).toBe(6);
    // Columns a run does not have count as zero, not NaN.
    expect(t.waterM3).toBe(0);
    expect(t.curtailedEnergyMWh).toBe(0);
  });

  it('takes coincident peaks: the largest hour of the fleet, not the sum of each site’s peak', () => {
    const t = windowTotals([x, y], { startMs: at('2026-01-01T00:00Z'), hours: 6 });
    // Fleet IT by hour: 110, 20, 30, 40, 50, 60 → peak 110 (site peaks 60 + 100 would say 160).
    expect(t.peakITMW).toBe(110);
    // Fleet facility: 165, 25, 35, 45, 55, 65 → 165.
    expect(t.peakFacilityMW).toBe(165);
    // The same window without hour 0: fleet IT peak 60 at hour 5.
    expect(windowTotals([x, y], { startMs: at('2026-01-01T01:00Z'), hours: 5 }).peakITMW).toBe(60);
  });

  it('refuses a window outside the run', () => {
    expect(() => windowTotals([x], { startMs: at('2025-12-31T23:00Z'), hours: 2 })).toThrow(RangeError);
    expect(() => windowTotals([x], { startMs: at('2026-01-01T05:00Z'), hours: 2 })).toThrow(RangeError);
  });

  it('refuses block means (the server’s first view), which are not hours', () => {
    expect(() => runWindow([{ ...x, stepHours: 24 }])).toThrow(RangeError);
  });
});

describe('windowYears', () => {
  it('splits a window at UTC new years, with 8,784 hours in a leap year', () => {
    // 2027-07-01 → 2029-03-01: 2027 from 1 July (184 days), 2028 whole (366 days), 2029 Jan + Feb (59 days).
    const startMs = at('2027-07-01T00:00Z');
    const hours = (at('2029-03-01T00:00Z') - startMs) / H;
    const ys = windowYears({ startMs, hours });
    expect(ys.map((y) => [y.year, y.hours])).toEqual([
      [2027, 184 * 24],
      [2028, 366 * 24],
      [2029, 59 * 24],
    ]);
    expect(ys[1]?.startMs).toBe(at('2028-01-01T00:00Z'));
    expect(windowLabel({ startMs, hours })).toBe('2027-07-01 → 2029-02-28');
  });
});
