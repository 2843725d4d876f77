/**
 * Resolves a validated scenario into engine inputs: looks up the catalogs, applies overrides and
 * defaults, takes the weather and grid series from a `DataSource`, and records every value used and
 * where it came from (`Assumption`), for `gigawatt run --explain` and the JSON output.
 * The per-site pieces (environment, facility rate, accelerator figures) are in ./resolve-site.ts.
 * Pure: the data source does any I/O (src/io/data-source.ts reads the bundled files in Node).
 */

import { CONSTRUCTION_JOBS_PER_BILLION_USD, PERMANENT_JOBS_PER_BILLION_USD } from '../catalog/costs.js';
import { H200_POWER_CURVE } from '../catalog/power-curve.js';
import type { GridSideInputs } from '../engine/grid-side-inputs.js';
import type { EngineInputs, SiteInputs } from '../engine/inputs.js';
import { DAY_MS, HOUR_MS, isoDateMs } from '../engine/series.js';
import type { Assumption, DataSource } from './data-source.js';
import type { EconomicsRates } from './economics-rates.js';
import { resolveGridSide } from './resolve-grid-side.js';
import { AcceleratorFigures, AssumptionRecorder, siteEnvironment, siteFacilityRate } from './resolve-site.js';
import type { Scenario } from './scenario.js';

export type { Assumption, DataSource };

export interface ResolvedScenario {
  readonly engine: EngineInputs;
  readonly rates: EconomicsRates;
  readonly assumptions: Assumption[];
}

function gridSideOf(
  site: Scenario['sites'][number],
  i: number,
  data: DataSource,
  rec: AssumptionRecorder,
): { gridSide?: GridSideInputs } {
  const gridSide = resolveGridSide(site, i, data, rec.list);
  return gridSide === undefined ? {} : { gridSide };
}

/** The run-wide compute settings: MFU, precision and the replay policy of the historical series. */
function noteComputeSettings(scenario: Scenario, rec: AssumptionRecorder): void {
  rec.note(
    ['compute', 'mfu'],
    scenario.compute.mfu,
    'fraction',
    'Llama 3 405B: 38-43 % BF16 MFU on H100 (Dubey et al. 2024, Table 4)',
  );
  rec.note(
    ['compute', 'precision'],
    scenario.compute.precision,
    '',
    'bf16: the precision of published training MFU figures',
  );
  rec.note(
    ['replay'],
    String(scenario.replay),
    '',
    'the latest complete year of each historical series (see docs/grid-data.md)',
  );
}

/** Jobs per $1B of capex (permanent, construction) and the network capex per accelerator. */
function workforceAndNetworkRates(
  scenario: Scenario,
  rec: AssumptionRecorder,
): Omit<EconomicsRates, 'facilityUSDPerMW' | 'acceleratorPriceUSD'> {
  const w = scenario.workforce;
  const permanentRate = w.permanentJobsPerBillionUSD ?? PERMANENT_JOBS_PER_BILLION_USD.value;
  const constructionRate = w.constructionJobsPerBillionUSD ?? CONSTRUCTION_JOBS_PER_BILLION_USD.value;
  rec.note(
    ['workforce', 'permanentJobsPerBillionUSD'],
    permanentRate,
    'jobs/$1B',
    '800 permanent jobs / $50B (Anthropic + Fluidstack, Nov 2025)',
  );
  rec.note(
    ['workforce', 'constructionJobsPerBillionUSD'],
    constructionRate,
    'jobs/$1B',
    '2,400 construction jobs / $50B (same announcement)',
  );
  rec.note(
    ['economics', 'networkCapexUSDPerAccelerator'],
    scenario.economics.networkCapexUSDPerAccelerator,
    '$',
    'not published separately; NVL72 rack prices include NVLink switches',
  );
  return {
    networkUSDPerAccelerator: scenario.economics.networkCapexUSDPerAccelerator,
    permanentJobsPerBillionUSD: permanentRate,
    constructionJobsPerBillionUSD: constructionRate,
    ...(w.permanentJobs !== undefined ? { permanentJobsTotal: w.permanentJobs } : {}),
    ...(w.constructionJobs !== undefined ? { constructionJobsTotal: w.constructionJobs } : {}),
  };
}

export function resolveScenario(
  scenario: Scenario,
  data: DataSource,
  raw: unknown = scenario,
): ResolvedScenario {
  const rec = new AssumptionRecorder(raw);
  const startMs = isoDateMs(scenario.start);
  const hours = Math.round((isoDateMs(scenario.end) + DAY_MS - startMs) / HOUR_MS);
  noteComputeSettings(scenario, rec);

  const priceBySite: number[][] = [];
  const facilityUSDPerMW: number[] = [];
  const accelerators = new AcceleratorFigures(scenario, rec);

  const sites: SiteInputs[] = scenario.sites.map((site, i) => {
    const environment = siteEnvironment(site, i, data, rec);
    facilityUSDPerMW.push(siteFacilityRate(scenario, site, i, rec));
    const resolved = site.phases.map((phase, j) => accelerators.phase(phase, j));
    priceBySite.push(resolved.map((p) => p.unitPriceUSD));
    return {
      id: site.id,
      phases: resolved.map((p) => p.inputs),
      interconnectMW: site.interconnectMW,
      cooling: environment.cooling,
      busyFraction: site.utilisation.busyFraction,
      dutyCycle: site.utilisation.dutyCycle,
      ...(site.utilisation.hourlyShape ? { hourlyShape: site.utilisation.hourlyShape } : {}),
      weather: environment.weather,
      carbonGPerKWh: environment.carbonGPerKWh,
      ...(environment.carbonDirectGPerKWh ? { carbonDirectGPerKWh: environment.carbonDirectGPerKWh } : {}),
      carbonArea: environment.carbonArea,
      price: environment.price,
      ...gridSideOf(site, i, data, rec),
    };
  });

  rec.push({
    path: 'powerCurve',
    value: `measured H200 curve (idle ${(H200_POWER_CURVE.idleFraction * 100).toFixed(1)} % of board power), each chip at its own idle share (accelerators.<id>.idleFraction)`,
    unit: '',
    kind: 'data',
    basis: H200_POWER_CURVE.source,
  });

  return {
    engine: {
      startMs,
      hours,
      sites,
      mfu: scenario.compute.mfu,
      powerCurve: H200_POWER_CURVE,
      replay: scenario.replay,
    },
    rates: { facilityUSDPerMW, acceleratorPriceUSD: priceBySite, ...workforceAndNetworkRates(scenario, rec) },
    assumptions: rec.list,
  };
}
