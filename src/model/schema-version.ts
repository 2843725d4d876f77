/**
 * Versions of the scenario format, and the migration of older scenarios to the current one.
 *
 * A scenario says which format it is written in with `schemaVersion`; without it, it is read as the
 * current version. Older versions are migrated step by step before validation, and every step says
 * what it changed, so `gigawatt validate` / `run` can tell the user. Stored runs keep the migrated
 * scenario, which always carries `schemaVersion`.
 *
 *   1  gigawatt 0.1: the ERCOT 4CP transmission rate had two homes (`economics.transmissionUSDPerKWYear`
 *      for the cash flows, `sites[i].supply.transmissionUSDPerKWYear` for the hourly charge)
 *   2  one home: `sites[i].supply.transmissionUSDPerKWYear`, used by both
 */

export const SCHEMA_VERSION = 2;

/** A scenario after migration, the version it was written in, and what the migration changed. */
export interface Migrated {
  readonly data: unknown;
  readonly readVersion: number | undefined;
  readonly notes: readonly string[];
}

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Each step takes a scenario of version `from` to `from + 1` and returns what it changed. */
const STEPS: Readonly<Record<number, (s: Obj) => string[]>> = {
  1: (s) => {
    const economics = s.economics;
    if (!isObject(economics) || economics.transmissionUSDPerKWYear === undefined) return [];
    const rate = economics.transmissionUSDPerKWYear;
    delete economics.transmissionUSDPerKWYear;
    const notes: string[] = [];
    const sites = Array.isArray(s.sites) ? s.sites : [];
    sites.forEach((site, i) => {
      if (!isObject(site) || site.region !== 'ERCOT') return;
      const supply = isObject(site.supply) ? site.supply : {};
      if (supply.transmissionUSDPerKWYear !== undefined) return;
      site.supply = { ...supply, transmissionUSDPerKWYear: rate };
      notes.push(`economics.transmissionUSDPerKWYear moved to sites[${i}].supply.transmissionUSDPerKWYear`);
    });
    if (notes.length === 0)
      notes.push(
        'economics.transmissionUSDPerKWYear dropped: no ERCOT site without a rate of its own to move it to (the 4CP charge applies in ERCOT only)',
      );
    return notes;
  },
};

/**
 * Migrates a parsed scenario to the current format. Leaves anything it cannot read (not an object,
 * an unknown version) unchanged for validation to report.
 */
export function migrateScenario(data: unknown): Migrated {
  if (!isObject(data)) return { data, readVersion: undefined, notes: [] };
  const given = data.schemaVersion;
  if (given === undefined)
    return { data: { ...data, schemaVersion: SCHEMA_VERSION }, readVersion: SCHEMA_VERSION, notes: [] };
  if (!Number.isInteger(given) || (given as number) < 1 || (given as number) > SCHEMA_VERSION)
    return { data, readVersion: undefined, notes: [] };
  if (given === SCHEMA_VERSION) return { data, readVersion: SCHEMA_VERSION, notes: [] };
  const out = structuredClone(data);
  const notes: string[] = [];
  for (let v = given as number; v < SCHEMA_VERSION; v++) {
    const step = STEPS[v];
    if (step) notes.push(...step(out).map((n) => `format ${v} → ${v + 1}: ${n}`));
  }
  out.schemaVersion = SCHEMA_VERSION;
  return { data: out, readVersion: given as number, notes };
}
