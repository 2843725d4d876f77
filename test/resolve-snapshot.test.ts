/**
 * The `--explain` list (summary.assumptions) of every built-in scenario, against a JSON snapshot taken
 * before resolveScenario was split into named pieces: the refactor must not change a single kind,
 * source, value or order. Regenerate deliberately with UPDATE_ASSUMPTIONS=1 when a change is meant.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fileDataSource } from '../src/io/data-source.js';
import { builtinScenarioNames, loadScenario } from '../src/io/load-scenario.js';
import { resolveScenario } from '../src/model/resolve.js';
import { AssumptionRecorder } from '../src/model/resolve-site.js';
import { runScenario } from '../src/run.js';
import { baseScenario, fakeData, parseOk } from './helpers.js';

const data = fileDataSource();
const update = process.env.UPDATE_ASSUMPTIONS === '1';

/** JSON round-trips doubles exactly, so toEqual on the parsed snapshot is a bit-for-bit comparison. */
function expectSnapshot(file: string, value: unknown): void {
  const actual = JSON.parse(JSON.stringify(value)) as unknown;
  if (update) writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
  if (!existsSync(file)) throw new Error(`no snapshot ${file}; run with UPDATE_ASSUMPTIONS=1`);
  expect(actual).toEqual(JSON.parse(readFileSync(file, 'utf8')));
}

describe('assumptions of the built-in scenarios match the pre-refactor snapshot', () => {
  it('there are built-in scenarios to compare', () => {
    expect(builtinScenarioNames().length).toBeGreaterThanOrEqual(5);
  });
  for (const name of builtinScenarioNames()) {
    it(name, () => {
      const summary = runScenario(loadScenario(name).scenario, data).summary;
      // The totals too: the split of supplyStage and resolveScenario must leave every figure bit-identical.
      expectSnapshot(`test/fixtures/assumptions/${name}.json`, summary.assumptions);
      expectSnapshot(`test/fixtures/assumptions/${name}.totals.json`, summary.totals);
    });
  }
});

describe('the assumption recorder', () => {
  it("a value the raw input has is 'scenario'; one it lacks is 'default' with the given basis; paths print as sites[0].x", () => {
    const rec = new AssumptionRecorder({ sites: [{ utilisation: { busyFraction: 0.8 } }] });
    rec.note(['sites', 0, 'utilisation', 'busyFraction'], 0.8, 'fraction', 'unused');
    rec.note(['sites', 0, 'utilisation', 'dutyCycle'], 1, 'fraction', 'a cited default');
    expect(rec.list).toEqual([
      {
        path: 'sites[0].utilisation.busyFraction',
        value: 0.8,
        unit: 'fraction',
        kind: 'scenario',
        basis: 'given in the scenario',
      },
      {
        path: 'sites[0].utilisation.dutyCycle',
        value: 1,
        unit: 'fraction',
        kind: 'default',
        basis: 'a cited default',
      },
    ]);
  });
  it('an accelerator used by two phases is recorded once', () => {
    const input = baseScenario();
    const site = input.sites[0];
    if (!site) throw new Error('no site');
    site.phases = [
      { online: '2026-03-01', rampDays: 0, accelerator: 'h100', count: 100 },
      { online: '2026-06-01', rampDays: 0, accelerator: 'h100', count: 200 },
    ];
    const paths = resolveScenario(parseOk(input), fakeData(), input).assumptions.map((a) => a.path);
    // board power, host, idle share, host idle, peak TFLOP/s and price: six figures, each once
    const h100 = paths.filter((p) => p.startsWith('accelerators.h100.'));
    expect(h100).toHaveLength(6);
    expect(new Set(h100).size).toBe(6);
  });
});
