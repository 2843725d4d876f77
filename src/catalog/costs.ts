/**
 * Cost and workforce figures used as defaults by the economics, each with its source or basis.
 * See docs/economics.md for the derivations and the calibration table.
 */
import { estimated, type Sourced } from './provenance.js';

/**
 * Facility capex (land, buildings, electrical and cooling plant; no accelerators) per MW of IT capacity.
 * Basis: Stargate Abilene (Crusoe, 1.2 GW): ~$15B of project financing (Crusoe / Blue Owl / Primary
 * Digital; JPMorgan $9.6B of loans) for the campus, while Oracle buys the ~400,000 GB200 (~$40B)
 * separately (reference-figures.md §4, sources CB1–CB4) → $15B / 1,200 MW = $12.5M per MW.
 */
const ABILENE_USD_PER_MW = 15e9 / 1200;

/** The liquid-cooling bill of materials of a GB300 NVL72 rack, ≈ $50K (SY7, Morgan Stanley), per ~132 kW rack. */
const LIQUID_BOM_USD_PER_MW = 50_000 / 0.132;

export const FACILITY_CAPEX_USD_PER_MW: Readonly<Record<string, Sourced<number>>> = {
  'liquid-dry-cooler': estimated(
    ABILENE_USD_PER_MW,
    'Stargate Abilene: ~$15B campus financing / 1,200 MW = $12.5M/MW (CB1-CB4; chips bought separately, CB3). Abilene is direct-to-chip liquid cooled.',
  ),
  'liquid-evaporative': estimated(
    ABILENE_USD_PER_MW,
    'Same basis as liquid-dry-cooler ($15B / 1,200 MW, Stargate Abilene, CB1-CB4); no published split between dry and evaporative heat rejection.',
  ),
  'air-economiser': estimated(
    ABILENE_USD_PER_MW - LIQUID_BOM_USD_PER_MW,
    'Abilene $12.5M/MW less the liquid-cooling bill of materials, ~$50K per GB300 NVL72 rack of ~132 kW (SY7) = $0.38M/MW.',
  ),
};

/**
 * Jobs per $1B of capex, calibrated on the seed announcement: the $50B Texas + New York build-out
 * (Anthropic + Fluidstack, Nov 2025) with 800 permanent and 2,400 construction jobs (AN1-AN3).
 */
export const PERMANENT_JOBS_PER_BILLION_USD = estimated(
  800 / 50,
  '800 permanent jobs / $50B (Anthropic + Fluidstack, Texas + New York, Nov 2025; AN1-AN3)',
);
export const CONSTRUCTION_JOBS_PER_BILLION_USD = estimated(
  2400 / 50,
  '2,400 construction jobs / $50B (Anthropic + Fluidstack, Texas + New York, Nov 2025; AN1-AN3)',
);
