#!/usr/bin/env node
/**
 * The mutation probe of issue 10: realistic one-line bugs, each applied alone to the source, with the
 * in-process test files that must catch it. For each mutant: patch the file, run vitest on the given
 * test files, restore the file (always, also on Ctrl-C), and report killed (tests failed) or SURVIVED.
 *
 *   node test/mutation-probe/probe.mjs                 every mutant, its own test files
 *   node test/mutation-probe/probe.mjs water-x1000     one mutant (by id)
 *   node test/mutation-probe/probe.mjs --tests test/engine.test.ts water-x1000   other test files
 *   node test/mutation-probe/probe.mjs --before        without test/mutation-probe.test.ts (the
 *                                                      suite as it was before the probe's tests)
 *
 * Runs one vitest process at a time (the machine is shared); a mutant whose line has moved is
 * reported as 'not applied' so the list can be kept up to date.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

const ENGINE_TESTS = [
  'test/engine.test.ts',
  'test/supply.test.ts',
  'test/cooling.test.ts',
  'test/flexibility.test.ts',
  'test/weather.test.ts',
  'test/replay.test.ts',
  'test/mutation-probe.test.ts',
];
const CLUSTER_TESTS = [
  'test/cluster-core.test.ts',
  'test/cluster-training.test.ts',
  'test/cluster-scenario.test.ts',
  'test/mutation-probe.test.ts',
];

/** id, file, the exact text, its mutant, what the bug is, the test files that must kill it. */
export const MUTANTS = [
  {
    id: 'water-x1000',
    file: 'src/engine/facility.ts',
    from: 'out.waterM3[h] = served * terms.waterLPerKWh;',
    to: 'out.waterM3[h] = served * terms.waterLPerKWh * 1000;',
    bug: 'hourly water ×1000 (MWh·L/kWh taken as litres→m³ twice)',
    tests: ENGINE_TESTS,
  },
  {
    id: 'accelerator-mw-unscaled',
    file: 'src/engine/facility.ts',
    from: 'out.acceleratorMW[h] = (out.acceleratorDemandMW[h] as number) * (served / demand);',
    to: 'out.acceleratorMW[h] = out.acceleratorDemandMW[h] as number;',
    bug: 'accelerator MW not scaled by the served share when the interconnect limits load',
    tests: ENGINE_TESTS,
  },
  {
    id: 'water-unserved-unscaled',
    file: 'src/engine/supply.ts',
    from: 'out.waterM3[h] = (out.waterM3[h] as number) * ratio;',
    to: 'out.waterM3[h] = out.waterM3[h] as number;',
    bug: 'water not scaled down when supply leaves load unserved',
    tests: ENGINE_TESTS,
  },
  {
    id: 'arbitrage-ignores-rte',
    file: 'src/engine/supply.ts',
    from: 'if ((price[dear] as number) * b.roundTripEfficiency <= (price[cheap] as number)) break;',
    to: 'if ((price[dear] as number) <= (price[cheap] as number)) break;',
    bug: 'battery arbitrage ignores round-trip efficiency (cycles whenever dear > cheap)',
    tests: ENGINE_TESTS,
  },
  {
    id: 'tz-sign-flip',
    file: 'src/engine/environment.ts',
    from: 'const offsetMs = weather.tzOffsetHours * HOUR_MS;',
    to: 'const offsetMs = -weather.tzOffsetHours * HOUR_MS;',
    bug: 'time-zone sign flip in the UTC → local standard hour mapping of the weather year',
    tests: ENGINE_TESTS,
  },
  {
    id: 'repair-rate-for-mean',
    file: 'src/cluster/simulator.ts',
    from: 'this.rng.exponential(1 / model.repairHours)',
    to: 'this.rng.exponential(model.repairHours)',
    bug: 'exponential repair time drawn with the mean where the rate belongs (mean 1/MTTR h)',
    tests: CLUSTER_TESTS,
  },
  {
    id: 'busy-unit-hours-no-per-unit',
    file: 'src/cluster/training.ts',
    from: 'dt * this.held * this.acceleratorsPerUnit * this.busyEquivalent;',
    to: 'dt * this.held * this.busyEquivalent;',
    bug: "a training job's busy accelerator-hours count units, not accelerators",
    tests: CLUSTER_TESTS,
  },
  {
    id: 'site-unit-hours-no-per-unit',
    file: 'src/cluster/simulator.ts',
    from: 'units[h] = (units[h] as number) + pool.added * ps.acceleratorsPerUnit;',
    to: 'units[h] = (units[h] as number) + pool.added;',
    bug: "a site's installed unit accelerator-hours count units, not accelerators",
    tests: CLUSTER_TESTS,
  },
  {
    id: 'held-unit-hours-no-per-unit',
    file: 'src/cluster/training.ts',
    from: '(this.heldAcceleratorHours[hour] as number) + dt * this.held * this.acceleratorsPerUnit;',
    to: '(this.heldAcceleratorHours[hour] as number) + dt * this.held;',
    bug: "a training job's held accelerator-hours count units, not accelerators",
    tests: CLUSTER_TESTS,
  },
  {
    id: 'inference-busy-no-per-unit',
    file: 'src/cluster/inference.ts',
    from: 'this.busyAcceleratorHours[h] = served * this.acceleratorsPerUnit;',
    to: 'this.busyAcceleratorHours[h] = served;',
    bug: "an inference service's busy accelerator-hours count units, not accelerators",
    tests: CLUSTER_TESTS,
  },
];

let child;
let restore;
function runTests(files) {
  return new Promise((resolve) => {
    child = spawn('npx', ['vitest', 'run', '--bail', '1', ...files], {
      cwd: root,
      stdio: 'ignore',
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    child.on('exit', (code) => resolve(code));
  });
}

process.on('SIGINT', () => {
  restore?.();
  child?.kill('SIGINT');
  process.exit(130);
});

const args = process.argv.slice(2);
let override;
const ti = args.indexOf('--tests');
if (ti >= 0) {
  override = [];
  for (let i = ti + 1; i < args.length && args[i].endsWith('.ts'); i++) override.push(args[i]);
  args.splice(ti, override.length + 1);
}
const before = args.includes('--before');
const ids = args.filter((a) => a !== '--before');
const chosen = ids.length > 0 ? MUTANTS.filter((m) => ids.includes(m.id)) : MUTANTS;
for (const m of chosen) {
  const path = join(root, m.file);
  const original = readFileSync(path, 'utf8');
  const n = original.split(m.from).length - 1;
  if (n !== 1) {
    console.log(`${m.id.padEnd(28)} not applied (${n} matches in ${m.file})`);
    continue;
  }
  restore = () => writeFileSync(path, original);
  try {
    writeFileSync(path, original.replace(m.from, m.to));
    const files = (override ?? m.tests).filter((f) => !(before && f.endsWith('mutation-probe.test.ts')));
    const status = await runTests(files);
    console.log(`${m.id.padEnd(28)} ${status === 0 ? 'SURVIVED' : 'killed'}  (${m.bug})`);
  } finally {
    restore();
    restore = undefined;
  }
}
