/**
 * Two runs over the same hours: the common window of their periods and the totals of each over it,
 * whole and by calendar year (UTC), from the hourly columns the worker sends. Sums of MW over hours
 * are MWh; peaks are coincident (max over hours of the sum over sites); PUE is facility / IT energy.
 * The same rules as the run summary's totals (src/engine/metrics.ts), over other hours.
 */
import type { SiteColumns } from './protocol';

const HOUR_MS = 3_600_000;

/** Hours [startMs, startMs + hours × 1 h) in UTC. */
export interface HourWindow {
  readonly startMs: number;
  readonly hours: number;
}

/** Metric → the hourly column summed (or, for peaks, whose fleet maximum is taken). */
const SUMS = [
  ['itEnergyMWh', 'itMW'],
  ['facilityEnergyMWh', 'facilityMW'],
  ['coolingEnergyMWh', 'coolingMW'],
  ['gridImportMWh', 'gridImportMW'],
  ['unservedITEnergyMWh', 'unservedITMW'],
  ['curtailedEnergyMWh', 'curtailedMW'],
  ['co2Tonnes', 'co2Tonnes'],
  ['waterM3', 'waterM3'],
  ['energyCostUSD', 'energyCostUSD'],
  ['computeDeliveredFLOP', 'computeFLOP'],
] as const;
const PEAKS = [
  ['peakITMW', 'itMW'],
  ['peakFacilityMW', 'facilityMW'],
] as const;

/** The metrics a window has: the summary's hourly sums and peaks, and PUE. */
export const WINDOW_METRICS = [
  'facilityEnergyMWh',
  'itEnergyMWh',
  'coolingEnergyMWh',
  'pue',
  'peakFacilityMW',
  'peakITMW',
  'gridImportMWh',
  'unservedITEnergyMWh',
  'curtailedEnergyMWh',
  'co2Tonnes',
  'waterM3',
  'energyCostUSD',
  'computeDeliveredFLOP',
] as const;
export type WindowMetric = (typeof WINDOW_METRICS)[number];
export type WindowTotals = Record<WindowMetric, number>;

/** A run's period: its first site's hours (every site of a run has the same), hourly columns only. */
export function runWindow(sites: readonly SiteColumns[]): HourWindow {
  const first = sites[0];
  if (!first) return { startMs: 0, hours: 0 };
  if ((first.stepHours ?? 1) !== 1) throw new RangeError('runWindow: hourly columns only');
  return { startMs: first.startMs, hours: first.hours };
}

/** The hours both periods cover, or undefined when they do not overlap. */
export function commonWindow(a: HourWindow, b: HourWindow): HourWindow | undefined {
  const startMs = Math.max(a.startMs, b.startMs);
  const endMs = Math.min(a.startMs + a.hours * HOUR_MS, b.startMs + b.hours * HOUR_MS);
  return endMs > startMs ? { startMs, hours: Math.round((endMs - startMs) / HOUR_MS) } : undefined;
}

export const sameWindow = (a: HourWindow, b: HourWindow): boolean =>
  a.startMs === b.startMs && a.hours === b.hours;

/** Totals of a run's sites over the hours of `w` (which must lie within the run's period). */
export function windowTotals(sites: readonly SiteColumns[], w: HourWindow): WindowTotals {
  const run = runWindow(sites);
  const from = Math.round((w.startMs - run.startMs) / HOUR_MS);
  const to = from + w.hours;
  if (from < 0 || to > run.hours) throw new RangeError('windowTotals: the window is outside the run');
  const out = Object.fromEntries(WINDOW_METRICS.map((k) => [k, 0])) as WindowTotals;
  for (const [metric, column] of SUMS) {
    let sum = 0;
    for (const s of sites) {
      const c = s.columns[column];
      if (c) for (let h = from; h < to; h++) sum += c[h] as number;
    }
    out[metric] = sum;
  }
  for (const [metric, column] of PEAKS) {
    let peak = 0;
    for (let h = from; h < to; h++) {
      let fleet = 0;
      for (const s of sites) fleet += (s.columns[column]?.[h] as number | undefined) ?? 0;
      if (fleet > peak) peak = fleet;
    }
    out[metric] = peak;
  }
  out.pue = out.itEnergyMWh > 0 ? out.facilityEnergyMWh / out.itEnergyMWh : 0;
  return out;
}

/** The calendar years (UTC) of a window, each as a window of its own hours. */
export function windowYears(w: HourWindow): ({ year: number } & HourWindow)[] {
  const out: ({ year: number } & HourWindow)[] = [];
  const endMs = w.startMs + w.hours * HOUR_MS;
  let ms = w.startMs;
  while (ms < endMs) {
    const year = new Date(ms).getUTCFullYear();
    const next = Math.min(endMs, Date.UTC(year + 1, 0, 1));
    out.push({ year, startMs: ms, hours: Math.round((next - ms) / HOUR_MS) });
    ms = next;
  }
  return out;
}

/** The first and last day of a window, ISO (UTC): ["2026-01-01", "2029-12-31"]. */
export function windowDays(w: HourWindow): [string, string] {
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return [day(w.startMs), day(w.startMs + (w.hours - 1) * HOUR_MS)];
}

/** "2026-01-01 → 2029-12-31" (first and last day, UTC). */
export function windowLabel(w: HourWindow): string {
  return windowDays(w).join(' → ');
}
