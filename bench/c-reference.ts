/**
 * Compiles and runs the C reference loop (bench/engine-hourly.c) on the same resolved inputs as the
 * TS engine.
 *
 * The inputs go to C as one little-endian float64 file in os.tmpdir() (layout: `writeEngineInputs`,
 * read back by `readInputs` in the C file). It holds what `simulate` receives, unprocessed: the
 * scenario constants, the power curve, per site the cooling-system parameters, the phases (with their
 * chip's idle share and their hosts' idle draw from the catalog), the typical
 * weather year and the raw historical carbon and price series (the C program replays them itself).
 *
 * Compiler: $CC or `cc`, flags -O2 -march=native. No compiler, or a failed compile, throws; the caller
 * then reports `null` for the C figures.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CoolingSystem } from '../src/catalog/cooling.js';
import type { EngineInputs } from '../src/engine/inputs.js';
import { hostPowerW, phasePowerCurve } from '../src/engine/it-power.js';
import type { HourlySeries } from '../src/engine/series.js';
import type { EngineChecksums } from './engine-hourly.js';

/** Version of the file layout; the C program refuses other versions. */
const FORMAT_VERSION = 2;

const C_SOURCE = fileURLToPath(new URL('./engine-hourly.c', import.meta.url));

/** The 28 cooling parameters in the order the C program reads them (NaN where the system has none). */
function coolingParameters(c: CoolingSystem): number[] {
  const liq = c.liquidLoop;
  const econ = c.airEconomiser;
  const plant = c.plant;
  const wet = plant.kind === 'dry-cooler' ? undefined : plant;
  const dry = plant.kind === 'cooling-tower' ? undefined : plant;
  const hybrid = plant.kind === 'hybrid' ? plant : undefined;
  return [
    c.minLoadFraction.value,
    c.electricalLossFraction.value,
    c.electricalNoLoadFraction.value,
    c.fixedOverheadFraction.value,
    c.liquidCaptureFraction.value,
    liq ? 1 : 0,
    liq?.supplyC.value ?? Number.NaN,
    liq?.riseK.value ?? Number.NaN,
    liq?.chillerEvaporatingC.value ?? Number.NaN,
    liq?.fansPumpsFraction.value ?? Number.NaN,
    c.airLoop.supplyC.value,
    c.airLoop.riseK.value,
    c.airLoop.chillerEvaporatingC.value,
    c.airLoop.fansPumpsFraction.value,
    econ.kind === 'outside-air' ? 0 : 1,
    econ.kind === 'outside-air' ? econ.approachK.value : Number.NaN,
    econ.kind === 'outside-air' ? econ.highLimitDryBulbC.value : Number.NaN,
    plant.kind === 'cooling-tower' ? 0 : plant.kind === 'dry-cooler' ? 1 : 2,
    plant.fansPumpsFraction.value,
    wet?.towerApproachK.value ?? Number.NaN,
    wet?.evaporativeShare.value ?? Number.NaN,
    wet?.cyclesOfConcentration.value ?? Number.NaN,
    dry?.dryCoolerApproachK.value ?? Number.NaN,
    hybrid?.switchDryBulbC.value ?? Number.NaN,
    hybrid?.switchBandK.value ?? Number.NaN,
    c.chiller.carnotFraction.value,
    c.chiller.condenserAboveSinkK.value,
    c.chiller.minLiftK.value,
  ];
}

/** Serialises the engine inputs for the C program (see the file comment). */
export function encodeEngineInputs(engine: EngineInputs): Float64Array {
  const parts: (number[] | Float64Array)[] = [];
  const push = (...xs: number[]) => parts.push(xs);
  const series = (s: HourlySeries) => {
    push(s.startMs, s.values.length);
    parts.push(s.values);
  };
  const replay = engine.replay === 'latest' ? -1 : engine.replay === 'cycle' ? -2 : engine.replay;
  const pc = engine.powerCurve;
  push(FORMAT_VERSION, engine.startMs, engine.hours, engine.sites.length, engine.mfu);
  push(pc.idleFraction, pc.dynamicFraction, pc.exponent, pc.capHoldFraction, pc.clockPowerExponent, replay);
  for (const site of engine.sites) {
    push(site.interconnectMW, site.busyFraction, site.dutyCycle, site.hourlyShape ? 1 : 0);
    push(...(site.hourlyShape ?? new Array<number>(24).fill(0)));
    push(site.weather.tzOffsetHours);
    push(...coolingParameters(site.cooling));
    push(site.phases.length);
    for (const p of site.phases) {
      // The chip's own curve and its hosts' idle draw, as the engine looks them up in the catalog once
      // per phase (src/engine/it-power.ts); the per-hour arithmetic stays C's.
      const curve = phasePowerCurve(p, engine.powerCurve);
      push(
        p.onlineMs,
        p.rampDays,
        p.count,
        p.boardPowerW,
        p.hostNetworkWPerAccelerator,
        p.powerCapW,
        p.peakFLOPS,
        curve.idleFraction,
        curve.dynamicFraction,
        hostPowerW(p).idleW,
      );
    }
    const rows = site.weather.dryBulbC.length;
    if (site.weather.wetBulbC.length !== rows) throw new Error('weather: dry and wet bulb lengths differ');
    push(rows);
    parts.push(site.weather.dryBulbC, site.weather.wetBulbC);
    series(site.carbonGPerKWh);
    if (typeof site.price === 'number') push(1, site.price);
    else {
      push(0);
      series(site.price);
    }
  }
  const length = parts.reduce((n, p) => n + p.length, 0);
  const out = new Float64Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export interface CReferenceResult {
  runs: number;
  medianMs: number;
  bestMs: number;
  /** Median ms per run when the output columns are calloc'ed and freed every run (as the TS engine does). */
  freshArraysMedianMs: number;
  checksums: EngineChecksums;
  /** Compiler and flags used, e.g. "cc -O2 -march=native (gcc 12.2.0)". */
  cc: string;
}

/**
 * Compiles bench/engine-hourly.c into a temporary folder, runs it on `engine` for at least
 * `minSeconds` of timed runs, and returns its timing and checksums. Throws if no compiler works.
 */
export function runCReference(engine: EngineInputs, opts: { minSeconds?: number } = {}): CReferenceResult {
  const cc = process.env.CC ?? 'cc';
  const version = spawnSync(cc, ['--version'], { encoding: 'utf8' });
  if (version.error || version.status !== 0) throw new Error(`no C compiler (${cc})`);
  const dir = mkdtempSync(join(tmpdir(), 'gigawatt-bench-'));
  try {
    const exe = join(dir, 'engine-hourly');
    const flags = ['-O2', '-march=native'];
    const build = spawnSync(cc, [...flags, '-o', exe, C_SOURCE, '-lm'], { encoding: 'utf8' });
    if (build.error || build.status !== 0) throw new Error(`compile failed: ${build.stderr || build.error}`);
    const input = join(dir, 'engine-inputs.bin');
    const data = encodeEngineInputs(engine);
    writeFileSync(input, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    const run = spawnSync(exe, [input, String(opts.minSeconds ?? 2)], { encoding: 'utf8' });
    if (run.error || run.status !== 0) throw new Error(`C run failed: ${run.stderr || run.error}`);
    const r = JSON.parse(run.stdout) as Omit<CReferenceResult, 'cc'>;
    const firstLine = (version.stdout.split('\n')[0] ?? '').trim();
    return { ...r, cc: `${cc} ${flags.join(' ')} (${firstLine})` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
