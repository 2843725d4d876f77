/** The result types of the build-out Monte Carlo (./uncertainty.ts), shared with the report (./report.ts). */
import type { Distribution } from '../../model/uncertainty.js';
import type { SamplingMethod } from '../sweep/sampling.js';
import type { Quantiles } from '../sweep/statistics.js';

export interface NationalYearUncertainty {
  readonly year: number;
  readonly itInstalledMW: Quantiles;
  readonly campusAtRegionPeaksMW: Quantiles;
  readonly firmNeedMW: Quantiles;
  readonly flexibleCurtailedGWh: Quantiles;
  readonly computeLostFLOP: Quantiles;
  readonly gridGWh: Quantiles;
  readonly offGridGWh: Quantiles;
  readonly co2Tonnes: Quantiles;
  readonly waterM3: Quantiles;
}

export interface RegionYearUncertainty {
  readonly region: string;
  readonly year: number;
  readonly campusAtRegionPeakMW: Quantiles;
  /** Headroom used by the campuses (before − after) at each limit of the report, MW. */
  readonly headroomUsedMW: readonly Quantiles[];
  /** Firm capacity needed beyond what the flexible share gives way, MW. */
  readonly firmNeedMW: Quantiles;
  /** Energy the flexible share gives way, GWh per year. */
  readonly curtailedGWh: Quantiles;
}

export interface BuildoutUncertainty {
  readonly samples: number;
  readonly seed: number;
  readonly sampling: SamplingMethod;
  readonly inputs: readonly {
    id: string;
    label: string;
    distribution: Distribution | null;
    source: string;
  }[];
  readonly national: readonly NationalYearUncertainty[];
  readonly regions: readonly RegionYearUncertainty[];
  /** PJM: the firm part of the PJM campuses' load at the peak added to the 2026/27 auction, uncapped price. */
  readonly pjm: readonly {
    year: number;
    addedPeakMW: Quantiles;
    uncappedUSDPerMWDay: Quantiles;
    othersDeltaUSD: Quantiles;
    perHouseholdUSDPerMonth: Quantiles;
  }[];
  /** ERCOT: the transmission cost the flexible share shifts to the other customers by avoiding the 4CP, $/yr. */
  readonly ercot4CP: readonly { year: number; shiftedToOthersUSD: Quantiles }[];
  readonly method: string;
}
