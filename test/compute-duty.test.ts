/**
 * Compute follows the duty cycle: FLOP per joule of accelerator energy against the H200 probe
 * (data/calibration/h200_power_summary.json), which measured both the delivered TFLOP/s and the board
 * power at 25/50/75/100 % duty. The engine is given the probe's full-duty MFU (657.44 of 989.4 TFLOP/s),
 * so its FLOP at other duty cycles and its power are predictions to compare with the measurements.
 */
import { describe, expect, it } from 'vitest';
import { computingAcceleratorHours } from '../src/engine/compute.js';
import { runScenario } from '../src/run.js';
import { baseScenario, fakeData, parseOk } from './helpers.js';

/** Probe measurements: duty → [TFLOP/s over wall time, mean board power W]. */
const PROBE: Record<number, [number, number]> = {
  1: [657.44, 691.0],
  0.75: [547.95, 691.0],
  0.5: [368.21, 519.4],
  0.25: [185.85, 325.7],
};
const PEAK_TFLOPS = 989.4;
const FULL_DUTY_TFLOPS = 657.44;
const N = 1000;

function run(dutyCycle: number) {
  const base = baseScenario();
  const site = base.sites[0];
  if (!site) throw new Error('no site');
  const scenario = parseOk({
    ...base,
    compute: { mfu: FULL_DUTY_TFLOPS / PEAK_TFLOPS },
    // validation asks for a price; it plays no part in power or compute
    economics: { acceleratorPriceUSD: { h200: 30_000 } },
    sites: [
      {
        ...site,
        phases: [{ online: '2026-01-01', rampDays: 0, accelerator: 'h200', count: N }],
        utilisation: { busyFraction: 1, dutyCycle },
      },
    ],
  });
  const s = runScenario(scenario, fakeData()).sites[0]?.hourly;
  if (!s) throw new Error('no site');
  const h = 100;
  return {
    flopPerHour: s.computeFLOP[h] as number,
    acceleratorW: ((s.acceleratorMW[h] as number) * 1e6) / N,
  };
}

describe('compute follows the duty cycle', () => {
  it('duty cycle 0 delivers no FLOP while the chips draw their idle power (78.9 W measured)', () => {
    const r = run(0);
    expect(r.flopPerHour).toBe(0);
    expect(r.acceleratorW).toBeCloseTo(78.9, 0);
  });

  for (const duty of [1, 0.75, 0.5, 0.25]) {
    const [tflops, watts] = PROBE[duty] as [number, number];
    it(`duty ${duty}: FLOP per joule within 2 % of the probe's ${(tflops / watts).toFixed(3)} TFLOP/J`, () => {
      const r = run(duty);
      const flopPerJoule = r.flopPerHour / 3600 / (N * r.acceleratorW);
      expect(Math.abs(flopPerJoule / ((tflops * 1e12) / watts) - 1)).toBeLessThan(0.02);
    });
  }

  it('FLOP per joule rises with duty cycle, as measured (0.571 → 0.709 → 0.793 → 0.951 TFLOP/J)', () => {
    const fpj = [0.25, 0.5, 0.75, 1].map((d) => {
      const r = run(d);
      return r.flopPerHour / 3600 / (N * r.acceleratorW);
    });
    for (let i = 1; i < fpj.length; i++) expect(fpj[i] as number).toBeGreaterThan(fpj[i - 1] as number);
  });
});

describe('duty-weighted accelerator-hours (for revenue that follows the duty cycle)', () => {
  it('are online × busy × served × duty in each hour, and zero at duty 0', () => {
    const site = { dutyCycle: 0.5 } as Parameters<typeof computingAcceleratorHours>[0];
    const out = {
      hours: 2,
      itDemandMW: Float64Array.of(10, 10),
      itMW: Float64Array.of(10, 8),
      acceleratorsOnline: Float64Array.of(1000, 1000),
      busyFraction: Float64Array.of(0.8, 0.8),
    } as unknown as Parameters<typeof computingAcceleratorHours>[1];
    // hour 0: 1000 × 0.8 × 1 × 0.5 = 400; hour 1: 20 % unserved → 320
    expect([...computingAcceleratorHours(site, out)]).toEqual([400, 320]);
    expect([...computingAcceleratorHours({ ...site, dutyCycle: 0 }, out)]).toEqual([0, 0]);
  });
});
