/**
 * Can the supply chains carry it: each phase's earliest realistic online date from its critical path, by
 * Monte Carlo over the lead times. Pure (seeded PRNG).
 *
 * A phase needs, in parallel from its campus's start date S (when it orders equipment and asks to connect):
 * the large-load interconnection (study and construction; grid campuses), large power transformers, HV
 * switchgear, on-site turbines (off-grid campuses, which rely on them) and the buildings. Its realistic date
 * is max(announced date, S + max of the items' lead times); the item that sets the max is its critical path.
 * Lead times are distributions over the sourced ranges (LEAD_TIMES; data/markets/supply_chain_lead_times.csv).
 * Phases online before the analysis date on a campus reported operating are taken as done.
 *
 * S is not published for any campus: an ASSUMPTION by status (START_BY_STATUS), switchable.
 */
import { DAY_MS, isoDateMs } from '../../engine/series.js';

/** A lead-time distribution in days. */
export type LeadTime =
  | { readonly kind: 'fixed'; readonly days: number }
  | { readonly kind: 'uniform'; readonly minDays: number; readonly maxDays: number }
  | {
      readonly kind: 'triangular';
      readonly minDays: number;
      readonly modeDays: number;
      readonly maxDays: number;
    };

export interface LeadTimeItem {
  readonly id: string;
  readonly label: string;
  readonly dist: LeadTime;
  /** Where the range comes from (source keys of docs/markets-and-supply-chain.md) or ASSUMPTION. */
  readonly source: string;
}

const W = 7; // days per week
const M = 365.25 / 12; // days per month
const Y = 365.25;

/** The sourced lead times, each labelled. */
export const LEAD_TIMES = {
  transformer: {
    id: 'transformer',
    label: 'large power transformers',
    dist: { kind: 'triangular', minDays: 128 * W, modeDays: 150 * W, maxDays: 4 * Y },
    source:
      'LPT average 128 weeks (Q2 2025, TX6) to power/GSU average ~150 weeks after order (Wood Mackenzie 2024-25, TX1), "up to four years" (TX3); triangular over them',
  },
  switchgear: {
    id: 'switchgear',
    label: 'HV circuit breakers / switchgear',
    dist: { kind: 'uniform', minDays: 24 * M, maxDays: 42 * M },
    source: 'HV circuit breakers 72-145 kV: 24-42 months (2025, SW1, weak secondary); uniform',
  },
  turbines: {
    id: 'turbines',
    label: 'on-site gas turbines',
    dist: { kind: 'uniform', minDays: 3 * Y, maxDays: 5 * Y },
    source:
      'GE Vernova, Apr 2025: new orders "seeing delivery in 2028 ... fulfilling orders in 2030" (GT1), i.e. 3-5 years from order; uniform',
  },
  building: {
    id: 'building',
    label: 'building construction',
    dist: { kind: 'triangular', minDays: 122, modeDays: 12 * M, maxDays: 24 * M },
    source:
      'xAI Colossus built in 122 days (min); Stargate Abilene phase 1 ~12 months from site clearing to energisation (mode, CB5); 24 months max is an ASSUMPTION',
  },
} as const satisfies Record<string, LeadTimeItem>;

/** Large-load interconnection (study + construction) by region. */
export const INTERCONNECTION: Readonly<Record<string, LeadTimeItem>> = {
  PJM: {
    id: 'interconnection',
    label: 'large-load interconnection',
    dist: { kind: 'uniform', minDays: 4 * Y, maxDays: 7 * Y },
    source:
      'Dominion large loads (>100 MW): "roughly four to seven years" (LL1, 2024); applied to all of PJM (ASSUMPTION: no PJM-wide figure found)',
  },
  ERCOT: {
    id: 'interconnection',
    label: 'large-load interconnection',
    dist: { kind: 'uniform', minDays: 2 * Y, maxDays: 4 * Y },
    source:
      'ASSUMPTION: 2-4 years; ERCOT publishes no connection time, most of its >200 GW large-load queue targets Q2 2028 (EQ3) and in-service dates slip ~220 days on average (LF7)',
  },
  default: {
    id: 'interconnection',
    label: 'large-load interconnection',
    dist: { kind: 'uniform', minDays: 3 * Y, maxDays: 5 * Y },
    source:
      'ASSUMPTION: 3-5 years, the average generation-queue duration 2015-2023 (IQ2), standing in for large loads where no figure was found',
  },
};

/** ASSUMPTION: when a campus started ordering, by its register status, relative to the analysis date. */
export const START_BY_STATUS: Readonly<Record<string, { monthsBeforeAsOf: number; why: string }>> = {
  operating: {
    monthsBeforeAsOf: 36,
    why: 'partly online: ordering began ~3 years before (Abilene: site work Jun 2024, power Jun 2025)',
  },
  'under-construction': {
    monthsBeforeAsOf: 24,
    why: 'under construction: ordering assumed two years before the analysis date',
  },
  announced: { monthsBeforeAsOf: 6, why: 'announced: ordering assumed six months before the analysis date' },
};

export interface PhasePlan {
  readonly campusId: string;
  readonly phaseId: string;
  readonly region: string;
  readonly offGrid: boolean;
  readonly status: string;
  /** Announced (scenario) online date, ISO. */
  readonly announced: string;
  readonly itMW: number;
  /** Procurement / interconnection start S from the register (./procurement.ts); absent: START_BY_STATUS. */
  readonly start?: { readonly iso: string; readonly basis: string };
}

export interface SupplyChainOptions {
  /** Analysis date, ISO (default: the register's compilation date, 2026-12-02). */
  readonly asOf?: string;
  readonly trials?: number;
  readonly seed?: number;
  /** Replace items (e.g. fixed lead times in a test, or a sweep's values). */
  readonly leadTimes?: Partial<Record<keyof typeof LEAD_TIMES, LeadTimeItem>>;
  readonly interconnection?: Readonly<Record<string, LeadTimeItem>>;
  readonly startByStatus?: Readonly<Record<string, { monthsBeforeAsOf: number; why: string }>>;
}

export interface PhaseOutlook {
  readonly campusId: string;
  readonly phaseId: string;
  readonly region: string;
  readonly itMW: number;
  readonly announced: string;
  /** Realistic online dates, ISO: 10th, 50th, 90th percentile over the trials. */
  readonly p10: string;
  readonly p50: string;
  readonly p90: string;
  /** Share of trials online by the announced date. */
  readonly probabilityOnTime: number;
  /** The item most often on the critical path, and how often. */
  readonly criticalItem: string;
  readonly criticalShare: number;
  /** True when taken as already online (before the analysis date, campus operating). */
  readonly done: boolean;
  /** The start S of procurement and the interconnection request, ISO, and where it comes from. */
  readonly start: string;
  readonly startBasis: string;
}

export interface NationalOnline {
  readonly year: number;
  /** IT MW online by 31 December: as announced, median over trials, and the 10th percentile (a 90 % chance of at least this). */
  readonly announcedMW: number;
  readonly p50MW: number;
  readonly p90MW: number;
}

export interface SupplyChainReport {
  readonly asOf: string;
  readonly trials: number;
  readonly phases: readonly PhaseOutlook[];
  readonly national: readonly NationalOnline[];
  readonly items: readonly LeadTimeItem[];
}

/** mulberry32: a small seeded PRNG, uniform in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One draw from a lead-time distribution, days (inverse CDF of u in [0, 1)). */
export function sampleDays(d: LeadTime, u: number): number {
  switch (d.kind) {
    case 'fixed':
      return d.days;
    case 'uniform':
      return d.minDays + u * (d.maxDays - d.minDays);
    case 'triangular': {
      const { minDays: a, modeDays: c, maxDays: b } = d;
      const f = (c - a) / (b - a);
      return u < f ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
    }
  }
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const addMonths = (isoDate: string, months: number) => {
  const d = new Date(isoDateMs(isoDate));
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
};

/** The q-quantile (0–1) of sorted values, nearest rank. */
function quantile(sorted: Float64Array, q: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i] as number;
}

export const DEFAULT_AS_OF = '2026-12-02';

/** A phase's start S: the register's (./procurement.ts) where the plan carries one, else the status rule. */
function startOf(
  p: PhasePlan,
  asOf: string,
  starts: Readonly<Record<string, { monthsBeforeAsOf: number; why: string }>>,
): { iso: string; basis: string } {
  if (p.start !== undefined) return p.start;
  const rule = starts[p.status] ?? starts.announced ?? { monthsBeforeAsOf: 0, why: '' };
  return {
    iso: addMonths(asOf, -rule.monthsBeforeAsOf),
    basis: `ASSUMPTION by status ${p.status}: ${rule.monthsBeforeAsOf} months before ${asOf}`,
  };
}

/** What one trial needs besides its random stream: the items and the start rule, resolved from the options. */
export interface TrialSetup {
  readonly lead: Record<keyof typeof LEAD_TIMES, LeadTimeItem>;
  readonly inter: Readonly<Record<string, LeadTimeItem>>;
  /** Start date S of each phase, ms (before any shift). */
  readonly startMs: Float64Array;
  readonly announcedMs: Float64Array;
  /** Phases taken as already online (operating campus, announced before the analysis date). */
  readonly done: readonly boolean[];
}

export function trialSetup(plans: readonly PhasePlan[], options: SupplyChainOptions = {}): TrialSetup {
  const asOf = options.asOf ?? DEFAULT_AS_OF;
  const starts = options.startByStatus ?? START_BY_STATUS;
  const asOfMs = isoDateMs(asOf);
  return {
    lead: { ...LEAD_TIMES, ...options.leadTimes },
    inter: options.interconnection ?? INTERCONNECTION,
    startMs: Float64Array.from(plans, (p) => isoDateMs(startOf(p, asOf, starts).iso)),
    announcedMs: Float64Array.from(plans, (p) => isoDateMs(p.announced)),
    done: plans.map((p) => p.status === 'operating' && isoDateMs(p.announced) <= asOfMs),
  };
}

/** One phase's outcome in one trial: its online date, when its equipment was ready, and the item that set it. */
export interface TrialPhase {
  dateMs: number;
  readyMs: number;
  critical: string | null;
}

/**
 * One Monte Carlo trial over every phase: campuses share one interconnection draw, phases draw their own
 * equipment and building (uniforms from `rand`, in this order). Each start date moves by `startShiftDays`
 * (0 in the supply-chain report; the build-out sweep samples it). Writes into `out`.
 */
export function trialDates(
  plans: readonly PhasePlan[],
  setup: TrialSetup,
  rand: () => number,
  out: TrialPhase[],
  startShiftDays = 0,
): void {
  const { lead, inter } = setup;
  const interDraw = new Map<string, number>();
  for (const p of plans) if (!interDraw.has(p.campusId)) interDraw.set(p.campusId, rand());
  plans.forEach((p, i) => {
    const announcedMs = setup.announcedMs[i] as number;
    const o = out[i] as TrialPhase;
    if (setup.done[i]) {
      o.dateMs = announcedMs;
      o.readyMs = announcedMs;
      o.critical = null;
      return;
    }
    const items: [string, number][] = [
      [lead.transformer.id, sampleDays(lead.transformer.dist, rand())],
      [lead.switchgear.id, sampleDays(lead.switchgear.dist, rand())],
      [lead.building.id, sampleDays(lead.building.dist, rand())],
    ];
    if (p.offGrid) items.push([lead.turbines.id, sampleDays(lead.turbines.dist, rand())]);
    else {
      const ic = inter[p.region] ?? inter.default;
      if (ic !== undefined) items.push([ic.id, sampleDays(ic.dist, interDraw.get(p.campusId) as number)]);
    }
    let worst = items[0] as [string, number];
    for (const it of items) if (it[1] > worst[1]) worst = it;
    const ready = (setup.startMs[i] as number) + (startShiftDays + worst[1]) * DAY_MS;
    o.dateMs = Math.max(announcedMs, ready);
    o.readyMs = ready;
    o.critical = worst[0];
  });
}

export function supplyChain(
  plans: readonly PhasePlan[],
  options: SupplyChainOptions = {},
): SupplyChainReport {
  const asOf = options.asOf ?? DEFAULT_AS_OF;
  const trials = options.trials ?? 2000;
  const rand = prng(options.seed ?? 1);
  const setup = trialSetup(plans, options);
  const { lead, inter, done } = setup;

  const dates = plans.map(() => new Float64Array(trials));
  const critical = plans.map(() => new Map<string, number>());
  const onTime = new Float64Array(plans.length);
  const trial: TrialPhase[] = plans.map(() => ({ dateMs: 0, readyMs: 0, critical: null }));

  for (let k = 0; k < trials; k++) {
    trialDates(plans, setup, rand, trial);
    trial.forEach((o, i) => {
      (dates[i] as Float64Array)[k] = o.dateMs;
      if (o.readyMs <= (setup.announcedMs[i] as number)) onTime[i] = (onTime[i] as number) + 1;
      if (o.critical !== null) {
        const m = critical[i] as Map<string, number>;
        m.set(o.critical, (m.get(o.critical) ?? 0) + 1);
      }
    });
  }

  const phases: PhaseOutlook[] = plans.map((p, i) => {
    const sorted = Float64Array.from(dates[i] as Float64Array).sort();
    let crit = 'none (online)';
    let n = 0;
    for (const [id, c] of critical[i] as Map<string, number>)
      if (c > n) {
        crit = id;
        n = c;
      }
    return {
      campusId: p.campusId,
      phaseId: p.phaseId,
      region: p.region,
      itMW: p.itMW,
      announced: p.announced,
      p10: iso(quantile(sorted, 0.1)),
      p50: iso(quantile(sorted, 0.5)),
      p90: iso(quantile(sorted, 0.9)),
      probabilityOnTime: (onTime[i] as number) / trials,
      criticalItem: crit,
      criticalShare: done[i] ? 0 : n / trials,
      done: done[i] as boolean,
      start: startOf(p, asOf, options.startByStatus ?? START_BY_STATUS).iso,
      startBasis: startOf(p, asOf, options.startByStatus ?? START_BY_STATUS).basis,
    };
  });

  const firstYear = Math.min(...plans.map((p) => Number(p.announced.slice(0, 4))));
  const lastYear = Math.max(...phases.map((p) => Number(p.p90.slice(0, 4))));
  const national: NationalOnline[] = [];
  for (let y = firstYear; y <= lastYear; y++) {
    const end = Date.UTC(y + 1, 0, 1);
    const totals = new Float64Array(trials);
    for (let k = 0; k < trials; k++) {
      let s = 0;
      plans.forEach((p, i) => {
        if (((dates[i] as Float64Array)[k] as number) < end) s += p.itMW;
      });
      totals[k] = s;
    }
    totals.sort();
    national.push({
      year: y,
      announcedMW: plans.reduce((s, p) => s + (isoDateMs(p.announced) < end ? p.itMW : 0), 0),
      p50MW: quantile(totals, 0.5),
      p90MW: quantile(totals, 0.1),
    });
  }
  const items = [
    ...Object.values(lead),
    ...Object.entries(inter).map(([region, it]) => ({ ...it, label: `${it.label} (${region})` })),
  ];
  return { asOf, trials, phases, national, items };
}
