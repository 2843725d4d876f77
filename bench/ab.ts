/**
 * Interleaved A/B of two trees in one sitting (docs: bench/README.md, "Issue 11, round 4"): the
 * engine-hourly benchmark and the in-process sweep, tree A then tree B, `pairs` times each, every run in
 * a fresh child process (`bench/ab-child.ts` run from the tree it measures, so each loads its own
 * sources), the 1-minute load average noted beside each. One JSON line per run on stdout.
 *
 *   node --import tsx bench/ab.ts <treeA> <treeB> [pairs=3]
 *
 * Both trees need `npm ci` and `npm run build` (the sweep times each tree's bundled worker). Set
 * GIGAWATT_BENCH_SWEEP_SAMPLES for the sweep (default here 120: a sample is ~30–50 ms).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const [a, b, pairsArg] = process.argv.slice(2);
if (a === undefined || b === undefined) {
  process.stderr.write('usage: bench/ab.ts <treeA> <treeB> [pairs]\n');
  process.exit(2);
}
for (const tree of [a, b])
  if (!existsSync(join(resolve(tree), 'bench', 'engine-hourly.ts'))) {
    process.stderr.write(`bench/ab.ts: ${tree} is not a gigawatt tree (no bench/engine-hourly.ts)\n`);
    process.exit(2);
  }
const pairs = Number(pairsArg ?? 3);
if (!Number.isInteger(pairs) || pairs < 1) {
  process.stderr.write(`bench/ab.ts: pairs must be a whole number ≥ 1 (got ${pairsArg})\n`);
  process.exit(2);
}
// The child script may not exist in an older tree: run this tree's copy from a scratch folder (as
// .mts: outside the package it would be read as CommonJS, which has no top-level await).
const scratch = mkdtempSync(join(tmpdir(), 'gigawatt-ab-'));
const child = join(scratch, 'ab-child.mts');
copyFileSync(join(import.meta.dirname, 'ab-child.ts'), child);
const env = {
  ...process.env,
  GIGAWATT_BENCH_SWEEP_SAMPLES: process.env.GIGAWATT_BENCH_SWEEP_SAMPLES ?? '120',
};
try {
  for (const mode of ['engine', 'sweep'] as const)
    for (let i = 0; i < pairs; i++)
      for (const tree of [a, b]) {
        const load = loadavg()[0] as number;
        let out: string;
        try {
          out = execFileSync(process.execPath, ['--import', 'tsx', child, mode, resolve(tree)], {
            cwd: resolve(tree),
            env,
            encoding: 'utf8',
            stdio: ['ignore', 'pipe', 'pipe'],
          });
        } catch (err) {
          const e = err as { status?: number; stderr?: string };
          const tail = (e.stderr ?? '').trim().split('\n').slice(-5).join('\n');
          process.stderr.write(
            `bench/ab.ts: the ${mode} run of ${tree} failed (exit ${e.status}):\n${tail}\n`,
          );
          process.exitCode = 1;
          continue;
        }
        const last = out.trim().split('\n').pop() ?? '{}';
        console.log(
          JSON.stringify({
            ...JSON.parse(last),
            ab: mode,
            pair: i + 1,
            loadAverage1mBefore: Number(load.toFixed(2)),
          }),
        );
      }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
