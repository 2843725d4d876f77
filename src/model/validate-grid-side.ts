/**
 * Cross-field rules of the grid side (`sites[i].supply`, `sites[i].flexibility`) that the zod shape
 * cannot express: state-of-charge limits in order, a price or 4CP policy only where the data exist,
 * renewables only where the region's solar/wind generation is bundled, an 'onsite' action only with
 * something on site. Each problem names the field path, the bad value and what is allowed.
 */
import { getRegion } from '../catalog/regions.js';
import type { ScenarioIssue } from './issues.js';
import type { Scenario } from './scenario.js';

export function gridSideIssues(s: Scenario): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  s.sites.forEach((site, i) => {
    const region = getRegion(site.region);
    const hourlyPrice = site.electricityPrice === undefined || 'series' in site.electricityPrice;
    const supply = site.supply;
    if (supply !== undefined) {
      supply.batteries.forEach((b, k) => {
        const at = ['sites', i, 'supply', 'batteries', k] as const;
        if (b.minSoCFraction > b.maxSoCFraction)
          issues.push({
            path: [...at, 'minSoCFraction'],
            message: `must not exceed maxSoCFraction (${b.maxSoCFraction})`,
            value: b.minSoCFraction,
          });
        if (
          b.initialSoCFraction !== undefined &&
          (b.initialSoCFraction < b.minSoCFraction || b.initialSoCFraction > b.maxSoCFraction)
        )
          issues.push({
            path: [...at, 'initialSoCFraction'],
            message: `must lie between minSoCFraction (${b.minSoCFraction}) and maxSoCFraction (${b.maxSoCFraction})`,
            value: b.initialSoCFraction,
          });
        if (b.policy === 'peak-shave' && b.gridTargetMW === undefined)
          issues.push({
            path: [...at, 'gridTargetMW'],
            message: "is required for policy 'peak-shave' (the grid import to hold, MW)",
          });
        if (b.policy === 'price-arbitrage' && !hourlyPrice)
          issues.push({
            path: [...at, 'policy'],
            message:
              "'price-arbitrage' needs an hourly price series; this site has a flat price (use electricityPrice: {series: ...} or another policy)",
            value: b.policy,
          });
      });
      const ids = new Set<string>();
      [...supply.onsite, ...supply.batteries].forEach((u) => {
        if (ids.has(u.id))
          issues.push({
            path: ['sites', i, 'supply'],
            message: `duplicate id '${u.id}' among on-site generators and batteries`,
            value: u.id,
          });
        ids.add(u.id);
      });
      supply.renewables.forEach((r, k) => {
        if (region.fuelMix === null)
          issues.push({
            path: ['sites', i, 'supply', 'renewables', k, 'kind'],
            message: `region ${site.region} has no bundled ${r.kind} generation to derive an hourly profile from; renewables are available in regions with a fuel mix (e.g. ERCOT, NYISO, PJM, CAISO)`,
            value: r.kind,
          });
      });
      if (supply.transmissionUSDPerKWYear !== undefined && site.region !== 'ERCOT')
        issues.push({
          path: ['sites', i, 'supply', 'transmissionUSDPerKWYear'],
          message: `the 4CP transmission charge applies in ERCOT only; this site is in ${site.region}`,
          value: supply.transmissionUSDPerKWYear,
        });
    }
    const flex = site.flexibility;
    if (flex === undefined) return;
    flex.policies.forEach((p, k) => {
      const at = ['sites', i, 'flexibility', 'policies', k] as const;
      if (p.kind === '4cp' && site.region !== 'ERCOT')
        issues.push({
          path: [...at, 'kind'],
          message: `4CP transmission pricing exists in ERCOT only; this site is in ${site.region}`,
          value: p.kind,
        });
      if (p.kind === 'price' && !hourlyPrice)
        issues.push({
          path: [...at, 'kind'],
          message: `a price policy needs an hourly price series; this site has a flat price (region ${site.region}${region.defaultPriceSeriesId === null ? ' has no bundled price series' : ': use electricityPrice: {series: ...}'})`,
          value: p.kind,
        });
      if (p.kind === 'grid-emergency' && p.withinPctOfPeak === undefined && p.topHoursPerYear === undefined)
        issues.push({
          path: [...at, 'withinPctOfPeak'],
          message: 'give withinPctOfPeak (%) or topHoursPerYear (hours), or both',
        });
    });
    if (
      flex.action === 'onsite' &&
      (supply === undefined ||
        (supply.onsite.every((g) => g.capacityMW === 0) && supply.batteries.every((b) => b.energyMWh === 0)))
    )
      issues.push({
        path: ['sites', i, 'flexibility', 'action'],
        message:
          "'onsite' needs on-site generation or a battery under supply (supply.onsite or supply.batteries); otherwise use 'power-cap' or 'pause'",
        value: flex.action,
      });
  });
  return issues;
}
