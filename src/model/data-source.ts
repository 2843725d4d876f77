/**
 * What resolution needs from the outside world (the hourly series) and what it records (the values it
 * used and their basis). Shared by resolve.ts and its parts.
 */
import type { HourlySeries, WeatherYear } from '../engine/series.js';

/** Where the hourly data come from (files in Node, fetched data in a browser). */
export interface DataSource {
  weather(stationId: string): WeatherYear;
  /**
   * Hourly average carbon intensity of the region (gCO2eq/kWh, lifecycle), the same mix with direct
   * (combustion-only) factors where available, and a sentence on how it was derived.
   */
  regionCarbon(regionId: string): {
    carbonGPerKWh: HourlySeries;
    carbonDirectGPerKWh?: HourlySeries;
    carbonBasis: string;
  };
  price(seriesId: string): HourlySeries;
  /** Hourly demand of the region, MW (EIA-930 cleaned); needed for grid-emergency, 4CP and ERCOT charges. */
  regionDemand(regionId: string): HourlySeries;
  /** Hourly solar or wind generation of the region, MW; undefined where not bundled. */
  regionGeneration(regionId: string, kind: 'solar' | 'wind'): HourlySeries | undefined;
}

/** One value the run used, where it applies, and its basis. */
export interface Assumption {
  /** Field path or catalog key it applies to, e.g. sites[0].phases[1].boardPowerW */
  readonly path: string;
  readonly value: number | string;
  readonly unit: string;
  /** 'scenario' (given by the user), 'default' (schema default), 'catalog' (sourced figure), 'estimate', 'data' */
  readonly kind: 'scenario' | 'default' | 'catalog' | 'estimate' | 'data';
  readonly basis: string;
}
