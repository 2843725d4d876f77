/**
 * One sample of a sweep run end to end: the base scenario with the job's fields set, validated and run.
 * It sits beside run.ts (the run layer) because it runs scenarios; what a sample reports
 * (`summaryMetrics`, the output names) lives with the sweep analysis in src/analysis/sweep/sample.ts.
 */
import { cloneData, parseFieldPath, setPath } from './analysis/sweep/field-paths.js';
import type { SweepJob } from './analysis/sweep/plan.js';
import {
  SampleError,
  type SampleResult,
  summaryMetrics,
  summaryYearMetrics,
} from './analysis/sweep/sample.js';
import type { ExogenousReuse } from './engine/exogenous-reuse.js';
import { ColumnPool } from './engine/site-hourly.js';
import type { DataSource } from './model/data-source.js';
import { validateScenario } from './model/validate.js';
import { runScenario } from './run.js';

/** What a worker keeps from sample to sample (only the metrics leave a sample). */
export interface SampleReuse {
  /** Hourly columns, overwritten by the next sample. */
  readonly columns?: ColumnPool;
  /** Environment, fleet and curtailment schedule, reused while their inputs are unchanged. */
  readonly exogenous?: ExogenousReuse;
}

/**
 * Applies the job's overrides to the base scenario (as written) and runs it. A worker that runs many
 * samples passes what it keeps between them (`keep`); the metrics are the same with or without it.
 */
export function runSample(
  base: unknown,
  job: SweepJob,
  data: DataSource,
  keep: SampleReuse | ColumnPool = {},
): SampleResult {
  // A `ColumnPool` alone: the 4th argument's form before the exogenous stages were reused.
  const reuse: SampleReuse = keep instanceof ColumnPool ? { columns: keep } : keep;
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
  const { summary } = runScenario(r.scenario, data, { raw, keepHourly: false, ...reuse });
  return { index: job.index, metrics: summaryMetrics(summary), byYear: summaryYearMetrics(summary) };
}
