/** Parsing the workload calculators' command-line options with clear errors (exit 2). */
import { ACCELERATOR_IDS, type AcceleratorSpec, getAccelerator } from '../../catalog/accelerators.js';
import { UsageError } from '../usage-error.js';

/** A finite number within [min, max] (exclusive bounds where asked), or a UsageError naming the option. */
export function numberOption(
  name: string,
  raw: string | undefined,
  opts: { min?: number; max?: number; gt?: number; integer?: boolean } = {},
): number | undefined {
  if (raw === undefined) return undefined;
  const x = Number(raw);
  const allowed = [
    opts.integer ? 'an integer' : 'a number',
    opts.gt !== undefined ? `> ${opts.gt}` : opts.min !== undefined ? `≥ ${opts.min}` : '',
    opts.max !== undefined ? `≤ ${opts.max}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const bad =
    raw.trim() === '' ||
    !Number.isFinite(x) ||
    (opts.integer && !Number.isInteger(x)) ||
    (opts.gt !== undefined && !(x > opts.gt)) ||
    (opts.min !== undefined && x < opts.min) ||
    (opts.max !== undefined && x > opts.max);
  if (bad) throw new UsageError(`${name}: must be ${allowed} (got "${raw}")`);
  return x;
}

export function requiredNumber(
  name: string,
  raw: string | undefined,
  opts: Parameters<typeof numberOption>[2] = {},
): number {
  const x = numberOption(name, raw, opts);
  if (x === undefined) throw new UsageError(`${name} is required`);
  return x;
}

/** A comma-separated list of numbers, each checked like `numberOption`. */
export function numberList(
  name: string,
  raw: string,
  opts: Parameters<typeof numberOption>[2] = {},
): number[] {
  const parts = raw.split(',').map((s) => s.trim());
  if (parts.length === 0 || parts.some((p) => p === ''))
    throw new UsageError(`${name}: must be a comma-separated list of numbers (got "${raw}")`);
  return parts.map((p) => numberOption(name, p, opts) as number);
}

/** The accelerator and precision options of the quick calculators, checked: the catalog entry and its dense peak (TFLOP/s). */
export function acceleratorPeakOption(
  accelerator: string,
  precision: string,
): { spec: AcceleratorSpec; precision: 'bf16' | 'fp8'; peakTFLOPS: number } {
  const spec = getAccelerator(accelerator);
  if (!spec)
    throw new UsageError(
      `--accelerator: must be one of: ${ACCELERATOR_IDS.join(', ')} (got "${accelerator}")`,
    );
  if (precision !== 'bf16' && precision !== 'fp8')
    throw new UsageError(`--precision: must be one of: bf16, fp8 (got "${precision}")`);
  const peak = precision === 'fp8' ? spec.fp8DenseTFLOPS.value : spec.bf16DenseTFLOPS.value;
  if (peak === null)
    throw new UsageError(`--accelerator: ${accelerator} has no published dense ${precision} throughput`);
  return { spec, precision, peakTFLOPS: peak };
}
