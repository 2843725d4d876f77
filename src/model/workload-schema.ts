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
import { FAILURE_CAUSE_IDS } from '../catalog/failure-rates.js';

const ids = (list: readonly string[]) => list as unknown as [string, ...string[]];
const isoDate = z.iso.date().describe('ISO date YYYY-MM-DD (00:00 UTC).');
const workloadId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes')
  .describe('Short id of the workload, used in outputs.');
const positiveFraction = z.number().gt(0).max(1);

/**
 * Default blocking checkpoint write, minutes: 10 s. Frontier runs checkpoint asynchronously (a
 * device-to-host snapshot, then a background write): asynchronous distributed checkpointing cuts the
 * training stall from 2–3 min to under 10 s on large clusters (NVIDIA NeMo, per
 * https://drpranayjha.com/nvidia-multinode-training-checkpointing/); in-memory checkpoints can be
 * taken every step (Gemini, SOSP 2023, https://www.amazon.science/blog/more-efficient-recovery-from-failures-during-large-ml-model-training).
 */
export const DEFAULT_CHECKPOINT_WRITE_MINUTES = 10 / 60;
export const CHECKPOINT_WRITE_BASIS =
  'assumption from published figures: asynchronous checkpointing stalls training under 10 s on large clusters (NVIDIA NeMo async checkpointing); in-memory checkpoints every step (Gemini, SOSP 2023). docs/workloads.md';
/**
 * Default restart after an interruption, minutes: 2. An assumption between two published figures: about
 * 20 s of downtime with standby machines at 1,024 GPUs (TrainMover, Alibaba, OSDI 2026, arXiv
 * 2412.12636) and the 10–20 min of reading a checkpoint back from storage (Amazon Science, Gemini SOSP
 * 2023). No restart time at 100,000 accelerators is published; communicator setup grows with scale.
 */
export const DEFAULT_RESTART_MINUTES = 2;
export const RESTART_BASIS =
  'assumption: 2 min, between ~20 s with standby machines at 1,024 GPUs (TrainMover, OSDI 2026) and 10-20 min for a restart from storage (Gemini, SOSP 2023); none published at 100k accelerators. docs/workloads.md';
/** Basis of the per-generation failure scaling default (1 = the Llama 3 H100 rates). */
export const FAILURE_RATE_SCALE_BASIS =
  'assumption: per-generation failure scaling 1 = the Llama 3 H100 rates per accelerator-hour (419 unexpected interruptions in 54 days on 16,384 H100); no per-generation rates are published. Meta projects a job MTTF of 7.9 h at 1,024, 1.8 h at 16,384 and ~14 min at 131,072 GPUs (Kokolis et al., HPCA 2025), consistent with these rates';
/** Default inference headroom above demand (assumption). */
export const DEFAULT_INFERENCE_HEADROOM = 0.2;

export const failureOverridesSchema = z
  .strictObject({
    rateScale: z
      .number()
      .min(0)
      .default(1)
      .describe(
        'Per-generation failure scaling: multiplies every Llama 3 interruption rate per accelerator-hour. Default 1 = the published H100 rates, an assumption for any other chip (no per-generation rates are published; docs/workloads.md).',
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
      .describe(
        'Minutes a checkpoint write blocks training (default 10 s: asynchronous checkpointing, see docs/workloads.md).',
      ),
    restartMinutes: z
      .number()
      .min(0)
      .default(DEFAULT_RESTART_MINUTES)
      .describe(
        'Minutes from units ready to training again after an interruption (default 2: assumption between published 20 s and 10-20 min, see docs/workloads.md).',
      ),
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
