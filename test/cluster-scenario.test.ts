/**
 * Workloads in a scenario: the cluster simulator's busy time drives the hourly engine's power, the
 * results come out under `workloads`, and bad workload inputs get errors with field paths.
 */
import { describe, expect, it } from 'vitest';
import { acceleratorPowerW } from '../src/catalog/power-curve.js';
import type { ScenarioInput } from '../src/model/scenario.js';
import { validateScenario } from '../src/model/validate.js';
import { runScenario } from '../src/run.js';
import { baseScenario, fakeData } from './helpers.js';

type Workloads = NonNullable<ScenarioInput['workloads']>;
/** A reported number; a null or missing one fails the test instead of counting as 0. */
const num = (x: number | null | undefined): number => {
  if (typeof x !== 'number') throw new Error(`expected a number, got ${x}`);
  return x;
};
const siteIdle = (overrides: Partial<ScenarioInput> = {}): ScenarioInput => {
  const s = baseScenario(overrides);
  const site = s.sites[0] as ScenarioInput['sites'][number];
  return { ...s, sites: [{ ...site, utilisation: { busyFraction: 0 } }] };
};
const run = (input: ScenarioInput) => {
  const v = validateScenario(input);
  if (!v.ok) throw new Error(JSON.stringify(v.issues));
  return runScenario(v.scenario, fakeData(), { raw: input });
};
const training: Workloads[number] = {
  kind: 'training',
  id: 'llm',
  totalFLOP: 1e25,
  site: 'a',
  count: 8_192,
  checkpointIntervalMinutes: 20,
};

describe('workloads drive the power of their site', () => {
  const idle = run(siteIdle());
  const withRun = run(siteIdle({ workloads: [training] }));
  const w = withRun.summary.workloads?.[0];
  if (w?.kind !== 'training') throw new Error('no training workload in the summary');
  it('adds (P_run − P_idle) for every busy accelerator-hour, and nothing else', () => {
    expect(withRun.resolved.engine.sites[0]?.busyFractionSeries).toBeInstanceOf(Float64Array);
    const hourly = withRun.sites[0]?.hourly;
    if (!hourly) throw new Error('no site');
    let busyAccelHours = 0;
    for (let h = 0; h < hourly.hours; h++)
      busyAccelHours += (hourly.busyFraction[h] as number) * (hourly.acceleratorsOnline[h] as number);
    expect(busyAccelHours).toBeGreaterThan(8_192 * 24 * 7); // the run lasts weeks: not a vacuous sum
    const deltaMWh = withRun.summary.totals.acceleratorEnergyMWh - idle.summary.totals.acceleratorEnergyMWh;
    // an H100 running holds at the limiter's 691 W (0.987143 × 700) and idles at its measured 124.6 W
    // (data/calibration/h100_power_summary.json); host power is outside acceleratorEnergyMWh
    const perAccelMW = (acceleratorPowerW(1, 700) - 124.6) / 1e6;
    expect(deltaMWh).toBeCloseTo(busyAccelHours * perAccelMW, 6);
    // busy accelerator-hours are the run's work hours (kept and lost) on its 8,192 GPUs
    const workHours = num(w.keptWorkHours) + num(w.lostWorkHours);
    expect(Math.abs(busyAccelHours / 8_192 - workHours) / workHours).toBeLessThan(1e-9);
  });
  it('reports completion, goodput and interruptions by cause', () => {
    expect(w?.completionDate).toMatch(/^2026-0[4-5]-\d\d$/);
    expect(w?.goodput).toBeGreaterThan(0.8);
    expect(w?.goodput).toBeLessThan(1);
    expect(w?.interruptionsTotal).toBeGreaterThan(0);
    expect(Object.keys(w?.interruptions ?? {})).toContain('faulty-gpu');
    expect(w?.progressPct).toBe(100);
  });
  it('a run too big for the horizon reports null and how far it got', () => {
    const big = run(siteIdle({ workloads: [{ ...training, totalFLOP: 1e26 }] })).summary.workloads?.[0];
    expect(big?.completionDate).toBeNull();
    expect(big?.progressPct).toBeGreaterThan(1);
    expect(big?.progressPct).toBeLessThan(100);
  });
});

describe('an inference service', () => {
  const r = run(
    siteIdle({
      workloads: [
        {
          kind: 'inference',
          id: 'chat',
          site: 'a',
          tokensPerSecond: 2e6,
          flopPerToken: 2e11,
          precision: 'bf16',
        },
      ],
    }),
  );
  const s = r.summary.workloads?.[0];
  it('is sized by the compute roofline plus headroom', () => {
    // 989.4 TFLOP/s × 0.4 / 2e11 FLOP = 1,978.8 tokens/s per H100; 2e6 / 1,978.8 = 1,010.7 GPUs
    expect(s?.tokensPerSecondPerAccelerator).toBeCloseTo(1978.8, 6);
    expect(s?.peakAccelerators).toBe(Math.ceil((2e6 / 1978.8 / 8) * 1.2) * 8);
  });
  it('serves its demand from the day the site comes online, with energy and CO2 per token', () => {
    const hoursOnline = (Date.UTC(2027, 0, 1) - Date.UTC(2026, 2, 1)) / 3_600_000;
    // served = min(demand, capacity) each hour: at most the demand, and short in fewer than 24 hours
    expect(s?.tokensServed).toBeGreaterThan(2e6 * 3600 * hoursOnline * 0.99);
    expect(s?.tokensServed).toBeLessThanOrEqual(2e6 * 3600 * hoursOnline * (1 + 1e-12));
    expect(s?.shortfallHours).toBeLessThan(24);
    expect(s?.energyPerTokenJ).toBeGreaterThan(acceleratorPowerW(1, 700) / 1978.8);
    // fakeData: 400 g/kWh = 0.4 kg/kWh; J per token × 1e6 / 3.6e6 J/kWh × 0.4 kg/kWh
    expect(s?.co2PerMillionTokensKg).toBeCloseTo(((s?.energyPerTokenJ ?? 0) * 1e6 * 0.4) / 3.6e6, 6);
  });
});

describe('bad workloads get errors with field paths', () => {
  const issues = (w: unknown) => {
    const v = validateScenario(baseScenario({ workloads: [w] as Workloads }));
    return v.ok ? [] : v.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };
  it('negative FLOP', () => {
    expect(issues({ ...training, totalFLOP: -1 })[0]).toMatch(/^workloads\.0\.totalFLOP: Too small/);
  });
  it('MFU above 1', () => {
    expect(issues({ ...training, mfu: 1.2 })[0]).toMatch(/^workloads\.0\.mfu: Too big/);
  });
  it('a checkpoint interval of zero', () => {
    expect(issues({ ...training, checkpointIntervalMinutes: 0 })[0]).toMatch(
      /^workloads\.0\.checkpointIntervalMinutes: Too small/,
    );
  });
  it('a run on accelerators that never come online', () => {
    expect(issues({ ...training, count: 20_000 })[0]).toMatch(
      /^workloads\.0\.count: needs 20000 h100 .* has at most 10,000 online by 2026-12-31/,
    );
    expect(issues({ ...training, accelerator: 'gb200' })[0]).toMatch(
      /workloads\.0\.accelerator: site a never installs gb200/,
    );
    expect(issues({ ...training, site: 'nowhere' })[0]).toMatch(
      /workloads\.0\.site: no such site; must be one of: a/,
    );
  });
  it('count and share together', () => {
    expect(issues({ ...training, share: 0.5 })[0]).toMatch(/workloads\.0\.count: give exactly one of count/);
  });
});

describe('grid curtailment slows training', () => {
  const input = siteIdle({ workloads: [training] });
  const v = validateScenario(input);
  if (!v.ok) throw new Error('invalid');
  const hours = 8760;
  // shed 30 % of IT power from 14:00 to 20:00 UTC every day
  const request = Float64Array.from({ length: hours }, (_, h) => (h % 24 >= 14 && h % 24 < 20 ? 0.3 : 0));
  const base = runScenario(v.scenario, fakeData(), { raw: input }).summary.workloads?.[0];
  const curtailed = runScenario(v.scenario, fakeData(), {
    raw: input,
    workloads: { curtailRequestFraction: { a: request } },
  }).summary.workloads?.[0];
  it('finishes later under a power cap than without curtailment', () => {
    // a date each (not.toBeNull() would also pass on a missing workload)
    expect(base?.completionDate).toMatch(/^2026-\d\d-\d\d$/);
    expect(curtailed?.completionDate).toMatch(/^2026-\d\d-\d\d$/);
    expect(Date.parse(curtailed?.completionDate as string)).toBeGreaterThan(
      Date.parse(base?.completionDate as string),
    );
    // kept work hours barely change; the FLOP per hour fall in a quarter of the hours
    expect(curtailed?.goodput).toBeLessThan(base?.goodput ?? 0);
  });
});
