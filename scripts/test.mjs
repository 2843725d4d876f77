#!/usr/bin/env node
/**
 * `vitest run` for `npm test`, with one narrow second chance: when the only trouble was a test
 * process that died before its file finished ("Worker exited unexpectedly": a crash of a native
 * module or a signal, which vitest reports without the file), and no test failed, the files it was
 * running are run once more on their own. The first run's crash is printed with the file and test
 * (test/reporters/unfinished.ts) and this script says that it re-ran them, so a crash is never
 * silent; a test that fails, or a file that dies twice, fails the run as before.
 *
 * Usage: node scripts/test.mjs [vitest arguments]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'gigawatt-test-'));
const report = join(dir, 'unfinished.json');

function vitest(args) {
  rmSync(report, { force: true });
  const r = spawnSync('npx', ['vitest', 'run', ...args], {
    stdio: 'inherit',
    env: { ...process.env, GIGAWATT_UNFINISHED_JSON: report },
  });
  let run;
  try {
    run = JSON.parse(readFileSync(report, 'utf8'));
  } catch {
    run = undefined; // vitest ended before its reporters (a bad argument, a config error)
  }
  return { status: r.status ?? 1, run };
}

const first = vitest(process.argv.slice(2));
let status = first.status;
const run = first.run;
if (
  status !== 0 &&
  run !== undefined &&
  run.failedFiles === 0 &&
  run.onlyExitedWorkers &&
  run.unfinished.length > 0
) {
  process.stderr.write(
    `\nnpm test: no test failed, but the test process of ${run.unfinished.join(', ')} died before the file finished ` +
      '(above: the tests it was running). Running only those files once more.\n\n',
  );
  status = vitest(run.unfinished).status;
  process.stderr.write(
    status === 0
      ? `\nnpm test: the re-run of ${run.unfinished.join(', ')} passed; the crash above is reported, not hidden.\n`
      : `\nnpm test: the re-run of ${run.unfinished.join(', ')} failed too.\n`,
  );
}
rmSync(dir, { recursive: true, force: true });
process.exit(status);
