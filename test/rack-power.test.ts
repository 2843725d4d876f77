/**
 * Per-system power at full load, as the engine computes it (the chip's power curve at duty 1 plus the
 * host at full load), against the published system figures, each with its tolerance and source.
 * Published figures are typed here from the sources, not read from the catalog.
 */
import { describe, expect, it } from 'vitest';
import { ACCELERATORS, type AcceleratorSpec, getAccelerator } from '../src/catalog/accelerators.js';
import { acceleratorPowerW, H200_POWER_CURVE } from '../src/catalog/power-curve.js';
import { hostLoadW, hostPowerW, phasePowerCurve } from '../src/engine/it-power.js';
import { validateScenario } from '../src/model/validate.js';
import { baseScenario } from './helpers.js';

const spec = (id: string): AcceleratorSpec => {
  const a = getAccelerator(id);
  if (!a) throw new Error(`missing accelerator ${id}`);
  return a;
};

/** System power at busy share b and duty d, W: n × (chip power + host power), as the IT stage adds it. */
function systemW(id: string, n: number, busy = 1, duty = 1): number {
  const a = spec(id);
  const board = a.boardPowerW.value as number;
  const phase = {
    acceleratorId: id,
    hostNetworkWPerAccelerator: a.hostNetworkWPerAccelerator.value as number,
  };
  const curve = phasePowerCurve(phase, H200_POWER_CURVE);
  const chip =
    busy * acceleratorPowerW(duty, board, board, curve) +
    (1 - busy) * acceleratorPowerW(0, board, board, curve);
  return n * (chip + hostLoadW(hostPowerW(phase), busy, duty));
}

const within = (model: number, published: number, tolerance: number) =>
  expect(Math.abs(model / published - 1)).toBeLessThanOrEqual(tolerance);

describe('system power at full load against published figures', () => {
  // At full load the limiter holds the chip at 0.987 of its board power (measured 691 of 700 W), so a
  // system with every part at its maximum comes out ~1 % under the nameplate maximum: tolerance 2 %.
  it('DGX H100: 10.2 kW maximum (SY1), within 2 %', () => within(systemW('h100', 8), 10_200, 0.02));
  it('DGX H200: 10.2 kW maximum (SY1: same chassis and PSUs), within 2 %', () =>
    within(systemW('h200', 8), 10_200, 0.02));
  it('DGX B200: 14.3 kW maximum (SY3), within 2 %', () => within(systemW('b200', 8), 14_300, 0.02));

  it('GB300 NVL72: 18 compute trays × 6.6 kW + 9 switch trays 3.6 kW = 122.4 kW (SY7, SY5), within 3 %', () => {
    within(systemW('gb300', 72), 18 * 6_600 + 3_600, 0.03);
  });
  it('GB300 NVL72: 18 × 6.5 kW + 3.6 kW = 120.6 kW (SY5), within 3 %, and under the ~142 kW peak (SY6)', () => {
    const rack = systemW('gb300', 72);
    within(rack, 18 * 6_500 + 3_600, 0.03);
    expect(rack).toBeLessThan(142_000);
    // the review found 119 kW, below both OEM tray sums
    expect(rack).toBeGreaterThan(120_600);
  });
  it('GB200 NVL72: 18 × 5.4 kW trays (FM1) + 18 × 0.4 kW tray periphery + 3.6 + 0.8 kW = 108.8 kW, within 2 %', () => {
    within(systemW('gb200', 72), 18 * 5_400 + 18 * 400 + 3_600 + 800, 0.02);
  });
  it('GB200 NVL72 against the rounded "~120 kW" (HW6, HW7, SY4): a known miss of about −10 % (docs/accelerators.md)', () => {
    const ratio = systemW('gb200', 72) / 120_000;
    expect(ratio).toBeGreaterThan(0.88);
    expect(ratio).toBeLessThan(0.92);
  });
});

describe('host power follows load between idle and maximum', () => {
  it('an idle DGX H100 draws its chips at the measured H100 idle (124.6 W) plus the idle host', () => {
    // host idle: 575 W less the 87.5 W of CPU falling to 0.74/3.5 of it (CCF)
    const hostIdle = 575 - 87.5 * (1 - 0.74 / 3.5);
    expect(systemW('h100', 8, 0, 1)).toBeCloseTo(8 * (124.6 + hostIdle), 6);
  });
  it('duty cycle 0 puts the host at its idle figure whatever the busy share', () => {
    const a = spec('gb300');
    expect(
      hostLoadW(hostPowerW({ acceleratorId: 'gb300', hostNetworkWPerAccelerator: 311.1 }), 1, 0),
    ).toBeCloseTo(
      311.1 *
        ((a.hostNetworkIdleWPerAccelerator.value as number) / (a.hostNetworkWPerAccelerator.value as number)),
      9,
    );
  });
  it('a scenario override of the host maximum keeps the catalog idle-to-maximum ratio', () => {
    const h = hostPowerW({ acceleratorId: 'h100', hostNetworkWPerAccelerator: 1_150 });
    expect(h.idleW / h.maxW).toBeCloseTo((575 - 87.5 * (1 - 0.74 / 3.5)) / 575, 12);
  });
  it('a chip with no published host figures holds the override at its maximum', () => {
    const h = hostPowerW({ acceleratorId: 'tpu-v5p', hostNetworkWPerAccelerator: 400 });
    expect(h).toEqual({ idleW: 400, maxW: 400 });
  });
});

describe('each power figure says whether it is measured, published or assumed', () => {
  it('H100 and H200 idle shares are measured; the others are labelled assumptions', () => {
    expect(spec('h100').idleFraction.basis).toBe('measured');
    expect(spec('h100').idleFraction.value).toBeCloseTo(124.6 / 700, 12);
    expect(spec('h200').idleFraction.basis).toBe('measured');
    expect(spec('h200').idleFraction.value).toBe(H200_POWER_CURVE.idleFraction);
    for (const id of ['b200', 'gb200', 'gb300', 'mi300x', 'mi355x', 'tpu7x', 'trainium3'])
      expect(spec(id).idleFraction.basis).toBe('assumed');
  });
  it('every power field of every chip carries a basis matching its value', () => {
    for (const a of ACCELERATORS) {
      for (const f of [
        a.boardPowerW,
        a.idleFraction,
        a.hostNetworkWPerAccelerator,
        a.hostNetworkIdleWPerAccelerator,
      ]) {
        expect(['measured', 'published', 'assumed', 'unpublished']).toContain(f.basis);
        expect(f.basis === 'unpublished').toBe(f.value === null);
      }
    }
  });
  it('the AMD host figures are analogies, so assumed, not published', () => {
    expect(spec('mi300x').hostNetworkWPerAccelerator.basis).toBe('assumed');
    expect(spec('mi355x').hostNetworkWPerAccelerator.basis).toBe('assumed');
    expect(spec('gb300').hostNetworkWPerAccelerator.basis).toBe('published');
  });
});

describe('a power cap below the chip’s own idle draw is a validation error, not a crash', () => {
  it('H100 idles at 124.6 W, held at 0.987 of the cap: a 100 W cap is refused, naming the field', () => {
    const base = baseScenario();
    const site = base.sites[0];
    if (!site) throw new Error('no site');
    const phase = { online: '2026-03-01', rampDays: 0, accelerator: 'h100', count: 10000, powerCapW: 100 };
    const r = validateScenario({ ...base, sites: [{ ...site, phases: [phase] }] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const issue = r.issues.find((i) => i.path.join('.') === 'sites.0.phases.0.powerCapW');
    // lowest usable cap: 124.6 W / 0.987143 = 126.2 W
    expect(issue?.message).toMatch(/127 W/);
  });
});
