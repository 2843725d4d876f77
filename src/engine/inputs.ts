/**
 * What the engine needs for one run, already resolved from the scenario and the catalogs: plain
 * numbers and arrays, no ids to look up and no files to read. `src/io/scenario-data.ts` builds it in
 * Node; a browser can build it from fetched data.
 */

import type { CoolingSystem } from '../catalog/cooling.js';
import type { PowerCurve } from '../catalog/power-curve.js';
import type { GridSideInputs } from './grid-side-inputs.js';
import type { ReplayPolicy } from './replay.js';
import type { HourlySeries, WeatherYear } from './series.js';

export interface PhaseInputs {
  readonly id: string;
  readonly acceleratorId: string;
  /** 00:00 UTC of the online date, ms. */
  readonly onlineMs: number;
  readonly rampDays: number;
  readonly count: number;
  readonly boardPowerW: number;
  readonly hostNetworkWPerAccelerator: number;
  readonly powerCapW: number;
  /** Dense peak at the scenario's precision, FLOP/s per accelerator. */
  readonly peakFLOPS: number;
}

export interface SiteInputs {
  readonly id: string;
  readonly phases: readonly PhaseInputs[];
  readonly interconnectMW: number;
  readonly cooling: CoolingSystem;
  /** Share of accelerator-hours allocated to running jobs (the rest idle). */
  readonly busyFraction: number;
  /** Duty cycle of a running accelerator (input of the power curve). */
  readonly dutyCycle: number;
  /** Relative busy level by local standard hour (24 values, mean 1), or undefined for flat. */
  readonly hourlyShape?: readonly number[];
  /**
   * Busy fraction of each simulated hour from the cluster simulator (src/cluster/), when the scenario
   * has workloads; replaces busyFraction × hourlyShape. Power-equivalent share of accelerators running.
   */
  readonly busyFractionSeries?: Float64Array;
  readonly weather: WeatherYear;
  /** Grid intensity, lifecycle, gCO2eq/kWh (the region's fuel mix, or scaled to a stated annual average). */
  readonly carbonGPerKWh: HourlySeries;
  /** The same on the direct (combustion-only) basis, where the data source has it (summary carbon bases). */
  readonly carbonDirectGPerKWh?: HourlySeries;
  /** Which area and basis the grid intensity stands for, for the reader. */
  readonly carbonArea?: string;
  /** Hourly price series, or a flat price. */
  readonly price: HourlySeries | number;
  /** Supply, curtailment policies and regional demand (src/engine/grid-side-inputs.ts); absent: grid only. */
  readonly gridSide?: GridSideInputs;
}

export interface EngineInputs {
  /** 00:00 UTC of the first simulated day, ms. */
  readonly startMs: number;
  /** Number of simulated hours. */
  readonly hours: number;
  readonly sites: readonly SiteInputs[];
  readonly mfu: number;
  readonly powerCurve: PowerCurve;
  readonly replay: ReplayPolicy;
}
