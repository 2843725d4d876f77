/**
 * `gigawatt compare`: a run against a sweep meets it at the sweep's P50, and figures print with the
 * units and formatting of `gigawatt run` (not 1.4469e+7).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatMetric } from '../src/cli/commands/runs.js';
import { baseScenario } from './helpers.js';

const CLI = join(import.meta.dirname, '..', 'dist', 'cli.js');
const dir = mkdtempSync(join(tmpdir(), 'gigawatt-compare-'));
const store = join(dir, 'runs.duckdb');
const gigawatt = (args: string[]) =>
  spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, GIGAWATT_STORE: store },
  });

describe('formatMetric', () => {
  it('reads the unit from the metric name, with thousands separators and one minus sign', () => {
    expect(formatMetric('facilityEnergyMWh', 46_400_000)).toBe('46.4 TWh');
    expect(formatMetric('peakFacilityMW', 1300)).toBe('1.3 GW');
    expect(formatMetric('npvUSD.p50', -3.5e9)).toBe('\u2212$3.5B');
    expect(formatMetric('co2Tonnes', 14_500_000)).toBe('14.5 Mt CO2e');
    expect(formatMetric('waterM3', 2_370_000)).toBe('2.37 million m³');
    expect(formatMetric('acceleratorCount', 144_000)).toBe('144,000');
    expect(formatMetric('paybackYear', 2028)).toBe('2028');
    expect(formatMetric('irr', 0.39)).toBe('39.0 %');
    expect(formatMetric('pue', 1.10312)).toBe('1.103');
    expect(formatMetric('npvUSD', null)).toBe('—');
  });
});

describe('gigawatt compare: a run against a sweep', () => {
  const file = join(dir, 'small.json');
  writeFileSync(file, JSON.stringify(baseScenario()));
  const run = gigawatt(['run', file, '-q']);
  // no uncertain input: every sample is the deterministic run, so the P50 equals the run exactly
  const sweep = gigawatt(['sweep', file, '--samples', '2', '--workers', '1']);
  it('meets the sweep at its P50: the same scenario shows no difference', () => {
    expect(run.status).toBe(0);
    expect(sweep.status, sweep.stderr).toBe(0);
    const json = JSON.parse(gigawatt(['compare', '1', '2', '--all', '--json']).stdout);
    expect(json.basis).toBe('a run against a sweep: the sweep at its P50');
    const capex = json.metrics.find((m: { metric: string }) => m.metric === 'capexUSD');
    expect(capex.a).toBeGreaterThan(0);
    expect(capex.delta).toBe(0);
    expect(json.metrics.some((m: { metric: string }) => m.metric.includes('.p50'))).toBe(false);
    const text = gigawatt(['compare', '1', '2', '--all']).stdout;
    expect(text).toContain('sweep P50 2');
    expect(text).not.toMatch(/\de\+\d/);
    expect(text).toMatch(/facilityEnergyMWh\s+[\d.]+ [GMT]Wh/);
  });
});
