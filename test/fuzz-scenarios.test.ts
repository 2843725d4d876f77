/**
 * Property-based fuzzing of scenarios (scripts/fuzz.ts holds the generators and the properties):
 * valid and near-valid scenarios through validation and the hourly engine. No exception but
 * ScenarioError, no NaN or infinity in any summary figure or hourly column, and every hour's energy
 * balance within 1e-6 MW. A fixed seed, so a failure here reproduces with
 * `npm run fuzz -- --runs 200 --seed 20261202`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRunResult, fuzzScenarios, nearValidArb } from '../scripts/fuzz.js';
import { fileDataSource } from '../src/io/data-source.js';
import { loadScenario } from '../src/io/load-scenario.js';
import { parseScenarioDocument, ScenarioError } from '../src/model/parse-yaml.js';
import { runScenario } from '../src/run.js';

const data = fileDataSource();

describe('fuzzing scenarios', () => {
  it('200 generated scenarios: only ScenarioError, finite outputs, balanced hours', {
    timeout: 120_000,
  }, () => {
    const stats = fuzzScenarios(200, 20261202, data);
    // Not vacuous: a good share of the cases are valid and were simulated, and some were refused.
    expect(stats.valid).toBeGreaterThanOrEqual(30);
    expect(stats.refused).toBeGreaterThanOrEqual(30);
  });

  it('near-valid scenarios are refused with located issues, never another exception', () => {
    fc.assert(
      fc.property(nearValidArb, (raw) => {
        try {
          parseScenarioDocument(JSON.stringify(raw), 'fuzz.json');
        } catch (err) {
          expect(err).toBeInstanceOf(ScenarioError);
          for (const issue of (err as ScenarioError).issues) {
            expect(issue.line).toBeGreaterThanOrEqual(1);
            expect(issue.message.length).toBeGreaterThan(0);
          }
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('the checks are not vacuous: a tampered hour or a NaN fails them', () => {
    const { scenario, raw } = loadScenario('colossus-memphis');
    const short = { ...scenario, end: '2025-01-10', start: '2025-01-01' };
    const fresh = () => runScenario(short, data, { raw });
    expect(() => checkRunResult(fresh())).not.toThrow();
    const cooling = fresh();
    const c = cooling.sites[0]?.hourly.coolingMW as Float64Array;
    c[5] = (c[5] as number) + 1e-3;
    expect(() => checkRunResult(cooling)).toThrow(/hour 5: facility .* != IT \+ cooling/);
    const grid = fresh();
    const g = grid.sites[0]?.hourly.gridImportMW as Float64Array;
    g[7] = (g[7] as number) - 1e-3;
    expect(() => checkRunResult(grid)).toThrow(/hour 7: grid \+ on-site/);
    const nan = fresh();
    (nan.sites[0]?.hourly.waterM3 as Float64Array)[3] = Number.NaN;
    expect(() => checkRunResult(nan)).toThrow(/waterM3\[3\] = NaN/);
  });
});
