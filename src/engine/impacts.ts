/**
 * Stage 6, impacts: carbon and energy cost of the grid import.
 *
 *   CO2 t   = grid import MWh · intensity gCO2eq/kWh / 1,000     (MWh·g/kWh = kg; /1,000 → t)
 *   cost $  = grid import MWh · price $/MWh
 * Intensity is the region's generation-weighted average (lifecycle) intensity in that hour.
 */
import type { SiteHourly } from './site-hourly.js';

export function impactsStage(out: SiteHourly): void {
  for (let h = 0; h < out.hours; h++) {
    const mwh = out.gridImportMW[h] as number;
    out.co2Tonnes[h] = (mwh * (out.carbonGPerKWh[h] as number)) / 1000;
    out.energyCostUSD[h] = mwh * (out.priceUSDPerMWh[h] as number);
  }
}
