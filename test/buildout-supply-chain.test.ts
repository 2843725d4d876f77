/** Supply chains: the critical path on a hand-made case with fixed lead times, and the samplers. */
import { describe, expect, it } from 'vitest';
import { convertCampus, parseRegister } from '../src/analysis/buildout/register.js';
import { realisticRegister } from '../src/analysis/buildout/report.js';
import {
  type LeadTimeItem,
  type PhasePlan,
  prng,
  sampleDays,
  supplyChain,
} from '../src/analysis/buildout/supply-chain.js';

const fixed = (id: string, days: number): LeadTimeItem => ({
  id,
  label: id,
  dist: { kind: 'fixed', days },
  source: 'test',
});
const leadTimes = {
  transformer: fixed('transformer', 900),
  switchgear: fixed('switchgear', 700),
  building: fixed('building', 365),
  turbines: fixed('turbines', 1200),
};
const interconnection = { default: fixed('interconnection', 1000), PJM: fixed('interconnection', 2000) };
// every campus starts ordering on 2025-01-01 (asOf 2026-01-01, 12 months before)
const startByStatus = { announced: { monthsBeforeAsOf: 12, why: 'test' } };
const plan = (over: Partial<PhasePlan>): PhasePlan => ({
  campusId: 'c',
  phaseId: 'campus',
  region: 'MISO',
  offGrid: false,
  status: 'announced',
  announced: '2027-01-01',
  itMW: 100,
  ...over,
});
const run = (plans: PhasePlan[]) =>
  supplyChain(plans, { asOf: '2026-01-01', trials: 50, leadTimes, interconnection, startByStatus });

describe('critical path with fixed lead times', () => {
  it('the longest item sets the date: grid campus in MISO waits 1,000 days for its connection', () => {
    const r = run([plan({})]);
    const p = r.phases[0];
    // 2025-01-01 + 1,000 days = 2027-09-28; announced 2027-01-01, so late in every trial
    expect(p?.p10).toBe('2027-09-28');
    expect(p?.p50).toBe('2027-09-28');
    expect(p?.p90).toBe('2027-09-28');
    expect(p?.criticalItem).toBe('interconnection');
    expect(p?.criticalShare).toBe(1);
    expect(p?.probabilityOnTime).toBe(0);
  });
  it('in PJM the connection takes 2,000 days; off grid the turbines (1,200) rule', () => {
    const r = run([plan({ region: 'PJM' }), plan({ campusId: 'd', offGrid: true })]);
    expect(r.phases[0]?.p50).toBe('2030-06-24'); // 2025-01-01 + 2,000 days (2028 a leap year)
    expect(r.phases[1]?.p50).toBe('2028-04-15'); // + 1,200 days
    expect(r.phases[1]?.criticalItem).toBe('turbines');
  });
  it('a phase announced after its critical path is on time and keeps its date', () => {
    const r = run([plan({ announced: '2028-01-01' })]);
    expect(r.phases[0]?.p50).toBe('2028-01-01');
    expect(r.phases[0]?.probabilityOnTime).toBe(1);
  });
  it('operating phases already past are done; national GW by year: announced vs realistic', () => {
    const r = run([
      plan({ campusId: 'old', status: 'operating', announced: '2025-06-01', itMW: 50 }),
      plan({ campusId: 'new', announced: '2027-01-01', itMW: 100 }),
    ]);
    expect(r.phases[0]?.done).toBe(true);
    expect(r.phases[0]?.probabilityOnTime).toBe(1);
    const y2027 = r.national.find((n) => n.year === 2027);
    expect(y2027?.announcedMW).toBe(150);
    expect(y2027?.p50MW).toBe(150); // online 2027-09-28, still within 2027
    const y2026 = r.national.find((n) => n.year === 2026);
    expect(y2026?.announcedMW).toBe(50);
    expect(y2026?.p50MW).toBe(50);
  });
});

describe('lead-time samplers', () => {
  it('triangular inverse CDF: mode at the break, ends at 0 and 1, mean (a+b+c)/3', () => {
    const d = { kind: 'triangular' as const, minDays: 100, modeDays: 200, maxDays: 400 };
    expect(sampleDays(d, 0)).toBe(100);
    expect(sampleDays(d, 1)).toBeCloseTo(400, 9);
    expect(sampleDays(d, 1 / 3)).toBeCloseTo(200, 9); // F(c) = (c−a)/(b−a) = 1/3
    const rand = prng(7);
    let s = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) s += sampleDays(d, rand());
    expect(s / n).toBeCloseTo(700 / 3, 0);
  });
  it('uniform mean is the midpoint; the PRNG is reproducible', () => {
    const a = prng(3);
    const b = prng(3);
    for (let i = 0; i < 5; i++) expect(a()).toBe(b());
    const rand = prng(11);
    let s = 0;
    for (let i = 0; i < 100_000; i++) s += sampleDays({ kind: 'uniform', minDays: 10, maxDays: 30 }, rand());
    expect(s / 100_000).toBeCloseTo(20, 1);
  });
});

describe('the register on realistic dates', () => {
  const header =
    'id,name,state,latitude,longitude,balancing_authority,announced_power_mw,first_phase_mw,first_online,full_online,status,source_urls,notes';
  const rec = (id: string, first: string, full: string, fp = '') =>
    parseRegister(
      `${header}\n${id},X,OH,40,-83,MISO,1350,${fp},${first},${full},announced,,power_basis=facility\n`,
    )[0];
  it('moves each campus to its phase quantiles: one phase keeps its ramp span, two take the later phase', () => {
    const one = convertCampus(rec('one', '2027', '2028') as never);
    const two = convertCampus(rec('two', '2027', '2029', '135') as never);
    const chain = run([
      plan({ campusId: 'one', announced: '2027-07-01' }),
      plan({ campusId: 'two', phaseId: 'first', announced: '2027-07-01' }),
      plan({ campusId: 'two', phaseId: 'rest', announced: '2029-07-01' }),
    ]);
    const [a, b] = realisticRegister([one, two], chain, 'p50');
    // one: 2025-01-01 + 1,000 days = 2027-09-28; its span 2027-07-01 → 2028-07-01 (366 days) kept
    expect(a?.firstOnline).toBe('2027-09-28');
    expect(a?.fullOnline).toBe('2028-09-28');
    // two: first late to 2027-09-28; the rest was on time (2029-07-01 after its path)
    expect(b?.firstOnline).toBe('2027-09-28');
    expect(b?.fullOnline).toBe('2029-07-01');
  });
});
