/**
 * The engine's fused hourly kernels against the straightforward forms they replaced (issue 11, round 4),
 * bit for bit (`Object.is` on every element, so −0, NaN and ±∞ count):
 *
 * - facility (src/engine/facility.ts) evaluates the cooling model in line; the reference is the
 *   facility loop that calls `coolingTermsAt` (src/engine/cooling-model.ts) hour by hour, on every
 *   catalog cooling system and on variants that reach the other branches (hybrid plant with a zero
 *   band, no liquid capture, an outside-air economiser above its high limit); with the grid import
 *   and the impacts fused into it (a site with nothing behind the meter), the reference is the supply
 *   stage without a plan and the impacts stage after it;
 * - IT power (src/engine/it-power.ts) sums the first three phases in locals in one pass over the hours
 *   (later phases by a pass each) and writes the IT demand in the same pass; the reference adds every
 *   phase into zero-filled columns, one pass per phase, then sums accelerators and hosts;
 * - compute (src/engine/compute.ts) does the same for the FLOP; the reference is one pass per phase
 *   into a zeroed column.
 * 0 to 4 phases, so both the in-locals pass and the extra passes run.
 * - the weather mapping (src/engine/environment.ts) copies a local day's rows at a time; the reference
 *   is the calendar itself: `tmyRow` of a `Date` for every hour;
 * - the hourly metrics (src/engine/metrics.ts) skip the grid-side columns of a site that shares one
 *   zero column for them; the reference sums every column.
 *
 * The hours are random (fast-check) and include the edges: no demand, negative or NaN demand, a load
 * fraction above 1 or NaN (no capacity), a wet bulb above the dry bulb, temperatures from −40 to 55 °C,
 * a binding interconnect, phases with none online.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COOLING_SYSTEMS, type CoolingSystem } from '../src/catalog/cooling.js';
import { acceleratorPowerW, H200_POWER_CURVE } from '../src/catalog/power-curve.js';
import { computeStage, runningFLOPS } from '../src/engine/compute.js';
import { coolingCoefficients, coolingTermsAt, createCoolingBreakdown } from '../src/engine/cooling-model.js';
import { mapWeather, tmyRow } from '../src/engine/environment.js';
import { facilityStage } from '../src/engine/facility.js';
import { impactsStage } from '../src/engine/impacts.js';
import type { EngineInputs, PhaseInputs, SiteInputs } from '../src/engine/inputs.js';
import { hostPowerW, itPowerStage, phasePowerCurve } from '../src/engine/it-power.js';
import { hourlyMetrics } from '../src/engine/metrics.js';
import type { WeatherYear } from '../src/engine/series.js';
import { allocateSiteHourly, type SiteHourly } from '../src/engine/site-hourly.js';
import { supplyStage } from '../src/engine/supply.js';

function sameBits(actual: Float64Array, expected: Float64Array, what: string): void {
  expect(actual.length, what).toBe(expected.length);
  for (let h = 0; h < expected.length; h++)
    if (!Object.is(actual[h], expected[h]))
      expect.fail(`${what}[${h}]: ${actual[h]} but the reference gives ${expected[h]}`);
}

/** The facility loop as it was before the cooling model went in line: one `coolingTermsAt` per hour. */
function referenceFacility(sys: CoolingSystem, limit: number, s: SiteHourly) {
  const c = coolingCoefficients(sys);
  const t = createCoolingBreakdown();
  const n = s.hours;
  const r = {
    loadFraction: new Float64Array(n),
    pue: new Float64Array(n),
    itMW: new Float64Array(n),
    acceleratorMW: new Float64Array(n),
    unservedITMW: new Float64Array(n),
    coolingMW: new Float64Array(n),
    electricalLossMW: new Float64Array(n),
    fixedLoadMW: new Float64Array(n),
    overheadMW: new Float64Array(n),
    facilityMW: new Float64Array(n),
    waterM3: new Float64Array(n),
  };
  for (let h = 0; h < n; h++) {
    const demand = s.itDemandMW[h] as number;
    if (demand <= 0) continue; // every column stays 0
    const lf = Math.min(1, demand / (s.itInstalledMW[h] as number));
    const pue = coolingTermsAt(c, s.dryBulbC[h] as number, s.wetBulbC[h] as number, lf, t);
    const served = demand * pue > limit ? limit / pue : demand;
    const cool = served * t.cooling;
    const electrical = served * t.electricalLoss;
    const fixed = served * t.fixed;
    const overhead = cool + electrical + fixed;
    r.loadFraction[h] = lf;
    r.pue[h] = pue;
    r.itMW[h] = served;
    r.acceleratorMW[h] = (s.acceleratorDemandMW[h] as number) * (served / demand);
    r.unservedITMW[h] = demand - served;
    r.coolingMW[h] = cool;
    r.electricalLossMW[h] = electrical;
    r.fixedLoadMW[h] = fixed;
    r.overheadMW[h] = overhead;
    r.facilityMW[h] = served + overhead;
    r.waterM3[h] = served * t.waterLPerKWh;
  }
  return r;
}

const param = (value: number) => ({ value, estimate: true }) as unknown as CoolingSystem['minLoadFraction'];

/** The catalog's systems and variants that take the branches the catalog does not. */
function systems(): CoolingSystem[] {
  const out = [...COOLING_SYSTEMS];
  for (const sys of COOLING_SYSTEMS) {
    // no liquid capture: the liquid loop is skipped even where there is one
    out.push({ ...sys, id: `${sys.id}-no-capture`, liquidCaptureFraction: param(0) });
    if (sys.plant.kind === 'hybrid')
      // a zero switch-over band: the plant switches wet at the switch-over dry bulb exactly
      out.push({ ...sys, id: `${sys.id}-step`, plant: { ...sys.plant, switchBandK: param(0) } });
  }
  return out;
}

const temperature = fc.double({ min: -40, max: 55, noNaN: true });
const hourArb = fc.record({
  dry: temperature,
  wet: temperature, // may exceed the dry bulb: clamped to it
  demand: fc.oneof(fc.double({ min: 0.001, max: 2000, noNaN: true }), fc.constantFrom(0, -0, -5, Number.NaN)),
  capacityShare: fc.oneof(fc.double({ min: 0.05, max: 1.5, noNaN: true }), fc.constantFrom(0)),
  acceleratorShare: fc.double({ min: 0, max: 1, noNaN: true }),
});

describe('facility stage with the cooling model in line', () => {
  for (const sys of systems())
    it(`equals the coolingTermsAt loop bit for bit: ${sys.id}`, () => {
      fc.assert(
        fc.property(
          fc.array(hourArb, { minLength: 1, maxLength: 60 }),
          fc.oneof(fc.constant(Number.POSITIVE_INFINITY), fc.double({ min: 1, max: 1500, noNaN: true })),
          (hours, limit) => {
            const s = allocateSiteHourly('s', 0, hours.length, 0);
            hours.forEach((x, h) => {
              s.dryBulbC[h] = x.dry;
              s.wetBulbC[h] = x.wet;
              s.itDemandMW[h] = x.demand;
              // capacity share 0: no capacity, a load fraction of +∞ (clipped to 1) or NaN for 0/0
              s.itInstalledMW[h] = x.capacityShare === 0 ? 0 : x.demand / x.capacityShare;
              s.acceleratorDemandMW[h] = x.demand * x.acceleratorShare;
            });
            const ref = referenceFacility(sys, limit, s);
            const site = { cooling: sys, interconnectMW: limit } as unknown as SiteInputs;
            // the same hours with grid import and impacts fused (a price and intensity of either sign)
            const fused = allocateSiteHourly('s', 0, hours.length, 0);
            for (const k of [
              'dryBulbC',
              'wetBulbC',
              'itDemandMW',
              'itInstalledMW',
              'acceleratorDemandMW',
            ] as const)
              fused[k].set(s[k]);
            hours.forEach((x, h) => {
              s.priceUSDPerMWh[h] = fused.priceUSDPerMWh[h] = x.dry * 3 - 20;
              s.carbonGPerKWh[h] = fused.carbonGPerKWh[h] = 400 - x.wet * 10;
            });
            facilityStage(site, s);
            facilityStage(site, fused, true);
            for (const [k, col] of Object.entries(ref)) {
              sameBits(s[k as keyof typeof ref], col, k);
              sameBits(fused[k as keyof typeof ref], col, `${k} (fused)`);
            }
            // the reference for the fused part: the supply stage without a plan, then the impacts stage
            supplyStage(s);
            impactsStage(s);
            for (const k of ['gridImportMW', 'co2Tonnes', 'energyCostUSD'] as const)
              sameBits(fused[k], s[k], k);
          },
        ),
        { numRuns: 200 },
      );
    });

  it('covers an outside-air economiser above its high limit and water from a wet plant', () => {
    // Not a restatement: the hours above are random, this checks that the branches were reached.
    const air = COOLING_SYSTEMS.find((x) => x.airEconomiser.kind === 'outside-air');
    expect(air).toBeDefined();
    const s = allocateSiteHourly('s', 0, 2, 0);
    s.dryBulbC.set([45, 5]); // above any high-limit shut-off (≤ 30 °C in the catalog), and free cooling
    s.wetBulbC.set([25, 2]);
    s.itDemandMW.set([100, 100]);
    s.itInstalledMW.set([120, 120]);
    facilityStage({ cooling: air, interconnectMW: Number.POSITIVE_INFINITY } as unknown as SiteInputs, s);
    const ref = referenceFacility(air as CoolingSystem, Number.POSITIVE_INFINITY, s);
    for (const [k, col] of Object.entries(ref)) sameBits(s[k as keyof typeof ref], col, k);
    // the hot hour runs the chillers (PUE above the free-cooled hour's) and uses tower water
    expect(s.pue[0] as number).toBeGreaterThan(s.pue[1] as number);
    expect(s.waterM3[0] as number).toBeGreaterThan(0);
  });
});

const phaseArb = fc.record({
  accelerator: fc.constantFrom('h200', 'gb300', 'b200'),
  boardPowerW: fc.double({ min: 300, max: 1400, noNaN: true }),
  capShare: fc.double({ min: 0.5, max: 1, noNaN: true }),
  host: fc.double({ min: 100, max: 600, noNaN: true }),
  peakFLOPS: fc.double({ min: 1e14, max: 1e16, noNaN: true }),
});
const onlineArb = fc.oneof(fc.constant(0), fc.double({ min: 0, max: 200_000, noNaN: true }));

function phasesOf(
  ps: { accelerator: string; boardPowerW: number; capShare: number; host: number; peakFLOPS: number }[],
) {
  return ps.map(
    (p, i): PhaseInputs => ({
      id: `p${i}`,
      acceleratorId: p.accelerator,
      onlineMs: 0,
      rampDays: 0,
      count: 1,
      boardPowerW: p.boardPowerW,
      hostNetworkWPerAccelerator: p.host,
      powerCapW: p.boardPowerW * p.capShare,
      peakFLOPS: p.peakFLOPS,
    }),
  );
}

describe('IT power and compute stages, phases fused', () => {
  it('IT power equals one pass per phase into zeroed columns, bit for bit', () => {
    fc.assert(
      fc.property(
        fc.array(phaseArb, { minLength: 0, maxLength: 4 }),
        fc.integer({ min: 1, max: 40 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.array(onlineArb, { minLength: 160, maxLength: 160 }),
        (ps, hours, busy, duty, online) => {
          const phases = phasesOf(ps);
          const site = { phases, busyFraction: busy, dutyCycle: duty } as unknown as SiteInputs;
          const inputs = { powerCurve: H200_POWER_CURVE } as unknown as EngineInputs;
          const s = allocateSiteHourly('s', 0, hours, phases.length);
          for (let p = 0; p < phases.length; p++)
            for (let h = 0; h < hours; h++)
              (s.phaseOnline[p] as Float64Array)[h] = online[(p * 40 + h) % 160] as number;
          for (let h = 0; h < hours; h++) s.localHour[h] = h % 24;
          // stale values in the columns: the stage must not read them
          s.acceleratorDemandMW.fill(7);
          s.hostNetworkDemandMW.fill(7);
          s.itInstalledMW.fill(7);
          itPowerStage(site, inputs, s);
          const acc = new Float64Array(hours);
          const host = new Float64Array(hours);
          const inst = new Float64Array(hours);
          phases.forEach((phase, p) => {
            const curve = phasePowerCurve(phase, H200_POWER_CURVE);
            const runW = acceleratorPowerW(duty, phase.boardPowerW, phase.powerCapW, curve);
            const idleW = acceleratorPowerW(0, phase.boardPowerW, phase.powerCapW, curve);
            const hp = hostPowerW(phase);
            for (let h = 0; h < hours; h++) {
              const n = (s.phaseOnline[p] as Float64Array)[h] as number;
              if (n === 0) continue;
              const b = s.busyFraction[h] as number;
              acc[h] = (acc[h] as number) + (n * (b * runW + (1 - b) * idleW)) / 1e6;
              host[h] = (host[h] as number) + (n * (hp.idleW + (hp.maxW - hp.idleW) * b * duty)) / 1e6;
              inst[h] = (inst[h] as number) + n * ((phase.boardPowerW + hp.maxW) / 1e6);
            }
          });
          sameBits(s.acceleratorDemandMW, acc, 'acceleratorDemandMW');
          sameBits(s.hostNetworkDemandMW, host, 'hostNetworkDemandMW');
          sameBits(s.itInstalledMW, inst, 'itInstalledMW');
          sameBits(
            s.itDemandMW,
            acc.map((a, h) => a + (host[h] as number)),
            'itDemandMW',
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('compute equals one pass per phase into a zeroed column, bit for bit', () => {
    fc.assert(
      fc.property(
        fc.array(phaseArb, { minLength: 0, maxLength: 4 }),
        fc.integer({ min: 1, max: 40 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.array(onlineArb, { minLength: 160, maxLength: 160 }),
        fc.array(fc.oneof(fc.double({ min: -1, max: 1000, noNaN: true }), fc.constantFrom(0, Number.NaN)), {
          minLength: 40,
          maxLength: 40,
        }),
        (ps, hours, duty, online, demand) => {
          const phases = phasesOf(ps);
          const site = { phases, dutyCycle: duty } as unknown as SiteInputs;
          const inputs = { mfu: 0.37, powerCurve: H200_POWER_CURVE } as unknown as EngineInputs;
          const s = allocateSiteHourly('s', 0, hours, phases.length);
          for (let p = 0; p < phases.length; p++)
            for (let h = 0; h < hours; h++)
              (s.phaseOnline[p] as Float64Array)[h] = online[(p * 40 + h) % 160] as number;
          for (let h = 0; h < hours; h++) {
            s.itDemandMW[h] = demand[h] as number;
            s.itMW[h] = (demand[h] as number) * 0.9;
            s.busyFraction[h] = (h % 7) / 6;
          }
          s.computeFLOP.fill(3); // stale: must be overwritten
          computeStage(site, inputs, s);
          const flop = new Float64Array(hours);
          phases.forEach((phase, p) => {
            const r = runningFLOPS(phase, duty, 0.37, phasePowerCurve(phase, H200_POWER_CURVE)) * 3600;
            for (let h = 0; h < hours; h++) {
              const n = (s.phaseOnline[p] as Float64Array)[h] as number;
              const d = s.itDemandMW[h] as number;
              if (n === 0 || d <= 0) continue;
              flop[h] =
                (flop[h] as number) + n * (s.busyFraction[h] as number) * ((s.itMW[h] as number) / d) * r;
            }
          });
          sameBits(s.computeFLOP, flop, 'computeFLOP');
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('weather mapping a local day at a time', () => {
  const rowsYear = Float64Array.from({ length: 8760 }, (_, i) => i);
  it('reads, for every hour, the row of its local time by the calendar (tmyRow of a Date per hour)', () => {
    fc.assert(
      fc.property(
        // starts on the hour, and off it by whole or fractional milliseconds (the hour-by-hour path)
        fc.integer({ min: Date.UTC(2015, 0, 1) / 3_600_000, max: Date.UTC(2040, 0, 1) / 3_600_000 }),
        fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3_599_999 }), fc.constant(0.5)),
        fc.oneof(fc.integer({ min: -12, max: 14 }), fc.constantFrom(5.5, -9.5, 5.75, 1 / 3)),
        fc.integer({ min: 1, max: 24 * 800 }),
        (startHour, offMs, tz, hours) => {
          const startMs = startHour * 3_600_000 + offMs;
          const weather: WeatherYear = {
            stationId: 't',
            tzOffsetHours: tz,
            dryBulbC: rowsYear,
            dewPointC: rowsYear,
            pressurePa: rowsYear,
            wetBulbC: Float64Array.from(rowsYear, (r) => -r - 0.5),
          };
          const s = allocateSiteHourly('s', startMs, hours, 0);
          s.localHour.fill(99);
          mapWeather(weather, s);
          for (let h = 0; h < hours; h++) {
            const localMs = startMs + h * 3_600_000 + tz * 3_600_000;
            const row = tmyRow(localMs);
            const hour = new Date(localMs).getUTCHours();
            if (s.dryBulbC[h] !== row || s.wetBulbC[h] !== -row - 0.5 || s.localHour[h] !== hour)
              expect.fail(
                `hour ${h}: row ${s.dryBulbC[h]}, local hour ${s.localHour[h]}; the calendar: ${row}, ${hour}`,
              );
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('hourly metrics of a site without grid-side columns', () => {
  /** Every sum over every column, read hour by hour (the shared zero column included). */
  function reference(s: SiteHourly, from: number, to: number) {
    const sum = (a: Float64Array) => {
      let t = 0;
      for (let h = from; h < to; h++) t += a[h] as number;
      return t;
    };
    let events = 0;
    let hours = 0;
    let curtailed = 0;
    for (let h = from; h < to; h++)
      if ((s.curtailedMW[h] as number) > 0) {
        curtailed += s.curtailedMW[h] as number;
        hours++;
        if (h === 0 || !((s.curtailedMW[h - 1] as number) > 0)) events++;
      }
    return {
      itEnergyMWh: sum(s.itMW),
      facilityEnergyMWh: sum(s.facilityMW),
      co2Tonnes: sum(s.co2Tonnes),
      energyCostUSD: sum(s.energyCostUSD),
      transmissionChargeUSD: sum(s.transmissionChargeUSD),
      curtailedEnergyMWh: curtailed,
      curtailmentHours: hours,
      curtailmentEvents: events,
      onsiteGenerationMWh: sum(s.onsiteMW),
      batteryDischargeMWh: sum(s.batteryDischargeMW),
      computeLostFLOP: sum(s.computeLostFLOP),
    };
  }
  it('equals the sums read from every column, with and without the shared zero column', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.array(fc.double({ min: -10, max: 1000, noNaN: true }), { minLength: 48, maxLength: 48 }),
        fc.integer({ min: 0, max: 24 }),
        (gridSide, values, from) => {
          const s = allocateSiteHourly('s', 0, 48, 1, gridSide);
          expect(s.curtailedMW === s.onsiteMW).toBe(!gridSide);
          values.forEach((v, h) => {
            s.itMW[h] = v;
            s.facilityMW[h] = v * 1.2;
            s.co2Tonnes[h] = -v / 3;
            s.energyCostUSD[h] = v * v;
            s.transmissionChargeUSD[h] = h % 5 === 0 ? v : 0;
            if (gridSide) {
              s.curtailedMW[h] = h % 3 === 0 ? 0 : v;
              s.onsiteMW[h] = v / 7;
              s.batteryDischargeMW[h] = v / 11;
              s.computeLostFLOP[h] = v * 1e15;
            }
          });
          const m = hourlyMetrics(s, from, 48);
          for (const [k, v] of Object.entries(reference(s, from, 48)))
            expect(Object.is(m[k as keyof typeof m], v), `${k}: ${m[k as keyof typeof m]} vs ${v}`).toBe(
              true,
            );
        },
      ),
      { numRuns: 200 },
    );
  });
});
