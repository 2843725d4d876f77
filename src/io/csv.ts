/**
 * A small reader for the bundled hourly CSV files (plain or gzip-compressed, comma-separated, header row,
 * no quoting — the data/ files are written that way and a quote is rejected).
 *
 * Columns are parsed lazily and cached; parsed files are cached per absolute path in a module-level Map,
 * so asking twice for the same file costs nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { HOUR_MS, type HourlySeries } from '../engine/series.js';

export interface CsvTable {
  readonly path: string;
  readonly header: readonly string[];
  readonly rowCount: number;
  hasColumn(name: string): boolean;
  /** Raw text cells of a column ('' = empty). */
  text(name: string): readonly string[];
  /** Numeric column; empty cells → NaN. */
  numbers(name: string): Float64Array;
}

const cache = new Map<string, CsvTable>();

/** Read (and cache) a CSV or .csv.gz file. `missingHint` is appended to the error when the file is absent. */
export function readCsv(path: string, missingHint = ''): CsvTable {
  const abs = resolve(path);
  const hit = cache.get(abs);
  if (hit !== undefined) return hit;
  if (!existsSync(abs))
    throw new Error(`data file not found: ${abs}${missingHint ? ` — ${missingHint}` : ''}`);
  const raw = readFileSync(abs);
  const body = (abs.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
  const table = parseCsv(abs, body);
  cache.set(abs, table);
  return table;
}

/** Drop every cached file (tests). */
export function clearCsvCache(): void {
  cache.clear();
}

function parseCsv(path: string, body: string): CsvTable {
  if (body.includes('"')) throw new Error(`${path}: quoted CSV fields are not supported`);
  const lines = body.split('\n');
  while (lines.length > 0 && lines[lines.length - 1]?.trim() === '') lines.pop();
  const headerLine = lines[0];
  if (headerLine === undefined) throw new Error(`${path}: empty file`);
  const header = headerLine.replace(/\r$/, '').split(',');
  const index = new Map(header.map((h, i) => [h, i]));
  const rowCount = lines.length - 1;
  const textCache = new Map<string, string[]>();
  const numCache = new Map<string, Float64Array>();

  const col = (name: string): number => {
    const i = index.get(name);
    if (i === undefined) throw new Error(`${path}: no column '${name}' (columns: ${header.join(', ')})`);
    return i;
  };

  const text = (name: string): string[] => {
    const hit = textCache.get(name);
    if (hit !== undefined) return hit;
    const k = col(name);
    const out = new Array<string>(rowCount);
    for (let r = 0; r < rowCount; r++) out[r] = field(lines[r + 1] as string, k);
    textCache.set(name, out);
    return out;
  };

  const numbers = (name: string): Float64Array => {
    const hit = numCache.get(name);
    if (hit !== undefined) return hit;
    const k = col(name);
    const out = new Float64Array(rowCount);
    for (let r = 0; r < rowCount; r++) {
      const s = field(lines[r + 1] as string, k);
      out[r] = s === '' ? Number.NaN : Number(s);
      if (s !== '' && Number.isNaN(out[r]))
        throw new Error(`${path}: row ${r + 2}, column ${name}: not a number '${s}'`);
    }
    numCache.set(name, out);
    return out;
  };

  return { path, header, rowCount, hasColumn: (n) => index.has(n), text, numbers };
}

/** The k-th comma-separated field of a line, without allocating the other fields. */
function field(line: string, k: number): string {
  let start = 0;
  for (let i = 0; i < k; i++) {
    const c = line.indexOf(',', start);
    if (c < 0) return '';
    start = c + 1;
  }
  let end = line.indexOf(',', start);
  if (end < 0) end = line.endsWith('\r') ? line.length - 1 : line.length;
  return line.slice(start, end);
}

/** Milliseconds of an ISO-8601 UTC timestamp `YYYY-MM-DDTHH:MM:SSZ` (fixed layout, fast path). */
export function parseUtcMs(s: string): number {
  if (s.length === 20 && s[10] === 'T' && s[19] === 'Z') {
    return Date.UTC(
      +s.slice(0, 4),
      +s.slice(5, 7) - 1,
      +s.slice(8, 10),
      +s.slice(11, 13),
      +s.slice(14, 16),
      +s.slice(17, 19),
    );
  }
  const ms = Date.parse(s);
  if (Number.isNaN(ms)) throw new Error(`not an ISO-8601 timestamp: '${s}'`);
  return ms;
}

/**
 * The hourly series of a numeric column, on a complete hourly grid from the first to the last row's
 * `interval_start_utc`. Hours absent from the file and empty cells are NaN. Throws on a timestamp that is
 * not on an hour boundary or a duplicate hour.
 */
export function hourlyColumn(
  table: CsvTable,
  column: string,
  timeColumn = 'interval_start_utc',
): HourlySeries {
  const times = hourIndex(table, timeColumn);
  const values = table.numbers(column);
  const out = new Float64Array(times.hours).fill(Number.NaN);
  for (let r = 0; r < table.rowCount; r++) out[times.index[r] as number] = values[r] as number;
  return { startMs: times.startMs, values: out };
}

interface HourIndex {
  startMs: number;
  hours: number;
  index: Int32Array;
}
const hourIndexCache = new WeakMap<CsvTable, Map<string, HourIndex>>();

function hourIndex(table: CsvTable, timeColumn: string): HourIndex {
  let perColumn = hourIndexCache.get(table);
  if (perColumn === undefined) {
    perColumn = new Map();
    hourIndexCache.set(table, perColumn);
  }
  const hit = perColumn.get(timeColumn);
  if (hit !== undefined) return hit;
  const t = table.text(timeColumn);
  if (t.length === 0) throw new Error(`${table.path}: no rows`);
  const startMs = parseUtcMs(t[0] as string);
  const index = new Int32Array(t.length);
  const seen = new Set<number>();
  let last = 0;
  for (let r = 0; r < t.length; r++) {
    const ms = parseUtcMs(t[r] as string);
    const h = (ms - startMs) / HOUR_MS;
    if (!Number.isInteger(h) || h < 0)
      throw new Error(`${table.path}: row ${r + 2}: ${t[r]} is off the hourly grid`);
    if (seen.has(h)) throw new Error(`${table.path}: duplicate hour ${t[r]}`);
    seen.add(h);
    index[r] = h;
    if (h > last) last = h;
  }
  const out = { startMs, hours: last + 1, index };
  perColumn.set(timeColumn, out);
  return out;
}
