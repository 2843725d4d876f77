/**
 * Reads the bundled typical-year weather CSVs (data/weather/*.csv, format in data/weather/PROVENANCE.md):
 *
 *   hour_of_year,month,day,hour,dry_bulb_c,dew_point_c,rel_humidity_pct,pressure_pa
 *
 * 8,760 rows in local standard time, Jan 1 00:00–01:00 first, 365 days (no Feb 29). The reader checks
 * the header, the row count and the calendar order (hour_of_year = row index = (dayOfYear − 1)·24 + hour),
 * that every value is a finite number in a physically possible range, and derives the wet bulb
 * (src/engine/psychrometrics.ts) from dry bulb, dew point and station pressure. Every error names the file
 * and the 1-based line.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getWeatherStation, WEATHER_STATIONS } from '../catalog/weather-stations.js';
import { wetBulbC } from '../engine/psychrometrics.js';
import type { WeatherYear } from '../engine/series.js';

export const WEATHER_HOURS = 8760;

const COLUMNS = [
  'hour_of_year',
  'month',
  'day',
  'hour',
  'dry_bulb_c',
  'dew_point_c',
  'rel_humidity_pct',
  'pressure_pa',
] as const;

/** Days in each month of the 365-day typical year. */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Day-of-year (0-based) of the first day of each month. */
const MONTH_START_DAY = MONTH_DAYS.map((_, m) => MONTH_DAYS.slice(0, m).reduce((a, b) => a + b, 0));

/** Plausible ranges (beyond world records) used to reject corrupt rows. */
const DRY_BULB_RANGE_C: readonly [number, number] = [-90, 60];
const DEW_POINT_RANGE_C: readonly [number, number] = [-100, 40];
const PRESSURE_RANGE_PA: readonly [number, number] = [50_000, 110_000];

/**
 * Parse one weather CSV (text of the whole file). `fileName` is only used in error messages.
 * Throws `Error("<fileName>:<line>: ...")` on the first problem found.
 */
export function parseWeatherCsv(
  text: string,
  fileName: string,
  stationId: string,
  tzOffsetHours: number,
): WeatherYear {
  const lines = text.split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1]?.trim() === '') lines.pop();
  const fail = (line: number, msg: string): never => {
    throw new Error(`${fileName}:${line}: ${msg}`);
  };

  const header = (lines[0] ?? '')
    .replace(/^\uFEFF/, '')
    .split(',')
    .map((h) => h.trim());
  const col = COLUMNS.map((name) => header.indexOf(name));
  COLUMNS.forEach((name, i) => {
    if (col[i] === -1) fail(1, `missing column "${name}" (header: ${header.join(',')})`);
  });
  const [iHour, iMonth, iDay, iHourOfDay, iDry, iDew, , iPressure] = col as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];

  const rows = lines.length - 1;
  if (rows !== WEATHER_HOURS) fail(lines.length, `expected ${WEATHER_HOURS} data rows, found ${rows}`);

  const dryBulbC = new Float64Array(WEATHER_HOURS);
  const dewPointC = new Float64Array(WEATHER_HOURS);
  const pressurePa = new Float64Array(WEATHER_HOURS);
  const wet = new Float64Array(WEATHER_HOURS);

  for (let r = 0; r < WEATHER_HOURS; r++) {
    const lineNo = r + 2;
    const cells = (lines[r + 1] as string).split(',');
    if (cells.length !== header.length)
      fail(lineNo, `expected ${header.length} fields, found ${cells.length}`);
    const num = (i: number, name: string): number => {
      const cell = (cells[i] as string).trim();
      const v = cell === '' ? Number.NaN : Number(cell);
      if (!Number.isFinite(v)) fail(lineNo, `${name} is not a number: "${cell}"`);
      return v;
    };
    const hourOfYear = num(iHour, 'hour_of_year');
    const month = num(iMonth, 'month');
    const day = num(iDay, 'day');
    const hour = num(iHourOfDay, 'hour');
    if (hourOfYear !== r) fail(lineNo, `hour_of_year ${hourOfYear} out of order (expected ${r})`);
    const monthDays = MONTH_DAYS[month - 1];
    if (!Number.isInteger(month) || monthDays === undefined) fail(lineNo, `month ${month} is not 1..12`);
    if (!Number.isInteger(day) || day < 1 || day > (monthDays as number))
      fail(lineNo, `day ${day} is not a day of month ${month}`);
    if (!Number.isInteger(hour) || hour < 0 || hour > 23) fail(lineNo, `hour ${hour} is not 0..23`);
    const expected = ((MONTH_START_DAY[month - 1] as number) + day - 1) * 24 + hour;
    if (expected !== r)
      fail(lineNo, `month/day/hour ${month}/${day} ${hour}h is hour ${expected} of the year, not ${r}`);

    const t = num(iDry, 'dry_bulb_c');
    const td = num(iDew, 'dew_point_c');
    const p = num(iPressure, 'pressure_pa');
    if (t < DRY_BULB_RANGE_C[0] || t > DRY_BULB_RANGE_C[1])
      fail(lineNo, `dry_bulb_c ${t} outside ${DRY_BULB_RANGE_C}`);
    if (td < DEW_POINT_RANGE_C[0] || td > DEW_POINT_RANGE_C[1])
      fail(lineNo, `dew_point_c ${td} outside ${DEW_POINT_RANGE_C}`);
    if (p < PRESSURE_RANGE_PA[0] || p > PRESSURE_RANGE_PA[1])
      fail(lineNo, `pressure_pa ${p} outside ${PRESSURE_RANGE_PA}`);
    dryBulbC[r] = t;
    dewPointC[r] = td;
    pressurePa[r] = p;
    // A dew point above the dry bulb is clamped to saturation inside wetBulbC (documented there).
    wet[r] = wetBulbC(t, td, p);
  }

  return { stationId, tzOffsetHours, dryBulbC, dewPointC, pressurePa, wetBulbC: wet };
}

/**
 * Load the typical year of a catalog station. `dataDir` is the data root that holds `weather/` (the
 * project's data/ folder); a folder that holds the CSV files directly also works.
 */
export function loadWeather(stationId: string, dataDir: string): WeatherYear {
  const station = getWeatherStation(stationId);
  if (station === undefined) {
    throw new Error(
      `unknown weather station "${stationId}"; known: ${WEATHER_STATIONS.map((s) => s.id).join(', ')}`,
    );
  }
  const inWeather = join(dataDir, 'weather', station.file);
  const path = existsSync(inWeather) ? inWeather : join(dataDir, station.file);
  if (!existsSync(path))
    throw new Error(
      `weather file for "${stationId}" not found: ${inWeather} — it ships with gigawatt in data/weather/ (see data/weather/PROVENANCE.md); reinstall the package or set GIGAWATT_DATA_DIR to a folder holding weather/${station.file}`,
    );
  return parseWeatherCsv(readFileSync(path, 'utf8'), path, station.id, station.tzOffsetHours);
}
