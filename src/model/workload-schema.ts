/**
 * The workloads of a scenario (`workloads: [...]`): training runs and inference services that the
 * event-driven cluster simulator (src/cluster/) runs on the sites' accelerators before the hourly
 * engine. Shape only; the rules across fields and catalogs are in ./workload-validate.ts.
 *
 * Units are in the field names. Every default is a labelled assumption, listed by `gigawatt run
 * --explain` (see docs/workloads.md for the basis of each).
 */
import { z } from 'zod';
import { ACCELERATOR_IDS } from '../catalog/accelerators.js';
import { FAILURE_CAUSE_IDS } from '../cluster/failure-model.js';

const ids = (list: readonly string[]) => list as unknown as [string, ...string[]];
const isoDate = z.iso.date().describe('ISO date YYYY-MM-DD (00:00 UTC).');
const workloadId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes')
  .describe('Short id of the workload, used in outputs.');
const positiveFraction = z.number().gt(0).max(1);

/** Default checkpoint write time, minutes (assumption; see docs/workloads.md). */
export const DEFAULT_CHECKPOINT_WRITE_MINUTES = 1;
/** Default restart time after an interruption, minutes (assumption: the benchmark model's 10 min). */
export const DEFAULT_RESTART_MINUTES = 10;
/** Default inference headroom above demand (assumption). */
export const DEFAULT_INFERENCE_HEADROOM = 0.2;

export const failureOverridesSchema = z
  .strictObject({
    rateScale: z
      .number()
      .min(0)
      .default(1)
      .describe(
        'Multiplies every Llama 3 interruption rate (1 = the published H100 rates per accelerator-hour; no per-chip rates are published).',
      ),
    ratesPerAcceleratorHour: z
      .partialRecord(z.enum(ids(FAILURE_CAUSE_IDS)), z.number().min(0))
      .optional()
      .describe('Replace the rate of single causes, interruptions per accelerator-hour.'),
    repairHours: z
      .number()
      .positive()
      .default(8)
      .describe(
        'Mean time to repair a unit taken out (exponential), hours. Default 8: assumption (the benchmark model; no published figure).',
      ),
  })
  .describe('Failure model: the Llama 3 rates by cause (docs/workloads.md), scaled or overridden.');

export const trainingWorkloadSchema = z
  .strictObject({
    kind: z.literal('training'),
    id: workloadId,
    totalFLOP: z.number().positive().describe('Useful FLOP the run must complete (e.g. 3.8e25).'),
    precision: z
      .enum(['bf16', 'fp8'])
      .default('bf16')
      .describe('Precision of the run (sets the peak FLOP/s).'),
    site: z.string().describe('Id of the site the run uses.'),
    accelerator: z
      .enum(ids(ACCELERATOR_IDS))
      .optional()
      .describe('Accelerator type (default: the only type at the site).'),
    count: z
      .number()
      .int()
      .positive()
      .optional()
      .describe('Accelerators the run needs (rounded up to whole scheduling units).'),
    share: positiveFraction
      .optional()
      .describe(
        "Alternative to count: share of the site's accelerators of that type at full build-out, 0..1.",
      ),
    mfu: positiveFraction
      .default(0.4)
      .describe('Model FLOP utilisation while working, 0..1 (default 0.40: Llama 3 405B).'),
    start: z
      .union([z.literal('asap'), isoDate])
      .default('asap')
      .describe("Earliest start date, or 'asap': as soon as its accelerators are online and free."),
    checkpointIntervalMinutes: z
      .number()
      .positive()
      .optional()
      .describe('Minutes of work between checkpoints (default: the Young/Daly optimum √(2·write·MTBF)).'),
    checkpointWriteMinutes: z
      .number()
      .min(0)
      .default(DEFAULT_CHECKPOINT_WRITE_MINUTES)
      .describe('Minutes a checkpoint write blocks training (default 1: assumption).'),
    restartMinutes: z
      .number()
      .min(0)
      .default(DEFAULT_RESTART_MINUTES)
      .describe('Minutes from units ready to training again after an interruption (default 10: assumption).'),
    failures: failureOverridesSchema.prefault({}),
  })
  .describe('A training run: a gang-scheduled job that checkpoints, fails and restarts.');

export const inferenceWorkloadSchema = z
  .strictObject({
    kind: z.literal('inference'),
    id: workloadId,
    site: z.string().describe('Id of the site that serves it.'),
    accelerator: z
      .enum(ids(ACCELERATOR_IDS))
      .optional()
      .describe('Accelerator type (default: the only type at the site).'),
    tokensPerSecond: z.number().positive().describe('Mean demand at the start, tokens/s.'),
    dailyShape: z
      .array(z.number().min(0))
      .length(24)
      .optional()
      .describe('Relative demand by local hour 0..23 (normalised to mean 1). Omit for flat.'),
    weeklyShape: z
      .array(z.number().min(0))
      .length(7)
      .optional()
      .describe('Relative demand by local weekday, Monday first (normalised to mean 1). Omit for flat.'),
    annualGrowth: z.number().gt(-1).default(0).describe('Demand growth per year, fraction (0.5 = +50 %/yr).'),
    flopPerToken: z.number().positive().describe('FLOP per token served (≈ 2 × active parameters).'),
    hbmBytesPerToken: z
      .number()
      .positive()
      .optional()
      .describe(
        'HBM bytes read per token (weights / batch + KV cache); with it the capacity is the HBM roofline when lower.',
      ),
    mfu: positiveFraction
      .default(0.4)
      .describe('Achieved share of peak FLOP/s while serving (default 0.40: assumption).'),
    hbmEfficiency: positiveFraction
      .default(1)
      .describe('Achieved share of peak HBM bandwidth (default 1: the roofline, an upper bound).'),
    precision: z.enum(['bf16', 'fp8']).default('fp8').describe('Precision served (sets the peak FLOP/s).'),
    headroom: z
      .number()
      .min(0)
      .default(DEFAULT_INFERENCE_HEADROOM)
      .describe('Capacity held above demand for latency, fraction (default 0.2: assumption).'),
    priority: z
      .enum(['above-training', 'below-training'])
      .default('above-training')
      .describe('above-training: demand peaks preempt training jobs when no units are free.'),
    failures: failureOverridesSchema.prefault({}),
  })
  .describe('An inference service: demand in tokens/s with a daily and weekly shape and growth.');

export const workloadSchema = z.discriminatedUnion('kind', [trainingWorkloadSchema, inferenceWorkloadSchema]);

export const workloadsSchema = z
  .array(workloadSchema)
  .describe(
    'Training runs and inference services simulated event by event (failures, checkpoints, restarts); their busy time drives the power of their site.',
  );

export type TrainingWorkload = z.output<typeof trainingWorkloadSchema>;
export type InferenceWorkload = z.output<typeof inferenceWorkloadSchema>;
export type Workload = z.output<typeof workloadSchema>;
