/**
 * `gigawatt sweep`: Monte Carlo (Latin hypercube or random) over uncertain scenario inputs and grids of
 * values, on all cores (piscina) or across machines (--queue, BullMQ); P5/P50/P95 of every output, a
 * tornado ranking, and the break-even year distribution.
 */
import { availableParallelism } from 'node:os';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { planSweep, type SweepPlan } from '../../analysis/sweep/plan.js';
import { type SweepReport, sweepReport } from '../../analysis/sweep/report.js';
import { OUTPUT_METRICS, SampleError, type SampleResult } from '../../analysis/sweep/sample.js';
import { envLimits, loadScenario } from '../../io/load-scenario.js';
import type { SweepRecorder as Recorder } from '../../io/store/record.js';
import { storePath } from '../../io/store/store-path.js';
import { runLocalSweep } from '../../io/sweep/local-pool.js';
import { LIMIT_ENV } from '../../model/limits.js';
import { DistributionError } from '../../model/uncertainty.js';
import { formatSweep } from '../format-sweep.js';
import { UsageError } from '../usage-error.js';
import { buildoutCommand } from './buildout.js';

export interface SweepCommandOptions {
  samples: string;
  seed: string;
  method: string;
  json?: boolean;
  workers?: string;
  output: string;
  vary: string[];
  grid: string[];
  queue?: string;
  quiet?: boolean;
  store?: string | boolean;
  /** Workloads: every background failure and repair event (docs/workloads.md, "Fast path"). */
  exact?: boolean;
  /** The national build-out's Monte Carlo instead of one scenario's (./buildout.ts, --samples). */
  buildout?: boolean;
}

/** Options of `gigawatt sweep` that mean nothing for the build-out's Monte Carlo. */
const NOT_FOR_BUILDOUT = ['grid', 'output', 'workers', 'queue', 'store', 'exact'] as const;

/**
 * `gigawatt sweep --buildout`: the build-out's own Monte Carlo (`gigawatt buildout --samples N`),
 * with the sweep's --samples, --seed, --method (as --sampling), --vary (the build-out's uncertain
 * inputs), --json and --quiet. Options that only a scenario sweep has are refused by name.
 */
export function buildoutSweep(scenario: string, opts: SweepCommandOptions, command: Command): void {
  const given = NOT_FOR_BUILDOUT.filter((o) => command.getOptionValueSource(o) === 'cli');
  if (given.length > 0)
    throw new UsageError(
      `--buildout: ${given.map((o) => `--${o === 'store' && opts.store === false ? 'no-store' : o}`).join(', ')} ` +
        `${given.length === 1 ? 'applies' : 'apply'} only to a scenario sweep (the build-out sweep is computed ` +
        'in this process and not saved); it takes --samples, --seed, --method, --vary, --json and --quiet',
    );
  if (opts.method !== 'lhs' && opts.method !== 'random')
    throw new UsageError(`--method: must be lhs or random (got "${opts.method}")`);
  buildoutCommand(scenario, {
    samples: opts.samples,
    seed: opts.seed,
    sampling: opts.method,
    vary: opts.vary,
    ...(opts.json ? { json: true } : {}),
    ...(opts.quiet ? { quiet: true } : {}),
  });
}

/** A progress bar with ETA on stderr (only when not quiet). */
export function sweepProgress(total: number, quiet: boolean | undefined) {
  if (quiet) return { update: (_: number) => {}, stop: () => {} };
  const bar = new SingleBar({
    format: 'sweep [{bar}] {value}/{total} samples | {percentage}% | {duration}s elapsed | ETA {eta}s',
    stream: process.stderr,
    hideCursor: true,
    etaBuffer: 50,
  });
  bar.start(total, 0);
  return { update: (done: number) => bar.update(done), stop: () => bar.stop() };
}

const int = (name: string, v: string, min: number, max = Number.MAX_SAFE_INTEGER, env?: string): number => {
  const n = Number(v);
  if (!Number.isSafeInteger(n) || n < min || n > max)
    throw new UsageError(
      `${name} must be an integer from ${min} to ${max.toLocaleString('en-US')}${env ? ` (raise the limit with ${env})` : ''} (got ${JSON.stringify(v)})`,
    );
  return n;
};

/** Parses the options and builds the plan; bad input becomes a UsageError (exit 2). */
export function sweepPlanFromCli(
  nameOrPath: string,
  opts: SweepCommandOptions,
): SweepPlan & { readonly scenarioRaw: unknown } {
  const limits = envLimits();
  const { scenario, raw } = loadScenario(nameOrPath, limits);
  if (opts.method !== 'lhs' && opts.method !== 'random')
    throw new UsageError(`--method must be lhs or random (got ${JSON.stringify(opts.method)})`);
  if (!OUTPUT_METRICS.includes(opts.output))
    throw new UsageError(
      `--output ${opts.output}: not an output metric (one of: ${OUTPUT_METRICS.join(', ')})`,
    );
  try {
    const plan = planSweep(scenario, raw, {
      samples: int('--samples', opts.samples, 1, limits.maxSweepSamples, LIMIT_ENV.maxSweepSamples),
      seed: int('--seed', opts.seed, 0),
      method: opts.method,
      vary: opts.vary,
      grid: opts.grid,
      ...(opts.exact ? { exact: true } : {}),
    });
    return { ...plan, scenarioRaw: raw };
  } catch (err) {
    if (err instanceof DistributionError) throw new UsageError(err.message);
    throw err;
  }
}

export async function sweepCommand(nameOrPath: string, opts: SweepCommandOptions): Promise<SweepReport> {
  const plan = sweepPlanFromCli(nameOrPath, opts);
  // At most 256 threads (a stated sane bound: each holds its own copy of the data series).
  const workers =
    opts.workers === undefined ? availableParallelism() : int('--workers', opts.workers, 1, 256);
  if (opts.queue) {
    // Check the URL and that Redis answers before anything is stored or started.
    const { checkRedis, QueueError } = await import('../../io/sweep/queue.js');
    try {
      await checkRedis(opts.queue);
    } catch (err) {
      if (err instanceof QueueError) throw new UsageError(err.message);
      throw err;
    }
  }
  // The store (DuckDB) is loaded only by the commands that use it: the CLI starts faster without it.
  const { SweepRecorder } = await import('../../io/store/record.js');
  const recorder: Recorder | undefined = await SweepRecorder.start(
    storePath(opts.store),
    plan,
    plan.scenarioRaw,
  );
  const progress = sweepProgress(plan.jobs, opts.quiet || plan.jobs === 1);
  const onResult = (r: SampleResult, done: number) => {
    recorder?.add(r);
    progress.update(done);
  };
  let results: SampleResult[];
  try {
    if (opts.queue) {
      const { runQueuedSweep } = await import('../../io/sweep/queue.js');
      results = await runQueuedSweep(plan, opts.queue, { onResult: (r, done) => onResult(r, done) });
    } else {
      results = await runLocalSweep(plan, { workers, onResult: (r, done) => onResult(r, done) });
    }
  } catch (err) {
    progress.stop();
    await recorder?.abort();
    if (err instanceof SampleError || (err as Error)?.name === 'SampleError')
      throw new UsageError((err as Error).message);
    throw err;
  }
  progress.stop();
  const report = sweepReport(plan, results, opts.output);
  await recorder?.finish(report);
  if (recorder && !opts.quiet)
    process.stderr.write(`saved as run ${recorder.id} (gigawatt show ${recorder.id})\n`);
  if (opts.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else process.stdout.write(`${formatSweep(report)}\n`);
  return report;
}

const collect = (v: string, prev: string[]) => [...prev, v];

/** Registers `gigawatt sweep`. */
export function registerSweep(cli: Command): void {
  cli
    .command('sweep')
    .description(
      'Monte Carlo over uncertain inputs (and grids of values): P5/P50/P95, tornado, break-even year',
    )
    .argument('[scenario]', 'scenario file or built-in name', 'anthropic-fluidstack')
    .option('-n, --samples <n>', 'samples per grid point', '200')
    .option('--seed <s>', 'random seed (same seed, same results on any number of workers)', '1')
    .option('--method <m>', 'lhs (Latin hypercube) or random', 'lhs')
    .option(
      '--vary <path=dist:args>',
      'make a field uncertain (repeatable), e.g. compute.mfu=uniform:0.35,0.45',
      collect,
      [],
    )
    .option('--grid <path=v1,v2>', 'a grid axis (repeatable; the cartesian product is swept)', collect, [])
    .option('--output <metric>', 'output the tornado ranks inputs for', 'npvUSD')
    .option('-w, --workers <n>', 'worker threads (default: all cores)')
    .option('--queue <redis://host:port>', 'split the sweep into BullMQ jobs for `gigawatt worker` processes')
    .option('--json', 'print the report as JSON (p5, p50, p95 per metric)')
    .option(
      '--store <path>',
      'results store (DuckDB file; default $GIGAWATT_STORE or ~/.gigawatt/runs.duckdb)',
    )
    .option('--no-store', 'do not save the sweep')
    .option('-q, --quiet', 'no progress bar')
    .option(
      '--exact',
      'workloads: simulate every failure and repair of the background fleet, not their expectation (docs/workloads.md)',
    )
    .option(
      '--buildout',
      'sweep the national build-out (default scenario us-buildout): P5/P50/P95 of every national, BA × year, PJM and ERCOT figure, as `gigawatt buildout --samples N`; --vary then names its uncertain inputs (see `gigawatt buildout --help`)',
    )
    .addHelpText(
      'after',
      `
Distributions (in the scenario's top-level \`uncertainty\` map, or with --vary):
  uniform:MIN,MAX   triangular:MIN,MODE,MAX   normal:MEAN,SD[,MIN,MAX]
  lognormal:MU,SIGMA[,MIN,MAX] (ln X ~ N(MU, SIGMA))   discrete:V1,V2,…

The tornado ranks inputs by Spearman rank correlation with --output. Outputs: ${OUTPUT_METRICS.join(', ')}.

Examples:
  $ gigawatt sweep --samples 500 --vary 'sites[0].utilisation.busyFraction=triangular:0.6,0.85,0.95' \\
      --vary 'economics.revenue.usdPerAcceleratorHour=uniform:2,6'
  $ gigawatt sweep my-campus.yaml --samples 1000 --seed 7 --json | jq .metrics.npvUSD
  $ gigawatt sweep --grid economics.discountRate=0.06,0.08,0.10 --vary compute.mfu=normal:0.4,0.05,0.3,0.5
  $ gigawatt sweep --samples 10000 --queue redis://10.0.0.5:6379     # with \`gigawatt worker\` on other machines
  $ gigawatt sweep --buildout --samples 100 --vary flexibleShare=uniform:0.2,0.8   # the national build-out`,
    )
    .action(async (scenario: string, opts: SweepCommandOptions, command: Command) => {
      if (opts.buildout) buildoutSweep(command.args[0] ?? 'us-buildout', opts, command);
      else await sweepCommand(scenario, opts);
    });
}
