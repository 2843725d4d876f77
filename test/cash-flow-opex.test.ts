/**
 * Every opex line, tax and the token revenue of the yearly cash flows against hand calculations, on a
 * one-phase campus with each rate given explicitly (so the test does not depend on the defaults).
 */
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../src/model/scenario.js';
import { runScenario } from '../src/run.js';
import { baseScenario, fakeData, parseOk } from './helpers.js';

/** 1,000 H100 online 2026-01-01, busy half the time, simulated over 2026; facility spent in 2025. */
function campus(economics: Record<string, unknown>): ScenarioInput {
  const b = baseScenario();
  return {
    ...b,
    start: '2026-01-01',
    end: '2026-12-31',
    sites: [
      {
        ...(b.sites[0] as ScenarioInput['sites'][number]),
        utilisation: { busyFraction: 0.5 },
        phases: [{ online: '2026-01-01', rampDays: 0, accelerator: 'h100', count: 1000 }],
      },
    ],
    workforce: { permanentJobs: 10 },
    economics: {
      facilityCapexUSDPerMW: 10e6,
      acceleratorPriceUSD: { h100: 30_000 },
      constructionMonths: 12,
      terminalValue: 'none',
      discountRate: 0.1,
      operationsUSDPerMWYear: 100_000,
      staffUSDPerJobYear: 150_000,
      insuranceFractionPerYear: 0.01,
      propertyTaxFractionPerYear: 0.02,
      fuelUSDPerYear: 1e6,
      taxRate: 0.25,
      ...economics,
    },
  } as ScenarioInput;
}

describe('opex lines and tax of a simulated year', () => {
  const r = runScenario(parseOk(campus({ revenue: { usdPerAcceleratorHour: 4 } })), fakeData({ price: 50 }));
  const rows = r.summary.economics.cashFlows ?? [];
  const s = r.sites[0]?.hourly;
  if (!s || rows.length !== 2) throw new Error('expected one site and the years 2025, 2026');
  const [y2025, y2026] = rows as [(typeof rows)[0], (typeof rows)[0]];
  const installedMW = s.itInstalledMW[s.hours - 1] as number;
  let energyUSD = 0;
  for (let h = 0; h < s.hours; h++) energyUSD += (s.gridImportMW[h] as number) * 50;

  it('the construction year 2025 has capex only: no opex, revenue or tax before the simulation', () => {
    expect(y2025.year).toBe(2025);
    expect(y2025.capexUSD).toBeCloseTo(installedMW * 10e6, 2);
    for (const k of [
      'energyUSD',
      'operationsUSD',
      'staffUSD',
      'insuranceUSD',
      'fuelUSD',
      'revenueUSD',
    ] as const)
      expect(y2025[k], k).toBe(0);
  });
  it('energy = Σ grid MWh × $50; O&M = installed MW × $100k; staff = 10 × $150k; fuel = $1M', () => {
    expect(y2026.energyUSD).toBeCloseTo(energyUSD, 2);
    expect(y2026.operationsUSD).toBeCloseTo(installedMW * 100_000, 4);
    expect(y2026.staffUSD).toBeCloseTo(1.5e6, 4);
    expect(y2026.fuelUSD).toBeCloseTo(1e6, 4);
  });
  it('insurance = 1 % and property tax = 2 % of all capex spent by the end of 2026', () => {
    expect(y2026.insuranceUSD).toBeCloseTo(0.01 * (y2025.capexUSD + y2026.capexUSD), 4);
    expect(y2026.propertyTaxUSD).toBeCloseTo(0.02 * (y2025.capexUSD + y2026.capexUSD), 4);
  });
  it('opex is the sum of its lines', () => {
    const lines =
      y2026.energyUSD +
      y2026.transmissionUSD +
      y2026.operationsUSD +
      y2026.staffUSD +
      y2026.insuranceUSD +
      y2026.propertyTaxUSD +
      y2026.fuelUSD;
    expect(y2026.opexUSD).toBeCloseTo(lines, 4);
  });
  it('revenue $4 × 1,000 × 0.5 × 8,760 h = $17.52M; tax = 25 % of profit; none in a loss year', () => {
    expect(y2026.revenueUSD).toBeCloseTo(17.52e6, 2);
    const profit = 17.52e6 - y2026.opexUSD - y2026.depreciationUSD;
    expect(profit).toBeGreaterThan(0);
    expect(y2026.taxUSD).toBeCloseTo(0.25 * profit, 2);
    expect(y2025.taxUSD).toBe(0);
    expect(y2026.netCashFlowUSD).toBeCloseTo(17.52e6 - y2026.opexUSD - y2026.capexUSD - 0.25 * profit, 2);
  });
});

describe('token revenue and levelized cost per unit', () => {
  const P = 1e12; // parameters: 2e12 FLOP per token
  const r = runScenario(
    parseOk(campus({ revenue: { usdPerMillionTokens: 3, modelParameters: P } })),
    fakeData({ price: 50 }),
  );
  const e = r.summary.economics;
  const rows = e.cashFlows ?? [];
  const s = r.sites[0]?.hourly;
  if (!s || rows.length !== 2) throw new Error('expected one site and the years 2025, 2026');
  let flop = 0;
  for (let h = 0; h < s.hours; h++) flop += s.computeFLOP[h] as number;

  it('revenue = FLOP / (2 × 10¹² FLOP per token) / 10⁶ × $3', () => {
    expect(flop).toBeGreaterThan(1e21);
    expect(rows[1]?.revenueUSD).toBeCloseTo((flop / 2e12 / 1e6) * 3, 0);
  });
  it('the three levelized costs price the same PV cost: per PFLOP-day (8.64·10¹⁹ FLOP) and per million tokens', () => {
    const pvCost =
      (rows[0]?.capexUSD ?? Number.NaN) + ((rows[1]?.capexUSD ?? 0) + (rows[1]?.opexUSD ?? 0)) / 1.1;
    const pvFLOP = flop / 1.1;
    expect(e.levelized?.usdPerPFLOPDay).toBeCloseTo(pvCost / (pvFLOP / 8.64e19), 2);
    expect(e.levelized?.usdPerMillionTokens).toBeCloseTo(pvCost / (pvFLOP / 2e12 / 1e6), 6);
  });
});
