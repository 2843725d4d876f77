/**
 * The sample matrix of a sweep: N samples × D uncertain inputs, each a uniform u in [0, 1), drawn
 * from one xoshiro128** stream seeded by the sweep's seed (the generator the cluster simulator uses,
 * src/cluster/rng.ts, with its known-answer test), then mapped through each
 * input's inverse CDF. It is built once by the coordinator, so every sample is a pure function of
 * (seed, sample index) whatever the number of workers or machines.
 *
 *   random  u_ij independent uniforms, sample by sample (row-major)
 *   lhs     Latin hypercube: for each input j, a random permutation π_j of 0..N−1 and
 *           u_ij = (π_j(i) + v_ij)/N with v_ij uniform, so every input has exactly one sample in each
 *           of the N equal-probability strata (McKay, Beckman & Conover 1979)
 */
import { Rng } from '../../cluster/rng.js';
import type { Distribution } from '../../model/uncertainty.js';
import { inverseCdf } from './distributions.js';

export type SamplingMethod = 'lhs' | 'random';

/** A seeded uniform stream on [0, 1) (53 random bits per value; splitmix32 seeding decorrelates nearby seeds). */
export function uniformStream(seed: number): () => number {
  const rng = new Rng(seed | 0);
  return () => rng.uniform();
}

/** u[i][j] for N samples and D inputs. */
export function unitSamples(n: number, d: number, seed: number, method: SamplingMethod): number[][] {
  const next = uniformStream(seed);
  const out = Array.from({ length: n }, () => new Array<number>(d).fill(0));
  if (method === 'random') {
    for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) (out[i] as number[])[j] = next();
    return out;
  }
  for (let j = 0; j < d; j++) {
    const perm = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const k = Math.floor(next() * (i + 1));
      [perm[i], perm[k]] = [perm[k] as number, perm[i] as number];
    }
    for (let i = 0; i < n; i++) (out[i] as number[])[j] = ((perm[i] as number) + next()) / n;
  }
  return out;
}

/** The input values of every sample: values[i][j] = F_j⁻¹(u_ij). */
export function sampleValues(
  n: number,
  inputs: readonly Distribution[],
  seed: number,
  method: SamplingMethod,
): number[][] {
  return unitSamples(n, inputs.length, seed, method).map((row) =>
    row.map((u, j) => inverseCdf(inputs[j] as Distribution, u)),
  );
}
