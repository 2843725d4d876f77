/**
 * Distributions for uncertain scenario inputs: the top-level `uncertainty` map of a scenario (field
 * path → distribution) and `gigawatt sweep --vary path=dist:args`. Pure: shapes and parsing only; the
 * sampling is in src/analysis/sweep/.
 *
 *   uniform     {dist: uniform, min, max}                     min ≤ max
 *   triangular  {dist: triangular, min, mode, max}            min ≤ mode ≤ max
 *   normal      {dist: normal, mean, sd, min?, max?}          sd ≥ 0; samples clamped to [min, max]
 *   lognormal   {dist: lognormal, mu, sigma, min?, max?}      ln X ~ N(mu, sigma); median e^mu; sigma ≥ 0
 *   discrete    {dist: discrete, values, weights?}            weights ≥ 0, same length, sum > 0
 */
import { z } from 'zod';

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const bounds = { min: finite.optional(), max: finite.optional() };
const ordered = (d: { min?: number | undefined; max?: number | undefined }) =>
  d.min === undefined || d.max === undefined || d.min <= d.max;
const orderedMsg = { message: 'min must be ≤ max', path: ['min'] };

export const distributionSchema = z.discriminatedUnion('dist', [
  z.strictObject({ dist: z.literal('uniform'), min: finite, max: finite }).refine(ordered, orderedMsg),
  z
    .strictObject({ dist: z.literal('triangular'), min: finite, mode: finite, max: finite })
    .refine(ordered, orderedMsg)
    .refine((d) => d.mode >= d.min && d.mode <= d.max, {
      message: 'mode must lie between min and max',
      path: ['mode'],
    }),
  z
    .strictObject({
      dist: z.literal('normal'),
      mean: finite,
      sd: finite.refine((x) => x >= 0, 'standard deviation must be ≥ 0'),
      ...bounds,
    })
    .refine(ordered, orderedMsg),
  z
    .strictObject({
      dist: z.literal('lognormal'),
      mu: finite,
      sigma: finite.refine((x) => x >= 0, 'sigma (standard deviation of ln X) must be ≥ 0'),
      ...bounds,
    })
    .refine(ordered, orderedMsg),
  z
    .strictObject({
      dist: z.literal('discrete'),
      values: z.array(finite).min(1),
      weights: z.array(finite.refine((x) => x >= 0, 'weights must be ≥ 0')).optional(),
    })
    .refine((d) => d.weights === undefined || d.weights.length === d.values.length, {
      message: 'weights must have one entry per value',
      path: ['weights'],
    })
    .refine((d) => d.weights === undefined || d.weights.reduce((a, b) => a + b, 0) > 0, {
      message: 'weights must not all be 0',
      path: ['weights'],
    }),
]);

export type Distribution = z.output<typeof distributionSchema>;

export const uncertaintySchema = z
  .record(z.string().min(1), distributionSchema)
  .describe(
    'Uncertain inputs for `gigawatt sweep`: a map from a numeric field path (e.g. `sites[0].utilisation.busyFraction`) to a distribution {dist: uniform|triangular|normal|lognormal|discrete, ...}.',
  );

/** Thrown for a bad `--vary`/`--grid` argument or uncertainty entry; the CLI exits 2. */
export class DistributionError extends Error {
  override name = 'DistributionError';
}

const ARGS: Record<Distribution['dist'], readonly string[]> = {
  uniform: ['min', 'max'],
  triangular: ['min', 'mode', 'max'],
  normal: ['mean', 'sd', 'min', 'max'],
  lognormal: ['mu', 'sigma', 'min', 'max'],
  discrete: [],
};

/**
 * Parses `path=dist:a,b,…` (the `--vary` syntax) into a path and a validated distribution, e.g.
 * `sites[0].utilisation.busyFraction=triangular:0.7,0.85,0.95`, `compute.mfu=normal:0.4,0.05,0.3,0.5`,
 * `economics.discountRate=discrete:0.06,0.08,0.1`.
 */
export function parseVary(arg: string): { path: string; distribution: Distribution } {
  const eq = arg.indexOf('=');
  const colon = arg.indexOf(':', eq);
  if (eq <= 0 || colon < 0)
    throw new DistributionError(
      `--vary ${JSON.stringify(arg)}: expected PATH=DIST:ARGS, e.g. compute.mfu=uniform:0.35,0.45 (DIST: uniform, triangular, normal, lognormal, discrete)`,
    );
  const path = arg.slice(0, eq).trim();
  const dist = arg.slice(eq + 1, colon).trim();
  const nums = arg
    .slice(colon + 1)
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '')
    .map(Number);
  if (!(dist in ARGS))
    throw new DistributionError(
      `--vary ${path}: unknown distribution ${JSON.stringify(dist)} (allowed: ${Object.keys(ARGS).join(', ')})`,
    );
  if (nums.some((x) => !Number.isFinite(x)))
    throw new DistributionError(`--vary ${path}: arguments must be numbers (got ${JSON.stringify(arg)})`);
  const names = ARGS[dist as Distribution['dist']];
  const spec: Record<string, unknown> = { dist };
  if (dist === 'discrete') spec.values = nums;
  else {
    const required = dist === 'normal' || dist === 'lognormal' ? 2 : names.length;
    if (nums.length < required || nums.length > names.length)
      throw new DistributionError(
        `--vary ${path}: ${dist} takes ${names.slice(0, required).join(',')}${required < names.length ? `[,${names.slice(required).join(',')}]` : ''} (got ${nums.length} numbers)`,
      );
    nums.forEach((x, i) => {
      spec[names[i] as string] = x;
    });
  }
  return { path, distribution: checkDistribution(path, spec) };
}

/** Validates a distribution given for `path`, with an error naming the path, the field and the value. */
export function checkDistribution(path: string, spec: unknown): Distribution {
  const r = distributionSchema.safeParse(spec);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = issue?.path.length ? `.${issue.path.join('.')}` : '';
  const value =
    issue?.path.length && spec && typeof spec === 'object'
      ? (spec as Record<string, unknown>)[String(issue.path[0])]
      : spec;
  throw new DistributionError(
    `uncertainty ${path}${field}: ${issue?.message ?? 'invalid distribution'} (got ${JSON.stringify(value)})`,
  );
}

/** Parses `path=v1,v2,…` (the `--grid` syntax). */
export function parseGrid(arg: string): { path: string; values: number[] } {
  const eq = arg.indexOf('=');
  const values = arg
    .slice(eq + 1)
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '')
    .map(Number);
  if (eq <= 0 || values.length === 0 || values.some((x) => !Number.isFinite(x)))
    throw new DistributionError(
      `--grid ${JSON.stringify(arg)}: expected PATH=V1,V2,… with numbers, e.g. economics.discountRate=0.06,0.08,0.1`,
    );
  return { path: arg.slice(0, eq).trim(), values };
}
