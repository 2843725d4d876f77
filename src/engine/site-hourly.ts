/**
 * The arrays of one site over the simulated hours, one field per quantity, filled stage by stage.
 *
 * Sign convention (one for the whole engine): every power is a non-negative average over the hour in
 * MW (so MW equals MWh in that hour); flows into the facility from the grid are positive imports.
 * Each stage reads only fields written by the stages before it and writes its own.
 * At a site without curtailment policies or on-site supply the `GRID_SIDE_COLUMNS`, which stay zero
 * there, are one shared zero array: treat the columns as read-only.
 */
export interface SiteHourly {
  readonly siteId: string;
  /** UTC start of hour 0, ms since epoch. */
  readonly startMs: number;
  readonly hours: number;
  // environment (inputs mapped onto the simulated hours)
  readonly dryBulbC: Float64Array;
  readonly wetBulbC: Float64Array;
  readonly carbonGPerKWh: Float64Array;
  readonly priceUSDPerMWh: Float64Array;
  /** Local standard hour of day 0..23 at the site (for daily shapes). */
  readonly localHour: Uint8Array;
  // fleet
  readonly acceleratorsOnline: Float64Array;
  /** Accelerators online per phase (same order as the site's phases). */
  readonly phaseOnline: Float64Array[];
  // IT power
  readonly busyFraction: Float64Array;
  readonly acceleratorDemandMW: Float64Array;
  readonly hostNetworkDemandMW: Float64Array;
  readonly itDemandMW: Float64Array;
  /** IT capacity installed (all online accelerators at full load with their hosts), MW. */
  readonly itInstalledMW: Float64Array;
  // facility
  readonly loadFraction: Float64Array;
  readonly pue: Float64Array;
  /** IT power actually served (≤ demand; limited by the interconnect), MW. */
  readonly itMW: Float64Array;
  readonly acceleratorMW: Float64Array;
  readonly unservedITMW: Float64Array;
  /** Cooling: fans, pumps, chillers, heat-rejection plant, MW. */
  readonly coolingMW: Float64Array;
  /** UPS, transformer and distribution losses, MW. */
  readonly electricalLossMW: Float64Array;
  /** Capacity-scaled fixed loads (lighting, controls, offices), MW. */
  readonly fixedLoadMW: Float64Array;
  /** All facility overhead: coolingMW + electricalLossMW + fixedLoadMW = facilityMW − itMW. */
  readonly overheadMW: Float64Array;
  readonly facilityMW: Float64Array;
  readonly waterM3: Float64Array;
  // supply
  readonly gridImportMW: Float64Array;
  // grid side (src/engine/supply.ts, src/engine/flexibility/): zero for a site without supply/flexibility
  /** Share of IT power the site's policies ask to shed, 0..1 (the curtailment schedule). */
  readonly curtailRequestFraction: Float64Array;
  /** Load the grid was relieved of in answer to a request (facility MW shed, or moved on site). */
  readonly curtailedMW: Float64Array;
  /** Facility MW added to make up shifted work (carbon policy). */
  readonly shiftedInMW: Float64Array;
  /** Behind-the-meter renewable generation available, MW. */
  readonly renewableMW: Float64Array;
  /** Renewable generation neither used nor stored (no export), MW. */
  readonly renewableSpillMW: Float64Array;
  /** On-site (gas) generation, MW. */
  readonly onsiteMW: Float64Array;
  readonly batteryChargeMW: Float64Array;
  readonly batteryDischargeMW: Float64Array;
  /** Energy stored in all batteries at the end of the hour, MWh. */
  readonly batterySoCMWh: Float64Array;
  /** On-site fuel cost (included in energyCostUSD), $. */
  readonly fuelCostUSD: Float64Array;
  /** CO2 from on-site combustion (included in co2Tonnes), t. */
  readonly onsiteCO2Tonnes: Float64Array;
  /** ERCOT 4CP transmission charge attributed to this hour (a quarter of the annual charge at each CP hour), $. */
  readonly transmissionChargeUSD: Float64Array;
  /** Compute given up to the curtailment schedule, FLOP (negative where shifted work is made up). */
  readonly computeLostFLOP: Float64Array;
  // impacts
  readonly co2Tonnes: Float64Array;
  readonly energyCostUSD: Float64Array;
  // compute
  readonly computeFLOP: Float64Array;
}

/** Names of the hourly columns in output order (CSV/Parquet), with units. */
export const HOURLY_COLUMNS = [
  ['acceleratorsOnline', 'count'],
  ['busyFraction', '0..1'],
  ['itDemandMW', 'MW'],
  ['itMW', 'MW'],
  ['acceleratorMW', 'MW'],
  ['unservedITMW', 'MW'],
  ['coolingMW', 'MW'],
  ['electricalLossMW', 'MW'],
  ['fixedLoadMW', 'MW'],
  ['overheadMW', 'MW'],
  ['facilityMW', 'MW'],
  ['gridImportMW', 'MW'],
  ['curtailRequestFraction', '0..1'],
  ['curtailedMW', 'MW'],
  ['shiftedInMW', 'MW'],
  ['renewableMW', 'MW'],
  ['renewableSpillMW', 'MW'],
  ['onsiteMW', 'MW'],
  ['batteryChargeMW', 'MW'],
  ['batteryDischargeMW', 'MW'],
  ['batterySoCMWh', 'MWh'],
  ['pue', 'ratio'],
  ['loadFraction', '0..1'],
  ['dryBulbC', 'degC'],
  ['wetBulbC', 'degC'],
  ['carbonGPerKWh', 'gCO2eq/kWh'],
  ['co2Tonnes', 't'],
  ['waterM3', 'm3'],
  ['priceUSDPerMWh', 'USD/MWh'],
  ['energyCostUSD', 'USD'],
  ['fuelCostUSD', 'USD'],
  ['onsiteCO2Tonnes', 't'],
  ['transmissionChargeUSD', 'USD'],
  ['computeFLOP', 'FLOP'],
  ['computeLostFLOP', 'FLOP'],
] as const satisfies readonly (readonly [keyof SiteHourly, string])[];

/**
 * New zeroed columns for a site. Without `gridSideColumns` (a site with no curtailment policy and
 * nothing behind the meter, `hasGridSideColumns` in ./grid-side.ts) the grid-side columns that stay
 * zero there (`GRID_SIDE_COLUMNS`) share one zero array: 12 columns fewer per site. Treat them as
 * read-only.
 */
export function allocateSiteHourly(
  siteId: string,
  startMs: number,
  hours: number,
  phases: number,
  gridSideColumns = true,
): SiteHourly {
  const f = () => new Float64Array(hours);
  return siteHourlyFrom(
    siteId,
    startMs,
    hours,
    new Uint8Array(hours),
    Array.from({ length: phases }, f),
    f,
    gridSideColumns ? f : sharedColumn(f),
  );
}

/** The columns only the grid-side stage writes, and only at a site with policies or on-site supply. */
export const GRID_SIDE_COLUMNS = [
  'curtailRequestFraction',
  'curtailedMW',
  'shiftedInMW',
  'renewableMW',
  'renewableSpillMW',
  'onsiteMW',
  'batteryChargeMW',
  'batteryDischargeMW',
  'batterySoCMWh',
  'fuelCostUSD',
  'onsiteCO2Tonnes',
  'computeLostFLOP',
] as const satisfies readonly (keyof SiteHourly)[];

/** A column factory that makes one column on its first call and returns it on every later call. */
function sharedColumn(f: () => Float64Array): () => Float64Array {
  let one: Float64Array | undefined;
  return () => {
    one ??= f();
    return one;
  };
}

function siteHourlyFrom(
  siteId: string,
  startMs: number,
  hours: number,
  localHour: Uint8Array,
  phaseOnline: Float64Array[],
  f: () => Float64Array,
  g: () => Float64Array,
): SiteHourly {
  return {
    siteId,
    startMs,
    hours,
    dryBulbC: f(),
    wetBulbC: f(),
    carbonGPerKWh: f(),
    priceUSDPerMWh: f(),
    localHour,
    acceleratorsOnline: f(),
    phaseOnline,
    busyFraction: f(),
    acceleratorDemandMW: f(),
    hostNetworkDemandMW: f(),
    itDemandMW: f(),
    itInstalledMW: f(),
    loadFraction: f(),
    pue: f(),
    itMW: f(),
    acceleratorMW: f(),
    unservedITMW: f(),
    coolingMW: f(),
    electricalLossMW: f(),
    fixedLoadMW: f(),
    overheadMW: f(),
    facilityMW: f(),
    waterM3: f(),
    gridImportMW: f(),
    curtailRequestFraction: g(),
    curtailedMW: g(),
    shiftedInMW: g(),
    renewableMW: g(),
    renewableSpillMW: g(),
    onsiteMW: g(),
    batteryChargeMW: g(),
    batteryDischargeMW: g(),
    batterySoCMWh: g(),
    fuelCostUSD: g(),
    onsiteCO2Tonnes: g(),
    transmissionChargeUSD: f(),
    computeLostFLOP: g(),
    co2Tonnes: f(),
    energyCostUSD: f(),
    computeFLOP: f(),
  };
}

interface PooledColumns {
  columns: Float64Array[];
  localHour: Uint8Array;
  phases: number;
  gridSideColumns: boolean;
}

/**
 * Hourly columns kept between runs of one caller (a sweep worker, a dashboard session, a benchmark):
 * the next run of the same shape gets the previous run's arrays back (`SPARSE_COLUMNS` zeroed, the
 * rest overwritten in full by the stages) instead of ~40 fresh
 * 8-byte-per-hour columns per site (28 MB per site-decade) and the full garbage collections they
 * trigger. The previous run's `SiteHourly` objects are overwritten: use a pool only where a run's
 * hourly arrays are no longer read once the next run starts.
 */
export class ColumnPool {
  private readonly slots: Map<number | string, PooledColumns>;
  /** Slot by column shape instead of by site index (see `byShape`). */
  private readonly shapeSlots: boolean;

  constructor(options: { readonly byShape?: boolean; readonly sharing?: ColumnPool } = {}) {
    this.slots = options.sharing?.slots ?? new Map();
    this.shapeSlots = options.byShape ?? false;
  }

  /**
   * A view of this pool that hands every site of one column shape (hours, phases, grid-side columns)
   * the same columns, whatever its index: for a caller that reduces each site before it simulates the
   * next (`runScenario` with `keepHourly: false`), so a fleet needs one set of columns per shape. Its
   * slots are apart from the per-site ones, in the same pool.
   */
  byShape(): ColumnPool {
    return new ColumnPool({ byShape: true, sharing: this });
  }

  /** Sets of columns held (one per slot used, both views together). */
  get size(): number {
    return this.slots.size;
  }

  /**
   * Columns for site slot `slot` (the site's index in the run), zeroed; see `allocateSiteHourly`. The
   * slot's previous columns are handed back when the shape matches.
   */
  siteHourly(
    siteSlot: number,
    siteId: string,
    startMs: number,
    hours: number,
    phases: number,
    gridSideColumns = true,
  ): SiteHourly {
    const slot = this.shapeSlots
      ? `shape ${hours} h, ${phases} phases${gridSideColumns ? ', grid side' : ''}`
      : siteSlot;
    const kept = this.slots.get(slot);
    if (
      kept === undefined ||
      kept.phases !== phases ||
      kept.localHour.length !== hours ||
      kept.gridSideColumns !== gridSideColumns
    ) {
      const columns: Float64Array[] = [];
      const f = () => {
        const c = new Float64Array(hours);
        columns.push(c);
        return c;
      };
      const phaseOnline = Array.from({ length: phases }, f);
      const localHour = new Uint8Array(hours);
      this.slots.set(slot, { columns, localHour, phases, gridSideColumns });
      return siteHourlyFrom(
        siteId,
        startMs,
        hours,
        localHour,
        phaseOnline,
        f,
        gridSideColumns ? f : sharedColumn(f),
      );
    }
    let next = phases;
    const columns = kept.columns;
    // the same calls in the same order as when the columns were made hand them back one by one
    const f = () => columns[next++] as Float64Array;
    const out = siteHourlyFrom(
      siteId,
      startMs,
      hours,
      kept.localHour,
      columns.slice(0, phases),
      f,
      gridSideColumns ? f : sharedColumn(f),
    );
    // Only the columns written in some hours start from zero; the stages overwrite the others in full.
    const zeroed = new Set<Float64Array>();
    for (const k of SPARSE_COLUMNS) zeroed.add(out[k]);
    for (const c of zeroed) c.fill(0);
    return out;
  }
}

/**
 * The columns a stage writes in some hours only (the grid-side columns, the 4CP charge at the
 * coincident-peak hours): the ones a pool hands back zeroed. Every other column is written for every
 * hour by its stage (or zero-filled by the stage itself before it adds into it) before any stage reads
 * it, so a pool hands it back as the previous run left it (test/run-keep-hourly.test.ts checks every
 * column after a run of other sites in the same columns).
 */
const SPARSE_COLUMNS = [
  ...GRID_SIDE_COLUMNS,
  'transmissionChargeUSD',
] as const satisfies readonly (keyof SiteHourly)[];
