/**
 * Where the bundled data and scenarios are: the package root (found by walking up from this module to
 * the package.json named "gigawatt", so it works from src/ under tsx/vitest and from the dist/ bundle).
 * `GIGAWATT_DATA_DIR` overrides the data folder.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

export function packageRoot(): string {
  if (root !== undefined) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'gigawatt') {
      root = dir;
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error('cannot find the gigawatt package root (package.json) above this module');
    dir = parent;
  }
}

export const dataDir = (): string => process.env.GIGAWATT_DATA_DIR ?? join(packageRoot(), 'data');
export const scenariosDir = (): string => join(packageRoot(), 'scenarios');

/** The package version, for run records. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string })
    .version;
}
