#!/usr/bin/env node
/**
 * Re-checks the survivors of a Stryker JSON report against test files added since: applies each
 * surviving mutant (its replacement over its source range) to the file alone, runs vitest on the given
 * test files, restores the file, and prints which survivors are now killed. A cheap second pass where
 * a whole Stryker run does not fit in the time (one vitest process at a time). Mutants Stryker found no
 * test for (NoCoverage) are re-checked too. A run that outlasts GIGAWATT_RECHECK_TIMEOUT_S (default
 * 120 s; a mutant that loops for ever) is stopped and counted as killed, as Stryker counts a timeout.
 *
 *   node test/stryker/recheck-survivors.mjs reports/mutation/economics.json test/a.test.ts test/b.test.ts
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const [reportFile, ...tests] = process.argv.slice(2);
const report = JSON.parse(readFileSync(reportFile, 'utf8'));

/** Offset of a 1-based line and 1-based column in `text`. */
function offset(text, { line, column }) {
  let at = 0;
  for (let l = 1; l < line; l++) at = text.indexOf('\n', at) + 1;
  return at + column - 1;
}

let child;
let restore;
process.on('SIGINT', () => {
  restore?.();
  child?.kill('SIGINT');
  process.exit(130);
});
const timeoutMs = 1000 * Number(process.env.GIGAWATT_RECHECK_TIMEOUT_S ?? 120);
const run = () =>
  new Promise((resolve) => {
    child = spawn('npx', ['vitest', 'run', '--bail', '1', ...tests], {
      cwd: root,
      stdio: 'ignore',
      detached: true,
    });
    const timer = setTimeout(() => {
      // the whole group: npx, vitest and its workers
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
    }, timeoutMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(signal === null ? code : 'timeout');
    });
  });

let killed = 0;
let total = 0;
for (const [file, f] of Object.entries(report.files)) {
  const path = join(root, file);
  const original = readFileSync(path, 'utf8');
  if (original !== f.source) {
    console.log(`${file}: changed since the report, skipped`);
    continue;
  }
  for (const m of f.mutants.filter((x) => x.status === 'Survived' || x.status === 'NoCoverage')) {
    const a = offset(original, m.location.start);
    const b = offset(original, m.location.end);
    restore = () => writeFileSync(path, original);
    writeFileSync(path, original.slice(0, a) + m.replacement + original.slice(b));
    const status = await run();
    restore();
    restore = undefined;
    total++;
    if (status !== 0) killed++;
    const shown = original.slice(a, b).replace(/\s+/g, ' ').slice(0, 50);
    console.log(
      `${status === 0 ? 'SURVIVED' : status === 'timeout' ? 'timeout ' : 'killed  '} ${file}:${m.location.start.line}:${m.location.start.column} ${m.mutatorName}: ${shown} → ${String(m.replacement).replace(/\s+/g, ' ').slice(0, 50)}`,
    );
  }
}
console.log(`${killed} of ${total} survivors killed by ${tests.join(', ')}`);
