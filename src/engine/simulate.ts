/**
 * The hourly pipeline for every site:
 *   environment → fleet → IT power → facility → supply → impacts → compute.
 * Pure: takes resolved inputs (./inputs.ts), returns the arrays; no I/O.
 */
import { computeStage } from './compute.js';
import { type EnvironmentReport, environmentStage } from './environment.js';
import { facilityStage } from './facility.js';
import { fleetStage } from './fleet.js';
import { impactsStage } from './impacts.js';
import type { EngineInputs } from './inputs.js';
import { itPowerStage } from './it-power.js';
import { allocateSiteHourly, type SiteHourly } from './site-hourly.js';
import { supplyStage } from './supply.js';

export interface SimulatedSite {
  readonly hourly: SiteHourly;
  readonly environment: EnvironmentReport;
}

export function simulateSite(inputs: EngineInputs, siteIndex: number): SimulatedSite {
  const site = inputs.sites[siteIndex];
  if (site === undefined) throw new RangeError(`no site at index ${siteIndex}`);
  const out = allocateSiteHourly(site.id, inputs.startMs, inputs.hours, site.phases.length);
  const environment = environmentStage(site, inputs.replay, out);
  fleetStage(site, out);
  itPowerStage(site, inputs, out);
  facilityStage(site, out);
  supplyStage(out);
  impactsStage(out);
  computeStage(site, inputs, out);
  return { hourly: out, environment };
}

/** Runs every site; `onSite` reports progress (sites done, total). */
export function simulate(
  inputs: EngineInputs,
  onSite?: (done: number, total: number) => void,
): SimulatedSite[] {
  return inputs.sites.map((_, i) => {
    const r = simulateSite(inputs, i);
    onSite?.(i + 1, inputs.sites.length);
    return r;
  });
}
