/**
 * CO2 on both accountings, grid and on-site, by site and year (t CO2e):
 *
 *   grid, lifecycle    Σ_h grid MWh · I_lc(h) / 1,000       I_lc: the site's hourly lifecycle intensity
 *   grid, direct       Σ_h grid MWh · I_dir(h) / 1,000      I_dir: the same fuel mix × AR5 direct medians
 *   on-site, direct    Σ_h fuel MMBtu · 53.06 kg/MMBtu / 1,000   (combustion; the engine's onsiteCO2Tonnes)
 *   on-site, lifecycle on-site direct × 490/370            (AR5 gas CC lifecycle / direct)
 *
 * The headline (metric co2Tonnes) is lifecycle: grid lifecycle + on-site lifecycle. Grid direct is
 * null where the data source has no direct series.
 */
import { HEADLINE_CARBON_BASIS, ONSITE_GAS_LIFECYCLE_OVER_DIRECT } from '../catalog/emission-factors.js';
import type { EngineInputs } from '../engine/inputs.js';
import { yearRanges } from '../engine/metrics.js';
import { type ReplayPolicy, replaySeries } from '../engine/replay.js';
import type { HourlySeries } from '../engine/series.js';
import type { SimulatedSite } from '../engine/simulate.js';
import type { Assumption } from '../model/resolve.js';

export interface CarbonBases {
  readonly gridLifecycleTonnes: number;
  readonly gridDirectTonnes: number | null;
  readonly onsiteDirectTonnes: number;
  readonly onsiteLifecycleTonnes: number;
  /** grid lifecycle + on-site lifecycle: the headline, equal to the co2Tonnes metric. */
  readonly lifecycleTonnes: number;
  /** grid direct + on-site direct (combustion only); null without a direct grid series. */
  readonly directTonnes: number | null;
}

export interface CarbonReport {
  readonly headline: string;
  readonly factors: {
    readonly grid: string;
    readonly onsiteDirect: string;
    readonly onsiteLifecycle: string;
  };
  readonly totals: CarbonBases;
  readonly sites: ({ readonly id: string; readonly area: string } & CarbonBases)[];
  readonly years: ({ readonly year: number } & CarbonBases)[];
}

interface Sums {
  gridLc: number;
  gridDir: number;
  onsite: number;
  hasDirect: boolean;
}

function bases(s: Sums): CarbonBases {
  const onsiteLifecycle = s.onsite * ONSITE_GAS_LIFECYCLE_OVER_DIRECT.value;
  return {
    gridLifecycleTonnes: s.gridLc,
    gridDirectTonnes: s.hasDirect ? s.gridDir : null,
    onsiteDirectTonnes: s.onsite,
    onsiteLifecycleTonnes: onsiteLifecycle,
    lifecycleTonnes: s.gridLc + onsiteLifecycle,
    directTonnes: s.hasDirect ? s.gridDir + s.onsite : null,
  };
}

/** Σ grid MWh · intensity / 1,000 over [from, to). */
function gridTonnes(gridMW: Float64Array, gPerKWh: Float64Array, from: number, to: number): number {
  let t = 0;
  for (let h = from; h < to; h++) t += ((gridMW[h] as number) * (gPerKWh[h] as number)) / 1000;
  return t;
}

function sum(a: Float64Array, from: number, to: number): number {
  let t = 0;
  for (let h = from; h < to; h++) t += a[h] as number;
  return t;
}

/**
 * The last replay of each direct-intensity series (only read here): a sweep worker's samples replay
 * the same series onto the same hours, so the replay runs once per worker instead of once per sample.
 */
const lastDirect = new WeakMap<HourlySeries, { key: string; values: Float64Array }>();
function replayedDirect(series: HourlySeries, startMs: number, hours: number, replay: ReplayPolicy) {
  const key = JSON.stringify([startMs, hours, replay]);
  const kept = lastDirect.get(series);
  if (kept?.key === key) return kept.values;
  const values = replaySeries(series, startMs, hours, replay).values;
  lastDirect.set(series, { key, values });
  return values;
}

export function carbonReport(inputs: EngineInputs, sims: readonly SimulatedSite[]): CarbonReport {
  const ranges = yearRanges(inputs.startMs, inputs.hours);
  const yearSums: Sums[] = ranges.map(() => ({ gridLc: 0, gridDir: 0, onsite: 0, hasDirect: true }));
  const total: Sums = { gridLc: 0, gridDir: 0, onsite: 0, hasDirect: true };
  const sites: ({ id: string; area: string } & CarbonBases)[] = [];
  for (const sim of sims) {
    const s = sim.hourly;
    const input = inputs.sites.find((x) => x.id === s.siteId);
    const direct = input?.carbonDirectGPerKWh
      ? replayedDirect(input.carbonDirectGPerKWh, s.startMs, s.hours, inputs.replay)
      : undefined;
    const site: Sums = { gridLc: 0, gridDir: 0, onsite: 0, hasDirect: direct !== undefined };
    ranges.forEach((r, k) => {
      const y = yearSums[k] as Sums;
      const lc = gridTonnes(s.gridImportMW, s.carbonGPerKWh, r.from, r.to);
      const dir = direct ? gridTonnes(s.gridImportMW, direct, r.from, r.to) : 0;
      const onsite = sum(s.onsiteCO2Tonnes, r.from, r.to);
      for (const acc of [y, site]) {
        acc.gridLc += lc;
        acc.gridDir += dir;
        acc.onsite += onsite;
      }
      if (!direct) y.hasDirect = false;
    });
    total.gridLc += site.gridLc;
    total.gridDir += site.gridDir;
    total.onsite += site.onsite;
    if (!direct) total.hasDirect = false;
    sites.push({ id: s.siteId, area: input?.carbonArea ?? 'region fuel mix', ...bases(site) });
  }
  return {
    headline: HEADLINE_CARBON_BASIS,
    factors: {
      grid: 'hourly fuel mix × per-fuel factors, IPCC AR5 WG3 Annex III Table A.III.2 medians (lifecycle; direct = combustion only); oil/other DACF estimates (src/catalog/emission-factors.ts)',
      onsiteDirect:
        'fuel MMBtu × co2KgPerMMBtu (default 53.06 kg/MMBtu, EPA GHG emission factors, natural gas)',
      onsiteLifecycle: ONSITE_GAS_LIFECYCLE_OVER_DIRECT.estimate,
    },
    totals: bases(total),
    sites,
    years: ranges.map((r, k) => ({ year: r.year, ...bases(yearSums[k] as Sums) })),
  };
}

/**
 * The report of a fleet from the reports of its sites taken one at a time (`carbonReport` of each site
 * alone, in site order), for a run that analyses site by site: the same sums in the same order as
 * `carbonReport` over all sites, so the same numbers.
 */
export function combineCarbonReports(inputs: EngineInputs, perSite: readonly CarbonReport[]): CarbonReport {
  const empty = carbonReport(inputs, []);
  const yearSums: Sums[] = empty.years.map(() => ({ gridLc: 0, gridDir: 0, onsite: 0, hasDirect: true }));
  const total: Sums = { gridLc: 0, gridDir: 0, onsite: 0, hasDirect: true };
  const sites: CarbonReport['sites'] = [];
  for (const r of perSite) {
    for (const site of r.sites) {
      r.years.forEach((yr, k) => {
        const y = yearSums[k] as Sums;
        y.gridLc += yr.gridLifecycleTonnes;
        y.gridDir += yr.gridDirectTonnes ?? 0;
        y.onsite += yr.onsiteDirectTonnes;
        if (yr.gridDirectTonnes === null) y.hasDirect = false;
      });
      total.gridLc += site.gridLifecycleTonnes;
      total.gridDir += site.gridDirectTonnes ?? 0;
      total.onsite += site.onsiteDirectTonnes;
      if (site.gridDirectTonnes === null) total.hasDirect = false;
      sites.push(site);
    }
  }
  return {
    ...empty,
    totals: bases(total),
    sites,
    years: empty.years.map((y, k) => ({ year: y.year, ...bases(yearSums[k] as Sums) })),
  };
}

/** The carbon accounting a run used, for --explain and the JSON `assumptions`. */
export function carbonAssumptions(): Assumption[] {
  return [
    {
      path: 'carbon.headline',
      value: 'lifecycle (grid + on-site)',
      unit: '',
      kind: 'default',
      basis: `${HEADLINE_CARBON_BASIS}; the direct (combustion-only) basis is reported next to it (summary.carbon)`,
    },
    {
      path: 'carbon.gridFactors',
      value: 'IPCC AR5 Table A.III.2 medians',
      unit: 'gCO2eq/kWh by fuel',
      kind: 'catalog',
      basis:
        'lifecycle: coal 820, gas 490, nuclear 12, hydro 24, solar 48, wind 11, biomass 230, geothermal 38; direct: coal 760, gas 370, others 0; oil 650 and other 700 lifecycle (DACF estimates) (src/catalog/emission-factors.ts)',
    },
    {
      path: 'carbon.onsiteLifecycleOverDirect',
      value: ONSITE_GAS_LIFECYCLE_OVER_DIRECT.value,
      unit: 'lifecycle / combustion CO2',
      kind: 'estimate',
      basis: ONSITE_GAS_LIFECYCLE_OVER_DIRECT.estimate,
    },
  ];
}
