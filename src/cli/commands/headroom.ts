/**
 * `gigawatt headroom`: how much new flexible load a balancing authority can absorb at a given curtailment
 * rate (Norris et al., *Rethinking Load Growth*, Duke Nicholas Institute 2025; method in
 * src/analysis/headroom.ts, docs/grid-headroom.md), and, with `--scenario`, what each site of a scenario
 * would be curtailed in its region at its size.
 */
import type { Command } from 'commander';
import pc from 'picocolors';
import type { HeadroomAnalysis } from '../../analysis/headroom.js';
import { clockText, parseLimitsPct, spanText } from '../../analysis/headroom-options.js';
import {
  type DataQualityJson,
  DEMAND_SOURCE,
  dataQuality,
  type HeadroomReportOptions,
  headroomJson,
  METHOD,
  type NationalRow,
  nationalHeadroom,
  type RegionData,
  regionHeadroom,
  scenarioExposure,
} from '../../io/headroom-report.js';
import { count, energy, power, table } from '../quantities.js';
import { UsageError } from '../usage-error.js';

// The reports are built in the library (src/io/headroom-report.ts, src/analysis/headroom-options.ts),
// shared with GET /api/headroom.

export interface HeadroomOptions extends HeadroomReportOptions {
  json?: boolean;
}

const pct = (x: number, digits = 1) => `${x.toFixed(digits)} %`;
const limitText = (x: number) => `${x} %`;
const hoursText = (x: number) => `${x < 10 ? x.toFixed(1) : count(x)} h`;

function localTime(ms: number, offset: number): string {
  const s = new Date(ms + offset * 3_600_000).toISOString();
  return `${s.slice(0, 10)} ${s.slice(11, 16)} ${clockText(offset)}`;
}

function cleaningText(d: RegionData): string {
  const parts = d.screened.rules.map((r) => `${r.id} ${count(r.hoursTouched)} h`);
  return `Screening of the cleaned demand: ${parts.join(', ')} (of ${count(d.screened.hoursInYears)} h).`;
}

function qualityText(q: DataQualityJson): string {
  const peaks = [
    q.summerPeakImputedOrFlagged ? 'the summer peak hour is imputed/flagged' : '',
    q.winterPeakImputedOrFlagged ? 'the winter peak hour is imputed/flagged' : '',
  ].filter((x) => x !== '');
  return (
    `Source flags: ${pct(q.imputedOrFlaggedPct, 2)} of hours imputed or corrected upstream` +
    (q.unflaggedHours > 0 ? `, ${count(q.unflaggedHours)} h without a flag (2020–2024 sub-BA sums)` : '') +
    (peaks.length > 0 ? `; ${peaks.join(' and ')}` : '; both peak hours measured') +
    (q.caveats.length > 0 ? `. Caveats: ${q.caveats.join('; ')}.` : '.')
  );
}

function formatRegion(d: RegionData, a: HeadroomAnalysis): string {
  const th = a.thresholds;
  const peak = Math.max(th.summerPeakMW, th.winterPeakMW);
  const Y = a.years.length;
  const out: string[] = [];
  out.push(pc.bold(`gigawatt headroom · ${d.id} — ${d.history.name}`));
  out.push(
    `New constant load that ${d.id} could serve with the curtailment rate held to each limit, UTC years ${spanText(a.years)} (${count(a.hours)} h).`,
  );
  out.push(
    `Thresholds, with seasons and times in ${d.offset === 0 ? 'UTC' : `local standard time ${clockText(d.offset)}`}: Apr–Oct hours up to the summer peak ${power(th.summerPeakMW)} ` +
      `(${localTime(th.summerPeakTimeMs, d.offset)}), Nov–Mar hours up to the winter peak ${power(th.winterPeakMW)} ` +
      `(${localTime(th.winterPeakTimeMs, d.offset)}).`,
  );
  out.push('');
  out.push(
    table(
      [
        'curtailment limit',
        'headroom',
        '% of peak',
        'curtailed',
        'events',
        'mean event',
        '≥50 % kept',
        '≥75 % kept',
        '≥90 % kept',
      ],
      a.results.map((r) => [
        limitText(r.curtailmentPct),
        power(r.headroomMW),
        pct((100 * r.headroomMW) / peak),
        `${hoursText(r.curtailedHoursPerYear)}/yr`,
        `${(r.events / Y).toFixed(1)}/yr`,
        `${r.meanEventHours.toFixed(1)} h`,
        pct(r.retained50Pct, 0),
        pct(r.retained75Pct, 0),
        pct(r.retained90Pct, 0),
      ]),
    ),
  );
  out.push('');
  out.push(
    pc.dim(
      [
        `curtailment limit: curtailed energy / the new load's energy, mean of the years. % of peak: of ${power(peak)}, the highest hour.`,
        'curtailed: hours per year with any curtailment; events: runs of consecutive curtailed hours; ≥50 % kept: share',
        'of curtailed hours in which at least half of the new load still runs.',
        cleaningText(d),
        qualityText(dataQuality(d, a)),
        `Method: ${METHOD}; see docs/grid-headroom.md. Demand: ${DEMAND_SOURCE}.`,
      ].join('\n'),
    ),
  );
  return out.join('\n');
}

function formatNational(x: ReturnType<typeof nationalHeadroom>): string {
  const out: string[] = [];
  const years = x.years === null ? 'per BA (see the years column)' : spanText(x.years);
  out.push(pc.bold(`gigawatt headroom · ${x.bas} balancing authorities, UTC years ${years}`));
  out.push(
    'New constant load each BA could serve with the curtailment rate held to each limit (each BA alone, against its own peaks).',
  );
  out.push('');
  const flag = (r: NationalRow) => {
    const q = r.dataQuality;
    const marks: string[] = [];
    if (q.summerPeakImputedOrFlagged || q.winterPeakImputedOrFlagged) marks.push('peak imputed');
    if (q.caveats.length > 0) marks.push(`caveat${q.caveats.length > 1 ? 's' : ''}`);
    return marks.join(', ');
  };
  const rows = x.rows.map((r) => [
    r.region,
    spanText(r.years),
    power(r.peakMW),
    ...r.headroomMW.map((mw) => power(mw)),
    pct(r.dataQuality.imputedOrFlaggedPct, 2),
    flag(r),
  ]);
  rows.push([`total (${x.bas} BAs)`, '', '', ...x.total.map((t) => power(t.headroomMW)), '', '']);
  const ref = x.total.map((t) => ('norris2025MW' in t ? power(t.norris2025MW as number) : '—'));
  if (ref.some((r) => r !== '—'))
    rows.push(['Norris et al. 2025 (22 BAs, 2016–2024)', '', '', ...ref, '', '']);
  out.push(
    table(['BA', 'years', 'peak', ...x.limitsPct.map((p) => `@${limitText(p)}`), 'imputed', 'flags'], rows),
  );
  out.push('');
  const caveats = x.rows
    .filter(
      (r) =>
        r.dataQuality.caveats.length > 0 ||
        r.dataQuality.summerPeakImputedOrFlagged ||
        r.dataQuality.winterPeakImputedOrFlagged,
    )
    .map((r) => {
      const q = r.dataQuality;
      const peaks = [
        q.summerPeakImputedOrFlagged ? 'summer peak hour imputed/flagged' : '',
        q.winterPeakImputedOrFlagged ? 'winter peak hour imputed/flagged' : '',
      ].filter((s) => s !== '');
      return `  ${r.region}: ${[...peaks, ...q.caveats].join('; ')}`;
    });
  out.push(
    pc.dim(
      [
        'imputed: share of the hours analysed that the source imputed or corrected (demand_cleaned_category not OKAY); 2020–2024 sub-BA sums carry no flag.',
        'The total is the sum of the BAs bundled here, each against its own peaks; it is not a coincident national figure.',
        ...(caveats.length > 0 ? ['Caveats (data/grid/PROVENANCE-extension.md):', ...caveats] : []),
        `Reference: ${x.reference.basis}. Method: ${METHOD}; see docs/grid-headroom.md. Demand: ${DEMAND_SOURCE}.`,
      ].join('\n'),
    ),
  );
  return out.join('\n');
}

function formatScenario(x: ReturnType<typeof scenarioExposure>): string {
  const out: string[] = [];
  out.push(pc.bold(`gigawatt headroom · ${x.scenario}: curtailment each site would face at its peak load`));
  out.push(
    'Each site alone is the new constant load L (its peak facility power from the run), added to its region’s historical demand.',
  );
  out.push('');
  out.push(
    table(
      [
        'site',
        'region',
        'load',
        'region headroom @0.5 %',
        'curtailment rate',
        'curtailed energy',
        'curtailed',
        'events',
        'mean event',
        'longest',
        '≥50 % kept',
      ],
      x.sites.map((s) => [
        s.id,
        s.region,
        power(s.loadMW),
        power(s.regionHeadroomAtHalfPctMW),
        pct(s.curtailmentPct, 3),
        `${energy(s.curtailedEnergyMWhPerYear)}/yr`,
        `${hoursText(s.curtailedHoursPerYear)}/yr`,
        `${s.eventsPerYear.toFixed(1)}/yr`,
        `${s.meanEventHours.toFixed(1)} h`,
        `${s.longestEventHours} h`,
        pct(s.retained50Pct, 0),
      ]),
    ),
  );
  out.push('');
  const years = [...new Set(x.sites.map((s) => spanText(s.years)))].join('; ');
  out.push(
    pc.dim(
      `UTC years ${years}. Sites in the same region are counted alone, not together. Method: ${METHOD}; see docs/grid-headroom.md.`,
    ),
  );
  return out.join('\n');
}

export function headroomCommand(opts: HeadroomOptions): void {
  if (opts.region !== undefined && opts.scenario !== undefined)
    throw new UsageError('give either --region or --scenario, not both');
  if (opts.scenario !== undefined) {
    parseLimitsPct(opts.curtailment);
    const x = scenarioExposure({ ...opts, scenario: opts.scenario });
    process.stdout.write(`${opts.json ? JSON.stringify(x, null, 2) : formatScenario(x)}\n`);
    return;
  }
  if (opts.region === undefined || opts.region.toLowerCase() === 'all') {
    const x = nationalHeadroom(opts);
    process.stdout.write(`${opts.json ? JSON.stringify(x, null, 2) : formatNational(x)}\n`);
    return;
  }
  const { data, analysis } = regionHeadroom({ ...opts, region: opts.region });
  process.stdout.write(
    `${opts.json ? JSON.stringify(headroomJson(data, analysis), null, 2) : formatRegion(data, analysis)}\n`,
  );
}

/** Registers `gigawatt headroom`. */
export function registerHeadroom(cli: Command): void {
  cli
    .command('headroom')
    .description(
      'how much new flexible load a grid region can absorb at a given curtailment rate (Duke method), or what a scenario’s sites would be curtailed',
    )
    .option(
      '-r, --region <id>',
      'balancing authority: catalog id (ERCOT, NYISO, PJM, …), EIA code (ERCO, NYIS, FPL, …), or all (the default: every bundled BA and the national total)',
    )
    .option(
      '-s, --scenario <file>',
      'instead: each site of a scenario (file or built-in name) as the new load in its region',
    )
    .option(
      '-y, --years <years>',
      'UTC years to analyse: a range (2019-2024) or a list (2019,2021); default: 2016–2024 where complete (the window of Norris et al.)',
    )
    .option(
      '-c, --curtailment <pct>',
      'curtailment-rate limits in percent of the new load’s energy',
      '0.25,0.5,1,5',
    )
    .option('--clock <clock>', 'clock for the seasons: local (the region’s standard time) or utc', 'local')
    .option(
      '--json',
      'print JSON: {region, years, results, cleaning, dataQuality}, or for all BAs {bas, years, rows, total, …} (docs/grid-headroom.md)',
    )
    .addHelpText(
      'after',
      `
A constant new load L is added to the region's historical hourly demand. Hours of April–October may
reach the highest demand ever seen in June–August, hours of November–March the highest seen in
December–February; anything above is curtailed from the new load. The headroom at a limit is the
largest L whose curtailed energy stays within that share of L × hours (mean of the years).

Examples:
  $ gigawatt headroom                      every bundled BA (31), 2016–2024, and the national total
  $ gigawatt headroom --region ERCOT
  $ gigawatt headroom --region PJM --years 2022-2024 --curtailment 0.5,1 --json
  $ gigawatt headroom --region NYIS --years 2019,2021
  $ gigawatt headroom --scenario anthropic-fluidstack`,
    )
    .action((opts: HeadroomOptions) => {
      headroomCommand(opts);
    });
}
