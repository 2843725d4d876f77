/**
 * `gigawatt train`: a quick calculator for one training run without a scenario: when it finishes,
 * its goodput, interruptions by cause and checkpoint overhead (event-driven simulation with the
 * Llama 3 failure rates), throughput per watt at power caps, and a checkpoint-interval sweep.
 */
import type { Command } from 'commander';
import pc from 'picocolors';
import { ACCELERATOR_IDS, acceleratorPowerCurve } from '../../catalog/accelerators.js';
import { capSweep } from '../../cluster/power-cap.js';
import {
  checkpointSweep,
  type QuickTrainInput,
  type QuickTrainResult,
  quickTrain,
} from '../../cluster/quick-train.js';
import { envLimits } from '../../io/load-scenario.js';
import { LIMIT_ENV } from '../../model/limits.js';
import { DEFAULT_CHECKPOINT_WRITE_MINUTES, DEFAULT_RESTART_MINUTES } from '../../model/workload-schema.js';
import { count, flop } from '../format.js';
import { UsageError } from '../usage-error.js';
import { acceleratorPeakOption, numberList, numberOption, requiredNumber } from './cli-numbers.js';
import { MAX_RATE_SCALE } from './infer.js';

interface TrainOptions {
  accelerator: string;
  count?: string;
  flop?: string;
  precision: string;
  mfu?: string;
  interval?: string;
  write?: string;
  restart?: string;
  rateScale?: string;
  repairHours?: string;
  spares?: string;
  days?: string;
  seed?: string;
  caps?: string;
  sweepCheckpoint?: string | boolean;
  replications?: string;
  json?: boolean;
}

/** Minutes as printed: seconds below one minute. */
const minutes = (m: number | undefined) =>
  m === undefined ? '—' : m < 1 ? `${(m * 60).toFixed(0)} s` : `${m} min`;

const DEFAULT_SWEEP_MINUTES = [2, 5, 10, 15, 20, 30, 45, 60, 90, 120];

/**
 * Largest total FLOP accepted (a stated sane range, not a sourced figure): 1e32, about 10^5 times
 * the largest published training runs (Llama 3 405B: 3.8e25).
 */
const MAX_TRAINING_FLOP = 1e32;

/** `x`, or a UsageError naming the option, its upper bound and why. */
function atMost(name: string, x: number, max: number, why: string): number {
  if (x > max)
    throw new UsageError(
      `${name}: must be at most ${max >= 1e15 ? max.toExponential() : max.toLocaleString('en-US')} (${why}) (got ${x})`,
    );
  return x;
}

type Spec = ReturnType<typeof acceleratorPeakOption>['spec'];
type CapRow = ReturnType<typeof capSweep>[number] & { completionDays: number | null; goodput: number };
type Sweep = ReturnType<typeof checkpointSweep>;

/** The run to simulate, from the options: each bounded, with the sourced defaults. */
function trainInput(o: TrainOptions, spec: Spec, precision: QuickTrainInput['precision']): QuickTrainInput {
  const days = numberOption('--days', o.days, { gt: 0, max: 3660 });
  // One run on one cluster: bounded like the accelerators of one phase (GIGAWATT_MAX_ACCELERATORS_PER_PHASE).
  const maxCount = envLimits().maxAcceleratorsPerPhase;
  return {
    accelerator: o.accelerator,
    count: atMost(
      '--count',
      requiredNumber('--count', o.count, { integer: true, min: 1 }),
      maxCount,
      `the limit on accelerators in one phase; raise it with ${LIMIT_ENV.maxAcceleratorsPerPhase}`,
    ),
    totalFLOP: atMost(
      '--flop',
      requiredNumber('--flop', o.flop, { gt: 0 }),
      MAX_TRAINING_FLOP,
      'about 10^5 x the largest published runs',
    ),
    precision,
    mfu: numberOption('--mfu', o.mfu, { gt: 0, max: 1 }) ?? 0.4,
    ...(o.interval !== undefined
      ? { checkpointIntervalMinutes: numberOption('--interval', o.interval, { gt: 0 }) as number }
      : {}),
    checkpointWriteMinutes: numberOption('--write', o.write, { min: 0 }) ?? DEFAULT_CHECKPOINT_WRITE_MINUTES,
    restartMinutes: numberOption('--restart', o.restart, { min: 0 }) ?? DEFAULT_RESTART_MINUTES,
    rateScale: numberOption('--rate-scale', o.rateScale, { min: 0, max: MAX_RATE_SCALE }) ?? 1,
    ...(o.repairHours !== undefined
      ? { repairHours: numberOption('--repair-hours', o.repairHours, { gt: 0 }) as number }
      : {}),
    ...(o.spares !== undefined
      ? {
          spareUnits: atMost(
            '--spares',
            numberOption('--spares', o.spares, { integer: true, min: 0 }) as number,
            Math.floor(maxCount / spec.schedulingUnit.accelerators),
            `spare units of ${spec.schedulingUnit.accelerators} accelerators, bounded like --count by ${LIMIT_ENV.maxAcceleratorsPerPhase}`,
          ),
        }
      : {}),
    ...(days !== undefined ? { horizonHours: Math.round(days * 24) } : {}),
    seed: numberOption('--seed', o.seed, { integer: true, min: 0 }) ?? 1,
  };
}

/** `--caps`: the power-cap trade-off along the measured curve, each cap's run simulated. */
function capRowsFor(o: TrainOptions, input: QuickTrainInput, spec: Spec, peak: number): CapRow[] | undefined {
  const caps = o.caps !== undefined ? numberList('--caps', o.caps, { gt: 0 }) : undefined;
  const host = spec.hostNetworkWPerAccelerator.value ?? 0;
  const board = spec.boardPowerW.value;
  if (caps && board === null) throw new UsageError(`--caps: ${o.accelerator} has no published board power`);
  const sweepCaps = (capsW: number[]) => {
    try {
      return capSweep({
        capsW,
        boardPowerW: board as number,
        hostW: host,
        curve: acceleratorPowerCurve(o.accelerator),
        peakTFLOPS: peak,
        mfu: input.mfu ?? 0.4,
      });
    } catch (err) {
      if (err instanceof RangeError) throw new UsageError(`--caps: ${err.message}`);
      throw err;
    }
  };
  return caps
    ? sweepCaps(caps).map((c) => {
        const q = quickTrain({ ...input, throughputFactor: c.relativeThroughput });
        return {
          ...c,
          completionDays: q.outcome.completedAtHours === null ? null : q.outcome.completedAtHours / 24,
          goodput: q.outcome.goodput,
        };
      })
    : undefined;
}

/** `--sweep-checkpoint`: the intervals to try (the default list, or the user's). */
function sweepIntervals(o: TrainOptions): number[] | undefined {
  return o.sweepCheckpoint === undefined || o.sweepCheckpoint === false
    ? undefined
    : o.sweepCheckpoint === true
      ? DEFAULT_SWEEP_MINUTES
      : numberList('--sweep-checkpoint', o.sweepCheckpoint, { gt: 0 });
}

/** The `--json` report. */
function trainJson(input: QuickTrainInput, q: QuickTrainResult, capRows?: CapRow[], sweep?: Sweep): string {
  return `${JSON.stringify(
    {
      input,
      units: q.units,
      unitName: q.unitName,
      spareUnits: q.spareUnits,
      mtbfHours: q.mtbfHours,
      checkpointIntervalMinutes: q.intervalMinutes,
      youngIntervalMinutes: q.youngMinutes,
      dalyIntervalMinutes: q.dalyMinutes,
      idealDays: q.idealHours / 24,
      completionDays: q.outcome.completedAtHours === null ? null : q.outcome.completedAtHours / 24,
      progressPct:
        q.outcome.completedAtHours !== null ? 100 : (100 * q.outcome.committedFLOP) / q.outcome.totalFLOP,
      ...q.outcome,
      analyticEffectivePct: q.analyticEffectivePct,
      ...(q.analyticNote ? { analyticNote: q.analyticNote } : {}),
      ...(q.restartWarning ? { warnings: [q.restartWarning] } : {}),
      ...(capRows ? { caps: capRows } : {}),
      ...(sweep ? { sweep } : {}),
    },
    null,
    2,
  )}\n`;
}

/** The text report. */
function formatTrain(
  o: TrainOptions,
  spec: Spec,
  input: QuickTrainInput,
  q: QuickTrainResult,
  reps: number,
  capRows?: CapRow[],
  sweep?: Sweep,
): string {
  const t = q.outcome;
  const lines: string[] = [];
  lines.push(
    pc.bold(
      `gigawatt train · ${count(input.count)} ${spec.name}, ${flop(input.totalFLOP)} at ${o.precision}, MFU ${input.mfu}`,
    ),
  );
  lines.push(
    `${count(q.units)} × ${q.unitName} (${count(q.units * q.acceleratorsPerUnit)} accelerators) + ${count(q.spareUnits)} spare units; seed ${input.seed}`,
  );
  const rows: [string, string, boolean?][] = [
    [
      `Job MTBF (Llama 3 H100 rates × ${input.rateScale}${o.rateScale === undefined ? ', per-generation scaling assumed' : ''})`,
      `${q.mtbfHours.toFixed(2)} h`,
    ],
    [
      'Checkpoint interval',
      `${q.intervalMinutes.toFixed(1)} min (Young √(2δM) ${q.youngMinutes.toFixed(1)} min, Daly ${q.dalyMinutes.toFixed(1)} min); write ${minutes(input.checkpointWriteMinutes)}${o.write === undefined ? ' (default)' : ''}, restart ${minutes(input.restartMinutes)}${o.restart === undefined ? ' (default)' : ''}`,
    ],
    ['Ideal time (no failures, no checkpoints)', `${(q.idealHours / 24).toFixed(1)} days`],
    t.completedAtHours !== null
      ? ['Finishes after', `${(t.completedAtHours / 24).toFixed(1)} days`, true]
      : [
          `Does not finish in ${(q.horizonHours / 24).toFixed(0)} days`,
          `${((100 * t.committedFLOP) / t.totalFLOP).toFixed(1)} % of the FLOP kept (${flop(t.committedFLOP)})`,
          true,
        ],
    ['Goodput (kept FLOP / FLOP possible)', `${(100 * t.goodput).toFixed(2)} %`],
    [
      'Effective training time',
      q.analyticEffectivePct === null
        ? `${t.effectiveTrainingTimePct.toFixed(2)} %`
        : `${t.effectiveTrainingTimePct.toFixed(2)} % (first-order analytic ${q.analyticEffectivePct.toFixed(2)} %)`,
    ],
    ...(q.analyticNote ? [['First-order analytic', q.analyticNote] as [string, string]] : []),
    ['Interruptions', count(t.interruptionsTotal)],
    ...Object.entries(t.interruptions).map(([cause, n]): [string, string] => [`  ${cause}`, count(n)]),
    ['Checkpoint writing', `${t.checkpointOverheadHours.toFixed(1)} h`],
    ['Work lost since last checkpoint', `${t.lostWorkHours.toFixed(1)} h`],
    ['Restarting', `${t.restartHours.toFixed(1)} h`],
    ['Waiting for spare units', `${t.waitingForSparesHours.toFixed(1)} h`],
  ];
  const width = Math.max(...rows.map(([label]) => label.length)) + 2;
  for (const [label, value, bold] of rows) {
    const line = `${label.padEnd(width)}${value}`;
    lines.push(bold ? pc.bold(line) : line);
  }
  if (q.restartWarning) lines.push(pc.yellow(`warning: ${q.restartWarning}`));
  if (capRows) {
    lines.push(
      '',
      pc.bold(
        'Power caps (measured H200 curve scaled to the board power, with the chip’s idle share; docs/power-curve.md)',
      ),
    );
    lines.push('cap W  accel W  speed   TFLOP/s  TFLOP/s per W  per IT W  finishes');
    for (const c of capRows)
      lines.push(
        `${String(Math.round(c.capW)).padStart(5)}  ${c.acceleratorW.toFixed(0).padStart(7)}  ${(100 * c.relativeThroughput).toFixed(1).padStart(4)} %  ${c.tflops.toFixed(0).padStart(7)}  ${c.tflopsPerW.toFixed(3).padStart(13)}  ${c.tflopsPerITW.toFixed(3).padStart(8)}  ${c.completionDays === null ? 'not in horizon' : `${c.completionDays.toFixed(1)} days`}`,
      );
  }
  if (sweep) {
    lines.push('', pc.bold(`Checkpoint sweep (mean of ${reps} seeds)`));
    lines.push('interval min  goodput  effective  analytic');
    for (const p of sweep.points)
      lines.push(
        `${String(p.intervalMinutes).padStart(12)}  ${(100 * p.goodput).toFixed(2).padStart(6)} %  ${p.effectiveTrainingTimePct.toFixed(2).padStart(7)} %  ${p.analyticEffectivePct === null ? '     — (not ≪ MTBF)' : `${p.analyticEffectivePct.toFixed(2).padStart(6)} %`}`,
      );
    lines.push(
      `Young optimum √(2·δ·MTBF) = ${sweep.youngMinutes.toFixed(1)} min; Daly ${sweep.dalyMinutes.toFixed(1)} min`,
    );
  }
  return `${lines.join('\n')}\n`;
}

export function trainCommand(o: TrainOptions): void {
  const { spec, precision, peakTFLOPS: peak } = acceleratorPeakOption(o.accelerator, o.precision);
  const input = trainInput(o, spec, precision);
  const capRows = capRowsFor(o, input, spec, peak);
  const sweepList = sweepIntervals(o);
  const reps = numberOption('--replications', o.replications, { integer: true, min: 1, max: 100 }) ?? 3;
  const q = quickTrain(input);
  const sweep = sweepList ? checkpointSweep(input, sweepList, reps) : undefined;
  process.stdout.write(
    o.json ? trainJson(input, q, capRows, sweep) : formatTrain(o, spec, input, q, reps, capRows, sweep),
  );
}

/** Registers `gigawatt train`. */
export function registerTrain(cli: Command): void {
  cli
    .command('train')
    .description(
      'quick calculator: when one training run finishes, its goodput and failures (no scenario needed)',
    )
    .option('-a, --accelerator <id>', `accelerator (${ACCELERATOR_IDS.join(', ')})`, 'h100')
    .option('-n, --count <n>', 'accelerators the run uses (rounded up to whole scheduling units)')
    .option('-f, --flop <n>', 'total FLOP of the run, e.g. 3.8e25')
    .option('--precision <p>', 'bf16 or fp8', 'bf16')
    .option('--mfu <x>', 'model FLOP utilisation 0..1 (default 0.4, Llama 3 405B)')
    .option('--interval <min>', 'checkpoint interval, minutes (default: Young optimum)')
    .option(
      '--write <min>',
      'blocking checkpoint write, minutes (default 10 s: asynchronous checkpointing; docs/workloads.md)',
    )
    .option(
      '--restart <min>',
      'restart time after an interruption, minutes (default 2, assumption; docs/workloads.md)',
    )
    .option(
      '--rate-scale <x>',
      'per-generation failure scaling: multiplies the Llama 3 H100 interruption rates (default 1, assumption)',
    )
    .option('--repair-hours <h>', 'mean repair time of a unit taken out, hours (default 8, assumption)')
    .option('--spares <n>', 'spare scheduling units (default 2 % of the job’s units, assumption)')
    .option('--days <d>', 'horizon in days (default: 4 × the ideal time, at least 30)')
    .option('--seed <n>', 'random seed (default 1)')
    .option('--caps <W,...>', 'also report throughput per watt and finish time at these power caps, W')
    .option('--sweep-checkpoint [min,...]', 'simulate a range of checkpoint intervals (default 2..120 min)')
    .option('--replications <n>', 'seeds per sweep point (default 3)')
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      `
Interruptions follow the Llama 3 table (419 in 54 days on 16,384 H100, by cause); see docs/workloads.md.

Examples:
  $ gigawatt train --accelerator h100 --count 16384 --flop 3.8e25
  $ gigawatt train -a gb300 -n 100000 -f 5e26 --caps 800,1000,1200,1400
  $ gigawatt train -a h100 -n 16384 -f 1e25 --write 0.5 --restart 5 --sweep-checkpoint 5,10,15,30,60
  $ gigawatt train -a h100 -n 16384 -f 3.8e25 --rate-scale 2 --json | jq .goodput`,
    )
    .action((opts: TrainOptions) => trainCommand(opts));
}
