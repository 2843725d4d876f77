/**
 * Field paths into a scenario, as users write them: `sites[0].utilisation.busyFraction`,
 * `economics.discountRate`, `economics.acceleratorPriceUSD.gb300`. Reading, writing (on a copy of
 * the scenario as written) and checking that a path names a numeric field of the scenario format.
 */
import type { Scenario } from '../../model/scenario.js';
import { DistributionError } from '../../model/uncertainty.js';
import { validateScenario } from '../../model/validate.js';

export type Segment = string | number;

const PATH = /^[A-Za-z_$][\w$-]*(\[\d+\])*(\.[A-Za-z_$][\w$-]*(\[\d+\])*)*$/;

export function parseFieldPath(path: string): Segment[] {
  if (!PATH.test(path))
    throw new DistributionError(
      `${JSON.stringify(path)} is not a field path (write it like sites[0].utilisation.busyFraction)`,
    );
  const out: Segment[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g))
    out.push(m[2] !== undefined ? Number(m[2]) : (m[1] as string));
  return out;
}

export function getPath(obj: unknown, path: readonly Segment[]): unknown {
  let cur = obj;
  for (const k of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<Segment, unknown>)[k];
  }
  return cur;
}

/** Sets `value` at `path` in `obj` (mutating), creating missing objects but never array elements. */
export function setPath(obj: Record<string, unknown>, path: readonly Segment[], value: number): void {
  let cur: unknown = obj;
  path.forEach((k, i) => {
    const c = cur as Record<Segment, unknown>;
    if (i === path.length - 1) {
      c[k] = value;
      return;
    }
    const nextKey = path[i + 1];
    if (typeof nextKey === 'number') {
      const arr = c[k];
      if (!Array.isArray(arr) || nextKey >= arr.length)
        throw new DistributionError(
          `${path.map(String).join('.')}: there is no element [${nextKey}] of ${String(k)}`,
        );
    } else if (c[k] === undefined || c[k] === null) c[k] = {};
    else if (typeof c[k] !== 'object')
      throw new DistributionError(`${String(k)} is ${JSON.stringify(c[k])}, not an object`);
    cur = c[k];
  });
}

/** A deep copy of a JSON-like value (scenarios as written are plain data). */
export const cloneData = <T>(x: T): T => structuredClone(x);

/**
 * Checks that each path names a numeric field: present and numeric in the scenario (defaults applied),
 * or absent but accepted by the scenario format when given the `probe` value. Throws DistributionError
 * naming the path, what is there and what is allowed.
 */
export function checkNumericPath(scenario: Scenario, raw: unknown, path: string, probe: number): Segment[] {
  const segs = parseFieldPath(path);
  if (segs[0] === 'uncertainty' || segs[0] === 'name')
    throw new DistributionError(`${path}: cannot be varied (only numeric scenario fields)`);
  const current = getPath(scenario, segs);
  if (typeof current === 'number') return segs;
  if (current !== undefined)
    throw new DistributionError(
      `${path}: is ${JSON.stringify(current)?.slice(0, 40)}, not a number; only numeric fields can be varied`,
    );
  const copy = cloneData(raw) as Record<string, unknown>;
  try {
    setPath(copy, segs, probe);
  } catch (err) {
    throw new DistributionError(`${path}: no such field in the scenario (${(err as Error).message})`);
  }
  const r = validateScenario(copy);
  if (!r.ok) {
    const issue = r.issues[0];
    throw new DistributionError(
      `${path}: no such numeric field in the scenario format${issue ? ` (${issue.message})` : ''}`,
    );
  }
  return segs;
}
