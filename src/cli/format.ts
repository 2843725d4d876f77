/** Human-readable numbers with units, and the text summary that `gigawatt run` prints. */
import pc from 'picocolors';
import type { RunSummary } from '../analysis/summary.js';
import type { Metrics } from '../engine/metrics.js';
import type { Assumption } from '../model/resolve.js';
import { formatEconomics } from './format-economics.js';
import { formatWorkloads } from './format-workloads.js';
import { count, energy, flop, power, scaled, table, tonnes, trim, usd, water } from './quantities.js';
import { terminalText } from './terminal-text.js';

export { count, energy, flop, power, scaled, tonnes, usd, water };

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
  ['co2Tonnes', 'CO2, lifecycle (grid + on-site gas)', tonnes],
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

/** CO2 on both bases, grid and on-site, with the basis of the headline and the area of each site. */
export function formatCarbon(c: RunSummary['carbon']): string {
  const t = c.totals;
  const or = (x: number | null) => (x === null ? 'n/a' : tonnes(x));
  return [
    table(
      ['CO2 by basis', 'lifecycle', 'direct (combustion)'],
      [
        ['grid', tonnes(t.gridLifecycleTonnes), or(t.gridDirectTonnes)],
        ['on-site gas', tonnes(t.onsiteLifecycleTonnes), tonnes(t.onsiteDirectTonnes)],
        ['total', tonnes(t.lifecycleTonnes), or(t.directTonnes)],
      ],
    ),
    pc.dim(`Headline CO2 = ${c.headline}.`),
    pc.dim(`Grid factors: ${c.factors.grid}. On-site: ${c.factors.onsiteDirect}.`),
    pc.dim(`Grid intensity by site: ${c.sites.map((x) => `${x.id}: ${x.area}`).join('; ')}.`),
  ].join('\n');
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
  out.push('', formatCarbon(s.carbon));
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
        'CO2 lifecycle',
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
