/**
 * Compares our production-based fuel-mix carbon intensity (src/io/grid.ts) with Electricity Maps'
 * consumption-based hourly intensity, per region and UTC year where both exist, lifecycle vs lifecycle
 * and direct vs direct; and, as a check of our arithmetic, with the upstream lifecycle column shipped in
 * the EIA-930 files (`ci_lifecycle_upstream_gCO2eq_per_kWh`, DACF/SustainDC factors).
 *
 * Usage: npx tsx scripts/compare-carbon.ts [dataDir]   → prints Markdown tables (used in docs/grid-data.md).
 */
import { join } from 'node:path';
import { getRegion } from '../src/catalog/regions.js';
import type { HourlySeries } from '../src/engine/series.js';
import { hourlyColumn, readCsv } from '../src/io/csv.js';
import { loadElectricityMapsIntensity, loadRegionHourly } from '../src/io/grid.js';
import { dataDir as defaultDataDir } from '../src/io/paths.js';

export interface YearComparison {
  regionId: string;
  year: number;
  hours: number;
  oursMean: number;
  theirsMean: number;
  meanDiff: number;
  meanAbsDiff: number;
  r: number;
}

/**
 * Statistics over the UTC hours of `year` where both series are finite. `theirLagHours` compares our hour t
 * with their hour t + lag (to detect a one-hour labelling offset).
 */
export function compareYear(
  regionId: string,
  year: number,
  ours: HourlySeries,
  theirs: HourlySeries,
  theirLagHours = 0,
): YearComparison {
  const t0 = Date.UTC(year, 0, 1);
  const t1 = Date.UTC(year + 1, 0, 1);
  let n = 0;
  let sa = 0;
  let sb = 0;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  let sad = 0;
  for (let t = t0; t < t1; t += 3_600_000) {
    const a = ours.values[(t - ours.startMs) / 3_600_000];
    const b = theirs.values[(t + theirLagHours * 3_600_000 - theirs.startMs) / 3_600_000];
    if (a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b)) continue;
    n++;
    sa += a;
    sb += b;
    sab += a * b;
    saa += a * a;
    sbb += b * b;
    sad += Math.abs(a - b);
  }
  const ma = sa / n;
  const mb = sb / n;
  const cov = sab / n - ma * mb;
  const r = cov / Math.sqrt((saa / n - ma * ma) * (sbb / n - mb * mb));
  return {
    regionId,
    year,
    hours: n,
    oursMean: ma,
    theirsMean: mb,
    meanDiff: ma - mb,
    meanAbsDiff: sad / n,
    r,
  };
}

const fmt = (x: number, d = 0) => (Number.isFinite(x) ? x.toFixed(d) : '–');
const row = (c: YearComparison, lagR: readonly number[] = []) =>
  `| ${c.regionId} | ${c.year} | ${c.hours} | ${fmt(c.oursMean)} | ${fmt(c.theirsMean)} | ${c.meanDiff >= 0 ? '+' : ''}${fmt(c.meanDiff)} | ${c.meanDiff >= 0 ? '+' : ''}${fmt((100 * c.meanDiff) / c.theirsMean, 1)} % | ${fmt(c.meanAbsDiff)} | ${fmt(c.r, 3)} |${lagR.map((r) => ` ${fmt(r, 3)} |`).join('')}`;
const HEADER = (theirs: string, lags = false) =>
  `| region | UTC year | hours | ours mean | ${theirs} mean | mean diff (ours − theirs) | relative diff | mean abs diff | r (hourly) |${lags ? ' r, theirs 1 h earlier | r, theirs 1 h later |' : ''}\n|---|---|---|---|---|---|---|---|---|${lags ? '---|---|' : ''}`;

/** Groups of ERCOT native categories used for the implied-factor fit. */
const FIT_GROUPS: readonly [string, readonly string[]][] = [
  ['coal', ['coal']],
  ['gas', ['gas', 'gas_cc']],
  ['nuclear', ['nuclear']],
  ['wind', ['wind']],
  ['solar', ['solar']],
  ['hydro+biomass+other', ['hydro', 'biomass', 'other']],
];

/**
 * Least-squares factors b that best reproduce Electricity Maps' ERCOT intensity from our ERCOT native
 * generation shares, EM_t ≈ Σ_g share_g,t · b_g, over the hours of a UTC year (ERCOT is islanded, so its
 * consumption-based intensity ≈ production-based). Returns the factors and the RMSE, gCO2eq/kWh.
 */
export function impliedErcotFactors(
  fuelMixMW: Record<string, HourlySeries>,
  em: HourlySeries,
  year: number,
): { factors: Record<string, number>; rmse: number; hours: number } {
  const k = FIT_GROUPS.length;
  const ata = Array.from({ length: k }, () => new Float64Array(k));
  const atb = new Float64Array(k);
  const rows: { x: Float64Array; y: number }[] = [];
  const x = new Float64Array(k);
  const start = (fuelMixMW.coal as HourlySeries).startMs;
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 3_600_000) {
    const i = (t - start) / 3_600_000;
    const y = em.values[(t - em.startMs) / 3_600_000];
    if (y === undefined || !Number.isFinite(y)) continue;
    let total = 0;
    let ok = true;
    FIT_GROUPS.forEach(([, cats], g) => {
      let p = 0;
      for (const c of cats) {
        const v = fuelMixMW[c]?.values[i];
        if (v === undefined || !Number.isFinite(v)) ok = false;
        else p += Math.max(v, 0);
      }
      x[g] = p;
      total += p;
    });
    if (!ok || total <= 0) continue;
    for (let a = 0; a < k; a++) x[a] = (x[a] as number) / total;
    for (let a = 0; a < k; a++) {
      atb[a] = (atb[a] as number) + (x[a] as number) * y;
      const rowA = ata[a] as Float64Array;
      for (let b = 0; b < k; b++) rowA[b] = (rowA[b] as number) + (x[a] as number) * (x[b] as number);
    }
    rows.push({ x: Float64Array.from(x), y });
  }
  const b = solve(ata, atb);
  let se = 0;
  for (const r of rows) {
    let pred = 0;
    for (let a = 0; a < k; a++) pred += (r.x[a] as number) * (b[a] as number);
    se += (pred - r.y) ** 2;
  }
  const factors: Record<string, number> = {};
  FIT_GROUPS.forEach(([name], g) => {
    factors[name] = b[g] as number;
  });
  return { factors, rmse: Math.sqrt(se / rows.length), hours: rows.length };
}

/** Gaussian elimination with partial pivoting (small dense systems). */
function solve(a: Float64Array[], rhs: Float64Array): Float64Array {
  const n = rhs.length;
  const m = a.map((row, i) => [...row, rhs[i] as number]);
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++)
      if (Math.abs(m[r]?.[c] as number) > Math.abs(m[piv]?.[c] as number)) piv = r;
    [m[c], m[piv]] = [m[piv] as number[], m[c] as number[]];
    const pr = m[c] as number[];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const row = m[r] as number[];
      const f = (row[c] as number) / (pr[c] as number);
      for (let j = c; j <= n; j++) row[j] = (row[j] as number) - f * (pr[j] as number);
    }
  }
  return Float64Array.from(
    { length: n },
    (_, i) => ((m[i] as number[])[n] as number) / ((m[i] as number[])[i] as number),
  );
}

function main(): void {
  const dir = process.argv[2] ?? defaultDataDir();
  for (const kind of ['lifecycle', 'direct'] as const) {
    console.log(`\n### ${kind} vs Electricity Maps ${kind} (gCO2eq/kWh)\n`);
    console.log(HEADER('EM', true));
    for (const id of ['ERCOT', 'NYISO', 'PJM', 'CAISO']) {
      const ours = loadRegionHourly(id, dir);
      const em = loadElectricityMapsIntensity(id, dir, kind);
      if (em === undefined) continue;
      const mine = kind === 'lifecycle' ? ours.carbonGPerKWh : ours.carbonDirectGPerKWh;
      for (const year of getRegion(id).fuelMix?.completeYears ?? []) {
        if (year < 2021 || year > 2024) continue;
        const lagR = [-1, 1].map((lag) => compareYear(id, year, mine, em, lag).r);
        console.log(row(compareYear(id, year, mine, em), lagR));
      }
    }
  }
  console.log(
    '\n### factors implied by Electricity Maps for ERCOT (least squares on our native shares, gCO2eq/kWh)\n',
  );
  console.log(`| UTC year | accounting | ${FIT_GROUPS.map(([n]) => n).join(' | ')} | RMSE | hours |`);
  console.log(`|---|---|${FIT_GROUPS.map(() => '---|').join('')}---|---|`);
  const ercot = loadRegionHourly('ERCOT', dir);
  for (const year of [2021, 2022, 2023, 2024]) {
    for (const kind of ['lifecycle', 'direct'] as const) {
      const em = loadElectricityMapsIntensity('ERCOT', dir, kind) as HourlySeries;
      const fit = impliedErcotFactors(ercot.fuelMixMW ?? {}, em, year);
      const f = FIT_GROUPS.map(([n]) => fmt(fit.factors[n] as number)).join(' | ');
      console.log(`| ${year} | ${kind} | ${f} | ${fmt(fit.rmse, 1)} | ${fit.hours} |`);
    }
  }
  console.log('\n### lifecycle vs upstream column in the EIA-930 files (check of the arithmetic)\n');
  console.log(HEADER('upstream'));
  for (const id of ['NYISO', 'PJM', 'MISO', 'CAISO', 'ISO-NE', 'SOCO', 'AZPS', 'BPAT', 'ERCOT']) {
    const region = getRegion(id);
    const ours =
      id === 'ERCOT'
        ? eiaErcotCheck(dir)
        : { series: loadRegionHourly(id, dir).carbonGPerKWh, years: region.fuelMix?.completeYears ?? [] };
    const upstream = hourlyColumn(
      readCsv(join(dir, region.demand.file)),
      'ci_lifecycle_upstream_gCO2eq_per_kWh',
    );
    for (const year of ours.years) {
      const c = compareYear(id, year, ours.series, upstream);
      if (c.hours > 0) console.log(row(c)); // ISO-NE 2021 upstream values were blanked (upstream bug)
    }
  }
}

/** ERCOT's own intensity uses the native mix; the upstream column uses EIA ERCO 2019–2022: compare both. */
function eiaErcotCheck(dir: string): { series: HourlySeries; years: number[] } {
  return { series: loadRegionHourly('ERCOT', dir).carbonGPerKWh, years: [2019, 2020, 2021, 2022] };
}

main();
