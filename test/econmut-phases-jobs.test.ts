/**
 * Capex and jobs per phase (src/analysis/economics.ts) and jobs over time
 * (src/analysis/economics/jobs.ts) against hand figures, on engine inputs and rates built here (no
 * scenario is resolved or simulated). Written against the survivors of a Stryker run of the economics
 * folder (docs/testing.md); every computation runs inside its `it`, for Stryker's per-test coverage.
 */
import { describe, expect, it } from 'vitest';
import { jobsOverTime } from '../src/analysis/economics/jobs.js';
import { type EconomicsRates, type PhaseEconomics, phaseEconomics } from '../src/analysis/economics.js';
import type { EngineInputs } from '../src/engine/inputs.js';

interface Phase {
  id: string;
  online: string;
  count: number;
  boardPowerW?: number;
  hostNetworkWPerAccelerator?: number;
}
const ms = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** Engine inputs with what the economics reads: the period and each site's phases. */
function inputs(start: string, days: number, sites: Phase[][]): EngineInputs {
  return {
    startMs: ms(start),
    hours: days * 24,
    sites: sites.map((phases, i) => ({
      id: `s${i}`,
      phases: phases.map((p) => ({
        id: p.id,
        onlineMs: ms(p.online),
        rampDays: 0,
        count: p.count,
        boardPowerW: p.boardPowerW ?? 700,
        hostNetworkWPerAccelerator: p.hostNetworkWPerAccelerator ?? 300,
        peakFLOPS: 1e15,
      })),
    })),
  } as unknown as EngineInputs;
}

const RATES: EconomicsRates = {
  facilityUSDPerMW: [10e6, 20e6],
  acceleratorPriceUSD: [
    [30_000, 40_000],
    [50_000, 60_000],
  ],
  networkUSDPerAccelerator: 5_000,
  permanentJobsPerBillionUSD: 100,
  constructionJobsPerBillionUSD: 1_100,
};

describe('phaseEconomics: capex of each phase by hand', () => {
  // Site 0: 1,000 accelerators at 700 + 300 W = 1 MW online 2026-03-01, and 2,000 at 1,000 + 500 W = 3 MW
  // online 2027-06-01. Site 1: 500 at 1 kW = 0.5 MW online 2025-06-01 (before the 2026 start).
  const sites: Phase[][] = [
    [
      { id: 'a', online: '2026-03-01', count: 1000 },
      { id: 'b', online: '2027-06-01', count: 2000, boardPowerW: 1000, hostNetworkWPerAccelerator: 500 },
    ],
    [{ id: 'c', online: '2025-06-01', count: 500 }],
  ];
  it('IT MW = count × (board + host W) / 10⁶; facility = MW × the site rate; chips and network by count', () => {
    const rows = phaseEconomics(inputs('2026-01-01', 730, sites), RATES);
    expect(rows.map((r) => [r.siteId, r.phaseId, r.count])).toEqual([
      ['s0', 'a', 1000],
      ['s0', 'b', 2000],
      ['s1', 'c', 500],
    ]);
    const [a, b, c] = rows as [PhaseEconomics, PhaseEconomics, PhaseEconomics];
    expect(a.itCapacityMW).toBe(1);
    expect(a.facilityCapexUSD).toBe(10e6); // 1 MW × $10M
    expect(a.acceleratorCapexUSD).toBe(30e6); // 1,000 × $30k
    expect(a.networkCapexUSD).toBe(5e6); // 1,000 × $5k
    expect(a.capexUSD).toBe(45e6);
    expect(b.itCapacityMW).toBe(3);
    expect(b.facilityCapexUSD).toBe(30e6); // 3 MW × $10M
    expect(b.acceleratorCapexUSD).toBe(80e6); // 2,000 × $40k: the second phase's price
    expect(b.networkCapexUSD).toBe(10e6);
    expect(b.capexUSD).toBe(120e6);
    expect(c.itCapacityMW).toBe(0.5);
    expect(c.facilityCapexUSD).toBe(10e6); // 0.5 MW × site 1's $20M
    expect(c.acceleratorCapexUSD).toBe(25e6); // 500 × site 1's $50k
    expect(c.capexUSD).toBe(10e6 + 25e6 + 2.5e6);
  });
  it('each phase is attributed to its online year, a phase online before the start to the first year', () => {
    const rows = phaseEconomics(inputs('2026-01-01', 730, sites), RATES);
    expect(rows.map((r) => r.year)).toEqual([2026, 2027, 2026]);
  });
  it('jobs from $202.5M of capex: round(0.2025 × 100) = 20 permanent, round(0.2025 × 1,100) = 223 construction, split by capex', () => {
    const rows = phaseEconomics(inputs('2026-01-01', 730, sites), RATES);
    // permanent 20 over 45 : 120 : 37.5 → 4.44, 11.85, 3.70 → 4, 11, 3 and the 2 left to .85 and .70
    expect(rows.map((r) => r.jobsPermanent)).toEqual([4, 12, 4]);
    // construction 223 → 49.56, 132.15, 41.30 → 49, 132, 41 and one left to .56
    expect(rows.map((r) => r.jobsConstruction)).toEqual([50, 132, 41]);
  });
  it('given totals replace the per-$1B rates', () => {
    const rows = phaseEconomics(inputs('2026-01-01', 730, sites), {
      ...RATES,
      permanentJobsTotal: 7,
      constructionJobsTotal: 70,
    });
    // 7 → 1.56, 4.15, 1.30 → 1, 4, 1 and one to .56; 70 → 15.56, 41.48, 12.96 → 15, 41, 12, +1 to .96, .56
    expect(rows.map((r) => r.jobsPermanent)).toEqual([2, 4, 1]);
    expect(rows.map((r) => r.jobsConstruction)).toEqual([16, 41, 13]);
  });
  it('phases that cost nothing get no jobs (0, not NaN), even where a total is given', () => {
    const free: EconomicsRates = {
      ...RATES,
      facilityUSDPerMW: [0, 0],
      acceleratorPriceUSD: [
        [0, 0],
        [0, 0],
      ],
      networkUSDPerAccelerator: 0,
      permanentJobsTotal: 3,
    };
    const rows = phaseEconomics(inputs('2026-01-01', 730, sites), free);
    expect(rows.map((r) => [r.capexUSD, r.jobsPermanent, r.jobsConstruction])).toEqual([
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
    ]);
  });
  it('a phase online at the end of the period or later is left out; one online in its last hour is kept', () => {
    // 2026 only (365 days): phase b (2027-06-01) is out
    expect(phaseEconomics(inputs('2026-01-01', 365, sites), RATES).map((r) => r.phaseId)).toEqual(['a', 'c']);
    // a period ending exactly at 2026-03-01 (59 days) leaves a out; 60 days keep it
    expect(phaseEconomics(inputs('2026-01-01', 59, sites), RATES).map((r) => r.phaseId)).toEqual(['c']);
    expect(phaseEconomics(inputs('2026-01-01', 60, sites), RATES).map((r) => r.phaseId)).toEqual(['a', 'c']);
  });
});

/** A PhaseEconomics with the jobs the jobs timeline reads. */
const phase = (siteId: string, phaseId: string, jobsConstruction: number, jobsPermanent: number) =>
  ({ siteId, phaseId, jobsConstruction, jobsPermanent }) as PhaseEconomics;

describe('jobsOverTime', () => {
  const sites: Phase[][] = [
    [
      { id: 'a', online: '2026-03-01', count: 1 },
      { id: 'b', online: '2026-03-01', count: 1 },
      { id: 'c', online: '2026-09-01', count: 1 },
    ],
  ];
  it('phases online on the same date are one step of the permanent ramp', () => {
    const j = jobsOverTime(
      inputs('2026-01-01', 365, sites),
      [phase('s0', 'a', 100, 2), phase('s0', 'b', 50, 3), phase('s0', 'c', 10, 5)],
      12,
    );
    expect(j.permanentRamp).toEqual([
      { date: '2026-03-01', jobs: 5 },
      { date: '2026-09-01', jobs: 10 },
    ]);
    expect(j.permanentJobs).toBe(10);
    // windows [2025-03-01, 2026-03-01) twice and [2025-09-01, 2026-09-01): 160 from 2025-09-01
    expect(j.constructionPeak).toBe(160);
    expect(j.constructionPeakDate).toBe('2025-09-01');
    expect(j.constructionJobYears).toBe(160);
    expect(j.constructionMonths).toBe(12);
  });
  it('6 months of construction: job-years are headcount × 6/12; the peak counts overlapping windows only', () => {
    const j = jobsOverTime(
      inputs('2026-01-01', 365, sites),
      [phase('s0', 'a', 100, 2), phase('s0', 'c', 10, 5)],
      6,
    );
    // [2025-09-01, 2026-03-01) and [2026-03-01, 2026-09-01) touch but do not overlap: peak 100
    expect(j.constructionPeak).toBe(100);
    expect(j.constructionPeakDate).toBe('2025-09-01');
    expect(j.constructionJobYears).toBe(55);
  });
  it('no construction period: no peak and no date; the ramp still steps at each online date', () => {
    const j = jobsOverTime(
      inputs('2026-01-01', 365, sites),
      [phase('s0', 'a', 100, 2), phase('s0', 'c', 10, 5)],
      0,
    );
    expect(j.constructionPeak).toBe(0);
    expect(j.constructionPeakDate).toBeNull();
    expect(j.constructionJobYears).toBe(0);
    expect(j.permanentRamp).toEqual([
      { date: '2026-03-01', jobs: 2 },
      { date: '2026-09-01', jobs: 7 },
    ]);
  });
  it('phases listed out of date order: the peak is dated when first reached, the ramp runs in date order', () => {
    // 6 months of construction: 'late' [2025-09-01, 2026-03-01) and 'early' [2025-01-01, 2025-07-01),
    // 20 jobs each, never overlapping: the peak of 20 is first reached on 2025-01-01
    const out: Phase[][] = [
      [
        { id: 'late', online: '2026-03-01', count: 1 },
        { id: 'early', online: '2025-07-01', count: 1 },
      ],
    ];
    const j = jobsOverTime(
      inputs('2025-01-01', 730, out),
      [phase('s0', 'late', 20, 3), phase('s0', 'early', 20, 1)],
      6,
    );
    expect(j.constructionPeak).toBe(20);
    expect(j.constructionPeakDate).toBe('2025-01-01');
    expect(j.permanentRamp).toEqual([
      { date: '2025-07-01', jobs: 1 },
      { date: '2026-03-01', jobs: 4 },
    ]);
  });
  it('a phase the inputs do not have is dated at the start of the period', () => {
    const j = jobsOverTime(
      inputs('2026-01-01', 365, sites),
      [phase('s0', 'zz', 10, 1), phase('s9', 'a', 0, 2)],
      12,
    );
    expect(j.permanentRamp).toEqual([{ date: '2026-01-01', jobs: 3 }]);
    expect(j.constructionPeakDate).toBe('2025-01-01');
  });
});
