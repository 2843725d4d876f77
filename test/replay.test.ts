import { describe, expect, it } from 'vitest';
import { completeYears, replaySeries } from '../src/engine/replay.js';
import { HOUR_MS, type HourlySeries } from '../src/engine/series.js';

/** A series over whole UTC years whose value encodes its own timestamp: hours since 2000-01-01T00Z. */
function stampSeries(firstYear: number, lastYear: number): HourlySeries {
  const startMs = Date.UTC(firstYear, 0, 1);
  const n = (Date.UTC(lastYear + 1, 0, 1) - startMs) / HOUR_MS;
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = (startMs - Date.UTC(2000, 0, 1)) / HOUR_MS + i;
  return { startMs, values };
}
/** ISO timestamp of the source hour a replayed stamp value came from. */
const sourceOf = (v: number | undefined) =>
  new Date(Date.UTC(2000, 0, 1) + (v as number) * HOUR_MS).toISOString();
const hoursBetween = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / HOUR_MS;

describe('completeYears', () => {
  it('lists UTC years with at least 99 % finite hours', () => {
    const s = stampSeries(2021, 2023);
    // 2022: 87 missing hours (99.0 % present) stays complete; 2023: 88 missing (98.99 %) does not.
    const i2022 = (Date.UTC(2022, 0, 1) - s.startMs) / HOUR_MS;
    const i2023 = (Date.UTC(2023, 0, 1) - s.startMs) / HOUR_MS;
    s.values.fill(Number.NaN, i2022, i2022 + 87);
    s.values.fill(Number.NaN, i2023, i2023 + 88);
    expect(completeYears(s)).toEqual([2021, 2022]);
    expect(completeYears(s, 0.98)).toEqual([2021, 2022, 2023]);
  });

  it('counts hours outside the series as missing (a series starting 06Z on Jan 1 is still complete)', () => {
    const s = stampSeries(2021, 2021);
    const late = { startMs: s.startMs + 6 * HOUR_MS, values: s.values.subarray(6) };
    expect(completeYears(late)).toEqual([2021]);
    const halfYear = { startMs: s.startMs, values: s.values.subarray(0, 4380) };
    expect(completeYears(halfYear)).toEqual([]);
  });
});

describe('replaySeries', () => {
  it('is the identity when a fixed policy replays a complete year onto itself', () => {
    const s = stampSeries(2020, 2022);
    const r = replaySeries(s, Date.UTC(2021, 0, 1), 8760, 2021);
    const i0 = (Date.UTC(2021, 0, 1) - s.startMs) / HOUR_MS;
    expect(r.values).toEqual(s.values.subarray(i0, i0 + 8760));
    expect(r.filledHours).toBe(0);
    expect(r.sourceYearBySimYear).toEqual({ 2021: 2021 });
  });

  it("'latest' takes 2024 for a series complete through 2024, for every simulated year", () => {
    const s = stampSeries(2019, 2024);
    const start = Date.UTC(2025, 6, 1); // 2025-07-01, mid-year
    const hours = hoursBetween('2025-07-01T00:00:00Z', '2031-01-01T00:00:00Z');
    const r = replaySeries(s, start, hours, 'latest');
    expect(r.sourceYearBySimYear).toEqual({
      2025: 2024,
      2026: 2024,
      2027: 2024,
      2028: 2024,
      2029: 2024,
      2030: 2024,
    });
    expect(sourceOf(r.values[0])).toBe('2024-07-01T00:00:00.000Z');
    expect(sourceOf(r.values[hours - 1])).toBe('2024-12-31T23:00:00.000Z');
  });

  it("'latest' skips a trailing partial year", () => {
    const s = stampSeries(2022, 2024);
    const withPartialYear: HourlySeries = {
      startMs: s.startMs,
      values: Float64Array.from([...s.values, 1, 2, 3, 4, 5, 6]),
    };
    expect(replaySeries(withPartialYear, Date.UTC(2026, 0, 1), 24, 'latest').sourceYearBySimYear).toEqual({
      2026: 2024,
    });
  });

  it('maps Feb 29 of a leap simulated year to Feb 28 of a common source year', () => {
    const s = stampSeries(2023, 2023);
    const r = replaySeries(s, Date.UTC(2028, 0, 1), 8784, 2023);
    const h = (iso: string) => r.values[hoursBetween('2028-01-01T00:00:00Z', iso)];
    expect(sourceOf(h('2028-02-28T13:00:00Z'))).toBe('2023-02-28T13:00:00.000Z');
    expect(sourceOf(h('2028-02-29T13:00:00Z'))).toBe('2023-02-28T13:00:00.000Z');
    expect(sourceOf(h('2028-03-01T00:00:00Z'))).toBe('2023-03-01T00:00:00.000Z');
    expect(sourceOf(h('2028-12-31T23:00:00Z'))).toBe('2023-12-31T23:00:00.000Z');
  });

  it('skips Feb 29 of a leap source year for a common simulated year', () => {
    const s = stampSeries(2024, 2024);
    const r = replaySeries(s, Date.UTC(2025, 0, 1), 8760, 2024);
    const h = (iso: string) => r.values[hoursBetween('2025-01-01T00:00:00Z', iso)];
    expect(sourceOf(h('2025-02-28T23:00:00Z'))).toBe('2024-02-28T23:00:00.000Z');
    expect(sourceOf(h('2025-03-01T00:00:00Z'))).toBe('2024-03-01T00:00:00.000Z');
    expect(sourceOf(h('2025-12-31T23:00:00Z'))).toBe('2024-12-31T23:00:00.000Z');
    expect(r.values.some((v) => sourceOf(v).startsWith('2024-02-29'))).toBe(false);
  });

  it("'cycle' walks the complete years in ascending order from the first simulated year", () => {
    const s = stampSeries(2022, 2024);
    const start = Date.UTC(2025, 0, 1);
    const r = replaySeries(s, start, hoursBetween('2025-01-01T00:00:00Z', '2031-01-01T00:00:00Z'), 'cycle');
    expect(r.sourceYearBySimYear).toEqual({
      2025: 2022,
      2026: 2023,
      2027: 2024,
      2028: 2022,
      2029: 2023,
      2030: 2024,
    });
    const at2027 = r.values[hoursBetween('2025-01-01T00:00:00Z', '2027-05-05T05:00:00Z')];
    expect(sourceOf(at2027)).toBe('2024-05-05T05:00:00.000Z');
  });

  it("'cycle' skips incomplete years", () => {
    const s = stampSeries(2021, 2023);
    s.values.fill(Number.NaN, 100, 3000); // 2021 incomplete
    const r = replaySeries(s, Date.UTC(2030, 0, 1), 3 * 8760, 'cycle');
    expect(r.sourceYearBySimYear).toEqual({ 2030: 2022, 2031: 2023, 2032: 2022 });
  });

  it('fills missing source hours by linear interpolation and counts them', () => {
    const startMs = Date.UTC(2023, 0, 1);
    const values = new Float64Array(8760).fill(100);
    // A 9-hour gap between 100 (hour 999) and 200 (hour 1009).
    for (let i = 1009; i < 8760; i++) values[i] = 200;
    values.fill(Number.NaN, 1000, 1009);
    const r = replaySeries({ startMs, values }, Date.UTC(2026, 0, 1), 8760, 'latest');
    expect(r.filledHours).toBe(9);
    expect(r.values[1000]).toBeCloseTo(110, 9);
    expect(r.values[1004]).toBeCloseTo(150, 9);
    expect(r.values[1008]).toBeCloseTo(190, 9);
    expect(r.values.every(Number.isFinite)).toBe(true);
  });

  it('holds the nearest value for missing hours at the series edge (ERCOT files start at 06Z)', () => {
    const s = stampSeries(2021, 2021);
    const late = { startMs: s.startMs + 6 * HOUR_MS, values: s.values.slice(6) };
    const r = replaySeries(late, Date.UTC(2025, 0, 1), 24, 'latest');
    expect(r.filledHours).toBe(6);
    expect(sourceOf(r.values[0])).toBe('2021-01-01T06:00:00.000Z');
    expect(sourceOf(r.values[6])).toBe('2021-01-01T06:00:00.000Z');
    expect(sourceOf(r.values[7])).toBe('2021-01-01T07:00:00.000Z');
  });

  it('throws a clear error when the series has no complete year', () => {
    const s = stampSeries(2022, 2022);
    const partial = { startMs: s.startMs, values: s.values.subarray(0, 5000) };
    expect(() => replaySeries(partial, Date.UTC(2026, 0, 1), 24, 'latest')).toThrow(/no complete UTC year/);
  });

  it('rejects a fixed year that is not complete, and a start off the hour', () => {
    const s = stampSeries(2022, 2023);
    expect(() => replaySeries(s, Date.UTC(2026, 0, 1), 24, 2019)).toThrow(
      /2019 is not a complete year.*2022, 2023/,
    );
    expect(() => replaySeries(s, Date.UTC(2026, 0, 1) + 60_000, 24, 'latest')).toThrow(/hour boundary/);
  });

  it('replays ten years of hours quickly', () => {
    const s = stampSeries(2017, 2024);
    const hours = hoursBetween('2025-01-01T00:00:00Z', '2035-01-01T00:00:00Z');
    const t0 = performance.now();
    const r = replaySeries(s, Date.UTC(2025, 0, 1), hours, 'cycle');
    expect(performance.now() - t0).toBeLessThan(200);
    expect(r.values.length).toBe(hours);
    expect(r.sourceYearBySimYear[2033]).toBe(2017);
  });
});
