/**
 * The hourly columns the campus views draw (the dashboard's campus page and the HTML report): the
 * hourly power chart and the monthly sums of web/src/aggregate.ts. Both send only these.
 */
import type { HOURLY_COLUMNS } from '../engine/site-hourly.js';

export const CAMPUS_VIEW_COLUMNS = [
  'itMW',
  'overheadMW',
  'coolingMW',
  'facilityMW',
  'gridImportMW',
  'unservedITMW',
  'co2Tonnes',
  'waterM3',
  'energyCostUSD',
  'computeFLOP',
] as const satisfies readonly (typeof HOURLY_COLUMNS)[number][0][];
