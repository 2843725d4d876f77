/** The row types of the build-out report shared by report.ts and who-pays.ts. */
import type { FourCPResult } from '../markets/ercot-4cp.js';
import type { LateBill, SB6Obligations } from '../markets/large-load-rules.js';
import type { Calibration, ClearingResult } from '../markets/pjm-capacity.js';
import type { GridYearResult } from './grid.js';

export interface RegionYearRow extends GridYearResult {
  readonly region: string;
  readonly year: number;
  /** Sites of the region with any grid load in the year. */
  readonly campuses: readonly string[];
  readonly historicalYears: readonly number[];
}

export interface CampusYear {
  readonly year: number;
  /** IT capacity installed at the end of the year, MW. */
  readonly itInstalledMW: number;
  readonly peakFacilityMW: number;
  readonly facilityGWh: number;
  readonly gridGWh: number;
  readonly co2Tonnes: number;
  readonly onsiteCO2Tonnes: number;
  readonly waterM3: number;
}

export interface CampusRow {
  readonly id: string;
  readonly name: string;
  readonly region: string;
  readonly state: string;
  /** County (parish) the campus register names, its bracketed note dropped; '' where unknown (./water.ts). */
  readonly county: string;
  /** What the register's coordinates stand for: 'town', 'county' or 'state' centre; '' when not in the register. */
  readonly locationPrecision: string;
  /** True when the site draws (almost) nothing from the grid: its own plant carries it. */
  readonly offGrid: boolean;
  readonly years: readonly CampusYear[];
}

export interface WhoPays {
  readonly pjm: {
    readonly calibration: Calibration;
    /** Per simulated year: the PJM campuses' load at PJM's peak added to the 2026/27 auction. */
    readonly years: readonly {
      year: number;
      addedPeakMW: number;
      firm: ClearingResult;
      flexible: ClearingResult;
      byog: ClearingResult;
      firmWithCollar: ClearingResult;
    }[];
  } | null;
  readonly ercot4CP: readonly ({ year: number; historicalYear: number } & FourCPResult)[];
  readonly tariffs: readonly ({ campusId: string; announced: string; realisticP50: string } & LateBill)[];
  readonly sb6: readonly ({ campusId: string; peakMW: number } & SB6Obligations)[];
}
