/**
 * The sweep report: for each grid point, P5/P50/P95 (with mean, min, max) of every output metric, the
 * tornado ranking of the uncertain inputs by their influence on one output, and the distributions
 * of the break-even and payback years, and P5/P50/P95 of the per-year outputs (YEAR_OUTPUTS) in each
 * calendar year (fan charts).
 *
 * Tornado method: Spearman rank correlation ρ between each input's sampled values and the output over
 * the samples (global: every input varies at once, as in the sweep). Inputs are ranked by |ρ|; the
 * sign says whether raising the input raises the output. It costs no extra runs, unlike
 * one-at-a-time swings, and handles monotone non-linear effects.
 */
import type { SweepInput, SweepPlan } from './plan.js';
import {
  OUTPUT_METRICS,
  type SampleMetrics,
  type SampleResult,
  type SampleYearMetrics,
  YEAR_OUTPUTS,
} from './sample.js';
import { type Quantiles, quantilePosition, quantileSorted, quantiles, spearman } from './statistics.js';

export interface TornadoBar {
  readonly path: string;
  /** Spearman rank correlation with the output, −1..1. */
  readonly rho: number;
  /** The output's mean over the samples with this input below / above its median. */
  readonly outputLow: number | null;
  readonly outputHigh: number | null;
}

export interface YearDistribution {
  /** Samples per year. */
  readonly byYear: Record<string, number>;
  /** Samples where it does not happen within the simulated period. */
  readonly none: number;
  readonly p5: number | null;
  readonly p50: number | null;
  readonly p95: number | null;
}

/** One calendar year's quantiles of a per-year output over the samples. */
export type YearQuantiles = { readonly year: number } & Quantiles;

export interface PointReport {
  readonly grid: Readonly<Record<string, number>>;
  readonly samples: number;
  readonly metrics: Record<string, Quantiles | null>;
  /**
   * Per-year output (YEAR_OUTPUTS) → its quantiles in each calendar year, years ascending; empty when
   * a sample carries no per-year values (run by an older worker).
   */
  readonly byYear: Record<string, YearQuantiles[]>;
  readonly tornado: { readonly output: string; readonly method: 'spearman'; readonly ranking: TornadoBar[] };
  readonly breakEvenYear: YearDistribution;
  readonly paybackYear: YearDistribution;
}

export interface SweepReport {
  readonly scenario: string;
  readonly seed: number;
  readonly method: string;
  readonly samples: number;
  readonly requestedSamples: number;
  readonly inputs: readonly SweepInput[];
  readonly grid: SweepPlan['grid'];
  readonly points: PointReport[];
  /** The first (often only) point's metrics, tornado and break-even distribution, for convenience. */
  readonly metrics: Record<string, Quantiles | null>;
  readonly byYear: PointReport['byYear'];
  readonly tornado: PointReport['tornado'];
  readonly breakEvenYear: YearDistribution;
}

function yearDistribution(values: readonly (number | null)[]): YearDistribution {
  const byYear: Record<string, number> = {};
  let none = 0;
  for (const v of values) {
    if (v === null) none++;
    else byYear[String(v)] = (byYear[String(v)] ?? 0) + 1;
  }
  // Quantiles with "never" ranked after every year; null where the quantile falls on "never". Years
  // are discrete: the sample nearest the quantile's position (the same position as every other quantile).
  const sorted = values.map((v) => v ?? Infinity).sort((a, b) => a - b);
  const at = (q: number) => {
    const x = sorted[Math.round(quantilePosition(sorted.length, q))];
    return x === undefined || x === Infinity ? null : x;
  };
  return { byYear, none, p5: at(0.05), p50: at(0.5), p95: at(0.95) };
}

/** Quantiles of each per-year output in each year over the samples (none when a sample has none). */
function byYearQuantiles(rows: readonly (SampleYearMetrics | undefined)[]): Record<string, YearQuantiles[]> {
  if (rows.some((r) => r === undefined)) return {};
  const out: Record<string, YearQuantiles[]> = {};
  for (const key of YEAR_OUTPUTS) {
    const series = rows.map((r) => r?.[key]);
    const years = [...new Set(series.flatMap((v) => Object.keys(v ?? {})))].map(Number).sort((a, b) => a - b);
    const qs = years.flatMap((year) => {
      const q = quantiles(series.map((v) => v?.[String(year)] ?? null));
      return q ? [{ year, ...q }] : [];
    });
    if (qs.length > 0) out[key] = qs;
  }
  return out;
}

function tornado(
  plan: SweepPlan,
  rows: readonly SampleMetrics[],
  sampleIdx: readonly number[],
  output: string,
) {
  const y = rows.map((r) => r[output] ?? null);
  const ranking = plan.inputs.map((inp, j) => {
    const x = sampleIdx.map((i) => (plan.values[i] as readonly number[])[j] as number);
    const sortedX = [...x].sort((a, b) => a - b);
    const median = quantileSorted(sortedX, 0.5);
    const mean = (pick: (xi: number) => boolean) => {
      const ys = y.filter((v, i): v is number => v !== null && pick(x[i] as number));
      return ys.length ? ys.reduce((a, b) => a + b, 0) / ys.length : null;
    };
    return {
      path: inp.path,
      rho: spearman(x, y),
      outputLow: mean((xi) => xi <= median),
      outputHigh: mean((xi) => xi > median),
    };
  });
  ranking.sort((a, b) => Math.abs(b.rho) - Math.abs(a.rho));
  return { output, method: 'spearman' as const, ranking };
}

/** Builds the report from every job's result (any order; missing jobs are an error). */
export function sweepReport(
  plan: SweepPlan,
  results: readonly SampleResult[],
  output = 'npvUSD',
): SweepReport {
  if (!OUTPUT_METRICS.includes(output))
    throw new Error(`--output ${output}: not an output metric (one of: ${OUTPUT_METRICS.join(', ')})`);
  const byIndex = new Map(results.map((r) => [r.index, r.metrics]));
  const yearsByIndex = new Map(results.map((r) => [r.index, r.byYear]));
  const points = plan.points.map((grid, g) => {
    const sampleIdx = Array.from({ length: plan.samples }, (_, i) => i);
    const rows = sampleIdx.map((i) => {
      const m = byIndex.get(g * plan.samples + i);
      if (!m) throw new Error(`sweep result for job ${g * plan.samples + i} is missing`);
      return m;
    });
    return {
      grid,
      samples: rows.length,
      metrics: Object.fromEntries(OUTPUT_METRICS.map((k) => [k, quantiles(rows.map((r) => r[k] ?? null))])),
      byYear: byYearQuantiles(sampleIdx.map((i) => yearsByIndex.get(g * plan.samples + i))),
      tornado: tornado(plan, rows, sampleIdx, output),
      breakEvenYear: yearDistribution(rows.map((r) => r.breakEvenYear ?? null)),
      paybackYear: yearDistribution(rows.map((r) => r.paybackYear ?? null)),
    };
  });
  const first = points[0] as PointReport;
  return {
    scenario: plan.scenario,
    seed: plan.seed,
    method: plan.method,
    samples: plan.samples,
    requestedSamples: plan.requestedSamples,
    inputs: plan.inputs,
    grid: plan.grid,
    points,
    metrics: first.metrics,
    byYear: first.byYear,
    tornado: first.tornado,
    breakEvenYear: first.breakEvenYear,
  };
}
