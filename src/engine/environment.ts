/**
 * Stage 1, environment: puts the outside world on the simulated hours.
 *
 * - Weather: the typical meteorological year is in local standard time. Simulated UTC hour t is
 *   shifted by the station's offset, and the local (month, day, hour) picks the TMY row
 *   (dayOfYear₃₆₅ − 1)·24 + hour; 29 February takes 28 February. Every simulated year sees the same
 *   typical year.
 * - Grid carbon intensity (gCO2eq/kWh) and price ($/MWh): the region's historical hourly series,
 *   replayed onto the simulated years by `replaySeries` (see ./replay.ts for the rules).
 */
import type { SiteInputs } from './inputs.js';
import { type Replayed, type ReplayPolicy, replaySeries } from './replay.js';
import { DAY_MS, HOUR_MS, type WeatherYear } from './series.js';
import type { SiteHourly } from './site-hourly.js';

const CUMULATIVE_DAYS = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

/** Row of a 8,760-hour typical year for a local standard time given as ms (UTC fields read as local). */
export function tmyRow(localMs: number): number {
  const d = new Date(localMs);
  const month = d.getUTCMonth();
  let day = d.getUTCDate();
  if (month === 1 && day === 29) day = 28;
  return ((CUMULATIVE_DAYS[month] ?? 0) + day - 1) * 24 + d.getUTCHours();
}

/** What the environment stage learned about the data it replayed, for the run's assumptions. */
export interface EnvironmentReport {
  readonly carbon: Replayed;
  readonly price?: Replayed;
}

export function mapWeather(weather: WeatherYear, out: SiteHourly): void {
  const offsetMs = weather.tzOffsetHours * HOUR_MS;
  if (Number.isInteger(out.startMs) && Number.isInteger(offsetMs))
    mapWeatherByDay(weather.dryBulbC, weather.wetBulbC, out.startMs + offsetMs, out);
  else mapWeatherByHour(weather, offsetMs, out);
}

/**
 * The weather mapping a local day at a time: the day's row and the first hour's local hour as
 * `mapWeatherByHour` computes them, then the following hours of that day as consecutive rows (with
 * whole milliseconds the local time of hour h + 1 is that of hour h plus one hour exactly, so its
 * local hour is one more until the day ends at hour 23). The same values as hour by hour.
 */
function mapWeatherByDay(dry: Float64Array, wet: Float64Array, localStartMs: number, out: SiteHourly): void {
  const hours = out.hours;
  const dryBulbC = out.dryBulbC;
  const wetBulbC = out.wetBulbC;
  const localHour = out.localHour;
  let h = 0;
  while (h < hours) {
    const localMs = localStartMs + h * HOUR_MS;
    const dayMs = Math.floor(localMs / DAY_MS) * DAY_MS;
    const hour = Math.floor((localMs - dayMs) / HOUR_MS);
    const row = tmyRow(dayMs) + hour;
    const run = Math.min(24 - hour, hours - h);
    for (let k = 0; k < run; k++) {
      dryBulbC[h + k] = dry[row + k] as number;
      wetBulbC[h + k] = wet[row + k] as number;
      localHour[h + k] = hour + k;
    }
    h += run;
  }
}

/** The weather mapping hour by hour (any start and offset). */
function mapWeatherByHour(weather: WeatherYear, offsetMs: number, out: SiteHourly): void {
  let dayStartMs = Number.NaN;
  let dayRow = 0;
  for (let h = 0; h < out.hours; h++) {
    const localMs = out.startMs + h * HOUR_MS + offsetMs;
    const dayMs = Math.floor(localMs / DAY_MS) * DAY_MS;
    if (dayMs !== dayStartMs) {
      dayStartMs = dayMs;
      dayRow = tmyRow(dayMs);
    }
    const hour = Math.floor((localMs - dayMs) / HOUR_MS);
    out.dryBulbC[h] = weather.dryBulbC[dayRow + hour] as number;
    out.wetBulbC[h] = weather.wetBulbC[dayRow + hour] as number;
    out.localHour[h] = hour;
  }
}

export function environmentStage(site: SiteInputs, replay: ReplayPolicy, out: SiteHourly): EnvironmentReport {
  mapWeather(site.weather, out);
  const carbon = replaySeries(site.carbonGPerKWh, out.startMs, out.hours, replay, out.carbonGPerKWh);
  if (typeof site.price === 'number') {
    out.priceUSDPerMWh.fill(site.price);
    return { carbon };
  }
  const price = replaySeries(site.price, out.startMs, out.hours, replay, out.priceUSDPerMWh);
  return { carbon, price };
}
