// Bundles the library and the CLI into dist/ with esbuild (dependencies stay external).
import { chmodSync } from 'node:fs';
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
};
await build({
  ...common,
  entryPoints: {
    cli: 'src/cli/main.ts',
    index: 'src/index.ts',
    // the sweep's piscina worker (src/io/sweep/local-pool.ts loads dist/sweep-worker.js)
    'sweep-worker': 'src/io/sweep/worker.ts',
    // the server's compute pool (src/server/compute/pool.ts loads dist/compute-worker.js)
    'compute-worker': 'src/server/compute/worker.ts',
  },
  outdir: 'dist',
  banner: { js: '' },
});
chmodSync('dist/cli.js', 0o755);
