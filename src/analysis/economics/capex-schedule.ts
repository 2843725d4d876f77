/**
 * When capex is spent, depreciated, and when each phase's jobs are worked (see ./cash-flows.ts):
 *
 *   facility capex (land and buildings, electrical, cooling)  evenly over [t₀ − construction months, t₀]
 *   accelerators, hosts and network                           evenly over the ramp [t₀, t₀ + ramp days]
 *   on-site generation and batteries                          with the facility of the first phase
 *   depreciation   straight line from the online date t₀ within the simulated period: accelerators and
 *                  network over their lifetime, facility and on-site plant over the facility lifetime
 *   jobs           construction headcount over the construction window, permanent from t₀ on
 */
import { FACILITY_SPLIT } from '../../catalog/finance-defaults.js';
import type { EngineInputs } from '../../engine/inputs.js';
import type { Scenario } from '../../model/scenario.js';
import type { PhaseEconomics } from '../economics.js';
import { JULIAN_YEAR_MS, monthsBefore, msInYear, shareInYear, yearBoundsMs } from './calendar.js';

type EconomicsOptions = Scenario['economics'];
type Window = readonly [number, number];

export interface CapexByCategory {
  landAndBuildingsUSD: number;
  electricalUSD: number;
  coolingUSD: number;
  acceleratorsUSD: number;
  networkUSD: number;
  onSiteGenerationUSD: number;
  batteriesUSD: number;
}

/** Spend windows and online dates of the phases in the period, and of the on-site plant. */
export interface SpendSchedule {
  readonly phases: readonly PhaseEconomics[];
  readonly facilityWindow: readonly Window[];
  readonly rampWindow: readonly Window[];
  readonly onlineMs: readonly number[];
  /** Facility window of the first phase online (when on-site plant is built). */
  readonly firstFacility: Window;
  readonly firstOnlineMs: number;
  /** First instant with any spend, or the start of the period if later. */
  readonly firstSpendMs: number;
}

export function spendSchedule(
  inputs: EngineInputs,
  phases: readonly PhaseEconomics[],
  e: EconomicsOptions,
  constructionMonths: number,
): SpendSchedule {
  const startMs = inputs.startMs;
  const phaseInputs = phases.map((p) => {
    const site = inputs.sites.find((s) => s.id === p.siteId);
    const ph = site?.phases.find((x) => x.id === p.phaseId);
    if (!ph) throw new Error(`phase ${p.siteId}/${p.phaseId} not in the engine inputs`);
    return ph;
  });
  const facilityWindow = phaseInputs.map(
    (ph) => [monthsBefore(ph.onlineMs, constructionMonths), ph.onlineMs] as const,
  );
  const rampWindow = phaseInputs.map((ph) => [ph.onlineMs, ph.onlineMs + ph.rampDays * 86_400_000] as const);
  const firstFacility = facilityWindow.reduce(
    (best, w) => (w[1] < best[1] ? w : best),
    facilityWindow[0] ?? ([startMs, startMs] as const),
  );
  const onSite = e.onSiteGenerationCapexUSD + e.batteryCapexUSD;
  return {
    phases,
    facilityWindow,
    rampWindow,
    onlineMs: phaseInputs.map((ph) => ph.onlineMs),
    firstFacility,
    firstOnlineMs: Math.min(...phaseInputs.map((ph) => ph.onlineMs)),
    firstSpendMs: Math.min(
      startMs,
      ...facilityWindow.map((w) => w[0]),
      ...(onSite > 0 ? [firstFacility[0]] : []),
    ),
  };
}

/** Capex spent in calendar year y, by category, $. */
export function capexInYear(s: SpendSchedule, e: EconomicsOptions, y: number): CapexByCategory {
  const split = e.facilitySplit ?? FACILITY_SPLIT.value;
  const [f0, f1] = s.firstFacility;
  const cat: CapexByCategory = {
    landAndBuildingsUSD: 0,
    electricalUSD: 0,
    coolingUSD: 0,
    acceleratorsUSD: 0,
    networkUSD: 0,
    onSiteGenerationUSD: e.onSiteGenerationCapexUSD * shareInYear(f0, f1, y),
    batteriesUSD: e.batteryCapexUSD * shareInYear(f0, f1, y),
  };
  s.phases.forEach((p, i) => {
    const fw = s.facilityWindow[i] as Window;
    const rw = s.rampWindow[i] as Window;
    const f = p.facilityCapexUSD * shareInYear(fw[0], fw[1], y);
    cat.landAndBuildingsUSD += f * split.landAndBuildings;
    cat.electricalUSD += f * split.electrical;
    cat.coolingUSD += f * split.cooling;
    cat.acceleratorsUSD += p.acceleratorCapexUSD * shareInYear(rw[0], rw[1], y);
    cat.networkUSD += p.networkCapexUSD * shareInYear(rw[0], rw[1], y);
  });
  return cat;
}

/** Straight-line depreciation in year y of everything in service within [startMs, endMs), $. */
export function depreciationInYear(
  s: SpendSchedule,
  e: EconomicsOptions,
  startMs: number,
  endMs: number,
  y: number,
): number {
  let depreciation = 0;
  s.phases.forEach((p, i) => {
    const online = s.onlineMs[i] as number;
    const inService = (life: number) =>
      msInYear(Math.max(online, startMs), Math.min(online + life * JULIAN_YEAR_MS, endMs), y) /
      (life * JULIAN_YEAR_MS);
    depreciation +=
      (p.acceleratorCapexUSD + p.networkCapexUSD) * inService(e.acceleratorLifetimeYears) +
      p.facilityCapexUSD * inService(e.facilityLifetimeYears);
  });
  const onSite = e.onSiteGenerationCapexUSD + e.batteryCapexUSD;
  const onSiteLife = e.facilityLifetimeYears * JULIAN_YEAR_MS;
  const first = s.firstOnlineMs;
  depreciation +=
    (onSite * msInYear(Math.max(first, startMs), Math.min(first + onSiteLife, endMs), y)) / onSiteLife;
  return depreciation;
}

/** Construction and permanent job-years worked in calendar year y. */
export function jobYearsInYear(s: SpendSchedule, y: number): { construction: number; permanent: number } {
  const [y0, y1] = yearBoundsMs(y);
  let construction = 0;
  let permanent = 0;
  s.phases.forEach((p, i) => {
    const fw = s.facilityWindow[i] as Window;
    construction += (p.jobsConstruction * msInYear(fw[0], fw[1], y)) / (y1 - y0);
    permanent +=
      (p.jobsPermanent * msInYear(s.onlineMs[i] as number, Number.POSITIVE_INFINITY, y)) / (y1 - y0);
  });
  return { construction, permanent };
}
