/** Human-readable numbers with units, and the text summary that `gigawatt run` prints. */
import pc from 'picocolors';
import type { RunSummary } from '../analysis/summary.js';
import type { Metrics } from '../engine/metrics.js';
import type { Assumption } from '../model/resolve.js';
import { formatEconomics } from './format-economics.js';
import { formatWorkloads } from './format-workloads.js';
import { terminalText } from './terminal-text.js';

const trim = (x: number, digits = 3): string => {
  if (x === 0) return '0';
  const s = x.toPrecision(digits);
  return s.includes('e') ? s : String(Number(s));
};

/** Scales a value into the largest unit step it reaches: e.g. 1.2e6 MWh → "1.2 TWh". */
export function scaled(x: number, steps: readonly (readonly [number, string])[]): string {
  for (const [factor, unit] of steps) if (Math.abs(x) >= factor) return `${trim(x / factor)} ${unit}`;
  const last = steps[steps.length - 1] as readonly [number, string];
  return `${trim(x / last[0])} ${last[1]}`;
}

export const energy = (mwh: number) =>
  scaled(mwh, [
    [1e6, 'TWh'],
    [1e3, 'GWh'],
    [1, 'MWh'],
  ]);
export const power = (mw: number) =>
  scaled(mw, [
    [1e3, 'GW'],
    [1, 'MW'],
  ]);
export function usd(x: number): string {
  const abs = Math.abs(x);
  const [factor, suffix] =
    abs >= 1e9 ? [1e9, 'B'] : abs >= 1e6 ? [1e6, 'M'] : abs >= 1e3 ? [1e3, 'k'] : [1, ''];
  return `${x < 0 ? '-' : ''}$${trim(abs / factor)}${suffix}`;
}
export const tonnes = (t: number) =>
  scaled(t, [
    [1e6, 'Mt CO2e'],
    [1e3, 'kt CO2e'],
    [1, 't CO2e'],
  ]);
export const water = (m3: number) =>
  scaled(m3, [
    [1e6, 'million m³'],
    [1e3, 'thousand m³'],
    [1, 'm³'],
  ]);
export const flop = (x: number) => (x === 0 ? '0 FLOP' : `${x.toExponential(2).replace('e+', 'e')} FLOP`);
export const count = (x: number) => Math.round(x).toLocaleString('en-US');

const ROWS: readonly [keyof Metrics, string, (x: number) => string][] = [
  ['acceleratorCount', 'Accelerators installed', count],
  ['peakITMW', 'Peak IT power', power],
  ['peakFacilityMW', 'Peak facility power', power],
  ['itEnergyMWh', 'IT energy', energy],
  ['acceleratorEnergyMWh', '  of which accelerators', energy],
  ['facilityEnergyMWh', 'Facility energy', energy],
  ['coolingEnergyMWh', '  of which cooling', energy],
  ['pue', 'PUE (facility / IT energy)', (x) => (x === 0 ? '—' : x.toFixed(3))],
  ['gridImportMWh', 'Grid import', energy],
  ['unservedITEnergyMWh', 'IT energy not served (interconnect)', energy],
  ['co2Tonnes', 'CO2 (grid lifecycle + on-site gas)', tonnes],
  ['waterM3', 'Water consumed on site', water],
  ['energyCostUSD', 'Energy cost', usd],
  ['computeDeliveredFLOP', 'Compute delivered', flop],
  ['capexUSD', 'Capex', usd],
  ['jobsPermanent', 'Permanent jobs', count],
  ['jobsConstruction', 'Construction jobs', count],
];

const hours = (x: number) => `${count(x)} h`;
/** Grid-side rows (docs/grid-flexibility.md), printed only when the run has any of them. */
const GRID_ROWS: readonly [keyof Metrics, string, (x: number) => string][] = [
  ['curtailedEnergyMWh', 'Curtailed (grid relieved on request)', energy],
  ['curtailmentHours', 'Curtailment hours', hours],
  ['curtailmentEvents', 'Curtailment events', count],
  ['computeLostFLOP', 'Compute lost to curtailment', flop],
  ['onsiteGenerationMWh', 'On-site generation', energy],
  ['batteryDischargeMWh', 'Battery discharge', energy],
  ['transmissionChargeUSD', 'ERCOT 4CP transmission charge', usd],
];

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number)))
      .join('  ');
  return [pc.bold(line(header)), ...rows.map(line)].join('\n');
}

export function formatSummary(s: RunSummary): string {
  const out: string[] = [];
  const title = s.title ? ` — ${terminalText(s.title)}` : '';
  out.push(pc.bold(`gigawatt · ${terminalText(s.scenario)}${title}`));
  out.push(
    `${s.period.start} → ${s.period.end} (${count(s.hours)} hours), ${s.sites.length} site${s.sites.length === 1 ? '' : 's'}: ${s.sites.map((x) => x.id).join(', ')}`,
  );
  out.push('');
  const multi = s.sites.length > 1;
  const header = ['', 'total', ...(multi ? s.sites.map((x) => x.id) : [])];
  out.push(
    table(
      header,
      [...ROWS, ...GRID_ROWS.filter(([key]) => s.totals[key] !== 0)].map(([key, label, fmt]) => [
        label,
        fmt(s.totals[key]),
        ...(multi ? s.sites.map((x) => fmt(x[key])) : []),
      ]),
    ),
  );
  out.push('');
  out.push(pc.bold('By calendar year (UTC)'));
  out.push(
    table(
      [
        'year',
        'added',
        'peak facility',
        'facility energy',
        'PUE',
        'CO2',
        'water',
        'energy cost',
        'compute',
        'capex',
      ],
      s.years.map((y) => [
        String(y.year),
        count(y.acceleratorCount),
        power(y.peakFacilityMW),
        energy(y.facilityEnergyMWh),
        y.pue === 0 ? '—' : y.pue.toFixed(3),
        tonnes(y.co2Tonnes),
        water(y.waterM3),
        usd(y.energyCostUSD),
        flop(y.computeDeliveredFLOP),
        usd(y.capexUSD),
      ]),
    ),
  );
  const economics = formatEconomics(s);
  if (economics) out.push('', economics);
  const workloads = formatWorkloads(s);
  if (workloads) out.push('', workloads);
  const defaults = s.assumptions.filter((a) => a.kind !== 'scenario').length;
  out.push('');
  out.push(
    pc.dim(
      `${defaults} values come from defaults, catalogs and data rather than the scenario: see them with --explain. Hourly series: --out DIR.`,
    ),
  );
  return out.join('\n');
}

/** A number as a person writes it: thousands separators, at most 6 significant digits. */
const plain = (x: number): string =>
  Math.abs(x) >= 1e4 ? x.toLocaleString('en-US', { maximumFractionDigits: 0 }) : trim(x, 6);

export function formatAssumptions(list: readonly Assumption[]): string {
  const rows = list.map((a) => [
    a.path,
    `${typeof a.value === 'number' ? plain(a.value) : terminalText(String(a.value))}${a.unit ? ` ${a.unit}` : ''}`,
    a.kind,
    a.basis,
  ]);
  const w0 = Math.max(...rows.map((r) => (r[0] as string).length));
  const w1 = Math.max(...rows.map((r) => (r[1] as string).length));
  const w2 = 8;
  return [
    pc.bold('Values used, and where each comes from'),
    ...rows.map(
      ([p, v, k, b]) =>
        `${(p as string).padEnd(w0)}  ${(v as string).padEnd(w1)}  ${pc.cyan((k as string).padEnd(w2))}  ${pc.dim(b as string)}`,
    ),
  ].join('\n');
}
