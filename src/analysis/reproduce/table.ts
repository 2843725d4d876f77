/**
 * The reproduction table: every case, in a fixed order. Pure: the caller (src/cli/commands/reproduce.ts)
 * loads the data files, runs the scenarios and passes them in.
 */
import type { CalibrationPoint } from '../../catalog/power-curve.js';
import type { HourlySeries } from '../../engine/series.js';
import { campusCases } from './campus.js';
import type { ReproCase } from './case.js';
import { type ClimateYear, facilityCases } from './facility.js';
import { carbonCase, headroomSyntheticCases } from './grid.js';
import { probeCurveCases, systemPowerCases } from './hardware.js';
import { llama3EffectiveTimeCase, youngDalyCase } from './training.js';

export interface ReproductionInputs {
  /** Probe calibration points and the catalog board power of the chip, per probed chip. */
  readonly probes: readonly {
    chip: 'h200' | 'h100';
    points: readonly CalibrationPoint[];
    boardPowerW: number;
  }[];
  readonly weather: (stationId: string) => ClimateYear;
  /** Regions with both a model and an Electricity Maps hourly lifecycle series. */
  readonly carbon: readonly {
    regionId: string;
    model: HourlySeries;
    electricityMaps: HourlySeries;
    modelBasis: string;
  }[];
  /** Peak facility power of a built-in scenario, MW; null when it cannot be run. Absent: the campus cases are skipped. */
  readonly peakFacilityMW?: (scenario: string) => number | null;
}

export interface ReproductionTable {
  readonly cases: readonly ReproCase[];
  readonly passed: number;
  readonly failed: number;
}

export function reproductionTable(inputs: ReproductionInputs): ReproductionTable {
  const cases: ReproCase[] = [
    ...systemPowerCases(),
    ...inputs.probes.flatMap((p) => probeCurveCases(p.chip, p.points, p.boardPowerW)),
    ...facilityCases(inputs.weather),
    llama3EffectiveTimeCase(),
    youngDalyCase(),
    ...inputs.carbon.map((c) => carbonCase(c.regionId, c.model, c.electricityMaps, c.modelBasis)),
    ...headroomSyntheticCases(),
    ...(inputs.peakFacilityMW ? campusCases(inputs.peakFacilityMW) : []),
  ];
  const passed = cases.filter((c) => c.pass).length;
  return { cases, passed, failed: cases.length - passed };
}
