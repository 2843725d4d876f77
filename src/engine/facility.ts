/**
 * Stage 4, facility: cooling and power-conversion overhead, and the interconnect limit.
 *
 *   loadFraction = IT demand / IT installed
 *   PUE(t)       = 1 + electrical loss + fixed + cooling  (per unit of IT power; the cooling model of
 *                  docs/cooling.md, from outdoor dry/wet bulb and loadFraction)
 *   facility demand = IT demand · PUE
 *   if facility demand > interconnect:  IT served = interconnect / PUE, the rest is unserved IT
 *   cooling, electrical loss, fixed = IT served · (their terms);  overhead = their sum
 *   facility  = IT served + overhead                    (the energy balance, exact by construction)
 *   water m³  = IT served MWh · L/kWh(t)                (1 MWh = 1,000 kWh; 1,000 L = 1 m³)
 * PUE is evaluated at the demanded load fraction (a curtailed hour's small change in part-load
 * efficiency is neglected).
 */
import {
  type CoolingCoefficients,
  coolingCoefficients,
  coolingTermsAt,
  createCoolingBreakdown,
} from './cooling-model.js';
import type { SiteInputs } from './inputs.js';
import type { SiteHourly } from './site-hourly.js';

export function facilityStage(site: SiteInputs, out: SiteHourly): void {
  facilityHours(
    coolingCoefficients(site.cooling),
    site.interconnectMW,
    out.hours,
    out.itDemandMW,
    out.itInstalledMW,
    out.acceleratorDemandMW,
    out.dryBulbC,
    out.wetBulbC,
    out,
  );
}

/** The hourly loop over plain typed arrays (monomorphic; the outputs written through `out`'s columns). */
function facilityHours(
  cooling: CoolingCoefficients,
  limit: number,
  hours: number,
  itDemandMW: Float64Array,
  itInstalledMW: Float64Array,
  acceleratorDemandMW: Float64Array,
  dryBulbC: Float64Array,
  wetBulbC: Float64Array,
  out: SiteHourly,
): void {
  const terms = createCoolingBreakdown();
  const loadFraction = out.loadFraction;
  const pueOut = out.pue;
  const itMW = out.itMW;
  const acceleratorMW = out.acceleratorMW;
  const unservedITMW = out.unservedITMW;
  const coolingMW = out.coolingMW;
  const electricalLossMW = out.electricalLossMW;
  const fixedLoadMW = out.fixedLoadMW;
  const overheadMW = out.overheadMW;
  const facilityMW = out.facilityMW;
  const waterM3 = out.waterM3;
  for (let h = 0; h < hours; h++) {
    const demand = itDemandMW[h] as number;
    if (demand <= 0) {
      loadFraction[h] = 0;
      pueOut[h] = 0;
      itMW[h] = 0;
      acceleratorMW[h] = 0;
      unservedITMW[h] = 0;
      coolingMW[h] = 0;
      electricalLossMW[h] = 0;
      fixedLoadMW[h] = 0;
      overheadMW[h] = 0;
      facilityMW[h] = 0;
      waterM3[h] = 0;
      continue;
    }
    const lf = Math.min(1, demand / (itInstalledMW[h] as number));
    const pue = coolingTermsAt(cooling, dryBulbC[h] as number, wetBulbC[h] as number, lf, terms);
    const served = demand * pue > limit ? limit / pue : demand;
    const cool = served * terms.cooling;
    const electrical = served * terms.electricalLoss;
    const fixed = served * terms.fixed;
    const overhead = cool + electrical + fixed;
    loadFraction[h] = lf;
    pueOut[h] = pue;
    itMW[h] = served;
    acceleratorMW[h] = (acceleratorDemandMW[h] as number) * (served / demand);
    unservedITMW[h] = demand - served;
    coolingMW[h] = cool;
    electricalLossMW[h] = electrical;
    fixedLoadMW[h] = fixed;
    overheadMW[h] = overhead;
    facilityMW[h] = served + overhead;
    waterM3[h] = served * terms.waterLPerKWh;
  }
}
