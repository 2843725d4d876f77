/**
 * Applying a curtailment schedule to the IT load (after the IT stage, before the facility stage).
 *
 * With request f(t) (share of IT demand P_IT to shed) and the site's busy fraction b, per phase p:
 * n_p accelerators of board power B_p with standing cap C0_p, running power P_run,p(C) and idle power
 * P_idle,p from the measured curve (src/catalog/power-curve.ts) at the site's duty cycle d.
 *
 * - `pause`: checkpoint and idle a share Δb of the accelerators,
 *     Δb = min(b, f·P_IT / Σ_p n_p (P_run,p − P_idle,p + (H_max,p − H_idle,p)·d));  b ← b − Δb
 *   (host power follows b as in the IT stage, src/engine/it-power.ts).
 *   Compute falls with b (the compute stage counts running accelerators). Checkpoint and restart
 *   overheads are not modelled here (the cluster simulator of issue 4 does).
 * - `power-cap`: lower every accelerator's cap to the same share c of its board power,
 *     Σ_p n_p b (P_run,p(C0_p) − P_run,p(min(C0_p, c·B_p))) = f·P_IT,   solved by bisection on c;
 *   throughput of a running accelerator falls by F_p(c·B_p)/F_p(C0_p), F the capped-clock throughput
 *   factor of the same curve (H200 probe: 657 TFLOP/s at its 700 W cap, 368 TFLOP/s at 519 W / 50 % duty).
 *   If even c = minCapFraction does not shed enough, the cap stays there and the rest is met by pausing
 *   (as above, at the capped running power). Idle draw is below any allowed cap and does not change.
 * - `onsite`: the IT load does not change; the supply stage takes f of the facility load off the grid.
 *
 * Carbon shifting's make-up r(t) (pause and power-cap actions) runs idle accelerators:
 *     Δb = min(1 − b, r·P_IT / Σ_p n_p (P_run,p − P_idle,p));  b ← b + Δb.
 *
 * Outputs per hour: IT power shed and added (MW), the compute lost at full service (FLOP; negative when
 * work is made up), and the part of it that comes from capped clocks (which the compute stage, counting
 * only running accelerators at their standing cap, does not see).
 */
import { acceleratorPowerW, capThroughputFactor, type PowerCurve } from '../../catalog/power-curve.js';
import { runningFLOPS } from '../compute.js';
import type { FlexibilityInputs } from '../grid-side-inputs.js';
import type { EngineInputs, SiteInputs } from '../inputs.js';
import { hostLoadW, hostPowerW, phasePowerCurve } from '../it-power.js';
import type { SiteHourly } from '../site-hourly.js';

export interface AppliedCurtailment {
  readonly shedITMW: Float64Array;
  readonly addedITMW: Float64Array;
  /** Compute the site would have delivered at full service without the schedule, FLOP. */
  readonly baselineFLOP: Float64Array;
  /** Compute lost to the schedule at full service, FLOP (negative where work is made up). */
  readonly lostFLOPAtFullService: Float64Array;
  /** The part of the loss due to capped clocks, FLOP at full service. */
  readonly capLossFLOPAtFullService: Float64Array;
}

interface PhaseTerms {
  readonly online: Float64Array;
  readonly board: number;
  readonly cap0: number;
  readonly runW: number;
  readonly idleW: number;
  readonly perRunningHourFLOP: number;
  readonly curve: PowerCurve;
  readonly host: { idleW: number; maxW: number };
}

export function applyCurtailment(
  site: SiteInputs,
  inputs: EngineInputs,
  flex: FlexibilityInputs | undefined,
  request: Float64Array,
  recover: Float64Array,
  out: SiteHourly,
): AppliedCurtailment {
  const n = out.hours;
  const res: AppliedCurtailment = {
    shedITMW: new Float64Array(n),
    addedITMW: new Float64Array(n),
    baselineFLOP: new Float64Array(n),
    lostFLOPAtFullService: new Float64Array(n),
    capLossFLOPAtFullService: new Float64Array(n),
  };
  const d = site.dutyCycle;
  const phases: PhaseTerms[] = site.phases.map((ph, p) => {
    const curve = phasePowerCurve(ph, inputs.powerCurve);
    return {
      curve,
      host: hostPowerW(ph),
      online: out.phaseOnline[p] as Float64Array,
      board: ph.boardPowerW,
      cap0: ph.powerCapW,
      runW: acceleratorPowerW(d, ph.boardPowerW, ph.powerCapW, curve),
      idleW: acceleratorPowerW(0, ph.boardPowerW, ph.powerCapW, curve),
      perRunningHourFLOP: runningFLOPS(ph, d, inputs.mfu, curve) * 3600,
    };
  });
  const capW = (ph: PhaseTerms, c: number) => Math.min(ph.cap0, c * ph.board);
  const action = flex?.action ?? 'power-cap';
  for (let h = 0; h < n; h++) {
    const b0 = out.busyFraction[h] as number;
    let full = 0;
    for (const ph of phases) full += (ph.online[h] as number) * b0 * ph.perRunningHourFLOP;
    res.baselineFLOP[h] = full;
    const f = request[h] as number;
    const r = recover[h] as number;
    const itDemand = out.itDemandMW[h] as number;
    if ((f <= 0 && r <= 0) || itDemand <= 0 || flex === undefined || action === 'onsite') continue;
    // W per unit of busy fraction between running and idle, summed over phases.
    const swingW = (c: number) =>
      phases.reduce(
        (s, ph) =>
          s +
          (ph.online[h] as number) *
            (acceleratorPowerW(d, ph.board, capW(ph, c), ph.curve) -
              ph.idleW +
              (ph.host.maxW - ph.host.idleW) * d),
        0,
      );
    let b1 = b0;
    let c = 1;
    if (f > 0) {
      const targetW = f * itDemand * 1e6;
      if (action === 'power-cap') {
        const shedAt = (x: number) =>
          phases.reduce(
            (s, ph) =>
              s +
              (ph.online[h] as number) *
                b0 *
                (ph.runW - acceleratorPowerW(d, ph.board, capW(ph, x), ph.curve)),
            0,
          );
        const cMin = flex.minCapFraction;
        if (shedAt(cMin) >= targetW) {
          let lo = cMin;
          let hi = 1;
          for (let it = 0; it < 50; it++) {
            const mid = (lo + hi) / 2;
            if (shedAt(mid) >= targetW) lo = mid;
            else hi = mid;
          }
          c = lo;
        } else {
          c = cMin;
          const rest = targetW - shedAt(cMin);
          const swing = swingW(cMin);
          b1 = swing > 0 ? b0 - Math.min(b0, rest / swing) : b0;
        }
      } else {
        const swing = swingW(1);
        b1 = swing > 0 ? b0 - Math.min(b0, targetW / swing) : b0;
      }
    } else if (r > 0) {
      const swing = swingW(1);
      b1 = swing > 0 ? Math.min(1, b0 + (r * itDemand * 1e6) / swing) : b0;
    }
    let accW = 0;
    let hostW = 0;
    let lost = 0;
    let capLoss = 0;
    for (const ph of phases) {
      const online = ph.online[h] as number;
      if (online === 0) continue;
      const cw = capW(ph, c);
      const run = acceleratorPowerW(d, ph.board, cw, ph.curve);
      accW += online * (b1 * run + (1 - b1) * ph.idleW);
      hostW += online * hostLoadW(ph.host, b1, d);
      const ratio =
        c < 1
          ? capThroughputFactor(d, ph.board, cw, ph.curve) /
            capThroughputFactor(d, ph.board, ph.cap0, ph.curve)
          : 1;
      const cl = online * b1 * ph.perRunningHourFLOP * (1 - ratio);
      capLoss += cl;
      lost += online * (b0 - b1) * ph.perRunningHourFLOP + cl;
    }
    const newIT = (accW + hostW) / 1e6;
    out.hostNetworkDemandMW[h] = hostW / 1e6;
    out.busyFraction[h] = b1;
    out.acceleratorDemandMW[h] = accW / 1e6;
    out.itDemandMW[h] = newIT;
    if (newIT < itDemand) res.shedITMW[h] = itDemand - newIT;
    else res.addedITMW[h] = newIT - itDemand;
    res.lostFLOPAtFullService[h] = lost;
    res.capLossFLOPAtFullService[h] = capLoss;
  }
  return res;
}
