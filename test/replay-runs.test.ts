/**
 * `replaySeries` copies each simulated year as contiguous runs of the source (before and from 29
 * February). Checked against the calendar definition evaluated hour by hour with Date objects: the
 * simulated hour's UTC day of year d and hour; source day d − 1 from 29 Feb on when the simulated
 * year is leap and the source year is not, d + 1 when the source year is leap and the simulated one
 * is not; the value at that source hour where the source has one, and the count of hours filled.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { completeYears, type ReplayPolicy, replaySeries } from '../src/engine/replay.js';
import { HOUR_MS, type HourlySeries } from '../src/engine/series.js';

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Source index of each simulated hour, by the calendar definition (one Date per hour). */
function sourceIndex(series: HourlySeries, tMs: number, sourceYear: number): number {
  const d = new Date(tMs);
  const y = d.getUTCFullYear();
  const day = Math.round((Date.UTC(y, d.getUTCMonth(), d.getUTCDate()) - Date.UTC(y, 0, 1)) / 86_400_000);
  let srcDay = day;
  if (isLeap(y) && !isLeap(sourceYear) && day >= 59) srcDay = day - 1;
  else if (!isLeap(y) && isLeap(sourceYear) && day >= 59) srcDay = day + 1;
  const srcMs = Date.UTC(sourceYear, 0, 1) + srcDay * 86_400_000 + d.getUTCHours() * HOUR_MS;
  return Math.round((srcMs - series.startMs) / HOUR_MS);
}

describe('replaySeries by contiguous runs equals the hour-by-hour calendar mapping', () => {
  it('for random series with gaps, periods and policies', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2015, max: 2020 }), // source start year
        fc.integer({ min: 0, max: 400 }), // source start offset, days
        fc.integer({ min: 2, max: 5 }), // source years of data
        fc.array(fc.integer({ min: 0, max: 5 * 8784 }), { maxLength: 60 }), // NaN positions
        fc.integer({ min: 2023, max: 2032 }), // simulated start year
        fc.integer({ min: 0, max: 365 }), // simulated start day
        fc.integer({ min: 1, max: 3 * 8784 }), // simulated hours
        fc.integer({ min: 0, max: 2 }), // policy: latest, cycle, a complete year
        (y0, offsetDays, nYears, nans, simYear, simDay, simHours, policyKind) => {
          const startMs = Date.UTC(y0, 0, 1) + offsetDays * 86_400_000;
          const n = nYears * 8760 + 48;
          const values = Float64Array.from({ length: n }, (_, i) => 100 + (i % 997) * 0.5);
          for (const k of nans) if (k < n) values[k] = Number.NaN;
          const series: HourlySeries = { startMs, values };
          const years = completeYears(series);
          fc.pre(years.length > 0);
          const policy: ReplayPolicy =
            policyKind === 0 ? 'latest' : policyKind === 1 ? 'cycle' : (years[0] as number);
          const simStartMs = Date.UTC(simYear, 0, 1) + simDay * 86_400_000;
          const r = replaySeries(series, simStartMs, simHours, policy);
          let filled = 0;
          for (let h = 0; h < simHours; h++) {
            const t = simStartMs + h * HOUR_MS;
            const source = r.sourceYearBySimYear[new Date(t).getUTCFullYear()] as number;
            const i = sourceIndex(series, t, source);
            const has = i >= 0 && i < n && Number.isFinite(values[i] as number);
            if (has) expect(r.values[h]).toBe(values[i]);
            else filled++;
          }
          expect(r.filledHours).toBe(filled);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('fills hours past the source end with its last value and counts them', () => {
    // One complete year 2019 and 24 h of 2020: a leap simulated 2028 replays 2019 with 29 Feb = 28 Feb.
    const startMs = Date.UTC(2019, 0, 1);
    const values = Float64Array.from({ length: 8760 + 24 }, (_, i) => i);
    const r = replaySeries({ startMs, values }, Date.UTC(2028, 0, 1), 8784, 2019);
    expect(r.values[59 * 24]).toBe(58 * 24); // 29 Feb 00:00 reads 28 Feb 00:00
    expect(r.values[8783]).toBe(8759); // 31 Dec 23:00 reads the source's 31 Dec 23:00
    expect(r.filledHours).toBe(0);
  });
});
