/**
 * The compute stage (src/engine/compute.ts) on hand-made hours, counted by hand:
 *
 *   FLOP(t) = n(t) · b(t) · s(t) · peak · MFU · d · 3,600 s   (duty d = 1 at the default cap: F ratio 1)
 *
 * with b the busy share and s = IT served / IT demanded. 1,000 accelerators of 1e15 FLOP/s at MFU 0.4
 * run at 4e14 FLOP/s, 1.44e18 FLOP an hour; half of them busy with 80 % of the load served:
 * 1,000 × 0.5 × 0.8 × 1.44e18 = 5.76e20 FLOP. An hour with no IT demand computes nothing (not 0/0).
 */
import { describe, expect, it } from 'vitest';
import { H200_POWER_CURVE } from '../src/catalog/power-curve.js';
import { computeStage, computingAcceleratorHours } from '../src/engine/compute.js';
import type { EngineInputs, PhaseInputs, SiteInputs } from '../src/engine/inputs.js';
import { allocateSiteHourly } from '../src/engine/site-hourly.js';

const phase = {
  id: 'p1',
  acceleratorId: 'h200',
  onlineMs: 0,
  rampDays: 0,
  count: 1000,
  boardPowerW: 700,
  hostNetworkWPerAccelerator: 300,
  powerCapW: 700,
  peakFLOPS: 1e15,
} satisfies PhaseInputs;

function hours(dutyCycle: number) {
  const site = { phases: [phase], dutyCycle } as unknown as SiteInputs;
  const inputs = { mfu: 0.4, powerCurve: H200_POWER_CURVE } as unknown as EngineInputs;
  const out = allocateSiteHourly('s', Date.UTC(2026, 0, 1), 4, 1);
  // hour 0: 1,000 online, half busy, 8 of 10 MW served; hour 1: online but no IT demand (0 MW);
  // hour 2: no accelerator online; hour 3: all busy, all served
  (out.phaseOnline[0] as Float64Array).set([1000, 1000, 0, 1000]);
  out.acceleratorsOnline.set([1000, 1000, 0, 1000]);
  out.busyFraction.set([0.5, 0.5, 0.5, 1]);
  out.itDemandMW.set([10, 0, 5, 10]);
  out.itMW.set([8, 0, 5, 10]);
  return { site, inputs, out };
}

describe('compute delivered', () => {
  it('FLOP = accelerators × busy share × share served × peak × MFU × 3,600 s', () => {
    const { site, inputs, out } = hours(1);
    computeStage(site, inputs, out);
    expect(out.computeFLOP[0]).toBeCloseTo(5.76e20, -14);
    expect(out.computeFLOP[1]).toBe(0);
    expect(out.computeFLOP[2]).toBe(0);
    expect(out.computeFLOP[3]).toBeCloseTo(1000 * 1.44e18, -14);
  });
  it('computing accelerator-hours = online × busy × served × duty cycle (1,000 × 0.5 × 0.8 × 0.6 = 240)', () => {
    const { site, out } = hours(0.6);
    const h = computingAcceleratorHours(site, out);
    expect(h[0]).toBeCloseTo(240, 9);
    expect(h[1]).toBe(0);
    expect(h[2]).toBe(0);
    expect(h[3]).toBeCloseTo(600, 9);
  });
  it('a duty cycle of 0 computes nothing', () => {
    const { site, inputs, out } = hours(0);
    computeStage(site, inputs, out);
    expect([...out.computeFLOP]).toEqual([0, 0, 0, 0]);
  });
});
