/**
 * Where runs are saved: `--store PATH`, else the `GIGAWATT_STORE` environment variable, else
 * `~/.gigawatt/runs.duckdb`. `--no-store`, or `GIGAWATT_STORE=none`, saves nothing.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

/** `store` as commander gives it: a path, `false` for --no-store, or undefined/true for the default. */
export function storePath(store?: string | boolean): string | undefined {
  if (store === false) return undefined;
  const given = typeof store === 'string' ? store : process.env.GIGAWATT_STORE;
  if (given !== undefined && given !== '') {
    if (given === 'none' || given === 'off') return undefined;
    return given;
  }
  return join(homedir(), '.gigawatt', 'runs.duckdb');
}
