/**
 * Stage 5, supply: where the facility's power comes from.
 *
 * In this first version every MWh comes from the grid through the interconnect (the facility stage
 * already kept facility power within the interconnect limit):  gridImport(t) = facility(t).
 * On-site generation, storage and curtailment policies extend this stage (issue: the grid side).
 */
import type { SiteHourly } from './site-hourly.js';

export function supplyStage(out: SiteHourly): void {
  out.gridImportMW.set(out.facilityMW);
}
