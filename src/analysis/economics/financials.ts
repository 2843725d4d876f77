/**
 * The financial block of a run: cash flows with NPV, IRR, payback, break-even and levelized cost
 * (./cash-flows.ts), jobs over time (./jobs.ts), and the defaults used, as assumptions with their basis.
 */
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
} from '../../catalog/finance-defaults.js';
import type { SimulatedSite } from '../../engine/simulate.js';
import type { Assumption, ResolvedScenario } from '../../model/resolve.js';
import type { Scenario } from '../../model/scenario.js';
import type { PhaseEconomics } from '../economics.js';
import { type CashFlowAnalysis, cashFlowAnalysis } from './cash-flows.js';
import type { CashFlowHourlySums } from './hourly-aggregates.js';
import { type JobsOverTime, jobsOverTime } from './jobs.js';

export interface FinancialReport extends CashFlowAnalysis {
  readonly jobs: JobsOverTime;
}

function given(raw: unknown, path: readonly string[]): boolean {
  let cur: unknown = raw;
  for (const k of path) {
    if (cur === null || typeof cur !== 'object') return false;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur !== undefined;
}

export function financialReport(
  scenario: Scenario,
  resolved: ResolvedScenario,
  sims: readonly SimulatedSite[] | CashFlowHourlySums,
  phases: readonly PhaseEconomics[],
): FinancialReport {
  const e = scenario.economics;
  const constructionMonths = e.constructionMonths ?? CONSTRUCTION_MONTHS.value;
  const cf = cashFlowAnalysis({
    inputs: resolved.engine,
    sims,
    phases,
    economics: e,
    constructionMonths,
  });
  return { ...cf, jobs: jobsOverTime(resolved.engine, phases, constructionMonths) };
}

/** The financial defaults a run used (for --explain and the JSON `assumptions`). */
export function financialAssumptions(scenario: Scenario, raw: unknown): Assumption[] {
  const e = scenario.economics;
  const out: Assumption[] = [];
  const note = (path: string[], value: number | string, unit: string, basis: string) =>
    out.push(
      given(raw, path)
        ? { path: path.join('.'), value, unit, kind: 'scenario', basis: 'given in the scenario' }
        : { path: path.join('.'), value, unit, kind: 'default', basis },
    );
  note(['economics', 'discountRate'], e.discountRate, 'per year', 'assumption: 8 % nominal discount rate');
  if (e.revenue.usdPerMillionTokens !== undefined)
    note(['economics', 'revenue', 'usdPerMillionTokens'], e.revenue.usdPerMillionTokens, '$/Mtoken', '');
  else if (e.revenue.usdPerAcceleratorHour !== undefined)
    note(['economics', 'revenue', 'usdPerAcceleratorHour'], e.revenue.usdPerAcceleratorHour, '$/h', '');
  else
    out.push({
      path: 'economics.revenue.usdPerAcceleratorHour',
      value: `$${H100_HOUR_PRICE_USD.value} per H100-hour, scaled by dense peak`,
      unit: '',
      kind: 'estimate',
      basis: `${PRICE_PARITY_BASIS}; ${H100_HOUR_PRICE_USD.estimate}`,
    });
  note(
    ['economics', 'revenue', 'modelParameters'],
    e.revenue.modelParameters ?? MODEL_PARAMETERS.value,
    'parameters',
    MODEL_PARAMETERS.estimate,
  );
  note(
    ['economics', 'constructionMonths'],
    e.constructionMonths ?? CONSTRUCTION_MONTHS.value,
    'months',
    CONSTRUCTION_MONTHS.estimate,
  );
  const split = e.facilitySplit ?? FACILITY_SPLIT.value;
  note(
    ['economics', 'facilitySplit'],
    `${split.landAndBuildings} / ${split.electrical} / ${split.cooling}`,
    'land+buildings / electrical / cooling',
    FACILITY_SPLIT.estimate,
  );
  note(
    ['economics', 'acceleratorLifetimeYears'],
    e.acceleratorLifetimeYears,
    'years',
    'assumption: 5-year straight-line life of accelerators and network (range 4-6 years)',
  );
  note(
    ['economics', 'facilityLifetimeYears'],
    e.facilityLifetimeYears,
    'years',
    'assumption: 25-year straight-line life of buildings and plant (range 20-30 years)',
  );
  note(
    ['economics', 'terminalValue'],
    e.terminalValue,
    '',
    'assumption: undepreciated book value credited in the last simulated year',
  );
  const kindOf = (sourced: { estimate?: string; source?: string }): Assumption['kind'] =>
    sourced.estimate?.startsWith('assumption') ? 'default' : 'estimate';
  for (const [k, unit, sourced] of [
    ['operationsUSDPerMWYear', '$/MW-yr', OPERATIONS_USD_PER_MW_YEAR],
    ['staffUSDPerJobYear', '$/job-yr', STAFF_USD_PER_JOB_YEAR],
    ['insuranceFractionPerYear', 'of capex per year', INSURANCE_FRACTION_PER_YEAR],
    ['propertyTaxFractionPerYear', 'of capex per year', PROPERTY_TAX_FRACTION_PER_YEAR],
  ] as const) {
    const path = ['economics', k];
    out.push(
      given(raw, path)
        ? { path: path.join('.'), value: e[k], unit, kind: 'scenario', basis: 'given in the scenario' }
        : { path: path.join('.'), value: e[k], unit, kind: kindOf(sourced), basis: sourced.estimate },
    );
  }
  out.push({
    path: 'economics.transmission',
    value: 'Σ hourly ERCOT 4CP charge',
    unit: '$',
    kind: 'default',
    basis:
      'the cash flows include the hourly 4CP charge of each ERCOT site (rate: sites[i].supply.transmissionUSDPerKWYear, listed above); transmission and demand charges outside ERCOT are not modelled (wholesale energy price only)',
  });
  const none = 'not included unless given: no on-site plant, fuel or income tax modelled by default';
  for (const [k, unit] of [
    ['fuelUSDPerYear', '$/yr'],
    ['onSiteGenerationCapexUSD', '$'],
    ['batteryCapexUSD', '$'],
    ['taxRate', 'fraction'],
  ] as const)
    note(['economics', k], e[k], unit, none);
  return out;
}
