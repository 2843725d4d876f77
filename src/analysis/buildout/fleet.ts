/**
 * Converted register rows (./register.ts) → the sites of a scenario (the input shape of
 * src/model/scenario.ts), with a comment per site saying where each value came from. Pure.
 */
import { defaultPriceSeriesFor, type RegionId } from '../../catalog/regions.js';
import { WEATHER_STATIONS, type WeatherStation } from '../../catalog/weather-stations.js';
import { DAY_MS, isoDateMs } from '../../engine/series.js';
import type { ScenarioInput } from '../../model/scenario.js';
import { type ConvertedCampus, DESIGN_FACILITY_TO_IT, GENERATION_TO_FACILITY } from './register.js';

type SiteInput = ScenarioInput['sites'][number];

/** ASSUMPTION: a first phase installs over 180 days (Stargate Abilene's first 200 MW took ~12 months from site clearing to energisation, CB5; racks follow energisation over months). */
export const FIRST_PHASE_RAMP_DAYS = 180;
/** ASSUMPTION: the accelerator of a campus that states none (the rack-scale NVIDIA part most new campuses state). */
export const FLEET_ACCELERATOR = 'gb300';

/**
 * ASSUMPTION, as the project-rainier scenario: Trainium2 has no published board power or price. 500 W chip
 * + 390 W host share from the campus arithmetic (500,000 chips in ~513 MW); price at the H100's dollars per
 * dense BF16 TFLOP/s (~$18,500).
 */
export const TRAINIUM2_OVERRIDES = {
  acceleratorOverrides: { trainium2: { boardPowerW: 500, hostNetworkWPerAccelerator: 390 } },
  acceleratorPriceUSD: { trainium2: 18_500 },
} as const;

/** Register names of accelerators → catalog ids, in the order they are tried. */
const STATED_ACCELERATORS: readonly [RegExp, string][] = [
  [/trainium ?2/i, 'trainium2'],
  [/gb300/i, 'gb300'],
  [/gb200/i, 'gb200'],
  [/h200/i, 'h200'],
  [/h100/i, 'h100'],
];

/** The accelerator a campus states (the first named in `accelerators_stated`), else FLEET_ACCELERATOR. */
export function acceleratorOf(stated: string): { id: string; stated: boolean } {
  let best: { id: string; at: number } | null = null;
  for (const [re, id] of STATED_ACCELERATORS) {
    const m = re.exec(stated);
    if (m !== null && (best === null || m.index < best.at)) best = { id, at: m.index };
  }
  return best === null ? { id: FLEET_ACCELERATOR, stated: false } : { id: best.id, stated: true };
}
/** ASSUMPTION: the same simple-cycle heat rate and delivered gas price as the stargate-abilene scenario. */
export const OFFGRID_HEAT_RATE_MMBTU_PER_MWH = 11;
export const OFFGRID_FUEL_USD_PER_MMBTU = 3.5;
/** ASSUMPTION: flat energy price where the region bundles no price series (as colossus-memphis). */
export const FLAT_PRICE_USD_PER_MWH = 70;
/** States where water is scarce: closed-loop dry coolers; elsewhere evaporative assist (ASSUMPTION). */
const ARID_STATES = new Set(['TX', 'NM', 'AZ', 'WY', 'NV', 'CO', 'UT']);

/** Great-circle distance, km. */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** The bundled weather station nearest to a point, and how far it is. */
export function nearestStation(lat: number, lon: number): { station: WeatherStation; km: number } {
  let best: { station: WeatherStation; km: number } | null = null;
  for (const s of WEATHER_STATIONS) {
    const km = distanceKm(lat, lon, s.latitude, s.longitude);
    if (best === null || km < best.km) best = { station: s, km };
  }
  if (best === null) throw new Error('no weather stations in the catalog');
  return best;
}

const daysBetween = (a: string, b: string) => Math.round((isoDateMs(b) - isoDateMs(a)) / DAY_MS);
const addDays = (iso: string, d: number) => new Date(isoDateMs(iso) + d * DAY_MS).toISOString().slice(0, 10);
const round1 = (x: number) => Math.round(x * 10) / 10;

/** One site of the scenario for a simulated campus, plus a comment block for the YAML. */
export function siteFor(c: ConvertedCampus): { site: SiteInput; comment: string[] } {
  if (c.excluded !== null || c.itMW === null || c.firstOnline === null || c.fullOnline === null)
    throw new Error(`campus ${c.record.id} is not simulated (${c.excluded ?? 'no dates'})`);
  const r = c.record;
  const { station, km } = nearestStation(r.latitude, r.longitude);
  const acc = acceleratorOf(r.accelerators);
  const span = Math.max(1, daysBetween(c.firstOnline, c.fullOnline));
  const phases: SiteInput['phases'] = [];
  if (c.firstPhaseITMW !== null) {
    const ramp1 = Math.min(FIRST_PHASE_RAMP_DAYS, Math.floor(span / 2));
    const second = addDays(c.firstOnline, ramp1);
    phases.push({
      id: 'phase-1',
      online: c.firstOnline,
      rampDays: ramp1,
      accelerator: acc.id,
      itMW: round1(c.firstPhaseITMW),
    });
    phases.push({
      id: 'phase-2',
      online: second,
      rampDays: Math.max(0, daysBetween(second, c.fullOnline)),
      accelerator: acc.id,
      itMW: round1(c.itMW - c.firstPhaseITMW),
    });
  } else {
    phases.push({
      id: 'campus',
      online: c.firstOnline,
      rampDays: span,
      accelerator: acc.id,
      itMW: round1(c.itMW),
    });
  }
  const facilityPeakMW = c.itMW * DESIGN_FACILITY_TO_IT.value;
  const regionId = c.region.regionId as RegionId;
  const series = defaultPriceSeriesFor(regionId);
  const site: SiteInput = {
    id: r.id,
    name: r.name,
    location: { latitude: r.latitude, longitude: r.longitude, state: r.state },
    weather: station.id,
    region: regionId,
    // off-grid: a 1 MW station-service connection; the plant carries the load
    interconnectMW: c.offGrid ? 1 : Math.ceil(facilityPeakMW * 1.1),
    cooling: ARID_STATES.has(r.state) ? 'liquid-dry-cooler' : 'liquid-evaporative',
    electricityPrice: series !== undefined ? { series } : { flatUSDPerMWh: FLAT_PRICE_USD_PER_MWH },
    utilisation: { busyFraction: 0.85 },
    phases,
    ...(c.offGrid
      ? {
          supply: {
            onsite: [
              {
                id: 'onsite-gas',
                kind: 'gas-turbine' as const,
                capacityMW: Math.ceil(facilityPeakMW * GENERATION_TO_FACILITY.value),
                heatRateMMBtuPerMWh: OFFGRID_HEAT_RATE_MMBTU_PER_MWH,
                fuelPriceUSDPerMMBtu: OFFGRID_FUEL_USD_PER_MMBTU,
              },
            ],
          },
        }
      : {}),
  };
  const comment = [
    `${r.name} (${r.city}, ${r.state}); status ${r.status}; register row ${r.id}`,
    `MW: ${c.usedMW} (${c.sizeNote}); basis ${c.basis} -> ${round1(c.itMW)} MW IT` +
      (c.basis === 'it'
        ? ''
        : ` (÷ ${DESIGN_FACILITY_TO_IT.value} facility/IT${c.basis === 'generation' ? ` after ÷ ${GENERATION_TO_FACILITY.value} generation/facility` : ''})`),
    `accelerator: ${acc.id} (${acc.stated ? `stated: ${r.accelerators}` : 'none stated: ASSUMPTION'})`,
    `dates: first ${r.firstOnline || '—'} full ${r.fullOnline || '—'}${c.dateNote ? ` (${c.dateNote})` : ''}`,
    `region: ${c.region.basis}; weather: nearest bundled station ${station.id} (${Math.round(km)} km)`,
    ...(c.offGrid ? ['off-grid: own gas plant (capacity = facility peak × generation/facility ratio)'] : []),
    `sources: ${r.sourceUrls[0] ?? '—'}${r.sourceUrls.length > 1 ? ` (+${r.sourceUrls.length - 1} in the register)` : ''}`,
  ];
  return { site, comment };
}

/** The simulated span of us-buildout: the announced dates run from 2024 to 2032, most fall in 2025–2030. */
export const BUILDOUT_START = '2025-01-01';
export const BUILDOUT_END = '2030-12-31';

/** The whole us-buildout scenario (input shape) from converted register rows, with each site's comment. */
export function fleetScenario(converted: readonly ConvertedCampus[]): {
  scenario: ScenarioInput;
  comments: Map<string, string[]>;
} {
  const built = converted.filter((c) => c.excluded === null).map(siteFor);
  const trainium = built.some((b) => b.site.phases.some((p) => p.accelerator === 'trainium2'));
  return {
    scenario: {
      name: 'us-buildout',
      title: 'Announced US AI campuses, 2025-2030 (register of 39)',
      description:
        'Every campus of the register with a MW figure, in its balancing authority, on its announced dates, converted to IT MW with the stated assumptions. Grid and supply-chain analysis: gigawatt buildout.',
      start: BUILDOUT_START,
      end: BUILDOUT_END,
      replay: 'latest',
      sites: built.map((b) => b.site),
      compute: { precision: 'bf16', mfu: 0.4 },
      ...(trainium
        ? {
            acceleratorOverrides: { ...TRAINIUM2_OVERRIDES.acceleratorOverrides },
            economics: { acceleratorPriceUSD: { ...TRAINIUM2_OVERRIDES.acceleratorPriceUSD } },
          }
        : {}),
    },
    comments: new Map(built.map((b) => [b.site.id, b.comment])),
  };
}
