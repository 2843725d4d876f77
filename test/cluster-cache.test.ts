/**
 * The workload simulation is reused between runs on the same data source only when the simulator's
 * inputs are unchanged: a cooling or interconnect change reuses it and gives exactly what a fresh
 * simulation gives; a busy-fraction change re-simulates.
 */
import { describe, expect, it } from 'vitest';
import { fileDataSource } from '../src/io/data-source.js';
import { loadScenario } from '../src/io/load-scenario.js';
import type { DataSource } from '../src/model/resolve.js';
import type { Scenario } from '../src/model/scenario.js';
import { runScenario } from '../src/run.js';

const base = fileDataSource();
/** A new DataSource object over the same files: a cache owner of its own, so nothing is reused. */
const fresh = (): DataSource => ({ ...base });

function variant(s: Scenario, change: (site: Scenario['sites'][number]) => void): Scenario {
  const copy = structuredClone(s);
  change(copy.sites[0] as Scenario['sites'][number]);
  return copy;
}

describe('reusing the workload simulation between runs', () => {
  const { scenario } = loadScenario('anthropic-fluidstack');
  const shared = fresh();
  const first = runScenario(scenario, shared);

  it('a cooling and interconnect change reuses it and equals a fresh run', () => {
    const changed = variant(scenario, (site) => {
      site.cooling = 'air-economiser';
      site.interconnectMW = 950;
    });
    const reused = runScenario(changed, shared).summary;
    const alone = runScenario(changed, fresh()).summary;
    expect(reused.totals).toEqual(alone.totals);
    expect(reused.workloads).toEqual(alone.workloads);
    expect(reused.totals.pue).not.toBe(first.summary.totals.pue);
  });

  it('a busy-fraction change re-simulates (no stale busy series)', () => {
    const changed = variant(scenario, (site) => {
      site.utilisation.busyFraction = 0.5;
    });
    const after = runScenario(changed, shared).summary;
    const alone = runScenario(changed, fresh()).summary;
    expect(after.totals).toEqual(alone.totals);
    expect(after.totals.itEnergyMWh).toBeLessThan(first.summary.totals.itEnergyMWh);
  });
});
