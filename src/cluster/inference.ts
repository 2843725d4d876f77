/**
 * An inference service in the cluster simulator, and the demand model that sizes it.
 *
 * Demand (tokens/s) in simulated hour h, with local hour ℓ, local weekday w and years since start y:
 *   D(h) = D₀ · daily[ℓ]/mean(daily) · weekly[w]/mean(weekly) · (1 + g)^y
 * Capacity of one accelerator (tokens/s), a roofline of compute and HBM traffic:
 *   c = min(peak·MFU / FLOP per token, HBM bandwidth·η / HBM bytes per token)
 * Units needed (capacity, no headroom) u(h) = D(h) / (c · accelerators per unit); units held
 * ⌈u(h)·(1 + headroom)⌉. An hour is short when fewer units are up than u(h) (evaluated at the start
 * of the hour); tokens served that hour = min(D, capacity up) × 3,600 s.
 * Accounting starts with the first unit of the service's pool online (no shortfall before the site
 * exists). Busy accelerators (for power) are the served share: min(u, up)·accelerators per unit; the other held
 * accelerators idle at P(0).
 */

import type { InferenceSpec } from './cluster-spec.js';
import { cumulativeCauseRates } from './failure-model.js';

export class InferenceService {
  held = 0;
  failToken = 0;
  heldSince = 0;
  shortfallHours = 0;
  /** Σ over short hours of the missing capacity as a share of demand (hours × share). */
  unservedDemandHours = 0;
  tokensServed = 0;
  failures = 0;
  readonly interruptions = new Map<string, number>();
  readonly causeCumulative: Float64Array;
  readonly failuresPerUnitHour: number;
  readonly busyAcceleratorHours: Float64Array;
  readonly heldAcceleratorHours: Float64Array;

  constructor(
    readonly spec: InferenceSpec,
    readonly index: number,
    readonly acceleratorsPerUnit: number,
    hours: number,
    recordHourly: boolean,
  ) {
    this.causeCumulative = cumulativeCauseRates(spec.failure);
    this.failuresPerUnitHour =
      (this.causeCumulative[this.causeCumulative.length - 1] ?? 0) * acceleratorsPerUnit;
    this.busyAcceleratorHours = new Float64Array(recordHourly ? hours : 0);
    this.heldAcceleratorHours = new Float64Array(recordHourly ? hours : 0);
  }

  /** Adds held accelerator-hours from `heldSince` to `now` (same hour). Call before `held` changes. */
  accrueHeld(now: number, hour: number): void {
    const dt = now - this.heldSince;
    if (dt > 0 && this.held > 0 && hour >= 0 && hour < this.heldAcceleratorHours.length) {
      this.heldAcceleratorHours[hour] =
        (this.heldAcceleratorHours[hour] as number) + dt * this.held * this.acceleratorsPerUnit;
    }
    this.heldSince = now;
  }

  /** Accounts hour h at its start: shortfall, tokens served and busy accelerators. */
  serveHour(h: number): void {
    const demand = this.spec.demandUnits[h] as number;
    const served = Math.min(demand, this.held);
    if (this.held < demand) {
      this.shortfallHours++;
      this.unservedDemandHours += demand > 0 ? (demand - this.held) / demand : 0;
    }
    this.tokensServed += served * this.spec.tokensPerUnitHour;
    if (h < this.busyAcceleratorHours.length)
      this.busyAcceleratorHours[h] = served * this.acceleratorsPerUnit;
  }

  countInterruption(cause: string): void {
    this.failures++;
    this.interruptions.set(cause, (this.interruptions.get(cause) ?? 0) + 1);
  }
}

/** Tokens/s one accelerator serves: the lower of its compute and HBM rooflines. */
export function tokensPerSecondPerAccelerator(args: {
  peakFLOPS: number;
  mfu: number;
  flopPerToken: number;
  hbmBandwidthBytesPerS?: number;
  hbmEfficiency?: number;
  hbmBytesPerToken?: number;
}): { tokensPerS: number; boundBy: 'compute' | 'memory' } {
  const compute = (args.peakFLOPS * args.mfu) / args.flopPerToken;
  if (args.hbmBytesPerToken && args.hbmBandwidthBytesPerS) {
    const memory = (args.hbmBandwidthBytesPerS * (args.hbmEfficiency ?? 1)) / args.hbmBytesPerToken;
    if (memory < compute) return { tokensPerS: memory, boundBy: 'memory' };
  }
  return { tokensPerS: compute, boundBy: 'compute' };
}

/** The demand shape D(h)/D₀ for each simulated hour (see the file comment). */
export function demandShape(args: {
  hours: number;
  /** Local hour of day 0..23 of each simulated hour. */
  localHour: (h: number) => number;
  /** Local weekday 0 = Monday .. 6 = Sunday of each simulated hour. */
  weekday: (h: number) => number;
  daily?: readonly number[];
  weekly?: readonly number[];
  annualGrowth: number;
}): Float64Array {
  const norm = (xs: readonly number[] | undefined, n: number) => {
    if (!xs) return new Float64Array(n).fill(1);
    const m = xs.reduce((a, b) => a + b, 0) / n;
    return Float64Array.from(xs, (x) => (m > 0 ? x / m : 1));
  };
  const daily = norm(args.daily, 24);
  const weekly = norm(args.weekly, 7);
  const out = new Float64Array(args.hours);
  const growthPerHour = Math.log1p(args.annualGrowth) / 8766;
  for (let h = 0; h < args.hours; h++) {
    out[h] =
      (daily[args.localHour(h)] as number) *
      (weekly[args.weekday(h)] as number) *
      (args.annualGrowth === 0 ? 1 : Math.exp(growthPerHour * h));
  }
  return out;
}

/** What an inference service achieved. */
export interface InferenceOutcome {
  readonly id: string;
  readonly tokensServed: number;
  readonly shortfallHours: number;
  /** Σ over hours of the unserved share of demand, hours. */
  readonly unservedDemandHours: number;
  readonly failures: number;
  readonly interruptions: Record<string, number>;
}

export function inferenceOutcome(s: InferenceService): InferenceOutcome {
  const interruptions: Record<string, number> = {};
  for (const [k, v] of [...s.interruptions.entries()].sort((a, b) => b[1] - a[1])) interruptions[k] = v;
  return {
    id: s.spec.id,
    tokensServed: s.tokensServed,
    shortfallHours: s.shortfallHours,
    unservedDemandHours: s.unservedDemandHours,
    failures: s.failures,
    interruptions,
  };
}
