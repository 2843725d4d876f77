/** `gigawatt list [what]`: built-in scenarios and what the catalogs hold, with units and sources. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Argument, type Command } from 'commander';
import pc from 'picocolors';
import { convertRegister, parseRegister } from '../../analysis/buildout/register.js';
import { ACCELERATORS, type FigureBasis } from '../../catalog/accelerators.js';
import { COOLING_SYSTEMS } from '../../catalog/cooling.js';
import type { Sourced } from '../../catalog/provenance.js';
import { PRICE_SERIES, REGIONS } from '../../catalog/regions.js';
import { WEATHER_STATIONS } from '../../catalog/weather-stations.js';
import { builtinScenarioNames, loadScenario } from '../../io/load-scenario.js';
import { dataDir } from '../../io/paths.js';

export const LIST_KINDS = [
  'all',
  'scenarios',
  'accelerators',
  'cooling',
  'regions',
  'prices',
  'weather',
  'campuses',
] as const;

const v = (s: Sourced<number>, unit: string): string =>
  s.value === null ? '—' : `${s.value.toLocaleString('en-US')} ${unit}`;

function columns(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] as number))
      .join('  ')
      .trimEnd();
  return [pc.bold(line(header)), ...rows.map(line)].join('\n');
}

function scenarios(): { text: string; json: unknown } {
  const rows = builtinScenarioNames().map((name) => {
    const { scenario } = loadScenario(name);
    return {
      name,
      title: scenario.title ?? '',
      sites: scenario.sites.length,
      start: scenario.start,
      end: scenario.end,
    };
  });
  return {
    text: columns(
      ['scenario', 'title', 'sites', 'period'],
      rows.map((r) => [r.name, r.title, String(r.sites), `${r.start} → ${r.end}`]),
    ),
    json: rows,
  };
}

/** One letter per figure basis in the accelerators table: measured, published, assumed. */
function basisMark(basis: FigureBasis): string {
  return basis === 'measured' ? '(m)' : basis === 'published' ? '(p)' : basis === 'assumed' ? '(a)' : '';
}

function accelerators(): { text: string; json: unknown } {
  return {
    text: `${columns(
      [
        'id',
        'name',
        'board power',
        'idle share',
        'host+network idle–full',
        'BF16 dense',
        'FP8 dense',
        'HBM',
        'price',
      ],
      ACCELERATORS.map((a) => [
        a.id,
        a.name,
        `${v(a.boardPowerW, 'W')} ${basisMark(a.boardPowerW.basis)}`,
        a.idleFraction.value === null
          ? '—'
          : `${(100 * a.idleFraction.value).toFixed(1)} % ${basisMark(a.idleFraction.basis)}`,
        a.hostNetworkWPerAccelerator.value === null || a.hostNetworkIdleWPerAccelerator.value === null
          ? '—'
          : `${a.hostNetworkIdleWPerAccelerator.value.toFixed(0)} ${basisMark(a.hostNetworkIdleWPerAccelerator.basis)}–${a.hostNetworkWPerAccelerator.value.toFixed(0)} W ${basisMark(a.hostNetworkWPerAccelerator.basis)}`,
        v(a.bf16DenseTFLOPS, 'TFLOP/s'),
        v(a.fp8DenseTFLOPS, 'TFLOP/s'),
        v(a.hbmGB, 'GB'),
        a.priceUSD.value === null ? '—' : `$${a.priceUSD.value.toLocaleString('en-US')}`,
      ]),
    )}\n(m) measured by our probe, (p) published or derived from published system figures, (a) assumed; sources in --json and docs/accelerators.md`,
    json: ACCELERATORS,
  };
}

function cooling(): { text: string; json: unknown } {
  return {
    text: columns(
      ['id', 'name', 'description'],
      COOLING_SYSTEMS.map((c) => [c.id, c.name, c.description]),
    ),
    json: COOLING_SYSTEMS,
  };
}

function regions(): { text: string; json: unknown } {
  return {
    text: columns(
      ['id', 'name', 'EIA BA', 'fuel mix (carbon)', 'default price series'],
      REGIONS.map((r) => [
        r.id,
        r.name,
        r.eiaBaCode,
        r.fuelMix
          ? `${r.fuelMix.kind} ${r.fuelMix.completeYears.join(',')}`
          : `proxy: ${r.carbonProxy?.regionId ?? '—'}`,
        r.defaultPriceSeriesId ?? '— (give a flat price)',
      ]),
    ),
    json: REGIONS,
  };
}

function prices(): { text: string; json: unknown } {
  return {
    text: columns(
      ['id', 'region', 'node', 'market', 'years'],
      PRICE_SERIES.map((p) => [
        p.id,
        p.regionId,
        p.node,
        p.market === 'DA' ? 'day-ahead' : 'real-time',
        `${p.firstYear}–${p.lastYear}`,
      ]),
    ),
    json: PRICE_SERIES,
  };
}

function weather(): { text: string; json: unknown } {
  return {
    text: columns(
      ['id', 'station', 'state', 'dataset', 'lat, lon', 'UTC offset'],
      WEATHER_STATIONS.map((w) => [
        w.id,
        w.name,
        w.state,
        w.dataset,
        `${w.latitude}, ${w.longitude}`,
        `${w.tzOffsetHours} h`,
      ]),
    ),
    json: WEATHER_STATIONS,
  };
}

/** The campus register (data/campuses/us_ai_campuses.csv) with its sources and how us-buildout uses each row. */
function campuses(): { text: string; json: unknown } {
  const file = join(dataDir(), 'campuses', 'us_ai_campuses.csv');
  const rows = convertRegister(parseRegister(readFileSync(file, 'utf8'), file));
  return {
    text: `${columns(
      ['id', 'state', 'BA', 'MW', 'basis', 'first', 'full', 'status', 'us-buildout', 'source'],
      rows.map((c) => [
        c.record.id,
        c.record.state,
        c.record.balancingAuthority || (c.offGrid ? 'off-grid' : '—'),
        c.record.announcedMW === null ? '—' : c.record.announcedMW.toLocaleString('en-US'),
        c.basis,
        c.record.firstOnline || '—',
        c.record.fullOnline || '—',
        c.record.status,
        c.excluded !== null
          ? 'not simulated'
          : `${Math.round(c.itMW ?? 0).toLocaleString('en-US')} MW IT in ${c.region.regionId}${c.region.proxy ? '*' : ''}`,
        c.record.sourceUrls[0] ?? '—',
      ]),
    )}\n${pc.dim('MW as announced, on its own basis (notes: power_basis=). * region stands in for a BA without bundled data or off-grid. All source URLs and quotes: --json; data/campuses/PROVENANCE.md.')}`,
    json: rows.map((c) => ({
      ...c.record,
      powerBasis: c.basis,
      usBuildout:
        c.excluded !== null
          ? { simulated: false, reason: c.excluded }
          : {
              simulated: true,
              itMW: c.itMW,
              firstPhaseITMW: c.firstPhaseITMW,
              size: c.sizeNote,
              region: c.region,
              offGrid: c.offGrid,
              firstOnline: c.firstOnline,
              fullOnline: c.fullOnline,
              dateNote: c.dateNote,
            },
    })),
  };
}

const LISTERS: Record<Exclude<(typeof LIST_KINDS)[number], 'all'>, () => { text: string; json: unknown }> = {
  scenarios,
  accelerators,
  cooling,
  regions,
  prices,
  weather,
  campuses,
};

export function listCommand(what: string, opts: { json?: boolean }): void {
  const kinds =
    what === 'all' ? (Object.keys(LISTERS) as (keyof typeof LISTERS)[]) : [what as keyof typeof LISTERS];
  if (opts.json) {
    const out = Object.fromEntries(kinds.map((k) => [k, LISTERS[k]().json]));
    process.stdout.write(`${JSON.stringify(kinds.length === 1 ? out[kinds[0] as string] : out, null, 2)}\n`);
    return;
  }
  const parts = kinds.map((k) => `${pc.bold(pc.underline(k))}\n${LISTERS[k]().text}`);
  process.stdout.write(`${parts.join('\n\n')}\n`);
}

/** Registers `gigawatt list`. */
export function registerList(cli: Command): void {
  cli
    .command('list')
    .description('list built-in scenarios and catalog entries')
    .addArgument(
      new Argument('[what]', 'what to list').choices(LIST_KINDS as unknown as string[]).default('all'),
    )
    .option('--json', 'as JSON, with every value and its source')
    .action((what: string, opts: { json?: boolean }) => listCommand(what, opts));
}
