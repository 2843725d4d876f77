/**
 * The sweep form's inputs and their checks: the worked example's uncertain inputs, one row per
 * input (label, field path, distribution in the CLI's `--vary` form), and the request built from the
 * rows, samples and seed, or the errors located on them.
 */
import { checkDistribution, type Distribution, parseVary } from '../../../../src/model/uncertainty';
import type { ScenarioListItem } from '../../api';
import { type MessageKey, t } from '../../i18n';
import { fmtNumber } from '../../units';

/** Most samples the page asks for: the server's default limit per sweep (src/server/schemas.ts). */
export const MAX_SAMPLES = 2000;

/**
 * The CLI's worked example (docs/sweeps.md, "how sure is the 2028 payback?"): illustrative ranges,
 * assumptions to edit, not sourced figures. Each applies to a scenario only where its field exists
 * (the 4CP transmission charge in ERCOT only; the GB300 price where the first site runs GB300).
 */
interface KnownInput {
  readonly path: string;
  readonly label: MessageKey;
  readonly dist: string;
  readonly appliesTo?: (s: ScenarioListItem) => boolean;
}

const KNOWN_INPUTS: readonly KnownInput[] = [
  {
    path: 'economics.revenue.usdPerAcceleratorHour',
    label: 'input.revenue',
    dist: 'uniform:2,6',
  },
  {
    path: 'economics.acceleratorPriceUSD.gb300',
    label: 'input.gb300Price',
    dist: 'triangular:40000,48611,60000',
    appliesTo: (s) => s.sites[0]?.accelerators.includes('gb300') ?? false,
  },
  {
    path: 'sites[0].utilisation.busyFraction',
    label: 'input.busy',
    dist: 'triangular:0.6,0.85,0.95',
  },
  { path: 'economics.discountRate', label: 'input.discount', dist: 'uniform:0.06,0.12' },
  {
    path: 'sites[0].supply.transmissionUSDPerKWYear',
    label: 'input.transmission',
    dist: 'uniform:50,150',
    appliesTo: (s) => s.sites[0]?.region === 'ERCOT',
  },
];

export interface InputRow {
  readonly key: number;
  readonly label: string;
  readonly path: string;
  readonly dist: string;
}

let nextKey = 1;
export const row = (label: string, path: string, dist: string): InputRow => ({
  key: nextKey++,
  label,
  path,
  dist,
});

export function defaultRows(s: ScenarioListItem | undefined): InputRow[] {
  return KNOWN_INPUTS.filter((k) => !k.appliesTo || (s !== undefined && k.appliesTo(s))).map((k) =>
    row(t(k.label), k.path, k.dist),
  );
}

export const labelOfPath = (path: string): string => {
  const known = KNOWN_INPUTS.find((k) => k.path === path)?.label;
  return known ? t(known) : path;
};

/** A distribution back in the `--vary` form (JSON where that form cannot say it, e.g. weights). */
export function distributionText(d: Distribution): string {
  const args = (xs: readonly (number | undefined)[]) => xs.filter((x) => x !== undefined).join(',');
  switch (d.dist) {
    case 'uniform':
      return `uniform:${args([d.min, d.max])}`;
    case 'triangular':
      return `triangular:${args([d.min, d.mode, d.max])}`;
    case 'normal':
      if (d.min === undefined && d.max === undefined) return `normal:${args([d.mean, d.sd])}`;
      if (d.min !== undefined && d.max !== undefined) return `normal:${args([d.mean, d.sd, d.min, d.max])}`;
      return JSON.stringify(d);
    case 'lognormal':
      if (d.min === undefined && d.max === undefined) return `lognormal:${args([d.mu, d.sigma])}`;
      if (d.min !== undefined && d.max !== undefined)
        return `lognormal:${args([d.mu, d.sigma, d.min, d.max])}`;
      return JSON.stringify(d);
    case 'discrete':
      return d.weights ? JSON.stringify(d) : `discrete:${d.values.join(',')}`;
  }
}

/** One input's distribution from its text: the `--vary` form (`uniform:2,6`) or a JSON object. */
function parseInput(path: string, text: string): Distribution {
  const t = text.trim();
  if (t.startsWith('{')) {
    let obj: unknown;
    try {
      obj = JSON.parse(t);
    } catch {
      throw new Error(`uncertainty ${path}: not valid JSON (got ${t})`);
    }
    return checkDistribution(path, obj);
  }
  return parseVary(`${path}=${t}`).distribution;
}

export interface FormErrors {
  /** By row key. */
  readonly rows: Readonly<Record<number, string>>;
  readonly samples?: string;
  readonly seed?: string;
  readonly general?: string;
}

export const NO_ERRORS: FormErrors = { rows: {} };
const hasErrors = (e: FormErrors) =>
  Object.keys(e.rows).length > 0 ||
  e.samples !== undefined ||
  e.seed !== undefined ||
  e.general !== undefined;

/** An error on the `i`th row (from 0): "Input 2: …"; the message itself may be the model's or the server's (English). */
const inputError = (i: number, message: string) => t('sweeps.err.input', { n: i + 1, message });

/** The request's `vary` map, or the errors located on the rows, samples and seed. */
export function checkForm(
  rows: readonly InputRow[],
  samplesText: string,
  seedText: string,
): { vary: Record<string, Distribution>; samples: number; seed: number } | FormErrors {
  const rowErrors: Record<number, string> = {};
  const vary: Record<string, Distribution> = {};
  const seen = new Map<string, number>();
  rows.forEach((r, i) => {
    const path = r.path.trim();
    const error = (message: string) => {
      rowErrors[r.key] = inputError(i, message);
    };
    if (path === '') error(t('sweeps.err.emptyPath'));
    else if (seen.has(path)) error(t('sweeps.err.duplicate', { path, n: (seen.get(path) as number) + 1 }));
    else {
      seen.set(path, i);
      try {
        vary[path] = parseInput(path, r.dist);
      } catch (e) {
        error((e as Error).message);
      }
    }
  });
  const samples = Number(samplesText);
  const seed = Number(seedText);
  const errors: FormErrors = {
    rows: rowErrors,
    ...(Number.isInteger(samples) && samples >= 1 && samples <= MAX_SAMPLES
      ? {}
      : {
          samples: t('sweeps.err.samples', {
            max: fmtNumber(MAX_SAMPLES),
            got: JSON.stringify(samplesText),
          }),
        }),
    ...(Number.isInteger(seed) && seed >= 0
      ? {}
      : { seed: t('sweeps.err.seed', { got: JSON.stringify(seedText) }) }),
  };
  return hasErrors(errors) ? errors : { vary, samples, seed };
}

/** A refused request's message placed on the row whose path it names (the longest that matches). */
export function placeServerError(rows: readonly InputRow[], message: string): FormErrors {
  const hit = rows
    .map((r, i) => ({ r, i, path: r.path.trim() }))
    .filter((x) => x.path !== '' && message.includes(x.path))
    .sort((a, b) => b.path.length - a.path.length)[0];
  if (!hit) return { rows: {}, general: message };
  return { rows: { [hit.r.key]: inputError(hit.i, message.replace(/^invalid sweep: /, '')) } };
}
