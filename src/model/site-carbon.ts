/**
 * A site's stated annual-average grid intensity (`sites[i].carbon`), put onto the region's hourly
 * shape: for each UTC calendar year y of the region's series,
 *
 *   k_y     = A / mean_y(I_basis)          A the stated annual average, I_basis the region's hourly
 *                                          intensity on the stated basis (lifecycle or direct)
 *   I'_lc(h)  = k_y · I_lc(h),   I'_dir(h) = k_y · I_dir(h)      for every hour h of year y
 *
 * so the annual mean on the stated basis is A, the hour-to-hour timing of the region's fuel mix is
 * kept (correlation 1 within a year), and the other basis keeps the region's lifecycle/direct ratio.
 * The mean is the time mean over the hours with data (for a flat load it is what the campus sees;
 * eGRID's annual rates are generation-weighted).
 */
import type { HourlySeries } from '../engine/series.js';

export interface StatedCarbon {
  readonly annualGPerKWh: number;
  readonly basis: 'lifecycle' | 'direct';
  readonly source: string;
}

/** Scale factor of each hour: k of its UTC calendar year. Throws when a year's mean is not positive. */
function yearFactors(series: HourlySeries, annual: number): Float64Array {
  const n = series.values.length;
  const k = new Float64Array(n);
  let h = 0;
  while (h < n) {
    const year = new Date(series.startMs + h * 3_600_000).getUTCFullYear();
    const end = Math.min(n, Math.round((Date.UTC(year + 1, 0, 1) - series.startMs) / 3_600_000));
    let sum = 0;
    let count = 0;
    for (let i = h; i < end; i++) {
      const v = series.values[i] as number;
      if (Number.isFinite(v)) {
        sum += v;
        count++;
      }
    }
    const mean = count > 0 ? sum / count : Number.NaN;
    const factor = mean > 0 ? annual / mean : Number.NaN;
    k.fill(factor, h, end);
    h = end;
  }
  return k;
}

const scaled = (s: HourlySeries, k: Float64Array): HourlySeries => ({
  startMs: s.startMs,
  values: s.values.map((v, i) => v * (k[i] as number)),
});

/**
 * The region's lifecycle and direct series scaled to the stated annual average. `direct` is needed
 * when the stated basis is direct; a year whose mean on the stated basis is 0 cannot be scaled
 * (its factor is NaN and those hours are left as gaps).
 */
export function applyStatedCarbon(
  stated: StatedCarbon,
  lifecycle: HourlySeries,
  direct: HourlySeries | undefined,
): { lifecycle: HourlySeries; direct: HourlySeries | undefined } {
  // The same region series and stated figure give the same arrays (not just equal ones): a sweep
  // worker's exogenous-stage reuse (src/engine/exogenous-reuse.ts) compares series by identity.
  const key = `${stated.basis} ${stated.annualGPerKWh}`;
  const byStated = scaledCache.get(lifecycle);
  const hit = byStated?.get(key);
  if (hit !== undefined && hit.direct === direct) return hit.result;
  const result = scaleToStated(stated, lifecycle, direct);
  const map = byStated ?? new Map<string, CachedScaling>();
  map.set(key, { direct, result });
  if (byStated === undefined) scaledCache.set(lifecycle, map);
  return result;
}

interface CachedScaling {
  readonly direct: HourlySeries | undefined;
  readonly result: { lifecycle: HourlySeries; direct: HourlySeries | undefined };
}

/** Scaled series by the region's lifecycle series (weakly held) and the stated basis and figure. */
const scaledCache = new WeakMap<HourlySeries, Map<string, CachedScaling>>();

function scaleToStated(
  stated: StatedCarbon,
  lifecycle: HourlySeries,
  direct: HourlySeries | undefined,
): { lifecycle: HourlySeries; direct: HourlySeries | undefined } {
  const reference = stated.basis === 'direct' ? direct : lifecycle;
  if (reference === undefined) throw new Error('no direct (combustion) intensity series for this region');
  if (direct !== undefined && direct.startMs !== lifecycle.startMs)
    throw new Error('lifecycle and direct intensity series must start at the same hour');
  const k = yearFactors(reference, stated.annualGPerKWh);
  return { lifecycle: scaled(lifecycle, k), direct: direct === undefined ? undefined : scaled(direct, k) };
}
