/**
 * Writing results: the summary as JSON, and per site the hourly series as CSV and Parquet.
 *
 * Hourly tables have one row per simulated hour: `time_utc` (start of the hour, ISO 8601 UTC; a
 * TIMESTAMP in Parquet) then the columns of HOURLY_COLUMNS, whose names carry their units (MW, C,
 * gCO2eq/kWh...). CSV uses '.' decimals, a header row and no index, so pandas, DuckDB and Excel read it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { RunSummary } from '../analysis/summary.js';
import { HOUR_MS } from '../engine/series.js';
import { HOURLY_COLUMNS, type SiteHourly } from '../engine/site-hourly.js';

/** Shortest round-tripping text for a number; integers without a decimal point. */
const num = (x: number): string => (Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(10))));

export function hourlyCsv(s: SiteHourly): string {
  const header = ['time_utc', ...HOURLY_COLUMNS.map(([name]) => name)].join(',');
  const cols = HOURLY_COLUMNS.map(([name]) => s[name] as Float64Array);
  const lines: string[] = [header];
  for (let h = 0; h < s.hours; h++) {
    const t = new Date(s.startMs + h * HOUR_MS).toISOString().replace('.000Z', 'Z');
    let line = t;
    for (const c of cols) line += `,${num(c[h] as number)}`;
    lines.push(line);
  }
  return `${lines.join('\n')}\n`;
}

export function hourlyParquet(s: SiteHourly): ArrayBuffer {
  const times = Array.from({ length: s.hours }, (_, h) => new Date(s.startMs + h * HOUR_MS));
  return parquetWriteBuffer({
    columnData: [
      { name: 'time_utc', data: times, type: 'TIMESTAMP', nullable: false },
      ...HOURLY_COLUMNS.map(([name]) => ({
        name,
        data: s[name] as Float64Array,
        type: 'DOUBLE' as const,
        nullable: false,
      })),
    ],
    kvMetadata: [{ key: 'units', value: JSON.stringify(Object.fromEntries(HOURLY_COLUMNS)) }],
    createdBy: 'gigawatt',
  });
}

/** Writes summary.json and <site>.hourly.csv / <site>.hourly.parquet into dir; returns the paths. */
export function writeRunOutputs(dir: string, summary: RunSummary, sites: readonly SiteHourly[]): string[] {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  const summaryPath = join(dir, 'summary.json');
  writeFileSync(summaryPath, `${JSON.stringify(summary, null, 2)}\n`);
  written.push(summaryPath);
  for (const s of sites) {
    const csv = join(dir, `${s.siteId}.hourly.csv`);
    writeFileSync(csv, hourlyCsv(s));
    const pq = join(dir, `${s.siteId}.hourly.parquet`);
    writeFileSync(pq, new Uint8Array(hourlyParquet(s)));
    written.push(csv, pq);
  }
  return written;
}
