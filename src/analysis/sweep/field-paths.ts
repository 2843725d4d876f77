/**
 * Field paths into a scenario, as users write them: `sites[0].utilisation.busyFraction`,
 * `economics.discountRate`, `economics.acceleratorPriceUSD.gb300`. Reading, writing (on a copy of
 * the scenario as written) and checking that a path names a numeric field of the scenario format.
 */
import type { Scenario } from '../../model/scenario.js';
import { DistributionError } from '../../model/uncertainty.js';
import { validateScenario } from '../../model/validate.js';

export type Segment = string | number;

/**
 * A field path that cannot be used: not written like a path, or naming a key that would reach an
 * object's prototype. The message is self-contained (names the path and what is allowed), so the CLI
 * can print it and the server can answer 400 with it.
 */
export class FieldPathError extends DistributionError {
  override name = 'FieldPathError';
}

/** Keys that reach or replace an object's prototype; never valid in a scenario. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** A path as users write it: sites[0].utilisation.busyFraction */
const writePath = (path: readonly Segment[]): string =>
  path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');

/** Throws FieldPathError if any segment of `path` is a forbidden key. */
export function assertSafePath(path: readonly Segment[]): void {
  const bad = path.find((k) => typeof k === 'string' && FORBIDDEN_KEYS.has(k));
  if (bad !== undefined)
    throw new FieldPathError(
      `${JSON.stringify(writePath(path))}: the segment ${JSON.stringify(bad)} is not allowed in a field path (${[...FORBIDDEN_KEYS].join(', ')} are reserved); name a scenario field like sites[0].utilisation.busyFraction`,
    );
}

const PATH = /^[A-Za-z_$][\w$-]*(\[\d+\])*(\.[A-Za-z_$][\w$-]*(\[\d+\])*)*$/;

export function parseFieldPath(path: string): Segment[] {
  if (!PATH.test(path))
    throw new FieldPathError(
      `${JSON.stringify(path)} is not a field path (write it like sites[0].utilisation.busyFraction)`,
    );
  const out: Segment[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g))
    out.push(m[2] !== undefined ? Number(m[2]) : (m[1] as string));
  assertSafePath(out);
  return out;
}

/** The value at `path` in `obj` (own properties only), or undefined. Throws FieldPathError on a forbidden key. */
export function getPath(obj: unknown, path: readonly Segment[]): unknown {
  assertSafePath(path);
  let cur = obj;
  for (const k of path) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, k)) return undefined;
    cur = (cur as Record<Segment, unknown>)[k];
  }
  return cur;
}

/**
 * Sets `value` at `path` in `obj` (mutating), creating missing objects (with a null prototype) but
 * never array elements. Throws FieldPathError on a forbidden key, before writing anything.
 */
export function setPath(obj: Record<string, unknown>, path: readonly Segment[], value: number): void {
  assertSafePath(path);
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
        throw new FieldPathError(
          `${path.map(String).join('.')}: there is no element [${nextKey}] of ${String(k)}`,
        );
    } else if (!Object.hasOwn(c, k) || c[k] === undefined || c[k] === null) c[k] = Object.create(null);
    else if (typeof c[k] !== 'object')
      throw new FieldPathError(`${String(k)} is ${JSON.stringify(c[k])}, not an object`);
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
