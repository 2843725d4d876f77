import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getWeatherStation, WEATHER_STATIONS } from '../src/catalog/weather-stations.js';
import { relativeHumidityPct } from '../src/engine/psychrometrics.js';
import type { WeatherYear } from '../src/engine/series.js';
import { dataDir } from '../src/io/paths.js';
import { loadWeather, parseWeatherCsv, WEATHER_HOURS } from '../src/io/weather.js';

const DATA = dataDir();
const years = new Map<string, WeatherYear>(WEATHER_STATIONS.map((s) => [s.id, loadWeather(s.id, DATA)]));
const year = (id: string): WeatherYear => years.get(id) as WeatherYear;
const mean = (a: ArrayLike<number>) => Array.from(a).reduce((x, y) => x + y, 0) / a.length;

/** Rows of one calendar month (1..12) of the 365-day typical year. */
function monthRows(month: number): [number, number] {
  const days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  const start = days.slice(0, month - 1).reduce((a, b) => a + b, 0) * 24;
  return [start, start + (days[month - 1] as number) * 24];
}
const monthMean = (a: Float64Array, month: number) => mean(a.subarray(...monthRows(month)));

describe('weather station catalog', () => {
  it('has the eleven bundled stations with short readable ids', () => {
    expect(WEATHER_STATIONS.map((s) => s.id).sort()).toEqual(
      [
        'abilene-tx',
        'dallas-fort-worth-tx',
        'buffalo-ny',
        'south-bend-in',
        'memphis-tn',
        'phoenix-az',
        'sterling-va',
        'atlanta-ga',
        'columbus-oh',
        'shreveport-la',
        'milwaukee-wi',
      ].sort(),
    );
    expect(getWeatherStation('phoenix-az')?.tzOffsetHours).toBe(-7);
    expect(getWeatherStation('nowhere')).toBeUndefined();
  });

  it('names an existing file for every station, whose dataset matches the file name', () => {
    for (const s of WEATHER_STATIONS) {
      expect(existsSync(join(DATA, 'weather', s.file)), s.file).toBe(true);
      expect(s.file.endsWith(`_${s.dataset}.csv`)).toBe(true);
      expect(s.source).toContain('PROVENANCE.md');
      expect(s.latitude).toBeGreaterThan(24);
      expect(s.latitude).toBeLessThan(50);
      expect(s.longitude).toBeLessThan(-66);
      expect([-5, -6, -7]).toContain(s.tzOffsetHours);
    }
  });
});

describe('loadWeather', () => {
  it('loads 8,760 finite hours for every station, wet bulb between dew point and dry bulb', () => {
    for (const s of WEATHER_STATIONS) {
      const w = year(s.id);
      expect(w.stationId).toBe(s.id);
      expect(w.tzOffsetHours).toBe(s.tzOffsetHours);
      for (const a of [w.dryBulbC, w.dewPointC, w.pressurePa, w.wetBulbC])
        expect(a.length).toBe(WEATHER_HOURS);
      let bad = 0;
      for (let i = 0; i < WEATHER_HOURS; i++) {
        const t = w.dryBulbC[i] as number;
        const tw = w.wetBulbC[i] as number;
        if (!(Number.isFinite(tw) && tw <= t && tw >= Math.min(t, w.dewPointC[i] as number))) bad++;
      }
      expect(bad, s.id).toBe(0);
    }
  });

  // Annual mean, min and max dry bulb as stated per file in data/weather/PROVENANCE.md: a check that the
  // columns were read as the converter wrote them.
  it.each([
    ['abilene-tx', 17.65, -12.2, 38.9],
    ['dallas-fort-worth-tx', 18.73, -11.7, 40.0],
    ['buffalo-ny', 9.05, -18.9, 31.7],
    ['south-bend-in', 10.07, -18.3, 33.9],
    ['memphis-tn', 16.71, -10.6, 36.1],
    ['phoenix-az', 23.8, 2.2, 44.4],
    ['sterling-va', 12.67, -16.1, 37.2],
    ['atlanta-ga', 16.65, -12.8, 36.7],
    ['columbus-oh', 11.06, -18.9, 34.4],
    ['shreveport-la', 18.19, -6.1, 38.9],
    ['milwaukee-wi', 8.09, -24.4, 36.7],
  ])('%s matches the dry-bulb mean %f, min %f, max %f of PROVENANCE.md', (id, m, lo, hi) => {
    const w = year(id);
    expect(Math.abs(mean(w.dryBulbC) - m)).toBeLessThan(0.006);
    expect(Math.min(...w.dryBulbC)).toBeCloseTo(lo, 5);
    expect(Math.max(...w.dryBulbC)).toBeCloseTo(hi, 5);
  });

  it('reproduces the file relative humidity from dry bulb and dew point (median error < 0.5 points)', () => {
    // PROVENANCE.md reports a median |diff| of 0.2–0.4 RH points with the Magnus formula.
    for (const s of WEATHER_STATIONS) {
      const rh = readFileSync(join(DATA, 'weather', s.file), 'utf8')
        .trim()
        .split(/\r?\n/)
        .slice(1)
        .map((l) => Number(l.split(',')[6]));
      const w = year(s.id);
      const diffs = rh
        .map((v, i) => Math.abs(relativeHumidityPct(w.dryBulbC[i] as number, w.dewPointC[i] as number) - v))
        .sort((a, b) => a - b);
      expect(diffs[Math.floor(diffs.length / 2)], s.id).toBeLessThan(0.5);
    }
  });

  it('has a Phoenix July wet bulb far below its dry bulb (desert air)', () => {
    const w = year('phoenix-az');
    const db = monthMean(w.dryBulbC, 7);
    const wb = monthMean(w.wetBulbC, 7);
    expect(db).toBeGreaterThan(32);
    expect(db - wb).toBeGreaterThan(10);
    // and a humid July in Shreveport has a much smaller depression
    const s = year('shreveport-la');
    expect(monthMean(s.dryBulbC, 7) - monthMean(s.wetBulbC, 7)).toBeLessThan(7);
  });

  it('has Buffalo colder than Phoenix in every month', () => {
    const b = year('buffalo-ny');
    const p = year('phoenix-az');
    expect(mean(p.dryBulbC) - mean(b.dryBulbC)).toBeGreaterThan(10);
    for (let m = 1; m <= 12; m++) expect(monthMean(b.dryBulbC, m)).toBeLessThan(monthMean(p.dryBulbC, m));
  });

  it('reads lower station pressure at the higher station (Abilene 534 m vs Shreveport 79 m)', () => {
    expect(mean(year('abilene-tx').pressurePa)).toBeLessThan(mean(year('shreveport-la').pressurePa) - 4000);
  });

  it('rejects an unknown station id, naming the known ones', () => {
    expect(() => loadWeather('atlantis', DATA)).toThrow(/unknown weather station "atlantis".*sterling-va/);
  });

  it('also accepts the weather folder itself as dataDir', () => {
    expect(loadWeather('buffalo-ny', join(DATA, 'weather')).dryBulbC).toEqual(year('buffalo-ny').dryBulbC);
  });
});

describe('parseWeatherCsv', () => {
  const text = readFileSync(join(DATA, 'weather', 'VA_Sterling_TMY3.csv'), 'utf8');
  const lines = text.trim().split(/\r?\n/);
  const withLine = (lineNo: number, content: string) =>
    lines.map((l, i) => (i === lineNo - 1 ? content : l)).join('\n');
  const parse = (t: string) => parseWeatherCsv(t, 'test.csv', 'test', -5);

  it('parses the file as loadWeather does, with CRLF line endings too', () => {
    const a = parse(text);
    const b = parse(lines.join('\r\n'));
    expect(a.wetBulbC).toEqual(year('sterling-va').wetBulbC);
    expect(b.dryBulbC).toEqual(a.dryBulbC);
  });

  it('names file and line for a non-numeric cell', () => {
    expect(() => parse(withLine(101, '99,1,5,3,abc,1.0,50,100000'))).toThrow(
      /^test\.csv:101: dry_bulb_c is not a number/,
    );
  });

  it('names file and line for a row out of calendar order', () => {
    const row = lines[50] as string; // line 51 = hour 49
    expect(() => parse(withLine(52, row))).toThrow(
      /^test\.csv:52: hour_of_year 49 out of order \(expected 50\)/,
    );
  });

  it('rejects a month/day/hour that does not match the hour of the year', () => {
    expect(() => parse(withLine(2, '0,1,2,0,1.0,0.0,90,100000'))).toThrow(
      /test\.csv:2: .*hour 24 of the year, not 0/,
    );
  });

  it('rejects a wrong row count and a missing column', () => {
    expect(() => parse(lines.slice(0, -1).join('\n'))).toThrow(/expected 8760 data rows, found 8759/);
    expect(() => parse(text.replace('pressure_pa', 'pressure_hpa'))).toThrow(
      /test\.csv:1: missing column "pressure_pa"/,
    );
  });

  it('rejects physically impossible values', () => {
    expect(() => parse(withLine(2, '0,1,1,0,1.0,0.0,90,1000'))).toThrow(
      /test\.csv:2: pressure_pa 1000 outside/,
    );
    expect(() => parse(withLine(2, '0,1,1,0,75.0,0.0,90,100000'))).toThrow(
      /test\.csv:2: dry_bulb_c 75 outside/,
    );
  });

  it('clamps a dew point above the dry bulb: the wet bulb equals the dry bulb', () => {
    const w = parse(withLine(2, '0,1,1,0,10.0,12.0,100,100000'));
    expect(w.wetBulbC[0]).toBe(10);
    expect(w.dewPointC[0]).toBe(12);
  });
});
