/**
 * Jobs over time against hand counts: the largest-remainder split of a headcount over phases, the
 * construction peak where two phases' windows overlap, job-years and the permanent ramp.
 */
import { describe, expect, it } from 'vitest';
import { apportion } from '../src/analysis/economics.js';
import type { ScenarioInput } from '../src/model/scenario.js';
import { runScenario } from '../src/run.js';
import { baseScenario, fakeData, parseOk } from './helpers.js';

describe('apportion (largest remainder)', () => {
  it('splits exactly and gives the leftover units to the largest remainders', () => {
    // 10 over 1:1:1 → 3.33 each → 3, 3, 3 and one left for the first of the equal remainders
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    // 7 over 0.5, 0.3, 0.2 → 3.5, 2.1, 1.4 → 3, 2, 1 and one left: to 3.5 (remainder .5 > .4 > .1)
    expect(apportion(7, [0.5, 0.3, 0.2])).toEqual([4, 2, 1]);
    // 5 over 1, 4 → 1, 4 exactly
    expect(apportion(5, [1, 4])).toEqual([1, 4]);
    // the largest remainder need not come first: 7 over 0.2, 0.3, 0.5 → 1.4, 2.1, 3.5 → [1, 2, 4]
    expect(apportion(7, [0.2, 0.3, 0.5])).toEqual([1, 2, 4]);
    expect(apportion(3, [0, 0])).toEqual([0, 0]);
    expect(apportion(0, [1, 2])).toEqual([0, 0]);
  });
});

describe('construction and permanent jobs of two equal phases six months apart', () => {
  // Two phases of 10,000 H100 (equal capex), online 2026-03-01 and 2026-09-01, 12 months of construction:
  // windows [2025-03-01, 2026-03-01) and [2025-09-01, 2026-09-01) overlap from 2025-09-01.
  const b = baseScenario();
  const site = b.sites[0] as ScenarioInput['sites'][number];
  const input: ScenarioInput = {
    ...b,
    sites: [
      {
        ...site,
        phases: [
          { online: '2026-03-01', rampDays: 0, accelerator: 'h100', count: 10000 },
          { online: '2026-09-01', rampDays: 0, accelerator: 'h100', count: 10000 },
        ],
      },
    ],
    economics: { constructionMonths: 12 },
    workforce: { constructionJobs: 1001, permanentJobs: 3 },
  };
  const e = runScenario(parseOk(input), fakeData()).summary.economics;
  const jobs = e.jobs;
  if (!jobs) throw new Error('no jobs in the summary');

  it('construction peaks at 1,001 (501 + 500) on 2025-09-01, when both windows run', () => {
    expect(jobs.constructionPeak).toBe(1001);
    expect(jobs.constructionPeakDate).toBe('2025-09-01');
  });
  it('job-years = headcount × 12 months / 12 = 1,001', () => {
    expect(jobs.constructionJobYears).toBeCloseTo(1001, 9);
  });
  it('permanent jobs 3 split 2 + 1 and ramp up at each online date', () => {
    expect(jobs.permanentJobs).toBe(3);
    expect(jobs.permanentRamp).toEqual([
      { date: '2026-03-01', jobs: 2 },
      { date: '2026-09-01', jobs: 3 },
    ]);
  });
});

describe('back-to-back construction windows', () => {
  // Phase 1 online 2026-03-01 (window [2025-03-01, 2026-03-01)), phase 2 online 2027-03-01 (window
  // [2026-03-01, 2027-03-01)): the windows touch but never overlap, so the peak is one phase's crew,
  // first reached on 2025-03-01.
  const b = baseScenario();
  const site = b.sites[0] as ScenarioInput['sites'][number];
  const input: ScenarioInput = {
    ...b,
    end: '2027-12-31',
    sites: [
      {
        ...site,
        phases: [
          { online: '2026-03-01', rampDays: 0, accelerator: 'h100', count: 10000 },
          { online: '2027-03-01', rampDays: 0, accelerator: 'h100', count: 10000 },
        ],
      },
    ],
    economics: { constructionMonths: 12 },
    workforce: { constructionJobs: 1000, permanentJobs: 0 },
  };
  const jobs = runScenario(parseOk(input), fakeData()).summary.economics.jobs;
  it('peak 500 (one crew) on 2025-03-01, not 1,000 on the day one window ends and the next begins', () => {
    expect(jobs?.constructionPeak).toBe(500);
    expect(jobs?.constructionPeakDate).toBe('2025-03-01');
    expect(jobs?.constructionJobYears).toBeCloseTo(1000, 9);
  });
});

describe('phases listed out of date order (the later one on the first site)', () => {
  const b = baseScenario();
  const site = b.sites[0] as ScenarioInput['sites'][number];
  const input: ScenarioInput = {
    ...b,
    end: '2027-12-31',
    sites: [
      {
        ...site,
        id: 'late',
        phases: [{ online: '2027-03-01', rampDays: 0, accelerator: 'h100', count: 10000 }],
      },
      {
        ...site,
        id: 'early',
        phases: [{ online: '2026-03-01', rampDays: 0, accelerator: 'h100', count: 10000 }],
      },
    ],
    economics: { constructionMonths: 12 },
    workforce: { constructionJobs: 1000, permanentJobs: 4 },
  };
  const jobs = runScenario(parseOk(input), fakeData()).summary.economics.jobs;
  it('the peak is first reached when the earlier site starts building (2025-03-01)', () => {
    expect(jobs?.constructionPeak).toBe(500);
    expect(jobs?.constructionPeakDate).toBe('2025-03-01');
  });
  it('the permanent ramp runs in date order: 2 jobs from 2026-03-01, 4 from 2027-03-01', () => {
    expect(jobs?.permanentRamp).toEqual([
      { date: '2026-03-01', jobs: 2 },
      { date: '2027-03-01', jobs: 4 },
    ]);
  });
});
