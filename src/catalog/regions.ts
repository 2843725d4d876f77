/**
 * Grid regions (balancing authorities) and the hourly data bundled for each in data/grid
 * (see data/grid/PROVENANCE.md and docs/grid-data.md).
 *
 * Per region: the EIA-930 demand file (column `demand_cleaned_MW`, the Ruggles & Farnham cleaned series),
 * the fuel-mix source used for the carbon intensity and the UTC years it covers, an explicit carbon proxy
 * where the bundle has no fuel mix (SPP, DUK, TVA), the Electricity Maps series where bundled, and the
 * wholesale price series. All paths are relative to the data folder (`data/`).
 *
 * Years are UTC calendar years. `completeYears` are those with ≥ 99 % of hours present (the test suite
 * checks these lists against the files); missing hours inside them are interpolated on replay
 * (src/engine/replay.ts).
 */

export const REGION_IDS = [
  'ERCOT',
  'NYISO',
  'PJM',
  'MISO',
  'SPP',
  'CAISO',
  'ISO-NE',
  'SOCO',
  'TVA',
  'DUK',
  'AZPS',
  'BPAT',
] as const;
export type RegionId = (typeof REGION_IDS)[number];

/** DA = day-ahead market, RT = real-time market. */
export type PriceMarket = 'DA' | 'RT';

export interface PriceSeries {
  /** e.g. `ERCOT-HB_WEST`. */
  readonly id: string;
  readonly regionId: RegionId;
  /** Settlement point / zone / hub as the ISO names it. */
  readonly node: string;
  readonly market: PriceMarket;
  /** Path under the data folder. */
  readonly file: string;
  /** Column holding $/MWh (nominal USD). */
  readonly column: string;
  /** ISO-local calendar years covered (UTC coverage starts/ends a few hours off the year boundary). */
  readonly firstYear: number;
  readonly lastYear: number;
  readonly source: string;
  readonly notes?: string;
}

export interface FuelMixSource {
  /** `ercot-native`: ERCOT Fuel Mix Report (9 categories); `eia930`: EIA-930 net generation by fuel (`ng_*`). */
  readonly kind: 'ercot-native' | 'eia930';
  readonly file: string;
  /** UTC years with ≥ 99 % of hours having a complete mix. */
  readonly completeYears: readonly number[];
  readonly source: string;
  readonly notes?: string;
}

/**
 * Carbon intensity borrowed from a neighbouring region whose fuel mix is bundled, because the region's own
 * mix is not. An assumption the engine must report.
 */
export interface CarbonProxy {
  readonly regionId: RegionId;
  /** What the estimate is and why this neighbour. */
  readonly basis: string;
  /** Expected sign of the error of the proxy relative to the region's true intensity. */
  readonly bias: 'overstates' | 'understates' | 'unknown';
  readonly biasBasis: string;
}

export interface ElectricityMapsSeries {
  readonly zone: string;
  readonly file: string;
  readonly firstYear: number;
  readonly lastYear: number;
}

export interface Region {
  readonly id: RegionId;
  readonly name: string;
  /** EIA-930 balancing-authority code. */
  readonly eiaBaCode: string;
  /** States (wholly or partly) in the footprint — general description, for orientation only. */
  readonly states: readonly string[];
  readonly notes: string;
  readonly demand: {
    readonly file: string;
    readonly column: 'demand_cleaned_MW';
    readonly completeYears: readonly number[];
  };
  /** Own fuel mix; `null` when the bundle has none (then `carbonProxy` is set). */
  readonly fuelMix: FuelMixSource | null;
  readonly carbonProxy: CarbonProxy | null;
  readonly electricityMaps: ElectricityMapsSeries | null;
  readonly priceSeriesIds: readonly string[];
  /** Price series used when a scenario gives none; `null` = none bundled (the scenario must give a flat price). */
  readonly defaultPriceSeriesId: string | null;
}

const PROV = 'data/grid/PROVENANCE.md';
const eiaFile = (ba: string) => `grid/eia930/${ba}_eia930_hourly_2019_2024.csv.gz`;
const DEMAND_YEARS = [2019, 2020, 2021, 2022, 2023, 2024] as const;
const demand = (ba: string) => ({
  file: eiaFile(ba),
  column: 'demand_cleaned_MW' as const,
  completeYears: DEMAND_YEARS,
});
const eiaMix = (ba: string, completeYears: readonly number[], notes?: string): FuelMixSource => ({
  kind: 'eia930',
  file: eiaFile(ba),
  completeYears,
  source: `EIA-930 net generation by fuel via carbonfirst/DACF (2019–2021) and HewlettPackard/dc-rl (2022), ${PROV} §1`,
  ...(notes === undefined ? {} : { notes }),
});
const em = (ba: string, zone: string): ElectricityMapsSeries => ({
  zone,
  file: `grid/carbon_intensity/${ba}_electricitymaps_${zone}_hourly_2021_2024.csv.gz`,
  firstYear: 2021,
  lastYear: 2024,
});

const ERCOT_HUBS_FILE = 'grid/prices/ERCOT_hubs_loadzones_DAM_SPP_hourly_2021_2024.csv.gz';
const ERCOT_HUBS_SOURCE = `ERCOT NP4-180-ER "Historical DAM Load Zone and Hub Prices" via KushKod04/totalenergies_price_forecasting, ${PROV} §4a`;
const ERCOT_SETTLEMENT_POINTS = [
  ['HB_HOUSTON', 'Houston hub'],
  ['HB_NORTH', 'North hub (Dallas–Fort Worth)'],
  ['HB_SOUTH', 'South hub (San Antonio)'],
  ['HB_WEST', 'West hub (Abilene, Permian); hit the $9,000/MWh cap in Winter Storm Uri (Feb 2021)'],
  ['HB_PAN', 'Panhandle hub'],
  ['HB_BUSAVG', 'average of all hub buses'],
  ['LZ_HOUSTON', 'Houston load zone'],
  ['LZ_NORTH', 'North load zone'],
  ['LZ_SOUTH', 'South load zone'],
  ['LZ_WEST', 'West load zone'],
  ['LZ_AEN', 'Austin Energy load zone'],
  ['LZ_CPS', 'CPS Energy (San Antonio) load zone'],
  ['LZ_LCRA', 'LCRA load zone'],
  ['LZ_RAYBN', 'Rayburn load zone'],
] as const;

/** Every bundled hourly wholesale price series, $/MWh. */
export const PRICE_SERIES: readonly PriceSeries[] = [
  {
    id: 'ERCOT-HB_HUBAVG',
    regionId: 'ERCOT',
    node: 'HB_HUBAVG',
    market: 'DA',
    file: 'grid/prices/ERCOT_HB_HUBAVG_DA_hourly_2020_2024.csv.gz',
    column: 'price_usd_per_MWh',
    firstYear: 2020,
    lastYear: 2024,
    source: `ERCOT DAM settlement point price HB_HUBAVG via HewlettPackard/green-dcc (gridstatus), ${PROV} §4b`,
    notes:
      'Average of the ERCOT hubs; identical to the HB_HUBAVG column of the hubs file on all 35,064 common hours.',
  },
  ...ERCOT_SETTLEMENT_POINTS.map(
    ([node, notes]): PriceSeries => ({
      id: `ERCOT-${node}`,
      regionId: 'ERCOT',
      node,
      market: 'DA',
      file: ERCOT_HUBS_FILE,
      column: `${node}_dam_spp_usd_per_MWh`,
      firstYear: 2021,
      lastYear: 2024,
      source: ERCOT_HUBS_SOURCE,
      notes,
    }),
  ),
  {
    id: 'NYISO-CAPITL',
    regionId: 'NYISO',
    node: 'CAPITL (zone F, Albany)',
    market: 'DA',
    file: 'grid/prices/NYISO_CAPITL_DA_hourly_2020_2024.csv.gz',
    column: 'price_usd_per_MWh',
    firstYear: 2020,
    lastYear: 2024,
    source: `NYISO day-ahead hourly LBMP, zone CAPITL, via HewlettPackard/green-dcc (gridstatus), ${PROV} §4c`,
    notes: 'Zone A (WEST, Buffalo) was not found; CAPITL is the bundled NYISO zone.',
  },
  {
    id: 'PJM-DOM',
    regionId: 'PJM',
    node: 'DOM (Dominion zone, N. Virginia)',
    market: 'RT',
    file: 'grid/prices/PJM_DOM_RT_hourly_2020_2024.csv.gz',
    column: 'price_usd_per_MWh',
    firstYear: 2020,
    lastYear: 2024,
    source: `PJM real-time hourly LMP, zone DOM, via HewlettPackard/green-dcc (gridstatus / Data Miner), ${PROV} §4d`,
    notes:
      'Real-time, not day-ahead. 96 hours missing (31 December of each local year), interpolated on replay.',
  },
  {
    id: 'CAISO-NP15',
    regionId: 'CAISO',
    node: 'TH_NP15_GEN-APND (NP15 trading hub)',
    market: 'DA',
    file: 'grid/prices/CAISO_TH_NP15_GEN-APND_DA_hourly_2020_2024.csv.gz',
    column: 'price_usd_per_MWh',
    firstYear: 2020,
    lastYear: 2024,
    source: `CAISO OASIS PRC_LMP DAM, node TH_NP15_GEN-APND, via HewlettPackard/green-dcc, ${PROV} §4e`,
  },
];

const pricesOf = (regionId: RegionId) => PRICE_SERIES.filter((p) => p.regionId === regionId).map((p) => p.id);

const SOCO_PROXY_BASIS =
  "SOCO's production-based lifecycle intensity from its 2022 EIA-930 fuel mix (the only SERC balancing authority with a bundled mix), replayed for every simulated year";

/** The catalog. */
export const REGIONS: readonly Region[] = [
  {
    id: 'ERCOT',
    name: 'Electric Reliability Council of Texas',
    eiaBaCode: 'ERCO',
    states: ['TX'],
    notes:
      'Islanded grid (little interchange), so production-based intensity ≈ consumption-based. EIA-930 fuel mix 2019–2022 and ERCOT native load 2017–2024 are also bundled but not used here.',
    demand: demand('ERCO'),
    fuelMix: {
      kind: 'ercot-native',
      file: 'grid/ercot/ERCOT_fuelmix_hourly_2017_2024.csv.gz',
      completeYears: [2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024],
      source: `ERCOT Fuel Mix Report (IntGenbyFuel2017–2024.xlsx) via clyv/ERCOT, 15-min → hourly, ${PROV} §2a`,
      notes:
        'Starts 2017-01-01T06Z (ERCOT local midnight); Nov–Dec 2024 at initial settlement. Battery charging (WSL) is load and excluded; battery discharge appears to sit in "other".',
    },
    carbonProxy: null,
    electricityMaps: em('ERCO', 'US-TEX-ERCO'),
    priceSeriesIds: pricesOf('ERCOT'),
    defaultPriceSeriesId: 'ERCOT-HB_HUBAVG',
  },
  {
    id: 'NYISO',
    name: 'New York Independent System Operator',
    eiaBaCode: 'NYIS',
    states: ['NY'],
    notes:
      'Imports heavily (median sum-of-fuels/demand 0.81) and reports ~0 solar (behind-the-meter not visible), so the production-based intensity differs from consumption-based Electricity Maps.',
    demand: demand('NYIS'),
    fuelMix: eiaMix('NYIS', [2022], 'Only 2022 is bundled.'),
    carbonProxy: null,
    electricityMaps: em('NYIS', 'US-NY-NYIS'),
    priceSeriesIds: pricesOf('NYISO'),
    defaultPriceSeriesId: 'NYISO-CAPITL',
  },
  {
    id: 'PJM',
    name: 'PJM Interconnection',
    eiaBaCode: 'PJM',
    states: ['PA', 'NJ', 'MD', 'DE', 'VA', 'WV', 'OH', 'DC', 'KY', 'IL', 'IN', 'MI', 'NC', 'TN'],
    notes:
      'Includes Dominion (N. Virginia, the largest US data-center market). Demand is the sum of cleaned sub-BA series (PJM-RECO excluded by the source).',
    demand: demand('PJM'),
    fuelMix: eiaMix('PJM', [2019, 2020, 2021, 2022], '2022 lacks 23 hours (2022-03-13 DST day).'),
    carbonProxy: null,
    electricityMaps: em('PJM', 'US-MIDA-PJM'),
    priceSeriesIds: pricesOf('PJM'),
    defaultPriceSeriesId: 'PJM-DOM',
  },
  {
    id: 'MISO',
    name: 'Midcontinent Independent System Operator',
    eiaBaCode: 'MISO',
    states: ['AR', 'IL', 'IN', 'IA', 'KY', 'LA', 'MI', 'MN', 'MS', 'MO', 'MT', 'ND', 'SD', 'TX', 'WI'],
    notes: 'No bundled price series (give a flat price).',
    demand: demand('MISO'),
    fuelMix: eiaMix('MISO', [2022], 'Only 2022 is bundled.'),
    carbonProxy: null,
    electricityMaps: null,
    priceSeriesIds: [],
    defaultPriceSeriesId: null,
  },
  {
    id: 'SPP',
    name: 'Southwest Power Pool',
    eiaBaCode: 'SWPP',
    states: ['AR', 'IA', 'KS', 'LA', 'MN', 'MO', 'MT', 'NE', 'NM', 'ND', 'OK', 'SD', 'TX', 'WY'],
    notes: 'No fuel mix and no price series bundled (see carbonProxy; give a flat price).',
    demand: demand('SWPP'),
    fuelMix: null,
    carbonProxy: {
      regionId: 'MISO',
      basis:
        "MISO's production-based lifecycle intensity from its 2022 EIA-930 fuel mix (the neighbouring central-US RTO with a bundled mix), replayed for every simulated year",
      bias: 'overstates',
      biasBasis:
        "SPP's wind share is well above MISO's and its nuclear share below; wind displaces more coal/gas than the nuclear difference adds, per the ISOs' public annual generation summaries (not verifiable from the bundle, which has no SPP fuel mix)",
    },
    electricityMaps: null,
    priceSeriesIds: [],
    defaultPriceSeriesId: null,
  },
  {
    id: 'CAISO',
    name: 'California Independent System Operator',
    eiaBaCode: 'CISO',
    states: ['CA', 'NV'],
    notes:
      'Imports ~28 % of demand (median sum-of-fuels/demand 0.72). Fuel mix 2019–2020 has a hydro reporting gap (Oct-2019–Aug-2020 blanked), so only 2021–2022 are complete.',
    demand: demand('CISO'),
    fuelMix: eiaMix('CISO', [2021, 2022], '2019 and 2020 are partial (hydro gap).'),
    carbonProxy: null,
    electricityMaps: em('CISO', 'US-CAL-CISO'),
    priceSeriesIds: pricesOf('CAISO'),
    defaultPriceSeriesId: 'CAISO-NP15',
  },
  {
    id: 'ISO-NE',
    name: 'ISO New England',
    eiaBaCode: 'ISNE',
    states: ['CT', 'ME', 'MA', 'NH', 'RI', 'VT'],
    notes: 'Imports (median sum-of-fuels/demand 0.82). No bundled price series (give a flat price).',
    demand: demand('ISNE'),
    fuelMix: eiaMix('ISNE', [2019, 2020, 2021]),
    carbonProxy: null,
    electricityMaps: null,
    priceSeriesIds: [],
    defaultPriceSeriesId: null,
  },
  {
    id: 'SOCO',
    name: 'Southern Company Services (Georgia Power, Alabama Power, Mississippi Power)',
    eiaBaCode: 'SOCO',
    states: ['GA', 'AL', 'MS', 'FL'],
    notes: 'Vertically integrated utility BA (SERC). No bundled price series (give a flat price).',
    demand: demand('SOCO'),
    fuelMix: eiaMix('SOCO', [2022], 'Only 2022 is bundled.'),
    carbonProxy: null,
    electricityMaps: null,
    priceSeriesIds: [],
    defaultPriceSeriesId: null,
  },
  {
    id: 'TVA',
    name: 'Tennessee Valley Authority',
    eiaBaCode: 'TVA',
    states: ['TN', 'AL', 'MS', 'KY', 'GA', 'NC', 'VA'],
    notes: 'No fuel mix and no price series bundled (see carbonProxy; give a flat price).',
    demand: demand('TVA'),
    fuelMix: null,
    carbonProxy: {
      regionId: 'SOCO',
      basis: SOCO_PROXY_BASIS,
      bias: 'overstates',
      biasBasis:
        "TVA's generation has a larger nuclear share (Browns Ferry, Sequoyah, Watts Bar) and more hydro than Southern Company's, so SOCO's mix is more fossil-heavy",
    },
    electricityMaps: null,
    priceSeriesIds: [],
    defaultPriceSeriesId: null,
  },
  {
    id: 'DUK',
    name: 'Duke Energy Carolinas',
    eiaBaCode: 'DUK',
    states: ['NC', 'SC'],
    notes: 'No fuel mix and no price series bundled (see carbonProxy; give a flat price).',
    demand: demand('DUK'),
    fuelMix: null,
    carbonProxy: {
      regionId: 'SOCO',
      basis: SOCO_PROXY_BASIS,
      bias: 'overstates',
      biasBasis:
        "Duke Energy Carolinas' generation has a larger nuclear share (McGuire, Catawba, Oconee) than Southern Company's, so SOCO's mix is more fossil-heavy",
    },
    electricityMaps: null,
    priceSeriesIds: [],
    defaultPriceSeriesId: null,
  },
  {
    id: 'AZPS',
    name: 'Arizona Public Service',
    eiaBaCode: 'AZPS',
    states: ['AZ'],
    notes:
      'Exports/imports a lot relative to its size (median sum-of-fuels/demand 0.66; Palo Verde nuclear is shared among owners). No bundled price series.',
    demand: demand('AZPS'),
    fuelMix: eiaMix('AZPS', [2022], 'Only 2022 is bundled.'),
    carbonProxy: null,
    electricityMaps: null,
    priceSeriesIds: [],
    defaultPriceSeriesId: null,
  },
  {
    id: 'BPAT',
    name: 'Bonneville Power Administration',
    eiaBaCode: 'BPAT',
    states: ['WA', 'OR', 'ID', 'MT'],
    notes:
      'Hydro-dominated net exporter (median sum-of-fuels/demand 1.66): production-based intensity is that of the generation, not of local consumption. No bundled price series.',
    demand: demand('BPAT'),
    fuelMix: eiaMix('BPAT', [2022], 'Only 2022 is bundled.'),
    carbonProxy: null,
    electricityMaps: null,
    priceSeriesIds: [],
    defaultPriceSeriesId: null,
  },
];

const byKey = new Map<string, Region>();
for (const r of REGIONS) {
  byKey.set(r.id, r);
  byKey.set(r.eiaBaCode, r);
}
const priceById = new Map(PRICE_SERIES.map((p) => [p.id, p]));

/** A region by catalog id (`ERCOT`) or EIA-930 BA code (`ERCO`). Throws for an unknown id. */
export function getRegion(id: string): Region {
  const r = byKey.get(id);
  if (r === undefined) throw new Error(`unknown grid region '${id}'; known: ${REGION_IDS.join(', ')}`);
  return r;
}

/** A price series by id (`ERCOT-HB_WEST`). Throws for an unknown id. */
export function getPriceSeries(id: string): PriceSeries {
  const p = priceById.get(id);
  if (p === undefined)
    throw new Error(`unknown price series '${id}'; known: ${[...priceById.keys()].join(', ')}`);
  return p;
}

/** The price series used when a scenario gives none, or undefined when the region has no bundled prices. */
export function defaultPriceSeriesFor(regionId: string): string | undefined {
  return getRegion(regionId).defaultPriceSeriesId ?? undefined;
}

/**
 * The region whose fuel mix gives this region's carbon intensity: itself, or its proxy. Also says whether
 * it is a proxy, so callers can report the assumption.
 */
export function carbonSourceRegion(regionId: string): { region: Region; proxy: CarbonProxy | null } {
  const r = getRegion(regionId);
  if (r.fuelMix !== null) return { region: r, proxy: null };
  if (r.carbonProxy === null) throw new Error(`region ${r.id} has neither a fuel mix nor a carbon proxy`);
  return { region: getRegion(r.carbonProxy.regionId), proxy: r.carbonProxy };
}

/**
 * Demand history for the headroom analysis (`gigawatt headroom`), per EIA-930 balancing authority: the
 * bundled files in time order (concatenated into one UTC hourly series), the clock the seasons use, and the
 * caveats the provenance file records. Covers the 12 scenario regions (2015-07 to 2018 from
 * data/grid/eia930_2016_2018/, then their 2019–2024 scenario file) and 19 demand-only BAs (2015-07 to 2024,
 * data/grid/eia930_more_bas/; data/grid/PROVENANCE-extension.md). The demand-only BAs are NOT scenario
 * regions: they have no fuel mix or prices, so `REGION_IDS` and `getRegion` do not know them.
 */
export interface DemandHistory {
  /** EIA-930 balancing-authority code. */
  readonly eiaBaCode: string;
  /** Catalog region id for the 12 scenario regions; null for a demand-only BA. */
  readonly regionId: RegionId | null;
  readonly name: string;
  /** Files under the data folder, in time order, each with `demand_cleaned_MW`. */
  readonly files: readonly string[];
  /**
   * Standard-time UTC offset (h, no daylight saving) for assigning hours to seasons. An assumption: the
   * time zone of the BA's main load centre (footprints spanning two zones take one).
   */
  readonly seasonUtcOffsetHours: number;
  /** Caveats from data/grid/PROVENANCE-extension.md that bear on the demand (empty when none). */
  readonly caveats: readonly string[];
}

const EXT_PROV = 'data/grid/PROVENANCE-extension.md';
const earlyFile = (ba: string) => `grid/eia930_2016_2018/${ba}_eia930_hourly_2015_2018.csv.gz`;
const moreFile = (ba: string) => `grid/eia930_more_bas/${ba}_eia930_hourly_2015_2024.csv.gz`;

/** Season clock of the 12 scenario regions (see docs/grid-headroom.md §Time). */
const SCENARIO_REGION_OFFSETS: Readonly<Record<RegionId, number>> = {
  ERCOT: -6,
  NYISO: -5,
  PJM: -5,
  MISO: -5,
  SPP: -6,
  CAISO: -8,
  'ISO-NE': -5,
  SOCO: -6,
  TVA: -6,
  DUK: -5,
  AZPS: -7,
  BPAT: -8,
};

const SCENARIO_REGION_CAVEATS: Readonly<Partial<Record<RegionId, readonly string[]>>> = {
  SPP: [
    `2018: 2,435 raw hours missing (almost all of June–August); their cleaned values are MICE imputations (${EXT_PROV} §Caveats)`,
  ],
  SOCO: [`2016–2018: about 3 % of hours imputed per year (${EXT_PROV} §Caveats)`],
  TVA: [`2017–2018: 2.5–4.9 % of hours imputed (${EXT_PROV} §Caveats)`],
  NYISO: [],
  PJM: [],
  ERCOT: [],
};

/**
 * The 19 demand-only balancing authorities (data/grid/eia930_more_bas/), with their season clock (our
 * assumption, as for the scenario regions) and the provenance file's caveats.
 */
export const DEMAND_ONLY_BAS: readonly Omit<DemandHistory, 'files' | 'regionId'>[] = [
  {
    eiaBaCode: 'FPL',
    name: 'Florida Power & Light',
    seasonUtcOffsetHours: -5,
    caveats: ['2022: 6.3 % of hours imputed'],
  },
  { eiaBaCode: 'FPC', name: 'Duke Energy Florida', seasonUtcOffsetHours: -5, caveats: [] },
  {
    eiaBaCode: 'PACE',
    name: 'PacifiCorp East',
    seasonUtcOffsetHours: -7,
    caveats: ['2016: 18.6 % of hours imputed'],
  },
  {
    eiaBaCode: 'PACW',
    name: 'PacifiCorp West',
    seasonUtcOffsetHours: -8,
    caveats: ['2016: 19.7 % of hours imputed'],
  },
  { eiaBaCode: 'PSCO', name: 'Public Service Company of Colorado', seasonUtcOffsetHours: -7, caveats: [] },
  {
    eiaBaCode: 'SRP',
    name: 'Salt River Project',
    seasonUtcOffsetHours: -7,
    caveats: ['2018: 8.5 % of hours imputed'],
  },
  { eiaBaCode: 'NEVP', name: 'Nevada Power', seasonUtcOffsetHours: -8, caveats: [] },
  {
    eiaBaCode: 'LDWP',
    name: 'Los Angeles Department of Water and Power',
    seasonUtcOffsetHours: -8,
    caveats: ['load declines 2016–2024 as published'],
  },
  {
    eiaBaCode: 'BANC',
    name: 'Balancing Authority of Northern California',
    seasonUtcOffsetHours: -8,
    caveats: [],
  },
  { eiaBaCode: 'TEC', name: 'Tampa Electric', seasonUtcOffsetHours: -5, caveats: [] },
  {
    eiaBaCode: 'SC',
    name: 'South Carolina Public Service Authority (Santee Cooper)',
    seasonUtcOffsetHours: -5,
    caveats: [
      '2018: 19.7 % of hours imputed',
      'level step at 2020-01-01: EIA revised the series (2025 release ≈ 12 % below the 2020 release over their overlap); not a change in load',
    ],
  },
  { eiaBaCode: 'SCEG', name: 'Dominion Energy South Carolina', seasonUtcOffsetHours: -5, caveats: [] },
  { eiaBaCode: 'CPLE', name: 'Duke Energy Progress East', seasonUtcOffsetHours: -5, caveats: [] },
  { eiaBaCode: 'PNM', name: 'Public Service Company of New Mexico', seasonUtcOffsetHours: -7, caveats: [] },
  {
    eiaBaCode: 'IPCO',
    name: 'Idaho Power',
    seasonUtcOffsetHours: -7,
    caveats: [
      'level step at 2020-01-01: EIA revised the series (2025 release ≈ 13 % below the 2020 release over their overlap); not a change in load',
    ],
  },
  { eiaBaCode: 'AECI', name: 'Associated Electric Cooperative', seasonUtcOffsetHours: -6, caveats: [] },
  {
    eiaBaCode: 'LGEE',
    name: 'Louisville Gas & Electric and Kentucky Utilities',
    seasonUtcOffsetHours: -5,
    caveats: [],
  },
  {
    eiaBaCode: 'SPA',
    name: 'Southwestern Power Administration',
    seasonUtcOffsetHours: -6,
    caveats: ['falls to 22 MW mean in 2024 as published'],
  },
  {
    eiaBaCode: 'WACM',
    name: 'WAPA Rocky Mountain',
    seasonUtcOffsetHours: -7,
    caveats: ['drops 2019–2020 and rises 2022–2024 as published (footprint/reporting changes)'],
  },
];

/** Every BA with bundled demand history: the 12 scenario regions, then the 19 demand-only BAs. */
export const DEMAND_HISTORIES: readonly DemandHistory[] = [
  ...REGIONS.map((r) => ({
    eiaBaCode: r.eiaBaCode,
    regionId: r.id,
    name: r.name,
    files: [earlyFile(r.eiaBaCode), r.demand.file],
    seasonUtcOffsetHours: SCENARIO_REGION_OFFSETS[r.id],
    caveats: SCENARIO_REGION_CAVEATS[r.id] ?? [],
  })),
  ...DEMAND_ONLY_BAS.map((b) => ({ ...b, regionId: null, files: [moreFile(b.eiaBaCode)] })),
];

const historyByKey = new Map<string, DemandHistory>();
for (const h of DEMAND_HISTORIES) {
  historyByKey.set(h.eiaBaCode, h);
  if (h.regionId !== null) historyByKey.set(h.regionId, h);
}

/** The demand history of a BA by catalog region id or EIA code; undefined when none is bundled. */
export function findDemandHistory(id: string): DemandHistory | undefined {
  return historyByKey.get(id);
}
