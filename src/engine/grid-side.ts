/**
 * The grid side of a site, wired into the hourly pipeline (src/engine/simulate.ts):
 *
 *   environment → fleet → [schedule] → IT power → [apply curtailment] → facility → supply → impacts
 *   → [fuel, CO2, 4CP charge] → compute → [compute lost]
 *
 * - schedule: the hourly curtailment request from exogenous signals (./flexibility/schedule.ts);
 * - apply: power-cap or pause the accelerators (./flexibility/apply.ts); 'onsite' leaves IT alone;
 * - supply: renewables, batteries, on-site generation and the grid (./supply.ts);
 * - impacts: on-site fuel cost joins energyCostUSD and its lifecycle CO2 (combustion × 490/370) joins co2Tonnes; the ERCOT 4CP
 *   transmission charge = rate $/kW-yr × 1,000 kW/MW × grid import at each actual CP hour / 4;
 * - compute: FLOP lost to capped clocks comes off the compute stage's count, and the compute lost to
 *   the schedule is s(t) × lost at full service, s = IT served / IT demand.
 */
import { ONSITE_GAS_LIFECYCLE_OVER_DIRECT } from '../catalog/emission-factors.js';
import { type AppliedCurtailment, applyCurtailment } from './flexibility/apply.js';
import type { CoincidentPeak } from './flexibility/four-cp.js';
import { type CurtailmentSchedule, curtailmentSchedule } from './flexibility/schedule.js';
import type { EngineInputs, SiteInputs } from './inputs.js';
import { replaySeries } from './replay.js';
import type { SiteHourly } from './site-hourly.js';
import { type SupplyReport, supplyStage } from './supply.js';

export interface GridSideReport {
  readonly schedule: CurtailmentSchedule;
  readonly applied: AppliedCurtailment;
  readonly supply: SupplyReport;
  readonly coincidentPeaks: readonly CoincidentPeak[];
}

/** Whether the site has anything behind the meter (then the supply stage enforces the interconnect). */
export function hasSupply(site: SiteInputs): boolean {
  const s = site.gridSide?.supply;
  return (
    s !== undefined &&
    (s.onsite.some((g) => g.capacityMW > 0) ||
      s.batteries.some((b) => b.energyMWh > 0 && b.powerMW > 0) ||
      s.solarMW > 0 ||
      s.windMW > 0)
  );
}

/**
 * Whether the grid-side stage writes the site's `GRID_SIDE_COLUMNS` (./site-hourly.ts): only with a
 * curtailment policy or something behind the meter; else they stay zero and may share one array.
 */
export function hasGridSideColumns(site: SiteInputs): boolean {
  return hasPolicies(site) || hasSupply(site);
}

/** Whether the site has curtailment policies (else nothing is shed, shifted or lost to them). */
function hasPolicies(site: SiteInputs): boolean {
  return (site.gridSide?.flexibility?.policies.length ?? 0) > 0;
}

/**
 * The curtailment applied at a site without policies: nothing. Its five columns are the site's
 * request column, which stays zero there (only read; `applyCurtailment` would fill five new arrays
 * with zeros and a baseline nobody reads without policies).
 */
function noCurtailment(zero: Float64Array): AppliedCurtailment {
  return {
    shedITMW: zero,
    addedITMW: zero,
    baselineFLOP: zero,
    lostFLOPAtFullService: zero,
    capLossFLOPAtFullService: zero,
  };
}

/**
 * Schedule and apply curtailment; call after the IT stage. `schedule`: the site's schedule when the
 * caller already has it (./exogenous-reuse.ts), else computed here.
 */
export function gridSideBeforeFacility(
  site: SiteInputs,
  inputs: EngineInputs,
  out: SiteHourly,
  schedule: CurtailmentSchedule = curtailmentSchedule(
    site.gridSide,
    out,
    inputs.replay,
    // without policies the request column stays zero (below): the schedule needs no arrays of its own
    hasPolicies(site) ? undefined : out.curtailRequestFraction,
  ),
): { schedule: CurtailmentSchedule; applied: AppliedCurtailment } {
  if (!hasPolicies(site)) {
    // nothing requested: keep the (zero) request column instead of the schedule's two zero arrays
    const zero = out.curtailRequestFraction;
    return {
      schedule: { ...schedule, curtailRequestFraction: zero, recoverFraction: zero },
      applied: noCurtailment(zero),
    };
  }
  out.curtailRequestFraction.set(schedule.curtailRequestFraction);
  const applied = applyCurtailment(
    site,
    inputs,
    site.gridSide?.flexibility,
    schedule.curtailRequestFraction,
    schedule.recoverFraction,
    out,
  );
  return { schedule, applied };
}

/**
 * The supply stage for this site; call after the facility stage. `gridImportWritten`: the facility
 * stage wrote the grid import already (a site with nothing behind the meter, ./facility.ts).
 */
export function gridSideSupply(
  site: SiteInputs,
  inputs: EngineInputs,
  out: SiteHourly,
  schedule: CurtailmentSchedule,
  applied: AppliedCurtailment,
  gridImportWritten = false,
): SupplyReport {
  // Load shed by power-cap or pause, at facility level: IT shed × PUE of the hour (none without policies:
  // the columns stay zero).
  if (hasPolicies(site))
    for (let h = 0; h < out.hours; h++) {
      out.curtailedMW[h] = (applied.shedITMW[h] as number) * (out.pue[h] as number);
      out.shiftedInMW[h] = (applied.addedITMW[h] as number) * (out.pue[h] as number);
    }
  const supply = site.gridSide?.supply;
  if (supply === undefined || !hasSupply(site))
    return gridImportWritten ? { generatorMWh: [], unservedFacilityMWh: 0 } : supplyStage(out);
  const renewableMW = new Float64Array(out.hours);
  const add = (mw: number, profile: typeof supply.solarProfile) => {
    if (mw <= 0 || profile === undefined) return;
    const p = replaySeries(profile, out.startMs, out.hours, inputs.replay).values;
    for (let h = 0; h < out.hours; h++) renewableMW[h] = (renewableMW[h] as number) + mw * (p[h] as number);
  };
  add(supply.solarMW, supply.solarProfile);
  add(supply.windMW, supply.windProfile);
  const onsiteAction = site.gridSide?.flexibility?.action === 'onsite';
  return supplyStage(out, {
    supply,
    interconnectMW: site.interconnectMW,
    renewableMW,
    ...(onsiteAction ? { offGridShare: schedule.curtailRequestFraction } : {}),
  });
}

/** Adds on-site fuel cost and CO2 and the 4CP transmission charge; call after the impacts stage. */
export function gridSideImpacts(site: SiteInputs, out: SiteHourly, schedule: CurtailmentSchedule): void {
  // on-site fuel cost and CO2 (zero columns without anything behind the meter); on-site CO2 joins the
  // headline on its lifecycle basis (onsiteCO2Tonnes stays combustion-only)
  const onsiteLifecycle = ONSITE_GAS_LIFECYCLE_OVER_DIRECT.value;
  if (hasSupply(site))
    for (let h = 0; h < out.hours; h++) {
      out.energyCostUSD[h] = (out.energyCostUSD[h] as number) + (out.fuelCostUSD[h] as number);
      out.co2Tonnes[h] = (out.co2Tonnes[h] as number) + (out.onsiteCO2Tonnes[h] as number) * onsiteLifecycle;
    }
  const rate = site.gridSide?.transmissionUSDPerKWYear ?? 0;
  if (rate <= 0) return;
  for (const cp of schedule.coincidentPeaks)
    out.transmissionChargeUSD[cp.hour] = ((out.gridImportMW[cp.hour] as number) * 1000 * rate) / 4;
}

/** Takes capped-clock losses off the compute count and fills computeLostFLOP; call after compute. */
export function gridSideCompute(site: SiteInputs, out: SiteHourly, applied: AppliedCurtailment): void {
  if (!hasPolicies(site)) return; // no request: no capped clocks, no compute lost
  const onsite = site.gridSide?.flexibility?.action === 'onsite';
  for (let h = 0; h < out.hours; h++) {
    const demand = out.itDemandMW[h] as number;
    const s = demand > 0 ? (out.itMW[h] as number) / demand : 0;
    const capLoss = (applied.capLossFLOPAtFullService[h] as number) * s;
    if (capLoss > 0) out.computeFLOP[h] = Math.max(0, (out.computeFLOP[h] as number) - capLoss);
    if (onsite) {
      // Requested hours the site could not carry on site: the unserved share of its compute.
      if ((out.curtailRequestFraction[h] as number) > 0)
        out.computeLostFLOP[h] = (applied.baselineFLOP[h] as number) * (1 - s);
    } else out.computeLostFLOP[h] = (applied.lostFLOPAtFullService[h] as number) * s;
  }
}
