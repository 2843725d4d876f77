/**
 * Which row of the typical meteorological year (8,760 local-standard-time hours) each simulated UTC hour
 * reads (src/engine/environment.ts), counted on the calendar by hand: row = (day of year − 1)·24 + hour,
 * 29 February reading 28 February. A year whose value at row i is i shows the row read.
 */
import { describe, expect, it } from 'vitest';
import { mapWeather, tmyRow } from '../src/engine/environment.js';
import type { WeatherYear } from '../src/engine/series.js';
import { allocateSiteHourly } from '../src/engine/site-hourly.js';

const rows = Float64Array.from({ length: 8760 }, (_, i) => i);
const year = (tzOffsetHours: number): WeatherYear => ({
  stationId: 'test',
  tzOffsetHours,
  dryBulbC: rows,
  dewPointC: rows,
  pressurePa: rows,
  wetBulbC: Float64Array.from(rows, (r) => -r),
});

describe('typical-year row of a local hour', () => {
  it('counts days through the months: 1 Jan 00:00 → 0, 1 Mar 00:00 → 59·24, 31 Dec 23:00 → 8,759', () => {
    expect(tmyRow(Date.UTC(2026, 0, 1, 0))).toBe(0);
    expect(tmyRow(Date.UTC(2026, 2, 1, 0))).toBe(59 * 24);
    expect(tmyRow(Date.UTC(2026, 6, 4, 15))).toBe((181 + 4 - 1) * 24 + 15); // 4 July: day 185
    expect(tmyRow(Date.UTC(2026, 11, 31, 23))).toBe(8759);
  });
  it('in a leap year 29 February reads 28 February, and 1 March reads the same row as in other years', () => {
    expect(tmyRow(Date.UTC(2024, 1, 29, 13))).toBe((31 + 28 - 1) * 24 + 13);
    expect(tmyRow(Date.UTC(2024, 2, 1, 0))).toBe(59 * 24);
    expect(tmyRow(Date.UTC(2024, 11, 31, 23))).toBe(8759);
    // only February's 29th moves: 10 February, 29 January and 29 March read their own rows
    expect(tmyRow(Date.UTC(2024, 1, 10, 0))).toBe((31 + 9) * 24);
    expect(tmyRow(Date.UTC(2024, 0, 29, 0))).toBe(28 * 24);
    expect(tmyRow(Date.UTC(2024, 2, 29, 0))).toBe((59 + 28) * 24);
  });
});

describe('weather on the simulated UTC hours', () => {
  it('UTC−6: 2026-01-01 00:00Z is 31 Dec 18:00 local (row 8,754); 06:00Z is 1 Jan 00:00 (row 0)', () => {
    const out = allocateSiteHourly('s', Date.UTC(2026, 0, 1), 8, 1);
    mapWeather(year(-6), out);
    expect([...out.dryBulbC]).toEqual([8754, 8755, 8756, 8757, 8758, 8759, 0, 1]);
    expect([...out.wetBulbC]).toEqual([-8754, -8755, -8756, -8757, -8758, -8759, -0, -1]);
    expect([...out.localHour]).toEqual([18, 19, 20, 21, 22, 23, 0, 1]);
  });
  it('UTC+5:30: 2026-07-01 00:00Z is 05:30 local on day 182, read as hour 5 (row 181·24 + 5)', () => {
    const out = allocateSiteHourly('s', Date.UTC(2026, 6, 1), 2, 1);
    mapWeather(year(5.5), out);
    expect([...out.dryBulbC]).toEqual([181 * 24 + 5, 181 * 24 + 6]);
    expect([...out.localHour]).toEqual([5, 6]);
  });
});
