/**
 * Labels and units for any metric key, read from the key's unit suffix (the project's naming rule:
 * units in names). New metrics from other modules (e.g. `batteryDischargeMWh`) get a label and a
 * unit without edits here.
 */

import { currency, intlLocale, type MessageKey, t, usdPerEur } from './i18n';

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
 * A number in the dashboard's language (en: "1,234.5", fr: "1 234,5" with a narrow no-break space)
 * with the U+2212 minus: `decimals` fixed digits, or at most 3 significant digits for fractions
 * (never exponent notation: 144000 → "144,000").
 */
export function fmtNumber(x: number, decimals?: number): string {
  if (!Number.isFinite(x)) return '—';
  const s =
    decimals !== undefined
      ? numberFormat(intlLocale(), {
          minimumFractionDigits: decimals,
          maximumFractionDigits: decimals,
        }).format(x)
      : numberFormat(
          intlLocale(),
          Math.abs(x) >= 1000 ? { maximumFractionDigits: 0 } : { maximumSignificantDigits: 3 },
        ).format(x);
  return minus(s === '-0' ? '0' : s);
}

const trim = (x: number, digits = 3): string => {
  if (x === 0) return '0';
  if (!Number.isFinite(x)) return '—';
  return minus(numberFormat(intlLocale(), { maximumSignificantDigits: digits }).format(x));
};

function scaled(x: number, steps: readonly (readonly [number, string])[]): string {
  for (const [f, u] of steps) if (Math.abs(x) >= f) return `${trim(x / f)} ${u}`;
  const last = steps[steps.length - 1] as readonly [number, string];
  return `${trim(x / last[0])} ${last[1]}`;
}

/** The display currency's symbol: "$" or "€". */
export const currencySymbol = (): string => (currency() === 'EUR' ? '€' : '$');

/** A US-dollar amount in the display currency: itself, or divided by the stated US$ per € rate. */
export const toDisplay = (usd: number): number => (currency() === 'EUR' ? usd / usdPerEur() : usd);

/**
 * What the money figures are in: "US dollars" or "euros at 1.16 US$ per €" (for chart subtitles,
 * tables and CSV headers, so that every money figure says its currency and rate).
 */
export function moneyNote(): string {
  return currency() === 'EUR'
    ? t('money.note.eur', { rate: fmtNumber(usdPerEur(), 4) })
    : t('money.note.usd');
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
  /** A US-dollar amount in the display currency: "$1.2B", "€1.03B", "1,03 Md€". */
  usd: (x: number) => {
    const a = Math.abs(toDisplay(x));
    const fr = intlLocale() === 'fr-FR';
    const [f, s] =
      a >= 1e9 ? [1e9, fr ? 'Md' : 'B'] : a >= 1e6 ? [1e6, 'M'] : a >= 1e3 ? [1e3, 'k'] : [1, ''];
    const sign = x < 0 ? '−' : '';
    const sym = currencySymbol();
    return fr ? `${sign}${trim(a / f)}\u00a0${s}${sym}` : `${sign}${sym}${trim(a / f)}${s}`;
  },
  /** A US-dollar amount in the display currency with `decimals` fixed digits: "$1.25", "1,08 €". */
  usdExact: (x: number, decimals: number) => {
    const v = fmtNumber(toDisplay(x), decimals);
    return intlLocale() === 'fr-FR' ? `${v}\u00a0${currencySymbol()}` : `${currencySymbol()}${v}`;
  },
  co2: (t: number) =>
    scaled(t, [
      [1e6, 'Mt CO2e'],
      [1e3, 'kt CO2e'],
      [1, 't CO2e'],
    ]),
  water: (m3: number) =>
    scaled(m3, [
      [1e6, t('unit.millionM3')],
      [1e3, t('unit.thousandM3')],
      [1, 'm³'],
    ]),
  flop: (x: number) =>
    x === 0
      ? '0 FLOP'
      : `${minus(
          x
            .toExponential(2)
            .replace('e+', 'e')
            .replace('.', intlLocale() === 'fr-FR' ? ',' : '.'),
        )} FLOP`,
  count: (x: number) => fmtNumber(Math.round(x)),
  ratio: (x: number) => (x === 0 ? '—' : fmtNumber(x, 3)),
  percent: (x: number) => `${fmtNumber(x * 100, 1)} %`,
};

export interface MetricInfo {
  /** Human label, e.g. "Facility energy". */
  readonly label: string;
  /** Base unit of the raw number, e.g. "MWh" ("$" for US dollars, whatever the display currency). */
  readonly unit: string;
  /** Formats a raw value with a scaled unit. */
  readonly format: (x: number) => string;
}

const SUFFIXES: readonly [RegExp, string, (x: number) => string, boolean?][] = [
  [/USDPerMWh$/, '$/MWh', (x) => `${trim(toDisplay(x))} ${currencySymbol()}/MWh`],
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

/** Metrics with a label of their own (others are humanized from their key). */
const LABELLED = new Set([
  'pue',
  'acceleratorCount',
  'itEnergyMWh',
  'facilityEnergyMWh',
  'coolingEnergyMWh',
  'gridImportMWh',
  'unservedITEnergyMWh',
  'peakITMW',
  'peakFacilityMW',
  'co2Tonnes',
  'waterM3',
  'energyCostUSD',
  'computeDeliveredFLOP',
  'capexUSD',
  'jobsPermanent',
  'jobsConstruction',
]);
const label = (key: string): string | undefined =>
  LABELLED.has(key) ? t(`metric.${key}` as MessageKey) : undefined;

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
    if (re.test(key)) {
      // Shown in euros: the label says so, with the rate. `unit` stays the raw value's (CSV exports).
      const money = (unit === '$' || unit === '$/MWh') && currency() === 'EUR';
      const base = label(key) ?? humanize(key);
      return {
        label: money ? `${base} (€, ${fmtNumber(usdPerEur(), 4)} US$/€)` : base,
        unit,
        format,
      };
    }
  }
  return { label: label(key) ?? humanize(key), unit: '', format: (x) => trim(x) };
}

/** Formats any value: numbers by key, others as text. */
export function formatValue(key: string, value: unknown): string {
  return typeof value === 'number' ? metricInfo(key).format(value) : String(value ?? '');
}
