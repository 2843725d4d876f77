/**
 * `buildoutReport(scenario, data, options)`: the national picture of a fleet scenario, pure and
 * isomorphic (the CLI `gigawatt buildout` and, later, the server's /api/buildout call it).
 *
 * Simulates every site with the engine, sums the campuses' hourly grid load per region (balancing
 * authority) and calendar year, judges it against the region's historical demand (./grid.ts), and adds
 * per-campus energy, CO2 and water and, when given, the register's notes on BAs without data.
 * Its JSON is the `--json` contract (docs/buildout.md).
 */

import { completeYears } from '../../engine/replay.js';
import { DAY_MS, HOUR_MS, isoDateMs } from '../../engine/series.js';
import { simulate } from '../../engine/simulate.js';
import type { SiteHourly } from '../../engine/site-hourly.js';
import { type DataSource, resolveScenario } from '../../model/resolve.js';
import type { Scenario } from '../../model/scenario.js';
import { screenDemand } from '../demand-cleaning.js';
import { DEFAULT_CURTAILMENT_LIMITS_PCT, SEASON_UTC_OFFSET_HOURS } from '../headroom.js';
import { fourCP } from '../markets/ercot-4cp.js';
import { type CampusYearLoad, gridYear, type PreparedRegion, prepareRegion } from './grid.js';
import type { ConvertedCampus } from './register.js';
import type { CampusRow, CampusYear, RegionYearRow, WhoPays } from './rows.js';
import {
  type PhasePlan,
  type SupplyChainOptions,
  type SupplyChainReport,
  supplyChain,
} from './supply-chain.js';
import { type WaterByPlace, waterByPlace, withCounty } from './water.js';
import { lateTariffs, pjmCapacity, sb6Campuses } from './who-pays.js';

export type { CampusRow, CampusYear, RegionYearRow, WhoPays } from './rows.js';
export type { WaterArea, WaterByPlace } from './water.js';

export const BUILDOUT_REPORT_VERSION = 1;

export interface BuildoutOptions {
  /** Curtailment-rate limits, % (default 0.25, 0.5, 1, 5: the headroom command's). */
  readonly limitsPct?: readonly number[];
  /** Historical UTC years of demand to judge against (default: every complete year of each region). */
  readonly historicalYears?: readonly number[];
  /** The converted register (./register.ts), to say which BAs have no data and what stood in. */
  readonly register?: readonly ConvertedCampus[];
  readonly onProgress?: (done: number, total: number) => void;
  /** Which online dates the scenario's phases carry (label only; see `realisticRegister`). Default 'announced'. */
  readonly dates?: 'announced' | 'p50' | 'p90';
  /** Supply-chain Monte Carlo options (it runs when the register is given). */
  readonly supplyChain?: SupplyChainOptions;
}

export interface NationalYear {
  readonly year: number;
  readonly itInstalledMW: number;
  readonly campusAtRegionPeaksMW: number;
  readonly gridGWh: number;
  readonly offGridGWh: number;
  readonly firmNeedMW: number;
  readonly flexibleCurtailedGWh: number;
  readonly computeLostFLOP: number;
  readonly co2Tonnes: number;
  readonly waterM3: number;
}

export interface NoDataBA {
  /** The register's BA code ('' = blank in the register). */
  readonly ba: string;
  readonly campuses: readonly string[];
  readonly standsIn: string;
  readonly basis: string;
}

export interface BuildoutReport {
  readonly version: number;
  readonly scenario: string;
  /** The phase dates the grid analysis used: as announced, or the supply chain's P50 / P90. */
  readonly dates: 'announced' | 'p50' | 'p90';
  readonly years: readonly number[];
  readonly limitsPct: readonly number[];
  readonly regions: readonly RegionYearRow[];
  readonly campuses: readonly CampusRow[];
  readonly national: readonly NationalYear[];
  readonly noDataBAs: readonly NoDataBA[];
  /** Who pays: PJM capacity, ERCOT 4CP, large-load tariffs, SB 6 (docs/buildout.md). */
  readonly whoPays: WhoPays;
  /** CO2 and water per region (off-grid campuses under 'off-grid') and year. */
  readonly environment: readonly {
    region: string;
    year: number;
    co2Tonnes: number;
    onsiteCO2Tonnes: number;
    waterM3: number;
  }[];
  /** On-site water per register county and per state and year, with the attribution rule (./water.ts). */
  readonly water: WaterByPlace;
  /** Realistic online dates from the critical path (needs the register: status and announced dates). */
  readonly supplyChain: SupplyChainReport | null;
  readonly method: string;
}

/** The phases of the register's simulated campuses with their announced dates (first stage, then the rest). */
export function phasePlans(register: readonly ConvertedCampus[], siteIds: ReadonlySet<string>): PhasePlan[] {
  return register
    .filter((c) => c.excluded === null && siteIds.has(c.record.id) && c.itMW !== null)
    .flatMap((c) => {
      const common = {
        campusId: c.record.id,
        region: c.region.regionId,
        offGrid: c.offGrid,
        status: c.record.status,
      };
      const it = c.itMW as number;
      if (c.firstPhaseITMW === null)
        return [{ ...common, phaseId: 'campus', announced: c.firstOnline as string, itMW: it }];
      return [
        { ...common, phaseId: 'first', announced: c.firstOnline as string, itMW: c.firstPhaseITMW },
        { ...common, phaseId: 'rest', announced: c.fullOnline as string, itMW: it - c.firstPhaseITMW },
      ];
    });
}

/** Whole UTC calendar years inside [start, end]. */
/**
 * The register with each campus's dates moved to the supply chain's realistic P50 or P90 (the first stage to
 * its phase's quantile, the full date to the last phase's, never before the first), so that the grid
 * analysis can be run on the dates the equipment allows. Build the scenario from it with `fleetScenario`.
 */
export function realisticRegister(
  register: readonly ConvertedCampus[],
  chain: SupplyChainReport,
  which: 'p50' | 'p90',
): ConvertedCampus[] {
  return register.map((c) => {
    const phases = chain.phases.filter((p) => p.campusId === c.record.id);
    const first = phases[0];
    const last = phases[phases.length - 1];
    if (
      c.excluded !== null ||
      first === undefined ||
      last === undefined ||
      c.firstOnline === null ||
      c.fullOnline === null
    )
      return c;
    const firstOnline = first[which];
    // a single phase keeps its announced ramp span; two phases take the later phase's date
    const span = isoDateMs(c.fullOnline) - isoDateMs(c.firstOnline);
    const full =
      phases.length === 1 ? new Date(isoDateMs(firstOnline) + span).toISOString().slice(0, 10) : last[which];
    return {
      ...c,
      firstOnline,
      fullOnline:
        full > firstOnline
          ? full
          : c.fullOnline > firstOnline
            ? c.fullOnline
            : new Date(isoDateMs(firstOnline) + 365 * DAY_MS).toISOString().slice(0, 10),
    };
  });
}

export function wholeYears(startIso: string, endIso: string): number[] {
  const a = Number(startIso.slice(0, 4)) + (startIso.slice(5) === '01-01' ? 0 : 1);
  const b = Number(endIso.slice(0, 4)) - (endIso.slice(5) === '12-31' ? 0 : 1);
  const out: number[] = [];
  for (let y = a; y <= b; y++) out.push(y);
  return out;
}

/** Sum of `a` over the hours of UTC year y, given the series' start. */
function yearSlice(a: Float64Array, startMs: number, y: number): Float64Array {
  const i0 = Math.round((Date.UTC(y, 0, 1) - startMs) / HOUR_MS);
  const i1 = Math.round((Date.UTC(y + 1, 0, 1) - startMs) / HOUR_MS);
  return a.subarray(Math.max(0, i0), Math.min(a.length, i1));
}

const sum = (a: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] as number;
  return s;
};
const max = (a: ArrayLike<number>) => {
  let m = 0;
  for (let i = 0; i < a.length; i++) if ((a[i] as number) > m) m = a[i] as number;
  return m;
};

/** Share of facility energy (or of its peak, for the connection) below which a site counts as off-grid. */
const OFF_GRID_GRID_SHARE = 0.01;

export const BUILDOUT_METHOD =
  'Campus hourly grid load from the engine, summed per region and calendar year, laid hour-of-year over each historical year of EIA-930 cleaned demand; thresholds, headroom and curtailment by the method of Norris et al., Rethinking Load Growth (Duke NI R 25-01, 2025), as in gigawatt headroom; see docs/buildout.md';

/** One campus's yearly energy, CO2 and water, and whether it is off the grid. */
function campusRow(site: Scenario['sites'][number], h: SiteHourly, years: readonly number[]): CampusRow {
  const rows = years.map((y): CampusYear => {
    const sl = (a: Float64Array) => yearSlice(a, h.startMs, y);
    const it = sl(h.itInstalledMW);
    return {
      year: y,
      itInstalledMW: it.length === 0 ? 0 : (it[it.length - 1] as number),
      peakFacilityMW: max(sl(h.facilityMW)),
      facilityGWh: sum(sl(h.facilityMW)) / 1000,
      gridGWh: sum(sl(h.gridImportMW)) / 1000,
      co2Tonnes: sum(sl(h.co2Tonnes)),
      onsiteCO2Tonnes: sum(sl(h.onsiteCO2Tonnes)),
      waterM3: sum(sl(h.waterM3)),
    };
  });
  const fac = rows.reduce((s, r) => s + r.facilityGWh, 0);
  const grid = rows.reduce((s, r) => s + r.gridGWh, 0);
  return {
    id: site.id,
    name: site.name ?? site.id,
    region: site.region,
    state: site.location.state,
    county: '',
    locationPrecision: '',
    // off-grid: a connection too small for the load, or (almost) no energy from the grid
    offGrid:
      fac > 0 &&
      (grid < OFF_GRID_GRID_SHARE * fac ||
        site.interconnectMW < OFF_GRID_GRID_SHARE * Math.max(...rows.map((r) => r.peakFacilityMW))),
    years: rows,
  };
}

/** The summed grid load and compute of a region's sites in year y, by hour of the year. */
function regionLoad(
  members: readonly { id: string; hourly: SiteHourly }[],
  y: number,
): { load: CampusYearLoad; online: string[] } {
  const n = Math.round((Date.UTC(y + 1, 0, 1) - Date.UTC(y, 0, 1)) / HOUR_MS);
  const gridMW = new Float64Array(n);
  const computeFLOP = new Float64Array(n);
  const online: string[] = [];
  for (const { id, hourly: h } of members) {
    const g = yearSlice(h.gridImportMW, h.startMs, y);
    const f = yearSlice(h.computeFLOP, h.startMs, y);
    if (sum(g) <= 0) continue;
    online.push(id);
    for (let k = 0; k < g.length; k++) {
      gridMW[k] = (gridMW[k] as number) + (g[k] as number);
      computeFLOP[k] = (computeFLOP[k] as number) + (f[k] as number);
    }
  }
  return { load: { gridMW, computeFLOP }, online };
}

/** ERCOT 4CP of the last historical year with the campuses' load of year y laid over it. */
function ercot4CPYear(region: PreparedRegion, gridMW: Float64Array, lastYear: number, y: number) {
  const { timeMs, demandMW, utcOffsetHours } = region.input;
  const idx: number[] = [];
  for (let t = 0; t < timeMs.length; t++)
    if (new Date(timeMs[t] as number).getUTCFullYear() === lastYear) idx.push(t);
  return {
    year: y,
    historicalYear: lastYear,
    ...fourCP({
      timeMs: Float64Array.from(idx, (t) => timeMs[t] as number),
      demandMW: Float64Array.from(idx, (t) => demandMW[t] as number),
      campusMW: Float64Array.from(
        idx,
        (t) => gridMW[Math.min(gridMW.length - 1, region.hourOfYear[t] as number)] as number,
      ),
      utcOffsetHours,
    }),
  };
}

/** Every region-year with campuses online, judged against the region's historical demand (./grid.ts). */
function regionRows(
  scenario: Scenario,
  hourly: readonly SiteHourly[],
  campuses: readonly CampusRow[],
  years: readonly number[],
  data: DataSource,
  options: BuildoutOptions,
  limitsPct: readonly number[],
): { regions: RegionYearRow[]; ercot4CP: WhoPays['ercot4CP'][number][] } {
  const regions: RegionYearRow[] = [];
  const ercot4CP: WhoPays['ercot4CP'][number][] = [];
  const regionIds = [...new Set(campuses.filter((c) => !c.offGrid).map((c) => c.region))].sort();
  for (const regionId of regionIds) {
    const demand = data.regionDemand(regionId);
    const available = completeYears(demand);
    const hist = options.historicalYears?.filter((y) => available.includes(y)) ?? available;
    if (hist.length === 0) continue;
    const screened = screenDemand(demand, { years: hist });
    const region = prepareRegion({
      timeMs: screened.timeMs,
      demandMW: screened.demandMW,
      utcOffsetHours: SEASON_UTC_OFFSET_HOURS[regionId] ?? 0,
    });
    const members = scenario.sites
      .map((s, i) => ({
        id: s.id,
        region: s.region,
        hourly: hourly[i] as SiteHourly,
        offGrid: (campuses[i] as CampusRow).offGrid,
      }))
      .filter((m) => m.region === regionId && !m.offGrid);
    for (const y of years) {
      const { load, online } = regionLoad(members, y);
      if (online.length === 0) continue;
      if (regionId === 'ERCOT')
        ercot4CP.push(ercot4CPYear(region, load.gridMW, hist[hist.length - 1] as number, y));
      regions.push({
        region: regionId,
        year: y,
        campuses: online,
        historicalYears: hist,
        ...gridYear(region, load, limitsPct),
      });
    }
  }
  return { regions, ercot4CP };
}

/** National totals of each year. */
function nationalRows(
  years: readonly number[],
  regions: readonly RegionYearRow[],
  campuses: readonly CampusRow[],
): NationalYear[] {
  return years.map((y) => {
    const rs = regions.filter((r) => r.year === y);
    const cy = campuses.map((c) => ({ c, r: c.years.find((x) => x.year === y) as CampusYear }));
    return {
      year: y,
      itInstalledMW: cy.reduce((s, { r }) => s + r.itInstalledMW, 0),
      campusAtRegionPeaksMW: rs.reduce((s, r) => s + r.campusAtRegionPeakMW, 0),
      gridGWh: cy.reduce((s, { r }) => s + r.gridGWh, 0),
      offGridGWh: cy.filter(({ c }) => c.offGrid).reduce((s, { r }) => s + r.facilityGWh, 0),
      firmNeedMW: rs.reduce((s, r) => s + r.firmNeedMW, 0),
      flexibleCurtailedGWh: rs.reduce((s, r) => s + r.flexible.curtailedGWhPerYear, 0),
      computeLostFLOP: rs.reduce((s, r) => s + r.flexible.computeLostFLOPPerYear, 0),
      co2Tonnes: cy.reduce((s, { r }) => s + r.co2Tonnes, 0),
      waterM3: cy.reduce((s, { r }) => s + r.waterM3, 0),
    };
  });
}

/** The register's BAs without bundled data, with the campuses each holds and what stands in. */
function noDataBAs(register: readonly ConvertedCampus[], simulatedIds: ReadonlySet<string>): NoDataBA[] {
  const byBA = new Map<string, NoDataBA>();
  for (const c of register) {
    if (!c.region.proxy || c.offGrid || !simulatedIds.has(c.record.id)) continue;
    const ba = c.record.balancingAuthority;
    const e = byBA.get(ba);
    if (e === undefined)
      byBA.set(ba, { ba, campuses: [c.record.id], standsIn: c.region.regionId, basis: c.region.basis });
    else byBA.set(ba, { ...e, campuses: [...e.campuses, c.record.id] });
  }
  return [...byBA.values()];
}

/** CO2 and water per region (off-grid campuses together) and year. */
function environmentRows(
  years: readonly number[],
  campuses: readonly CampusRow[],
): BuildoutReport['environment'][number][] {
  const out: BuildoutReport['environment'][number][] = [];
  for (const y of years) {
    const groups = new Map<string, { co2Tonnes: number; onsiteCO2Tonnes: number; waterM3: number }>();
    for (const c of campuses) {
      const key = c.offGrid ? 'off-grid' : c.region;
      const r = c.years.find((x) => x.year === y) as CampusYear;
      const g = groups.get(key) ?? { co2Tonnes: 0, onsiteCO2Tonnes: 0, waterM3: 0 };
      groups.set(key, {
        co2Tonnes: g.co2Tonnes + r.co2Tonnes,
        onsiteCO2Tonnes: g.onsiteCO2Tonnes + r.onsiteCO2Tonnes,
        waterM3: g.waterM3 + r.waterM3,
      });
    }
    for (const [region, g] of [...groups].sort((a, b) => a[0].localeCompare(b[0])))
      out.push({ region, year: y, ...g });
  }
  return out;
}

export function buildoutReport(
  scenario: Scenario,
  data: DataSource,
  options: BuildoutOptions = {},
): BuildoutReport {
  const limitsPct = options.limitsPct ?? DEFAULT_CURTAILMENT_LIMITS_PCT;
  const resolved = resolveScenario(scenario, data, scenario);
  const hourly = simulate(resolved.engine, options.onProgress).map((s) => s.hourly);
  const years = wholeYears(scenario.start, scenario.end);
  const register = options.register ?? [];
  const registerById = new Map(register.map((c) => [c.record.id, c]));
  const campuses = scenario.sites.map((site, i) =>
    withCounty(campusRow(site, hourly[i] as SiteHourly, years), registerById),
  );
  const { regions, ercot4CP } = regionRows(scenario, hourly, campuses, years, data, options, limitsPct);
  const simulatedIds = new Set(scenario.sites.map((s) => s.id));
  const plans = phasePlans(register, simulatedIds);
  const chain = plans.length === 0 ? null : supplyChain(plans, options.supplyChain);
  return {
    version: BUILDOUT_REPORT_VERSION,
    scenario: scenario.name,
    dates: options.dates ?? 'announced',
    years,
    limitsPct,
    regions,
    campuses,
    national: nationalRows(years, regions, campuses),
    noDataBAs: noDataBAs(register, simulatedIds),
    whoPays: {
      pjm: pjmCapacity(regions),
      ercot4CP,
      tariffs: lateTariffs(register, chain, scenario),
      sb6: sb6Campuses(scenario, campuses),
    },
    environment: environmentRows(years, campuses),
    water: waterByPlace(campuses),
    supplyChain: chain,
    method: BUILDOUT_METHOD,
  };
}
