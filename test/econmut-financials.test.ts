/**
 * The financial assumptions list (`gigawatt run --explain`, the JSON `assumptions`) of
 * src/analysis/economics/financials.ts: every assumption by path, with the value the run used, its unit
 * and its label — 'scenario' where the scenario gives it, else the default with its basis from
 * src/catalog/finance-defaults.ts. And financialReport's construction months (default 12). Written
 * against the survivors of a Stryker run of financials.ts (docs/testing.md); no run is simulated.
 */
import { describe, expect, it } from 'vitest';
import { financialAssumptions, financialReport } from '../src/analysis/economics/financials.js';
import type { PhaseEconomics } from '../src/analysis/economics.js';
import {
  CONSTRUCTION_MONTHS,
  FACILITY_SPLIT,
  H100_HOUR_PRICE_USD,
  INSURANCE_FRACTION_PER_YEAR,
  MODEL_PARAMETERS,
  OPERATIONS_USD_PER_MW_YEAR,
  PRICE_PARITY_BASIS,
  PROPERTY_TAX_FRACTION_PER_YEAR,
  STAFF_USD_PER_JOB_YEAR,
} from '../src/catalog/finance-defaults.js';
import type { EngineInputs } from '../src/engine/inputs.js';
import type { SimulatedSite } from '../src/engine/simulate.js';
import type { SiteHourly } from '../src/engine/site-hourly.js';
import type { ResolvedScenario } from '../src/model/resolve.js';
import type { ScenarioInput } from '../src/model/scenario.js';
import { baseScenario, parseOk } from './helpers.js';

const GIVEN = 'given in the scenario';
const NONE = 'not included unless given: no on-site plant, fuel or income tax modelled by default';

function assumptions(economics?: Record<string, unknown>, raw?: unknown) {
  const input =
    economics === undefined ? baseScenario() : baseScenario({ economics } as Partial<ScenarioInput>);
  return financialAssumptions(parseOk(input), raw === undefined ? input : raw);
}
const byPath = (list: ReturnType<typeof financialAssumptions>) => new Map(list.map((a) => [a.path, a]));

describe('financial assumptions of a scenario that gives no economics', () => {
  it('lists the 17 defaults in order, each with its value, unit, kind and basis', () => {
    expect(assumptions()).toEqual([
      {
        path: 'economics.discountRate',
        value: 0.08,
        unit: 'per year',
        kind: 'default',
        basis: 'assumption: 8 % nominal discount rate',
      },
      {
        path: 'economics.revenue.usdPerAcceleratorHour',
        value: '$1.9 per H100-hour, scaled by dense peak',
        unit: '',
        kind: 'estimate',
        basis: `${PRICE_PARITY_BASIS}; ${H100_HOUR_PRICE_USD.estimate}`,
      },
      {
        path: 'economics.revenue.modelParameters',
        value: 405e9,
        unit: 'parameters',
        kind: 'default',
        basis: MODEL_PARAMETERS.estimate,
      },
      {
        path: 'economics.constructionMonths',
        value: 12,
        unit: 'months',
        kind: 'default',
        basis: CONSTRUCTION_MONTHS.estimate,
      },
      {
        path: 'economics.facilitySplit',
        value: '0.35 / 0.45 / 0.2',
        unit: 'land+buildings / electrical / cooling',
        kind: 'default',
        basis: FACILITY_SPLIT.estimate,
      },
      {
        path: 'economics.acceleratorLifetimeYears',
        value: 5,
        unit: 'years',
        kind: 'default',
        basis: 'assumption: 5-year straight-line life of accelerators and network (range 4-6 years)',
      },
      {
        path: 'economics.facilityLifetimeYears',
        value: 25,
        unit: 'years',
        kind: 'default',
        basis: 'assumption: 25-year straight-line life of buildings and plant (range 20-30 years)',
      },
      {
        path: 'economics.terminalValue',
        value: 'book',
        unit: '',
        kind: 'default',
        basis: 'assumption: undepreciated book value credited in the last simulated year',
      },
      // O&M and insurance have no published figure (their basis says 'assumption'): kind 'default';
      // staff and property tax are derived from BLS and ATTOM figures: kind 'estimate'
      {
        path: 'economics.operationsUSDPerMWYear',
        value: 250_000,
        unit: '$/MW-yr',
        kind: 'default',
        basis: OPERATIONS_USD_PER_MW_YEAR.estimate,
      },
      {
        path: 'economics.staffUSDPerJobYear',
        value: 154_471,
        unit: '$/job-yr',
        kind: 'estimate',
        basis: STAFF_USD_PER_JOB_YEAR.estimate,
      },
      {
        path: 'economics.insuranceFractionPerYear',
        value: 0.005,
        unit: 'of capex per year',
        kind: 'default',
        basis: INSURANCE_FRACTION_PER_YEAR.estimate,
      },
      {
        path: 'economics.propertyTaxFractionPerYear',
        value: 0.0115,
        unit: 'of capex per year',
        kind: 'estimate',
        basis: PROPERTY_TAX_FRACTION_PER_YEAR.estimate,
      },
      {
        path: 'economics.transmission',
        value: 'Σ hourly ERCOT 4CP charge',
        unit: '$',
        kind: 'default',
        basis:
          'the cash flows include the hourly 4CP charge of each ERCOT site (rate: sites[i].supply.transmissionUSDPerKWYear, listed above); transmission and demand charges outside ERCOT are not modelled (wholesale energy price only)',
      },
      { path: 'economics.fuelUSDPerYear', value: 0, unit: '$/yr', kind: 'default', basis: NONE },
      { path: 'economics.onSiteGenerationCapexUSD', value: 0, unit: '$', kind: 'default', basis: NONE },
      { path: 'economics.batteryCapexUSD', value: 0, unit: '$', kind: 'default', basis: NONE },
      { path: 'economics.taxRate', value: 0, unit: 'fraction', kind: 'default', basis: NONE },
    ]);
  });
  it('the same with no raw input, a null or a non-object one (nothing counts as given)', () => {
    const expected = assumptions();
    for (const raw of [null, 'economics', 42, { economics: null }, { economics: 'x' }])
      expect(assumptions(undefined, raw), JSON.stringify(raw)).toEqual(expected);
  });
});

describe('financial assumptions the scenario gives', () => {
  const economics = {
    discountRate: 0.1,
    revenue: { usdPerMillionTokens: 3, modelParameters: 1e12 },
    constructionMonths: 6,
    facilitySplit: { landAndBuildings: 0.5, electrical: 0.3, cooling: 0.2 },
    acceleratorLifetimeYears: 4,
    facilityLifetimeYears: 30,
    terminalValue: 'none',
    operationsUSDPerMWYear: 1000,
    staffUSDPerJobYear: 2000,
    insuranceFractionPerYear: 0.003,
    propertyTaxFractionPerYear: 0.004,
    fuelUSDPerYear: 5000,
    onSiteGenerationCapexUSD: 6000,
    batteryCapexUSD: 7000,
    taxRate: 0.21,
  };
  it("each given figure is listed with its value, kind 'scenario' and 'given in the scenario'", () => {
    const list = assumptions(economics);
    const expected: [string, number | string, string][] = [
      ['economics.discountRate', 0.1, 'per year'],
      ['economics.revenue.usdPerMillionTokens', 3, '$/Mtoken'],
      ['economics.revenue.modelParameters', 1e12, 'parameters'],
      ['economics.constructionMonths', 6, 'months'],
      ['economics.facilitySplit', '0.5 / 0.3 / 0.2', 'land+buildings / electrical / cooling'],
      ['economics.acceleratorLifetimeYears', 4, 'years'],
      ['economics.facilityLifetimeYears', 30, 'years'],
      ['economics.terminalValue', 'none', ''],
      ['economics.operationsUSDPerMWYear', 1000, '$/MW-yr'],
      ['economics.staffUSDPerJobYear', 2000, '$/job-yr'],
      ['economics.insuranceFractionPerYear', 0.003, 'of capex per year'],
      ['economics.propertyTaxFractionPerYear', 0.004, 'of capex per year'],
      ['economics.fuelUSDPerYear', 5000, '$/yr'],
      ['economics.onSiteGenerationCapexUSD', 6000, '$'],
      ['economics.batteryCapexUSD', 7000, '$'],
      ['economics.taxRate', 0.21, 'fraction'],
    ];
    const got = byPath(list);
    for (const [path, value, unit] of expected)
      expect(got.get(path), path).toEqual({ path, value, unit, kind: 'scenario', basis: GIVEN });
    // the given token price replaces the price-parity estimate; transmission is still listed
    expect(got.has('economics.revenue.usdPerAcceleratorHour')).toBe(false);
    expect(got.get('economics.transmission')?.kind).toBe('default');
    expect(list).toHaveLength(17);
  });
  it('a given price per accelerator-hour is listed as $/h, with the default model size', () => {
    const got = byPath(assumptions({ revenue: { usdPerAcceleratorHour: 2.5 } }));
    expect(got.get('economics.revenue.usdPerAcceleratorHour')).toEqual({
      path: 'economics.revenue.usdPerAcceleratorHour',
      value: 2.5,
      unit: '$/h',
      kind: 'scenario',
      basis: GIVEN,
    });
    expect(got.has('economics.revenue.usdPerMillionTokens')).toBe(false);
    expect(got.get('economics.revenue.modelParameters')).toMatchObject({ value: 405e9, kind: 'default' });
  });
  it('a figure given in the raw input at its default value still counts as given', () => {
    const got = byPath(assumptions({ discountRate: 0.08, taxRate: 0 }));
    expect(got.get('economics.discountRate')).toMatchObject({ value: 0.08, kind: 'scenario', basis: GIVEN });
    expect(got.get('economics.taxRate')).toMatchObject({ value: 0, kind: 'scenario', basis: GIVEN });
    expect(got.get('economics.fuelUSDPerYear')).toMatchObject({ kind: 'default', basis: NONE });
  });
});

describe('financialReport', () => {
  // One phase of 100 accelerators online 2026-01-01 with a $1M facility and 10 construction jobs,
  // 2026 simulated with no compute (only the spend dates and the jobs matter here).
  const startMs = Date.UTC(2026, 0, 1);
  const engine = {
    startMs,
    hours: 8760,
    sites: [
      { id: 'a', dutyCycle: 1, phases: [{ id: 'p', onlineMs: startMs, rampDays: 0, peakFLOPS: 1e15 }] },
    ],
  } as unknown as EngineInputs;
  const phases: PhaseEconomics[] = [
    {
      siteId: 'a',
      phaseId: 'p',
      year: 2026,
      count: 100,
      itCapacityMW: 1,
      facilityCapexUSD: 1e6,
      acceleratorCapexUSD: 0,
      networkCapexUSD: 0,
      capexUSD: 1e6,
      jobsPermanent: 3,
      jobsConstruction: 10,
    },
  ];
  const z = new Float64Array(8760);
  const hourly = {
    siteId: 'a',
    startMs,
    hours: 8760,
    energyCostUSD: z,
    transmissionChargeUSD: z,
    itInstalledMW: z,
    computeFLOP: z,
    itDemandMW: z,
    itMW: z,
    busyFraction: z,
    phaseOnline: [z],
  } as unknown as SiteHourly;
  const report = (economics?: Record<string, unknown>) =>
    financialReport(
      parseOk(
        economics === undefined ? baseScenario() : baseScenario({ economics } as Partial<ScenarioInput>),
      ),
      { engine } as ResolvedScenario,
      [{ hourly } as SimulatedSite],
      phases,
    );
  it('by default spends the facility over the 12 months before the online date (all in 2025)', () => {
    const r = report();
    expect(r.cashFlows.map((c) => [c.year, c.capexUSD])).toEqual([
      [2025, 1e6],
      [2026, 0],
    ]);
    expect(r.jobs.constructionMonths).toBe(12);
    // 10 jobs for 12 months = 10 job-years, peaking on 2025-01-01; 3 permanent jobs from the online date
    expect(r.jobs.constructionJobYears).toBe(10);
    expect(r.jobs.constructionPeakDate).toBe('2025-01-01');
    expect(r.jobs.permanentRamp).toEqual([{ date: '2026-01-01', jobs: 3 }]);
    expect(r.discountRate).toBe(0.08);
  });
  it('with 6 construction months: the facility spent from 2025-07-01 (still all in 2025), 5 job-years', () => {
    const r = report({ constructionMonths: 6 });
    expect(r.cashFlows[0]?.year).toBe(2025);
    expect(r.cashFlows[0]?.capexUSD).toBe(1e6);
    expect(r.jobs.constructionMonths).toBe(6);
    expect(r.jobs.constructionJobYears).toBe(5);
    expect(r.jobs.constructionPeakDate).toBe('2025-07-01');
    expect(r.cashFlows[0]?.constructionJobYears).toBeCloseTo((10 * 184) / 365, 12);
  });
});
