/**
 * Resolves a validated scenario into engine inputs: looks up the catalogs, applies overrides and
 * defaults, takes the weather and grid series from a `DataSource`, and records every value used and
 * where it came from (`Assumption`), for `gigawatt run --explain` and the JSON output.
 * Pure: the data source does any I/O (src/io/data-source.ts reads the bundled files in Node).
 */

import { getAccelerator } from '../catalog/accelerators.js';
import { getCoolingSystem } from '../catalog/cooling.js';
import {
  CONSTRUCTION_JOBS_PER_BILLION_USD,
  FACILITY_CAPEX_USD_PER_MW,
  PERMANENT_JOBS_PER_BILLION_USD,
} from '../catalog/costs.js';
import { H200_POWER_CURVE } from '../catalog/power-curve.js';
import type { Sourced } from '../catalog/provenance.js';
import { defaultPriceSeriesFor, getRegion } from '../catalog/regions.js';
import { getWeatherStation } from '../catalog/weather-stations.js';
import type { GridSideInputs } from '../engine/grid-side-inputs.js';
import type { EngineInputs, PhaseInputs, SiteInputs } from '../engine/inputs.js';
import { DAY_MS, HOUR_MS, type HourlySeries, isoDateMs } from '../engine/series.js';
import type { Assumption, DataSource } from './data-source.js';
import type { EconomicsRates } from './economics-rates.js';
import { resolveGridSide } from './resolve-grid-side.js';
import type { Scenario } from './scenario.js';
import { applyStatedCarbon } from './site-carbon.js';

function gridSideOf(
  site: Scenario['sites'][number],
  i: number,
  data: DataSource,
  assumptions: Assumption[],
): { gridSide?: GridSideInputs } {
  const gridSide = resolveGridSide(site, i, data, assumptions);
  return gridSide === undefined ? {} : { gridSide };
}

export type { Assumption, DataSource };

/**
 * The grid intensity a site uses: the region's hourly fuel-mix series, or, when the site states the
 * annual average of its utility or subregion (`carbon`), those series scaled to it (./site-carbon.ts).
 */
function siteCarbon(
  site: Scenario['sites'][number],
  i: number,
  region: ReturnType<DataSource['regionCarbon']>,
  assumptions: Assumption[],
): { carbonGPerKWh: HourlySeries; carbonDirectGPerKWh?: HourlySeries; area: string } {
  assumptions.push({
    path: `sites[${i}].region`,
    value: `${site.region} hourly carbon intensity`,
    unit: 'gCO2eq/kWh',
    kind: 'data',
    basis: region.carbonBasis,
  });
  const stated = site.carbon;
  if (stated === undefined)
    return {
      carbonGPerKWh: region.carbonGPerKWh,
      ...(region.carbonDirectGPerKWh ? { carbonDirectGPerKWh: region.carbonDirectGPerKWh } : {}),
      area: `${site.region} (production-based hourly fuel mix)`,
    };
  const s = applyStatedCarbon(stated, region.carbonGPerKWh, region.carbonDirectGPerKWh);
  assumptions.push({
    path: `sites[${i}].carbon.annualGPerKWh`,
    value: stated.annualGPerKWh,
    unit: `gCO2eq/kWh (${stated.basis})`,
    kind: 'scenario',
    basis: `given in the scenario: ${stated.source}; annual average on the ${stated.basis} basis, on the hourly shape of ${site.region}'s fuel mix (the other basis keeps ${site.region}'s lifecycle/direct ratio)`,
  });
  return {
    carbonGPerKWh: s.lifecycle,
    ...(s.direct ? { carbonDirectGPerKWh: s.direct } : {}),
    area: `${stated.source} (stated ${stated.annualGPerKWh} g/kWh ${stated.basis}, hourly shape of ${site.region})`,
  };
}

export interface ResolvedScenario {
  readonly engine: EngineInputs;
  readonly rates: EconomicsRates;
  readonly assumptions: Assumption[];
}

function fromCatalog(s: Sourced<number>): { kind: Assumption['kind']; basis: string } {
  if (s.estimate !== undefined) return { kind: 'estimate', basis: s.estimate };
  return { kind: 'catalog', basis: s.source ?? '' };
}

export function resolveScenario(
  scenario: Scenario,
  data: DataSource,
  raw: unknown = scenario,
): ResolvedScenario {
  const assumptions: Assumption[] = [];
  const given = (path: (string | number)[]): boolean => {
    let cur: unknown = raw;
    for (const k of path) {
      if (cur === null || typeof cur !== 'object') return false;
      cur = (cur as Record<string | number, unknown>)[k];
    }
    return cur !== undefined;
  };
  const note = (path: (string | number)[], value: number | string, unit: string, defaultBasis: string) => {
    const p = path
      .map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`))
      .join('')
      .slice(1);
    assumptions.push(
      given(path)
        ? { path: p, value, unit, kind: 'scenario', basis: 'given in the scenario' }
        : { path: p, value, unit, kind: 'default', basis: defaultBasis },
    );
  };

  const startMs = isoDateMs(scenario.start);
  const hours = Math.round((isoDateMs(scenario.end) + DAY_MS - startMs) / HOUR_MS);
  const precision = scenario.compute.precision;
  note(
    ['compute', 'mfu'],
    scenario.compute.mfu,
    'fraction',
    'Llama 3 405B: 38-43 % BF16 MFU on H100 (Dubey et al. 2024, Table 4)',
  );
  note(['compute', 'precision'], precision, '', 'bf16: the precision of published training MFU figures');
  note(
    ['replay'],
    String(scenario.replay),
    '',
    'the latest complete year of each historical series (see docs/grid-data.md)',
  );

  const priceBySite: number[][] = [];
  const facilityUSDPerMW: number[] = [];
  const seenAccelerators = new Set<string>();

  const sites: SiteInputs[] = scenario.sites.map((site, i) => {
    const at = ['sites', i] as (string | number)[];
    const station = getWeatherStation(site.weather);
    const cooling = getCoolingSystem(site.cooling);
    const region = getRegion(site.region);
    if (!station || !cooling || !region) throw new Error(`catalog lookup failed for site ${site.id}`);
    const weather = data.weather(site.weather);
    assumptions.push({
      path: `sites[${i}].weather`,
      value: site.weather,
      unit: '',
      kind: 'data',
      basis: `${station.dataset} typical year, ${station.name} (data/weather/${station.file})`,
    });
    const cal = cooling.calibration;
    assumptions.push({
      path: `sites[${i}].cooling`,
      value: cooling.name,
      unit: '',
      kind: 'catalog',
      basis: `PUE and water from weather and load (docs/cooling.md); calibrated to annual PUE ${cal.pue.value}${cal.waterLPerKWh.value === null ? '' : ` and ${cal.waterLPerKWh.value} L/kWh`} at ${cal.stationId}, load ${cal.loadFraction}`,
    });
    const grid = siteCarbon(site, i, data.regionCarbon(site.region), assumptions);
    let price: SiteInputs['price'];
    const priceSpec = site.electricityPrice;
    if (priceSpec !== undefined && 'flatUSDPerMWh' in priceSpec) {
      price = priceSpec.flatUSDPerMWh;
      note([...at, 'electricityPrice', 'flatUSDPerMWh'], price, '$/MWh', '');
    } else {
      const seriesId = priceSpec?.series ?? defaultPriceSeriesFor(site.region);
      if (seriesId === undefined) throw new Error(`no price for site ${site.id}`);
      price = data.price(seriesId);
      assumptions.push({
        path: `sites[${i}].electricityPrice.series`,
        value: `${seriesId} hourly price`,
        unit: '$/MWh',
        kind: priceSpec ? 'scenario' : 'default',
        basis: priceSpec ? 'given in the scenario' : `the default price series of ${site.region}`,
      });
    }
    note(
      [...at, 'utilisation', 'busyFraction'],
      site.utilisation.busyFraction,
      'fraction',
      'assumption: Llama 3 reported >90 % effective training time; campuses also idle between jobs',
    );
    note(
      [...at, 'utilisation', 'dutyCycle'],
      site.utilisation.dutyCycle,
      'fraction',
      'dense training and batched inference hold the chip at its power cap (H200 probe: 691-695 W)',
    );

    const facilityRate =
      scenario.economics.facilityCapexUSDPerMW ?? FACILITY_CAPEX_USD_PER_MW[site.cooling]?.value;
    if (facilityRate === undefined || facilityRate === null)
      throw new Error(`no facility capex for ${site.cooling}`);
    facilityUSDPerMW.push(facilityRate);
    if (scenario.economics.facilityCapexUSDPerMW === undefined) {
      const s = FACILITY_CAPEX_USD_PER_MW[site.cooling] as Sourced<number>;
      assumptions.push({
        path: `sites[${i}].facilityCapexUSDPerMW`,
        value: facilityRate,
        unit: '$/MW',
        ...fromCatalog(s),
      });
    }

    const prices: number[] = [];
    const phases: PhaseInputs[] = site.phases.map((phase, j) => {
      const spec = getAccelerator(phase.accelerator);
      if (!spec) throw new Error(`unknown accelerator ${phase.accelerator}`);
      const over = scenario.acceleratorOverrides?.[phase.accelerator];
      const pick = (
        field: 'boardPowerW' | 'hostNetworkWPerAccelerator' | 'bf16DenseTFLOPS' | 'fp8DenseTFLOPS',
        unit: string,
      ) => {
        const o = over?.[field];
        const key = `accelerators.${phase.accelerator}.${field}`;
        if (o !== undefined) {
          if (!seenAccelerators.has(key))
            assumptions.push({
              path: `acceleratorOverrides.${phase.accelerator}.${field}`,
              value: o,
              unit,
              kind: 'scenario',
              basis: 'given in the scenario',
            });
          seenAccelerators.add(key);
          return o;
        }
        const s = spec[field];
        if (s.value === null)
          throw new Error(`${phase.accelerator}.${field} is not published and not overridden`);
        if (!seenAccelerators.has(key))
          assumptions.push({ path: key, value: s.value, unit, ...fromCatalog(s) });
        seenAccelerators.add(key);
        return s.value;
      };
      const boardPowerW = pick('boardPowerW', 'W');
      const hostNetworkWPerAccelerator = pick('hostNetworkWPerAccelerator', 'W');
      // the chip's idle share and the host's idle figure, which the IT stage uses (src/engine/it-power.ts)
      for (const [field, unit] of [
        ['idleFraction', 'fraction of board power'],
        ['hostNetworkIdleWPerAccelerator', 'W'],
      ] as const) {
        const key = `accelerators.${phase.accelerator}.${field}`;
        const fig = spec[field];
        if (fig.value !== null && !seenAccelerators.has(key))
          assumptions.push({
            path: key,
            value: fig.value,
            unit,
            ...fromCatalog(fig),
            basis: `${fig.basis}: ${fromCatalog(fig).basis}`,
          });
        seenAccelerators.add(key);
      }
      const peakTFLOPS = pick(precision === 'fp8' ? 'fp8DenseTFLOPS' : 'bf16DenseTFLOPS', 'TFLOP/s');
      const count =
        phase.count ??
        Math.round(((phase.itMW as number) * 1e6) / (boardPowerW + hostNetworkWPerAccelerator));
      const priceOverride = scenario.economics.acceleratorPriceUSD?.[phase.accelerator] ?? over?.priceUSD;
      const unitPrice = priceOverride ?? spec.priceUSD.value;
      if (unitPrice === null || unitPrice === undefined) throw new Error(`no price for ${phase.accelerator}`);
      const priceKey = `accelerators.${phase.accelerator}.priceUSD`;
      if (!seenAccelerators.has(priceKey)) {
        assumptions.push(
          priceOverride !== undefined
            ? {
                path: `economics.acceleratorPriceUSD.${phase.accelerator}`,
                value: unitPrice,
                unit: '$',
                kind: 'scenario',
                basis: 'given in the scenario',
              }
            : { path: priceKey, value: unitPrice, unit: '$', ...fromCatalog(spec.priceUSD) },
        );
        seenAccelerators.add(priceKey);
      }
      prices.push(unitPrice);
      return {
        id: phase.id ?? `phase-${j + 1}`,
        acceleratorId: phase.accelerator,
        onlineMs: isoDateMs(phase.online),
        rampDays: phase.rampDays,
        count,
        boardPowerW,
        hostNetworkWPerAccelerator,
        powerCapW: phase.powerCapW ?? boardPowerW,
        peakFLOPS: peakTFLOPS * 1e12,
      };
    });
    priceBySite.push(prices);
    return {
      id: site.id,
      phases,
      interconnectMW: site.interconnectMW,
      cooling,
      busyFraction: site.utilisation.busyFraction,
      dutyCycle: site.utilisation.dutyCycle,
      ...(site.utilisation.hourlyShape ? { hourlyShape: site.utilisation.hourlyShape } : {}),
      weather: { ...weather, tzOffsetHours: station.tzOffsetHours },
      carbonGPerKWh: grid.carbonGPerKWh,
      ...(grid.carbonDirectGPerKWh ? { carbonDirectGPerKWh: grid.carbonDirectGPerKWh } : {}),
      carbonArea: grid.area,
      price,
      ...gridSideOf(site, i, data, assumptions),
    };
  });

  assumptions.push({
    path: 'powerCurve',
    value: `measured H200 curve (idle ${(H200_POWER_CURVE.idleFraction * 100).toFixed(1)} % of board power), each chip at its own idle share (accelerators.<id>.idleFraction)`,
    unit: '',
    kind: 'data',
    basis: H200_POWER_CURVE.source,
  });
  const w = scenario.workforce;
  const permanentRate = w.permanentJobsPerBillionUSD ?? PERMANENT_JOBS_PER_BILLION_USD.value;
  const constructionRate = w.constructionJobsPerBillionUSD ?? CONSTRUCTION_JOBS_PER_BILLION_USD.value;
  note(
    ['workforce', 'permanentJobsPerBillionUSD'],
    permanentRate,
    'jobs/$1B',
    '800 permanent jobs / $50B (Anthropic + Fluidstack, Nov 2025)',
  );
  note(
    ['workforce', 'constructionJobsPerBillionUSD'],
    constructionRate,
    'jobs/$1B',
    '2,400 construction jobs / $50B (same announcement)',
  );
  note(
    ['economics', 'networkCapexUSDPerAccelerator'],
    scenario.economics.networkCapexUSDPerAccelerator,
    '$',
    'not published separately; NVL72 rack prices include NVLink switches',
  );

  return {
    engine: {
      startMs,
      hours,
      sites,
      mfu: scenario.compute.mfu,
      powerCurve: H200_POWER_CURVE,
      replay: scenario.replay,
    },
    rates: {
      facilityUSDPerMW,
      acceleratorPriceUSD: priceBySite,
      networkUSDPerAccelerator: scenario.economics.networkCapexUSDPerAccelerator,
      permanentJobsPerBillionUSD: permanentRate,
      constructionJobsPerBillionUSD: constructionRate,
      ...(w.permanentJobs !== undefined ? { permanentJobsTotal: w.permanentJobs } : {}),
      ...(w.constructionJobs !== undefined ? { constructionJobsTotal: w.constructionJobs } : {}),
    },
    assumptions,
  };
}
