import { describe, expect, it } from 'vitest';
import { acceleratorPowerW, capThroughputFactor } from '../src/catalog/power-curve.js';
import { coincidentPeaks } from '../src/engine/flexibility/four-cp.js';
import { gridEmergencyRequest } from '../src/engine/flexibility/grid-emergency.js';
import { curtailmentSchedule } from '../src/engine/flexibility/schedule.js';
import { HOUR_MS, type HourlySeries } from '../src/engine/series.js';
import { fileDataSource } from '../src/io/data-source.js';
import type { DataSource } from '../src/model/resolve.js';
import type { ScenarioInput } from '../src/model/scenario.js';
import { validateScenario } from '../src/model/validate.js';
import { runScenario } from '../src/run.js';
import { baseScenario, fakeData, parseOk } from './helpers.js';

function series(f: (h: number) => number): HourlySeries {
  const startMs = Date.UTC(2015, 0, 1);
  const hours = Math.round((Date.UTC(2036, 0, 1) - startMs) / HOUR_MS);
  return { startMs, values: Float64Array.from({ length: hours }, (_, h) => f(h)) };
}

const site = (extra: Record<string, unknown>, over: Partial<ScenarioInput> = {}) => {
  // h200 has no catalog price; the figure only feeds capex, which these tests do not read.
  const b = baseScenario({ economics: { acceleratorPriceUSD: { h200: 27500 } }, ...over });
  return { ...b, sites: [{ ...(b.sites[0] as object), ...extra }] } as ScenarioInput;
};

/** A West Texas campus of 100,000 H200 over 2026 on the bundled ERCOT data (2024 replayed). */
const texas = (flexibility?: Record<string, unknown>) =>
  site(
    {
      electricityPrice: { series: 'ERCOT-HB_WEST' },
      phases: [{ online: '2026-01-01', rampDays: 0, accelerator: 'h200', count: 100000 }],
      ...(flexibility ? { flexibility } : {}),
    },
    { start: '2026-01-01', end: '2026-12-31' },
  );

describe('4CP on the bundled ERCOT demand', () => {
  const data = fileDataSource();
  const rigid = runScenario(parseOk(texas()), data);
  const perfect = runScenario(
    parseOk(
      texas({
        action: 'power-cap',
        policies: [{ kind: '4cp', method: 'perfect-foresight', fraction: 0.25 }],
      }),
    ),
    data,
  );
  const dayAhead = runScenario(
    parseOk(texas({ action: 'power-cap', policies: [{ kind: '4cp', method: 'day-ahead', fraction: 0.25 }] })),
    data,
  );
  it('the 2024 peaks replayed include the all-time ERCOT hour: 85,559 MW on 20 August 2024, 17:00 CDT', () => {
    const peaks = perfect.sites[0]?.gridSide?.coincidentPeaks ?? [];
    expect(peaks.map((p) => p.month)).toEqual([6, 7, 8, 9]);
    const aug = peaks[2];
    expect(aug?.demandMW).toBe(85559);
    expect(new Date(Date.UTC(2026, 0, 1) + (aug?.hour ?? 0) * HOUR_MS).toISOString()).toBe(
      '2026-08-20T22:00:00.000Z',
    );
  });
  it('perfect foresight catches all 4 actual peaks in exactly 4 curtailed hours', () => {
    const y = perfect.summary.flexibility?.sites[0]?.years[0]?.fourCP;
    expect(y?.policies).toEqual([{ method: 'perfect-foresight', caught: 4, of: 4, hoursCurtailed: 4 }]);
    expect(perfect.summary.totals.curtailmentHours).toBe(4);
    expect(perfect.summary.totals.curtailmentEvents).toBe(4);
  });
  it('the flexible campus draws fewer MW in every actual 4CP hour, gives up compute and saves money', () => {
    const r = rigid.sites[0]?.hourly;
    for (const run of [perfect, dayAhead]) {
      const f = run.sites[0]?.hourly;
      const peaks = run.sites[0]?.gridSide?.coincidentPeaks ?? [];
      if (!r || !f) throw new Error('no site');
      expect(peaks).toHaveLength(4); // else the loop below checks nothing
      for (const cp of peaks)
        expect(f.gridImportMW[cp.hour] as number).toBeLessThan(0.8 * (r.gridImportMW[cp.hour] as number));
      const t = run.summary.totals;
      expect(t.computeLostFLOP).toBeGreaterThan(0);
      expect(t.computeDeliveredFLOP).toBeCloseTo(
        rigid.summary.totals.computeDeliveredFLOP - t.computeLostFLOP,
        -20,
      );
      expect(t.transmissionChargeUSD).toBeLessThan(0.82 * rigid.summary.totals.transmissionChargeUSD);
      expect(t.energyCostUSD).toBeLessThan(rigid.summary.totals.energyCostUSD);
    }
    const avoided =
      perfect.summary.flexibility?.sites[0]?.years[0]?.fourCP?.transmissionChargeAvoidedUSD ?? 0;
    // Avoided = curtailed MW x rate; the rigid/flexible difference also moves with part-load PUE (~2 %).
    const diff = rigid.summary.totals.transmissionChargeUSD - perfect.summary.totals.transmissionChargeUSD;
    expect(Math.abs(avoided / diff - 1)).toBeLessThan(0.03);
  });
  it('the day-ahead forecast catches every 2024 peak but curtails far more hours than foresight', () => {
    const y = dayAhead.summary.flexibility?.sites[0]?.years[0]?.fourCP?.policies[0];
    expect(y?.caught).toBe(4);
    expect(y?.hoursCurtailed).toBeGreaterThan(30);
  });
  it('the rigid campus pays 4CP charges of $100/kW-yr x its mean grid MW in the four peaks', () => {
    const r = rigid.sites[0]?.hourly;
    const peaks = rigid.sites[0]?.gridSide?.coincidentPeaks ?? [];
    if (!r) throw new Error('no site');
    // four peaks, or a missing 4CP section would give 0 MW and a $0 charge that match
    expect(peaks).toHaveLength(4);
    expect(rigid.summary.totals.transmissionChargeUSD).toBeGreaterThan(1e5);
    const meanMW = peaks.reduce((a, p) => a + (r.gridImportMW[p.hour] as number), 0) / 4;
    expect(rigid.summary.totals.transmissionChargeUSD).toBeCloseTo(meanMW * 1000 * 100, 2);
  });
});

describe('coincident peaks: one per month June-September, the monthly maximum', () => {
  it('finds the spike planted in each month (in CDT months)', () => {
    const start = Date.UTC(2026, 0, 1);
    const d = new Float64Array(8760).fill(1000);
    const planted = [
      Date.UTC(2026, 5, 10, 20),
      Date.UTC(2026, 6, 3, 21),
      Date.UTC(2026, 7, 30, 19),
      Date.UTC(2026, 8, 1, 22),
    ];
    planted.forEach((t, k) => {
      d[(t - start) / HOUR_MS] = 2000 + k;
    });
    d[(Date.UTC(2026, 4, 20) - start) / HOUR_MS] = 9999; // May: not a 4CP month
    expect(coincidentPeaks(d, start).map((p) => p.hour)).toEqual(planted.map((t) => (t - start) / HOUR_MS));
  });
});

describe('grid-emergency signal', () => {
  const start = Date.UTC(2026, 0, 1);
  const demand = Float64Array.from({ length: 8760 }, (_, h) => 100 * (h % 100));
  it('within 3 % of a 10,000 MW peak: the hours with demand ≥ 9,700 MW', () => {
    const out = new Float64Array(8760);
    gridEmergencyRequest({ withinPctOfPeak: 3, fraction: 0.3 }, demand, 10_000, start, out);
    // demand 9,700..9,900 occurs at h % 100 = 97, 98, 99: 3 hours in each of the 87 full cycles of 100 h
    expect(out.filter((x) => x === 0.3).length).toBe(3 * 87);
  });
  it('the top 50 hours of the year, exactly', () => {
    const out = new Float64Array(8760);
    gridEmergencyRequest({ topHoursPerYear: 50, fraction: 1 }, demand, 1, start, out);
    expect(out.filter((x) => x === 1).length).toBe(50);
  });
});

describe('the schedule comes from exogenous signals only', () => {
  it('is the same for a campus of any size and exists before the IT stage', () => {
    const price = Float64Array.from({ length: 48 }, (_, h) => (h === 5 || h === 6 || h === 30 ? 300 : 40));
    const signals = {
      startMs: Date.UTC(2026, 0, 1),
      hours: 48,
      priceUSDPerMWh: price,
      carbonGPerKWh: new Float64Array(48).fill(400),
      localHour: Uint8Array.from({ length: 48 }, (_, h) => h % 24),
    };
    const s = curtailmentSchedule(
      {
        flexibility: {
          action: 'pause',
          minCapFraction: 0.5,
          policies: [{ kind: 'price', aboveUSDPerMWh: 100, fraction: 0.4 }],
        },
        transmissionUSDPerKWYear: 0,
      },
      signals,
      'latest',
    );
    expect([...s.curtailRequestFraction].map((x, h) => (x > 0 ? h : -1)).filter((h) => h >= 0)).toEqual([
      5, 6, 30,
    ]);
  });
});

/** Prices that spike in known runs: hours 1000-1002 and 2000-2005 of 2026 (UTC). */
const spikes: DataSource = {
  ...fakeData(),
  price: () => {
    const s0 = Date.UTC(2015, 0, 1);
    const off = (Date.UTC(2026, 0, 1) - s0) / HOUR_MS;
    return series((h) =>
      (h >= off + 1000 && h < off + 1003) || (h >= off + 2000 && h < off + 2006) ? 900 : 40,
    );
  },
};

describe('actions: power-cap follows the measured curve, pause idles accelerators', () => {
  const scen = (action: string, fraction: number) =>
    site(
      {
        phases: [{ online: '2026-01-01', rampDays: 0, accelerator: 'h200', count: 10000 }],
        utilisation: { busyFraction: 1 },
        electricityPrice: { series: 'ERCOT-HB_WEST' },
        flexibility: { action, policies: [{ kind: 'price', aboveUSDPerMWh: 500, fraction }] },
      },
      { start: '2026-01-01', end: '2026-12-31', replay: 2026 },
    );
  const rigidScen = site(
    {
      phases: [{ online: '2026-01-01', rampDays: 0, accelerator: 'h200', count: 10000 }],
      utilisation: { busyFraction: 1 },
    },
    { start: '2026-01-01', end: '2026-12-31', replay: 2026 },
  );
  const rigid = runScenario(parseOk(rigidScen), spikes).sites[0]?.hourly;
  it('power-cap 25 %: IT falls by 25 %, and each H200 runs at the cap where the curve says, at F(cap)/F(700 W)', () => {
    const s = runScenario(parseOk(scen('power-cap', 0.25)), spikes).sites[0]?.hourly;
    if (!s || !rigid) throw new Error('no site');
    const h = 1001;
    expect(s.itDemandMW[h]).toBeCloseTo(0.75 * (rigid.itDemandMW[h] as number), 9);
    const capPerChipW = ((s.acceleratorDemandMW[h] as number) * 1e6) / 10000;
    const capW = capPerChipW / 0.987143; // the limiter holds h·C (H200 probe: 691 of 700 W)
    const ratio = capThroughputFactor(1, 700, capW) / capThroughputFactor(1, 700, 700);
    expect(acceleratorPowerW(1, 700, capW)).toBeCloseTo(capPerChipW, 6);
    expect((s.computeFLOP[h] as number) / (rigid.computeFLOP[h] as number)).toBeCloseTo(ratio, 9);
    // Lower caps give more FLOP per joule (docs/power-curve.md): throughput falls less than chip power.
    const powerRatio = (s.acceleratorDemandMW[h] as number) / (rigid.acceleratorDemandMW[h] as number);
    expect(ratio).toBeGreaterThan(powerRatio);
    expect(ratio).toBeLessThan(1);
  });
  it('pause 100 %: the running accelerators drop to idle power and compute stops', () => {
    const s = runScenario(parseOk(scen('pause', 1)), spikes).sites[0]?.hourly;
    if (!s) throw new Error('no site');
    const h = 2003;
    expect(s.computeFLOP[h]).toBe(0);
    expect(((s.acceleratorDemandMW[h] as number) * 1e6) / 10000).toBeCloseTo(acceleratorPowerW(0, 700), 9);
    expect(s.computeFLOP[h + 10]).toBeGreaterThan(0);
  });
  it('events, mean and longest duration: 2 events of 3 and 6 hours', () => {
    const r = runScenario(parseOk(scen('pause', 0.5)), spikes);
    const y = r.summary.flexibility?.sites[0]?.years[0];
    expect(r.summary.totals.curtailmentEvents).toBe(2);
    expect(r.summary.totals.curtailmentHours).toBe(9);
    expect(y?.events).toBe(2);
    expect(y?.meanEventHours).toBe(4.5);
    expect(y?.longestEventHours).toBe(6);
    expect(y?.energyCostSavedUSD).toBeCloseTo(r.summary.totals.curtailedEnergyMWh * 900, 2);
  });
});

describe('carbon shifting moves work within the day', () => {
  it('sheds in the 4 dirtiest hours of each local day and makes the work up in the 4 cleanest', () => {
    const dirty: DataSource = {
      ...fakeData(),
      regionCarbon: () => ({
        carbonGPerKWh: series((h) => 300 + 100 * Math.sin((2 * Math.PI * h) / 24)),
        carbonBasis: 'synthetic',
      }),
    };
    const scen = site({
      phases: [{ online: '2026-01-01', rampDays: 0, accelerator: 'h100', count: 10000 }],
      utilisation: { busyFraction: 0.7 },
      // 10 % of IT power is ~18 % of the H100s at busy 0.7 (hosts stay on): the make-up fits below busy 1.
      flexibility: { action: 'pause', policies: [{ kind: 'carbon', hoursPerDay: 4, fraction: 0.1 }] },
    });
    const rigid = runScenario(
      parseOk(
        site({
          phases: [{ online: '2026-01-01', rampDays: 0, accelerator: 'h100', count: 10000 }],
          utilisation: { busyFraction: 0.7 },
        }),
      ),
      dirty,
    );
    const r = runScenario(parseOk(scen), dirty);
    const t = r.summary.totals;
    // Local days (UTC-6 at Abilene): a 6-hour first day (3 hours each way), 364 full days, an 18-hour last one.
    expect(t.curtailmentHours).toBe(3 + 4 * 364 + 4);
    // The same work, done in cleaner hours: compute equal within 0.1 %, CO2 lower.
    expect(t.computeDeliveredFLOP / rigid.summary.totals.computeDeliveredFLOP).toBeCloseTo(1, 3);
    expect(Math.abs(t.computeLostFLOP)).toBeLessThan(1e-3 * t.computeDeliveredFLOP);
    expect(t.co2Tonnes).toBeLessThan(0.995 * rigid.summary.totals.co2Tonnes);
  });
});

describe('bad flexibility inputs give clear errors with field paths', () => {
  const issues = (extra: Record<string, unknown>) => {
    const r = validateScenario(site(extra));
    if (r.ok) throw new Error('expected issues');
    return r.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };
  it('a price policy in a region without bundled prices (TVA, flat price)', () => {
    const out = issues({
      region: 'TVA',
      electricityPrice: { flatUSDPerMWh: 70 },
      flexibility: { policies: [{ kind: 'price', aboveUSDPerMWh: 100, fraction: 0.5 }] },
    });
    expect(out).toEqual([
      'sites.0.flexibility.policies.0.kind: a price policy needs an hourly price series; this site has a flat price (region TVA has no bundled price series)',
    ]);
  });
  it('4CP outside ERCOT', () => {
    const out = issues({ region: 'NYISO', flexibility: { policies: [{ kind: '4cp', fraction: 0.5 }] } });
    expect(out[0]).toBe(
      'sites.0.flexibility.policies.0.kind: 4CP transmission pricing exists in ERCOT only; this site is in NYISO',
    );
  });
  it("'onsite' without anything on site, a fraction above 1", () => {
    expect(
      issues({
        flexibility: {
          action: 'onsite',
          policies: [{ kind: 'grid-emergency', topHoursPerYear: 5, fraction: 0.5 }],
        },
      })[0],
    ).toMatch(/^sites\.0\.flexibility\.action: 'onsite' needs on-site generation or a battery/);
    expect(
      issues({ flexibility: { policies: [{ kind: 'grid-emergency', topHoursPerYear: 5, fraction: 1.5 }] } }),
    ).toEqual(['sites.0.flexibility.policies.0.fraction: Too big: expected number to be <=1']);
  });
});
