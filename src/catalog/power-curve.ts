/**
 * Accelerator board power and throughput as functions of the busy fraction and the power cap,
 * fitted to one NVIDIA H200 (data/calibration, see docs/power-curve.md) and scaled to other chips by
 * their board power.
 *
 * With u the busy fraction (0..1), B the board power (W) and C the power cap (W, default B):
 *
 *   demand   P_dem(u) = B · (i + k · u^γ)           uncapped draw, W
 *   hold     P_hold   = h · min(C, B)               the limiter holds the card just under the cap, W
 *   power    P(u, C)  = min(P_dem(u), P_hold)       W
 *   factor   F(u, C)  = ((P_hold − P_idle) / (P_dem(u) − P_idle))^(1/α) when P_dem(u) > P_hold, else 1
 *
 * i = idleFraction, k = dynamicFraction, γ = exponent, h = capHoldFraction, α = clockPowerExponent,
 * P_idle = B·i. F is the throughput per busy second relative to the uncapped card.
 *
 * Guards (the same in both hot-loop functions, which allocate nothing):
 * - a non-finite argument, B ≤ 0 or C ≤ 0 throws a RangeError;
 * - u within 1e-9 of [0, 1] is clamped (float round-off from ratios); further outside throws;
 * - C above B is treated as B (the SXM parts' maximum power limit is their board power);
 * - C at or below the idle draw (h·C ≤ B·i, see `minPowerCapW`) throws: the driver refuses such limits
 *   and the model has no throughput there.
 */

/** Fitted constants of the power model, as fractions of board power (see the file comment). */
export interface PowerCurve {
  /** idle draw / board power, P_idle/B */
  readonly idleFraction: number;
  /** K/B, the dynamic power at u = 1 before the cap, as a fraction of board power */
  readonly dynamicFraction: number;
  /** γ in P_dem = P_idle + K·u^γ */
  readonly exponent: number;
  /** the limiter holds the card at this fraction of the cap (measured 691 of 700 W) */
  readonly capHoldFraction: number;
  /** α in F = (ΔP_allowed/ΔP_demand)^(1/α); throughput per busy second vs power above idle */
  readonly clockPowerExponent: number;
  readonly source: string;
}

/**
 * Fitted on data/calibration/h200_power_summary.json (one H200 SXM at its default 700 W limit) by
 * `npx tsx scripts/fit-power-curve.ts`; constants copied from its output (rounded to 6 decimals).
 * Board 700 W: idle 78.9 W, demand at u = 1 ≈ 865 W, held at 691 W, throughput at u = 1 ≈ 0.89 of uncapped.
 */
export const H200_POWER_CURVE: PowerCurve = {
  idleFraction: 0.112714,
  dynamicFraction: 1.123178,
  exponent: 0.8358,
  capHoldFraction: 0.987143,
  clockPowerExponent: 2.112801,
  source:
    'Fitted by least squares (scripts/fit-power-curve.ts) to data/calibration/h200_power_summary.json: one NVIDIA H200 SXM, 700 W limit, 8192³ bf16 GEMM at duty 0/25/50/75/100 %, NVML energy counter, 2026-11-26.',
};

/**
 * The measured curve given another chip's idle share i′ (catalog `idleFraction`): the idle draw moves to
 * B·i′ and the demand at full duty B·(i + k) is kept (k′ = i + k − i′), so the cap, the hold and the
 * throughput factor at full duty are those of the measured card; only the low end of the curve moves.
 * The measured H100 (i′ = 0.178) is then within 20 W of its probe at 25 % duty (docs/power-curve.md).
 */
export function chipPowerCurve(base: PowerCurve, idleFraction: number): PowerCurve {
  if (!(idleFraction >= 0 && idleFraction < base.capHoldFraction)) {
    throw new RangeError(
      `chipPowerCurve: idleFraction must be in [0, ${base.capHoldFraction}), got ${idleFraction}`,
    );
  }
  if (idleFraction === base.idleFraction) return base;
  return {
    ...base,
    idleFraction,
    dynamicFraction: base.idleFraction + base.dynamicFraction - idleFraction,
    source: `${base.source} Idle share set to ${idleFraction.toFixed(4)} of board power (chipPowerCurve).`,
  };
}

/** Busy fractions this far outside [0, 1] are float round-off and are clamped; further out is an error. */
const U_TOLERANCE = 1e-9;

function checkedBusyFraction(u: number, fn: string): number {
  if (!Number.isFinite(u)) throw new RangeError(`${fn}: busy fraction u must be finite, got ${u}`);
  if (u < 0) {
    if (u < -U_TOLERANCE) throw new RangeError(`${fn}: busy fraction u must be in [0, 1], got ${u}`);
    return 0;
  }
  if (u > 1) {
    if (u > 1 + U_TOLERANCE) throw new RangeError(`${fn}: busy fraction u must be in [0, 1], got ${u}`);
    return 1;
  }
  return u;
}

/** Cap as a fraction of board power, min(C, B)/B; throws on bad B or C (see the file comment). */
function checkedCapFraction(boardPowerW: number, capW: number, curve: PowerCurve, fn: string): number {
  if (!Number.isFinite(boardPowerW) || boardPowerW <= 0) {
    throw new RangeError(`${fn}: boardPowerW must be a positive finite number, got ${boardPowerW}`);
  }
  if (!Number.isFinite(capW) || capW <= 0) {
    throw new RangeError(`${fn}: capW must be a positive finite number, got ${capW}`);
  }
  const capFraction = capW >= boardPowerW ? 1 : capW / boardPowerW;
  if (curve.capHoldFraction * capFraction <= curve.idleFraction) {
    throw new RangeError(
      `${fn}: capW ${capW} W is at or below the idle draw (${curve.idleFraction * boardPowerW} W at board power ${boardPowerW} W); the lowest usable cap is above ${minPowerCapW(boardPowerW, curve)} W`,
    );
  }
  return capFraction;
}

/** The cap at which the held power h·C equals the idle draw, W: caps must be above this. */
export function minPowerCapW(boardPowerW: number, curve: PowerCurve = H200_POWER_CURVE): number {
  return (boardPowerW * curve.idleFraction) / curve.capHoldFraction;
}

/**
 * Accelerator board power in W at busy fraction u ∈ [0,1] under a power cap capW (default = boardPowerW):
 * P = min(B·(i + k·u^γ), h·min(C, B)).
 */
export function acceleratorPowerW(
  u: number,
  boardPowerW: number,
  capW: number = boardPowerW,
  curve: PowerCurve = H200_POWER_CURVE,
): number {
  const x = checkedBusyFraction(u, 'acceleratorPowerW');
  const capFraction = checkedCapFraction(boardPowerW, capW, curve, 'acceleratorPowerW');
  const demandFraction = curve.idleFraction + curve.dynamicFraction * x ** curve.exponent;
  const holdFraction = curve.capHoldFraction * capFraction;
  return boardPowerW * Math.min(demandFraction, holdFraction);
}

/**
 * Throughput per busy second relative to uncapped (1 = no loss), for the same arguments as
 * `acceleratorPowerW`: F = ((h·C/B − i)/(k·u^γ))^(1/α) when the demand exceeds the held power, else 1.
 */
export function capThroughputFactor(
  u: number,
  boardPowerW: number,
  capW: number = boardPowerW,
  curve: PowerCurve = H200_POWER_CURVE,
): number {
  const x = checkedBusyFraction(u, 'capThroughputFactor');
  const capFraction = checkedCapFraction(boardPowerW, capW, curve, 'capThroughputFactor');
  const dynamicDemand = curve.dynamicFraction * x ** curve.exponent;
  const dynamicAllowed = curve.capHoldFraction * capFraction - curve.idleFraction;
  if (dynamicDemand <= dynamicAllowed) return 1;
  return (dynamicAllowed / dynamicDemand) ** (1 / curve.clockPowerExponent);
}

// ---------------------------------------------------------------------------------------------------
// Calibration and fit

/** One measured phase: mean board power at a busy fraction, with its throughput and median SM clock. */
export interface CalibrationPoint {
  phase: string;
  /** busy fraction of wall time, 0..1 (0 = idle) */
  dutyCycle: number;
  /** mean board power over the phase, W (energy counter / seconds) */
  meanPowerW: number;
  /** delivered TFLOP/s averaged over wall time, null where not a FLOP workload */
  tflops: number | null;
  /** median SM clock over the phase's samples, MHz */
  smClockMHz: number | null;
}

/** A phase whose mean power is at least this fraction of the cap is pinned at the cap (limiter active). */
export const CAP_PINNED_FRACTION = 0.97;

/** Phases used for the fit: idle and the bf16 GEMM duty-cycle sweep (one workload, varied busy fraction). */
export const FIT_PHASE_PATTERN = /^(idle|gemm_bf16_duty\d+)$/;

/**
 * Turns the probe's raw outputs (h200_power_summary.json, parsed; h200_power_samples.csv, text) into
 * calibration points for the phases matching FIT_PHASE_PATTERN. Pure: the caller reads the files.
 * Idle has duty 0; power is the energy-counter mean; the clock is the median of the phase's samples.
 */
export function calibrationPointsFromProbe(summary: unknown, samplesCsv: string): CalibrationPoint[] {
  const phases = (summary as { phases?: unknown })?.phases;
  if (!Array.isArray(phases))
    throw new Error('calibration summary: expected an object with a `phases` array');
  const clocks = medianClockByPhase(samplesCsv);
  const points: CalibrationPoint[] = [];
  for (const raw of phases as Record<string, unknown>[]) {
    const phase = raw.phase;
    if (typeof phase !== 'string' || !FIT_PHASE_PATTERN.test(phase)) continue;
    const meanPowerW = raw.mean_power_w;
    if (typeof meanPowerW !== 'number')
      throw new Error(`calibration summary: phase ${phase} has no mean_power_w`);
    const dutyCycle = phase === 'idle' ? 0 : raw.duty;
    if (typeof dutyCycle !== 'number') throw new Error(`calibration summary: phase ${phase} has no duty`);
    const tflops =
      raw.throughput_unit === 'TFLOP/s' && typeof raw.throughput === 'number' ? raw.throughput : null;
    points.push({ phase, dutyCycle, meanPowerW, tflops, smClockMHz: clocks.get(phase) ?? null });
  }
  return points;
}

function medianClockByPhase(csv: string): Map<string, number> {
  const lines = csv.trim().split(/\r?\n/);
  const header = (lines[0] ?? '').split(',');
  const phaseCol = header.indexOf('phase');
  const clockCol = header.indexOf('sm_clock_mhz');
  if (phaseCol < 0 || clockCol < 0)
    throw new Error('calibration samples: expected columns phase, sm_clock_mhz');
  const byPhase = new Map<string, number[]>();
  for (let i = 1; i < lines.length; i++) {
    const cells = (lines[i] as string).split(',');
    const clock = Number(cells[clockCol]);
    const phase = cells[phaseCol];
    if (phase === undefined || !Number.isFinite(clock)) continue;
    const list = byPhase.get(phase) ?? [];
    list.push(clock);
    byPhase.set(phase, list);
  }
  const medians = new Map<string, number>();
  for (const [phase, list] of byPhase) {
    list.sort((a, b) => a - b);
    const mid = list.length >> 1;
    medians.set(
      phase,
      list.length % 2 === 1 ? (list[mid] as number) : ((list[mid - 1] as number) + (list[mid] as number)) / 2,
    );
  }
  return medians;
}

export interface PowerCurveFit {
  curve: PowerCurve;
  /** per point: measured mean power and the model's min(P_dem, h·C), W */
  residualsW: { phase: string; measuredW: number; modelW: number }[];
  rmseW: number;
  /** per GEMM point: measured and modelled TFLOP/s per busy second (tflops / duty) */
  throughputPerBusySecond: { phase: string; measuredTFLOPS: number; modelTFLOPS: number }[];
  /** uncapped TFLOP/s per busy second: mean over the points below the cap */
  uncappedTFLOPSPerBusySecond: number;
}

/**
 * Least-squares fit of the power curve to calibration points measured at cap capW (W; for the
 * bundled data the default limit, equal to board power, so fractions are of capW).
 *
 * 1. Points with mean power ≥ CAP_PINNED_FRACTION·capW are pinned at the cap: h = their mean power / capW.
 * 2. For each γ, (P_idle, K) is the linear least-squares line of power on u^γ over the unpinned points;
 *    γ minimises the sum of squared power residuals of P = min(P_dem, h·capW) over all points
 *    (coarse grid on [0.2, 4], then golden section).
 * 3. α: the busy-second throughput r = tflops/duty; r₀ = mean r over the unpinned points; 1/α is the
 *    least-squares slope through the origin of ln(r/r₀) on ln((h·capW − P_idle)/(P_dem − P_idle)) over
 *    the pinned points.
 */
export function fitPowerCurve(points: readonly CalibrationPoint[], capW: number): PowerCurveFit {
  if (!Number.isFinite(capW) || capW <= 0)
    throw new RangeError(`fitPowerCurve: capW must be positive, got ${capW}`);
  for (const p of points) {
    if (!(p.dutyCycle >= 0 && p.dutyCycle <= 1) || !Number.isFinite(p.meanPowerW)) {
      throw new RangeError(
        `fitPowerCurve: point ${p.phase} needs dutyCycle in [0,1] and a finite meanPowerW`,
      );
    }
  }
  const pinned = points.filter((p) => p.meanPowerW >= CAP_PINNED_FRACTION * capW);
  const free = points.filter((p) => p.meanPowerW < CAP_PINNED_FRACTION * capW);
  if (pinned.length === 0)
    throw new Error('fitPowerCurve: no point is pinned at the cap; cannot fit capHoldFraction');
  if (free.length < 3)
    throw new Error('fitPowerCurve: need at least 3 points below the cap (idle and two loads)');
  const holdW = mean(pinned.map((p) => p.meanPowerW));

  const lineFor = (gamma: number) => {
    const xs = free.map((p) => p.dutyCycle ** gamma);
    const ys = free.map((p) => p.meanPowerW);
    const mx = mean(xs);
    const my = mean(ys);
    let sxy = 0;
    let sxx = 0;
    for (let i = 0; i < xs.length; i++) {
      sxy += ((xs[i] as number) - mx) * ((ys[i] as number) - my);
      sxx += ((xs[i] as number) - mx) ** 2;
    }
    const dynamicW = sxy / sxx;
    return { idleW: my - dynamicW * mx, dynamicW };
  };
  const sse = (gamma: number) => {
    const { idleW, dynamicW } = lineFor(gamma);
    let s = 0;
    for (const p of points)
      s += (Math.min(idleW + dynamicW * p.dutyCycle ** gamma, holdW) - p.meanPowerW) ** 2;
    return s;
  };

  // Coarse grid, then golden section around the best grid point.
  let best = 0.2;
  for (let g = 0.2; g <= 4 + 1e-12; g += 0.01) if (sse(g) < sse(best)) best = g;
  let lo = Math.max(0.05, best - 0.01);
  let hi = best + 0.01;
  const phi = (Math.sqrt(5) - 1) / 2;
  while (hi - lo > 1e-12) {
    const a = hi - phi * (hi - lo);
    const b = lo + phi * (hi - lo);
    if (sse(a) < sse(b)) hi = b;
    else lo = a;
  }
  const gamma = (lo + hi) / 2;
  const { idleW, dynamicW } = lineFor(gamma);
  const demandW = (u: number) => idleW + dynamicW * u ** gamma;

  // Throughput per busy second below the cap (reference) and at the cap (fits α).
  const busyRate = (p: CalibrationPoint) => (p.tflops as number) / p.dutyCycle;
  const freeRates = free.filter((p) => p.tflops !== null && p.dutyCycle > 0).map(busyRate);
  if (freeRates.length === 0)
    throw new Error('fitPowerCurve: need a throughput below the cap as the reference');
  const r0 = mean(freeRates);
  let sxy = 0;
  let sxx = 0;
  for (const p of pinned) {
    if (p.tflops === null || p.dutyCycle <= 0 || demandW(p.dutyCycle) <= holdW) continue;
    const x = Math.log((holdW - idleW) / (demandW(p.dutyCycle) - idleW));
    sxy += x * Math.log(busyRate(p) / r0);
    sxx += x * x;
  }
  if (sxx === 0 || sxy <= 0)
    throw new Error('fitPowerCurve: no capped point with a throughput loss to fit α');
  const alpha = sxx / sxy;

  const curve: PowerCurve = {
    idleFraction: idleW / capW,
    dynamicFraction: dynamicW / capW,
    exponent: gamma,
    capHoldFraction: holdW / capW,
    clockPowerExponent: alpha,
    source: `least-squares fit to ${points.length} calibration points at a ${capW} W cap`,
  };
  const residualsW = points.map((p) => ({
    phase: p.phase,
    measuredW: p.meanPowerW,
    modelW: acceleratorPowerW(p.dutyCycle, capW, capW, curve),
  }));
  const rmseW = Math.sqrt(mean(residualsW.map((r) => (r.modelW - r.measuredW) ** 2)));
  const throughputPerBusySecond = points
    .filter((p) => p.tflops !== null && p.dutyCycle > 0)
    .map((p) => ({
      phase: p.phase,
      measuredTFLOPS: busyRate(p),
      modelTFLOPS: r0 * capThroughputFactor(p.dutyCycle, capW, capW, curve),
    }));
  return { curve, residualsW, rmseW, throughputPerBusySecond, uncappedTFLOPSPerBusySecond: r0 };
}

function mean(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}
