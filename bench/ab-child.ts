/**
 * One run of a benchmark from another tree (a worktree of an older commit, say), for `bench/ab.ts`:
 * `node --import tsx bench/ab-child.ts <engine|sweep> <tree>` imports that tree's bench module and prints
 * its JSON line. `sweep` times that tree's bundled worker (<tree>/dist/sweep-worker.js; build it first)
 * in process, GIGAWATT_BENCH_SWEEP_SAMPLES samples.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [mode, tree] = process.argv.slice(2);
if ((mode !== 'engine' && mode !== 'sweep') || tree === undefined) {
  process.stderr.write('usage: bench/ab-child.ts <engine|sweep> <tree>\n');
  process.exit(2);
}
const root = resolve(tree);
const load = (file: string) => import(pathToFileURL(resolve(root, file)).href);
if (mode === 'engine') {
  const m = (await load('bench/engine-hourly.ts')) as {
    benchEngineHourly: (o: { minSeconds?: number }) => Promise<unknown>;
  };
  console.log(JSON.stringify({ tree: root, ...((await m.benchEngineHourly({ minSeconds: 3 })) as object) }));
} else {
  process.env.GIGAWATT_BENCH_SWEEP_WORKER = resolve(root, 'dist', 'sweep-worker.js');
  const m = (await load('bench/sweep.ts')) as { benchSweepInProcess: () => Promise<unknown> };
  console.log(JSON.stringify({ tree: root, ...((await m.benchSweepInProcess()) as object) }));
}
