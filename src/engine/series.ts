/**
 * Hourly time series shared by the data loaders and the engine.
 *
 * Time convention (stated once for the whole project): every hourly value belongs to the clock hour
 * [t, t + 1 h) in UTC, identified by its start `t` in milliseconds since the Unix epoch. Power values
 * are averages over that hour, so a value in MW equals the energy in MWh of that hour.
 */
export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** 00:00 UTC of an ISO date `YYYY-MM-DD` (the scenario format's dates), ms since the epoch. */
export const isoDateMs = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);

/** A contiguous UTC hourly series; `values[i]` covers [startMs + i h, startMs + (i + 1) h). NaN = missing. */
export interface HourlySeries {
  readonly startMs: number;
  readonly values: Float64Array;
}

/** One typical meteorological year (TMY2/TMY3) for a station, 8,760 rows in local standard time. */
export interface WeatherYear {
  readonly stationId: string;
  /** Hours east of UTC of the station's local standard time (e.g. -6 for US Central). */
  readonly tzOffsetHours: number;
  /** Row i is hour-of-year i of a 365-day year: (dayOfYear - 1) * 24 + hour, local standard time. */
  readonly dryBulbC: Float64Array;
  readonly dewPointC: Float64Array;
  readonly pressurePa: Float64Array;
  /** Thermodynamic (psychrometric) wet-bulb temperature derived from the three columns above. */
  readonly wetBulbC: Float64Array;
}
