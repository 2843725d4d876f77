/** The bundled data files (data/) as a `DataSource` for scenario resolution, in Node. */
import type { DataSource } from '../model/resolve.js';
import { loadPriceSeries, loadRegionHourly } from './grid.js';
import { dataDir } from './paths.js';
import { loadWeather } from './weather.js';

export function fileDataSource(dir: string = dataDir()): DataSource {
  return {
    weather: (id) => loadWeather(id, dir),
    regionCarbon: (id) => {
      const r = loadRegionHourly(id, dir);
      return {
        carbonGPerKWh: r.carbonGPerKWh,
        carbonDirectGPerKWh: r.carbonDirectGPerKWh,
        carbonBasis: r.carbonBasis,
      };
    },
    price: (id) => loadPriceSeries(id, dir),
    regionDemand: (id) => loadRegionHourly(id, dir).demandMW,
    regionGeneration: (id, kind) => {
      const mix = loadRegionHourly(id, dir).fuelMixMW;
      return mix?.[kind] ?? mix?.[`ng_${kind}`];
    },
  };
}
