/**
 * One sample of a sweep: the base scenario with some fields set, validated and run end to end; the
 * result is a flat record of output metrics. Pure given the data source.
 */
import { METRIC_KEYS } from '../../engine/metrics.js';
import type { ColumnPool } from '../../engine/site-hourly.js';
import type { DataSource } from '../../model/resolve.js';
import { validateScenario } from '../../model/validate.js';
import { runScenario } from '../../run.js';
import type { RunSummary } from '../summary.js';
import { cloneData, parseFieldPath, setPath } from './field-paths.js';
import type { SweepJob } from './plan.js';

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

/**
 * Applies the job's overrides to the base scenario (as written) and runs it. A worker that runs many
 * samples passes its `columns` pool: only the metrics leave a sample, so its hourly arrays are reused.
 */
export function runSample(
  base: unknown,
  job: SweepJob,
  data: DataSource,
  columns?: ColumnPool,
): SampleResult {
  const raw = cloneData(base) as Record<string, unknown>;
  for (const [path, value] of job.overrides) setPath(raw, parseFieldPath(path), value);
  const r = validateScenario(raw);
  if (!r.ok) {
    const i = r.issues[0];
    const path = i?.path
      .map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`))
      .join('')
      .replace(/^\./, '');
    throw new SampleError(
      `sample ${job.sample}${job.overrides.length ? ` (${job.overrides.map(([p, v]) => `${p}=${v}`).join(', ')})` : ''} is not a valid scenario: ${path}: ${i?.message} (got ${JSON.stringify(i?.value)}); bound the distribution with min/max`,
    );
  }
  return {
    index: job.index,
    metrics: summaryMetrics(runScenario(r.scenario, data, { raw, ...(columns ? { columns } : {}) }).summary),
  };
}
