/**
 * Downsampling of an hourly series into blocks of N hours (the last block may be shorter).
 * `mean` of MW values is the average power of the block; `sum` of MW values is its energy in MWh
 * (each hour counts 1 h); `max`/`min` keep peaks and troughs.
 */
export type Aggregation = 'mean' | 'sum' | 'max' | 'min';

export function downsample(values: ArrayLike<number>, every: number, agg: Aggregation): Float64Array {
  if (!Number.isInteger(every) || every < 1)
    throw new RangeError(`every must be an integer ≥ 1 (got ${every})`);
  const n = Math.ceil(values.length / every);
  const out = new Float64Array(n);
  for (let b = 0; b < n; b++) {
    const from = b * every;
    const to = Math.min(values.length, from + every);
    let acc = agg === 'max' ? -Infinity : agg === 'min' ? Infinity : 0;
    for (let h = from; h < to; h++) {
      const v = values[h] as number;
      if (agg === 'max') acc = Math.max(acc, v);
      else if (agg === 'min') acc = Math.min(acc, v);
      else acc += v;
    }
    out[b] = agg === 'mean' ? acc / (to - from) : acc;
  }
  return out;
}
