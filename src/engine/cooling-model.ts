/**
 * Cooling model: hourly PUE and on-site water use of a cooling system as functions of the outdoor dry
 * bulb T_db, wet bulb T_wb (°C) and the IT load fraction L = IT load / IT capacity. Parameters are in
 * src/catalog/cooling.ts; the derivation, the calibration and the limits are in docs/cooling.md.
 *
 * All powers are per unit of IT power (W per W of IT), so PUE = 1 + overhead.
 *
 *   PUE = 1 + E + F + C
 *   E   = e_p + e_0 / L                      electrical losses: UPS, transformers, distribution (e_p ∝ IT,
 *                                            e_0 = no-load part, a fraction of design capacity)
 *   F   = f_0 / L                            fixed loads that scale with capacity: lighting, offices,
 *                                            controls, pump/fan minimums
 *   C   = Σ_loops (m_k·Q_k + W_k) + p·Q_rej  cooling: loop fans/pumps, chiller work, heat-rejection fans/pumps
 *
 * Heat loops. A share φ of the IT heat is captured by direct-to-chip cold plates into the liquid loop;
 * the rest, plus the electrical losses E (dissipated in the building), is removed by air (CRAH/CRAC).
 * Each loop's own fan/pump power m_k·Q also ends up as heat in that loop:
 *   Q_liq = φ · (1 + m_liq),   Q_air = (1 − φ + E) · (1 + m_air)
 *
 * Economiser (free cooling) per loop k with supply temperature S_k and return S_k + R_k: the economiser
 * pre-cools the return stream as far as its sink X allows (series arrangement), the chiller trims the rest:
 *   f_k = clamp((S_k + R_k − X) / R_k, 0, 1),  free heat f_k·Q_k, mechanical heat (1 − f_k)·Q_k
 * with X = T_db + a_oa for an outside-air economiser (only while T_db ≤ the high-limit shut-off, else no
 * economiser), or X = the heat-rejection plant's sink temperature T_sink for a water-side economiser.
 *
 * Heat-rejection plant sink and wet share w:  cooling tower T_sink = T_wb + a_tower, w = 1;  dry cooler
 * T_sink = T_db + a_dry, w = 0;  hybrid: w = clamp((T_db − T_sw)/B + ½, 0, 1) ramps from dry to wet over a
 * band B centred on the switch-over dry bulb T_sw, and T_sink = (1 − w)(T_db + a_dry) + w(T_wb + a_tower).
 *
 * Chiller (vapour compression) with a Carnot-fraction COP on the lift between evaporating T_ev,k and
 * condensing T_cd = T_sink + a_cd temperatures (K in the Carnot ratio):
 *   COP_k = η · (T_ev,k + 273.15) / max(T_cd − T_ev,k, ΔT_min),   W_k = (1 − f_k)·Q_k / COP_k
 * ΔT_min (the compressor's minimum lift) keeps COP finite.
 *
 * Heat through the plant (outside-air economiser heat leaves with the exhaust air instead):
 *   Q_rej = Σ_k [ (f_k·Q_k if the economiser rejects to the plant) + (1 − f_k)·Q_k + W_k ]
 *
 * Water (site only: cooling-tower evaporation and blow-down; the water used by power plants to make the
 * electricity is not counted), litres per kWh of IT energy:
 *   WUE = w · s_evap · Q_rej · 3.6 MJ/kWh / h_fg · C_c / (C_c − 1)
 * with h_fg = 2.45 MJ/kg (latent heat of vaporisation of water near 20 °C) and 1 kg = 1 L, i.e. ≈ 1.47 L
 * evaporated per kWh of heat; s_evap the share of tower heat rejected by evaporation; C_c the cycles of
 * concentration (blow-down = evaporation / (C_c − 1)). Drift (< 0.01 % of circulation) is neglected.
 *
 * Part load and an empty hall: L is clamped to [minLoadFraction, ∞); L ≤ 0 or NaN (an empty hall) gives
 * the value at minLoadFraction, so the result is always finite. Non-finite temperatures give a
 * non-finite result (NaN or ∞); the weather loader never produces them.
 * A wet bulb above the dry bulb (bad data) is clamped to the dry bulb.
 *
 * Hot-loop safe: no allocation per call (results go through a module-level scratch record).
 */
import type { CoolingSystem } from '../catalog/cooling.js';

export type { CoolingSystem } from '../catalog/cooling.js';

/** Latent heat of vaporisation of water near 20 °C, J/kg (≈ 2.454 MJ/kg at 20 °C, 2.430 at 30 °C). */
export const LATENT_HEAT_J_PER_KG = 2.45e6;
/** Litres of water evaporated per kWh of heat: 3.6e6 J / 2.45e6 J/kg, 1 kg ≈ 1 L. */
export const EVAPORATION_L_PER_KWH_HEAT = 3.6e6 / LATENT_HEAT_J_PER_KG;
const KELVIN = 273.15;

/** The terms of one hour's PUE and water, each per unit of IT power (W/W) unless noted. */
export interface CoolingBreakdown {
  /** PUE = 1 + electricalLoss + fixed + cooling. */
  pue: number;
  /** UPS, transformer and distribution losses. */
  electricalLoss: number;
  /** Capacity-scaled fixed loads. */
  fixed: number;
  /** Loop fans (CRAH) and pumps (CDU, facility water). */
  loopFansPumps: number;
  /** Chiller compressor work. */
  chiller: number;
  /** Heat-rejection plant fans and pumps (cooling towers, dry coolers, condenser water). */
  heatRejection: number;
  /** cooling = loopFansPumps + chiller + heatRejection. */
  cooling: number;
  /** Share of the loop heat removed by economiser (free cooling), 0..1, heat-weighted over loops. */
  freeCoolingShare: number;
  /** Heat through the heat-rejection plant. */
  rejectedHeat: number;
  /** Share of the plant's heat rejected in wet (evaporative) mode, 0..1. */
  wetShare: number;
  /** Site water consumed, L per kWh of IT energy. */
  waterLPerKWh: number;
}

const newBreakdown = (): CoolingBreakdown => ({
  pue: 0,
  electricalLoss: 0,
  fixed: 0,
  loopFansPumps: 0,
  chiller: 0,
  heatRejection: 0,
  cooling: 0,
  freeCoolingShare: 0,
  rejectedHeat: 0,
  wetShare: 0,
  waterLPerKWh: 0,
});

const scratch = newBreakdown();

const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));

/**
 * A cooling system's parameters as one flat record of numbers (plant and economiser kinds as small
 * integers), so the hourly evaluation reads plain fields of one shape instead of the catalog's nested
 * `{ value, … }` parameters, whose shapes differ from system to system.
 */
export interface CoolingCoefficients {
  readonly minLoad: number;
  readonly electricalLoss: number;
  readonly electricalNoLoad: number;
  readonly fixedOverhead: number;
  readonly liquidCapture: number;
  /** 1 with a liquid loop, else 0. */
  readonly hasLiquidLoop: number;
  readonly liqSupplyC: number;
  readonly liqRiseK: number;
  readonly liqEvaporatingC: number;
  readonly liqFansPumps: number;
  /** carnotFraction · (liquid-loop evaporating °C + 273.15): the COP's denominator for that loop. */
  readonly liqCarnotK: number;
  readonly airSupplyC: number;
  readonly airRiseK: number;
  readonly airEvaporatingC: number;
  readonly airFansPumps: number;
  readonly airCarnotK: number;
  /** 0 outside-air economiser, 1 water-side (through the plant). */
  readonly economiser: number;
  readonly econApproachK: number;
  readonly econHighLimitC: number;
  /** 0 cooling tower, 1 dry cooler, 2 hybrid. */
  readonly plant: number;
  readonly plantFansPumps: number;
  readonly towerApproachK: number;
  readonly evaporativeShare: number;
  readonly cycles: number;
  readonly dryApproachK: number;
  readonly switchDryBulbC: number;
  readonly switchBandK: number;
  readonly condenserAboveSinkK: number;
  readonly minLiftK: number;
}

const flattened = new WeakMap<CoolingSystem, CoolingCoefficients>();

/** The flat coefficients of `sys` (made once per system object and kept). */
export function coolingCoefficients(sys: CoolingSystem): CoolingCoefficients {
  let c = flattened.get(sys);
  if (c === undefined) {
    c = flatten(sys);
    flattened.set(sys, c);
  }
  return c;
}

function flatten(sys: CoolingSystem): CoolingCoefficients {
  const liq = sys.liquidLoop;
  const air = sys.airLoop;
  const econ = sys.airEconomiser;
  const plant = sys.plant;
  const eta = sys.chiller.carnotFraction.value;
  return {
    minLoad: sys.minLoadFraction.value,
    electricalLoss: sys.electricalLossFraction.value,
    electricalNoLoad: sys.electricalNoLoadFraction.value,
    fixedOverhead: sys.fixedOverheadFraction.value,
    liquidCapture: sys.liquidCaptureFraction.value,
    hasLiquidLoop: liq === undefined ? 0 : 1,
    liqSupplyC: liq?.supplyC.value ?? Number.NaN,
    liqRiseK: liq?.riseK.value ?? Number.NaN,
    liqEvaporatingC: liq?.chillerEvaporatingC.value ?? Number.NaN,
    liqFansPumps: liq?.fansPumpsFraction.value ?? Number.NaN,
    liqCarnotK: liq === undefined ? Number.NaN : eta * (liq.chillerEvaporatingC.value + KELVIN),
    airSupplyC: air.supplyC.value,
    airRiseK: air.riseK.value,
    airEvaporatingC: air.chillerEvaporatingC.value,
    airFansPumps: air.fansPumpsFraction.value,
    airCarnotK: eta * (air.chillerEvaporatingC.value + KELVIN),
    economiser: econ.kind === 'outside-air' ? 0 : 1,
    econApproachK: econ.kind === 'outside-air' ? econ.approachK.value : Number.NaN,
    econHighLimitC: econ.kind === 'outside-air' ? econ.highLimitDryBulbC.value : Number.NaN,
    plant: plant.kind === 'cooling-tower' ? 0 : plant.kind === 'dry-cooler' ? 1 : 2,
    plantFansPumps: plant.fansPumpsFraction.value,
    towerApproachK: plant.kind === 'dry-cooler' ? Number.NaN : plant.towerApproachK.value,
    evaporativeShare: plant.kind === 'dry-cooler' ? Number.NaN : plant.evaporativeShare.value,
    cycles: plant.kind === 'dry-cooler' ? Number.NaN : plant.cyclesOfConcentration.value,
    dryApproachK: plant.kind === 'cooling-tower' ? Number.NaN : plant.dryCoolerApproachK.value,
    switchDryBulbC: plant.kind === 'hybrid' ? plant.switchDryBulbC.value : Number.NaN,
    switchBandK: plant.kind === 'hybrid' ? plant.switchBandK.value : Number.NaN,
    condenserAboveSinkK: sys.chiller.condenserAboveSinkK.value,
    minLiftK: sys.chiller.minLiftK.value,
  };
}

/**
 * Evaluate every term of the model for one hour into `out` (caller-owned, reused) and return the PUE.
 * Same arguments as `pueAt`.
 */
export function coolingBreakdownAt(
  sys: CoolingSystem,
  dryBulbC: number,
  wetBulbC: number,
  loadFraction: number,
  out: CoolingBreakdown,
): number {
  return coolingTermsAt(coolingCoefficients(sys), dryBulbC, wetBulbC, loadFraction, out);
}

/** `coolingBreakdownAt` on a system's flat coefficients (`coolingCoefficients`): the hot-loop form. */
export function coolingTermsAt(
  c: CoolingCoefficients,
  dryBulbC: number,
  wetBulbC: number,
  loadFraction: number,
  out: CoolingBreakdown,
): number {
  const minLoad = c.minLoad;
  const load = Number.isNaN(loadFraction) ? minLoad : Math.max(loadFraction, minLoad);
  const wb = Math.min(wetBulbC, dryBulbC);
  const db = dryBulbC;

  const electrical = c.electricalLoss + c.electricalNoLoad / load;
  const fixed = c.fixedOverhead / load;

  // Heat-rejection plant: sink temperature and the share of its heat rejected wet.
  const plant = c.plant;
  let wetShare = 0;
  let plantSinkC: number;
  if (plant === 0) {
    wetShare = 1;
    plantSinkC = wb + c.towerApproachK;
  } else if (plant === 1) {
    plantSinkC = db + c.dryApproachK;
  } else {
    const band = c.switchBandK;
    const above = db - c.switchDryBulbC;
    wetShare = band > 0 ? clamp01(above / band + 0.5) : above >= 0 ? 1 : 0;
    plantSinkC = (1 - wetShare) * (db + c.dryApproachK) + wetShare * (wb + c.towerApproachK);
  }
  const condensingC = plantSinkC + c.condenserAboveSinkK;

  let moving = 0;
  let chiller = 0;
  let rejected = 0;
  let free = 0;
  let loopHeat = 0;

  // Liquid loop (direct-to-chip), water-side economiser through the plant.
  const phi = c.liquidCapture;
  if (c.hasLiquidLoop === 1 && phi > 0) {
    const m = c.liqFansPumps * phi;
    const q = phi + m;
    const r = c.liqRiseK;
    const f = clamp01((c.liqSupplyC + r - plantSinkC) / r);
    const w = chillerWorkAt(q, f, condensingC, c.liqEvaporatingC, c.minLiftK, c.liqCarnotK);
    moving += m;
    chiller += w;
    rejected += q + w;
    free += f * q;
    loopHeat += q;
  }

  // Air loop (CRAH/CRAC): the rest of the IT heat plus the electrical losses.
  {
    const base = 1 - phi + electrical;
    const m = c.airFansPumps * base;
    const q = base + m;
    const r = c.airRiseK;
    let f: number;
    let viaPlant: boolean;
    if (c.economiser === 0) {
      f = db <= c.econHighLimitC ? clamp01((c.airSupplyC + r - (db + c.econApproachK)) / r) : 0;
      viaPlant = false;
    } else {
      f = clamp01((c.airSupplyC + r - plantSinkC) / r);
      viaPlant = true;
    }
    const w = chillerWorkAt(q, f, condensingC, c.airEvaporatingC, c.minLiftK, c.airCarnotK);
    moving += m;
    chiller += w;
    rejected += (viaPlant ? q : (1 - f) * q) + w;
    free += f * q;
    loopHeat += q;
  }

  const heatRejection = c.plantFansPumps * rejected;
  const cooling = moving + chiller + heatRejection;
  const pue = 1 + electrical + fixed + cooling;

  let water = 0;
  if (wetShare > 0 && plant !== 1) {
    const cycles = c.cycles;
    water = wetShare * c.evaporativeShare * rejected * EVAPORATION_L_PER_KWH_HEAT * (cycles / (cycles - 1));
  }

  out.pue = pue;
  out.electricalLoss = electrical;
  out.fixed = fixed;
  out.loopFansPumps = moving;
  out.chiller = chiller;
  out.heatRejection = heatRejection;
  out.cooling = cooling;
  out.freeCoolingShare = free / loopHeat;
  out.rejectedHeat = rejected;
  out.wetShare = wetShare;
  out.waterLPerKWh = water;
  return pue;
}

/**
 * Chiller work for the mechanical share (1 − f) of loop heat q: (1 − f)·q / COP with
 * COP = η·(T_ev + 273.15)/max(T_cd − T_ev, ΔT_min); `carnotK` = η·(T_ev + 273.15).
 */
function chillerWorkAt(
  heat: number,
  free: number,
  condensingC: number,
  evaporatingC: number,
  minLiftK: number,
  carnotK: number,
): number {
  if (free >= 1) return 0;
  const lift = Math.max(condensingC - evaporatingC, minLiftK);
  return ((1 - free) * heat * lift) / carnotK;
}

/** PUE (facility energy / IT energy, ≥ 1) in an hour with outdoor dry/wet bulb (°C) and IT load fraction (0..1]. */
export function pueAt(sys: CoolingSystem, dryBulbC: number, wetBulbC: number, loadFraction: number): number {
  return coolingBreakdownAt(sys, dryBulbC, wetBulbC, loadFraction, scratch);
}

/** On-site water consumed, litres per kWh of IT energy, same arguments as `pueAt`. */
export function waterLPerKWhAt(
  sys: CoolingSystem,
  dryBulbC: number,
  wetBulbC: number,
  loadFraction: number,
): number {
  coolingBreakdownAt(sys, dryBulbC, wetBulbC, loadFraction, scratch);
  return scratch.waterLPerKWh;
}

/** A fresh breakdown record to pass to `coolingBreakdownAt`. */
export function createCoolingBreakdown(): CoolingBreakdown {
  return newBreakdown();
}

/** Annual (or any span) energy-weighted PUE and WUE over hourly weather at a constant load fraction. */
export interface AnnualCooling {
  /** Σ facility energy / Σ IT energy (IT power constant, so the mean hourly PUE). */
  readonly pue: number;
  /** Σ water / Σ IT energy, L/kWh. */
  readonly waterLPerKWh: number;
  /** Highest hourly PUE. */
  readonly peakPue: number;
  /** Hours of evaporative heat rejection, Σ wetShare over hours that use water (a half-wet hour counts ½). */
  readonly wetHours: number;
}

/**
 * Energy-weighted PUE and WUE of `sys` over hourly dry/wet bulb arrays at constant `loadFraction`
 * (with constant IT power, facility energy / IT energy is the mean of the hourly PUE).
 */
export function annualCooling(
  sys: CoolingSystem,
  dryBulbC: Float64Array,
  wetBulbC: Float64Array,
  loadFraction: number,
): AnnualCooling {
  let pueSum = 0;
  let waterSum = 0;
  let peak = 0;
  let wetHours = 0;
  const b = newBreakdown();
  const n = dryBulbC.length;
  for (let i = 0; i < n; i++) {
    const pue = coolingBreakdownAt(sys, dryBulbC[i] as number, wetBulbC[i] as number, loadFraction, b);
    pueSum += pue;
    waterSum += b.waterLPerKWh;
    if (pue > peak) peak = pue;
    if (b.waterLPerKWh > 0) wetHours += b.wetShare;
  }
  return { pue: pueSum / n, waterLPerKWh: waterSum / n, peakPue: peak, wetHours };
}
