/**
 * Throughput per watt under a power cap (src/cluster/power-cap.ts `capSweep`), by hand from the H200 curve
 * of docs/power-curve.md (i = 0.112714, k = 1.123178, h = 0.987143, α = 2.112801; B = 700 W, duty 1):
 *
 *   P(C) = min(B·(i + k), h·C) = h·C                      (the demand 865 W is above every cap here)
 *   F(C) = ((h·C/B − i)/k)^(1/α);  F(700) = (0.874429/1.123178)^0.473305 = 0.88825,
 *                                  F(500) = (0.592388/1.123178)^0.473305 = 0.73875
 *   relative throughput at 500 W = 0.73875 / 0.88825 = 0.83169; power 0.987143 × 500 = 493.57 W
 *
 * so capping a 700 W H200 at 500 W keeps 83 % of its throughput for 71 % of its power: more FLOP per W.
 */
import { describe, expect, it } from 'vitest';
import { chipPowerCurve, H200_POWER_CURVE } from '../src/catalog/power-curve.js';
import { capSweep } from '../src/cluster/power-cap.js';

const args = { boardPowerW: 700, hostW: 300, peakTFLOPS: 989.4, mfu: 0.5 };

describe('capSweep', () => {
  const [at700, at500, at900] = capSweep({ ...args, capsW: [700, 500, 900] });
  if (at700 === undefined || at500 === undefined || at900 === undefined) throw new Error('three points');

  it('at the board power: throughput 1, the held power h·B = 691.0 W, TFLOP/s = peak × MFU', () => {
    expect(at700.relativeThroughput).toBe(1);
    expect(at700.acceleratorW).toBeCloseTo(0.987143 * 700, 9);
    expect(at700.tflops).toBeCloseTo(494.7, 9);
    expect(at700.tflopsPerW).toBeCloseTo(494.7 / (0.987143 * 700), 9);
    expect(at700.tflopsPerITW).toBeCloseTo(494.7 / (0.987143 * 700 + 300), 9);
  });
  it('at 500 W: 83.17 % of the throughput for 493.6 W', () => {
    expect(at500.capW).toBe(500);
    expect(at500.acceleratorW).toBeCloseTo(493.5715, 4);
    expect(at500.relativeThroughput).toBeCloseTo(0.83169, 4);
    expect(at500.tflops).toBeCloseTo(494.7 * 0.83169, 1);
    expect(at500.tflopsPerW).toBeGreaterThan(at700.tflopsPerW);
    // with 300 W of host per accelerator the gain per W of IT is smaller
    expect(at500.tflopsPerITW / at700.tflopsPerITW).toBeLessThan(at500.tflopsPerW / at700.tflopsPerW);
    expect(at500.tflopsPerITW).toBeCloseTo(at500.tflops / (at500.acceleratorW + 300), 9);
  });
  it('a cap above the board power is reported as the board power and changes nothing', () => {
    expect(at900.capW).toBe(700);
    expect(at900.relativeThroughput).toBe(1);
    expect(at900.acceleratorW).toBe(at700.acceleratorW);
  });
  it('at 25 % duty a 500 W cap does not bind (demand 325.7 W): nothing lost', () => {
    const [p] = capSweep({ ...args, capsW: [500], dutyCycle: 0.25 });
    expect(p?.relativeThroughput).toBe(1);
    expect(p?.acceleratorW).toBeCloseTo(325.7, 1);
  });
  it('uses the curve it is given: an idle share of 0.178 draws 357.1 W at 25 % duty (325.7 W on the H200 curve)', () => {
    const curve = chipPowerCurve(H200_POWER_CURVE, 0.178);
    const [p] = capSweep({ ...args, capsW: [700], dutyCycle: 0.25, curve });
    expect(p?.acceleratorW).toBeCloseTo(357.1, 1);
  });
  it('refuses a cap at or below the idle-draw floor B·i/h = 79.93 W, naming the lowest usable cap', () => {
    expect(() => capSweep({ ...args, capsW: [79] })).toThrow(/use more than 80 W/);
    expect(() => capSweep({ ...args, capsW: [700, 79.92] })).toThrow(RangeError);
    expect(capSweep({ ...args, capsW: [81] })[0]?.acceleratorW).toBeCloseTo(0.987143 * 81, 9);
  });
});
