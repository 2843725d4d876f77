/**
 * Throughput per watt under a power cap (DVFS), from the measured accelerator power curve
 * (src/catalog/power-curve.ts, docs/power-curve.md: one H200 at 700 W, 657 TFLOP/s busy; the capped
 * clock loses throughput as F = ((h·C − P_idle)/(P_dem − P_idle))^(1/α), not linearly).
 *
 * For a running accelerator (duty cycle d) of board power B under cap C:
 *   P(C)        = min(B·(i + k·d^γ), h·C)                         W
 *   speed(C)    = F(d, C) / F(d, B)                               relative to the default cap
 *   TFLOP/s(C)  = peak · MFU · speed(C)
 *   per W       = TFLOP/s(C) / P(C)   and   / (P(C) + P_host)  with the host's share
 */
import {
  acceleratorPowerW,
  capThroughputFactor,
  H200_POWER_CURVE,
  minPowerCapW,
  type PowerCurve,
} from '../catalog/power-curve.js';

export interface CapPoint {
  readonly capW: number;
  readonly acceleratorW: number;
  /** Throughput relative to the board-power cap. */
  readonly relativeThroughput: number;
  readonly tflops: number;
  readonly tflopsPerW: number;
  /** Including host and network power per accelerator. */
  readonly tflopsPerITW: number;
}

export function capSweep(args: {
  capsW: readonly number[];
  boardPowerW: number;
  hostW: number;
  peakTFLOPS: number;
  mfu: number;
  dutyCycle?: number;
  curve?: PowerCurve;
}): CapPoint[] {
  const curve = args.curve ?? H200_POWER_CURVE;
  const d = args.dutyCycle ?? 1;
  const base = capThroughputFactor(d, args.boardPowerW, args.boardPowerW, curve);
  return args.capsW.map((capW) => {
    if (capW <= minPowerCapW(args.boardPowerW, curve))
      throw new RangeError(
        `power cap ${capW} W is at or below the idle draw of this accelerator; use more than ${Math.ceil(minPowerCapW(args.boardPowerW, curve))} W`,
      );
    const w = acceleratorPowerW(d, args.boardPowerW, capW, curve);
    const rel = capThroughputFactor(d, args.boardPowerW, capW, curve) / base;
    const tflops = args.peakTFLOPS * args.mfu * rel;
    return {
      capW: Math.min(capW, args.boardPowerW),
      acceleratorW: w,
      relativeThroughput: rel,
      tflops,
      tflopsPerW: tflops / w,
      tflopsPerITW: tflops / (w + args.hostW),
    };
  });
}
