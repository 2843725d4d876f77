/**
 * Opex defaults, the one transmission parameter, duty cycle in revenue and levelized cost with no
 * compute, against hand calculations of one year.
 */
import { describe, expect, it } from 'vitest';
import { formatEconomics } from '../src/cli/format-economics.js';
import { validateScenario } from '../src/model/validate.js';
import { runScenario } from '../src/run.js';
import { baseScenario, fakeData, parseOk } from './helpers.js';

// The published figures behind the defaults, written out here rather than imported:
const OM_USD_PER_MW_YEAR = 0.02 * 12.5e6; // assumption: 2 % of the Abilene $12.5M/MW facility capex
const STAFF_USD_PER_JOB_YEAR = Math.round(108_130 / 0.7); // BLS OEWS May 2022 / ECEC wage share
const INSURANCE = 0.005; // assumption
const PROPERTY_TAX = 0.0115; // ATTOM 2016 US average effective rate

/** 1,000 H100 online 2026-01-01 at once, busy half the time, $2 per busy hour, 2026 only. */
function campus(over: { site?: object; economics?: object; compute?: object } = {}) {
  return parseOk(
    baseScenario({
      start: '2026-01-01',
      end: '2026-12-31',
      sites: [
        {
          ...(baseScenario().sites[0] as object),
          utilisation: { busyFraction: 0.5 },
          phases: [{ online: '2026-01-01', rampDays: 0, accelerator: 'h100', count: 1000 }],
          ...over.site,
        } as never,
      ],
      economics: {
        facilityCapexUSDPerMW: 10e6,
        acceleratorPriceUSD: { h100: 30_000 },
        revenue: { usdPerAcceleratorHour: 2 },
        constructionMonths: 12,
        terminalValue: 'none',
        discountRate: 0.1,
        ...over.economics,
      },
      ...(over.compute ? { compute: over.compute } : {}),
    }),
  );
}

describe('opex of a one-phase campus with the default opex lines, by hand', () => {
  const { summary } = runScenario(campus(), fakeData({ price: 50 }));
  const e = summary.economics;
  const y2026 = e.cashFlows?.find((r) => r.year === 2026);
  const itMW = (1000 * (700 + 575)) / 1e6; // H100 board power + DGX host share, full load
  const capex = itMW * 10e6 + 1000 * 30_000; // facility (spent in 2025) + chips (at online)
  const jobs = Math.round((capex / 1e9) * 16); // 16 permanent jobs per $1B (AN1-AN3) → 1

  it('O&M = installed MW × $250,000 for the full year', () => {
    expect(y2026?.operationsUSD).toBeCloseTo(itMW * OM_USD_PER_MW_YEAR, 2);
  });
  it('staff = permanent jobs × $154,471', () => {
    expect(jobs).toBe(1);
    expect(y2026?.staffUSD).toBeCloseTo(jobs * STAFF_USD_PER_JOB_YEAR, 4);
  });
  it('insurance and property tax = capex spent by year end × 0.5 % and × 1.15 %', () => {
    expect(y2026?.insuranceUSD).toBeCloseTo(capex * INSURANCE, 2);
    expect(y2026?.propertyTaxUSD).toBeCloseTo(capex * PROPERTY_TAX, 2);
  });
  it('4CP transmission: flat load, so the 4 CP hours see the average grid import; $100/kW-yr × kW', () => {
    const gridMW = (summary.years[0]?.gridImportMWh as number) / 8760;
    expect(y2026?.transmissionUSD).toBeCloseTo(100 * 1000 * gridMW, 2);
  });
  it('opex sums its lines once and NPV discounts revenue − opex − capex from 2025', () => {
    const energy = summary.years[0]?.energyCostUSD as number;
    const gridMW = (summary.years[0]?.gridImportMWh as number) / 8760;
    const opex =
      energy +
      100 * 1000 * gridMW +
      itMW * OM_USD_PER_MW_YEAR +
      STAFF_USD_PER_JOB_YEAR +
      capex * (INSURANCE + PROPERTY_TAX);
    expect(y2026?.opexUSD).toBeCloseTo(opex, 2);
    const revenue = 1000 * 0.5 * 8760 * 2;
    const flows = [-itMW * 10e6, revenue - opex - 30e6];
    expect(e.npvUSD).toBeCloseTo((flows[0] as number) + (flows[1] as number) / 1.1, 1);
  });
});

describe('one transmission parameter', () => {
  it('the 4CP charge appears once in the cash flows and equals the hourly charge total', () => {
    const scenario = campus({ site: { supply: { transmissionUSDPerKWYear: 80 } } });
    const { summary } = runScenario(scenario, fakeData({ price: 50 }));
    const rows = summary.economics.cashFlows ?? [];
    const hourly = summary.totals.transmissionChargeUSD;
    expect(hourly).toBeGreaterThan(0);
    expect(rows.reduce((a, r) => a + r.transmissionUSD, 0)).toBeCloseTo(hourly, 4);
    for (const r of rows) {
      const lines =
        r.energyUSD +
        r.transmissionUSD +
        r.operationsUSD +
        r.staffUSD +
        r.insuranceUSD +
        r.propertyTaxUSD +
        r.fuelUSD;
      expect(r.opexUSD).toBeCloseTo(lines, 4);
    }
  });
  it('economics.transmissionUSDPerKWYear is refused with a pointer to the site field', () => {
    const r = validateScenario(baseScenario({ economics: { transmissionUSDPerKWYear: 100 } as never }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]?.path).toEqual(['economics', 'transmissionUSDPerKWYear']);
    expect(r.issues[0]?.value).toBe(100);
    expect(r.issues[0]?.message).toContain('sites[i].supply.transmissionUSDPerKWYear');
  });
});

describe('revenue follows the duty cycle; no compute gives no levelized cost', () => {
  const zeroOpex = {
    operationsUSDPerMWYear: 0,
    staffUSDPerJobYear: 0,
    insuranceFractionPerYear: 0,
    propertyTaxFractionPerYear: 0,
  };
  it('duty cycle 0.5 halves the accelerator-hours sold', () => {
    const at = (dutyCycle: number) =>
      runScenario(
        campus({
          site: { utilisation: { busyFraction: 0.5, dutyCycle }, supply: { transmissionUSDPerKWYear: 0 } },
          economics: zeroOpex,
        }),
        fakeData({ price: 50 }),
      ).summary.economics.cashFlows?.find((r) => r.year === 2026);
    expect(at(1)?.revenueUSD).toBeCloseTo(1000 * 0.5 * 8760 * 2, 3);
    expect(at(0.5)?.revenueUSD).toBeCloseTo(1000 * 0.5 * 0.5 * 8760 * 2, 3);
    expect(at(0.5)?.acceleratorHours).toBeCloseTo(1000 * 0.5 * 0.5 * 8760, 6);
  });
  it('MFU 0: no FLOP, so $/PFLOP-day and $/million tokens are null, not $0', () => {
    const { summary } = runScenario(campus({ compute: { mfu: 0 } }), fakeData({ price: 50 }));
    const l = summary.economics.levelized;
    expect(summary.totals.computeDeliveredFLOP).toBe(0);
    expect(l?.usdPerPFLOPDay).toBeNull();
    expect(l?.usdPerMillionTokens).toBeNull();
    expect(l?.usdPerAcceleratorHour).toBeGreaterThan(0);
    const text = formatEconomics(summary);
    expect(text).toContain('n/a (no compute delivered) per PFLOP-day');
    expect(text).not.toContain('$0.0 per PFLOP-day');
  });
  it('busy fraction 0: nothing delivered, every levelized cost null', () => {
    const { summary } = runScenario(
      campus({ site: { utilisation: { busyFraction: 0 } } }),
      fakeData({ price: 50 }),
    );
    expect(summary.economics.levelized).toEqual({
      usdPerAcceleratorHour: null,
      usdPerPFLOPDay: null,
      usdPerMillionTokens: null,
    });
  });
});
