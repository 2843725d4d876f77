/** `gigawatt train`, `gigawatt infer` and the workloads of the built-in scenario, through the built CLI. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = join(import.meta.dirname, '..', 'dist', 'cli.js');
const gigawatt = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

describe('gigawatt train', () => {
  it('reports completion, goodput, the Young interval, caps and a sweep as JSON', () => {
    const r = gigawatt(
      'train',
      '-a',
      'h100',
      '-n',
      '16384',
      '-f',
      '1e25',
      '--caps',
      '400,700',
      '--sweep-checkpoint',
      '10,20',
      '--replications',
      '1',
      '--json',
    );
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.mtbfHours).toBeCloseTo((54 * 24) / 419, 6);
    // Young √(2δM) with the default 10 s blocking write (asynchronous checkpointing)
    expect(out.youngIntervalMinutes).toBeCloseTo(Math.sqrt(2 * (10 / 60) * ((54 * 24 * 60) / 419)), 6);
    expect(out.completionDays).toBeGreaterThan(out.idealDays);
    expect(out.goodput).toBeGreaterThan(0.8);
    // a lower cap: less power, less speed, more TFLOP/s per accelerator watt
    const [c400, c700] = out.caps;
    expect(c400.acceleratorW).toBeLessThan(c700.acceleratorW);
    expect(c400.relativeThroughput).toBeLessThan(1);
    expect(c400.tflopsPerW).toBeGreaterThan(c700.tflopsPerW);
    expect(c400.completionDays).toBeGreaterThan(c700.completionDays);
    expect(out.sweep.points.map((p: { intervalMinutes: number }) => p.intervalMinutes)).toEqual([10, 20]);
  });
  it('rejects bad arguments with exit 2 and the option name', () => {
    const r = gigawatt('train', '-n', '16384', '-f', '-3');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--flop: must be a number > 0 \(got "-3"\)/);
    expect(gigawatt('train', '-n', '8', '-f', '1e20', '--interval', '0').stderr).toMatch(
      /--interval: must be a number > 0/,
    );
    expect(gigawatt('train', '-n', '8', '-f', '1e20', '--mfu', '1.5').stderr).toMatch(
      /--mfu: must be a number > 0 ≤ 1/,
    );
  });
  it('has help with examples', () => {
    expect(gigawatt('train', '--help').stdout).toMatch(/Examples:[\s\S]*gigawatt train/);
  });
});

describe('gigawatt infer', () => {
  it('sizes a service by its roofline and reports energy and CO2 per token', () => {
    const r = gigawatt(
      'infer',
      '-a',
      'h100',
      '-t',
      '2e6',
      '--flop-per-token',
      '2e11',
      '--precision',
      'bf16',
      '--carbon',
      '400',
      '--days',
      '30',
      '--json',
    );
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.tokensPerSecondPerAccelerator).toBeCloseTo(1978.8, 6);
    expect(out.peakAccelerators).toBe(Math.ceil((2e6 / 1978.8 / 8) * 1.2) * 8);
    expect(out.tokensServed).toBeCloseTo(2e6 * 3600 * 24 * 30, -10);
    expect(out.co2PerMillionTokensKg).toBeCloseTo((out.energyPerTokenJ / 3.6e6) * 400 * 1e3, 9);
  });
  it('has help with examples', () => {
    expect(gigawatt('infer', '--help').stdout).toMatch(/Examples:[\s\S]*gigawatt infer/);
  });
});

describe('the built-in Texas + New York scenario with workloads', () => {
  it('says when the training run finishes and what the inference service cost per token', () => {
    const r = gigawatt('run', 'anthropic-fluidstack', '--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    const run = out.workloads.find((w: { id: string }) => w.id === 'frontier-run');
    expect(run.completionDate).toMatch(/^20\d\d-\d\d-\d\d$/);
    expect(run.goodput).toBeGreaterThan(0);
    const api = out.workloads.find((w: { id: string }) => w.id === 'api-serving');
    expect(api.tokensServed).toBeGreaterThan(0);
    expect(api.energyPerTokenJ).toBeGreaterThan(0);
    expect(gigawatt('run', 'anthropic-fluidstack').stdout).toMatch(
      /frontier-run .* finishes 20\d\d-\d\d-\d\d/,
    );
  });
});
