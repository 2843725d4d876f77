/**
 * Catalog look-ups (src/catalog/regions.ts): a balancing authority's demand history by catalog id or EIA
 * code, and an unknown price series named together with the ones that exist (so a user can correct it).
 */
import { describe, expect, it } from 'vitest';
import { findDemandHistory, getPriceSeries } from '../src/catalog/regions.js';

describe('catalog look-ups', () => {
  it('finds a demand history by catalog id or EIA code, and none for an unknown BA', () => {
    const byId = findDemandHistory('ERCOT');
    expect(byId?.eiaBaCode).toBe('ERCO');
    expect(findDemandHistory('ERCO')).toBe(byId);
    // a demand-only BA (no catalog region) by its EIA code
    expect(findDemandHistory('AECI')?.regionId).toBeNull();
    expect(findDemandHistory('ATLANTIS')).toBeUndefined();
  });
  it('an unknown price series names the known ones', () => {
    expect(() => getPriceSeries('ERCOT-NOWHERE')).toThrow(
      /unknown price series 'ERCOT-NOWHERE'; known: .*ERCOT-HB_HUBAVG/,
    );
  });
});
