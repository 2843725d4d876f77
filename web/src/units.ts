/**
 * Labels and units for any metric key, read from the key's unit suffix (the project's naming rule:
 * units in names). New metrics from other modules (e.g. `batteryDischargeMWh`) get a label and a
 * unit without edits here.
 */

/** U+2212 for negatives, as everywhere in the dashboard (never a hyphen-minus). */
const minus = (s: string): string => s.replace(/^-/, '\u2212');

/**
 * `Intl.NumberFormat`s kept by locale and options: `toLocaleString` with options builds a new one
 * per call (~20 µs), and a campus page formats thousands of numbers on every slider move.
 */
const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  const kept = formats.get(key);
  if (kept) return kept;
  const f = new Intl.NumberFormat(locale, options);
  formats.set(key, f);
  return f;
}

/**
 * A number with thousands separators and the U+2212 minus: `decimals` fixed digits, or at most 3
 * significant digits for fractions (never exponent notation: 144000 → "144,000").
 */
export function fmtNumber(x: number, decimals?: number): string {
  if (!Number.isFinite(x)) return '—';
  const s =
    decimals !== undefined
      ? numberFormat('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(x)
      : numberFormat(
          'en-US',
          Math.abs(x) >= 1000 ? { maximumFractionDigits: 0 } : { maximumSignificantDigits: 3 },
        ).format(x);
  return minus(s === '-0' ? '0' : s);
}

const trim = (x: number, digits = 3): string => {
  if (x === 0) return '0';
  if (!Number.isFinite(x)) return '—';
  return minus(numberFormat('en-US', { maximumSignificantDigits: digits }).format(x));
};

function scaled(x: number, steps: readonly (readonly [number, string])[]): string {
  for (const [f, u] of steps) if (Math.abs(x) >= f) return `${trim(x / f)} ${u}`;
  const last = steps[steps.length - 1] as readonly [number, string];
  return `${trim(x / last[0])} ${last[1]}`;
}

export const fmt = {
  energy: (mwh: number) =>
    scaled(mwh, [
      [1e6, 'TWh'],
      [1e3, 'GWh'],
      [1, 'MWh'],
      [1e-3, 'kWh'],
    ]),
  power: (mw: number) =>
    scaled(mw, [
      [1e3, 'GW'],
      [1, 'MW'],
      [1e-3, 'kW'],
    ]),
  usd: (x: number) => {
    const a = Math.abs(x);
    const [f, s] = a >= 1e9 ? [1e9, 'B'] : a >= 1e6 ? [1e6, 'M'] : a >= 1e3 ? [1e3, 'k'] : [1, ''];
    return `${x < 0 ? '−' : ''}$${trim(a / f)}${s}`;
  },
  co2: (t: number) =>
    scaled(t, [
      [1e6, 'Mt CO2e'],
      [1e3, 'kt CO2e'],
      [1, 't CO2e'],
    ]),
  water: (m3: number) =>
    scaled(m3, [
      [1e6, 'million m³'],
      [1e3, 'thousand m³'],
      [1, 'm³'],
    ]),
  flop: (x: number) => (x === 0 ? '0 FLOP' : `${minus(x.toExponential(2).replace('e+', 'e'))} FLOP`),
  count: (x: number) => fmtNumber(Math.round(x)),
  ratio: (x: number) => (x === 0 ? '—' : x.toFixed(3)),
  percent: (x: number) => `${(x * 100).toFixed(1)} %`,
};

export interface MetricInfo {
  /** Human label, e.g. "Facility energy". */
  readonly label: string;
  /** Base unit of the raw number, e.g. "MWh". */
  readonly unit: string;
  /** Formats a raw value with a scaled unit. */
  readonly format: (x: number) => string;
}

const SUFFIXES: readonly [RegExp, string, (x: number) => string, boolean?][] = [
  [/USDPerMWh$/, '$/MWh', (x) => `${trim(x)} $/MWh`],
  [/GPerKWh$/, 'gCO2e/kWh', (x) => `${trim(x)} gCO2e/kWh`],
  [/LPerKWh$/, 'L/kWh', (x) => `${trim(x)} L/kWh`],
  [/MWh$/, 'MWh', fmt.energy],
  [/MW$/, 'MW', fmt.power],
  [/^co2.*Tonnes$|CO2Tonnes$/i, 't CO2e', fmt.co2],
  [/Tonnes$/, 't', (x) => `${trim(x)} t`],
  [/M3$/, 'm³', fmt.water],
  [/USD$/, '$', fmt.usd],
  [/FLOP$/, 'FLOP', fmt.flop],
  [/Hours$/, 'h', (x) => `${fmt.count(x)} h`],
  [/Fraction$|Share$/, '%', fmt.percent],
  [/Count$|^jobs/, 'count', fmt.count],
  [/^pue$|PUE$/i, 'ratio', fmt.ratio],
  [/C$/, '°C', (x) => `${trim(x)} °C`],
];

const LABELS: Readonly<Record<string, string>> = {
  pue: 'PUE (facility / IT energy)',
  acceleratorCount: 'Accelerators',
  itEnergyMWh: 'IT energy',
  facilityEnergyMWh: 'Facility energy',
  coolingEnergyMWh: 'Cooling energy',
  gridImportMWh: 'Grid import',
  unservedITEnergyMWh: 'IT energy not served',
  peakITMW: 'Peak IT power',
  peakFacilityMW: 'Peak facility power',
  co2Tonnes: 'CO2 (grid lifecycle + on-site gas)',
  waterM3: 'Water consumed on site',
  energyCostUSD: 'Energy cost',
  computeDeliveredFLOP: 'Compute delivered',
  capexUSD: 'Capex',
  jobsPermanent: 'Permanent jobs',
  jobsConstruction: 'Construction jobs',
};

/** "unservedITEnergyMWh" → "Unserved IT energy" (unit suffix dropped). */
function humanize(key: string): string {
  const base = key.replace(/(USDPerMWh|GPerKWh|LPerKWh|MWh|MW|Tonnes|M3|USD|FLOP|Hours|Count)$/, '');
  const words = base
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(' ')
    .map((w, i) =>
      /^it$/i.test(w) ? 'IT' : w.length > 1 && w === w.toUpperCase() ? w : i === 0 ? w : w.toLowerCase(),
    );
  const s = words.join(' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function metricInfo(key: string): MetricInfo {
  for (const [re, unit, format] of SUFFIXES) {
    if (re.test(key)) return { label: LABELS[key] ?? humanize(key), unit, format };
  }
  return { label: LABELS[key] ?? humanize(key), unit: '', format: (x) => trim(x) };
}

/** Formats any value: numbers by key, others as text. */
export function formatValue(key: string, value: unknown): string {
  return typeof value === 'number' ? metricInfo(key).format(value) : String(value ?? '');
}
