/**
 * What `gigawatt` loads before it knows the command: the static import graph of the bundled CLI
 * (dist/cli.js and the chunks it imports; esbuild code splitting, scripts/build.mjs). The results
 * store (DuckDB), the distributed queue (bullmq, ioredis) and the HTTP server (hono) are loaded by
 * the commands that use them, through dynamic imports, so `--help`, `headroom`, `validate` … start
 * without them (`gigawatt --version`: 0.8–1.0 s → 0.26 s on the development machine).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIST = join(import.meta.dirname, '..', 'dist');

/** Specifiers of a module's top-level `import … from "x"` / `import "x"` statements (not `import()`). */
function staticImports(file: string): string[] {
  const text = readFileSync(join(DIST, file), 'utf8');
  return [...text.matchAll(/^import\s+(?:[^;]*?\s+from\s+)?["']([^"']+)["'];?\s*$/gm)].map(
    (m) => m[1] as string,
  );
}

/** Every package reached from `entry` through static imports only, and every file visited. */
function staticGraph(entry: string): { packages: Set<string>; files: Set<string> } {
  const packages = new Set<string>();
  const files = new Set<string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (files.has(file)) continue;
    files.add(file);
    for (const spec of staticImports(file)) {
      if (spec.startsWith('./')) pending.push(spec.slice(2));
      else
        packages.add(
          spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] as string),
        );
    }
  }
  return { packages, files };
}

describe.skipIf(!existsSync(join(DIST, 'cli.js')))('the CLI at start-up', () => {
  const { packages, files } = staticGraph('cli.js');

  it('loads the command-line parser and the model (the graph is really followed)', () => {
    expect(packages).toContain('commander');
    expect(packages).toContain('zod');
    expect(files.size).toBeGreaterThan(1);
  });

  it('does not load the results store, the queue or the HTTP server', () => {
    for (const heavy of ['@duckdb/node-api', 'bullmq', 'ioredis', 'hono', '@hono/node-server'])
      expect([...packages], heavy).not.toContain(heavy);
  });

  it('still reaches them on demand: some chunk of the bundle imports each', () => {
    const all = new Set(readdirChunks().flatMap((f) => staticImports(f).filter((s) => !s.startsWith('./'))));
    for (const heavy of ['@duckdb/node-api', 'bullmq', 'ioredis', 'hono']) expect([...all]).toContain(heavy);
  });
});

function readdirChunks(): string[] {
  return readdirSync(DIST).filter((f) => f.endsWith('.js'));
}
