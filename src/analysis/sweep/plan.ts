/**
 * A sweep plan: the base scenario, the uncertain inputs (the scenario's `uncertainty` map, then
 * `--vary` arguments, which replace an entry for the same path), the grid (cartesian product of
 * `--grid` values, as OpenDC experiments do), and the sample matrix. Job k of the plan is sample
 * k mod N of grid point ⌊k / N⌋; its input values depend only on (seed, k), so any split of the jobs
 * over threads or machines gives the same results.
 */
import type { Scenario } from '../../model/scenario.js';
import { checkDistribution, type Distribution, parseGrid, parseVary } from '../../model/uncertainty.js';
import { representative } from './distributions.js';
import { checkNumericPath, cloneData } from './field-paths.js';
import { type SamplingMethod, sampleValues } from './sampling.js';

export interface SweepOptions {
  readonly samples: number;
  readonly seed: number;
  readonly method: SamplingMethod;
  /** `path=dist:args` */
  readonly vary?: readonly string[];
  /** `path=v1,v2,…` */
  readonly grid?: readonly string[];
  /** Workloads: the full event-driven background fleet in every sample (`--exact`). */
  readonly exact?: boolean;
}

export interface SweepInput {
  readonly path: string;
  readonly distribution: Distribution;
}

export interface SweepPlan {
  readonly scenario: string;
  readonly seed: number;
  readonly method: SamplingMethod;
  /** Samples per grid point (1 when nothing is uncertain: the deterministic run). */
  readonly samples: number;
  readonly requestedSamples: number;
  readonly inputs: readonly SweepInput[];
  readonly grid: readonly { readonly path: string; readonly values: readonly number[] }[];
  /** Grid points: path → value (one empty point when there is no grid). */
  readonly points: readonly Readonly<Record<string, number>>[];
  /** values[i][j]: input j of sample i. */
  readonly values: readonly (readonly number[])[];
  /** The scenario as written, without its `uncertainty` map. */
  readonly raw: Record<string, unknown>;
  readonly jobs: number;
  /** Every sample simulates the background fleet event by event (`--exact`). */
  readonly exact?: boolean;
}

/** One unit of work: the field values to set on the base scenario. */
export interface SweepJob {
  readonly index: number;
  readonly point: number;
  readonly sample: number;
  readonly overrides: readonly (readonly [string, number])[];
  /** Workloads simulated with every background failure and repair event (`--exact`). */
  readonly exact?: boolean;
}

export function planSweep(scenario: Scenario, raw: unknown, options: SweepOptions): SweepPlan {
  const byPath = new Map<string, Distribution>();
  for (const [path, spec] of Object.entries(scenario.uncertainty ?? {}))
    byPath.set(path, checkDistribution(path, spec));
  for (const arg of options.vary ?? []) {
    const { path, distribution } = parseVary(arg);
    byPath.set(path, distribution);
  }
  const base = cloneData(raw) as Record<string, unknown>;
  delete base.uncertainty;
  const inputs = [...byPath].map(([path, distribution]) => {
    checkNumericPath(scenario, base, path, representative(distribution));
    return { path, distribution };
  });
  const grid = (options.grid ?? []).map(parseGrid);
  for (const g of grid) {
    if (byPath.has(g.path)) throw new Error(`${g.path}: is both on the grid and uncertain; choose one`);
    for (const v of g.values) checkNumericPath(scenario, base, g.path, v);
  }
  let points: Record<string, number>[] = [{}];
  for (const g of grid) points = points.flatMap((p) => g.values.map((v) => ({ ...p, [g.path]: v })));
  const samples = inputs.length === 0 ? 1 : options.samples;
  return {
    scenario: scenario.name,
    seed: options.seed,
    method: options.method,
    samples,
    requestedSamples: options.samples,
    inputs,
    grid,
    points,
    values: sampleValues(
      samples,
      inputs.map((i) => i.distribution),
      options.seed,
      options.method,
    ),
    raw: base,
    jobs: points.length * samples,
    ...(options.exact ? { exact: true } : {}),
  };
}

export function sweepJob(plan: SweepPlan, index: number): SweepJob {
  const point = Math.floor(index / plan.samples);
  const sample = index % plan.samples;
  const row = plan.values[sample] ?? [];
  return {
    index,
    point,
    sample,
    overrides: [
      ...Object.entries(plan.points[point] ?? {}),
      ...plan.inputs.map((inp, j) => [inp.path, row[j] as number] as const),
    ],
    ...(plan.exact ? { exact: true } : {}),
  };
}
