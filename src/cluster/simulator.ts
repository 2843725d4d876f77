/**
 * The event-driven cluster simulator: scheduling units fail and are repaired, training jobs work,
 * checkpoint, lose work and restart, inference services follow their demand, hour by hour the fleet
 * grows and the grid may ask for curtailment. Time is in hours from the start; events pop from one
 * priority queue keyed on (time, insertion order), so a seed gives one result.
 *
 * Failure processes are aggregated where that is exact in distribution. Each unit fails as an
 * independent Poisson process at a·λ per hour (a accelerators per unit). The superposition of n such
 * processes is a Poisson process at n·a·λ, and the unit that failed is uniform among the n (all rates
 * equal), so a job holding n units, a service holding n units and a free pool of n units each need
 * only one pending failure event. When n changes the pending event is redrawn for the new rate, which
 * is exact because the exponential is memoryless. Repairs are one event per unit taken out.
 * Each failure process's pending event is a keyed event of the queue (one key per pool, job and
 * service), replaced in place when redrawn, so redraws leave no stale events in the heap.
 *
 * Event kinds: HOUR (fleet growth, curtailment, inference targets and accounting), TIMER (end of a
 * job's work window, checkpoint or restart), JOB_FAIL, SERVICE_FAIL, POOL_FAIL (a free unit), and
 * REPAIR (a unit comes back: to the service it came from while that is below target, else to the
 * free pool, which first serves services, then jobs waiting for spares, then jobs waiting to start).
 */
import type { ClusterSpec, CurtailResponse, PoolSpec } from './cluster-spec.js';
import { EventQueue } from './event-queue.js';
import type { FailureModel } from './failure-model.js';
import { type InferenceOutcome, InferenceService, inferenceOutcome } from './inference.js';
import { Rng } from './rng.js';
import { JobState, TrainingJob, type TrainingOutcome, trainingOutcome } from './training.js';

const HOUR = 0;
const TIMER = 1;
const JOB_FAIL = 2;
const SERVICE_FAIL = 3;
const POOL_FAIL = 4;
const REPAIR = 5;

/** Origin code of a repaired unit that returns to the free pool. */
const TO_POOL = -1;

const NO_CURTAIL: CurtailResponse = { throughput: 1, busyEquivalent: 1 };

export interface PoolOutcome {
  readonly id: string;
  /** Failures of free (spare or background) units, by cause. */
  readonly freeUnitFailures: number;
  /** Unit-repairs started (all origins). */
  readonly repairs: number;
  /** Largest number of units in repair at once. */
  readonly peakUnitsInRepair: number;
}

export interface ClusterResult {
  readonly hours: number;
  /** Events handled (stale events of redrawn failure processes and cancelled timers not counted). */
  readonly events: number;
  /** Events popped from the queue, stale ones included. */
  readonly eventsPopped: number;
  readonly training: readonly TrainingOutcome[];
  readonly inference: readonly InferenceOutcome[];
  readonly pools: readonly PoolOutcome[];
  /**
   * Per site, per hour: power-equivalent busy accelerator-hours of everything the simulator placed
   * (workloads, plus the background share of units no workload holds), and the accelerator-hours
   * installed in whole units. Divide to get the busy fraction (see `busyFractionSeries`).
   */
  readonly siteBusyAcceleratorHours: readonly Float64Array[];
  readonly siteUnitAcceleratorHours: readonly Float64Array[];
  /**
   * Per pool, per hour: accelerator-hours of free units (those no workload holds: they run the
   * background share), and the power-equivalent factor the curtailment response leaves them (1 when
   * not curtailed). The background busy fraction enters only as a factor on these, so the busy series
   * for another background fraction is rebuilt from them without re-simulating (`siteBusyHours`).
   * Empty arrays when the spec does not record hourly series.
   */
  readonly poolFreeAcceleratorHours: readonly Float64Array[];
  readonly poolBackgroundFactor: readonly Float64Array[];
  /** The job and service state objects (hourly per-workload arrays), for energy accounting. */
  readonly jobs: readonly TrainingJob[];
  readonly services: readonly InferenceService[];
}

class Pool {
  free = 0;
  inRepair = 0;
  added = 0;
  failToken = 0;
  freeSince = 0;
  freeFailures = 0;
  repairs = 0;
  peakInRepair = 0;
  /**
   * Background mode (see `SimulateOptions.backgroundExpectation`): no job or service will use the pool
   * again, so its failures and repairs follow their expectation; `free` is then a real number.
   */
  expected = false;
  /** Expected units in repair (background mode). */
  expectedInRepair = 0;
  readonly cumulative: Float64Array;
  readonly failuresPerUnitHour: number;
  /** Failures per unit-hour of the causes that take the unit out for repair. */
  readonly repairsPerUnitHour: number;
  constructor(
    readonly failure: FailureModel,
    readonly acceleratorsPerUnit: number,
  ) {
    this.cumulative = new Float64Array(failure.causes.length);
    let s = 0;
    failure.causes.forEach((c, i) => {
      s += c.ratePerAcceleratorHour;
      this.cumulative[i] = s;
    });
    this.failuresPerUnitHour = s * acceleratorsPerUnit;
    this.repairsPerUnitHour =
      failure.causes.reduce((t, c) => t + (c.replacesUnit ? c.ratePerAcceleratorHour : 0), 0) *
      acceleratorsPerUnit;
  }
}

export interface SimulateOptions {
  /**
   * Fast path for the background fleet: once every training job of a pool has finished and the pool
   * serves no inference, its units only fail and are repaired while running background work; their
   * only effect is on the free accelerator-hours. Those failures and repairs are then replaced by
   * their expectation: with N units, R in repair, failure rate λ per unit-hour (causes that take the
   * unit out) and mean repair time τ, dR/dt = λ(N − R) − R/τ, integrated exactly hour by hour
   * (steady state R = Nλτ/(1 + λτ)). Workloads are unchanged; the other pools see a different
   * random stream from then on. Default false (the exact event-driven simulation).
   */
  readonly backgroundExpectation?: boolean;
}

export function simulateCluster(spec: ClusterSpec, options: SimulateOptions = {}): ClusterResult {
  return new Simulator(spec, options).run();
}

class Simulator {
  private readonly q = new EventQueue(4096);
  private readonly rng: Rng;
  private readonly pools: Pool[];
  private readonly jobs: TrainingJob[];
  private readonly services: InferenceService[];
  private readonly jobsByPool: TrainingJob[][];
  private readonly servicesByPool: InferenceService[][];
  private readonly siteBusy: Float64Array[];
  private readonly siteUnits: Float64Array[];
  private readonly poolFree: Float64Array[];
  private readonly poolFactor: Float64Array[];
  /** Hour the accruals currently go to. */
  private hour = 0;
  private events = 0;
  private popped = 0;
  /** Free-unit-hours per pool in the current hour (for the background busy share). */
  private readonly poolFreeHours: Float64Array;
  /** Queue keys of the failure processes: pool p, job j, service s. */
  private readonly poolKey0: number;
  private readonly jobKey0: number;
  private readonly serviceKey0: number;
  /**
   * Replaced failure events that a queue keeping them (skipping them when popped) would have popped:
   * those before the horizon's hour tick, and the sequence numbers of those exactly at the horizon
   * (resolved against the tick's sequence number at the end). Keeps `eventsPopped` as it was defined.
   */
  private staleBeforeHorizon = 0;
  private readonly staleAtHorizonSeq: number[] = [];
  private horizonTickSeq = Number.POSITIVE_INFINITY;

  constructor(
    private readonly spec: ClusterSpec,
    private readonly options: SimulateOptions = {},
  ) {
    if (!(spec.hours > 0)) throw new RangeError(`cluster: hours must be > 0, got ${spec.hours}`);
    this.rng = new Rng(spec.seed);
    const record = spec.recordHourly ?? true;
    this.pools = spec.pools.map((p) => new Pool(p.failure, p.acceleratorsPerUnit));
    this.jobs = spec.training.map((t, i) => {
      const pool = spec.pools[t.pool];
      if (!pool) throw new RangeError(`training ${t.id}: no pool ${t.pool}`);
      return new TrainingJob(t, i, pool.acceleratorsPerUnit, spec.hours, record);
    });
    this.services = spec.inference.map((s, i) => {
      const pool = spec.pools[s.pool];
      if (!pool) throw new RangeError(`inference ${s.id}: no pool ${s.pool}`);
      return new InferenceService(s, i, pool.acceleratorsPerUnit, spec.hours, record);
    });
    this.jobsByPool = spec.pools.map((_, p) => this.jobs.filter((j) => j.spec.pool === p));
    this.servicesByPool = spec.pools.map((_, p) => this.services.filter((s) => s.spec.pool === p));
    this.siteBusy = spec.sites.map(() => new Float64Array(spec.hours));
    this.siteUnits = spec.sites.map(() => new Float64Array(spec.hours));
    this.poolFree = spec.pools.map(() => new Float64Array(record ? spec.hours : 0));
    this.poolFactor = spec.pools.map(() => new Float64Array(record ? spec.hours : 0));
    this.poolFreeHours = new Float64Array(spec.pools.length);
    this.poolKey0 = this.q.reserveKeys(spec.pools.length);
    this.jobKey0 = this.q.reserveKeys(spec.training.length);
    this.serviceKey0 = this.q.reserveKeys(spec.inference.length);
  }

  /** Notes the pending event of `key` (about to be replaced or cancelled) as a stale one. */
  private dropKeyed(key: number): void {
    const q = this.q;
    if (!q.hasKey(key)) return;
    // the run ends when the tick of the first whole hour ≥ the horizon pops
    const end = Math.ceil(this.spec.hours);
    const t = q.keyTime(key);
    if (t < end) this.staleBeforeHorizon++;
    else if (t === end) this.staleAtHorizonSeq.push(q.keySeq(key));
  }

  /** Replaces the failure event of `key` with one at `t` (or cancels it: t undefined). */
  private rescheduleFailure(key: number, t: number | undefined, kind: number, target: number, token: number) {
    this.dropKeyed(key);
    if (t === undefined) this.q.cancel(key);
    else this.q.schedule(key, t, kind, target, token);
  }

  run(): ClusterResult {
    const q = this.q;
    q.push(0, HOUR, 0);
    for (let p = 0; p < this.pools.length; p++) this.maybeExpect(p, 0);
    while (q.pop()) {
      this.popped++;
      const now = q.time;
      switch (q.kind) {
        case HOUR:
          this.events++;
          if (this.onHour(q.target, now)) continue;
          return this.finish();
        case TIMER: {
          const job = this.jobs[q.target] as TrainingJob;
          if (q.token === job.timerToken) {
            this.events++;
            this.onTimer(job, now);
          }
          break;
        }
        case JOB_FAIL: {
          const job = this.jobs[q.target] as TrainingJob;
          if (q.token === job.failToken) {
            this.events++;
            this.onJobFailure(job, now);
          }
          break;
        }
        case SERVICE_FAIL: {
          const s = this.services[q.target] as InferenceService;
          if (q.token === s.failToken) {
            this.events++;
            this.onServiceFailure(s, now);
          }
          break;
        }
        case POOL_FAIL: {
          const pool = this.pools[q.target] as Pool;
          if (q.token === pool.failToken) {
            this.events++;
            this.onPoolFailure(q.target, now);
          }
          break;
        }
        case REPAIR:
          this.events++;
          this.onRepair(q.target, q.payload, now); // a repair carries the pool it came from
          break;
      }
    }
    return this.finish();
  }

  // ------------------------------------------------------------------ hour ticks

  /** Processes the tick at the start of hour h; false at the horizon. */
  private onHour(h: number, now: number): boolean {
    // close the previous hour's accruals
    for (const job of this.jobs) {
      if (job.state === JobState.Working) job.accrue(now, this.hour);
      job.accrueHeld(now, this.hour);
    }
    for (const s of this.services) s.accrueHeld(now, this.hour);
    for (let p = 0; p < this.pools.length; p++) this.accrueFree(p, now);
    if (h > 0) this.closeHourBusy(h - 1);
    if (h >= this.spec.hours) return false;
    this.hour = h;

    // fleet growth
    const poolSpecs = this.spec.pools;
    for (let p = 0; p < poolSpecs.length; p++) {
      const ps = poolSpecs[p] as (typeof poolSpecs)[number];
      const pool = this.pools[p] as Pool;
      const online = typeof ps.unitsOnline === 'number' ? ps.unitsOnline : (ps.unitsOnline[h] as number) || 0;
      const add = Math.floor(online) - pool.added;
      if (add > 0) {
        pool.added += add;
        this.changeFree(p, add, now);
      }
    }

    // curtailment: the response of working jobs this hour
    for (const job of this.jobs) {
      const r = this.curtailResponse(job, h);
      if (r.throughput !== job.throughput || r.busyEquivalent !== job.busyEquivalent)
        job.setRate(r.throughput, r.busyEquivalent);
    }

    // inference targets (dynamic services), then the free pools
    for (const s of this.services) {
      const target = s.spec.targetUnits[h] as number;
      if (s.spec.allocation === 'fixed') {
        if (h === 0) this.takeForService(s, target, now);
        continue;
      }
      if (s.held > target) {
        const extra = s.held - target;
        this.setServiceHeld(s, target, now);
        this.changeFree(s.spec.pool, extra, now);
      } else if (s.held < target) {
        this.takeForService(s, target, now);
        if (s.held < target && s.spec.preemptsTraining) this.preemptFor(s, target, now);
      }
    }
    for (let p = 0; p < this.pools.length; p++) this.dispatch(p, now);
    // a service starts with the first units of its pool: no shortfall before the site has any
    for (const s of this.services) if ((this.pools[s.spec.pool] as Pool).added > 0) s.serveHour(h);
    const seq = this.q.push(h + 1, HOUR, h + 1);
    if (h + 1 >= this.spec.hours) this.horizonTickSeq = seq;
    return true;
  }

  private curtailResponse(job: TrainingJob, h: number): CurtailResponse {
    const ps = this.spec.pools[job.spec.pool];
    const c = this.spec.curtailRequestFraction?.[ps?.site ?? -1]?.[h] ?? 0;
    if (!(c > 0) || !ps?.curtail) return NO_CURTAIL;
    return ps.curtail(Math.min(1, c), job.spec.curtailMode ?? 'power-cap');
  }

  /** Sums the busy accelerator-hours of hour h over workloads and background, per site. */
  private closeHourBusy(h: number): void {
    const poolSpecs = this.spec.pools;
    for (let p = 0; p < poolSpecs.length; p++) {
      const ps = poolSpecs[p] as (typeof poolSpecs)[number];
      const site = ps.site;
      const busy = this.siteBusy[site] as Float64Array;
      const units = this.siteUnits[site] as Float64Array;
      const pool = this.pools[p] as Pool;
      units[h] = (units[h] as number) + pool.added * ps.acceleratorsPerUnit;
      const c = this.spec.curtailRequestFraction?.[site]?.[h] ?? 0;
      const factor = c > 0 && ps.curtail ? ps.curtail(Math.min(1, c), 'power-cap').busyEquivalent : 1;
      const free = (this.poolFreeHours[p] as number) * ps.acceleratorsPerUnit;
      (this.poolFree[p] as Float64Array)[h] = free;
      (this.poolFactor[p] as Float64Array)[h] = factor;
      busy[h] =
        (busy[h] as number) +
        poolHourBusy(
          free,
          ps.backgroundBusyFraction * factor,
          this.jobsByPool[p] as TrainingJob[],
          this.servicesByPool[p] as InferenceService[],
          h,
        );
      this.poolFreeHours[p] = 0;
    }
  }

  // ------------------------------------------------------------------ the free pool

  private accrueFree(p: number, now: number): void {
    const pool = this.pools[p] as Pool;
    const dt = now - pool.freeSince;
    if (dt > 0) {
      if (pool.expected) this.accrueExpected(p, pool, dt);
      else this.poolFreeHours[p] = (this.poolFreeHours[p] as number) + dt * pool.free;
    }
    pool.freeSince = now;
  }

  /**
   * Background mode over dt hours: free unit-hours = ∫(N − R)dt with R(t) = R* + (R0 − R*)e^{−kt},
   * k = λ + 1/τ, R* = Nλ/k; expected repairs started = λ∫(N − R)dt.
   */
  private accrueExpected(p: number, pool: Pool, dt: number): void {
    const lambda = pool.repairsPerUnitHour;
    const n = pool.free + pool.expectedInRepair;
    const k = lambda + 1 / pool.failure.repairHours;
    const rStar = (n * lambda) / k;
    const decay = Math.exp(-k * dt);
    const r0 = pool.expectedInRepair;
    const inRepairHours = rStar * dt + ((r0 - rStar) * (1 - decay)) / k;
    const freeHours = n * dt - inRepairHours;
    this.poolFreeHours[p] = (this.poolFreeHours[p] as number) + freeHours;
    pool.repairs += lambda * freeHours;
    pool.freeFailures += pool.failuresPerUnitHour * freeHours;
    pool.expectedInRepair = rStar + (r0 - rStar) * decay;
    pool.free = n - pool.expectedInRepair;
    if (pool.expectedInRepair > pool.peakInRepair) pool.peakInRepair = pool.expectedInRepair;
  }

  /** Switches pool p to background mode when the option is on and no workload will use it again. */
  private maybeExpect(p: number, now: number): void {
    const pool = this.pools[p] as Pool;
    if (!this.options.backgroundExpectation || pool.expected) return;
    if ((this.servicesByPool[p] as InferenceService[]).length > 0) return;
    for (const job of this.jobsByPool[p] as TrainingJob[]) if (job.state !== JobState.Done) return;
    if (pool.failure.repairHours <= 0) return;
    this.accrueFree(p, now);
    pool.expected = true;
    // every unit is free or in repair now; repairs in flight return through the expectation
    pool.expectedInRepair = pool.inRepair;
    pool.failToken++;
    this.rescheduleFailure(this.poolKey0 + p, undefined, POOL_FAIL, p, pool.failToken);
  }

  /** Adds (or removes, delta < 0) free units and redraws the pool's failure event. */
  private changeFree(p: number, delta: number, now: number): void {
    const pool = this.pools[p] as Pool;
    this.accrueFree(p, now);
    pool.free += delta;
    if (pool.expected) return;
    pool.failToken++;
    this.rescheduleFailure(
      this.poolKey0 + p,
      pool.free > 0 && pool.failuresPerUnitHour > 0
        ? now + this.rng.exponential(pool.free * pool.failuresPerUnitHour)
        : undefined,
      POOL_FAIL,
      p,
      pool.failToken,
    );
  }

  /** Hands free units out: services (priority), jobs waiting for spares, jobs waiting to start, services. */
  private dispatch(p: number, now: number): void {
    const pool = this.pools[p] as Pool;
    this.serveServices(p, true, now);
    for (const job of this.jobsByPool[p] as TrainingJob[]) {
      if (pool.free <= 0) break;
      if (job.state !== JobState.Waiting || job.need <= 0) continue;
      const take = Math.min(job.need, pool.free);
      this.changeFree(p, -take, now);
      job.need -= take;
      this.setJobHeld(job, job.held + take, now);
      if (job.need === 0) {
        job.enter(JobState.Restarting, now);
        this.setTimer(job, now + job.spec.restartHours);
      }
    }
    for (const job of this.jobsByPool[p] as TrainingJob[]) {
      if (job.state !== JobState.Pending || job.spec.startHours > now + 1e-9) continue;
      if (pool.free < job.spec.units) continue;
      this.changeFree(p, -job.spec.units, now);
      this.setJobHeld(job, job.spec.units, now);
      if (job.startedAt === null) {
        job.startedAt = now;
        job.enter(JobState.Working, now);
        this.startWindow(job, now);
      } else {
        // back after a preemption: restart from the last checkpoint
        job.enter(JobState.Restarting, now);
        this.setTimer(job, now + job.spec.restartHours);
      }
    }
    this.serveServices(p, false, now);
  }

  /** Tops up the pool's dynamic services that do (or do not) preempt training, in order. */
  private serveServices(p: number, preempting: boolean, now: number): void {
    const pool = this.pools[p] as Pool;
    const services = this.servicesByPool[p] as InferenceService[];
    for (let i = 0; i < services.length; i++) {
      if (pool.free <= 0) return;
      const s = services[i] as InferenceService;
      if (s.spec.allocation !== 'dynamic' || s.spec.preemptsTraining !== preempting) continue;
      const target = s.spec.targetUnits[this.hour] as number;
      if (s.held < target) this.takeForService(s, target, now);
    }
  }

  private onPoolFailure(p: number, now: number): void {
    const pool = this.pools[p] as Pool;
    const cause = pool.failure.causes[this.rng.pickWeighted(pool.cumulative)];
    pool.freeFailures++;
    this.changeFree(p, -1, now);
    if (cause?.replacesUnit ?? true) this.startRepair(p, TO_POOL, pool.failure, now);
    else this.changeFree(p, 1, now);
  }

  private startRepair(p: number, origin: number, model: FailureModel, now: number): void {
    const pool = this.pools[p] as Pool;
    pool.inRepair++;
    pool.repairs++;
    if (pool.inRepair > pool.peakInRepair) pool.peakInRepair = pool.inRepair;
    const d =
      model.repairDistribution === 'fixed' ? model.repairHours : this.rng.exponential(1 / model.repairHours);
    this.q.push(now + d, REPAIR, p, origin);
  }

  private onRepair(p: number, origin: number, now: number): void {
    const pool = this.pools[p] as Pool;
    pool.inRepair--;
    if (pool.expected) return; // already returning through the expectation
    if (origin !== TO_POOL) {
      const s = this.services[origin] as InferenceService;
      if (s.held < (s.spec.targetUnits[this.hour] as number)) {
        this.setServiceHeld(s, s.held + 1, now);
        return;
      }
    }
    this.changeFree(p, 1, now);
    this.dispatch(p, now);
  }

  // ------------------------------------------------------------------ training jobs

  private setJobHeld(job: TrainingJob, held: number, now: number): void {
    job.accrueHeld(now, this.hour);
    if (job.state === JobState.Working) job.accrue(now, this.hour);
    job.held = held;
    job.failToken++;
    this.rescheduleFailure(
      this.jobKey0 + job.index,
      held > 0 && job.failuresPerUnitHour > 0
        ? now + this.rng.exponential(held * job.failuresPerUnitHour)
        : undefined,
      JOB_FAIL,
      job.index,
      job.failToken,
    );
  }

  private setTimer(job: TrainingJob, at: number): void {
    job.timerToken++;
    this.q.push(at, TIMER, job.index, job.timerToken);
  }

  private startWindow(job: TrainingJob, now: number): void {
    job.segStart = now;
    this.setTimer(job, now + job.nextWindowHours());
  }

  private onTimer(job: TrainingJob, now: number): void {
    switch (job.state) {
      case JobState.Working:
        job.accrue(now, this.hour);
        if (job.spec.checkpointWriteHours > 0) {
          job.enter(JobState.Checkpointing, now);
          this.setTimer(job, now + job.spec.checkpointWriteHours);
        } else {
          this.checkpointDone(job, now);
        }
        break;
      case JobState.Checkpointing:
        this.checkpointDone(job, now);
        break;
      case JobState.Restarting:
        job.enter(JobState.Working, now);
        this.startWindow(job, now);
        break;
      default:
        break;
    }
  }

  private checkpointDone(job: TrainingJob, now: number): void {
    if (job.commit()) {
      job.completedAt = now;
      job.enter(JobState.Done, now);
      job.timerToken++;
      const units = job.held;
      this.setJobHeld(job, 0, now);
      this.changeFree(job.spec.pool, units, now);
      this.dispatch(job.spec.pool, now);
      this.maybeExpect(job.spec.pool, now);
      return;
    }
    if (job.state !== JobState.Working) job.enter(JobState.Working, now);
    this.startWindow(job, now);
  }

  private onJobFailure(job: TrainingJob, now: number): void {
    const ci = this.rng.pickWeighted(job.causeCumulative);
    const cause = job.failure.causes[ci];
    job.countInterruption(cause?.id ?? 'unknown');
    if (job.state === JobState.Working) job.accrue(now, this.hour);
    job.loseUncommitted();
    job.timerToken++;
    const p = job.spec.pool;
    if (cause?.replacesUnit ?? true) {
      this.setJobHeld(job, job.held - 1, now);
      job.need++;
      this.startRepair(p, TO_POOL, job.failure, now);
      // take spares now if there are any
      const take = Math.min(job.need, (this.pools[p] as Pool).free);
      if (take > 0) {
        this.changeFree(p, -take, now);
        job.need -= take;
        this.setJobHeld(job, job.held + take, now);
      }
    } else {
      this.setJobHeld(job, job.held, now); // redraw (memoryless; keeps the stream simple)
    }
    if (job.need > 0) {
      if (job.state !== JobState.Waiting) job.enter(JobState.Waiting, now);
    } else {
      job.enter(JobState.Restarting, now);
      this.setTimer(job, now + job.spec.restartHours);
    }
  }

  /** Preempts whole training jobs in the service's pool until the service can reach its target. */
  private preemptFor(s: InferenceService, target: number, now: number): void {
    const p = s.spec.pool;
    for (;;) {
      const short = target - s.held - (this.pools[p] as Pool).free;
      if (short <= 0) break;
      const running = (this.jobsByPool[p] as TrainingJob[]).filter(
        (j) => j.held > 0 && j.state !== JobState.Done && j.state !== JobState.Pending,
      );
      if (running.length === 0) break;
      // the smallest job that covers the shortfall, else the largest
      running.sort((a, b) => a.held - b.held);
      const victim = running.find((j) => j.held >= short) ?? (running[running.length - 1] as TrainingJob);
      if (victim.state === JobState.Working) victim.accrue(now, this.hour);
      victim.loseUncommitted();
      victim.countInterruption('preemption');
      victim.timerToken++;
      const units = victim.held;
      victim.need = 0;
      victim.enter(JobState.Pending, now);
      this.setJobHeld(victim, 0, now);
      this.changeFree(p, units, now);
    }
    this.takeForService(s, target, now);
  }

  // ------------------------------------------------------------------ inference services

  private setServiceHeld(s: InferenceService, held: number, now: number): void {
    s.accrueHeld(now, this.hour);
    s.held = held;
    s.failToken++;
    this.rescheduleFailure(
      this.serviceKey0 + s.index,
      held > 0 && s.failuresPerUnitHour > 0
        ? now + this.rng.exponential(held * s.failuresPerUnitHour)
        : undefined,
      SERVICE_FAIL,
      s.index,
      s.failToken,
    );
  }

  private takeForService(s: InferenceService, target: number, now: number): void {
    const p = s.spec.pool;
    const take = Math.min(target - s.held, (this.pools[p] as Pool).free);
    if (take <= 0) return;
    this.changeFree(p, -take, now);
    this.setServiceHeld(s, s.held + take, now);
  }

  private onServiceFailure(s: InferenceService, now: number): void {
    const ci = this.rng.pickWeighted(s.causeCumulative);
    const cause = s.spec.failure.causes[ci];
    s.countInterruption(cause?.id ?? 'unknown');
    if (!(cause?.replacesUnit ?? true)) {
      this.setServiceHeld(s, s.held, now); // a restart in place: the unit stays
      return;
    }
    this.setServiceHeld(s, s.held - 1, now);
    this.startRepair(s.spec.pool, s.index, s.spec.failure, now);
    if (s.spec.allocation === 'dynamic') this.takeForService(s, s.spec.targetUnits[this.hour] as number, now);
  }

  // ------------------------------------------------------------------ results

  private finish(): ClusterResult {
    const horizon = this.spec.hours;
    for (const job of this.jobs) job.enter(job.state, horizon);
    return {
      hours: horizon,
      events: this.events,
      eventsPopped:
        this.popped +
        this.staleBeforeHorizon +
        this.staleAtHorizonSeq.filter((seq) => seq < this.horizonTickSeq).length,
      training: this.jobs.map((j) => trainingOutcome(j, horizon)),
      inference: this.services.map(inferenceOutcome),
      pools: this.pools.map((p, i) => ({
        id: (this.spec.pools[i] as { id: string }).id,
        // whole numbers, also where the background mode adds expected (fractional) counts
        freeUnitFailures: Math.round(p.freeFailures),
        repairs: Math.round(p.repairs),
        peakUnitsInRepair: Math.round(p.peakInRepair),
      })),
      siteBusyAcceleratorHours: this.siteBusy,
      siteUnitAcceleratorHours: this.siteUnits,
      poolFreeAcceleratorHours: this.poolFree,
      poolBackgroundFactor: this.poolFactor,
      jobs: this.jobs,
      services: this.services,
    };
  }
}

/**
 * Busy accelerator-hours of one pool in one hour: its free units at the background share `bg`
 * (busy fraction × curtailment factor), plus what its jobs and services were busy.
 */
function poolHourBusy(
  freeAcceleratorHours: number,
  bg: number,
  jobs: readonly TrainingJob[],
  services: readonly InferenceService[],
  h: number,
): number {
  let b = freeAcceleratorHours * bg;
  for (const job of jobs) b += (job.busyAcceleratorHours[h] as number) || 0;
  for (const s of services) b += (s.busyAcceleratorHours[h] as number) || 0;
  return b;
}

/**
 * Per site, per hour: busy accelerator-hours of a finished simulation as if its pools' background
 * busy fractions had been `background[p]` (per pool). The background share changes no event (free
 * units fail and are repaired whatever they run), so this equals, bit for bit, what `simulateCluster`
 * gives for a spec with those fractions. Needs a result recorded hourly (the default).
 */
export function siteBusyHours(
  spec: ClusterSpec,
  result: ClusterResult,
  background: readonly number[],
): Float64Array[] {
  const busy = spec.sites.map(() => new Float64Array(result.hours));
  for (let p = 0; p < spec.pools.length; p++)
    if ((result.poolFreeAcceleratorHours[p]?.length ?? 0) < result.hours)
      throw new RangeError('siteBusyHours: the simulation did not record hourly series');
  // Pool by pool (a sweep calls this once per sample): each site-hour still adds its pools in pool
  // order, and each pool's hour sums as `poolHourBusy` does, so the result is the simulator's bit for bit.
  for (let p = 0; p < spec.pools.length; p++)
    addPoolBusy(
      busy[(spec.pools[p] as PoolSpec).site] as Float64Array,
      result.poolFreeAcceleratorHours[p] as Float64Array,
      result.poolBackgroundFactor[p] as Float64Array,
      background[p] as number,
      result.jobs.filter((j) => j.spec.pool === p).map((j) => j.busyAcceleratorHours),
      result.services.filter((s) => s.spec.pool === p).map((s) => s.busyAcceleratorHours),
      result.hours,
    );
  return busy;
}

/** site[h] += poolHourBusy(free[h], background · factor[h], jobs, services, h) for every hour. */
function addPoolBusy(
  site: Float64Array,
  free: Float64Array,
  factor: Float64Array,
  background: number,
  jobs: readonly Float64Array[],
  services: readonly Float64Array[],
  hours: number,
): void {
  for (let h = 0; h < hours; h++) {
    let b = (free[h] as number) * (background * (factor[h] as number));
    for (let j = 0; j < jobs.length; j++) b += ((jobs[j] as Float64Array)[h] as number) || 0;
    for (let k = 0; k < services.length; k++) b += ((services[k] as Float64Array)[h] as number) || 0;
    site[h] = (site[h] as number) + b;
  }
}

/**
 * The hourly busy fraction of a site for the hourly engine: busy accelerator-hours / accelerators
 * online (the engine's fleet count, which includes the fraction of a unit the simulator cannot
 * schedule; those accelerators take the background share). Clipped to [0, 1].
 */
export function busyFractionSeries(
  result: ClusterResult,
  site: number,
  acceleratorsOnline: (h: number) => number,
  backgroundBusyFraction: number,
): Float64Array {
  const busy = result.siteBusyAcceleratorHours[site] as Float64Array;
  const inUnits = result.siteUnitAcceleratorHours[site] as Float64Array;
  const out = new Float64Array(result.hours);
  for (let h = 0; h < result.hours; h++) {
    const n = acceleratorsOnline(h);
    if (n <= 0) continue;
    const rest = Math.max(0, n - (inUnits[h] as number));
    out[h] = Math.min(1, Math.max(0, ((busy[h] as number) + rest * backgroundBusyFraction) / n));
  }
  return out;
}
