/**
 * Aggregation of the hourly arrays into the reported metrics, by site, by calendar year (UTC) and in
 * total. Energies are sums of hourly MW (1 h each); peaks are maxima; PUE is facility energy / IT
 * energy (0 when no IT energy in the period). Capex and jobs come from ../analysis/economics.ts.
 */
import { HOUR_MS } from './series.js';
import type { SiteHourly } from './site-hourly.js';

/** The metrics of the `run --json` contract (see README). */
export interface Metrics {
  /** Accelerators installed at the end of the period (for a year: added during that year). */
  acceleratorCount: number;
  acceleratorEnergyMWh: number;
  itEnergyMWh: number;
  facilityEnergyMWh: number;
  /** Of the facility energy, cooling (fans, pumps, chillers, heat rejection); beyond the original contract. */
  coolingEnergyMWh: number;
  gridImportMWh: number;
  unservedITEnergyMWh: number;
  peakITMW: number;
  peakFacilityMW: number;
  pue: number;
  co2Tonnes: number;
  waterM3: number;
  energyCostUSD: number;
  computeDeliveredFLOP: number;
  capexUSD: number;
  jobsPermanent: number;
  jobsConstruction: number;
  /** Grid side (docs/grid-flexibility.md): load the grid was relieved of in answer to curtailment requests. */
  curtailedEnergyMWh: number;
  /** Hours with curtailment delivered. */
  curtailmentHours: number;
  /** Runs of consecutive curtailed hours, counted in the year (and site) where they start. */
  curtailmentEvents: number;
  /** On-site (gas) generation. */
  onsiteGenerationMWh: number;
  batteryDischargeMWh: number;
  /** Compute given up to curtailment (net of work made up by carbon shifting). */
  computeLostFLOP: number;
  /** ERCOT 4CP transmission charge (rate × grid MW in the actual CP hours); 0 outside ERCOT. */
  transmissionChargeUSD: number;
}

export const METRIC_KEYS = [
  'acceleratorCount',
  'acceleratorEnergyMWh',
  'itEnergyMWh',
  'facilityEnergyMWh',
  'coolingEnergyMWh',
  'gridImportMWh',
  'unservedITEnergyMWh',
  'peakITMW',
  'peakFacilityMW',
  'pue',
  'co2Tonnes',
  'waterM3',
  'energyCostUSD',
  'computeDeliveredFLOP',
  'capexUSD',
  'jobsPermanent',
  'jobsConstruction',
  'curtailedEnergyMWh',
  'curtailmentHours',
  'curtailmentEvents',
  'onsiteGenerationMWh',
  'batteryDischargeMWh',
  'computeLostFLOP',
  'transmissionChargeUSD',
] as const satisfies readonly (keyof Metrics)[];

/** Metrics that add up across sites and years (the others are peaks or ratios). */
export const ADDITIVE_KEYS = METRIC_KEYS.filter(
  (k) => k !== 'peakITMW' && k !== 'peakFacilityMW' && k !== 'pue',
);

export function emptyMetrics(): Metrics {
  return Object.fromEntries(METRIC_KEYS.map((k) => [k, 0])) as unknown as Metrics;
}

/**
 * Hourly sums and peaks over hours [from, to) of one site. Capex, jobs and counts are filled elsewhere.
 * (The hot loop keeps its sums in locals, added in hour order, and builds the record once.)
 */
export function hourlyMetrics(s: SiteHourly, from = 0, to = s.hours): Metrics {
  // Four different quantities in one array: the shared zero column of a site without grid-side columns.
  if (
    s.curtailedMW === s.onsiteMW &&
    s.onsiteMW === s.batteryDischargeMW &&
    s.batteryDischargeMW === s.computeLostFLOP
  )
    return hourlySumsWithoutGridSide(
      from,
      to,
      s.acceleratorMW,
      s.itMW,
      s.facilityMW,
      s.coolingMW,
      s.gridImportMW,
      s.unservedITMW,
      s.co2Tonnes,
      s.waterM3,
      s.energyCostUSD,
      s.computeFLOP,
      s.transmissionChargeUSD,
    );
  return hourlySums(
    from,
    to,
    s.acceleratorMW,
    s.itMW,
    s.facilityMW,
    s.coolingMW,
    s.gridImportMW,
    s.unservedITMW,
    s.co2Tonnes,
    s.waterM3,
    s.energyCostUSD,
    s.computeFLOP,
    s.curtailedMW,
    s.onsiteMW,
    s.batteryDischargeMW,
    s.computeLostFLOP,
    s.transmissionChargeUSD,
  );
}

function hourlySums(
  from: number,
  to: number,
  acceleratorMW: Float64Array,
  itMW: Float64Array,
  facilityMW: Float64Array,
  coolingMW: Float64Array,
  gridImportMW: Float64Array,
  unservedITMW: Float64Array,
  co2Tonnes: Float64Array,
  waterM3: Float64Array,
  energyCostUSD: Float64Array,
  computeFLOP: Float64Array,
  curtailedMW: Float64Array,
  onsiteMW: Float64Array,
  batteryDischargeMW: Float64Array,
  computeLostFLOP: Float64Array,
  transmissionChargeUSD: Float64Array,
): Metrics {
  let acceleratorEnergyMWh = 0;
  let itEnergyMWh = 0;
  let facilityEnergyMWh = 0;
  let coolingEnergyMWh = 0;
  let gridImportMWh = 0;
  let unservedITEnergyMWh = 0;
  let peakITMW = 0;
  let peakFacilityMW = 0;
  let co2 = 0;
  let water = 0;
  let cost = 0;
  let flop = 0;
  let curtailedEnergyMWh = 0;
  let curtailmentHours = 0;
  let curtailmentEvents = 0;
  let onsiteGenerationMWh = 0;
  let batteryDischargeMWh = 0;
  let lostFLOP = 0;
  let transmission = 0;
  for (let h = from; h < to; h++) {
    const it = itMW[h] as number;
    const facility = facilityMW[h] as number;
    acceleratorEnergyMWh += acceleratorMW[h] as number;
    itEnergyMWh += it;
    facilityEnergyMWh += facility;
    coolingEnergyMWh += coolingMW[h] as number;
    gridImportMWh += gridImportMW[h] as number;
    unservedITEnergyMWh += unservedITMW[h] as number;
    peakITMW = Math.max(peakITMW, it);
    peakFacilityMW = Math.max(peakFacilityMW, facility);
    co2 += co2Tonnes[h] as number;
    water += waterM3[h] as number;
    cost += energyCostUSD[h] as number;
    flop += computeFLOP[h] as number;
    const curtailed = curtailedMW[h] as number;
    if (curtailed > 0) {
      curtailedEnergyMWh += curtailed;
      curtailmentHours++;
      if (h === 0 || !((curtailedMW[h - 1] as number) > 0)) curtailmentEvents++;
    }
    onsiteGenerationMWh += onsiteMW[h] as number;
    batteryDischargeMWh += batteryDischargeMW[h] as number;
    lostFLOP += computeLostFLOP[h] as number;
    transmission += transmissionChargeUSD[h] as number;
  }
  return {
    acceleratorCount: 0,
    acceleratorEnergyMWh,
    itEnergyMWh,
    facilityEnergyMWh,
    coolingEnergyMWh,
    gridImportMWh,
    unservedITEnergyMWh,
    peakITMW,
    peakFacilityMW,
    pue: itEnergyMWh > 0 ? facilityEnergyMWh / itEnergyMWh : 0,
    co2Tonnes: co2,
    waterM3: water,
    energyCostUSD: cost,
    computeDeliveredFLOP: flop,
    capexUSD: 0,
    jobsPermanent: 0,
    jobsConstruction: 0,
    curtailedEnergyMWh,
    curtailmentHours,
    curtailmentEvents,
    onsiteGenerationMWh,
    batteryDischargeMWh,
    computeLostFLOP: lostFLOP,
    transmissionChargeUSD: transmission,
  };
}

/**
 * `hourlySums` for a site without policies or on-site supply, whose grid-side columns are one shared
 * array of zeros (./site-hourly.ts `allocateSiteHourly`, `GRID_SIDE_COLUMNS`): their sums are zero
 * (0 + 0 + … = +0, and no hour is curtailed), so they are not read. The other sums are the same
 * additions in the same order.
 */
function hourlySumsWithoutGridSide(
  from: number,
  to: number,
  acceleratorMW: Float64Array,
  itMW: Float64Array,
  facilityMW: Float64Array,
  coolingMW: Float64Array,
  gridImportMW: Float64Array,
  unservedITMW: Float64Array,
  co2Tonnes: Float64Array,
  waterM3: Float64Array,
  energyCostUSD: Float64Array,
  computeFLOP: Float64Array,
  transmissionChargeUSD: Float64Array,
): Metrics {
  let acceleratorEnergyMWh = 0;
  let itEnergyMWh = 0;
  let facilityEnergyMWh = 0;
  let coolingEnergyMWh = 0;
  let gridImportMWh = 0;
  let unservedITEnergyMWh = 0;
  let peakITMW = 0;
  let peakFacilityMW = 0;
  let co2 = 0;
  let water = 0;
  let cost = 0;
  let flop = 0;
  const curtailedEnergyMWh = 0;
  const curtailmentHours = 0;
  const curtailmentEvents = 0;
  const onsiteGenerationMWh = 0;
  const batteryDischargeMWh = 0;
  const lostFLOP = 0;
  let transmission = 0;
  for (let h = from; h < to; h++) {
    const it = itMW[h] as number;
    const facility = facilityMW[h] as number;
    acceleratorEnergyMWh += acceleratorMW[h] as number;
    itEnergyMWh += it;
    facilityEnergyMWh += facility;
    coolingEnergyMWh += coolingMW[h] as number;
    gridImportMWh += gridImportMW[h] as number;
    unservedITEnergyMWh += unservedITMW[h] as number;
    peakITMW = Math.max(peakITMW, it);
    peakFacilityMW = Math.max(peakFacilityMW, facility);
    co2 += co2Tonnes[h] as number;
    water += waterM3[h] as number;
    cost += energyCostUSD[h] as number;
    flop += computeFLOP[h] as number;
    transmission += transmissionChargeUSD[h] as number;
  }
  return {
    acceleratorCount: 0,
    acceleratorEnergyMWh,
    itEnergyMWh,
    facilityEnergyMWh,
    coolingEnergyMWh,
    gridImportMWh,
    unservedITEnergyMWh,
    peakITMW,
    peakFacilityMW,
    pue: itEnergyMWh > 0 ? facilityEnergyMWh / itEnergyMWh : 0,
    co2Tonnes: co2,
    waterM3: water,
    energyCostUSD: cost,
    computeDeliveredFLOP: flop,
    capexUSD: 0,
    jobsPermanent: 0,
    jobsConstruction: 0,
    curtailedEnergyMWh,
    curtailmentHours,
    curtailmentEvents,
    onsiteGenerationMWh,
    batteryDischargeMWh,
    computeLostFLOP: lostFLOP,
    transmissionChargeUSD: transmission,
  };
}

/** Adds `b` into `a`: additive metrics sum, peaks take the max, PUE is recomputed from energies. */
export function addMetrics(a: Metrics, b: Metrics): Metrics {
  for (const k of ADDITIVE_KEYS) a[k] += b[k];
  a.peakITMW = Math.max(a.peakITMW, b.peakITMW);
  a.peakFacilityMW = Math.max(a.peakFacilityMW, b.peakFacilityMW);
  a.pue = a.itEnergyMWh > 0 ? a.facilityEnergyMWh / a.itEnergyMWh : 0;
  return a;
}

/** UTC calendar years covered by the run, with their hour ranges [from, to). */
export function yearRanges(startMs: number, hours: number): { year: number; from: number; to: number }[] {
  const out: { year: number; from: number; to: number }[] = [];
  let from = 0;
  while (from < hours) {
    const year = new Date(startMs + from * HOUR_MS).getUTCFullYear();
    const nextMs = Date.UTC(year + 1, 0, 1);
    const to = Math.min(hours, Math.round((nextMs - startMs) / HOUR_MS));
    out.push({ year, from, to });
    from = to;
  }
  return out;
}
