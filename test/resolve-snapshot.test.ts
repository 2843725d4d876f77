/**
 * The `--explain` list (summary.assumptions) of every built-in scenario, against a JSON snapshot taken
 * before resolveScenario was split into named pieces: the refactor must not change a single kind,
 * source, value or order. Regenerate deliberately with UPDATE_ASSUMPTIONS=1 when a change is meant.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fileDataSource } from '../src/io/data-source.js';
import { builtinScenarioNames, loadScenario } from '../src/io/load-scenario.js';
import { runScenario } from '../src/run.js';

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
