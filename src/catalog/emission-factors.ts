/**
 * Per-fuel emission factors of electricity generation, gCO2eq per kWh of net generation, and the mapping
 * from the fuel columns of the bundled data (EIA-930 `ng_*` columns, ERCOT native fuel-mix categories)
 * to those fuels.
 *
 * Two accountings:
 * - `lifecycleGPerKWh`: whole life cycle (fuel supply chain, methane leakage, construction) — the median
 *   of IPCC AR5 WG3 Annex III, Table A.III.2 (Schlömer et al. 2014). Comparable with Electricity Maps'
 *   lifecycle series.
 * - `directGPerKWh`: stack (combustion) emissions only — the "direct emissions" median of the same table
 *   (zero for nuclear and renewables). Comparable with Electricity Maps' direct series.
 *
 * The intensity of a fuel mix is the generation-weighted mean (see `fuelMixIntensityGPerKWh` in
 * src/io/grid.ts): I = Σ_f P_f · EF_f / Σ_f P_f, with P_f the net generation of fuel f in MW.
 */
import { cited, estimated, type Sourced } from './provenance.js';

/** Generation fuels we carry factors for. */
export type FuelId =
  | 'coal'
  | 'gas'
  | 'oil'
  | 'nuclear'
  | 'hydro'
  | 'solar'
  | 'wind'
  | 'biomass'
  | 'geothermal'
  | 'other';

export interface EmissionFactor {
  readonly fuel: FuelId;
  readonly label: string;
  /** Life-cycle emissions, gCO2eq per kWh generated. */
  readonly lifecycleGPerKWh: Sourced<number>;
  /** Direct (combustion) emissions, gCO2eq per kWh generated. */
  readonly directGPerKWh: Sourced<number>;
}

// Verified in this review: the lifecycle medians below (coal 820, gas 490, biomass 230, solar PV utility
// 48, geothermal 38, hydro 24, nuclear 12, wind onshore 11) match AR5 Table A.III.2 as reproduced by
// wikicarbon.org "Index:Energy_Sources" (citing Schlömer et al. 2014). The direct medians (coal 760,
// gas 370) were not found in a second source during the review: cited from the table, unverified.
const AR5 =
  'IPCC AR5 WG3 Annex III (Schlömer et al. 2014, "Technology-specific cost and performance parameters"), Table A.III.2';
const AR5_LC = `${AR5}, lifecycle emissions median`;
const AR5_DIRECT = `${AR5}, direct emissions median`;
const DACF =
  'carbonfirst/DACF (Maji et al., e-Energy 2022) factor, reproduced exactly by the ci_lifecycle_upstream column of data/grid/eia930 (see data/grid/PROVENANCE.md, ci_method DACF_LCA); the same default Electricity Maps uses';

/** Coal direct/lifecycle ratio in AR5 Table A.III.2 (760 / 820), used to estimate direct factors of fuels the table lacks. */
const COAL_DIRECT_OVER_LIFECYCLE = 760 / 820;

export const EMISSION_FACTORS: Readonly<Record<FuelId, EmissionFactor>> = {
  coal: {
    fuel: 'coal',
    label: 'Coal (pulverised coal)',
    lifecycleGPerKWh: cited(820, `${AR5_LC}, Coal—PC (min 740, max 910)`),
    directGPerKWh: cited(760, `${AR5_DIRECT}, Coal—PC (min 670, max 870)`),
  },
  gas: {
    fuel: 'gas',
    label: 'Natural gas',
    lifecycleGPerKWh: estimated(
      490,
      'Gas—Combined Cycle median applied to all gas generation (EIA NG and ERCOT gas + gas_cc): steam turbines and combustion turbines burn ~30–50 % more fuel per kWh, so this understates the non-CC share; same convention as Electricity Maps and DACF',
      `${AR5_LC}, Gas—Combined Cycle (min 410, max 650)`,
    ),
    directGPerKWh: estimated(
      370,
      'Gas—Combined Cycle median applied to all gas generation (understates the non-CC share, as for lifecycle)',
      `${AR5_DIRECT}, Gas—Combined Cycle (min 350, max 490)`,
    ),
  },
  oil: {
    fuel: 'oil',
    label: 'Oil / petroleum',
    lifecycleGPerKWh: estimated(
      650,
      'oil is not in AR5 Table A.III.2; DACF / Electricity Maps default',
      DACF,
    ),
    directGPerKWh: estimated(
      Math.round(650 * COAL_DIRECT_OVER_LIFECYCLE),
      'lifecycle 650 × AR5 coal direct/lifecycle ratio 760/820 = 602 (no cited direct factor for oil in the bundle)',
    ),
  },
  nuclear: {
    fuel: 'nuclear',
    label: 'Nuclear',
    lifecycleGPerKWh: cited(12, `${AR5_LC}, Nuclear (min 3.7, max 110)`),
    directGPerKWh: cited(0, `${AR5_DIRECT}, Nuclear`),
  },
  hydro: {
    fuel: 'hydro',
    label: 'Hydropower',
    lifecycleGPerKWh: cited(24, `${AR5_LC}, Hydropower (min 1.0, max 2200)`),
    directGPerKWh: cited(0, `${AR5_DIRECT}, Hydropower`),
  },
  solar: {
    fuel: 'solar',
    label: 'Solar PV (utility)',
    lifecycleGPerKWh: cited(48, `${AR5_LC}, Solar PV—utility (min 18, max 180)`),
    directGPerKWh: cited(0, `${AR5_DIRECT}, Solar PV—utility`),
  },
  wind: {
    fuel: 'wind',
    label: 'Wind (onshore)',
    lifecycleGPerKWh: cited(11, `${AR5_LC}, Wind onshore (min 7.0, max 56)`),
    directGPerKWh: cited(0, `${AR5_DIRECT}, Wind onshore`),
  },
  biomass: {
    fuel: 'biomass',
    label: 'Biomass (dedicated)',
    lifecycleGPerKWh: cited(230, `${AR5_LC}, Biomass—dedicated (min 130, max 420)`),
    directGPerKWh: estimated(
      0,
      'AR5 lists biomass direct emissions as n.a. and books biogenic CO2 separately; biogenic CO2 counted as zero in the direct accounting',
      AR5,
    ),
  },
  geothermal: {
    fuel: 'geothermal',
    label: 'Geothermal',
    lifecycleGPerKWh: cited(38, `${AR5_LC}, Geothermal (min 6.0, max 79)`),
    directGPerKWh: cited(0, `${AR5_DIRECT}, Geothermal`),
  },
  other: {
    fuel: 'other',
    label: 'Other / unknown',
    lifecycleGPerKWh: estimated(
      700,
      '"other" is not in AR5 Table A.III.2; DACF / Electricity Maps "unknown" default. EIA OTH and ERCOT "other" hold mixed sources (waste, batteries discharging, small units), so this is an estimate for an unknown mix',
      DACF,
    ),
    directGPerKWh: estimated(
      Math.round(700 * COAL_DIRECT_OVER_LIFECYCLE),
      'lifecycle 700 × AR5 coal direct/lifecycle ratio 760/820 = 649 (no cited direct factor for "other")',
    ),
  },
};

export const FUEL_IDS = Object.keys(EMISSION_FACTORS) as FuelId[];

/** EIA-930 net-generation columns of data/grid/eia930 files → fuel (EIA energy-source codes in comments). */
export const EIA_FUEL_COLUMNS: Readonly<Record<string, FuelId>> = {
  ng_coal_MW: 'coal', // COL
  ng_natural_gas_MW: 'gas', // NG
  ng_nuclear_MW: 'nuclear', // NUC
  ng_oil_MW: 'oil', // OIL
  ng_hydro_MW: 'hydro', // WAT (includes pumped storage)
  ng_solar_MW: 'solar', // SUN
  ng_wind_MW: 'wind', // WND
  ng_other_MW: 'other', // OTH
};

/**
 * ERCOT native fuel-mix categories (data/grid/ercot/ERCOT_fuelmix_hourly_2017_2024.csv.gz) → fuel.
 * `wsl_storage_charging_MW` (wholesale storage load, battery charging, ≤ 0) is load, not generation, and is
 * deliberately absent; `total_generation_MW` is a sum and also absent.
 */
export const ERCOT_FUEL_COLUMNS: Readonly<Record<string, FuelId>> = {
  biomass_MW: 'biomass',
  coal_MW: 'coal',
  gas_MW: 'gas', // gas steam, combustion turbines, engines (non-combined-cycle)
  gas_cc_MW: 'gas',
  hydro_MW: 'hydro',
  nuclear_MW: 'nuclear',
  other_MW: 'other', // appears to include battery discharge from 2022 (data/grid/PROVENANCE.md §2a)
  solar_MW: 'solar',
  wind_MW: 'wind',
};

export type EmissionAccounting = 'lifecycle' | 'direct';

/** The numeric factor of a fuel, gCO2eq/kWh. */
export function emissionFactorGPerKWh(fuel: FuelId, accounting: EmissionAccounting = 'lifecycle'): number {
  const f = EMISSION_FACTORS[fuel];
  const s = accounting === 'lifecycle' ? f.lifecycleGPerKWh : f.directGPerKWh;
  if (s.value === null) throw new Error(`no ${accounting} emission factor for ${fuel}`);
  return s.value;
}

/**
 * On-site gas: the engine counts combustion CO2 (fuel MMBtu × 53.06 kg CO2/MMBtu, EPA GHG emission
 * factors, natural gas). Its lifecycle counterpart adds the gas supply chain (extraction, processing,
 * transport, methane leakage) and plant construction in the same proportion as AR5's gas combined-cycle
 * medians, lifecycle 490 / direct 370 g/kWh = 1.324 — so on-site and grid gas are on one footing.
 */
export const ONSITE_GAS_LIFECYCLE_OVER_DIRECT = estimated(
  490 / 370,
  'AR5 Table A.III.2 gas combined cycle, lifecycle median 490 / direct median 370 gCO2eq/kWh: upstream supply chain and construction add 32 % to combustion CO2',
  AR5,
);

/** Which accounting the headline CO2 (metric `co2Tonnes`) uses. */
export const HEADLINE_CARBON_BASIS =
  'lifecycle: grid import × hourly lifecycle intensity + on-site gas combustion × 490/370 (AR5 gas CC lifecycle/direct)';
