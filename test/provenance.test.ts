/** Every number in a catalog has a source or the basis of its estimate (or is null with a source saying so). */
import { describe, expect, it } from 'vitest';
import { ACCELERATORS } from '../src/catalog/accelerators.js';
import { COOLING_SYSTEMS } from '../src/catalog/cooling.js';
import {
  CONSTRUCTION_JOBS_PER_BILLION_USD,
  FACILITY_CAPEX_USD_PER_MW,
  PERMANENT_JOBS_PER_BILLION_USD,
} from '../src/catalog/costs.js';
import { EMISSION_FACTORS } from '../src/catalog/emission-factors.js';
import { hasProvenance } from '../src/catalog/provenance.js';

/** Finds every `{value, source|estimate}` leaf in a catalog object, with its path. */
function sourcedLeaves(obj: unknown, path = ''): { path: string; node: Record<string, unknown> }[] {
  if (obj === null || typeof obj !== 'object') return [];
  const rec = obj as Record<string, unknown>;
  if ('value' in rec && (typeof rec.value === 'number' || rec.value === null)) return [{ path, node: rec }];
  return Object.entries(rec).flatMap(([k, v]) => sourcedLeaves(v, path ? `${path}.${k}` : k));
}

describe('catalog provenance', () => {
  const catalogs = {
    accelerators: ACCELERATORS,
    cooling: COOLING_SYSTEMS,
    emissionFactors: EMISSION_FACTORS,
    facilityCapex: FACILITY_CAPEX_USD_PER_MW,
    jobs: { PERMANENT_JOBS_PER_BILLION_USD, CONSTRUCTION_JOBS_PER_BILLION_USD },
  };
  for (const [name, catalog] of Object.entries(catalogs)) {
    it(`${name}: every value has a source or an estimate basis`, () => {
      const leaves = sourcedLeaves(catalog);
      expect(leaves.length).toBeGreaterThanOrEqual(2);
      for (const { path, node } of leaves) {
        expect(hasProvenance(node as never), `${name}.${path}`).toBe(true);
        if (node.value !== null) expect(Number.isFinite(node.value), `${name}.${path}`).toBe(true);
      }
    });
  }
  it('every cooling system used by the facility capex table exists', () => {
    expect(Object.keys(FACILITY_CAPEX_USD_PER_MW).sort()).toEqual(COOLING_SYSTEMS.map((s) => s.id).sort());
  });
});
