/**
 * Resolves a site's grid side (`supply`, `flexibility`, and for ERCOT the 4CP transmission charge) into
 * engine inputs (src/engine/grid-side-inputs.ts), recording every value used as an `Assumption`.
 * Pure: the regional demand and solar/wind generation come from the `DataSource`.
 */
import { getRegion } from '../catalog/regions.js';
import type { GridSideInputs, SupplyInputs } from '../engine/grid-side-inputs.js';
import { capacityFactorProfile } from '../engine/renewables.js';
import type { Assumption, DataSource } from './data-source.js';
import type { Site } from './scenario.js';

/** ERCOT transmission rate when the scenario gives none: inside the published ~$50–150+/kW-yr range. */
export const DEFAULT_TRANSMISSION_USD_PER_KW_YEAR = 100;

export function resolveGridSide(
  site: Site,
  i: number,
  data: DataSource,
  assumptions: Assumption[],
): GridSideInputs | undefined {
  const at = `sites[${i}]`;
  const isERCOT = site.region === 'ERCOT';
  const flex = site.flexibility;
  const needsDemand =
    isERCOT || (flex?.policies ?? []).some((p) => p.kind === 'grid-emergency' || p.kind === '4cp');
  if (site.supply === undefined && flex === undefined && !isERCOT) return undefined;
  let regionDemandMW: GridSideInputs['regionDemandMW'];
  let regionPeakMW: number | undefined;
  if (needsDemand && data.regionDemand !== undefined) {
    regionDemandMW = data.regionDemand(site.region);
    regionPeakMW = 0;
    for (const v of regionDemandMW.values) if (Number.isFinite(v) && v > regionPeakMW) regionPeakMW = v;
    assumptions.push({
      path: `${at}.region`,
      value: `${site.region} hourly demand (peak ${Math.round(regionPeakMW)} MW)`,
      unit: 'MW',
      kind: 'data',
      basis: `EIA-930 cleaned demand (demand_cleaned_MW, Ruggles & Farnham), replayed like carbon; used for ${isERCOT ? 'the 4CP hours and ' : ''}grid-emergency signals`,
    });
  } else if (flex?.policies.some((p) => p.kind === 'grid-emergency' || p.kind === '4cp')) {
    throw new Error(`${at}.flexibility: the data source provides no regional demand for ${site.region}`);
  }
  let transmissionUSDPerKWYear = 0;
  if (isERCOT && regionDemandMW !== undefined) {
    transmissionUSDPerKWYear = site.supply?.transmissionUSDPerKWYear ?? DEFAULT_TRANSMISSION_USD_PER_KW_YEAR;
    assumptions.push({
      path: `${at}.supply.transmissionUSDPerKWYear`,
      value: transmissionUSDPerKWYear,
      unit: '$/kW-yr',
      kind: site.supply?.transmissionUSDPerKWYear !== undefined ? 'scenario' : 'estimate',
      basis:
        site.supply?.transmissionUSDPerKWYear !== undefined
          ? 'given in the scenario'
          : 'assumption: ERCOT 4CP transmission charges run ~$50-150+/kW-yr depending on the utility (reference-figures.md §2.6, CP1-CP3); 100 is inside that range',
    });
  }

  let supply: SupplyInputs | undefined;
  if (site.supply !== undefined) {
    const s = site.supply;
    const solarMW = s.renewables.filter((r) => r.kind === 'solar').reduce((a, r) => a + r.capacityMW, 0);
    const windMW = s.renewables.filter((r) => r.kind === 'wind').reduce((a, r) => a + r.capacityMW, 0);
    const profile = (kind: 'solar' | 'wind', mw: number) => {
      if (mw <= 0) return undefined;
      const g = data.regionGeneration?.(site.region, kind);
      if (g === undefined)
        throw new Error(
          `${at}.supply.renewables: no ${kind} generation of ${site.region} in the data source`,
        );
      const region = getRegion(site.region);
      assumptions.push({
        path: `${at}.supply.renewables.${kind}`,
        value: mw,
        unit: 'MW',
        kind: 'data',
        basis: `hourly profile = ${region.id} ${kind} generation (${region.fuelMix?.kind === 'ercot-native' ? 'ERCOT native fuel mix' : 'EIA-930'}) / its annual maximum, replayed (docs/grid-flexibility.md: overstates a single plant's capacity factor)`,
      });
      return capacityFactorProfile(g);
    };
    const solarProfile = profile('solar', solarMW);
    const windProfile = profile('wind', windMW);
    s.onsite.forEach((g, k) => {
      assumptions.push({
        path: `${at}.supply.onsite[${k}]`,
        value: `${g.capacityMW} MW ${g.kind}, ${g.heatRateMMBtuPerMWh} MMBtu/MWh, $${g.fuelPriceUSDPerMMBtu}/MMBtu, ${g.co2KgPerMMBtu} kg CO2/MMBtu, ${g.dispatch}`,
        unit: '',
        kind: 'scenario',
        basis: 'given in the scenario (CO2 default: EPA natural gas 53.06 kg/MMBtu, combustion only)',
      });
    });
    s.batteries.forEach((b, k) => {
      assumptions.push({
        path: `${at}.supply.batteries[${k}]`,
        value: `${b.powerMW} MW / ${b.energyMWh} MWh, η ${b.roundTripEfficiency}, SoC ${b.minSoCFraction}-${b.maxSoCFraction}, ${b.policy}`,
        unit: '',
        kind: 'scenario',
        basis: 'given in the scenario (SoC limits default to 0.05-1)',
      });
    });
    supply = {
      onsite: s.onsite.map((g) => ({
        id: g.id,
        kind: g.kind,
        capacityMW: g.capacityMW,
        heatRateMMBtuPerMWh: g.heatRateMMBtuPerMWh,
        fuelPriceUSDPerMMBtu: g.fuelPriceUSDPerMMBtu,
        co2KgPerMMBtu: g.co2KgPerMMBtu,
        ...(g.noxKgPerMWh !== undefined ? { noxKgPerMWh: g.noxKgPerMWh } : {}),
        dispatch: g.dispatch,
      })),
      batteries: s.batteries.map((b) => ({
        id: b.id,
        powerMW: b.powerMW,
        energyMWh: b.energyMWh,
        roundTripEfficiency: b.roundTripEfficiency,
        minSoCFraction: b.minSoCFraction,
        maxSoCFraction: b.maxSoCFraction,
        initialSoCFraction: b.initialSoCFraction ?? b.maxSoCFraction,
        policy: b.policy,
        ...(b.gridTargetMW !== undefined ? { gridTargetMW: b.gridTargetMW } : {}),
      })),
      solarMW,
      windMW,
      ...(solarProfile ? { solarProfile } : {}),
      ...(windProfile ? { windProfile } : {}),
    };
  }
  if (flex !== undefined) {
    flex.policies.forEach((p, k) => {
      assumptions.push({
        path: `${at}.flexibility.policies[${k}]`,
        value: JSON.stringify(p),
        unit: '',
        kind: 'scenario',
        basis: 'given in the scenario (model: docs/grid-flexibility.md)',
      });
    });
    assumptions.push({
      path: `${at}.flexibility.minCapFraction`,
      value: flex.minCapFraction,
      unit: 'of board power',
      kind: 'estimate',
      basis:
        'lowest power cap for the power-cap action; assumption: the power curve was measured at 700 W only and extrapolated below (docs/power-curve.md), so caps are kept at or above half the board power; beyond that accelerators pause',
    });
  }
  return {
    ...(supply ? { supply } : {}),
    ...(flex
      ? {
          flexibility: {
            policies: flex.policies,
            action: flex.action,
            minCapFraction: flex.minCapFraction,
          },
        }
      : {}),
    ...(regionDemandMW ? { regionDemandMW } : {}),
    ...(regionPeakMW !== undefined ? { regionPeakMW } : {}),
    transmissionUSDPerKWYear,
  };
}
