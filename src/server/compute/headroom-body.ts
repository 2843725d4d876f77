/**
 * The body of GET /api/headroom for one balancing authority: exactly `gigawatt headroom --region X --json`
 * (the same functions, src/io/headroom-report.ts: bundled EIA-930 demand via `loadDemandHistory`,
 * 2016–2024 by default, with `cleaning` and `dataQuality`); for `all`, every bundled BA and their sum,
 * exactly `gigawatt headroom --json`. Runs in the compute pool (./worker.ts).
 */
import { headroomJson, nationalHeadroom, regionHeadroom } from '../../io/headroom-report.js';
import { UsageError } from '../../model/usage-error.js';

export interface HeadroomTask {
  readonly kind: 'headroom';
  /** Catalog region id or EIA code of a BA with bundled demand (checked by the route), or `all`. */
  readonly region: string;
  readonly limitsPct: readonly number[];
  readonly clock: 'local' | 'utc';
  /** As `--years` (e.g. `2019-2024`, `2019,2021`); absent: 2016–2024 where complete. */
  readonly years?: string;
}

/** The JSON text of the answer, or the message of a bad input found only once the data are loaded (years). */
export type HeadroomOutcome = { readonly json: string } | { readonly badInput: string };

export function headroomBody(task: HeadroomTask): HeadroomOutcome {
  try {
    const opts = {
      curtailment: task.limitsPct.join(','),
      clock: task.clock,
      ...(task.years === undefined ? {} : { years: task.years }),
    };
    if (task.region === 'all') return { json: JSON.stringify(nationalHeadroom(opts)) };
    const { data, analysis } = regionHeadroom({ ...opts, region: task.region });
    return { json: JSON.stringify(headroomJson(data, analysis)) };
  } catch (err) {
    // A UsageError names the CLI flag; the API's parameter has the same name without the dashes.
    if (err instanceof UsageError) return { badInput: err.message.replace(/^--/, '') };
    throw err;
  }
}
