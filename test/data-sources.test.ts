/** The data sources a run can use give the same answers (the sweep's cached one included). */
import { describe, expect, it } from 'vitest';
import { fileDataSource } from '../src/io/data-source.js';
import { loadScenario } from '../src/io/load-scenario.js';
import { cachedDataSource } from '../src/io/sweep/cached-data.js';
import { runScenario } from '../src/run.js';

describe('cachedDataSource (sweep workers)', () => {
  it('runs a scenario with grid-side flexibility exactly like the file data source', () => {
    const { scenario, raw } = loadScenario('stargate-abilene');
    expect(scenario.sites[0]?.flexibility).toBeDefined();
    const a = runScenario(scenario, fileDataSource(), { raw }).summary.totals;
    const b = runScenario(scenario, cachedDataSource(), { raw }).summary.totals;
    expect(b).toEqual(a);
    expect(a.onsiteGenerationMWh).toBeGreaterThan(0);
  });
});
