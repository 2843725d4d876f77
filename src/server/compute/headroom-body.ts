/**
 * The body of GET /api/headroom for one region, curtailment limits and season clock: the same
 * analysis and fields as `gigawatt headroom --json` (src/analysis/headroom.ts) over every complete
 * year of the region's bundled demand. Runs in the compute pool (./worker.ts).
 */
import { screenDemand } from '../../analysis/demand-cleaning.js';
import { analyseHeadroom, SEASON_UTC_OFFSET_HOURS } from '../../analysis/headroom.js';
import { completeYears } from '../../engine/replay.js';
import { loadRegionHourly } from '../../io/grid.js';
import { dataDir } from '../../io/paths.js';

export interface HeadroomTask {
  readonly kind: 'headroom';
  readonly region: string;
  readonly limitsPct: readonly number[];
  readonly clock: 'local' | 'utc';
}

export function headroomBody(task: HeadroomTask): Record<string, unknown> {
  const demand = loadRegionHourly(task.region, dataDir()).demandMW;
  const years = completeYears(demand);
  const screened = screenDemand(demand, { years });
  const offset = task.clock === 'utc' ? 0 : (SEASON_UTC_OFFSET_HOURS[task.region] ?? 0);
  const analysis = analyseHeadroom({
    timeMs: screened.timeMs,
    demandMW: screened.demandMW,
    utcOffsetHours: offset,
    limitsPct: [...task.limitsPct],
  });
  return {
    region: task.region,
    years,
    seasonClock: offset === 0 ? 'UTC' : `UTC${offset < 0 ? '-' : '+'}${Math.abs(offset)}`,
    hoursAnalysed: screened.timeMs.length,
    results: analysis.results,
  };
}
