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

export interface SampleResult {
  readonly index: number;
  readonly metrics: SampleMetrics;
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
