/**
 * What the server keeps of a finished run: the summary serialised once (POST /api/run answers it
 * as is) and each site's hourly columns (/api/run/hourly). Plain data and typed arrays, so it
 * crosses from a worker thread by structured clone.
 */
import type { SiteHourly } from '../../engine/site-hourly.js';
import type { DataSource } from '../../model/resolve.js';
import type { Scenario } from '../../model/scenario.js';
import { runScenario } from '../../run.js';

export interface CachedRun {
  /** The scenario's name (file names of CSV downloads). */
  readonly scenario: string;
  /** `JSON.stringify(runScenario(…).summary)`: exactly `gigawatt run --json`. */
  readonly summaryJson: string;
  readonly sites: readonly SiteHourly[];
}

export interface RunTask {
  readonly kind: 'run';
  readonly scenario: Scenario;
  readonly raw: unknown;
}

export function cachedRun(task: RunTask, data: DataSource): CachedRun {
  const result = runScenario(task.scenario, data, { raw: task.raw });
  return {
    scenario: result.summary.scenario,
    summaryJson: JSON.stringify(result.summary),
    sites: result.sites.map((s) => s.hourly),
  };
}

/**
 * Bytes a cached run holds, estimated: the summary text (one byte per character, as V8 stores
 * ASCII) plus every typed array of every site.
 */
export function cachedRunBytes(run: CachedRun): number {
  let bytes = run.summaryJson.length;
  for (const site of run.sites)
    for (const v of Object.values(site)) if (ArrayBuffer.isView(v)) bytes += v.byteLength;
  return bytes;
}
