/**
 * Who pays for the build-out, from the report's rows: the PJM capacity auction with the PJM campuses'
 * load at PJM's peak (../markets/pjm-capacity.ts), minimum-demand tariffs while a campus is late
 * (../markets/large-load-rules.ts), and the SB 6 obligations of the ERCOT campuses. Pure.
 */

import type { Scenario } from '../../model/scenario.js';
import { lateBill, sb6Obligations, tariffFor } from '../markets/large-load-rules.js';
import { calibrate, clearWithLoad } from '../markets/pjm-capacity.js';
import type { ConvertedCampus } from './register.js';
import type { CampusRow, RegionYearRow, WhoPays } from './rows.js';
import type { SupplyChainReport } from './supply-chain.js';

/** Each year's PJM campus load at PJM's peak added to the 2026/27 auction: firm, flexible, BYOG, and firm under the collar. */
export function pjmCapacity(regions: readonly RegionYearRow[]): WhoPays['pjm'] {
  const rows = regions.filter((r) => r.region === 'PJM');
  if (rows.length === 0) return null;
  const calibration = calibrate();
  return {
    calibration,
    years: rows.map((r) => ({
      year: r.year,
      addedPeakMW: r.campusAtRegionPeakMW,
      firm: clearWithLoad(r.campusAtRegionPeakMW, 'firm', { calibration, collar: false }),
      flexible: clearWithLoad(r.campusAtRegionPeakMW, 'flexible', { calibration, collar: false }),
      byog: clearWithLoad(r.campusAtRegionPeakMW, 'byog', { calibration, collar: false }),
      firmWithCollar: clearWithLoad(r.campusAtRegionPeakMW, 'firm', { calibration, collar: true }),
    })),
  };
}

/** Whole months from one ISO date to another (by calendar month). */
const monthsBetween = (a: string, b: string) =>
  (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7));

/** Minimum demand billed while idle for campuses under a modelled tariff, late by their P50 first date. */
export function lateTariffs(
  register: readonly ConvertedCampus[],
  chain: SupplyChainReport | null,
  scenario: Scenario,
): WhoPays['tariffs'][number][] {
  const out: WhoPays['tariffs'][number][] = [];
  for (const c of register) {
    const t = tariffFor(c.record.utility, c.record.state);
    const first = chain?.phases.find((p) => p.campusId === c.record.id);
    if (t === undefined || first === undefined || c.itMW === null) continue;
    // contract: the campus's grid connection, MW
    const site = scenario.sites.find((x) => x.id === c.record.id);
    out.push({
      campusId: c.record.id,
      announced: first.announced,
      realisticP50: first.p50,
      ...lateBill(t, site?.interconnectMW ?? 0, monthsBetween(first.announced, first.p50)),
    });
  }
  return out;
}

/** The SB 6 obligations of each grid-connected ERCOT campus at its peak facility demand. */
export function sb6Campuses(scenario: Scenario, campuses: readonly CampusRow[]): WhoPays['sb6'] {
  return scenario.sites
    .map((site, i) => ({ site, row: campuses[i] as CampusRow }))
    .filter(({ site, row }) => site.region === 'ERCOT' && !row.offGrid)
    .map(({ site, row }) => {
      const peakMW = Math.max(...row.years.map((y) => y.peakFacilityMW));
      const backup = (site.supply?.onsite ?? []).reduce((s, g) => s + g.capacityMW, 0);
      return { campusId: site.id, peakMW, ...sb6Obligations(peakMW, backup) };
    });
}
