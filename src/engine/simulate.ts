/**
 * The hourly pipeline for every site:
 *   environment → fleet → IT power → facility → supply → impacts → compute.
 * Pure: takes resolved inputs (./inputs.ts), returns the arrays; no I/O.
 */
import { computeStage } from './compute.js';
import { type EnvironmentReport, environmentStage } from './environment.js';
import type { ExogenousReuse } from './exogenous-reuse.js';
import { facilityStage } from './facility.js';
import { fleetStage } from './fleet.js';
import {
  type GridSideReport,
  gridSideBeforeFacility,
  gridSideCompute,
  gridSideImpacts,
  gridSideSupply,
  hasGridSideColumns,
  hasSupply,
} from './grid-side.js';
import { impactsStage } from './impacts.js';
import type { EngineInputs } from './inputs.js';
import { itPowerStage } from './it-power.js';
import { allocateSiteHourly, type ColumnPool, type SiteHourly } from './site-hourly.js';

export interface SimulatedSite {
  readonly hourly: SiteHourly;
  readonly environment: EnvironmentReport;
  /** Curtailment schedule, its application and the supply dispatch (src/engine/grid-side.ts). */
  readonly gridSide?: GridSideReport;
}

/**
 * One site; with `pool`, its columns are the pool's (the previous run's, zeroed) instead of new ones;
 * with `reuse`, the environment, fleet and curtailment schedule come from the previous run when their
 * inputs are the same (./exogenous-reuse.ts; identical results).
 */
export function simulateSite(
  inputs: EngineInputs,
  siteIndex: number,
  pool?: ColumnPool,
  reuse?: ExogenousReuse,
): SimulatedSite {
  const site = inputs.sites[siteIndex];
  if (site === undefined) throw new RangeError(`no site at index ${siteIndex}`);
  const grid = hasGridSideColumns(site);
  const out = pool
    ? pool.siteHourly(siteIndex, site.id, inputs.startMs, inputs.hours, site.phases.length, grid)
    : allocateSiteHourly(site.id, inputs.startMs, inputs.hours, site.phases.length, grid);
  const exogenous = reuse?.stages(siteIndex, site, inputs, out);
  const environment = exogenous?.environment ?? environmentStage(site, inputs.replay, out);
  if (exogenous === undefined) fleetStage(site, out);
  itPowerStage(site, inputs, out);
  const { schedule, applied } = gridSideBeforeFacility(site, inputs, out, exogenous?.schedule);
  // With supply behind the meter the supply stage enforces the interconnect, not the facility stage.
  // Without, the grid import is the facility power: the facility stage writes it and the impacts in
  // its own pass (the same arithmetic as the supply and impacts stages).
  const behindMeter = hasSupply(site);
  if (behindMeter) facilityStage({ ...site, interconnectMW: Number.POSITIVE_INFINITY }, out);
  else facilityStage(site, out, true);
  const supply = gridSideSupply(site, inputs, out, schedule, applied, !behindMeter);
  if (behindMeter) impactsStage(out);
  gridSideImpacts(site, out, schedule);
  computeStage(site, inputs, out);
  gridSideCompute(site, out, applied);
  return {
    hourly: out,
    environment,
    gridSide: { schedule, applied, supply, coincidentPeaks: schedule.coincidentPeaks },
  };
}

/**
 * Runs every site; `onSite` reports progress (sites done, total). With `pool` the hourly columns are
 * reused from the pool's previous run (src/engine/site-hourly.ts `ColumnPool`), which that run loses.
 */
export function simulate(
  inputs: EngineInputs,
  onSite?: (done: number, total: number) => void,
  pool?: ColumnPool,
  reuse?: ExogenousReuse,
): SimulatedSite[] {
  return inputs.sites.map((_, i) => {
    const r = simulateSite(inputs, i, pool, reuse);
    onSite?.(i + 1, inputs.sites.length);
    return r;
  });
}
