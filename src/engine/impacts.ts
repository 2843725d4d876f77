/**
 * Stage 6, impacts: carbon and energy cost of the grid import.
 *
 *   CO2 t   = grid import MWh · intensity gCO2eq/kWh / 1,000     (MWh·g/kWh = kg; /1,000 → t)
 *   cost $  = grid import MWh · price $/MWh
 * Intensity is the site's lifecycle intensity in that hour: the region's generation-weighted fuel-mix
 * average, or that scaled to the annual average the site states (src/model/site-carbon.ts). On-site gas
 * joins co2Tonnes on the same lifecycle basis in ./grid-side.ts; the direct (combustion) basis of both
 * is reported by the summary (src/analysis/carbon-bases.ts).
 */
import type { SiteHourly } from './site-hourly.js';

export function impactsStage(out: SiteHourly): void {
  impactHours(
    out.hours,
    out.gridImportMW,
    out.carbonGPerKWh,
    out.priceUSDPerMWh,
    out.co2Tonnes,
    out.energyCostUSD,
  );
}

/** The hourly loop on the columns as locals (monomorphic; no property loads per hour). */
function impactHours(
  hours: number,
  gridImportMW: Float64Array,
  carbonGPerKWh: Float64Array,
  priceUSDPerMWh: Float64Array,
  co2Tonnes: Float64Array,
  energyCostUSD: Float64Array,
): void {
  for (let h = 0; h < hours; h++) {
    const mwh = gridImportMW[h] as number;
    co2Tonnes[h] = (mwh * (carbonGPerKWh[h] as number)) / 1000;
    energyCostUSD[h] = mwh * (priceUSDPerMWh[h] as number);
  }
}
