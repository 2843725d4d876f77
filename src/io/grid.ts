/**
 * Loads the bundled hourly grid data of a region (data/grid, see data/grid/PROVENANCE.md):
 * cleaned demand, carbon intensity computed from the fuel mix, wholesale prices, and Electricity Maps'
 * carbon intensity for comparison.
 *
 * Carbon intensity is production-based: the generation-weighted mean of per-fuel emission factors over the
 * generation visible to the balancing authority (imports ignored),
 *
 *   I_t [gCO2eq/kWh] = Σ_f max(P_f,t, 0) · EF_f / Σ_f max(P_f,t, 0),   P in MW, EF from
 *   src/catalog/emission-factors.ts (lifecycle unless stated).
 *
 * Negative net generation of a fuel (station service exceeding output) contributes no generation.
 * ERCOT uses ERCOT's native fuel mix (2017–2024, complete); other BAs use EIA-930 `ng_*` columns, an hour
 * counting only where `ng_sum_of_fuels_MW` is present (that column is empty if any reported fuel is empty).
 * Regions without a bundled mix take their catalog `carbonProxy` region's intensity.
 *
 * Every series is a UTC hourly `HourlySeries` covering the file's rows (NaN = missing). Results are cached
 * per data folder; treat the returned arrays as read-only.
 */
import { join, resolve } from 'node:path';
import {
  EIA_FUEL_COLUMNS,
  type EmissionAccounting,
  ERCOT_FUEL_COLUMNS,
  emissionFactorGPerKWh,
  type FuelId,
} from '../catalog/emission-factors.js';
import {
  type CarbonProxy,
  carbonSourceRegion,
  getPriceSeries,
  getRegion,
  type Region,
} from '../catalog/regions.js';
import type { HourlySeries } from '../engine/series.js';
import { type CsvTable, hourlyColumn, readCsv } from './csv.js';

export interface RegionHourly {
  readonly regionId: string;
  /** Cleaned demand (EIA-930 `demand_cleaned_MW`), MW. */
  readonly demandMW: HourlySeries;
  /** Generation-weighted lifecycle intensity of the fuel mix, gCO2eq/kWh; NaN where no mix. */
  readonly carbonGPerKWh: HourlySeries;
  /** Same mix weighted with direct (combustion-only) factors, gCO2eq/kWh. */
  readonly carbonDirectGPerKWh: HourlySeries;
  /** Which fuel-mix source, years and factors — or which proxy — the intensity comes from. */
  readonly carbonBasis: string;
  /** Set when the intensity is borrowed from another region (an assumption to report). */
  readonly carbonProxy: CarbonProxy | null;
  /** Net generation by source category, MW (keys: the source's column names without `_MW`); absent for a proxy. */
  readonly fuelMixMW?: Record<string, HourlySeries>;
}

const MISSING_HINT = 'it ships in data/grid (see data/grid/PROVENANCE.md)';

function read(dataDir: string, relPath: string): CsvTable {
  return readCsv(join(dataDir, relPath), MISSING_HINT);
}

/**
 * Generation-weighted intensity, gCO2eq/kWh, hour by hour. `valid[t] = 0` (or a non-finite generation of
 * any fuel when `valid` is absent) gives NaN; otherwise empty fuel cells count as zero generation.
 */
export function fuelMixIntensityGPerKWh(
  mix: readonly { readonly fuel: FuelId; readonly mw: Float64Array }[],
  accounting: EmissionAccounting,
  valid?: Uint8Array,
): Float64Array {
  const n = mix[0]?.mw.length ?? 0;
  const out = new Float64Array(n);
  const factors = mix.map((m) => emissionFactorGPerKWh(m.fuel, accounting));
  for (let t = 0; t < n; t++) {
    let gen = 0;
    let co2 = 0;
    let ok = valid === undefined || valid[t] === 1;
    for (let k = 0; k < mix.length && ok; k++) {
      const p = (mix[k] as { mw: Float64Array }).mw[t] as number;
      if (Number.isNaN(p)) {
        if (valid === undefined) ok = false;
        continue;
      }
      if (p > 0) {
        gen += p;
        co2 += p * (factors[k] as number);
      }
    }
    out[t] = ok && gen > 0 ? co2 / gen : Number.NaN;
  }
  return out;
}

interface MixIntensity {
  lifecycle: HourlySeries;
  direct: HourlySeries;
  fuelMixMW: Record<string, HourlySeries>;
  basis: string;
}

function mixIntensity(region: Region, dataDir: string): MixIntensity {
  const src = region.fuelMix;
  if (src === null) throw new Error(`region ${region.id} has no bundled fuel mix`);
  const table = read(dataDir, src.file);
  const columns = src.kind === 'ercot-native' ? ERCOT_FUEL_COLUMNS : EIA_FUEL_COLUMNS;
  const fuelMixMW: Record<string, HourlySeries> = {};
  const mix: { fuel: FuelId; mw: Float64Array }[] = [];
  let startMs = Number.NaN;
  for (const [column, fuel] of Object.entries(columns)) {
    const s = hourlyColumn(table, column);
    startMs = s.startMs;
    fuelMixMW[column.replace(/_MW$/, '')] = s;
    mix.push({ fuel, mw: s.values });
  }
  let valid: Uint8Array | undefined;
  if (src.kind === 'eia930') {
    const sum = hourlyColumn(table, 'ng_sum_of_fuels_MW').values;
    valid = new Uint8Array(sum.length);
    for (let t = 0; t < sum.length; t++) valid[t] = Number.isFinite(sum[t]) ? 1 : 0;
  }
  const years = src.completeYears;
  const yearText = years.length === 1 ? `${years[0]}` : `${years[0]}–${years[years.length - 1]}`;
  const basis =
    `production-based, ${src.kind === 'ercot-native' ? 'ERCOT native fuel mix' : `EIA-930 ${region.eiaBaCode} fuel mix`} ` +
    `(complete UTC years ${yearText}) × per-fuel factors (IPCC AR5 Annex III medians; oil/other DACF estimates); ` +
    'imports not counted';
  return {
    lifecycle: { startMs, values: fuelMixIntensityGPerKWh(mix, 'lifecycle', valid) },
    direct: { startMs, values: fuelMixIntensityGPerKWh(mix, 'direct', valid) },
    fuelMixMW,
    basis,
  };
}

const regionCache = new Map<string, RegionHourly>();

/** Hourly demand and fuel-mix carbon intensity of a region (catalog id or EIA BA code). */
export function loadRegionHourly(regionId: string, dataDir: string): RegionHourly {
  const region = getRegion(regionId);
  const key = `${resolve(dataDir)}|${region.id}`;
  const hit = regionCache.get(key);
  if (hit !== undefined) return hit;
  const demandMW = hourlyColumn(read(dataDir, region.demand.file), region.demand.column);
  const { region: carbonRegion, proxy } = carbonSourceRegion(region.id);
  const mix = mixIntensity(carbonRegion, dataDir);
  const out: RegionHourly = {
    regionId: region.id,
    demandMW,
    carbonGPerKWh: mix.lifecycle,
    carbonDirectGPerKWh: mix.direct,
    carbonBasis:
      proxy === null
        ? mix.basis
        : `PROXY: ${carbonRegion.id} intensity used for ${region.id} (no ${region.id} fuel mix bundled) — ${proxy.basis}; ` +
          `expected to ${proxy.bias === 'unknown' ? 'err in an unknown direction' : proxy.bias.replace(/s$/, '')} (${proxy.biasBasis}). Source: ${mix.basis}`,
    carbonProxy: proxy,
    ...(proxy === null ? { fuelMixMW: mix.fuelMixMW } : {}),
  };
  regionCache.set(key, out);
  return out;
}

/** Hourly wholesale price of a catalog price series (`ERCOT-HB_WEST`), $/MWh; NaN where the source has no value. */
export function loadPriceSeries(priceSeriesId: string, dataDir: string): HourlySeries {
  const p = getPriceSeries(priceSeriesId);
  return hourlyColumn(read(dataDir, p.file), p.column);
}

/**
 * Electricity Maps' hourly carbon intensity (consumption-based, flow-traced imports), gCO2eq/kWh, for a
 * region that has a bundled series (ERCOT, NYISO, PJM, CAISO); undefined for the others.
 */
export function loadElectricityMapsIntensity(
  regionId: string,
  dataDir: string,
  kind: 'direct' | 'lifecycle',
): HourlySeries | undefined {
  const em = getRegion(regionId).electricityMaps;
  if (em === null) return undefined;
  return hourlyColumn(read(dataDir, em.file), `ci_${kind}_gCO2eq_per_kWh`);
}
