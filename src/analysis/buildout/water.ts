/**
 * Where the build-out's water is drawn: each campus's on-site water (the engine's `waterM3`: cooling
 * water consumed on site) attributed to the county the campus register names, summed per county and
 * per state and year. No watershed data is bundled (no county → HUC crosswalk, no hydrologic-unit
 * boundaries), so the finest place the report can name is the register's county; docs/buildout.md
 * says what is missing.
 */
import type { ConvertedCampus } from './register.js';
import type { CampusRow } from './rows.js';

/** The attribution rule, printed with the table (an ASSUMPTION about where the water comes from). */
export const WATER_ATTRIBUTION_RULE =
  "ASSUMPTION: a campus draws all its on-site water in the county the campus register names for it (a note in brackets, e.g. 'inferred', is dropped; a row naming two counties, e.g. 'Gray / Roberts', is kept as one area, not split); a campus without a county in the register (or not in it) is counted in its state only. On-site water only: the water of grid generation is not attributed. No watershed (HUC) is given: no county → hydrologic-unit crosswalk or HUC boundaries are bundled";

export interface WaterArea {
  readonly state: string;
  /** The register's county; '' = not known (the state only). */
  readonly county: string;
  readonly year: number;
  readonly campuses: readonly string[];
  readonly waterM3: number;
}

export interface WaterByPlace {
  readonly rule: string;
  /** One row per state × county × year with water on site (> 0), sorted by state, county, year. */
  readonly byCounty: readonly WaterArea[];
  /** The same summed per state and year. */
  readonly byState: readonly { state: string; year: number; campuses: readonly string[]; waterM3: number }[];
}

/** The register's county without a bracketed note: 'Lake (reported)' → 'Lake'. */
export function countyName(text: string): string {
  return text.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
}

/** The campus row with its county and location precision from the register ('' where it has none). */
export function withCounty(row: CampusRow, register: ReadonlyMap<string, ConvertedCampus>): CampusRow {
  const r = register.get(row.id)?.record;
  return {
    ...row,
    county: r === undefined ? '' : countyName(r.county),
    locationPrecision: r?.locationPrecision ?? '',
  };
}

function add<K>(
  m: Map<string, K & { campuses: string[]; waterM3: number }>,
  key: string,
  init: K,
  id: string,
  m3: number,
) {
  const e = m.get(key) ?? { ...init, campuses: [], waterM3: 0 };
  if (!e.campuses.includes(id)) e.campuses.push(id);
  e.waterM3 += m3;
  m.set(key, e);
}

/** Each campus's yearly on-site water summed per register county and per state (WATER_ATTRIBUTION_RULE). */
export function waterByPlace(campuses: readonly CampusRow[]): WaterByPlace {
  const counties = new Map<
    string,
    { state: string; county: string; year: number; campuses: string[]; waterM3: number }
  >();
  const states = new Map<string, { state: string; year: number; campuses: string[]; waterM3: number }>();
  for (const c of campuses)
    for (const y of c.years) {
      if (!(y.waterM3 > 0)) continue;
      add(
        counties,
        `${c.state}\u0000${c.county}\u0000${y.year}`,
        { state: c.state, county: c.county, year: y.year },
        c.id,
        y.waterM3,
      );
      add(states, `${c.state}\u0000${y.year}`, { state: c.state, year: y.year }, c.id, y.waterM3);
    }
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return {
    rule: WATER_ATTRIBUTION_RULE,
    byCounty: [...counties.values()].sort(
      (a, b) => order(a.state, b.state) || order(a.county, b.county) || a.year - b.year,
    ),
    byState: [...states.values()].sort((a, b) => order(a.state, b.state) || a.year - b.year),
  };
}
