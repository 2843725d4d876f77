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

/** An empty column: a phase or an output a kernel leaves out. */
const none = new Float64Array(0);

/**
 * Every phase's accelerator, host and installed power, hour by hour, summed over the phases in their
 * order from zero (a phase adds nothing in hours it has none online): n·(b·P_run + (1 − b)·P_idle)/10⁶,
 * n·`hostLoadW`/10⁶ (H_idle + (H_max − H_idle)·b·d), n·full/10⁶; IT demand = accelerators + hosts.
 * The first three phases in one pass over the hours (their terms in locals), any later phase added by
 * a pass of its own, then the IT demand: the same additions in the same order as one pass per phase
 * into zero-filled columns.
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
  firstPhasesDemandHours(
    hours,
    Math.min(phases, 3),
    online,
    busyFraction,
    runW,
    idleW,
    hostIdleW,
    hostSpanW,
    d,
    fullMW,
    acceleratorDemandMW,
    hostNetworkDemandMW,
    itInstalledMW,
    phases <= 3 ? itDemandMW : none,
  );
  if (phases <= 3) return;
  for (let p = 3; p < phases; p++)
    phaseDemandHours(
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

/**
 * Phases 0 … k − 1 (k ≤ 3) added to zero hour by hour, written into the site's columns; when they are
 * all the phases, the IT demand too (`itDemandMW` not empty).
 */
function firstPhasesDemandHours(
  hours: number,
  k: number,
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
  const demand = itDemandMW.length > 0;
  // Phases past k read an empty column and are never added (k is the loop's phase count).
  const o0 = k > 0 ? (online[0] as Float64Array) : none;
  const o1 = k > 1 ? (online[1] as Float64Array) : none;
  const o2 = k > 2 ? (online[2] as Float64Array) : none;
  const run0 = k > 0 ? (runW[0] as number) : 0;
  const run1 = k > 1 ? (runW[1] as number) : 0;
  const run2 = k > 2 ? (runW[2] as number) : 0;
  const idle0 = k > 0 ? (idleW[0] as number) : 0;
  const idle1 = k > 1 ? (idleW[1] as number) : 0;
  const idle2 = k > 2 ? (idleW[2] as number) : 0;
  const hostIdle0 = k > 0 ? (hostIdleW[0] as number) : 0;
  const hostIdle1 = k > 1 ? (hostIdleW[1] as number) : 0;
  const hostIdle2 = k > 2 ? (hostIdleW[2] as number) : 0;
  const hostSpan0 = k > 0 ? (hostSpanW[0] as number) : 0;
  const hostSpan1 = k > 1 ? (hostSpanW[1] as number) : 0;
  const hostSpan2 = k > 2 ? (hostSpanW[2] as number) : 0;
  const full0 = k > 0 ? (fullMW[0] as number) : 0;
  const full1 = k > 1 ? (fullMW[1] as number) : 0;
  const full2 = k > 2 ? (fullMW[2] as number) : 0;
  for (let h = 0; h < hours; h++) {
    const b = busyFraction[h] as number;
    let acc = 0;
    let host = 0;
    let installed = 0;
    if (k > 0) {
      const n = o0[h] as number;
      if (n !== 0) {
        acc = acc + (n * (b * run0 + (1 - b) * idle0)) / 1e6;
        host = host + (n * (hostIdle0 + hostSpan0 * b * d)) / 1e6;
        installed = installed + n * full0;
      }
      if (k > 1) {
        const n1 = o1[h] as number;
        if (n1 !== 0) {
          acc = acc + (n1 * (b * run1 + (1 - b) * idle1)) / 1e6;
          host = host + (n1 * (hostIdle1 + hostSpan1 * b * d)) / 1e6;
          installed = installed + n1 * full1;
        }
        if (k > 2) {
          const n2 = o2[h] as number;
          if (n2 !== 0) {
            acc = acc + (n2 * (b * run2 + (1 - b) * idle2)) / 1e6;
            host = host + (n2 * (hostIdle2 + hostSpan2 * b * d)) / 1e6;
            installed = installed + n2 * full2;
          }
        }
      }
    }
    acceleratorDemandMW[h] = acc;
    hostNetworkDemandMW[h] = host;
    itInstalledMW[h] = installed;
    if (demand) itDemandMW[h] = acc + host;
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
