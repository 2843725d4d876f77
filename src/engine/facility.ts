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
  EVAPORATION_L_PER_KWH_HEAT,
} from './cooling-model.js';
import type { SiteInputs } from './inputs.js';
import type { SiteHourly } from './site-hourly.js';

/**
 * The facility stage. With `gridImport` (a site with nothing behind the meter, where the grid import is
 * the facility power: src/engine/supply.ts `supplyStage` without a plan) it also writes the grid import
 * and the impacts of ./impacts.ts in the same pass, with the same arithmetic; the caller then skips
 * those two passes.
 */
export function facilityStage(site: SiteInputs, out: SiteHourly, gridImport = false): void {
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
    gridImport,
  );
}

/**
 * The hourly loop over plain typed arrays (monomorphic; the outputs written through `out`'s columns),
 * with the cooling model's terms (./cooling-model.ts `coolingTermsAt`) evaluated in line: the same
 * operations in the same order, on the coefficients held in locals, for only the terms the facility
 * needs (PUE, cooling, electrical loss, fixed load, water). `coolingTermsAt` is too large for V8 to
 * inline, and a call per hour writing eleven fields of a record cost about as much as the arithmetic.
 * test/speed-engine-kernels.test.ts pins every column to `coolingTermsAt` hour by hour, bit for bit.
 */
function facilityHours(
  c: CoolingCoefficients,
  limit: number,
  hours: number,
  itDemandMW: Float64Array,
  itInstalledMW: Float64Array,
  acceleratorDemandMW: Float64Array,
  dryBulbC: Float64Array,
  wetBulbC: Float64Array,
  out: SiteHourly,
  gridImport: boolean,
): void {
  const gridImportMW = out.gridImportMW;
  const carbonGPerKWh = out.carbonGPerKWh;
  const priceUSDPerMWh = out.priceUSDPerMWh;
  const co2Tonnes = out.co2Tonnes;
  const energyCostUSD = out.energyCostUSD;
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
  const minLoad = c.minLoad;
  const electricalLoss = c.electricalLoss;
  const electricalNoLoad = c.electricalNoLoad;
  const fixedOverhead = c.fixedOverhead;
  const plant = c.plant;
  const towerApproachK = c.towerApproachK;
  const dryApproachK = c.dryApproachK;
  const switchBandK = c.switchBandK;
  const switchDryBulbC = c.switchDryBulbC;
  const condenserAboveSinkK = c.condenserAboveSinkK;
  const minLiftK = c.minLiftK;
  const phi = c.liquidCapture;
  const liquid = c.hasLiquidLoop === 1 && phi > 0;
  const liqFansPumps = c.liqFansPumps;
  const liqRiseK = c.liqRiseK;
  const liqSupplyC = c.liqSupplyC;
  const liqEvaporatingC = c.liqEvaporatingC;
  const liqCarnotK = c.liqCarnotK;
  const airFansPumps = c.airFansPumps;
  const airRiseK = c.airRiseK;
  const airSupplyC = c.airSupplyC;
  const airEvaporatingC = c.airEvaporatingC;
  const airCarnotK = c.airCarnotK;
  const outsideAir = c.economiser === 0;
  const econHighLimitC = c.econHighLimitC;
  const econApproachK = c.econApproachK;
  const plantFansPumps = c.plantFansPumps;
  const evaporativeShare = c.evaporativeShare;
  const cycles = c.cycles;
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
      if (gridImport) {
        // ./impacts.ts on a grid import of 0 (−0 where the price or intensity is negative)
        gridImportMW[h] = 0;
        co2Tonnes[h] = (0 * (carbonGPerKWh[h] as number)) / 1000;
        energyCostUSD[h] = 0 * (priceUSDPerMWh[h] as number);
      }
      continue;
    }
    const lf = Math.min(1, demand / (itInstalledMW[h] as number));
    // coolingTermsAt(c, dryBulbC[h], wetBulbC[h], lf), in line
    const db = dryBulbC[h] as number;
    const load = Number.isNaN(lf) ? minLoad : Math.max(lf, minLoad);
    const wb = Math.min(wetBulbC[h] as number, db);
    const electrical = electricalLoss + electricalNoLoad / load;
    const fixed = fixedOverhead / load;
    let wetShare = 0;
    let plantSinkC: number;
    if (plant === 0) {
      wetShare = 1;
      plantSinkC = wb + towerApproachK;
    } else if (plant === 1) {
      plantSinkC = db + dryApproachK;
    } else {
      const above = db - switchDryBulbC;
      wetShare = switchBandK > 0 ? Math.min(1, Math.max(0, above / switchBandK + 0.5)) : above >= 0 ? 1 : 0;
      plantSinkC = (1 - wetShare) * (db + dryApproachK) + wetShare * (wb + towerApproachK);
    }
    const condensingC = plantSinkC + condenserAboveSinkK;
    let moving = 0;
    let chiller = 0;
    let rejected = 0;
    if (liquid) {
      const m = liqFansPumps * phi;
      const q = phi + m;
      const f = Math.min(1, Math.max(0, (liqSupplyC + liqRiseK - plantSinkC) / liqRiseK));
      const w = f >= 1 ? 0 : ((1 - f) * q * Math.max(condensingC - liqEvaporatingC, minLiftK)) / liqCarnotK;
      moving += m;
      chiller += w;
      rejected += q + w;
    }
    {
      const base = 1 - phi + electrical;
      const m = airFansPumps * base;
      const q = base + m;
      let f: number;
      if (outsideAir)
        f =
          db <= econHighLimitC
            ? Math.min(1, Math.max(0, (airSupplyC + airRiseK - (db + econApproachK)) / airRiseK))
            : 0;
      else f = Math.min(1, Math.max(0, (airSupplyC + airRiseK - plantSinkC) / airRiseK));
      const w = f >= 1 ? 0 : ((1 - f) * q * Math.max(condensingC - airEvaporatingC, minLiftK)) / airCarnotK;
      moving += m;
      chiller += w;
      rejected += (outsideAir ? (1 - f) * q : q) + w;
    }
    const heatRejection = plantFansPumps * rejected;
    const coolingTerm = moving + chiller + heatRejection;
    const pue = 1 + electrical + fixed + coolingTerm;
    let waterLPerKWh = 0;
    if (wetShare > 0 && plant !== 1)
      waterLPerKWh =
        wetShare * evaporativeShare * rejected * EVAPORATION_L_PER_KWH_HEAT * (cycles / (cycles - 1));
    // the facility
    const served = demand * pue > limit ? limit / pue : demand;
    const cool = served * coolingTerm;
    const electricalMW = served * electrical;
    const fixedMW = served * fixed;
    const overhead = cool + electricalMW + fixedMW;
    loadFraction[h] = lf;
    pueOut[h] = pue;
    itMW[h] = served;
    acceleratorMW[h] = (acceleratorDemandMW[h] as number) * (served / demand);
    unservedITMW[h] = demand - served;
    coolingMW[h] = cool;
    electricalLossMW[h] = electricalMW;
    fixedLoadMW[h] = fixedMW;
    overheadMW[h] = overhead;
    const facility = served + overhead;
    facilityMW[h] = facility;
    waterM3[h] = served * waterLPerKWh;
    if (gridImport) {
      // supplyStage without a plan (grid import = facility), then impactsStage
      gridImportMW[h] = facility;
      co2Tonnes[h] = (facility * (carbonGPerKWh[h] as number)) / 1000;
      energyCostUSD[h] = facility * (priceUSDPerMWh[h] as number);
    }
  }
}
