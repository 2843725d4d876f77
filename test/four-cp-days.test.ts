/**
 * The 4CP peaks and the day-ahead request walk the simulated hours one local (CDT) day at a time
 * (one `Date` per day). Pinned to the hour-by-hour definition (one `Date` per hour, the code before
 * the sweep fast path), written out here independently, on random demand, starts that are not
 * midnight or not even on the hour, ties and years that straddle the 4CP months.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coincidentPeaks, fourCPRequest } from '../src/engine/flexibility/four-cp.js';

const HOUR = 3_600_000;
const CDT = -5 * HOUR;
const parts = (startMs: number, h: number) => {
  const d = new Date(startMs + h * HOUR + CDT);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth(), day: d.getUTCDate() };
};
const CP = [5, 6, 7, 8];

function peaksByHour(demand: Float64Array, startMs: number) {
  const best = new Map<string, { year: number; month: number; hour: number; demandMW: number }>();
  for (let h = 0; h < demand.length; h++) {
    const p = parts(startMs, h);
    if (!CP.includes(p.month)) continue;
    const key = `${p.year}-${p.month}`;
    const d = demand[h] as number;
    const cur = best.get(key);
    if (cur === undefined || d > cur.demandMW)
      best.set(key, { year: p.year, month: p.month + 1, hour: h, demandMW: d });
  }
  return [...best.values()].sort((a, b) => a.hour - b.hour);
}

function dayAheadByHour(demand: Float64Array, startMs: number, windowHours: number, marginPct: number) {
  const n = demand.length;
  const active = new Uint8Array(n);
  let h = 0;
  let monthKey = '';
  let monthPeak = 0;
  while (h < n) {
    const p0 = parts(startMs, h);
    let end = h + 1;
    while (end < n && parts(startMs, end).day === p0.day) end++;
    const key = `${p0.year}-${p0.month}`;
    if (key !== monthKey) {
      monthKey = key;
      monthPeak = 0;
    }
    if (CP.includes(p0.month) && h >= 24) {
      let fMax = Number.NEGATIVE_INFINITY;
      let fArg = h;
      for (let t = h; t < end; t++)
        if ((demand[t - 24] as number) > fMax) {
          fMax = demand[t - 24] as number;
          fArg = t;
        }
      if (fMax >= (1 - marginPct / 100) * monthPeak) {
        const before = Math.floor((windowHours - 1) / 2);
        for (let t = fArg - before; t < fArg - before + windowHours; t++)
          if (t >= h && t < end) active[t] = 1;
      }
    }
    for (let t = h; t < end; t++) monthPeak = Math.max(monthPeak, demand[t] as number);
    h = end;
  }
  return active;
}

/** Demand over `hours` from `startMs`: few distinct levels, so ties are common. */
const demandCase = fc.record({
  startMs: fc
    .integer({ min: Date.UTC(2023, 3, 1), max: Date.UTC(2026, 6, 1) })
    .map((ms) => ms - (ms % 60_000)),
  hours: fc.integer({ min: 1, max: 24 * 200 }),
  seed: fc.integer({ min: 1, max: 2 ** 30 }),
  levels: fc.integer({ min: 1, max: 50 }),
});
function demandOf(hours: number, seed: number, levels: number): Float64Array {
  const d = new Float64Array(hours);
  let s = seed;
  for (let h = 0; h < hours; h++) {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    d[h] = 40_000 + 1_000 * (s % levels);
  }
  return d;
}

describe('4CP by local day equals the hour-by-hour definition', () => {
  it('coincident peaks (hour, month, year, demand) on random periods', () => {
    fc.assert(
      fc.property(demandCase, ({ startMs, hours, seed, levels }) => {
        const d = demandOf(hours, seed, levels);
        expect(coincidentPeaks(d, startMs)).toEqual(peaksByHour(d, startMs));
      }),
      { numRuns: 150 },
    );
  });

  it('ten summers from a midnight UTC start: 40 peaks, one per June–September month', () => {
    const start = Date.UTC(2026, 0, 1);
    const d = demandOf(87_648, 7, 1_000);
    const peaks = coincidentPeaks(d, start);
    expect(peaks).toEqual(peaksByHour(d, start));
    expect(peaks.map((p) => p.month)).toEqual(Array.from({ length: 10 }, () => [6, 7, 8, 9]).flat());
  });

  it('day-ahead requests on random periods, windows and margins', () => {
    fc.assert(
      fc.property(
        demandCase,
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 20 }),
        ({ startMs, hours, seed, levels }, windowHours, marginPct) => {
          const d = demandOf(hours, seed, levels);
          const out = new Float64Array(hours);
          const active = fourCPRequest(
            { method: 'day-ahead', windowHours, marginPct, fraction: 0.5 },
            d,
            startMs,
            out,
          );
          const expected = dayAheadByHour(d, startMs, windowHours, marginPct);
          expect(Buffer.from(active).equals(Buffer.from(expected))).toBe(true);
          const expectedOut = Float64Array.from(expected, (a) => (a === 1 ? 0.5 : 0));
          expect(Buffer.from(out.buffer).equals(Buffer.from(expectedOut.buffer))).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});
