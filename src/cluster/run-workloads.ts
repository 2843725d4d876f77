/**
 * The cluster simulator's place in `runScenario` (src/run.ts): before the hourly engine, simulate the
 * scenario's workloads and give each of their sites an hourly busy-fraction series; after it, turn
 * the simulation and the hourly arrays into per-workload results and list the values used.
 * A scenario without workloads passes through unchanged.
 */
import type { SimulatedSite } from '../engine/simulate.js';
import type { Assumption, ResolvedScenario } from '../model/resolve.js';
import type { Scenario } from '../model/scenario.js';
import { CHECKPOINT_WRITE_BASIS, FAILURE_RATE_SCALE_BASIS, RESTART_BASIS } from '../model/workload-schema.js';
import { LLAMA3_ACCELERATOR_HOURS } from './failure-model.js';
import {
  rebaseWorkloadRun,
  type ScenarioWorkloadRun,
  simulateScenarioWorkloads,
  type WorkloadRunOptions,
} from './from-scenario.js';
import { type WorkloadSummary, workloadSummaries } from './workload-results.js';

export interface PreparedWorkloads {
  /** The resolved scenario, with busy-fraction series on the workload sites. */
  readonly resolved: ResolvedScenario;
  /** The simulation (undefined without workloads). */
  readonly run?: ScenarioWorkloadRun;
  /** Per-workload results once the hourly engine has run (`{}` without workloads). */
  summarize(sites: readonly (SimulatedSite | undefined)[]): { workloads?: WorkloadSummary[] };
  /** Values the workloads used that the scenario did not give. */
  readonly assumptions: Assumption[];
}

/**
 * The last workload simulation per data source, reused when the next run gives the simulator the same
 * inputs: a sweep sample or a dashboard slider that changes only costs, jobs, cooling, the
 * interconnect, the compute MFU or the sites' background busy fraction does not re-simulate the
 * workloads. The simulator reads none of the first; the busy fraction of units no workload holds is
 * a factor on their free accelerator-hours and changes no event, so the busy series is rebuilt
 * linearly from the cached result (`rebaseWorkloadRun`: equal, bit for bit, to a new simulation).
 */
const lastRuns = new WeakMap<object, { key: string; run: ScenarioWorkloadRun }>();

/** The scenario as the cluster simulator sees it (undefined: do not cache, e.g. given curtailment arrays). */
function simulatorInputsKey(scenario: Scenario, options: WorkloadRunOptions): string | undefined {
  if (options.curtailRequestFraction !== undefined) return undefined;
  const { economics, workforce, name, title, description, compute, ...rest } = scenario as Scenario &
    Record<string, unknown>;
  delete rest.uncertainty;
  delete rest.$schema;
  const { mfu, ...computeRead } = compute;
  const sites = scenario.sites.map(
    ({ cooling, interconnectMW, name: siteName, location, utilisation, ...site }) => {
      const { busyFraction, ...utilisationRead } = utilisation;
      return { ...site, utilisation: utilisationRead };
    },
  );
  return JSON.stringify({ ...rest, compute: computeRead, sites, options });
}

export function prepareWorkloads(
  scenario: Scenario,
  resolved: ResolvedScenario,
  raw: unknown,
  options: WorkloadRunOptions = {},
  cacheOwner?: object,
): PreparedWorkloads {
  if (!scenario.workloads || scenario.workloads.length === 0)
    return { resolved, summarize: () => ({}), assumptions: [] };
  const key = cacheOwner ? simulatorInputsKey(scenario, options) : undefined;
  const cached = cacheOwner && key !== undefined ? lastRuns.get(cacheOwner) : undefined;
  const run =
    cached && cached.key === key
      ? rebaseWorkloadRun(cached.run, resolved.engine)
      : simulateScenarioWorkloads(scenario, resolved.engine, options);
  if (cacheOwner && key !== undefined) lastRuns.set(cacheOwner, { key, run });
  const rawWorkloads = (raw as { workloads?: Record<string, unknown>[] } | undefined)?.workloads;
  const assumptions: Assumption[] = [];
  scenario.workloads.forEach((w, k) => {
    const given = (field: string) => rawWorkloads?.[k]?.[field] !== undefined;
    const note = (field: string, value: number | string, unit: string, basis: string) => {
      if (!given(field))
        assumptions.push({ path: `workloads[${k}].${field}`, value, unit, kind: 'default', basis });
    };
    const m = run.meta[k];
    if (w.kind === 'training') {
      note('mfu', w.mfu, 'fraction', 'Llama 3 405B: 38-43 % BF16 MFU on H100 (Dubey et al. 2024)');
      note('checkpointWriteMinutes', w.checkpointWriteMinutes, 'min', CHECKPOINT_WRITE_BASIS);
      note('restartMinutes', w.restartMinutes, 'min', RESTART_BASIS);
      note(
        'checkpointIntervalMinutes',
        Number((m?.checkpointIntervalMinutes ?? 0).toFixed(2)),
        'min',
        `Young's optimum √(2·write·MTBF) with MTBF ${(m?.mtbfHours ?? 0).toFixed(2)} h for ${m?.accelerators} accelerators`,
      );
    } else {
      note(
        'mfu',
        w.mfu,
        'fraction',
        'assumption: the training MFU default; no inference figure in the references',
      );
      note(
        'headroom',
        w.headroom,
        'fraction',
        'assumption: capacity above demand for latency; no published figure',
      );
      note('precision', w.precision, '', 'assumption: inference served at FP8');
    }
    assumptions.push({
      path: `workloads[${k}].failures`,
      value: `${(w.failures.rateScale * 419).toFixed(0)} per ${LLAMA3_ACCELERATOR_HOURS.toLocaleString('en-US')} accelerator-hours`,
      unit: 'interruptions',
      kind: given('failures') ? 'scenario' : 'default',
      basis: `${FAILURE_RATE_SCALE_BASIS}; ×${w.failures.rateScale}; repair 8 h mean is an assumption`,
    });
  });
  const engineResolved = { ...resolved, engine: run.engine };
  return {
    resolved: engineResolved,
    run,
    summarize: (sites) => ({ workloads: workloadSummaries(run, sites, resolved.engine.startMs) }),
    assumptions,
  };
}
