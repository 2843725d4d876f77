// Bundles the library and the CLI into dist/ with esbuild (dependencies stay external), then emits the
// type declarations of the two public entries (`gigawatt`, `gigawatt/engine`) into dist/types with tsc.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { build } from 'esbuild';

// Code splitting names shared chunks by content hash: remove the previous build's, or they pile up.
if (existsSync('dist'))
  for (const f of readdirSync('dist')) if (/^chunk-[A-Z0-9]+\.js(\.map)?$/.test(f)) rmSync(`dist/${f}`);

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  // Modules behind a dynamic import (the results store, the queue, the server) become chunks of their
  // own, loaded by the commands that use them: the CLI starts without DuckDB, bullmq or hono.
  splitting: true,
  sourcemap: true,
  logLevel: 'warning',
};
await build({
  ...common,
  entryPoints: {
    cli: 'src/cli/main.ts',
    index: 'src/index.ts',
    engine: 'src/engine.ts',
    // the sweep's piscina worker (src/io/sweep/local-pool.ts loads dist/sweep-worker.js)
    'sweep-worker': 'src/io/sweep/worker.ts',
    // the server's compute pool (src/server/compute/pool.ts loads dist/compute-worker.js)
    'compute-worker': 'src/server/compute/worker.ts',
  },
  outdir: 'dist',
  banner: { js: '' },
});
chmodSync('dist/cli.js', 0o755);

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
