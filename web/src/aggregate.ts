/**
 * Aggregations of the hourly columns for the charts: the fleet (sum over sites) and calendar
 * months (UTC). Power columns are MW averaged over an hour, so a sum over hours is MWh.
 */
import type { SiteColumns } from './protocol';

const HOUR_MS = 3_600_000;

/** Sum of one column over sites (same hours for every site of a run). */
export function fleetColumn(sites: readonly SiteColumns[], name: string): Float64Array {
  const first = sites[0];
  const out = new Float64Array(first ? first.hours : 0);
  for (const s of sites) {
    const col = s.columns[name];
    if (!col) continue;
    for (let h = 0; h < out.length; h++) out[h] = (out[h] as number) + (col[h] as number);
  }
  return out;
}

export interface MonthRow {
  /** "2027-03" */
  readonly month: string;
  readonly itMWh: number;
  readonly overheadMWh: number;
  readonly facilityMWh: number;
  readonly gridImportMWh: number;
  readonly unservedITMWh: number;
  readonly pue: number;
  readonly co2Tonnes: number;
  readonly waterM3: number;
  readonly energyCostUSD: number;
  readonly computeFLOP: number;
}

const SUMS = [
  ['itMWh', 'itMW'],
  ['overheadMWh', 'overheadMW'],
  ['facilityMWh', 'facilityMW'],
  ['gridImportMWh', 'gridImportMW'],
  ['unservedITMWh', 'unservedITMW'],
  ['co2Tonnes', 'co2Tonnes'],
  ['waterM3', 'waterM3'],
  ['energyCostUSD', 'energyCostUSD'],
  ['computeFLOP', 'computeFLOP'],
] as const;

/**
 * Monthly sums over the given sites (UTC months); PUE = facility / IT energy of the month. Columns
 * of block means (`stepHours` > 1) count each block as its mean × its hours (the last block may be
 * shorter: `totalHours`), to the nearest block at month ends.
 */
export function monthly(sites: readonly SiteColumns[], totalHours?: number): MonthRow[] {
  const first = sites[0];
  if (!first) return [];
  const step = first.stepHours ?? 1;
  const span = totalHours ?? first.hours * step;
  const rows: MonthRow[] = [];
  const cols = SUMS.map(([, c]) => fleetColumn(sites, c));
  let h = 0;
  while (h < first.hours) {
    const d = new Date(first.startMs + h * step * HOUR_MS);
    const end = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    const to = Math.max(h + 1, Math.min(first.hours, Math.round((end - first.startMs) / (step * HOUR_MS))));
    const acc = SUMS.map(() => 0);
    cols.forEach((col, k) => {
      let s = 0;
      for (let i = h; i < to; i++) s += (col[i] as number) * Math.min(step, span - i * step);
      acc[k] = s;
    });
    const row = Object.fromEntries(SUMS.map(([key], k) => [key, acc[k]])) as Record<string, number>;
    row.pue = (row.itMWh as number) > 0 ? (row.facilityMWh as number) / (row.itMWh as number) : 0;
    rows.push({
      month: `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`,
      ...row,
    } as MonthRow);
    h = to;
  }
  return rows;
}
