/**
 * The pieces of scenario resolution (./resolve.ts), each recording what it used in the `--explain`
 * list: the assumption recorder, a site's environment (weather, cooling, grid carbon, electricity
 * price, utilisation), its facility capex rate, and the accelerator figures of its phases.
 * Pure: the data source does any I/O.
 */

import { getAccelerator } from '../catalog/accelerators.js';
import { getCoolingSystem } from '../catalog/cooling.js';
import { FACILITY_CAPEX_USD_PER_MW } from '../catalog/costs.js';
import type { Sourced } from '../catalog/provenance.js';
import { defaultPriceSeriesFor, getRegion } from '../catalog/regions.js';
import { getWeatherStation } from '../catalog/weather-stations.js';
import type { PhaseInputs, SiteInputs } from '../engine/inputs.js';
import { type HourlySeries, isoDateMs } from '../engine/series.js';
import type { Assumption, DataSource } from './data-source.js';
import type { Scenario } from './scenario.js';
import { applyStatedCarbon } from './site-carbon.js';

type Site = Scenario['sites'][number];
type Path = (string | number)[];

/** The kind and basis of a catalog figure: 'estimate' with its reasoning, or 'catalog' with its source. */
export function fromCatalog(s: Sourced<number>): { kind: Assumption['kind']; basis: string } {
  if (s.estimate !== undefined) return { kind: 'estimate', basis: s.estimate };
  return { kind: 'catalog', basis: s.source ?? '' };
}

/**
 * Collects the assumptions in the order they are made. `note` records a value that the scenario may
 * give or leave to its default: 'scenario' when the raw (pre-default) input has the path, else
 * 'default' with `defaultBasis`.
 */
export class AssumptionRecorder {
  readonly list: Assumption[] = [];
  constructor(private readonly raw: unknown) {}

  push(a: Assumption): void {
    this.list.push(a);
  }

  /** Whether the raw scenario input has a value at `path`. */
  given(path: Path): boolean {
    let cur: unknown = this.raw;
    for (const k of path) {
      if (cur === null || typeof cur !== 'object') return false;
      cur = (cur as Record<string | number, unknown>)[k];
    }
    return cur !== undefined;
  }

  note(path: Path, value: number | string, unit: string, defaultBasis: string): void {
    const p = path
      .map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`))
      .join('')
      .slice(1);
    this.list.push(
      this.given(path)
        ? { path: p, value, unit, kind: 'scenario', basis: 'given in the scenario' }
        : { path: p, value, unit, kind: 'default', basis: defaultBasis },
    );
  }
}

/**
 * The grid intensity a site uses: the region's hourly fuel-mix series, or, when the site states the
 * annual average of its utility or subregion (`carbon`), those series scaled to it (./site-carbon.ts).
 */
function siteCarbon(
  site: Site,
  i: number,
  region: ReturnType<DataSource['regionCarbon']>,
  rec: AssumptionRecorder,
): { carbonGPerKWh: HourlySeries; carbonDirectGPerKWh?: HourlySeries; area: string } {
  rec.push({
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
  rec.push({
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

/** A site's electricity price: a flat $/MWh given in the scenario, or an hourly series (given or the region's default). */
function sitePrice(site: Site, i: number, data: DataSource, rec: AssumptionRecorder): SiteInputs['price'] {
  const priceSpec = site.electricityPrice;
  if (priceSpec !== undefined && 'flatUSDPerMWh' in priceSpec) {
    rec.note(['sites', i, 'electricityPrice', 'flatUSDPerMWh'], priceSpec.flatUSDPerMWh, '$/MWh', '');
    return priceSpec.flatUSDPerMWh;
  }
  const seriesId = priceSpec?.series ?? defaultPriceSeriesFor(site.region);
  if (seriesId === undefined) throw new Error(`no price for site ${site.id}`);
  const price = data.price(seriesId);
  rec.push({
    path: `sites[${i}].electricityPrice.series`,
    value: `${seriesId} hourly price`,
    unit: '$/MWh',
    kind: priceSpec ? 'scenario' : 'default',
    basis: priceSpec ? 'given in the scenario' : `the default price series of ${site.region}`,
  });
  return price;
}

/** What a site's surroundings give the engine: weather, cooling system, grid carbon and price. */
export type SiteEnvironment = Pick<
  SiteInputs,
  'cooling' | 'weather' | 'carbonGPerKWh' | 'carbonDirectGPerKWh' | 'carbonArea' | 'price'
>;

/**
 * A site's environment, recording (in this order) its weather, cooling, grid carbon, price and
 * utilisation assumptions.
 */
export function siteEnvironment(
  site: Site,
  i: number,
  data: DataSource,
  rec: AssumptionRecorder,
): SiteEnvironment {
  const station = getWeatherStation(site.weather);
  const cooling = getCoolingSystem(site.cooling);
  const region = getRegion(site.region);
  if (!station || !cooling || !region) throw new Error(`catalog lookup failed for site ${site.id}`);
  const weather = data.weather(site.weather);
  rec.push({
    path: `sites[${i}].weather`,
    value: site.weather,
    unit: '',
    kind: 'data',
    basis: `${station.dataset} typical year, ${station.name} (data/weather/${station.file})`,
  });
  const cal = cooling.calibration;
  rec.push({
    path: `sites[${i}].cooling`,
    value: cooling.name,
    unit: '',
    kind: 'catalog',
    basis: `PUE and water from weather and load (docs/cooling.md); calibrated to annual PUE ${cal.pue.value}${cal.waterLPerKWh.value === null ? '' : ` and ${cal.waterLPerKWh.value} L/kWh`} at ${cal.stationId}, load ${cal.loadFraction}`,
  });
  const grid = siteCarbon(site, i, data.regionCarbon(site.region), rec);
  const price = sitePrice(site, i, data, rec);
  rec.note(
    ['sites', i, 'utilisation', 'busyFraction'],
    site.utilisation.busyFraction,
    'fraction',
    'assumption: Llama 3 reported >90 % effective training time; campuses also idle between jobs',
  );
  rec.note(
    ['sites', i, 'utilisation', 'dutyCycle'],
    site.utilisation.dutyCycle,
    'fraction',
    'dense training and batched inference hold the chip at its power cap (H200 probe: 691-695 W)',
  );
  return {
    cooling,
    weather: { ...weather, tzOffsetHours: station.tzOffsetHours },
    carbonGPerKWh: grid.carbonGPerKWh,
    ...(grid.carbonDirectGPerKWh ? { carbonDirectGPerKWh: grid.carbonDirectGPerKWh } : {}),
    carbonArea: grid.area,
    price,
  };
}

/** The facility capex rate of a site, $/MW: the scenario's, or the catalog's for its cooling system. */
export function siteFacilityRate(scenario: Scenario, site: Site, i: number, rec: AssumptionRecorder): number {
  const facilityRate =
    scenario.economics.facilityCapexUSDPerMW ?? FACILITY_CAPEX_USD_PER_MW[site.cooling]?.value;
  if (facilityRate === undefined || facilityRate === null)
    throw new Error(`no facility capex for ${site.cooling}`);
  if (scenario.economics.facilityCapexUSDPerMW === undefined) {
    const s = FACILITY_CAPEX_USD_PER_MW[site.cooling] as Sourced<number>;
    rec.push({
      path: `sites[${i}].facilityCapexUSDPerMW`,
      value: facilityRate,
      unit: '$/MW',
      ...fromCatalog(s),
    });
  }
  return facilityRate;
}

type PickedField = 'boardPowerW' | 'hostNetworkWPerAccelerator' | 'bf16DenseTFLOPS' | 'fp8DenseTFLOPS';

/**
 * The figures of each accelerator model the scenario uses, each recorded once however many phases use
 * it: the scenario's override, or the catalog's published (or estimated) value.
 */
export class AcceleratorFigures {
  private readonly seen = new Set<string>();
  constructor(
    private readonly scenario: Scenario,
    private readonly rec: AssumptionRecorder,
  ) {}

  private once(key: string, record: () => void): void {
    if (!this.seen.has(key)) record();
    this.seen.add(key);
  }

  /** A figure of the chip: the override in `acceleratorOverrides`, else the catalog's (must be published). */
  pick(acceleratorId: string, field: PickedField, unit: string): number {
    const spec = catalogSpec(acceleratorId);
    const o = this.scenario.acceleratorOverrides?.[acceleratorId]?.[field];
    const key = `accelerators.${acceleratorId}.${field}`;
    if (o !== undefined) {
      this.once(key, () =>
        this.rec.push({
          path: `acceleratorOverrides.${acceleratorId}.${field}`,
          value: o,
          unit,
          kind: 'scenario',
          basis: 'given in the scenario',
        }),
      );
      return o;
    }
    const s = spec[field];
    if (s.value === null) throw new Error(`${acceleratorId}.${field} is not published and not overridden`);
    const value = s.value;
    this.once(key, () => this.rec.push({ path: key, value, unit, ...fromCatalog(s) }));
    return value;
  }

  /** Records the chip's idle share and the host's idle figure, which the IT stage uses (src/engine/it-power.ts). */
  noteIdleFigures(acceleratorId: string): void {
    const spec = catalogSpec(acceleratorId);
    for (const [field, unit] of [
      ['idleFraction', 'fraction of board power'],
      ['hostNetworkIdleWPerAccelerator', 'W'],
    ] as const) {
      const key = `accelerators.${acceleratorId}.${field}`;
      const fig = spec[field];
      const value = fig.value;
      if (value !== null)
        this.once(key, () =>
          this.rec.push({
            path: key,
            value,
            unit,
            ...fromCatalog(fig),
            basis: `${fig.basis}: ${fromCatalog(fig).basis}`,
          }),
        );
      else this.seen.add(key);
    }
  }

  /** The unit price, $: `economics.acceleratorPriceUSD`, else the override's `priceUSD`, else the catalog's. */
  unitPriceUSD(acceleratorId: string): number {
    const spec = catalogSpec(acceleratorId);
    const priceOverride =
      this.scenario.economics.acceleratorPriceUSD?.[acceleratorId] ??
      this.scenario.acceleratorOverrides?.[acceleratorId]?.priceUSD;
    const unitPrice = priceOverride ?? spec.priceUSD.value;
    if (unitPrice === null || unitPrice === undefined) throw new Error(`no price for ${acceleratorId}`);
    const priceKey = `accelerators.${acceleratorId}.priceUSD`;
    this.once(priceKey, () =>
      this.rec.push(
        priceOverride !== undefined
          ? {
              path: `economics.acceleratorPriceUSD.${acceleratorId}`,
              value: unitPrice,
              unit: '$',
              kind: 'scenario',
              basis: 'given in the scenario',
            }
          : { path: priceKey, value: unitPrice, unit: '$', ...fromCatalog(spec.priceUSD) },
      ),
    );
    return unitPrice;
  }

  /** A phase's engine inputs and its accelerators' unit price, $. */
  phase(phase: Site['phases'][number], j: number): { inputs: PhaseInputs; unitPriceUSD: number } {
    const id = phase.accelerator;
    const boardPowerW = this.pick(id, 'boardPowerW', 'W');
    const hostNetworkWPerAccelerator = this.pick(id, 'hostNetworkWPerAccelerator', 'W');
    this.noteIdleFigures(id);
    const peakTFLOPS = this.pick(
      id,
      this.scenario.compute.precision === 'fp8' ? 'fp8DenseTFLOPS' : 'bf16DenseTFLOPS',
      'TFLOP/s',
    );
    const count =
      phase.count ?? Math.round(((phase.itMW as number) * 1e6) / (boardPowerW + hostNetworkWPerAccelerator));
    const unitPriceUSD = this.unitPriceUSD(id);
    return {
      inputs: {
        id: phase.id ?? `phase-${j + 1}`,
        acceleratorId: id,
        onlineMs: isoDateMs(phase.online),
        rampDays: phase.rampDays,
        count,
        boardPowerW,
        hostNetworkWPerAccelerator,
        powerCapW: phase.powerCapW ?? boardPowerW,
        peakFLOPS: peakTFLOPS * 1e12,
      },
      unitPriceUSD,
    };
  }
}

function catalogSpec(acceleratorId: string): NonNullable<ReturnType<typeof getAccelerator>> {
  const spec = getAccelerator(acceleratorId);
  if (!spec) throw new Error(`unknown accelerator ${acceleratorId}`);
  return spec;
}
