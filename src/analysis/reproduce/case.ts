/**
 * One row of the reproduction table (`gigawatt reproduce`): a published reference figure, what the model
 * gives for the same case, the tolerance we judge it by, and where both come from. A row that misses
 * stays in the table with its explanation: the table reports, it is not tuned against.
 */

/** How far the model may be from the published figure and still "agree". */
export type Tolerance =
  | { readonly kind: 'relative'; readonly fraction: number }
  | { readonly kind: 'absolute'; readonly amount: number }
  /** The published figure is a range [low, high] (e.g. two sources); the model must fall inside it. */
  | { readonly kind: 'range'; readonly low: number; readonly high: number }
  /** The published figure is a bound: the model must be at least (≥) or at most (≤) it. */
  | { readonly kind: 'at-least' }
  | { readonly kind: 'at-most' };

export type CaseGroup =
  | 'system power'
  | 'probe curve'
  | 'PUE / WUE'
  | 'training'
  | 'carbon'
  | 'headroom method'
  | 'campus power';

export interface ReproCase {
  readonly id: string;
  readonly group: CaseGroup;
  /** What is compared, in words, with its unit. */
  readonly quantity: string;
  readonly unit: string;
  /** The model's value; null when the model cannot produce it (then `pass` is false and `note` says why). */
  readonly model: number | null;
  readonly published: number;
  readonly tolerance: Tolerance;
  readonly pass: boolean;
  /** Where the published figure comes from (citation). */
  readonly source: string;
  /** How the model value is obtained (functions, catalog entries, data files). */
  readonly modelBasis: string;
  /** Explanation: in-sample calibration, known causes of a miss, caveats. */
  readonly note: string;
}

/** Whether `model` agrees with `published` under `tolerance`. */
export function agrees(model: number | null, published: number, tolerance: Tolerance): boolean {
  if (model === null || !Number.isFinite(model)) return false;
  switch (tolerance.kind) {
    case 'relative':
      return Math.abs(model - published) <= tolerance.fraction * Math.abs(published);
    case 'absolute':
      return Math.abs(model - published) <= tolerance.amount;
    case 'range':
      return model >= tolerance.low && model <= tolerance.high;
    case 'at-least':
      return model >= published;
    case 'at-most':
      return model <= published;
  }
}

/** Builds a row, deciding `pass` from the tolerance. */
export function reproCase(c: Omit<ReproCase, 'pass'>): ReproCase {
  return { ...c, pass: agrees(c.model, c.published, c.tolerance) };
}

/** The tolerance in words, e.g. "±5 %", "±0.02", "120–142", "≥". */
export function toleranceText(t: Tolerance): string {
  switch (t.kind) {
    case 'relative':
      return `±${+(100 * t.fraction).toFixed(2)} %`;
    case 'absolute':
      return `±${t.amount}`;
    case 'range':
      return `in ${t.low}–${t.high}`;
    case 'at-least':
      return '≥ published';
    case 'at-most':
      return '≤ published';
  }
}

/** A model or published value with digits by magnitude, as the CLI and the HTML report print it; "—" when absent. */
export function formatReproValue(x: number | null): string {
  if (x === null || !Number.isFinite(x)) return '—';
  const a = Math.abs(x);
  const digits = a >= 1000 ? 0 : a >= 100 ? 1 : a >= 10 ? 2 : a >= 1 ? 3 : 4;
  return x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}
