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
import { coolingBreakdownAt, createCoolingBreakdown } from './cooling-model.js';
import type { SiteInputs } from './inputs.js';
import type { SiteHourly } from './site-hourly.js';

export function facilityStage(site: SiteInputs, out: SiteHourly): void {
  const sys = site.cooling;
  const limit = site.interconnectMW;
  const terms = createCoolingBreakdown();
  for (let h = 0; h < out.hours; h++) {
    const demand = out.itDemandMW[h] as number;
    if (demand <= 0) {
      out.loadFraction[h] = 0;
      out.pue[h] = 0;
      out.itMW[h] = 0;
      out.acceleratorMW[h] = 0;
      out.unservedITMW[h] = 0;
      out.coolingMW[h] = 0;
      out.electricalLossMW[h] = 0;
      out.fixedLoadMW[h] = 0;
      out.overheadMW[h] = 0;
      out.facilityMW[h] = 0;
      out.waterM3[h] = 0;
      continue;
    }
    const lf = Math.min(1, demand / (out.itInstalledMW[h] as number));
    const pue = coolingBreakdownAt(sys, out.dryBulbC[h] as number, out.wetBulbC[h] as number, lf, terms);
    const served = demand * pue > limit ? limit / pue : demand;
    const cooling = served * terms.cooling;
    const electrical = served * terms.electricalLoss;
    const fixed = served * terms.fixed;
    const overhead = cooling + electrical + fixed;
    out.loadFraction[h] = lf;
    out.pue[h] = pue;
    out.itMW[h] = served;
    out.acceleratorMW[h] = (out.acceleratorDemandMW[h] as number) * (served / demand);
    out.unservedITMW[h] = demand - served;
    out.coolingMW[h] = cooling;
    out.electricalLossMW[h] = electrical;
    out.fixedLoadMW[h] = fixed;
    out.overheadMW[h] = overhead;
    out.facilityMW[h] = served + overhead;
    out.waterM3[h] = served * terms.waterLPerKWh;
  }
}
