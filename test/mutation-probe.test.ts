/**
 * Tests written to kill the realistic one-line bugs of the mutation probe (issue 10), each against a
 * derivation that does not restate the code: conservation of heat and mass, the calendar, the price
 * a round trip has to beat, Little's law, counting accelerators by hand. The bugs, and the probe that
 * applies them one at a time (`node test/mutation-probe/probe.mjs`), are listed in docs/testing.md.
 */
import { describe, expect, it } from 'vitest';
import { getCoolingSystem } from '../src/catalog/cooling.js';
import type { FailureModel } from '../src/cluster/failure-model.js';
import { simulateCluster } from '../src/cluster/simulator.js';
import { mapWeather } from '../src/engine/environment.js';
import type { BatteryInputs } from '../src/engine/grid-side-inputs.js';
import { allocateSiteHourly } from '../src/engine/site-hourly.js';
import { arbitragePlan } from '../src/engine/supply.js';
import type { ScenarioInput } from '../src/model/scenario.js';
import { runScenario } from '../src/run.js';
import { baseScenario, fakeData, parseOk, syntheticWeather } from './helpers.js';

/** The one site of a baseScenario with some fields replaced. */
function withSite(extra: Record<string, unknown>): ScenarioInput {
  const b = baseScenario();
  return { ...b, sites: [{ ...(b.sites[0] as object), ...extra }] } as ScenarioInput;
}

const siteHourly = (input: ScenarioInput, dryBulbC = 20) => {
  const s = runScenario(parseOk(input), fakeData({ dryBulbC })).sites[0]?.hourly;
  if (!s) throw new Error('no site');
  return s;
};

/**
 * Water a fully wet evaporative plant must use per kWh of IT energy, from the heat balance alone:
 * every kWh of IT energy leaves as heat, and at most the facility's whole energy (PUE kWh per IT kWh)
 * does; a share s of the tower's heat leaves as latent heat, 3.6 MJ / 2.45 MJ/kg = 1.469 kg ≈ 1.469 L
 * per kWh, and blow-down adds 1/(C − 1) of the evaporation. So L/kWh IT lies in
 * [s·1.469·C/(C − 1), s·1.469·C/(C − 1)·PUE]. (1 m³ per MWh = 1 L per kWh.)
 */
function wetPlantLitresPerKWhIT(): number {
  const plant = getCoolingSystem('liquid-evaporative')?.plant;
  if (!plant || plant.kind === 'dry-cooler') throw new Error('liquid-evaporative has no wet plant');
  const c = plant.cyclesOfConcentration.value;
  return plant.evaporativeShare.value * (3.6 / 2.45) * (c / (c - 1));
}

describe('hourly water follows the heat and mass balance (kills: water ×1000)', () => {
  // 35 °C dry bulb: far above the hybrid plant's 23.4 °C switch-over, so every hour is fully wet.
  const s = siteHourly(withSite({ cooling: 'liquid-evaporative' }), 35);
  const k = wetPlantLitresPerKWhIT();

  it('each hour uses between 1 and PUE times the evaporation of its IT heat, in m³', () => {
    let hoursChecked = 0;
    for (let h = 0; h < s.hours; h++) {
      const it = s.itMW[h] as number;
      if (it <= 0) continue;
      const m3PerMWh = (s.waterM3[h] as number) / it;
      expect(m3PerMWh).toBeGreaterThanOrEqual(k * (1 - 1e-9));
      expect(m3PerMWh).toBeLessThanOrEqual(k * (s.pue[h] as number) * (1 + 1e-9));
      hoursChecked++;
    }
    // March 1 to December 31, 2026: 306 days of load
    expect(hoursChecked).toBe(306 * 24);
  });

  it('in absolute terms: ~13 MW of IT for an hour evaporates ~20–25 m³ (1.65 m³ per MWh at least)', () => {
    const h = s.hours - 1;
    expect(k).toBeCloseTo(0.9 * 1.4694 * 1.25, 3); // 1.653 L/kWh
    expect(s.waterM3[h] as number).toBeGreaterThan(1.653 * (s.itMW[h] as number) * 0.999);
    expect(s.waterM3[h] as number).toBeLessThan(1.653 * (s.itMW[h] as number) * 1.3);
  });
});

describe('the interconnect limit sheds accelerators with the rest of IT (kills: accelerator MW not scaled)', () => {
  const full = siteHourly(baseScenario());
  const limited = siteHourly(withSite({ interconnectMW: 5 }));
  const h = full.hours - 1;

  it('the limit binds: 10,000 H100 need more than 5 MW', () => {
    expect(full.facilityMW[h] as number).toBeGreaterThan(10);
    expect(limited.facilityMW[h]).toBeCloseTo(5, 9);
  });

  it('accelerators are part of IT: their power never exceeds the IT power served', () => {
    for (let t = 0; t < limited.hours; t++)
      expect(limited.acceleratorMW[t] as number).toBeLessThanOrEqual((limited.itMW[t] as number) + 1e-9);
  });

  it('load is shed across the IT load alike: the accelerator share of IT is what it is unlimited', () => {
    const shareFull = (full.acceleratorMW[h] as number) / (full.itMW[h] as number);
    const shareLimited = (limited.acceleratorMW[h] as number) / (limited.itMW[h] as number);
    expect(shareFull).toBeGreaterThan(0.5);
    expect(shareLimited).toBeCloseTo(shareFull, 9);
  });
});

describe('unserved load uses no water (kills: water not scaled when supply leaves load unserved)', () => {
  // A 9 MW interconnect and a small backup battery for a ~14 MW facility: most hours leave load unserved.
  const s = siteHourly(
    withSite({
      cooling: 'liquid-evaporative',
      interconnectMW: 9,
      supply: {
        batteries: [{ id: 'b', powerMW: 1, energyMWh: 2, roundTripEfficiency: 0.85, policy: 'backup' }],
      },
    }),
    35,
  );
  const k = wetPlantLitresPerKWhIT();

  it('hours with unserved IT use water only for the IT served (heat balance band as above)', () => {
    let unservedHours = 0;
    for (let h = 0; h < s.hours; h++) {
      const it = s.itMW[h] as number;
      if (it <= 0) continue;
      if ((s.unservedITMW[h] as number) > 1e-6) unservedHours++;
      const m3PerMWh = (s.waterM3[h] as number) / it;
      expect(m3PerMWh).toBeGreaterThanOrEqual(k * (1 - 1e-9));
      expect(m3PerMWh).toBeLessThanOrEqual(k * (s.pue[h] as number) * (1 + 1e-9));
    }
    expect(unservedHours).toBeGreaterThan(1000);
  });
});

describe('price arbitrage must beat the round-trip loss (kills: arbitrage ignoring efficiency)', () => {
  const battery: BatteryInputs = {
    id: 'b',
    powerMW: 10,
    energyMWh: 40,
    roundTripEfficiency: 0.85,
    minSoCFraction: 0,
    maxSoCFraction: 1,
    initialSoCFraction: 0.5,
    policy: 'price-arbitrage',
  };
  /** Two local days: nights at `cheap`, afternoons at `dear` $/MWh. */
  const prices = (cheap: number, dear: number) =>
    Float64Array.from({ length: 48 }, (_, h) => (h % 24 >= 12 && h % 24 < 18 ? dear : cheap));
  const localHour = Uint8Array.from({ length: 48 }, (_, h) => h % 24);

  it('a 40 → 45 $/MWh spread loses money at 85 % round trip (1 MWh bought returns 0.85 × 45 = 38.25 < 40): no trades', () => {
    const plan = arbitragePlan(battery, prices(40, 45), localHour);
    expect(Array.from(plan).every((x) => x === 0)).toBe(true);
  });

  it('a 40 → 50 $/MWh spread pays (0.85 × 50 = 42.5 > 40): 4 charge and 4 discharge hours a day (40 MWh / 10 MW)', () => {
    const plan = arbitragePlan(battery, prices(40, 50), localHour);
    for (const day of [0, 1]) {
      const d = Array.from(plan.slice(day * 24, day * 24 + 24));
      expect(d.filter((x) => x === 1).length).toBe(4);
      expect(d.filter((x) => x === 2).length).toBe(4);
      // discharges only in the dear afternoon, charges only in cheap hours
      d.forEach((x, hour) => {
        if (x === 2) expect(hour >= 12 && hour < 18).toBe(true);
        if (x === 1) expect(hour >= 12 && hour < 18).toBe(false);
      });
    }
  });

  it('break-even sits exactly at dear = cheap / efficiency (40 / 0.85 = 47.06 $/MWh)', () => {
    expect(Array.from(arbitragePlan(battery, prices(40, 47), localHour)).some((x) => x > 0)).toBe(false);
    expect(Array.from(arbitragePlan(battery, prices(40, 47.1), localHour)).some((x) => x > 0)).toBe(true);
  });
});

describe('weather in local standard time (kills: time-zone sign flip)', () => {
  // A typical year whose dry bulb encodes its own row: row r holds r / 100 °C.
  const weather = syntheticWeather((row) => row / 100, -6);

  it('2026-01-01 00:00 UTC is 2025-12-31 18:00 CST: row 364·24 + 18 = 8,754, local hour 18', () => {
    const out = allocateSiteHourly('x', Date.UTC(2026, 0, 1), 48, 0);
    mapWeather(weather, out);
    expect(out.localHour[0]).toBe(18);
    expect(out.dryBulbC[0]).toBeCloseTo(87.54, 9);
    // 06:00 UTC is midnight CST on January 1: row 0
    expect(out.localHour[6]).toBe(0);
    expect(out.dryBulbC[6]).toBeCloseTo(0, 9);
    // 2026-01-02 05:00 UTC is 2026-01-01 23:00 CST: row 23
    expect(out.dryBulbC[29]).toBeCloseTo(0.23, 9);
  });

  it('2026-07-01 12:00 UTC is 06:00 CST on day 182 (row 181·24 + 6 = 4,350)', () => {
    const out = allocateSiteHourly('x', Date.UTC(2026, 6, 1, 12), 1, 0);
    mapWeather(weather, out);
    expect(out.localHour[0]).toBe(6);
    expect(out.dryBulbC[0]).toBeCloseTo(43.5, 9);
  });

  it('a UTC+5:30 station (India) takes the row of its half-hour-shifted local time', () => {
    const out = allocateSiteHourly('x', Date.UTC(2026, 0, 1), 1, 0);
    mapWeather(
      syntheticWeather((row) => row / 100, 5.5),
      out,
    );
    // 00:00 UTC = 05:30 IST January 1: hour 5 of day 1, row 5
    expect(out.localHour[0]).toBe(5);
    expect(out.dryBulbC[0]).toBeCloseTo(0.05, 9);
  });
});

describe('cluster accounting against hand counts and queueing theory', () => {
  const noFailures: FailureModel = {
    causes: [],
    repairHours: 1,
    repairDistribution: 'exponential',
    source: 'test',
  };

  it("repairs last MTTR on average: units in repair follow Little's law (kills: rate drawn where the mean belongs)", () => {
    // 1,000 free 8-GPU units, 1e-4 failures per accelerator-hour (8e-4 per unit-hour), MTTR 48 h,
    // every failure sends the unit to repair. Units in repair R satisfy λ_u (N − R) = R / MTTR, so
    // R = N λ_u MTTR / (1 + λ_u MTTR) = 1000 × 0.0384 / 1.0384 = 36.98 units on average.
    const model: FailureModel = {
      causes: [
        { id: 'gpu', label: 'GPU', category: 'GPU', ratePerAcceleratorHour: 1e-4, replacesUnit: true },
      ],
      repairHours: 48,
      repairDistribution: 'exponential',
      source: 'test',
    };
    const hours = 8760;
    const r = simulateCluster({
      hours,
      sites: ['a'],
      pools: [
        {
          id: 'p',
          site: 0,
          acceleratorsPerUnit: 8,
          unitsOnline: 1000,
          failure: model,
          backgroundBusyFraction: 1,
        },
      ],
      training: [],
      inference: [],
      seed: 11,
    });
    // With background busy share 1, busy accelerator-hours are the free units' accelerator-hours.
    const busy = r.siteBusyAcceleratorHours[0] as Float64Array;
    let freeUnitHours = 0;
    for (let h = 0; h < hours; h++) freeUnitHours += (busy[h] as number) / 8;
    const meanInRepair = 1000 - freeUnitHours / hours;
    const expected = (1000 * 8e-4 * 48) / (1 + 8e-4 * 48);
    expect(meanInRepair).toBeGreaterThan(expected * 0.9);
    expect(meanInRepair).toBeLessThan(expected * 1.1);
    // and about λ_u (N − R) × hours = 0.0008 × 963 × 8760 = 6,750 repairs
    expect(r.pools[0]?.repairs).toBeGreaterThan(6750 * 0.95);
    expect(r.pools[0]?.repairs).toBeLessThan(6750 * 1.05);
  });

  it('a training job on 10 NVL72 racks keeps 720 accelerators busy each hour (kills: unit-hours without accelerators per unit)', () => {
    const r = simulateCluster({
      hours: 48,
      sites: ['a'],
      pools: [
        {
          id: 'p',
          site: 0,
          acceleratorsPerUnit: 72,
          unitsOnline: 10,
          failure: noFailures,
          backgroundBusyFraction: 0,
        },
      ],
      training: [
        {
          id: 't',
          pool: 0,
          units: 10,
          startHours: 0,
          totalFLOP: Number.POSITIVE_INFINITY,
          flopPerUnitHour: 1e18,
          checkpointIntervalHours: 1e9,
          checkpointWriteHours: 0,
          restartHours: 0,
          failure: noFailures,
        },
      ],
      inference: [],
      seed: 1,
    });
    const busy = r.siteBusyAcceleratorHours[0] as Float64Array;
    const units = r.siteUnitAcceleratorHours[0] as Float64Array;
    const job = r.jobs[0];
    if (!job) throw new Error('no job');
    for (const h of [0, 1, 23, 47]) {
      expect(busy[h]).toBeCloseTo(720, 9);
      expect(units[h]).toBeCloseTo(720, 9);
      expect(job.busyAcceleratorHours[h]).toBeCloseTo(720, 9);
      expect(job.heldAcceleratorHours[h]).toBeCloseTo(720, 9);
    }
  });

  it('an inference service serving 3.5 racks of demand keeps 3.5 × 72 = 252 accelerators busy', () => {
    const hours = 24;
    const r = simulateCluster({
      hours,
      sites: ['a'],
      pools: [
        {
          id: 'p',
          site: 0,
          acceleratorsPerUnit: 72,
          unitsOnline: 4,
          failure: noFailures,
          backgroundBusyFraction: 0,
        },
      ],
      training: [],
      inference: [
        {
          id: 's',
          pool: 0,
          demandUnits: new Float64Array(hours).fill(3.5),
          targetUnits: new Float64Array(hours).fill(4),
          allocation: 'dynamic',
          preemptsTraining: false,
          tokensPerUnitHour: 0,
          failure: noFailures,
        },
      ],
      seed: 1,
    });
    const svc = r.services[0];
    if (!svc) throw new Error('no service');
    for (const h of [1, 12, 23]) {
      expect(svc.busyAcceleratorHours[h]).toBeCloseTo(252, 9);
      expect(svc.heldAcceleratorHours[h]).toBeCloseTo(288, 9);
      expect((r.siteBusyAcceleratorHours[0] as Float64Array)[h]).toBeCloseTo(252, 9);
    }
  });
});
