/**
 * Screening of the bundled hourly demand before a headroom analysis. Pure.
 *
 * The input is EIA-930 `demand_cleaned_MW`: already screened and imputed upstream by Ruggles & Farnham
 * (doi:10.5281/zenodo.3517197; Ruggles et al. 2020, *Scientific Data* 7:155), so the raw series' reporting
 * garbage (spikes of 2.1 billion MW in PJM) is gone. Our own rules only catch what is left, and each reports
 * the hours it touched:
 *
 * 1. `missing-hour` — an hour with no value (or a non-finite one) is dropped from the analysis. It then counts
 *    in neither the curtailed energy nor the hours H_y, and it breaks a curtailment event in two. In every
 *    bundled region this is the last hour, 2024-12-31T23Z (EIA hour-ending 2025-01-01T00Z, outside the source
 *    releases; data/grid/PROVENANCE.md §1).
 * 2. `non-positive` — demand ≤ 0 MW is impossible for a balancing authority's load: dropped.
 * 3. `isolated-spike` — a single hour that departs from the mean m of its two neighbours by more than
 *    `spikeFraction`·m, both neighbours lying on the same side of it, is replaced by m:
 *
 *      |D_t − m| > f·m,   m = (D_{t−1} + D_{t+1}) / 2,   (D_t − D_{t−1})·(D_t − D_{t+1}) > 0.
 *
 *    f = 0.2 is an assumption: three times the largest such departure in the cleaned ERCOT, NYISO and PJM
 *    series 2019–2024 (6.6 %, ERCOT 2022-09-21T05Z), so no plausible load swing of a large balancing
 *    authority is touched, while the one-hour excursions of 20–27 % left in the small AZPS series are. A spike
 *    at a seasonal peak would move the threshold T_t, hence the whole answer.
 */
import { HOUR_MS, type HourlySeries } from '../engine/series.js';

/** Default `spikeFraction` of the `isolated-spike` rule (see the file comment for its basis). */
export const SPIKE_FRACTION = 0.2;

export interface CleaningRuleReport {
  readonly id: 'missing-hour' | 'non-positive' | 'isolated-spike';
  readonly description: string;
  readonly hoursTouched: number;
  /** UTC start (ISO 8601) of the first few hours touched, for checking by hand. */
  readonly examples: readonly string[];
}

export interface ScreenedDemand {
  /** UTC start of each kept hour, ms, ascending. */
  readonly timeMs: Float64Array;
  /** Demand after screening, MW. */
  readonly demandMW: Float64Array;
  /** Hours in the years asked for, before screening. */
  readonly hoursInYears: number;
  readonly rules: readonly CleaningRuleReport[];
}

export interface ScreenOptions {
  /** UTC calendar years to keep, e.g. [2019, 2020]. */
  readonly years: readonly number[];
  readonly spikeFraction?: number;
}

const MAX_EXAMPLES = 5;
const iso = (ms: number) => new Date(ms).toISOString().replace(':00:00.000Z', 'Z');

/** Selects the years asked for from a UTC hourly series and applies the screening rules in order. */
export function screenDemand(series: HourlySeries, options: ScreenOptions): ScreenedDemand {
  const f = options.spikeFraction ?? SPIKE_FRACTION;
  if (!(f > 0)) throw new Error(`spikeFraction must be > 0 (got ${f})`);
  const wanted = new Set(options.years);
  const v = series.values;
  const n = v.length;
  const missing: number[] = [];
  const nonPositive: number[] = [];
  const spikes: number[] = [];
  const times = new Float64Array(n);
  const values = new Float64Array(n);
  let kept = 0;
  const at = (i: number) => series.startMs + i * HOUR_MS;
  const usable = (x: number | undefined): x is number => x !== undefined && Number.isFinite(x) && x > 0;
  let yearStartMs = Number.POSITIVE_INFINITY;
  let yearEndMs = Number.NEGATIVE_INFINITY;
  let inWantedYear = false;
  for (let i = 0; i < n; i++) {
    const t = at(i);
    if (t < yearStartMs || t >= yearEndMs) {
      const y = new Date(t).getUTCFullYear(); // once per year, not per hour
      yearStartMs = Date.UTC(y, 0, 1);
      yearEndMs = Date.UTC(y + 1, 0, 1);
      inWantedYear = wanted.has(y);
    }
    if (!inWantedYear) continue;
    const x = v[i];
    if (x === undefined || !Number.isFinite(x)) {
      missing.push(t);
      continue;
    }
    if (x <= 0) {
      nonPositive.push(t);
      continue;
    }
    let d = x;
    const a = v[i - 1];
    const b = v[i + 1];
    if (usable(a) && usable(b)) {
      const m = 0.5 * (a + b);
      if ((x - a) * (x - b) > 0 && Math.abs(x - m) > f * m) {
        spikes.push(t);
        d = m;
      }
    }
    times[kept] = t;
    values[kept] = d;
    kept++;
  }
  const report = (
    id: CleaningRuleReport['id'],
    description: string,
    touched: number[],
  ): CleaningRuleReport => ({
    id,
    description,
    hoursTouched: touched.length,
    examples: touched.slice(0, MAX_EXAMPLES).map(iso),
  });
  return {
    timeMs: times.slice(0, kept),
    demandMW: values.slice(0, kept),
    hoursInYears: kept + missing.length + nonPositive.length,
    rules: [
      report('missing-hour', 'hour with no demand value: dropped (breaks an event)', missing),
      report('non-positive', 'demand ≤ 0 MW: dropped', nonPositive),
      report(
        'isolated-spike',
        `one hour more than ${100 * f} % away from the mean of its two neighbours, both on the same side: replaced by that mean`,
        spikes,
      ),
    ],
  };
}
