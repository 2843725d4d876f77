/**
 * The build-out under Monte Carlo: P5/P50/P95 of every national figure when the campus sizes, the online
 * dates (the supply chain's lead times and start dates), the flexible share of the campus load and the PJM
 * clearing relation are uncertain. Pure; seeded.
 *
 * Nothing is re-simulated. Every engine output a site produces (grid import, facility energy, compute, CO2,
 * water) is proportional to the IT capacity installed in that hour, and the weather, prices and carbon of an
 * hour belong to the calendar, not to the campus. So a sample scales the deterministic run's hourly series
 * hour by hour:
 *
 *   x_s(t) = size_i · Σ_p w_p·f_p(t − Δ_p) / Σ_p w_p·f_p(t) · x(t)
 *
 * f_p the engine's linear ramp of phase p (src/engine/fleet.ts), w_p its IT MW, Δ_p ≥ 0 its delay in the
 * sample (realistic date − announced date, from one supply-chain trial, ./supply-chain.ts). Delays only move
 * capacity later, so the ratio is defined wherever x_s is not 0. The regions' prepared historical demand
 * (thresholds, base curve, peak hours) is reused as is; only the judgement of each region-year (./grid.ts)
 * and the market models run per sample.
 *
 * Inputs (UNCERTAIN_INPUTS, each labelled; `--vary NAME=dist:args` replaces a distribution):
 * - size: each campus's IT MW × a factor, independent per campus (ASSUMPTION);
 * - startShiftMonths: the procurement start of every phase moved by the same months (ASSUMPTION: no
 *   order dates are published; ./procurement.ts);
 * - flexibleShare: the share of every campus's load that gives way above the region's thresholds (ASSUMPTION);
 * - the lead times: the sourced distributions of ./supply-chain.ts (LEAD_TIMES, INTERCONNECTION), one draw
 *   per sample from a stream seeded by (seed, sample);
 * - the PJM clearing relation ln P = ln P0 − k·x: (ln P0, k) drawn from the sampling distribution of the
 *   least-squares fit on the five auctions (normal, covariance s²·(XᵀX)⁻¹, s² = SSR/(n − 2)).
 * The first three and the two standard normals of the PJM draw are Latin-hypercube sampled
 * (../sweep/sampling.ts); statistics are those of the sweep (../sweep/statistics.ts).
 */
import { phaseOnlineAt } from '../../engine/fleet.js';
import { HOUR_MS } from '../../engine/series.js';
import type { SiteHourly } from '../../engine/site-hourly.js';
import type { Distribution } from '../../model/uncertainty.js';
import { type Calibration, calibrate, clearWithLoad } from '../markets/pjm-capacity.js';
import { inverseCdf, normalQuantile } from '../sweep/distributions.js';
import { type SamplingMethod, uniformStream, unitSamples } from '../sweep/sampling.js';
import { type Quantiles, quantiles } from '../sweep/statistics.js';
import { gridYear } from './grid.js';
import type { BuildoutContext, BuildoutReport } from './report.js';
import { ercot4CPYear } from './report.js';
import {
  INTERCONNECTION,
  LEAD_TIMES,
  type SupplyChainOptions,
  type TrialPhase,
  trialDates,
  trialSetup,
} from './supply-chain.js';
import type { BuildoutUncertainty, NationalYearUncertainty } from './uncertainty-rows.js';

/** An uncertain input of the build-out sweep: its default distribution and where it comes from. */
export interface UncertainInput {
  readonly label: string;
  readonly distribution: Distribution;
  readonly source: string;
}

export const UNCERTAIN_INPUTS = {
  size: {
    label: "each campus's IT MW × this factor (independent per campus)",
    distribution: { dist: 'triangular', min: 0.6, mode: 1, max: 1 },
    source:
      'ASSUMPTION: the converted figure is the most likely size and the most a campus builds in the span; down to 60 % of it (the register mixes firm and aspirational figures, its PROVENANCE.md)',
  },
  startShiftMonths: {
    label: 'procurement start of every phase moved by this many months (+ later)',
    distribution: { dist: 'uniform', min: -6, max: 6 },
    source:
      "ASSUMPTION: ±6 months around each campus's start (its announcement as the register states or bounds it, else the rule by status: ./procurement.ts); the register gives no order dates",
  },
  flexibleShare: {
    label: "share of every campus's load that gives way above the region's seasonal thresholds",
    distribution: { dist: 'uniform', min: 0, max: 0.5 },
    source:
      'ASSUMPTION: from none to half; no campus of the register commits to curtailment (Texas SB 6 makes it possible, not required)',
  },
} as const satisfies Record<string, UncertainInput>;

export type UncertainInputId = keyof typeof UNCERTAIN_INPUTS;

export interface UncertaintyOptions {
  readonly samples: number;
  readonly seed: number;
  readonly sampling?: SamplingMethod;
  /** Replacement distributions (`--vary`). */
  readonly vary?: Partial<Record<UncertainInputId, Distribution>>;
  /** The supply-chain options of the report (asOf, lead-time overrides). */
  readonly supplyChain?: SupplyChainOptions;
  readonly onProgress?: (done: number, total: number) => void;
}

export type {
  BuildoutUncertainty,
  NationalYearUncertainty,
  RegionYearUncertainty,
} from './uncertainty-rows.js';

export const UNCERTAINTY_METHOD =
  "Latin hypercube over the labelled inputs; each sample rescales the deterministic run's hourly series by the sampled sizes and the ramps shifted by one supply-chain trial's delays (no re-simulation), then judges every region-year and clears the markets again; P5/P50/P95 by linear interpolation (Hyndman & Fan type 7); see docs/buildout.md";

/** (ln P0, k) of the PJM clearing relation from two standard normals, by the least-squares sampling distribution. */
export function sampledCalibration(base: Calibration, z1: number, z2: number): Calibration {
  const pts = base.residuals.map((r) => ({ x: r.excessPct, y: Math.log(r.publishedUSDPerMWDay) }));
  const n = pts.length;
  const mx = pts.reduce((s, p) => s + p.x, 0) / n;
  const sxx = pts.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  const a = Math.log(base.p0USDPerMWDay);
  const b = -base.kPerPct;
  const s2 = pts.reduce((s, p) => s + (p.y - a - b * p.x) ** 2, 0) / (n - 2);
  const varA = s2 * (1 / n + (mx * mx) / sxx);
  const varB = s2 / sxx;
  const cov = (-mx * s2) / sxx;
  const sa = Math.sqrt(varA);
  const aS = a + sa * z1;
  const bS = b + (cov / sa) * z1 + Math.sqrt(Math.max(0, varB - (cov * cov) / varA)) * z2;
  return { p0USDPerMWDay: Math.exp(aS), kPerPct: -bS, residuals: [] };
}

/** How each scenario phase maps onto a supply-chain plan (its delay), per site; −1: no plan, no delay. */
function phasePlanIndex(ctx: BuildoutContext): number[][] {
  return ctx.scenario.sites.map((site) => {
    const idx = (phaseId: string) =>
      ctx.plans.findIndex((p) => p.campusId === site.id && p.phaseId === phaseId);
    const campus = idx('campus');
    const first = idx('first');
    const rest = idx('rest');
    return site.phases.map((_, p) => (campus >= 0 ? campus : p === 0 ? first : rest));
  });
}

interface SampleOut {
  national: Record<keyof Omit<NationalYearUncertainty, 'year'>, number>[];
  regions: { atPeak: number; used: number[]; firm: number; curtailed: number }[];
  pjm: { added: number; price: number; others: number; household: number }[];
  ercot: number[];
}

export function buildoutUncertainty(
  ctx: BuildoutContext,
  report: BuildoutReport,
  options: UncertaintyOptions,
): BuildoutUncertainty {
  const { scenario, hourly, years, limitsPct, judged, plans } = ctx;
  const N = options.samples;
  const method = options.sampling ?? 'lhs';
  const dist = (id: UncertainInputId): Distribution =>
    options.vary?.[id] ?? UNCERTAIN_INPUTS[id].distribution;
  const sites = scenario.sites;
  // LHS columns: one size factor per site, then start shift, flexible share, two normals for PJM
  const D = sites.length + 4;
  const u = unitSamples(N, D, options.seed, method);
  const setup = trialSetup(plans, options.supplyChain);
  const trial: TrialPhase[] = plans.map(() => ({ dateMs: 0, readyMs: 0, critical: null }));
  const planOf = phasePlanIndex(ctx);
  const baseCal = report.whoPays.pjm?.calibration ?? calibrate();

  // the hours of each year in each site's series, and the phase ramps of each site
  const h0 = hourly[0] as SiteHourly | undefined;
  const startMs = h0?.startMs ?? 0;
  const hours = h0?.itInstalledMW.length ?? 0;
  const yearIdx = years.map((y) => [
    Math.max(0, Math.round((Date.UTC(y, 0, 1) - startMs) / HOUR_MS)),
    Math.min(hours, Math.round((Date.UTC(y + 1, 0, 1) - startMs) / HOUR_MS)),
  ]);
  const phases = ctx.phaseRamps;
  const baseFrac = phases.map((ps) => {
    const out = new Float64Array(hours);
    for (let t = 0; t < hours; t++) {
      let s = 0;
      for (const p of ps) s += p.w * phaseOnlineAt(1, p.onlineMs, p.rampDays, startMs + t * HOUR_MS);
      out[t] = s;
    }
    return out;
  });
  // region-year rows of the report (the sample keeps the same rows; delays can only empty them)
  const rows = report.regions.map((r) => ({
    r,
    j: judged.find((x) => x.regionId === r.region) as BuildoutContext['judged'][number],
    yi: years.indexOf(r.year),
  }));
  const grid = years.map(() => new Map<string, { mw: Float64Array; flop: Float64Array }>());
  for (const { r, yi } of rows) {
    const [i0, i1] = yearIdx[yi] as number[];
    const n = Math.max(8760, (i1 as number) - (i0 as number));
    grid[yi]?.set(r.region, { mw: new Float64Array(n), flop: new Float64Array(n) });
  }
  const regionOfSite = sites.map((_, i) => judged.find((j) => j.siteIndices.includes(i))?.regionId ?? null);
  const offGrid = ctx.campuses.map((c) => c.offGrid);

  const out: SampleOut[] = [];
  const ratio = new Float64Array(hours);
  options.onProgress?.(0, N);
  for (let k = 0; k < N; k++) {
    const row = u[k] as number[];
    const shiftDays = (inverseCdf(dist('startShiftMonths'), row[sites.length] as number) * 365.25) / 12;
    const f = inverseCdf(dist('flexibleShare'), row[sites.length + 1] as number);
    const cal = sampledCalibration(
      baseCal,
      normalQuantile(row[sites.length + 2] as number),
      normalQuantile(row[sites.length + 3] as number),
    );
    trialDates(plans, setup, uniformStream(options.seed * 1_000_003 + k + 1), trial, shiftDays);
    for (const m of grid)
      for (const g of m.values()) {
        g.mw.fill(0);
        g.flop.fill(0);
      }
    const nat = years.map(() => ({
      itInstalledMW: 0,
      campusAtRegionPeaksMW: 0,
      firmNeedMW: 0,
      flexibleCurtailedGWh: 0,
      computeLostFLOP: 0,
      gridGWh: 0,
      offGridGWh: 0,
      co2Tonnes: 0,
      waterM3: 0,
    }));
    sites.forEach((_, i) => {
      const h = hourly[i] as SiteHourly;
      const size = inverseCdf(dist('size'), row[i] as number);
      const delays = (planOf[i] as number[]).map((pi) =>
        pi < 0 ? 0 : Math.max(0, (trial[pi] as TrialPhase).dateMs - (setup.announcedMs[pi] as number)),
      );
      // a later phase never starts before an earlier one's delay
      for (let p = 1; p < delays.length; p++)
        delays[p] = Math.max(delays[p] as number, delays[p - 1] as number);
      const ps = phases[i] as BuildoutContext['phaseRamps'][number];
      const bf = baseFrac[i] as Float64Array;
      for (let t = 0; t < hours; t++) {
        const b = bf[t] as number;
        if (b <= 0) {
          ratio[t] = 0;
          continue;
        }
        let s = 0;
        const tMs = startMs + t * HOUR_MS;
        for (let p = 0; p < ps.length; p++) {
          const q = ps[p] as BuildoutContext['phaseRamps'][number][number];
          s += q.w * phaseOnlineAt(1, q.onlineMs + (delays[p] as number), q.rampDays, tMs);
        }
        ratio[t] = (size * s) / b;
      }
      const region = regionOfSite[i] ?? null;
      years.forEach((_y, yi) => {
        const [i0, i1] = yearIdx[yi] as [number, number];
        const n = nat[yi] as (typeof nat)[number];
        let grid_ = 0;
        let fac = 0;
        let co2 = 0;
        let water = 0;
        const g = region === null ? undefined : grid[yi]?.get(region);
        for (let t = i0; t < i1; t++) {
          const r = ratio[t] as number;
          if (r === 0) continue;
          const gm = r * (h.gridImportMW[t] as number);
          grid_ += gm;
          fac += r * (h.facilityMW[t] as number);
          co2 += r * (h.co2Tonnes[t] as number);
          water += r * (h.waterM3[t] as number);
          if (g !== undefined) {
            g.mw[t - i0] = (g.mw[t - i0] as number) + gm;
            g.flop[t - i0] = (g.flop[t - i0] as number) + r * (h.computeFLOP[t] as number);
          }
        }
        n.itInstalledMW += i1 > i0 ? (ratio[i1 - 1] as number) * (h.itInstalledMW[i1 - 1] as number) : 0;
        n.gridGWh += grid_ / 1000;
        if (offGrid[i]) n.offGridGWh += fac / 1000;
        n.co2Tonnes += co2;
        n.waterM3 += water;
      });
    });
    const regionsOut: SampleOut['regions'] = [];
    const pjm: SampleOut['pjm'] = [];
    const ercot: number[] = [];
    for (const { r, j, yi } of rows) {
      const g = grid[yi]?.get(r.region) as { mw: Float64Array; flop: Float64Array };
      const res = gridYear(j.region, { gridMW: g.mw, computeFLOP: g.flop }, limitsPct, f);
      const n = nat[yi] as (typeof nat)[number];
      n.campusAtRegionPeaksMW += res.campusAtRegionPeakMW;
      n.firmNeedMW += res.firmNeedMW;
      n.flexibleCurtailedGWh += res.flexible.curtailedGWhPerYear;
      n.computeLostFLOP += res.flexible.computeLostFLOPPerYear;
      regionsOut.push({
        atPeak: res.campusAtRegionPeakMW,
        used: res.headroomBeforeMW.map((b, l) => b - (res.headroomAfterMW[l] as number)),
        firm: res.firmNeedMW,
        curtailed: res.flexible.curtailedGWhPerYear,
      });
      if (r.region === 'PJM') {
        const added = (1 - f) * res.campusAtRegionPeakMW;
        const c = clearWithLoad(added, 'firm', { calibration: cal, collar: false });
        pjm.push({
          added,
          price: c.uncappedUSDPerMWDay,
          others: c.othersDeltaUSD,
          household: c.perHouseholdUSDPerMonth,
        });
      }
      if (r.region === 'ERCOT') {
        const last = j.historicalYears[j.historicalYears.length - 1] as number;
        const firm = ercot4CPYear(j.region, g.mw, last, r.year);
        const part = ercot4CPYear(
          j.region,
          g.mw.map((x) => (1 - f) * x),
          last,
          r.year,
        );
        ercot.push(firm.campusPaysFirmUSD - part.campusPaysFirmUSD);
      }
    }
    out.push({ national: nat, regions: regionsOut, pjm, ercot });
    options.onProgress?.(k + 1, N);
  }

  const q = (xs: number[]) => quantiles(xs) as Quantiles;
  const natKeys = Object.keys(out[0]?.national[0] ?? {}) as (keyof SampleOut['national'][number])[];
  const pjmRows = rows.filter((x) => x.r.region === 'PJM');
  const ercotRows = rows.filter((x) => x.r.region === 'ERCOT');
  return {
    samples: N,
    seed: options.seed,
    sampling: method,
    inputs: [
      ...(Object.keys(UNCERTAIN_INPUTS) as UncertainInputId[]).map((id) => ({
        id,
        label: UNCERTAIN_INPUTS[id].label,
        distribution: dist(id),
        source: options.vary?.[id] !== undefined ? 'given with --vary' : UNCERTAIN_INPUTS[id].source,
      })),
      ...[
        ...Object.values(LEAD_TIMES).map((it) => ({ key: it.id as string, it })),
        ...Object.entries(INTERCONNECTION).map(([region, it]) => ({ key: `interconnection.${region}`, it })),
      ].map(({ key, it }) => ({
        id: `leadTime.${key}`,
        label: it.label,
        distribution: null,
        source: `${it.source} (as the supply chain: ${it.dist.kind} ${'minDays' in it.dist ? `${Math.round(it.dist.minDays)}–${Math.round(it.dist.maxDays)} days` : ''})`,
      })),
      {
        id: 'pjm.clearingRelation',
        label: 'PJM clearing relation ln P = ln P0 − k·(RM − target)',
        distribution: null,
        source:
          'least-squares sampling distribution of (ln P0, k) over the five auctions (bivariate normal, s² = SSR/3); docs/buildout.md',
      },
    ],
    national: years.map((year, yi) => ({
      year,
      ...(Object.fromEntries(
        natKeys.map((key) => [
          key,
          q(out.map((o) => (o.national[yi] as Record<string, number>)[key] as number)),
        ]),
      ) as Omit<NationalYearUncertainty, 'year'>),
    })),
    regions: rows.map(({ r }, ri) => ({
      region: r.region,
      year: r.year,
      campusAtRegionPeakMW: q(out.map((o) => (o.regions[ri] as SampleOut['regions'][number]).atPeak)),
      headroomUsedMW: limitsPct.map((_, l) =>
        q(out.map((o) => (o.regions[ri] as SampleOut['regions'][number]).used[l] as number)),
      ),
      firmNeedMW: q(out.map((o) => (o.regions[ri] as SampleOut['regions'][number]).firm)),
      curtailedGWh: q(out.map((o) => (o.regions[ri] as SampleOut['regions'][number]).curtailed)),
    })),
    pjm: pjmRows.map(({ r }, pi) => ({
      year: r.year,
      addedPeakMW: q(out.map((o) => (o.pjm[pi] as SampleOut['pjm'][number]).added)),
      uncappedUSDPerMWDay: q(out.map((o) => (o.pjm[pi] as SampleOut['pjm'][number]).price)),
      othersDeltaUSD: q(out.map((o) => (o.pjm[pi] as SampleOut['pjm'][number]).others)),
      perHouseholdUSDPerMonth: q(out.map((o) => (o.pjm[pi] as SampleOut['pjm'][number]).household)),
    })),
    ercot4CP: ercotRows.map(({ r }, ei) => ({
      year: r.year,
      shiftedToOthersUSD: q(out.map((o) => o.ercot[ei] as number)),
    })),
    method: UNCERTAINTY_METHOD,
  };
}
