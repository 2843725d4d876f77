/**
 * The text of `gigawatt buildout`: the BA × year table, national totals, the supply-chain outlook, who
 * pays, water by county and, with --samples, the uncertainty bands (src/cli/commands/buildout.ts).
 */
import pc from 'picocolors';
import type { BuildoutReport } from '../analysis/buildout/report.js';
import type { BuildoutUncertainty } from '../analysis/buildout/uncertainty.js';
import type { Quantiles } from '../analysis/sweep/statistics.js';
import { count, energy, flop, power, tonnes, water } from './format.js';

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i <= 1 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number)))
      .join('  ');
  return [pc.bold(line(header)), ...rows.map(line)].join('\n');
}

const gw = (mw: number) => power(mw);
/** 2016–2024, or 2019, 2021 when not consecutive. */
const yearsText = (ys: readonly number[]) =>
  ys.length > 1 && ys.every((y, i) => i === 0 || y === (ys[i - 1] as number) + 1)
    ? `${ys[0]}–${ys[ys.length - 1]}`
    : ys.join(', ');
const limitList = (xs: readonly number[]) => xs.map((x) => (x >= 1e5 ? '∞' : count(x))).join(' / ');

export function formatBuildout(r: BuildoutReport): string {
  const out: string[] = [];
  const hist = r.demandBasis.historicalYears;
  out.push(
    pc.bold(
      `gigawatt buildout · ${r.scenario}: can the grids carry it? (${r.years[0]}–${r.years[r.years.length - 1]}, ${r.dates === 'announced' ? 'announced dates' : `the supply chain's ${r.dates.toUpperCase()} dates`})`,
    ),
  );
  out.push(
    `Each region's campuses, their simulated hourly grid load summed, laid over its historical demand: UTC years ${yearsText(hist)}, ${r.demandBasis.source}.`,
  );
  out.push('');
  out.push(
    table(
      [
        'region',
        'year',
        'campuses',
        'campus peak',
        'at region peak',
        `headroom MW before @${r.limitsPct.join('/')} %`,
        'after (left)',
        'flexible: curtailed',
        'hours/yr',
        'events/yr',
        'energy/yr',
        'compute lost/yr',
        'firm need',
      ],
      r.regions.map((x) => [
        x.region,
        String(x.year),
        String(x.campuses.length),
        gw(x.campusPeakMW),
        gw(x.campusAtRegionPeakMW),
        limitList(x.headroomBeforeMW),
        limitList(x.headroomAfterMW),
        `${x.flexible.curtailmentPct.toFixed(2)} %`,
        count(x.flexible.curtailedHoursPerYear),
        x.flexible.eventsPerYear.toFixed(1),
        energy(x.flexible.curtailedGWhPerYear * 1000),
        flop(x.flexible.computeLostFLOPPerYear),
        gw(x.firmNeedMW),
      ]),
    ),
  );
  out.push('');
  out.push(pc.bold('National totals'));
  out.push(
    table(
      [
        'year',
        '',
        'IT installed',
        'at region peaks',
        'firm need',
        'grid energy',
        'off-grid energy',
        'curtailed if flexible',
        'compute lost',
        'CO2',
        'water',
      ],
      r.national.map((n) => [
        String(n.year),
        '',
        gw(n.itInstalledMW),
        gw(n.campusAtRegionPeaksMW),
        gw(n.firmNeedMW),
        energy(n.gridGWh * 1000),
        energy(n.offGridGWh * 1000),
        energy(n.flexibleCurtailedGWh * 1000),
        flop(n.computeLostFLOP),
        tonnes(n.co2Tonnes),
        water(n.waterM3),
      ]),
    ),
  );
  if (r.supplyChain !== null) out.push('', formatSupplyChain(r.supplyChain));
  out.push('', formatWhoPays(r));
  out.push('', formatWaterByCounty(r));
  if (r.uncertainty !== null) out.push('', formatUncertainty(r.uncertainty, r.limitsPct));
  const offGrid = r.campuses.filter((c) => c.offGrid).map((c) => c.id);
  out.push('');
  out.push(
    pc.dim(
      [
        'campus peak: highest hour of the summed grid load; at region peak: its mean over the 10 highest-demand hours of each historical year.',
        'headroom: the largest further constant load whose curtailment stays within each limit (Duke method), before and after the campuses.',
        'flexible: what the campuses would shed if they gave way whenever demand passed the seasonal peak; firm need: the largest excess over it',
        'if they do not (new firm capacity the region would need). Per-year figures are means over the historical years.',
        ...r.noDataBAs.map(
          (b) =>
            `No data for BA ${b.ba || '(blank in the register)'}: ${b.campuses.join(', ')} counted in ${b.standsIn}. ${b.basis}.`,
        ),
        offGrid.length > 0 ? `Off-grid (own plant, not in any region's load): ${offGrid.join(', ')}.` : '',
        `Method: ${r.method}.`,
      ]
        .filter((l) => l !== '')
        .join('\n'),
    ),
  );
  return out.join('\n');
}

function formatSupplyChain(sc: NonNullable<BuildoutReport['supplyChain']>): string {
  const out: string[] = [];
  out.push(
    pc.bold(
      `Can the supply chains carry it? Realistic online dates (${count(sc.trials)} Monte Carlo trials, as of ${sc.asOf})`,
    ),
  );
  out.push(
    table(
      [
        'campus',
        'phase',
        'region',
        'IT',
        'start',
        'announced',
        'P10',
        'P50',
        'P90',
        'P(on time)',
        'critical path',
      ],
      sc.phases.map((p) => [
        p.campusId,
        p.phaseId,
        p.region,
        power(p.itMW),
        p.start,
        p.announced,
        p.p10,
        p.p50,
        p.p90,
        `${Math.round(100 * p.probabilityOnTime)} %`,
        p.done ? 'online' : `${p.criticalItem} (${Math.round(100 * p.criticalShare)} %)`,
      ]),
    ),
  );
  out.push('');
  out.push(pc.bold('IT capacity online by 31 December, national'));
  out.push(
    table(
      ['year', '', 'announced', 'P50', 'P90 (90 % chance of at least)'],
      sc.national.map((n) => [String(n.year), '', power(n.announcedMW), power(n.p50MW), power(n.p90MW)]),
    ),
  );
  out.push(
    pc.dim(
      [
        'Each phase: max(announced, start + the longest of its lead times). Start of ordering and of the interconnection request, from the',
        'register: an announced campus at its announcement (stated, or no later than its earliest dated source); otherwise the earliest of',
        'that, a stated construction start and the status rule (ASSUMPTION: operating 36 months, under construction 24, announced 6 before',
        'the analysis date). The basis of each is in --json (supplyChain.phases[].startBasis). Off-grid campuses wait for turbines instead of a grid connection.',
        ...sc.items.map((i) => `${i.label}: ${i.source}.`),
      ].join('\n'),
    ),
  );
  return out.join('\n');
}

const usdText = (x: number) => {
  const a = Math.abs(x);
  const t =
    a >= 1e9
      ? `$${(a / 1e9).toFixed(2)}B`
      : a >= 1e6
        ? `$${(a / 1e6).toFixed(1)}M`
        : `$${Math.round(a).toLocaleString('en-US')}`;
  return x < 0 ? `−${t}` : t;
};

function formatWhoPays(r: BuildoutReport): string {
  const out: string[] = [pc.bold('Who pays')];
  const pjm = r.whoPays.pjm;
  if (pjm !== null) {
    const c = pjm.calibration;
    out.push(
      `PJM capacity: the 2026/27 auction (published $329.17/MW-day at the collar cap, $388.57 uncapped) with the fleet's PJM load at PJM's peak added;`,
      `price from the calibrated clearing relation P = ${c.p0USDPerMWDay.toFixed(1)} × exp(−${c.kPerPct.toFixed(3)} × (reserve margin − target)) $/MW-day, no collar (it expired for 2028/29).`,
    );
    out.push(
      table(
        [
          'year',
          '',
          'added at peak',
          'firm: price',
          'Δ cost, all',
          'Δ others',
          'per household/mo',
          'flexible: Δ others',
          'BYOG: Δ others',
          'firm, with collar',
        ],
        pjm.years.map((y) => [
          String(y.year),
          '',
          power(y.addedPeakMW),
          `$${y.firm.uncappedUSDPerMWDay.toFixed(0)}`,
          usdText(y.firm.deltaCostUSD),
          usdText(y.firm.othersDeltaUSD),
          `$${y.firm.perHouseholdUSDPerMonth.toFixed(2)}`,
          usdText(y.flexible.othersDeltaUSD),
          usdText(y.byog.othersDeltaUSD),
          `$${y.firmWithCollar.priceUSDPerMWDay.toFixed(0)}, Δ ${usdText(y.firmWithCollar.othersDeltaUSD)}`,
        ]),
      ),
    );
    out.push(
      pc.dim(
        `Calibration residuals, published − model ($/MW-day): ${c.residuals.map((x) => `${x.deliveryYear} ${x.residualUSDPerMWDay >= 0 ? '+' : ''}${x.residualUSDPerMWDay.toFixed(1)}`).join(', ')}. Household: 2.37 kW at peak (ASSUMPTION, checked against Maryland OPC's $14–18/month for 2025/26).`,
      ),
    );
  }
  if (r.whoPays.ercot4CP.length > 0) {
    out.push(
      '',
      `ERCOT 4CP transmission (rate $${r.whoPays.ercot4CP[0]?.rateUSDPerKWYear}/kW-yr, an ASSUMPTION in the published $50–150+ range; TCOS held fixed):`,
    );
    out.push(
      table(
        [
          'year',
          '',
          'campus 4CP',
          'rate if firm',
          'campuses pay if firm',
          'others pay: firm',
          'others pay: avoiding the peaks',
          'shifted to others',
        ],
        r.whoPays.ercot4CP.map((e) => [
          String(e.year),
          '',
          power(e.campus4CPMW),
          `$${e.firmRateUSDPerKWYear.toFixed(1)}/kW-yr`,
          usdText(e.campusPaysFirmUSD),
          usdText(e.othersPayFirmUSD),
          usdText(e.othersPayAvoidUSD),
          usdText(e.othersPayAvoidUSD - e.othersPayFirmUSD),
        ]),
      ),
    );
  }
  if (r.whoPays.tariffs.length > 0) {
    out.push(
      '',
      'Large-load tariffs: minimum demand billed while a campus is late (realistic P50 vs announced):',
    );
    for (const t of r.whoPays.tariffs)
      out.push(
        `  ${t.campusId} (${t.tariff}): contract ${power(t.contractMW)}, ${t.monthsLate} months late → ${count(t.billedIdleMWMonths)} MW-months billed idle (no demand-charge rate sourced; × your $/kW-month).`,
      );
  }
  const sb6 = r.whoPays.sb6.filter((x) => x.applies);
  if (sb6.length > 0)
    out.push(
      '',
      `Texas SB 6 (≥ 75 MW): applies to ${sb6.map((x) => x.campusId).join(', ')}: ${sb6[0]?.obligations.join('; ')}.`,
    );
  const last = r.years[r.years.length - 1];
  const env = r.environment.filter((e) => e.year === last);
  if (env.length > 0) {
    out.push('', `CO2 and water in ${last}, by region:`);
    out.push(
      table(
        ['region', '', 'CO2 (grid lifecycle + on-site)', 'of which on-site gas', 'water on site'],
        env.map((e) => [e.region, '', tonnes(e.co2Tonnes), tonnes(e.onsiteCO2Tonnes), water(e.waterM3)]),
      ),
    );
  }
  return out.join('\n');
}

/** On-site water of the last year per register county, with the attribution rule (src/analysis/buildout/water.ts). */
function formatWaterByCounty(r: BuildoutReport): string {
  const last = r.years[r.years.length - 1];
  const rows = r.water.byCounty.filter((w) => w.year === last);
  if (rows.length === 0) return pc.dim(`No on-site water in ${last} (dry cooling, or no campus online).`);
  return [
    pc.bold(`On-site water in ${last}, by the county the campus register names`),
    table(
      ['state', 'county', 'water on site', 'campuses'],
      rows.map((w) => [w.state, w.county || '(not known)', water(w.waterM3), w.campuses.join(', ')]),
    ),
    pc.dim(r.water.rule),
  ].join('\n');
}

const band = (q: Quantiles, f: (x: number) => string) => `${f(q.p5)} / ${f(q.p50)} / ${f(q.p95)}`;

function formatUncertainty(u: BuildoutUncertainty, limitsPct: readonly number[]): string {
  const out: string[] = [
    pc.bold(
      `Uncertainty: P5 / P50 / P95 over ${count(u.samples)} samples (${u.sampling === 'lhs' ? 'Latin hypercube' : 'random'}, seed ${u.seed})`,
    ),
  ];
  out.push(
    table(
      ['year', '', 'IT online', 'at region peaks', 'firm need', 'curtailed (flexible share)', 'CO2', 'water'],
      u.national.map((n) => [
        String(n.year),
        '',
        band(n.itInstalledMW, power),
        band(n.campusAtRegionPeaksMW, power),
        band(n.firmNeedMW, power),
        band(n.flexibleCurtailedGWh, (x) => energy(x * 1000)),
        band(n.co2Tonnes, tonnes),
        band(n.waterM3, water),
      ]),
    ),
  );
  const i = Math.max(0, limitsPct.indexOf(0.5));
  out.push(
    '',
    table(
      ['region', 'year', `headroom used @${limitsPct[i]} %`, 'firm need', 'at region peak'],
      u.regions.map((r) => [
        r.region,
        String(r.year),
        band(r.headroomUsedMW[i] as Quantiles, power),
        band(r.firmNeedMW, power),
        band(r.campusAtRegionPeakMW, power),
      ]),
    ),
  );
  if (u.pjm.length > 0)
    out.push(
      '',
      table(
        ['PJM', '', 'firm load at peak', 'price (uncapped)', 'others pay more', 'per household/mo'],
        u.pjm.map((p) => [
          String(p.year),
          '',
          band(p.addedPeakMW, power),
          band(p.uncappedUSDPerMWDay, (x) => `$${x.toFixed(0)}`),
          band(p.othersDeltaUSD, usdText),
          band(p.perHouseholdUSDPerMonth, (x) => `$${x.toFixed(2)}`),
        ]),
      ),
    );
  if (u.ercot4CP.length > 0)
    out.push(
      '',
      table(
        ['ERCOT', '', '4CP cost shifted to others by the flexible share'],
        u.ercot4CP.map((e) => [String(e.year), '', band(e.shiftedToOthersUSD, usdText)]),
      ),
    );
  out.push(
    pc.dim(
      [
        'Uncertain inputs:',
        ...u.inputs.map(
          (x) =>
            `  ${x.id}: ${x.distribution === null ? '' : `${JSON.stringify(x.distribution)}; `}${x.source}`,
        ),
        `Method: ${u.method}.`,
      ].join('\n'),
    ),
  );
  return out.join('\n');
}
