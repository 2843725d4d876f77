/**
 * Opex of one calendar year y, $ (defaults with their basis in src/catalog/finance-defaults.ts):
 *
 *   energy        Σ_h grid MWh · $/MWh (+ on-site fuel), from the hourly engine
 *   transmission  Σ_h ERCOT 4CP charge of the hourly engine (rate sites[i].supply.transmissionUSDPerKWYear)
 *   O&M           installed IT MW-years · operationsUSDPerMWYear
 *   staff         permanent job-years · staffUSDPerJobYear
 *   insurance     capex spent by the end of y · insuranceFractionPerYear · f
 *   property tax  capex spent by the end of y · propertyTaxFractionPerYear · f
 *   fuel          fuelUSDPerYear · f
 * f = share of year y that is simulated. Permanent job-years are counted over the calendar year, so a
 * partly simulated year pays f of them.
 */
import type { Scenario } from '../../model/scenario.js';

type EconomicsOptions = Scenario['economics'];

export interface OpexLines {
  readonly energyUSD: number;
  readonly transmissionUSD: number;
  readonly operationsUSD: number;
  readonly staffUSD: number;
  readonly insuranceUSD: number;
  readonly propertyTaxUSD: number;
  readonly fuelUSD: number;
  readonly opexUSD: number;
}

export interface OpexYearInputs {
  readonly energyUSD: number;
  readonly transmissionUSD: number;
  readonly installedMWh: number;
  readonly permanentJobYears: number;
  readonly capexSoFarUSD: number;
  /** Share of the calendar year inside the simulated period, 0..1. */
  readonly simulatedShare: number;
}

export function opexInYear(x: OpexYearInputs, e: EconomicsOptions): OpexLines {
  const f = x.simulatedShare;
  const simulated = f > 0;
  const energyUSD = x.energyUSD;
  const transmissionUSD = x.transmissionUSD;
  const operationsUSD = (x.installedMWh / 8760) * e.operationsUSDPerMWYear;
  const staffUSD = simulated ? x.permanentJobYears * f * e.staffUSDPerJobYear : 0;
  const insuranceUSD = simulated ? x.capexSoFarUSD * e.insuranceFractionPerYear * f : 0;
  const propertyTaxUSD = simulated ? x.capexSoFarUSD * e.propertyTaxFractionPerYear * f : 0;
  const fuelUSD = e.fuelUSDPerYear * f;
  return {
    energyUSD,
    transmissionUSD,
    operationsUSD,
    staffUSD,
    insuranceUSD,
    propertyTaxUSD,
    fuelUSD,
    opexUSD: energyUSD + transmissionUSD + operationsUSD + staffUSD + insuranceUSD + propertyTaxUSD + fuelUSD,
  };
}
