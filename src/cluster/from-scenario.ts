/**
 * Builds the cluster simulator's input from a scenario with `workloads`, runs it, and turns its busy
 * time into the hourly busy-fraction series that the hourly engine uses for power (pure, no I/O).
 *
 * - One pool per (site, accelerator type) at every site a workload uses; units = ⌊accelerators online
 *   / accelerators per scheduling unit⌋ (catalog `schedulingUnit`: 8-GPU server, NVL72 rack...).
 * - Units that no workload holds run the site's `utilisation.busyFraction` of other work (the
 *   background); set it to 0 to see the workloads alone. The hourly shape applies only without
 *   workloads.
 * - A training run on n accelerators works at n·peak·MFU·k FLOP/s, k the capped-clock factor of the
 *   phase's standing power cap (as in the compute stage). Its interval defaults to Young's optimum
 *   √(2·δ·M), M = 1/(n·λ) its mean time between interruptions.
 * - Curtailment: the site's hourly request f(t) (share of IT power to shed, from the grid-side
 *   schedule of src/engine/flexibility/, or given by the caller) slows training: with the 'power-cap'
 *   action a running accelerator sheds f of its IT power, P = P_run − f·(P_run + P_host), at the cap
 *   that holds P, and runs at F(cap)/F(standing cap) of its speed (measured H200 curve,
 *   docs/power-curve.md); below the lowest usable cap, and with 'pause', it pauses. Inference keeps
 *   running (it has priority). The engine's grid-side stage sheds the power itself, so here the busy
 *   series is not reduced (no double count).
 */
import { acceleratorPowerCurve, getAccelerator } from '../catalog/accelerators.js';
import {
  acceleratorPowerW,
  capThroughputFactor,
  minPowerCapW,
  type PowerCurve,
} from '../catalog/power-curve.js';
import { environmentStage } from '../engine/environment.js';
import { phaseOnlineAt } from '../engine/fleet.js';
import { curtailmentSchedule } from '../engine/flexibility/schedule.js';
import type { EngineInputs, SiteInputs } from '../engine/inputs.js';
import { HOUR_MS, isoDateMs } from '../engine/series.js';
import { allocateSiteHourly } from '../engine/site-hourly.js';
import type { Scenario } from '../model/scenario.js';
import type { InferenceWorkload, TrainingWorkload } from '../model/workload-schema.js';
import type { ClusterSpec, CurtailResponse, InferenceSpec, PoolSpec, TrainingSpec } from './cluster-spec.js';
import {
  checkpointIntervalHours,
  type FailureModel,
  jobMtbfHours,
  llama3FailureModel,
  youngIntervalHours,
} from './failure-model.js';
import { demandShape, tokensPerSecondPerAccelerator } from './inference.js';
import { busyFractionSeries, type ClusterResult, simulateCluster, siteBusyHours } from './simulator.js';

/** Power figures of one accelerator type at a site (its first phase of that type). */
export interface PoolPower {
  readonly boardPowerW: number;
  readonly capW: number;
  readonly hostW: number;
  readonly runW: number;
  readonly idleW: number;
  readonly dutyCycle: number;
  readonly curve: PowerCurve;
}

export interface WorkloadMeta {
  readonly id: string;
  readonly kind: 'training' | 'inference';
  readonly site: string;
  readonly siteIndex: number;
  readonly accelerator: string;
  readonly pool: number;
  readonly power: PoolPower;
  /** Training: accelerators (whole units), interval used and the analytic optima. */
  readonly accelerators?: number;
  readonly checkpointIntervalMinutes?: number;
  readonly youngIntervalMinutes?: number;
  readonly mtbfHours?: number;
  /** Inference: capacity per accelerator and what bounds it, peak units held. */
  readonly tokensPerSecondPerAccelerator?: number;
  readonly boundBy?: 'compute' | 'memory';
  readonly peakUnits?: number;
  readonly peakAccelerators?: number;
}

export interface ScenarioWorkloadRun {
  readonly spec: ClusterSpec;
  readonly result: ClusterResult;
  readonly meta: readonly WorkloadMeta[];
  /** Engine inputs with each workload site's `busyFractionSeries` set. */
  readonly engine: EngineInputs;
  /** Per site a workload uses, accelerators online per hour (the engine's fleet count); else undefined. */
  readonly acceleratorsOnline: readonly (Float64Array | undefined)[];
}

export interface WorkloadRunOptions {
  /** Per site id, an hourly curtailment request (replaces the grid-side schedule of that site). */
  readonly curtailRequestFraction?: Readonly<Record<string, Float64Array>>;
  /** Ignore the sites' curtailment policies (the "without curtailment" case). */
  readonly ignoreCurtailment?: boolean;
  readonly seed?: number;
  /**
   * Simulate every failure and repair event of the background fleet (units no workload will use
   * again) instead of their expectation (`SimulateOptions.backgroundExpectation`; docs/workloads.md
   * gives the measured difference). Default false: the fast path.
   */
  readonly exact?: boolean;
}

function failureFor(w: TrainingWorkload | InferenceWorkload): FailureModel {
  return llama3FailureModel({
    rateScale: w.failures.rateScale,
    ...(w.failures.ratesPerAcceleratorHour
      ? { ratesPerAcceleratorHour: w.failures.ratesPerAcceleratorHour as Record<string, number> }
      : {}),
    repairHours: w.failures.repairHours,
  });
}

/** The accelerator type a workload runs on: given, or the only type at its site. */
export function workloadAccelerator(
  w: { accelerator?: string | undefined },
  site: { phases: readonly { accelerator: string }[] },
): string | undefined {
  if (w.accelerator) return w.accelerator;
  const types = [...new Set(site.phases.map((p) => p.accelerator))];
  return types.length === 1 ? types[0] : undefined;
}

/** Dense peak FLOP/s of an accelerator at a precision, with the scenario's overrides. */
export function peakFLOPSFor(scenario: Scenario, accelerator: string, precision: 'bf16' | 'fp8'): number {
  const over = scenario.acceleratorOverrides?.[accelerator as keyof typeof scenario.acceleratorOverrides];
  const spec = getAccelerator(accelerator);
  const tflops =
    precision === 'fp8'
      ? (over?.fp8DenseTFLOPS ?? spec?.fp8DenseTFLOPS.value)
      : (over?.bf16DenseTFLOPS ?? spec?.bf16DenseTFLOPS.value);
  if (typeof tflops !== 'number') throw new Error(`${accelerator} has no dense ${precision} throughput`);
  return tflops * 1e12;
}

function poolPower(site: SiteInputs, accelerator: string, base: PowerCurve): PoolPower {
  const phase = site.phases.find((p) => p.acceleratorId === accelerator);
  if (!phase) throw new Error(`site ${site.id} has no ${accelerator}`);
  const curve = acceleratorPowerCurve(accelerator, base);
  return {
    boardPowerW: phase.boardPowerW,
    capW: phase.powerCapW,
    hostW: phase.hostNetworkWPerAccelerator,
    runW: acceleratorPowerW(site.dutyCycle, phase.boardPowerW, phase.powerCapW, curve),
    idleW: acceleratorPowerW(0, phase.boardPowerW, phase.powerCapW, curve),
    dutyCycle: site.dutyCycle,
    curve,
  };
}

/**
 * A running accelerator's response to a request to shed f of its IT power (see the file comment).
 * `busyEquivalent` is the power-equivalent busy share (for standalone use); `throughput` is relative
 * to the standing cap.
 */
export function curtailResponseFor(
  power: PoolPower,
  f: number,
  mode: 'power-cap' | 'pause',
): CurtailResponse {
  if (!(f > 0)) return { throughput: 1, busyEquivalent: 1 };
  if (mode === 'pause') return { throughput: 0, busyEquivalent: 0 };
  const target = power.runW - f * (power.runW + power.hostW);
  const capW = target / power.curve.capHoldFraction;
  if (capW <= minPowerCapW(power.boardPowerW, power.curve) * 1.0001 || target <= power.idleW)
    return { throughput: 0, busyEquivalent: 0 };
  const at = capThroughputFactor(power.dutyCycle, power.boardPowerW, capW, power.curve);
  const base = capThroughputFactor(power.dutyCycle, power.boardPowerW, power.capW, power.curve);
  const p = acceleratorPowerW(power.dutyCycle, power.boardPowerW, capW, power.curve);
  return {
    throughput: Math.min(1, at / base),
    busyEquivalent: Math.max(0, Math.min(1, (p - power.idleW) / (power.runW - power.idleW))),
  };
}

/** Runs the scenario's workloads; returns the cluster result and the engine inputs with busy series. */
/** Per used site: its local hours (for demand shapes), its curtailment request and how it curtails. */
function siteEnvironments(
  engine: EngineInputs,
  usedSites: readonly number[],
  options: WorkloadRunOptions,
): {
  localHours: Map<number, Uint8Array>;
  curtail: (Float64Array | undefined)[];
  modes: ('power-cap' | 'pause')[];
} {
  const hours = engine.hours;
  // Scratch environment per used site: local hours (demand shapes) and the curtailment schedule.
  const localHours = new Map<number, Uint8Array>();
  const curtail: (Float64Array | undefined)[] = engine.sites.map(() => undefined);
  const modes: ('power-cap' | 'pause')[] = engine.sites.map(() => 'power-cap');
  for (const i of usedSites) {
    const site = engine.sites[i] as SiteInputs;
    const scratch = allocateSiteHourly(site.id, engine.startMs, hours, site.phases.length, false);
    environmentStage(site, engine.replay, scratch);
    localHours.set(i, scratch.localHour);
    const given = options.curtailRequestFraction?.[site.id];
    const flex = site.gridSide?.flexibility;
    if (options.ignoreCurtailment) continue;
    if (given) curtail[i] = given;
    else if (flex && flex.action !== 'onsite' && flex.policies.length > 0)
      curtail[i] = curtailmentSchedule(site.gridSide, scratch, engine.replay).curtailRequestFraction;
    if (flex?.action === 'pause') modes[i] = 'pause';
  }

  return { localHours, curtail, modes };
}

/** One pool per accelerator type per used site: units online by hour, failures, power along its curve. */
function scenarioPools(
  engine: EngineInputs,
  usedSites: readonly number[],
): { pools: PoolSpec[]; powers: PoolPower[]; poolIndex: Map<string, number> } {
  const hours = engine.hours;
  const pools: PoolSpec[] = [];
  const powers: PoolPower[] = [];
  const poolIndex = new Map<string, number>();
  for (const i of usedSites) {
    const site = engine.sites[i] as SiteInputs;
    const sitePower = new Map<string, PoolPower>();
    for (const acc of new Set(site.phases.map((p) => p.acceleratorId))) {
      const perUnit = getAccelerator(acc)?.schedulingUnit.accelerators ?? 1;
      const online = new Float64Array(hours);
      for (let h = 0; h < hours; h++) {
        let n = 0;
        for (const p of site.phases)
          if (p.acceleratorId === acc)
            n += phaseOnlineAt(p.count, p.onlineMs, p.rampDays, engine.startMs + h * HOUR_MS);
        online[h] = Math.floor(n / perUnit);
      }
      const power = poolPower(site, acc, engine.powerCurve);
      sitePower.set(acc, power);
      poolIndex.set(`${i}/${acc}`, pools.length);
      powers.push(power);
      pools.push({
        id: `${site.id}/${acc}`,
        site: i,
        acceleratorsPerUnit: perUnit,
        unitsOnline: online,
        failure: llama3FailureModel(),
        backgroundBusyFraction: site.busyFraction,
        curtail: (f, mode) => ({ ...curtailResponseFor(power, f, mode), busyEquivalent: 1 }),
      });
    }
  }

  return { pools, powers, poolIndex };
}

/** What a workload runs on: its site, accelerator type, pool and the pool's power and failures. */
interface Placement {
  readonly i: number;
  readonly site: SiteInputs;
  readonly acc: string;
  readonly p: number;
  readonly power: PoolPower;
  readonly perUnit: number;
  readonly failure: FailureModel;
}

/** A training workload as the simulator's job, with what the run reports about it. */
function trainingJob(
  w: TrainingWorkload,
  at: Placement,
  scenario: Scenario,
  engine: EngineInputs,
  mode: 'power-cap' | 'pause',
): { job: TrainingSpec; meta: WorkloadMeta } {
  const { i, site, acc, p, power, perUnit, failure } = at;
  const total = site.phases.filter((x) => x.acceleratorId === acc).reduce((s, x) => s + x.count, 0);
  const accelerators = w.count ?? Math.max(1, Math.round((w.share ?? 1) * total));
  const units = Math.ceil(accelerators / perUnit);
  const capFactor =
    capThroughputFactor(power.dutyCycle, power.boardPowerW, power.capW, power.curve) /
    capThroughputFactor(power.dutyCycle, power.boardPowerW, power.boardPowerW, power.curve);
  const mtbf = jobMtbfHours(failure, units * perUnit);
  const writeH = w.checkpointWriteMinutes / 60;
  const young = youngIntervalHours(writeH, mtbf);
  const intervalH = checkpointIntervalHours(w.checkpointIntervalMinutes, writeH, mtbf);
  const job: TrainingSpec = {
    id: w.id,
    pool: p,
    units,
    startHours: w.start === 'asap' ? 0 : Math.max(0, (isoDateMs(w.start) - engine.startMs) / HOUR_MS),
    totalFLOP: w.totalFLOP,
    flopPerUnitHour: perUnit * peakFLOPSFor(scenario, acc, w.precision) * w.mfu * capFactor * 3600,
    checkpointIntervalHours: intervalH,
    checkpointWriteHours: writeH,
    restartHours: w.restartMinutes / 60,
    failure,
    curtailMode: mode,
  };
  const meta: WorkloadMeta = {
    id: w.id,
    kind: 'training',
    site: w.site,
    siteIndex: i,
    accelerator: acc,
    pool: p,
    power,
    accelerators: units * perUnit,
    checkpointIntervalMinutes: intervalH * 60,
    youngIntervalMinutes: young * 60,
    mtbfHours: mtbf,
  };
  return { job, meta };
}

/** An inference workload as the simulator's service: demand in units by hour from its shape. */
function inferenceService(
  w: InferenceWorkload,
  at: Placement,
  scenario: Scenario,
  engine: EngineInputs,
  local: Uint8Array,
): { service: InferenceSpec; meta: WorkloadMeta } {
  const { i, site, acc, p, power, perUnit, failure } = at;
  const hours = engine.hours;
  const spec = getAccelerator(acc);
  const bw = spec?.hbmBandwidthTBps.value;
  const cap = tokensPerSecondPerAccelerator({
    peakFLOPS: peakFLOPSFor(scenario, acc, w.precision),
    mfu: w.mfu,
    flopPerToken: w.flopPerToken,
    ...(w.hbmBytesPerToken !== undefined && typeof bw === 'number'
      ? {
          hbmBytesPerToken: w.hbmBytesPerToken,
          hbmBandwidthBytesPerS: bw * 1e12,
          hbmEfficiency: w.hbmEfficiency,
        }
      : {}),
  });
  const tz = site.weather.tzOffsetHours;
  const shape = demandShape({
    hours,
    localHour: (h) => local[h] as number,
    weekday: (h) => (new Date(engine.startMs + (h + tz) * HOUR_MS).getUTCDay() + 6) % 7,
    ...(w.dailyShape ? { daily: w.dailyShape } : {}),
    ...(w.weeklyShape ? { weekly: w.weeklyShape } : {}),
    annualGrowth: w.annualGrowth,
  });
  const unitTokensPerS = cap.tokensPerS * perUnit;
  const demandUnits = new Float64Array(hours);
  const targetUnits = new Float64Array(hours);
  let peak = 0;
  for (let h = 0; h < hours; h++) {
    const u = (w.tokensPerSecond * (shape[h] as number)) / unitTokensPerS;
    demandUnits[h] = u;
    const t = u > 0 ? Math.ceil(u * (1 + w.headroom) - 1e-9) : 0;
    targetUnits[h] = t;
    if (t > peak) peak = t;
  }
  const service: InferenceSpec = {
    id: w.id,
    pool: p,
    demandUnits,
    targetUnits,
    allocation: 'dynamic',
    preemptsTraining: w.priority === 'above-training',
    tokensPerUnitHour: unitTokensPerS * 3600,
    failure,
  };
  const meta: WorkloadMeta = {
    id: w.id,
    kind: 'inference',
    site: w.site,
    siteIndex: i,
    accelerator: acc,
    pool: p,
    power,
    tokensPerSecondPerAccelerator: cap.tokensPerS,
    boundBy: cap.boundBy,
    peakUnits: peak,
    peakAccelerators: peak * perUnit,
  };
  return { service, meta };
}

/** Accelerators online by hour at each site that runs workloads (undefined elsewhere). */
function acceleratorsOnlineBySite(
  engine: EngineInputs,
  usedSites: readonly number[],
): (Float64Array | undefined)[] {
  const hours = engine.hours;
  return engine.sites.map((site, i) => {
    if (!usedSites.includes(i)) return undefined;
    const online = new Float64Array(hours);
    for (let h = 0; h < hours; h++) {
      let n = 0;
      for (const p of site.phases)
        n += phaseOnlineAt(p.count, p.onlineMs, p.rampDays, engine.startMs + h * HOUR_MS);
      online[h] = n;
    }
    return online;
  });
}

export function simulateScenarioWorkloads(
  scenario: Scenario,
  engine: EngineInputs,
  options: WorkloadRunOptions = {},
): ScenarioWorkloadRun {
  const workloads = scenario.workloads ?? [];
  const siteIds = scenario.sites.map((s) => s.id);
  const usedSites = [...new Set(workloads.map((w) => siteIds.indexOf(w.site)))].filter((i) => i >= 0);
  const { localHours, curtail, modes } = siteEnvironments(engine, usedSites, options);
  const { pools, powers, poolIndex } = scenarioPools(engine, usedSites);

  const training: TrainingSpec[] = [];
  const inference: InferenceSpec[] = [];
  const meta: WorkloadMeta[] = [];
  for (const w of workloads) {
    const i = siteIds.indexOf(w.site);
    const siteScenario = scenario.sites[i];
    const acc = siteScenario ? workloadAccelerator(w, siteScenario) : undefined;
    const p = poolIndex.get(`${i}/${acc}`);
    if (!siteScenario || !acc || p === undefined)
      throw new Error(`workload ${w.id}: no accelerators (validate first)`);
    const at: Placement = {
      i,
      site: engine.sites[i] as SiteInputs,
      acc,
      p,
      power: powers[p] as PoolPower,
      perUnit: (pools[p] as PoolSpec).acceleratorsPerUnit,
      failure: failureFor(w),
    };
    if (w.kind === 'training') {
      const t = trainingJob(w, at, scenario, engine, modes[i] ?? 'power-cap');
      training.push(t.job);
      meta.push(t.meta);
    } else {
      const s = inferenceService(w, at, scenario, engine, localHours.get(i) as Uint8Array);
      inference.push(s.service);
      meta.push(s.meta);
    }
  }

  const spec: ClusterSpec = {
    hours: engine.hours,
    sites: siteIds,
    pools,
    training,
    inference,
    curtailRequestFraction: curtail,
    seed: options.seed ?? 1,
  };
  const result = simulateCluster(spec, { backgroundExpectation: !options.exact });
  const acceleratorsOnline = acceleratorsOnlineBySite(engine, usedSites);
  return {
    spec,
    result,
    meta,
    engine: withBusySeries(engine, result, acceleratorsOnline),
    acceleratorsOnline,
  };
}

/** Engine inputs with each workload site's busy-fraction series from the simulation. */
function withBusySeries(
  engine: EngineInputs,
  result: ClusterResult,
  acceleratorsOnline: readonly (Float64Array | undefined)[],
): EngineInputs {
  const sites = engine.sites.map((site, i) => {
    const online = acceleratorsOnline[i];
    if (online === undefined) return site;
    const at = (h: number) => online[h] as number;
    return { ...site, busyFractionSeries: busyFractionSeries(result, i, at, site.busyFraction) };
  });
  return { ...engine, sites };
}

/**
 * A finished workload simulation on other engine inputs that differ from its own only in what the
 * simulator does not read (the sites' background busy fraction, the compute MFU, costs, cooling...):
 * the busy accelerator-hours are rebuilt for the new background fractions (linear in them, no event
 * changes: `siteBusyHours`) and the busy series recomputed from the kept accelerators-online series
 * (the phases are among what the simulator reads). Equal, bit for bit, to simulating again.
 */
export function rebaseWorkloadRun(run: ScenarioWorkloadRun, engine: EngineInputs): ScenarioWorkloadRun {
  const background = run.spec.pools.map((p) => engine.sites[p.site]?.busyFraction ?? 0);
  const same = run.spec.pools.every((p, i) => p.backgroundBusyFraction === background[i]);
  const spec: ClusterSpec = same
    ? run.spec
    : {
        ...run.spec,
        pools: run.spec.pools.map((p, i) => ({ ...p, backgroundBusyFraction: background[i] ?? 0 })),
      };
  const result: ClusterResult = same
    ? run.result
    : { ...run.result, siteBusyAcceleratorHours: siteBusyHours(run.spec, run.result, background) };
  return {
    spec,
    result,
    meta: run.meta,
    engine: withBusySeries(engine, result, run.acceleratorsOnline),
    acceleratorsOnline: run.acceleratorsOnline,
  };
}
