import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  acceleratorPowerW,
  type CalibrationPoint,
  calibrationPointsFromProbe,
  capThroughputFactor,
  fitPowerCurve,
  H200_POWER_CURVE,
  minPowerCapW,
  type PowerCurve,
} from '../src/catalog/power-curve.js';

const dir = join(import.meta.dirname, '..', 'data', 'calibration');
const summary = JSON.parse(readFileSync(join(dir, 'h200_power_summary.json'), 'utf8')) as {
  power_limit_w: number;
};
const points = calibrationPointsFromProbe(summary, readFileSync(join(dir, 'h200_power_samples.csv'), 'utf8'));
const batchSweep = JSON.parse(readFileSync(join(dir, 'h200_batch_sweep.json'), 'utf8')) as {
  batch: number;
  mean_power_w: number;
  tflops: number;
}[];
const fit = fitPowerCurve(points, summary.power_limit_w);

const H200_W = 700;
const us = Array.from({ length: 1001 }, (_, i) => i / 1000);

describe('calibration data', () => {
  it('uses idle and the five-phase bf16 GEMM duty sweep at the 700 W default limit', () => {
    expect(summary.power_limit_w).toBe(700);
    expect(points.map((p) => [p.phase, p.dutyCycle])).toEqual([
      ['idle', 0],
      ['gemm_bf16_duty100', 1],
      ['gemm_bf16_duty75', 0.75],
      ['gemm_bf16_duty50', 0.5],
      ['gemm_bf16_duty25', 0.25],
    ]);
    // Median SM clocks of PROVENANCE.md: capped at 100 % and 75 % duty, full clock below.
    expect(points.map((p) => p.smClockMHz)).toEqual([345, 1470, 1740, 1980, 1980]);
  });
});

describe('fit to the H200 calibration', () => {
  it('reproduces every calibration point within 15 W', () => {
    expect(fit.residualsW).toHaveLength(5);
    for (const r of fit.residualsW) expect(Math.abs(r.modelW - r.measuredW), r.phase).toBeLessThanOrEqual(15);
    expect(fit.rmseW).toBeLessThan(5);
  });

  it('H200_POWER_CURVE holds the constants the fit gives on the bundled data', () => {
    const keys = [
      'idleFraction',
      'dynamicFraction',
      'exponent',
      'capHoldFraction',
      'clockPowerExponent',
    ] as const;
    for (const k of keys) expect(H200_POWER_CURVE[k], k).toBeCloseTo(fit.curve[k], 5);
  });

  it('needs the concave exponent: the demand rises less from 25 % to 50 % duty than from 0 to 25 %', () => {
    expect(H200_POWER_CURVE.exponent).toBeGreaterThan(0.7);
    expect(H200_POWER_CURVE.exponent).toBeLessThan(1);
  });

  it('models the 75 % duty phase as pinned at the cap, as measured (691 W, clock 1740 MHz)', () => {
    const c = H200_POWER_CURVE;
    const demand75W = H200_W * (c.idleFraction + c.dynamicFraction * 0.75 ** c.exponent);
    expect(demand75W).toBeGreaterThan(c.capHoldFraction * H200_W);
  });

  it('predicts busy-second throughput within 1 % at every GEMM duty cycle', () => {
    for (const t of fit.throughputPerBusySecond) {
      expect(Math.abs(t.modelTFLOPS / t.measuredTFLOPS - 1), t.phase).toBeLessThan(0.01);
    }
  });
});

describe('acceleratorPowerW on the H200', () => {
  it('idles at ~79 W (measured 78.9 W)', () => {
    expect(acceleratorPowerW(0, H200_W)).toBeCloseTo(78.9, 1);
  });

  it('sits at 691 W, just under the 700 W cap, at full load', () => {
    expect(acceleratorPowerW(1, H200_W)).toBeCloseTo(691, 0);
  });

  it('is monotone non-decreasing in the busy fraction, at every cap', () => {
    for (const capW of [100, 300, 450, 600, 700]) {
      let prev = -Infinity;
      for (const u of us) {
        const p = acceleratorPowerW(u, H200_W, capW);
        expect(p).toBeGreaterThanOrEqual(prev);
        prev = p;
      }
    }
  });

  it('never exceeds the cap', () => {
    for (const capW of [100, 200, 350, 500, 650, 700]) {
      for (const u of us) expect(acceleratorPowerW(u, H200_W, capW)).toBeLessThanOrEqual(capW);
    }
  });

  it('draws less and delivers less per busy second under a lower cap', () => {
    for (const u of [0.3, 0.6, 0.9, 1]) {
      let prevW = Infinity;
      let prevF = Infinity;
      for (const capW of [700, 600, 500, 400, 300, 200]) {
        const w = acceleratorPowerW(u, H200_W, capW);
        const f = capThroughputFactor(u, H200_W, capW);
        expect(w).toBeLessThanOrEqual(prevW);
        expect(f).toBeLessThanOrEqual(prevF);
        prevW = w;
        prevF = f;
      }
    }
    expect(acceleratorPowerW(1, H200_W, 500)).toBeLessThan(acceleratorPowerW(1, H200_W, 700));
    expect(capThroughputFactor(1, H200_W, 500)).toBeLessThan(capThroughputFactor(1, H200_W, 700));
  });

  it('treats a cap above board power as board power (the SXM maximum limit)', () => {
    expect(acceleratorPowerW(1, H200_W, 900)).toBe(acceleratorPowerW(1, H200_W, H200_W));
    expect(capThroughputFactor(1, H200_W, 900)).toBe(capThroughputFactor(1, H200_W));
  });
});

describe('capThroughputFactor on the H200', () => {
  it('loses ~11 % per busy second at full load under the 700 W cap (657 vs ~736 TFLOP/s)', () => {
    expect(Math.abs(capThroughputFactor(1, H200_W) - 657 / 736)).toBeLessThan(0.01);
  });

  it('is 1 while the demand is below the cap (25 % and 50 % duty ran at full clock)', () => {
    expect(capThroughputFactor(0, H200_W)).toBe(1);
    expect(capThroughputFactor(0.25, H200_W)).toBe(1);
    expect(capThroughputFactor(0.5, H200_W)).toBe(1);
  });

  it('is continuous where the demand meets the cap', () => {
    const c = H200_POWER_CURVE;
    const uAtCap = ((c.capHoldFraction - c.idleFraction) / c.dynamicFraction) ** (1 / c.exponent);
    expect(capThroughputFactor(uAtCap + 1e-9, H200_W)).toBeCloseTo(1, 6);
    expect(acceleratorPowerW(uAtCap - 1e-9, H200_W)).toBeCloseTo(c.capHoldFraction * H200_W, 4);
  });

  it('is in (0, 1] for any usable cap', () => {
    for (const capW of [81, 100, 300, 700]) {
      for (const u of us) {
        const f = capThroughputFactor(u, H200_W, capW);
        expect(f).toBeGreaterThan(0);
        expect(f).toBeLessThanOrEqual(1);
      }
    }
  });
});

describe('scaling by board power', () => {
  it('a 1,000 W chip idles at 1000 × idleFraction and holds at 1000 × capHoldFraction', () => {
    expect(acceleratorPowerW(0, 1000)).toBeCloseTo(1000 * H200_POWER_CURVE.idleFraction, 9);
    expect(acceleratorPowerW(1, 1000)).toBeCloseTo(1000 * H200_POWER_CURVE.capHoldFraction, 9);
  });

  it('is proportional to board power at the same cap fraction', () => {
    for (const u of [0.1, 0.5, 0.8, 1]) {
      expect(acceleratorPowerW(u, 1400, 1000)).toBeCloseTo((1400 / 700) * acceleratorPowerW(u, 700, 500), 9);
      expect(capThroughputFactor(u, 1400, 1000)).toBeCloseTo(capThroughputFactor(u, 700, 500), 12);
    }
  });
});

describe('busy fraction is not FLOP utilisation (h200_batch_sweep.json)', () => {
  it('memory-bound decode at batch 1 draws ~6× what its FLOP utilisation would imply', () => {
    const b1 = batchSweep.find((b) => b.batch === 1);
    if (!b1) throw new Error('batch 1 missing');
    const flopUtilisation = b1.tflops / 989.4; // 0.4 % of the dense BF16 peak
    expect(b1.mean_power_w).toBeGreaterThan(550);
    expect(b1.mean_power_w / acceleratorPowerW(flopUtilisation, H200_W)).toBeGreaterThan(5);
    // ...and as much as the GEMM sweep at more than half duty.
    expect(b1.mean_power_w).toBeGreaterThan(acceleratorPowerW(0.5, H200_W));
  });
});

describe('guards', () => {
  it('throws a RangeError on a non-finite input', () => {
    expect(() => acceleratorPowerW(Number.NaN, H200_W)).toThrow(RangeError);
    expect(() => acceleratorPowerW(0.5, Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => capThroughputFactor(0.5, H200_W, Number.NaN)).toThrow(RangeError);
  });

  it('clamps float round-off just outside [0, 1] and throws beyond it', () => {
    expect(acceleratorPowerW(1 + 1e-12, H200_W)).toBe(acceleratorPowerW(1, H200_W));
    expect(acceleratorPowerW(-1e-12, H200_W)).toBe(acceleratorPowerW(0, H200_W));
    expect(() => acceleratorPowerW(1.01, H200_W)).toThrow(/busy fraction/);
    expect(() => capThroughputFactor(-0.1, H200_W)).toThrow(RangeError);
  });

  it('rejects non-positive board power and caps at or below the idle draw', () => {
    expect(() => acceleratorPowerW(0.5, 0)).toThrow(RangeError);
    expect(() => acceleratorPowerW(0.5, H200_W, 0)).toThrow(RangeError);
    expect(minPowerCapW(H200_W)).toBeCloseTo(78.9 / 0.987143, 2);
    expect(() => acceleratorPowerW(0.5, H200_W, 79)).toThrow(/idle draw/);
    expect(() => capThroughputFactor(0.5, H200_W, 80)).not.toThrow();
  });
});

describe('fitPowerCurve', () => {
  const known: PowerCurve = {
    idleFraction: 0.1,
    dynamicFraction: 1.3,
    exponent: 1.2,
    capHoldFraction: 0.98,
    clockPowerExponent: 2.5,
    source: 'synthetic',
  };
  const synthetic = (capW: number): CalibrationPoint[] => {
    const rate = 800; // TFLOP/s per busy second uncapped
    return [0, 0.1, 0.3, 0.5, 0.6, 0.9, 1].map((u) => ({
      phase: `u${u}`,
      dutyCycle: u,
      meanPowerW: acceleratorPowerW(u, capW, capW, known),
      tflops: u === 0 ? null : rate * u * capThroughputFactor(u, capW, capW, known),
      smClockMHz: null,
    }));
  };

  it('recovers the parameters of a curve from points generated by it', () => {
    const { curve, rmseW } = fitPowerCurve(synthetic(1000), 1000);
    expect(rmseW).toBeLessThan(1e-6);
    expect(curve.idleFraction).toBeCloseTo(known.idleFraction, 6);
    expect(curve.dynamicFraction).toBeCloseTo(known.dynamicFraction, 6);
    expect(curve.exponent).toBeCloseTo(known.exponent, 6);
    expect(curve.capHoldFraction).toBeCloseTo(known.capHoldFraction, 9);
    expect(curve.clockPowerExponent).toBeCloseTo(known.clockPowerExponent, 6);
  });

  it('refuses data with no point pinned at the cap, or fewer than three below it', () => {
    const free = synthetic(1000).filter((p) => p.meanPowerW < 970);
    const pinned = synthetic(1000).filter((p) => p.meanPowerW >= 970);
    expect(() => fitPowerCurve(free, 1000)).toThrow(/pinned/);
    expect(() => fitPowerCurve([...free.slice(0, 2), ...pinned], 1000)).toThrow(/at least 3/);
  });
});
