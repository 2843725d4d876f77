/**
 * Stage 3, IT power: what the online accelerators and their hosts would draw.
 *
 *   b(t)        = min(1, busyFraction · shape[localHour(t)])   share of accelerators running jobs,
 *                 or busyFractionSeries[t] when the cluster simulator (src/cluster/) ran workloads
 *   P_run,p     = P_curve,p(dutyCycle, boardPower_p, cap_p)    a running accelerator, W (measured H200
 *                 curve with the chip's own idle share; see docs/power-curve.md)
 *   P_idle,p    = P_curve,p(0, boardPower_p, cap_p)            an idle one, W
 *   P_acc(t)    = Σ_p n_p(t) · (b·P_run,p + (1 − b)·P_idle,p)
 *   P_host(t)   = Σ_p n_p(t) · (H_idle,p + (H_max,p − H_idle,p) · b · dutyCycle)
 *                 hosts, NICs, switches, W: between the system's idle and full-load figures per
 *                 accelerator (catalog hostNetworkIdleWPerAccelerator / hostNetworkWPerAccelerator)
 *   IT demand   = (P_acc + P_host) / 10⁶ MW
 *   IT installed= Σ_p n_p(t) · (boardPower_p + H_max,p) / 10⁶ MW  (nameplate)
 *
 * The chip's idle share and the host's idle-to-maximum ratio come from the accelerator catalog by the
 * phase's accelerator id; a scenario's override of hostNetworkWPerAccelerator (H_max) keeps the
 * catalog's ratio, or holds the host at H_max where the catalog has no idle figure.
 */
import { acceleratorPowerCurve, getAccelerator } from '../catalog/accelerators.js';
import { acceleratorPowerW, type PowerCurve } from '../catalog/power-curve.js';
import type { EngineInputs, PhaseInputs, SiteInputs } from './inputs.js';
import type { SiteHourly } from './site-hourly.js';

/** The busy-fraction profile by local hour: busyFraction × shape normalised to mean 1, clipped to [0, 1]. */
export function busyByLocalHour(site: SiteInputs): Float64Array {
  const out = new Float64Array(24);
  const shape = site.hourlyShape;
  const mean = shape ? shape.reduce((a, b) => a + b, 0) / 24 : 1;
  for (let hr = 0; hr < 24; hr++) {
    const rel = shape && mean > 0 ? (shape[hr] as number) / mean : 1;
    out[hr] = Math.min(1, Math.max(0, site.busyFraction * rel));
  }
  return out;
}

/** The power curve of a phase's chip: the engine's curve with the catalog's idle share of that chip. */
export function phasePowerCurve(phase: Pick<PhaseInputs, 'acceleratorId'>, base: PowerCurve): PowerCurve {
  return acceleratorPowerCurve(phase.acceleratorId, base);
}

/** Host/network power per accelerator, W, at idle and at full load (see the file comment). */
export function hostPowerW(phase: Pick<PhaseInputs, 'acceleratorId' | 'hostNetworkWPerAccelerator'>): {
  idleW: number;
  maxW: number;
} {
  const maxW = phase.hostNetworkWPerAccelerator;
  const spec = getAccelerator(phase.acceleratorId);
  const catalogMax = spec?.hostNetworkWPerAccelerator.value;
  const catalogIdle = spec?.hostNetworkIdleWPerAccelerator.value;
  if (catalogMax === null || catalogMax === undefined || catalogIdle === null || catalogIdle === undefined)
    return { idleW: maxW, maxW };
  return { idleW: maxW * (catalogIdle / catalogMax), maxW };
}

/** Host power per accelerator at busy share b and duty cycle d, W: H_idle + (H_max − H_idle)·b·d. */
export function hostLoadW(host: { idleW: number; maxW: number }, busy: number, dutyCycle: number): number {
  return host.idleW + (host.maxW - host.idleW) * busy * dutyCycle;
}

export function itPowerStage(site: SiteInputs, inputs: EngineInputs, out: SiteHourly): void {
  const busy = busyByLocalHour(site);
  const series = site.busyFractionSeries;
  const d = site.dutyCycle;
  const busyFraction = out.busyFraction;
  if (series) copyHours(series, busyFraction, out.hours);
  else busyFromLocalHour(busy, out.localHour, busyFraction, out.hours);
  const phases = site.phases.length;
  const runW = new Float64Array(phases);
  const idleW = new Float64Array(phases);
  const hostIdleW = new Float64Array(phases);
  const hostSpanW = new Float64Array(phases);
  const fullMW = new Float64Array(phases);
  site.phases.forEach((phase, p) => {
    const curve = phasePowerCurve(phase, inputs.powerCurve);
    runW[p] = acceleratorPowerW(d, phase.boardPowerW, phase.powerCapW, curve);
    idleW[p] = acceleratorPowerW(0, phase.boardPowerW, phase.powerCapW, curve);
    const host = hostPowerW(phase);
    hostIdleW[p] = host.idleW;
    hostSpanW[p] = host.maxW - host.idleW;
    fullMW[p] = (phase.boardPowerW + host.maxW) / 1e6;
  });
  demandHours(
    out.hours,
    out.phaseOnline,
    busyFraction,
    runW,
    idleW,
    hostIdleW,
    hostSpanW,
    d,
    fullMW,
    out.acceleratorDemandMW,
    out.hostNetworkDemandMW,
    out.itInstalledMW,
    out.itDemandMW,
  );
}

/** out[h] = series[h] for h < hours (NaN past the series' end, as an indexed read gives). */
function copyHours(series: Float64Array, out: Float64Array, hours: number): void {
  for (let h = 0; h < hours; h++) out[h] = series[h] as number;
}

function busyFromLocalHour(
  busy: Float64Array,
  localHour: Uint8Array,
  out: Float64Array,
  hours: number,
): void {
  for (let h = 0; h < hours; h++) out[h] = busy[localHour[h] as number] as number;
}

/**
 * Every phase's accelerator, host and installed power, hour by hour, summed over the phases in their
 * order from zero (a phase adds nothing in hours it has none online): n·(b·P_run + (1 − b)·P_idle)/10⁶,
 * n·`hostLoadW`/10⁶ (H_idle + (H_max − H_idle)·b·d), n·full/10⁶; IT demand = accelerators + hosts.
 * One pass per phase; the first writes its terms added to zero instead of adding into zero-filled
 * columns: the same additions in the same order.
 */
function demandHours(
  hours: number,
  online: readonly Float64Array[],
  busyFraction: Float64Array,
  runW: Float64Array,
  idleW: Float64Array,
  hostIdleW: Float64Array,
  hostSpanW: Float64Array,
  d: number,
  fullMW: Float64Array,
  acceleratorDemandMW: Float64Array,
  hostNetworkDemandMW: Float64Array,
  itInstalledMW: Float64Array,
  itDemandMW: Float64Array,
): void {
  const phases = online.length;
  if (phases === 0) {
    acceleratorDemandMW.fill(0, 0, hours);
    hostNetworkDemandMW.fill(0, 0, hours);
    itInstalledMW.fill(0, 0, hours);
  }
  for (let p = 0; p < phases; p++)
    (p === 0 ? firstPhaseDemandHours : phaseDemandHours)(
      hours,
      online[p] as Float64Array,
      busyFraction,
      runW[p] as number,
      idleW[p] as number,
      hostIdleW[p] as number,
      hostSpanW[p] as number,
      d,
      fullMW[p] as number,
      acceleratorDemandMW,
      hostNetworkDemandMW,
      itInstalledMW,
    );
  sumInto(itDemandMW, acceleratorDemandMW, hostNetworkDemandMW, hours);
}

/** The first phase's terms added to zero, written into the site's columns. */
function firstPhaseDemandHours(
  hours: number,
  online: Float64Array,
  busyFraction: Float64Array,
  runW: number,
  idleW: number,
  hostIdleW: number,
  hostSpanW: number,
  d: number,
  fullMW: number,
  acceleratorDemandMW: Float64Array,
  hostNetworkDemandMW: Float64Array,
  itInstalledMW: Float64Array,
): void {
  for (let h = 0; h < hours; h++) {
    const n = online[h] as number;
    if (n === 0) {
      acceleratorDemandMW[h] = 0;
      hostNetworkDemandMW[h] = 0;
      itInstalledMW[h] = 0;
      continue;
    }
    const b = busyFraction[h] as number;
    acceleratorDemandMW[h] = 0 + (n * (b * runW + (1 - b) * idleW)) / 1e6;
    hostNetworkDemandMW[h] = 0 + (n * (hostIdleW + hostSpanW * b * d)) / 1e6;
    itInstalledMW[h] = 0 + n * fullMW;
  }
}

/** One later phase's terms added into the site's columns. */
function phaseDemandHours(
  hours: number,
  online: Float64Array,
  busyFraction: Float64Array,
  runW: number,
  idleW: number,
  hostIdleW: number,
  hostSpanW: number,
  d: number,
  fullMW: number,
  acceleratorDemandMW: Float64Array,
  hostNetworkDemandMW: Float64Array,
  itInstalledMW: Float64Array,
): void {
  for (let h = 0; h < hours; h++) {
    const n = online[h] as number;
    if (n === 0) continue;
    const b = busyFraction[h] as number;
    acceleratorDemandMW[h] = (acceleratorDemandMW[h] as number) + (n * (b * runW + (1 - b) * idleW)) / 1e6;
    hostNetworkDemandMW[h] = (hostNetworkDemandMW[h] as number) + (n * (hostIdleW + hostSpanW * b * d)) / 1e6;
    itInstalledMW[h] = (itInstalledMW[h] as number) + n * fullMW;
  }
}

/** out[h] = a[h] + b[h] for h < n. */
function sumInto(out: Float64Array, a: Float64Array, b: Float64Array, n: number): void {
  for (let h = 0; h < n; h++) out[h] = (a[h] as number) + (b[h] as number);
}
