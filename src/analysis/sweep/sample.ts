/**
 * One sample of a sweep: the base scenario with some fields set, validated and run end to end; the
 * result is a flat record of output metrics. Pure given the data source.
 */
import { METRIC_KEYS } from '../../engine/metrics.js';
import type { RunSummary } from '../summary.js';

/** Outputs of a sample besides the run totals. */
export const ECONOMIC_OUTPUTS = [
  'npvUSD',
  'irr',
  'paybackYear',
  'breakEvenYear',
  'levelizedUSDPerAcceleratorHour',
  'levelizedUSDPerPFLOPDay',
  'levelizedUSDPerMillionTokens',
] as const;

export const OUTPUT_METRICS: readonly string[] = [...METRIC_KEYS, ...ECONOMIC_OUTPUTS];

export type SampleMetrics = Record<string, number | null>;

/**
 * Outputs also reported year by year (the fan charts of the sweep report): the net and cumulative
 * cash flow of each calendar year of `economics.cashFlows`, and the facility energy and CO2 of each
 * calendar year of the run (`years`).
 */
export const YEAR_OUTPUTS = [
  'netCashFlowUSD',
  'cumulativeCashFlowUSD',
  'facilityEnergyMWh',
  'co2Tonnes',
] as const;
export type YearOutput = (typeof YEAR_OUTPUTS)[number];

/** Output → calendar year → value; an output without values (no cash flows) is absent. */
export type SampleYearMetrics = Partial<Record<YearOutput, Readonly<Record<string, number>>>>;

export interface SampleResult {
  readonly index: number;
  readonly metrics: SampleMetrics;
  /** Absent from a sample run by an older worker: the report then has no per-year quantiles. */
  readonly byYear?: SampleYearMetrics;
}

/** Thrown when a sampled value makes the scenario invalid (e.g. a normal draw of busyFraction > 1). */
export class SampleError extends Error {
  override name = 'SampleError';
}

export function summaryMetrics(s: RunSummary): SampleMetrics {
  const e = s.economics;
  return {
    ...Object.fromEntries(METRIC_KEYS.map((k) => [k, s.totals[k]])),
    npvUSD: e.npvUSD ?? null,
    irr: e.irr ?? null,
    paybackYear: e.paybackYear ?? null,
    breakEvenYear: e.breakEvenYear ?? null,
    levelizedUSDPerAcceleratorHour: e.levelized?.usdPerAcceleratorHour ?? null,
    levelizedUSDPerPFLOPDay: e.levelized?.usdPerPFLOPDay ?? null,
    levelizedUSDPerMillionTokens: e.levelized?.usdPerMillionTokens ?? null,
  };
}

/** A run's per-year outputs (YEAR_OUTPUTS). */
export function summaryYearMetrics(s: RunSummary): SampleYearMetrics {
  const byYear = <T extends { readonly year: number }>(rows: readonly T[], pick: (r: T) => number) =>
    Object.fromEntries(rows.map((r) => [String(r.year), pick(r)]));
  const flows = s.economics.cashFlows ?? [];
  return {
    ...(flows.length > 0
      ? {
          netCashFlowUSD: byYear(flows, (c) => c.netCashFlowUSD),
          cumulativeCashFlowUSD: byYear(flows, (c) => c.cumulativeCashFlowUSD),
        }
      : {}),
    facilityEnergyMWh: byYear(s.years, (y) => y.facilityEnergyMWh),
    co2Tonnes: byYear(s.years, (y) => y.co2Tonnes),
  };
}
