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

/** Hourly sums and peaks over hours [from, to) of one site. Capex, jobs and counts are filled elsewhere. */
export function hourlyMetrics(s: SiteHourly, from = 0, to = s.hours): Metrics {
  const m = emptyMetrics();
  for (let h = from; h < to; h++) {
    m.acceleratorEnergyMWh += s.acceleratorMW[h] as number;
    m.itEnergyMWh += s.itMW[h] as number;
    m.facilityEnergyMWh += s.facilityMW[h] as number;
    m.coolingEnergyMWh += s.coolingMW[h] as number;
    m.gridImportMWh += s.gridImportMW[h] as number;
    m.unservedITEnergyMWh += s.unservedITMW[h] as number;
    m.peakITMW = Math.max(m.peakITMW, s.itMW[h] as number);
    m.peakFacilityMW = Math.max(m.peakFacilityMW, s.facilityMW[h] as number);
    m.co2Tonnes += s.co2Tonnes[h] as number;
    m.waterM3 += s.waterM3[h] as number;
    m.energyCostUSD += s.energyCostUSD[h] as number;
    m.computeDeliveredFLOP += s.computeFLOP[h] as number;
    const curtailed = s.curtailedMW[h] as number;
    if (curtailed > 0) {
      m.curtailedEnergyMWh += curtailed;
      m.curtailmentHours++;
      if (h === 0 || !((s.curtailedMW[h - 1] as number) > 0)) m.curtailmentEvents++;
    }
    m.onsiteGenerationMWh += s.onsiteMW[h] as number;
    m.batteryDischargeMWh += s.batteryDischargeMW[h] as number;
    m.computeLostFLOP += s.computeLostFLOP[h] as number;
    m.transmissionChargeUSD += s.transmissionChargeUSD[h] as number;
  }
  m.pue = m.itEnergyMWh > 0 ? m.facilityEnergyMWh / m.itEnergyMWh : 0;
  return m;
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
