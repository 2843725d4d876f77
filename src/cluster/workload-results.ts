/**
 * Per-workload results for `run --json` (`workloads`), from the cluster simulation and the hourly
 * engine's arrays of the same run (pure).
 *
 * Energy of a workload in hour h, with its busy accelerator-hours β (power-equivalent) and held
 * accelerator-hours η from the simulator, the pool's running and idle accelerator power P_run, P_idle
 * and host power P_host per accelerator (W), and the site's PUE(h) and grid carbon intensity c(h):
 *   IT MWh      = (β·P_run + (η − β)·P_idle + η·P_host) / 10⁶
 *   facility MWh = IT MWh · PUE(h)
 *   CO2 kg      = facility MWh · c(h)  (gCO2/kWh = kg/MWh)
 * energy per token (J) = Σ facility MWh · 3.6×10⁹ / tokens served; CO2 per million tokens likewise.
 */

import { HOUR_MS } from '../engine/series.js';
import type { SimulatedSite } from '../engine/simulate.js';
import type { ScenarioWorkloadRun } from './from-scenario.js';

export interface WorkloadSummary {
  readonly id: string;
  readonly kind: 'training' | 'inference';
  readonly site: string;
  readonly accelerator: string;
  /** Training: kept FLOP / FLOP its accelerators could do at full rate from start to end; null for inference. */
  readonly goodput: number | null;
  readonly effectiveTrainingTimePct: number | null;
  readonly startDate: string | null;
  /** Date (UTC) the last checkpoint completed; null if it cannot finish within the horizon. */
  readonly completionDate: string | null;
  /** Share of the run's FLOP kept by the end (100 when complete). */
  readonly progressPct: number | null;
  readonly interruptions: Record<string, number>;
  readonly interruptionsTotal: number;
  readonly checkpointOverheadHours: number | null;
  readonly keptWorkHours: number | null;
  readonly lostWorkHours: number | null;
  readonly restartHours: number | null;
  readonly waitingForSparesHours: number | null;
  readonly checkpointIntervalMinutes: number | null;
  readonly youngIntervalMinutes: number | null;
  readonly mtbfHours: number | null;
  readonly accelerators: number | null;
  readonly tokensServed: number | null;
  readonly shortfallHours: number | null;
  readonly peakAccelerators: number | null;
  readonly tokensPerSecondPerAccelerator: number | null;
  readonly energyPerTokenJ: number | null;
  readonly co2PerMillionTokensKg: number | null;
  /** Facility energy of the accelerators the workload held (busy and idle, with hosts and PUE), MWh. */
  readonly energyMWh: number;
  readonly co2Tonnes: number;
}

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function workloadSummaries(
  run: ScenarioWorkloadRun,
  /** By site index; only the workloads' sites are read (pue, carbonGPerKWh). */
  sites: readonly (SimulatedSite | undefined)[],
  startMs: number,
): WorkloadSummary[] {
  const { result, meta } = run;
  const jobs = new Map(result.jobs.map((j) => [j.spec.id, j]));
  const services = new Map(result.services.map((s) => [s.spec.id, s]));
  const trainingOut = new Map(result.training.map((t) => [t.id, t]));
  const inferenceOut = new Map(result.inference.map((t) => [t.id, t]));
  return meta.map((m) => {
    const hourly = sites[m.siteIndex]?.hourly;
    const held = (jobs.get(m.id) ?? services.get(m.id))?.heldAcceleratorHours;
    const busy = (jobs.get(m.id) ?? services.get(m.id))?.busyAcceleratorHours;
    let facilityMWh = 0;
    let co2Kg = 0;
    if (hourly && held && busy) {
      const { runW, idleW, hostW } = m.power;
      for (let h = 0; h < held.length; h++) {
        const eta = held[h] as number;
        if (eta <= 0) continue;
        const beta = Math.min(eta, busy[h] as number);
        const itMWh = (beta * runW + (eta - beta) * idleW + eta * hostW) / 1e6;
        const f = itMWh * ((hourly.pue[h] as number) || 1);
        facilityMWh += f;
        co2Kg += f * (hourly.carbonGPerKWh[h] as number);
      }
    }
    const base = {
      id: m.id,
      kind: m.kind,
      site: m.site,
      accelerator: m.accelerator,
      energyMWh: facilityMWh,
      co2Tonnes: co2Kg / 1000,
    };
    if (m.kind === 'training') {
      const t = trainingOut.get(m.id);
      if (!t) throw new Error(`no outcome for ${m.id}`);
      return {
        ...base,
        goodput: t.goodput,
        effectiveTrainingTimePct: t.effectiveTrainingTimePct,
        startDate: t.startedAtHours === null ? null : isoDate(startMs + t.startedAtHours * HOUR_MS),
        completionDate: t.completedAtHours === null ? null : isoDate(startMs + t.completedAtHours * HOUR_MS),
        progressPct: t.completedAtHours !== null ? 100 : (100 * t.committedFLOP) / t.totalFLOP,
        interruptions: t.interruptions,
        interruptionsTotal: t.interruptionsTotal,
        checkpointOverheadHours: t.checkpointOverheadHours,
        keptWorkHours: t.keptWorkHours,
        lostWorkHours: t.lostWorkHours,
        restartHours: t.restartHours,
        waitingForSparesHours: t.waitingForSparesHours,
        checkpointIntervalMinutes: m.checkpointIntervalMinutes ?? null,
        youngIntervalMinutes: m.youngIntervalMinutes ?? null,
        mtbfHours: m.mtbfHours ?? null,
        accelerators: m.accelerators ?? null,
        tokensServed: null,
        shortfallHours: null,
        peakAccelerators: null,
        tokensPerSecondPerAccelerator: null,
        energyPerTokenJ: null,
        co2PerMillionTokensKg: null,
      };
    }
    const s = inferenceOut.get(m.id);
    if (!s) throw new Error(`no outcome for ${m.id}`);
    const tokens = s.tokensServed;
    return {
      ...base,
      goodput: null,
      effectiveTrainingTimePct: null,
      startDate: null,
      completionDate: null,
      progressPct: null,
      interruptions: s.interruptions,
      interruptionsTotal: s.failures,
      checkpointOverheadHours: null,
      keptWorkHours: null,
      lostWorkHours: null,
      restartHours: null,
      waitingForSparesHours: null,
      checkpointIntervalMinutes: null,
      youngIntervalMinutes: null,
      mtbfHours: null,
      accelerators: null,
      tokensServed: tokens,
      shortfallHours: s.shortfallHours,
      peakAccelerators: m.peakAccelerators ?? null,
      tokensPerSecondPerAccelerator: m.tokensPerSecondPerAccelerator ?? null,
      energyPerTokenJ: tokens > 0 ? (facilityMWh * 3.6e9) / tokens : null,
      co2PerMillionTokensKg: tokens > 0 ? (co2Kg / tokens) * 1e6 : null,
    };
  });
}
