/**
 * Fast paths pinned to the exact ones.
 *
 * 1. The workload simulation reused across runs that change only the background busy fraction or the
 *    compute MFU: the background share is a factor on free accelerator-hours and changes no event, so
 *    the reused run must equal a fresh simulation bit for bit (totals, workloads, busy series).
 * 2. Hourly columns reused between runs (`ColumnPool`): a run written into the previous run's arrays
 *    equals a run on new ones, column by column, even when the previous run left other values there.
 */
import { describe, expect, it } from 'vitest';
import { ColumnPool, HOURLY_COLUMNS } from '../src/engine/site-hourly.js';
import { fileDataSource } from '../src/io/data-source.js';
import { loadScenario } from '../src/io/load-scenario.js';
import type { DataSource } from '../src/model/resolve.js';
import type { Scenario } from '../src/model/scenario.js';
import { runScenario } from '../src/run.js';

const base = fileDataSource();

/** Two typed arrays hold the same bytes (bit for bit; fast on 10^5 elements, unlike toEqual). */
function sameBits(a: ArrayBufferView | undefined, b: ArrayBufferView | undefined): boolean {
  if (!a || !b) return false;
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(
    Buffer.from(b.buffer, b.byteOffset, b.byteLength),
  );
}
/** A new DataSource object over the same files: a cache owner of its own, so nothing is reused. */
const fresh = (): DataSource => ({ ...base });

describe('workload simulation reused across busy-fraction and MFU changes', () => {
  const { scenario } = loadScenario('anthropic-fluidstack');
  const shared = fresh();
  const first = runScenario(scenario, shared);

  it('equals a fresh simulation bit for bit', () => {
    const changed: Scenario = structuredClone(scenario);
    (changed.sites[0] as Scenario['sites'][number]).utilisation.busyFraction = 0.6;
    (changed.sites[1] as Scenario['sites'][number]).utilisation.busyFraction = 0.93;
    changed.compute.mfu = 0.33;
    const reused = runScenario(changed, shared);
    const alone = runScenario(changed, fresh());
    expect(reused.summary.totals).toEqual(alone.summary.totals);
    expect(reused.summary.workloads).toEqual(alone.summary.workloads);
    for (let i = 0; i < 2; i++)
      expect(sameBits(reused.sites[i]?.hourly.busyFraction, alone.sites[i]?.hourly.busyFraction)).toBe(true);
    // the change is real: less background work in Texas, more in New York, a lower MFU
    expect(reused.summary.totals.computeDeliveredFLOP).toBeLessThan(
      first.summary.totals.computeDeliveredFLOP,
    );
  });

  it('busy accelerator-hours are linear in the background fraction (units no workload holds)', () => {
    // Independent check of the rebuild: between background fractions b1 and b2 the Texas busy
    // fraction moves by (b2 − b1) × (share of accelerators not held by a workload) in every hour.
    const at = (b: number) => {
      const s: Scenario = structuredClone(scenario);
      (s.sites[0] as Scenario['sites'][number]).utilisation.busyFraction = b;
      return runScenario(s, shared).sites[0]?.hourly.busyFraction as Float64Array;
    };
    const b0 = at(0);
    const b5 = at(0.5);
    const b10 = at(1);
    for (let h = 0; h < b0.length; h += 97) {
      const mid = (b0[h] as number) + ((b10[h] as number) - (b0[h] as number)) / 2;
      if ((b10[h] as number) < 1) expect(b5[h]).toBeCloseTo(mid, 12);
    }
  });
});

describe('hourly columns reused between runs', () => {
  it('a run into the previous run’s columns equals a run into new ones', () => {
    const { scenario } = loadScenario('anthropic-fluidstack');
    const data = fileDataSource();
    const noWorkloads: Scenario = { ...structuredClone(scenario), workloads: [] };
    const other: Scenario = structuredClone(noWorkloads);
    (other.sites[0] as Scenario['sites'][number]).utilisation.busyFraction = 0.3;
    (other.sites[1] as Scenario['sites'][number]).interconnectMW = 200; // unserved IT in New York
    const pool = new ColumnPool();
    const before = runScenario(other, data, { columns: pool });
    const firstColumn = before.sites[0]?.hourly.itMW;
    const reused = runScenario(noWorkloads, data, { columns: pool });
    expect(reused.sites[0]?.hourly.itMW).toBe(firstColumn); // the same array, overwritten
    const alone = runScenario(noWorkloads, data);
    expect(reused.summary).toEqual(alone.summary);
    for (let i = 0; i < 2; i++)
      for (const [name] of HOURLY_COLUMNS)
        expect(sameBits(reused.sites[i]?.hourly[name], alone.sites[i]?.hourly[name]), `${i} ${name}`).toBe(
          true,
        );
  });
});
