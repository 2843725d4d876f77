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
  for (let h = 0; h < out.hours; h++) {
    const mwh = out.gridImportMW[h] as number;
    out.co2Tonnes[h] = (mwh * (out.carbonGPerKWh[h] as number)) / 1000;
    out.energyCostUSD[h] = mwh * (out.priceUSDPerMWh[h] as number);
  }
}
