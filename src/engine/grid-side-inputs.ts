/**
 * Engine inputs of the grid side of a site, already resolved (src/model/resolve-grid-side.ts): plain
 * numbers and historical series, no ids to look up. Attached to `SiteInputs.gridSide`; a site without it
 * takes every MWh from the grid as before.
 */
import type { HourlySeries } from './series.js';

export interface OnsiteGeneratorInputs {
  readonly id: string;
  readonly kind: 'gas-turbine' | 'recip-engine';
  readonly capacityMW: number;
  readonly heatRateMMBtuPerMWh: number;
  readonly fuelPriceUSDPerMMBtu: number;
  readonly co2KgPerMMBtu: number;
  readonly noxKgPerMWh?: number;
  readonly dispatch: 'backup' | 'economic';
}

export interface BatteryInputs {
  readonly id: string;
  readonly powerMW: number;
  readonly energyMWh: number;
  readonly roundTripEfficiency: number;
  readonly minSoCFraction: number;
  readonly maxSoCFraction: number;
  readonly initialSoCFraction: number;
  readonly policy: 'backup' | 'peak-shave' | 'price-arbitrage';
  readonly gridTargetMW?: number;
}

export interface SupplyInputs {
  readonly onsite: readonly OnsiteGeneratorInputs[];
  readonly batteries: readonly BatteryInputs[];
  readonly solarMW: number;
  readonly windMW: number;
  /** Historical capacity-factor profiles (0..1, by UTC hour), replayed like carbon; absent when capacity is 0. */
  readonly solarProfile?: HourlySeries;
  readonly windProfile?: HourlySeries;
}

export type FlexibilityPolicy =
  | {
      readonly kind: 'grid-emergency';
      readonly withinPctOfPeak?: number;
      readonly topHoursPerYear?: number;
      readonly fraction: number;
    }
  | {
      readonly kind: '4cp';
      readonly method: 'perfect-foresight' | 'day-ahead';
      readonly windowHours: number;
      readonly marginPct: number;
      readonly fraction: number;
    }
  | { readonly kind: 'price'; readonly aboveUSDPerMWh: number; readonly fraction: number }
  | { readonly kind: 'carbon'; readonly hoursPerDay: number; readonly fraction: number };

export type CurtailmentAction = 'power-cap' | 'pause' | 'onsite';

export interface FlexibilityInputs {
  readonly policies: readonly FlexibilityPolicy[];
  readonly action: CurtailmentAction;
  /** Lowest power cap as a share of board power (power-cap action). */
  readonly minCapFraction: number;
}

export interface GridSideInputs {
  readonly supply?: SupplyInputs;
  readonly flexibility?: FlexibilityInputs;
  /** The region's historical hourly demand (cleaned), MW; needed by grid-emergency and 4CP. */
  readonly regionDemandMW?: HourlySeries;
  /** Highest hourly demand in the whole bundled series, MW. */
  readonly regionPeakMW?: number;
  /** ERCOT only: 4CP transmission rate, $/kW-yr (0 elsewhere: no 4CP charge is modelled). */
  readonly transmissionUSDPerKWYear: number;
}
