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
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
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
  DEMAND_HISTORIES,
  type DemandHistory,
  findDemandHistory,
  getPriceSeries,
  getRegion,
  type Region,
} from '../catalog/regions.js';
import { HOUR_MS, type HourlySeries } from '../engine/series.js';
import { type CsvTable, hourlyColumn, parseUtcMs, readCsv } from './csv.js';

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

/** How far an hour of cleaned demand rests on a measurement (see data/grid/PROVENANCE*.md). */
export const DemandQuality = {
  /** The source screened the raw value and kept it (`demand_cleaned_category` = OKAY). */
  okay: 0,
  /** Imputed (raw missing: empty category next to a value) or corrected (a category other than OKAY). */
  imputedOrFlagged: 1,
  /** No per-hour screening flag in the source (the 2020–2024 sub-BA sums, `TR2025sub`). */
  unflagged: 2,
} as const;

export interface DemandHistorySeries {
  readonly history: DemandHistory;
  /** Cleaned demand (`demand_cleaned_MW`), MW, one UTC hourly series over every file; NaN = missing. */
  readonly demandMW: HourlySeries;
  /** `DemandQuality` of each hour of `demandMW`. */
  readonly quality: Uint8Array;
}

/** Decimal number in bytes [a, b) without allocating; NaN for an empty field. */
function parseNumber(buf: Uint8Array, a: number, b: number): number {
  if (a === b) return Number.NaN;
  let i = a;
  let sign = 1;
  if (buf[i] === 45) {
    sign = -1;
    i++;
  }
  let x = 0;
  let scale = 0;
  for (; i < b; i++) {
    const c = buf[i] as number;
    if (c >= 48 && c <= 57) {
      x = x * 10 + (c - 48);
      if (scale > 0) scale *= 10;
    } else if (c === 46 && scale === 0) scale = 1;
    else return Number(Buffer.from(buf.subarray(a, b)).toString('latin1')); // exponent etc.: the general parser decides
  }
  return sign * (scale > 0 ? x / scale : x);
}

/** Whether bytes [a, b) spell `word` (ASCII). */
function isWord(buf: Uint8Array, a: number, b: number, word: string): boolean {
  if (b - a !== word.length) return false;
  for (let i = 0; i < word.length; i++) if (buf[a + i] !== word.charCodeAt(i)) return false;
  return true;
}

/**
 * One demand file read in a single pass over its bytes (the headroom path reads 43 of them): cleaned demand,
 * each hour's `DemandQuality`, and a check that the rows are consecutive UTC hours (the hour digits of every
 * row; the whole timestamp at each UTC midnight and wherever the digits disagree).
 */
function readDemandFile(path: string): { series: HourlySeries; quality: Uint8Array } {
  if (!existsSync(path)) throw new Error(`data file not found: ${path} — ${MISSING_HINT}`);
  const raw = readFileSync(path);
  const buf: Buffer = path.endsWith('.gz') ? gunzipSync(raw) : raw;
  const NL = 10;
  const COMMA = 44;
  const headerEnd = buf.indexOf(NL);
  const header = buf
    .toString('latin1', 0, headerEnd < 0 ? buf.length : headerEnd)
    .replace(/\r$/, '')
    .split(',');
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`${path}: no column '${name}' (columns: ${header.join(', ')})`);
    return i;
  };
  const cTime = col('interval_start_utc');
  const cDemand = col('demand_cleaned_MW');
  const cCategory = col('demand_cleaned_category');
  const cSource = col('demand_source');
  const last = Math.max(cTime, cDemand, cCategory, cSource);
  const starts = new Int32Array(last + 2);
  let values = new Float64Array(1024);
  let quality = new Uint8Array(1024);
  let startMs = Number.NaN;
  let firstHour = 0;
  let pos = headerEnd + 1;
  let row = 0;
  while (pos > 0 && pos < buf.length) {
    let end = buf.indexOf(NL, pos);
    if (end < 0) end = buf.length;
    const lineEnd = buf[end - 1] === 13 ? end - 1 : end;
    if (lineEnd > pos) {
      starts[0] = pos;
      let f = 0;
      let at = pos;
      while (f <= last) {
        while (at < lineEnd && buf[at] !== COMMA) at++;
        starts[f + 1] = at + 1;
        f++;
        if (at >= lineEnd) break;
        at++;
      }
      if (f <= last) throw new Error(`${path}: row ${row + 2} has ${f} fields, fewer than ${last + 1}`);
      const t0 = starts[cTime] as number;
      const t1 = (starts[cTime + 1] as number) - 1;
      const hour = ((buf[t0 + 11] as number) - 48) * 10 + ((buf[t0 + 12] as number) - 48);
      const expectedMs = startMs + row * HOUR_MS;
      if (row === 0 || hour === 0 || t1 - t0 !== 20 || hour !== (firstHour + row) % 24) {
        const stamp = buf.toString('latin1', t0, t1);
        const ms = parseUtcMs(stamp);
        if (row === 0) {
          startMs = ms;
          firstHour = new Date(ms).getUTCHours();
        } else if (ms !== expectedMs) {
          throw new Error(
            `${path}: row ${row + 2}: ${stamp} is not the hour after the previous row (expected ${new Date(expectedMs).toISOString()})`,
          );
        }
      }
      const d0 = starts[cDemand] as number;
      const d1 = (starts[cDemand + 1] as number) - 1;
      const v = parseNumber(buf, d0, d1);
      if (d1 > d0 && Number.isNaN(v)) {
        throw new Error(
          `${path}: row ${row + 2}, demand_cleaned_MW: not a number '${buf.toString('latin1', d0, d1)}'`,
        );
      }
      if (row === values.length) {
        const grownV = new Float64Array(2 * row);
        grownV.set(values);
        values = grownV;
        const grownQ = new Uint8Array(2 * row);
        grownQ.set(quality);
        quality = grownQ;
      }
      values[row] = v;
      const k0 = starts[cCategory] as number;
      const k1 = (starts[cCategory + 1] as number) - 1;
      const s0 = starts[cSource] as number;
      const s1 = (starts[cSource + 1] as number) - 1;
      quality[row] = isWord(buf, k0, k1, 'OKAY')
        ? DemandQuality.okay
        : k1 > k0
          ? DemandQuality.imputedOrFlagged
          : isWord(buf, s0, s1, 'TR2025sub')
            ? DemandQuality.unflagged
            : DemandQuality.imputedOrFlagged;
      row++;
    }
    pos = end + 1;
  }
  if (row === 0) throw new Error(`${path}: no rows`);
  return { series: { startMs, values: values.slice(0, row) }, quality: quality.slice(0, row) };
}

const historyCache = new Map<string, DemandHistorySeries>();

/**
 * The whole bundled demand history of a balancing authority (catalog id or EIA code): its files
 * concatenated into one UTC hourly series (they must meet hour to hour), with each hour's quality flag.
 * Throws for a BA without history, naming those that have one.
 */
export function loadDemandHistory(id: string, dataDir: string): DemandHistorySeries {
  const history = findDemandHistory(id);
  if (history === undefined) {
    throw new Error(
      `no demand history bundled for '${id}'; known: ${DEMAND_HISTORIES.map((h) => h.regionId ?? h.eiaBaCode).join(', ')}`,
    );
  }
  const key = `${resolve(dataDir)}|${history.eiaBaCode}`;
  const hit = historyCache.get(key);
  if (hit !== undefined) return hit;
  const parts = history.files.map((file) => ({ file, ...readDemandFile(join(dataDir, file)) }));
  const first = parts[0] as (typeof parts)[number];
  let hours = 0;
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k] as (typeof parts)[number];
    const expectedStart = first.series.startMs + hours * HOUR_MS;
    if (p.series.startMs !== expectedStart) {
      throw new Error(
        `${join(dataDir, p.file)}: starts at ${new Date(p.series.startMs).toISOString()}, not where the previous file ends (${new Date(expectedStart).toISOString()})`,
      );
    }
    hours += p.series.values.length;
  }
  const values = new Float64Array(hours);
  const quality = new Uint8Array(hours);
  let at = 0;
  for (const p of parts) {
    values.set(p.series.values, at);
    quality.set(p.quality, at);
    at += p.series.values.length;
  }
  const out = { history, demandMW: { startMs: first.series.startMs, values }, quality };
  historyCache.set(key, out);
  return out;
}
