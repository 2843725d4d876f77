/**
 * The flat tables of a build-out report (`gigawatt buildout --out DIR`): per balancing authority × year
 * (regions), per campus × year (campuses) and on-site water per county × year, each defined once as
 * typed columns and written as CSV and as Parquet (hyparquet-writer, as the run's hourly tables in
 * ./export.ts). Column names carry their units. The CSV joins a list with ';'; so does Parquet (STRING).
 */
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { BuildoutReport, CampusRow, CampusYear, RegionYearRow } from '../analysis/buildout/report.js';
import type { WaterArea } from '../analysis/buildout/water.js';

type Cell = string | number | boolean;
type ColumnType = 'STRING' | 'DOUBLE' | 'INT32' | 'BOOLEAN';

/** One column: its name (with the unit), its Parquet type and how to read it from a row. */
export interface TableColumn<R> {
  readonly name: string;
  readonly type: ColumnType;
  readonly get: (row: R) => Cell;
}

export interface BuildoutTable<R> {
  /** File name without extension: `regions`, `campuses`, `water-by-county`. */
  readonly name: string;
  readonly columns: readonly TableColumn<R>[];
  readonly rows: readonly R[];
}

const col = <R>(name: string, type: ColumnType, get: (row: R) => Cell): TableColumn<R> => ({
  name,
  type,
  get,
});
const list = (xs: readonly string[]) => xs.join(';');

/** Per BA × year: the campuses' load, headroom before/after at each limit, flexible curtailment, firm need. */
export function regionsTable(r: BuildoutReport): BuildoutTable<RegionYearRow> {
  return {
    name: 'regions',
    rows: r.regions,
    columns: [
      col('region', 'STRING', (x) => x.region),
      col('year', 'INT32', (x) => x.year),
      col('campuses', 'STRING', (x) => list(x.campuses)),
      col('campus_peak_MW', 'DOUBLE', (x) => x.campusPeakMW),
      col('campus_at_region_peak_MW', 'DOUBLE', (x) => x.campusAtRegionPeakMW),
      col('campus_energy_GWh', 'DOUBLE', (x) => x.campusEnergyGWh),
      col('region_peak_MW', 'DOUBLE', (x) => x.regionPeakMW),
      ...r.limitsPct.map((p, i) =>
        col<RegionYearRow>(`headroom_before_${p}pct_MW`, 'DOUBLE', (x) => x.headroomBeforeMW[i] as number),
      ),
      ...r.limitsPct.map((p, i) =>
        col<RegionYearRow>(`headroom_after_${p}pct_MW`, 'DOUBLE', (x) => x.headroomAfterMW[i] as number),
      ),
      col('flexible_curtailment_pct', 'DOUBLE', (x) => x.flexible.curtailmentPct),
      col('flexible_curtailed_hours_per_year', 'DOUBLE', (x) => x.flexible.curtailedHoursPerYear),
      col('flexible_events_per_year', 'DOUBLE', (x) => x.flexible.eventsPerYear),
      col('flexible_curtailed_GWh_per_year', 'DOUBLE', (x) => x.flexible.curtailedGWhPerYear),
      col('flexible_compute_lost_FLOP_per_year', 'DOUBLE', (x) => x.flexible.computeLostFLOPPerYear),
      col('firm_need_MW', 'DOUBLE', (x) => x.firmNeedMW),
    ],
  };
}

type CampusYearRow = { readonly c: CampusRow; readonly y: CampusYear };

/** Per campus × year: capacity, energy, CO2 and water, with region, state and county. */
export function campusesTable(r: BuildoutReport): BuildoutTable<CampusYearRow> {
  return {
    name: 'campuses',
    rows: r.campuses.flatMap((c) => c.years.map((y) => ({ c, y }))),
    columns: [
      col('id', 'STRING', (x) => x.c.id),
      col('region', 'STRING', (x) => x.c.region),
      col('state', 'STRING', (x) => x.c.state),
      col('county', 'STRING', (x) => x.c.county),
      col('off_grid', 'BOOLEAN', (x) => x.c.offGrid),
      col('year', 'INT32', (x) => x.y.year),
      col('it_installed_MW', 'DOUBLE', (x) => x.y.itInstalledMW),
      col('peak_facility_MW', 'DOUBLE', (x) => x.y.peakFacilityMW),
      col('facility_GWh', 'DOUBLE', (x) => x.y.facilityGWh),
      col('grid_GWh', 'DOUBLE', (x) => x.y.gridGWh),
      col('co2_t', 'DOUBLE', (x) => x.y.co2Tonnes),
      col('onsite_co2_t', 'DOUBLE', (x) => x.y.onsiteCO2Tonnes),
      col('water_m3', 'DOUBLE', (x) => x.y.waterM3),
    ],
  };
}

/** On-site water per register county × year (the attribution rule: `report.water.rule`). */
export function waterTable(r: BuildoutReport): BuildoutTable<WaterArea> {
  return {
    name: 'water-by-county',
    rows: r.water.byCounty,
    columns: [
      col('state', 'STRING', (x) => x.state),
      col('county', 'STRING', (x) => x.county),
      col('year', 'INT32', (x) => x.year),
      col('campuses', 'STRING', (x) => list(x.campuses)),
      col('water_m3', 'DOUBLE', (x) => x.waterM3),
    ],
  };
}

const csvCell = (v: Cell) => {
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function tableCsv<R>(t: BuildoutTable<R>): string {
  const lines = [
    t.columns.map((c) => c.name).join(','),
    ...t.rows.map((row) => t.columns.map((c) => csvCell(c.get(row))).join(',')),
  ];
  return `${lines.join('\n')}\n`;
}

export function tableParquet<R>(t: BuildoutTable<R>): Uint8Array {
  return new Uint8Array(
    parquetWriteBuffer({
      columnData: t.columns.map((c) => ({
        name: c.name,
        data: t.rows.map((row) => c.get(row)),
        type: c.type,
        nullable: false,
      })),
      createdBy: 'gigawatt',
    }),
  );
}

/** The tables --out writes, each as CSV and as Parquet: file name → contents. */
export function buildoutTableFiles(r: BuildoutReport): { name: string; data: string | Uint8Array }[] {
  const both = <R>(t: BuildoutTable<R>) => [
    { name: `${t.name}.csv`, data: tableCsv(t) },
    { name: `${t.name}.parquet`, data: tableParquet(t) },
  ];
  return [...both(regionsTable(r)), ...both(campusesTable(r)), ...both(waterTable(r))];
}
