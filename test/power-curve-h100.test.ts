import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getAccelerator } from '../src/catalog/accelerators.js';
import {
  acceleratorPowerW,
  CAP_PINNED_FRACTION,
  calibrationPointsFromProbe,
  capThroughputFactor,
  fitPowerCurve,
  H200_POWER_CURVE,
} from '../src/catalog/power-curve.js';

// Second chip: one H100 SXM measured with the H200's duty-cycle method (scripts/probe/power_probe.py,
// data/calibration/PROVENANCE.md, docs/power-curve.md "Second chip: H100").
const dir = join(import.meta.dirname, '..', 'data', 'calibration');
interface ProbePhase {
  phase: string;
  seconds: number;
  energy_j: number;
  mean_power_w: number;
  duty?: number;
  median_sm_clock_mhz: number;
  sw_power_cap_share: number | null;
  energy_source: string;
}
const summary = JSON.parse(readFileSync(join(dir, 'h100_power_summary.json'), 'utf8')) as {
  device: string;
  power_limit_w: number;
  default_power_limit_w: number;
  max_sm_clock_mhz: number;
  phases: ProbePhase[];
};
const points = calibrationPointsFromProbe(summary, readFileSync(join(dir, 'h100_power_samples.csv'), 'utf8'));
const phase = (name: string) => summary.phases.find((p) => p.phase === name) as ProbePhase;
const point = (name: string) => points.find((p) => p.phase === name);

// The engine scales the H200 curve by the catalog's board power; the H100 SXM's is 700 W (HW1).
const H100_BOARD_W = getAccelerator('h100')?.boardPowerW.value as number;
const loaded = points.filter((p) => p.dutyCycle > 0);
const idle = point('idle');

/**
 * Tolerance for the scaled H200 curve at the loaded duty cycles (25–100 %): 30 W = 4.3 % of board
 * power. The largest measured gap is 24.8 W (50 % duty); the margin covers refits of the H200 curve of
 * the size its ±3 W sensitivity gives (docs/power-curve.md), not noise in these fixed readings.
 */
const LOADED_TOLERANCE_W = 30;

describe('H100 probe data (physical sanity)', () => {
  it('is one H100 at its default 700 W limit, the catalog board power, with idle and four duty phases', () => {
    expect(summary.device).toMatch(/H100/);
    expect(summary.power_limit_w).toBe(summary.default_power_limit_w);
    expect(summary.power_limit_w).toBe(H100_BOARD_W);
    expect(H100_BOARD_W).toBe(700);
    expect(points.map((p) => [p.phase, p.dutyCycle])).toEqual([
      ['idle', 0],
      ['gemm_bf16_duty100', 1],
      ['gemm_bf16_duty75', 0.75],
      ['gemm_bf16_duty50', 0.5],
      ['gemm_bf16_duty25', 0.25],
    ]);
  });

  it('phase means are the energy counter over the phase length', () => {
    for (const p of summary.phases) {
      expect(p.energy_source, p.phase).toBe('energy_counter');
      expect(Math.abs(p.energy_j / p.seconds - p.mean_power_w), p.phase).toBeLessThan(0.1);
    }
  });

  it('idles above 0 and below 150 W', () => {
    expect(idle?.meanPowerW).toBeGreaterThan(0);
    expect(idle?.meanPowerW).toBeLessThan(150);
  });

  it('rises with duty and never exceeds the power limit', () => {
    const byDuty = [...points].sort((a, b) => a.dutyCycle - b.dutyCycle);
    for (let i = 1; i < byDuty.length; i++) {
      const lower = byDuty[i - 1]?.meanPowerW as number;
      expect(byDuty[i]?.meanPowerW, byDuty[i]?.phase).toBeGreaterThan(lower - 10);
    }
    for (const p of points) expect(p.meanPowerW, p.phase).toBeLessThanOrEqual(summary.power_limit_w);
  });

  it('is pinned at the cap at 75 % and 100 % duty: the driver reports the power cap and lowers the clock', () => {
    for (const name of ['gemm_bf16_duty75', 'gemm_bf16_duty100']) {
      const p = phase(name);
      expect(p.mean_power_w, name).toBeGreaterThanOrEqual(CAP_PINNED_FRACTION * summary.power_limit_w);
      expect(p.sw_power_cap_share, name).toBeGreaterThan(0.95);
      expect(p.median_sm_clock_mhz, name).toBeLessThan(summary.max_sm_clock_mhz);
    }
    for (const name of ['gemm_bf16_duty25', 'gemm_bf16_duty50']) {
      const p = phase(name);
      expect(p.mean_power_w, name).toBeLessThan(CAP_PINNED_FRACTION * summary.power_limit_w);
      expect(p.sw_power_cap_share, name).toBeLessThan(0.1);
      expect(p.median_sm_clock_mhz, name).toBe(summary.max_sm_clock_mhz);
    }
  });

  it('runs the same products per busy second at 25 % and 50 % duty (uncapped, within 1 %)', () => {
    const r25 = (point('gemm_bf16_duty25')?.tflops as number) / 0.25;
    const r50 = (point('gemm_bf16_duty50')?.tflops as number) / 0.5;
    expect(Math.abs(r25 / r50 - 1)).toBeLessThan(0.01);
  });
});

describe('the H200 curve scaled to 700 W, against the H100', () => {
  it(`predicts every loaded duty cycle (25–100 %) within ${LOADED_TOLERANCE_W} W`, () => {
    expect(loaded).toHaveLength(4);
    for (const p of loaded) {
      const modelW = acceleratorPowerW(p.dutyCycle, H100_BOARD_W);
      expect(Math.abs(modelW - p.meanPowerW), p.phase).toBeLessThanOrEqual(LOADED_TOLERANCE_W);
    }
  });

  it('under-predicts at every point: the H100 drew more than the scaled H200 curve', () => {
    for (const p of points) {
      expect(acceleratorPowerW(p.dutyCycle, H100_BOARD_W), p.phase).toBeLessThan(p.meanPowerW);
    }
  });

  it('misses the H100 idle by more than the loaded tolerance (78.9 W predicted, 124.6 W measured)', () => {
    const gapW = (idle?.meanPowerW as number) - acceleratorPowerW(0, H100_BOARD_W);
    expect(gapW).toBeGreaterThan(LOADED_TOLERANCE_W);
    expect(gapW).toBeLessThan(50);
  });

  it('holds the capped points within 10 W of the H100 readings (691.0 W vs 692.7 and 697.9 W)', () => {
    for (const p of points.filter((q) => q.dutyCycle >= 0.75)) {
      expect(Math.abs(acceleratorPowerW(p.dutyCycle, H100_BOARD_W) - p.meanPowerW), p.phase).toBeLessThan(10);
    }
  });

  it('predicts the throughput kept under the cap within 3 % (busy-second TFLOP/s relative to 25–50 %)', () => {
    const r0 =
      ((point('gemm_bf16_duty25')?.tflops as number) / 0.25 +
        (point('gemm_bf16_duty50')?.tflops as number) / 0.5) /
      2;
    for (const p of loaded) {
      const measured = (p.tflops as number) / p.dutyCycle / r0;
      expect(Math.abs(capThroughputFactor(p.dutyCycle, H100_BOARD_W) - measured), p.phase).toBeLessThan(0.03);
    }
  });
});

describe('H100-only fit', () => {
  const fit = fitPowerCurve(points, summary.power_limit_w);
  const c = fit.curve;

  it('passes through idle, 25 % and 50 % and holds the capped points within 3 W', () => {
    for (const r of fit.residualsW) expect(Math.abs(r.modelW - r.measuredW), r.phase).toBeLessThan(3);
  });

  it('has a higher idle share and the same cap hold as the H200 curve', () => {
    expect(c.idleFraction).toBeCloseTo(124.6 / 700, 6);
    expect(c.idleFraction - H200_POWER_CURVE.idleFraction).toBeGreaterThan(0.05);
    expect(c.capHoldFraction).toBeCloseTo(695.3 / 700, 4);
    expect(Math.abs(c.capHoldFraction - H200_POWER_CURVE.capHoldFraction)).toBeLessThan(0.01);
  });

  it('reaches the cap between 50 % and 75 % duty, as measured', () => {
    const uCap = ((c.capHoldFraction - c.idleFraction) / c.dynamicFraction) ** (1 / c.exponent);
    expect(uCap).toBeGreaterThan(0.5);
    expect(uCap).toBeLessThan(0.75);
  });
});
