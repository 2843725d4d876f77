/**
 * Cooling systems: the parameters of the cooling model (equations in src/engine/cooling-model.ts,
 * derivation and calibration in docs/cooling.md). Every parameter carries its source or the basis of the
 * estimate. Fractions are W per W of the named heat or IT power; temperatures °C; differences K.
 *
 * Calibration (scripts/calibrate-cooling.ts): reference climate Washington Dulles / Sterling VA TMY3 (Northern
 * Virginia, the largest US data-center market), constant IT load fraction 0.8. Targets: industry-average
 * PUE 1.56 (Uptime 2024) for `air-economiser`; hyperscale fleet PUE 1.10 (Google 2023) for
 * `liquid-dry-cooler` and 1.09 (Google 2024) with WUE 0.30 L/kWh (Microsoft fleet) for
 * `liquid-evaporative`. The parameters marked "calibrated" were solved for; the others are engineering
 * estimates fixed before the calibration.
 */
import { type Sourced, unpublished } from './provenance.js';

/** A catalog number that is known (never null): a citation or a stated estimate. */
export type Parameter = Extract<Sourced<number>, { value: number }>;

const est = (value: number, estimate: string, source?: string): Parameter =>
  source === undefined ? { value, estimate } : { value, estimate, source };
const cite = (value: number, source: string): Parameter => ({ value, source });

/** A coolant loop between the IT equipment and the plant (air through CRAH/CRAC coils, or liquid through CDUs). */
export interface CoolingLoop {
  /** Temperature the plant must deliver to the loop (supply air for an outside-air economiser, else water), °C. */
  readonly supplyC: Parameter;
  /** Return minus supply temperature at design flow, K (sets how far a warmer sink can still pre-cool). */
  readonly riseK: Parameter;
  /** Chiller saturated evaporating temperature when mechanical cooling serves this loop, °C. */
  readonly chillerEvaporatingC: Parameter;
  /** Loop fans (CRAH/CRAC) or pumps (CDU, facility water), W per W of heat entering the loop. */
  readonly fansPumpsFraction: Parameter;
}

/** How the air loop is free-cooled. */
export type AirEconomiser =
  | {
      /** Outside air drawn into the hall (air-side economiser); its heat leaves with the exhaust, no water. */
      readonly kind: 'outside-air';
      /** Supply air is this much warmer than outside air (fan heat, mixing), K. */
      readonly approachK: Parameter;
      /** Above this outdoor dry bulb the economiser dampers close (high-limit shut-off), °C. */
      readonly highLimitDryBulbC: Parameter;
    }
  | {
      /** Water-side economiser through the heat-rejection plant. */
      readonly kind: 'water-side';
    };

interface PlantCommon {
  /** Heat-rejection fans and pumps (tower/dry-cooler fans, condenser-water and facility-water pumps), W per W rejected. */
  readonly fansPumpsFraction: Parameter;
}
interface WetPlant {
  /** Tower leaving water above outdoor wet bulb, K. */
  readonly towerApproachK: Parameter;
  /** Share of the tower's heat rejected as latent heat (evaporation), the rest sensibly. */
  readonly evaporativeShare: Parameter;
  /** Cycles of concentration C of the recirculating water; blow-down = evaporation / (C − 1). */
  readonly cyclesOfConcentration: Parameter;
}
interface DryPlant {
  /** Dry-cooler leaving fluid above outdoor dry bulb, K. */
  readonly dryCoolerApproachK: Parameter;
}

/**
 * Where the heat finally goes: cooling towers (wet bulb, evaporative), dry coolers (dry bulb, no water), or a
 * hybrid that runs dry in cool weather and wet (tower-like) above a switch-over dry bulb.
 */
export type HeatRejectionPlant =
  | ({ readonly kind: 'cooling-tower' } & PlantCommon & WetPlant)
  | ({ readonly kind: 'dry-cooler' } & PlantCommon & DryPlant)
  | ({
      readonly kind: 'hybrid';
      /** Outdoor dry bulb at the middle of the dry-to-wet transition, °C. */
      readonly switchDryBulbC: Parameter;
      /** Width of the transition: the wet share ramps 0 → 1 over switchDryBulbC ± switchBandK/2, K. */
      readonly switchBandK: Parameter;
    } & PlantCommon &
      WetPlant &
      DryPlant);

/** Vapour-compression chillers (mechanical cooling) of the plant. */
export interface Chillers {
  /** COP as a fraction of the Carnot COP T_ev/(T_cd − T_ev). */
  readonly carnotFraction: Parameter;
  /** Condensing temperature above the plant sink temperature, K. */
  readonly condenserAboveSinkK: Parameter;
  /** Minimum lift used in the COP (compressor minimum head), K. */
  readonly minLiftK: Parameter;
}

/** What the parameters were calibrated against (checked by test/cooling.test.ts). */
export interface CoolingCalibration {
  /** Weather station id (src/catalog/weather-stations.ts). */
  readonly stationId: string;
  /** Constant IT load fraction of the calibration year. */
  readonly loadFraction: number;
  /** Annual energy-weighted PUE target. */
  readonly pue: Parameter;
  /** Annual site WUE target, L/kWh of IT energy (value null: no published target, not calibrated). */
  readonly waterLPerKWh: Sourced<number>;
  /** Parameter paths solved for by scripts/calibrate-cooling.ts. */
  readonly tuned: readonly string[];
}

export interface CoolingSystem {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** UPS, transformer and distribution losses proportional to IT load, W per W of IT. */
  readonly electricalLossFraction: Parameter;
  /** No-load electrical losses, W per W of IT capacity (constant, so ∝ 1/L per W of IT). */
  readonly electricalNoLoadFraction: Parameter;
  /** Capacity-scaled fixed loads (lighting, offices, controls, pump minimums), W per W of IT capacity. */
  readonly fixedOverheadFraction: Parameter;
  /** Share of IT heat captured by direct-to-chip liquid (0 for air-cooled halls). */
  readonly liquidCaptureFraction: Parameter;
  /** The direct-to-chip loop (absent for air-cooled halls). */
  readonly liquidLoop?: CoolingLoop;
  /** The air loop: CRAH/CRAC for all heat not captured by liquid, plus electrical losses. */
  readonly airLoop: CoolingLoop;
  readonly airEconomiser: AirEconomiser;
  readonly plant: HeatRejectionPlant;
  readonly chiller: Chillers;
  /** Load fraction used for an empty or near-empty hall (L ≤ this), so PUE stays finite. */
  readonly minLoadFraction: Parameter;
  readonly calibration: CoolingCalibration;
}

// ---------------------------------------------------------------------------------------------------------
// Shared sources and estimates

const UPTIME_2024 =
  'Uptime Institute Global Data Center Survey 2024: industry-average annual PUE 1.56 (reference-figures.md §2.3, UP2; 2023: 1.58, UP1)';
const GOOGLE_2023 =
  'Google 2024 Environmental Report: fleet PUE 1.10 in 2023 (reference-figures.md §2.3, GO1)';
const GOOGLE_2024 =
  'Google 2025 Environmental Report: fleet PUE 1.09 in 2024 (reference-figures.md §2.3, GO2)';
const MICROSOFT_WUE =
  'Microsoft fleet WUE 0.30 L/kWh (FY to mid-2024; 0.49 in 2021, 0.27 in 2025) (reference-figures.md §2.3, MS1/MS2)';
const MIN_LOAD = est(
  0.05,
  'modelling guard, not a physical figure: below 5 % of capacity the hall is treated as at 5 % so capacity-scaled terms (F/L, e0/L) stay finite',
);
const CALIBRATED = (what: string) =>
  `calibrated by scripts/calibrate-cooling.ts: solved so that ${what} at Sterling VA TMY3, IT load fraction 0.8 (docs/cooling.md)`;

/**
 * Direct-to-chip capture share. Basis: a GB200 NVL72 rack draws ~120 kW (reference-figures.md §3.2) of which
 * the 72 GPUs alone are 72 × 1.2 kW = 86.4 kW (§3.1), i.e. 0.72; the 36 Grace CPUs and the NVLink switch ASICs
 * are also on cold plates, while NICs, DIMMs, drives, power-shelf conversion losses, and the network and
 * storage racks of the hall stay air-cooled. Estimate 0.80 (range 0.72–0.9).
 */
const LIQUID_CAPTURE = est(
  0.8,
  'GB200 NVL72: GPUs alone 72 × 1.2 kW = 86.4 kW of ~120 kW per rack (reference-figures.md §3.1, §3.2) = 0.72; Grace CPUs and NVLink switches are also cold-plated, NICs/DIMMs/drives/PSU losses and network/storage racks stay on air: 0.80 (range 0.72–0.9)',
);

/** Direct-to-chip facility-water loop shared by the two liquid systems. */
const LIQUID_LOOP: CoolingLoop = {
  supplyC: est(
    32,
    'assumed facility-water supply at the limit of ASHRAE TC 9.9 liquid-cooling class W32 (supply ≤ 32 °C); warmer classes (W40/W45) would add free-cooling hours',
  ),
  riseK: est(10, 'facility-water temperature rise across the CDUs at design flow; typical 8–12 K'),
  chillerEvaporatingC: est(
    27,
    'trim chiller evaporating 5 K below the 32 °C supply (evaporator approach plus refrigerant side)',
  ),
  fansPumpsFraction: est(
    0.015,
    'CDU secondary pumps plus facility-water pumps, ~1–2 % of the heat moved (pumping head ~30 m at ΔT 10 K with 70 % pump efficiency ≈ 1 %, plus CDU pumps)',
  ),
};

/** Air loop of the liquid systems: CRAH/fan walls on elevated-temperature chilled water for the residual heat. */
const LIQUID_SITE_AIR_LOOP: CoolingLoop = {
  supplyC: est(
    20,
    'elevated chilled-water supply to CRAH coils for ~27 °C supply air (ASHRAE TC 9.9 recommended inlet range 18–27 °C)',
  ),
  riseK: est(10, 'chilled-water temperature rise across CRAH coils; typical 6–12 K'),
  chillerEvaporatingC: est(17, 'evaporating 3 K below the 20 °C chilled-water supply'),
  fansPumpsFraction: est(
    0.05,
    'CRAH / fan-wall fans with EC motors: 1 W of heat at a 12 K air rise needs 6.9e-5 m³/s of air; at a specific fan power of ~0.7 kW per m³/s (EC-fan CRAHs ~0.5–1) that is 0.05 W per W',
  ),
};

const TOWER_APPROACH = est(4, 'cooling-tower design approach to wet bulb, typically 3–5 K (5–9 °F)');
const TOWER_EVAPORATIVE_SHARE = est(
  0.9,
  "Perry's rule for tower evaporation, E ≈ 0.00085 × 1.8 × circulation (m³/h) × range (K), equals 1.32 L/kWh of heat = 0.90 of the 1.47 L/kWh if all heat were latent",
);
const DRY_COOLER_APPROACH = est(
  6,
  'dry-cooler (fin-fan) leaving fluid 5–8 K above outdoor dry bulb at design',
);
const MIN_LIFT = est(10, 'compressor minimum lift (minimum head) of ~10 K for stable operation');
const ELECTRICAL_HYPERSCALE = est(
  0.02,
  'hyperscale power chain: high-efficiency or line-interactive UPS / rack batteries (~1–1.5 %) plus medium-voltage transformers and busway (~1–1.5 %)',
);
const ELECTRICAL_NO_LOAD_HYPERSCALE = est(
  0.005,
  'transformer core and UPS idle losses, ~0.5 % of rated capacity',
);
const HYPERSCALE_PLANT_FANS_PUMPS = est(
  0.02,
  'dry/hybrid-cooler EC fans (~1.5 % of heat rejected with large coils) plus variable-speed plant pumps (~0.5 %)',
);
const WATER_COOLED_CONDENSER = est(
  7,
  'tower range ~5.5 K (10 °F, AHRI 3 gpm/ton) plus ~1.5 K condenser approach above leaving condenser water',
);

// ---------------------------------------------------------------------------------------------------------

const AIR_ECONOMISER: CoolingSystem = {
  id: 'air-economiser',
  name: 'Air-cooled halls, air-side economiser, water-cooled chillers with cooling towers',
  description:
    'The industry-average facility: CRAH/CRAC air cooling of all IT heat, outside-air economiser below a high-limit dry bulb, water-cooled chillers on evaporative cooling towers for the remaining hours. Calibrated to the Uptime 2024 industry-average PUE 1.56.',
  electricalLossFraction: est(
    0.06,
    'legacy double-conversion UPS ~95 % efficient at the 30–50 % loading of 2N systems (~4.5 % of IT), plus transformers and PDUs (~1.5 %)',
  ),
  electricalNoLoadFraction: est(0.02, 'transformer core and UPS idle losses, ~2 % of rated capacity'),
  fixedOverheadFraction: est(
    0.03,
    'lighting (~1 % of IT capacity at ~10 W/m² over ~1 kW/m² of white space), offices, security and controls (~1 %), humidifiers and constant-speed pump minimums (~1 %)',
  ),
  liquidCaptureFraction: est(0, 'air-cooled halls: no direct-to-chip liquid'),
  airLoop: {
    supplyC: est(
      20,
      'assumed supply air 20 °C, inside the ASHRAE TC 9.9 recommended inlet range 18–27 °C, toward the cool end typical of legacy halls',
    ),
    riseK: est(10, 'air temperature rise from supply to return, diluted by bypass air; typical 8–12 K'),
    chillerEvaporatingC: est(
      5,
      'chilled water 6.7 °C (44 °F, the AHRI 550/590 standard rating point) with evaporating ~2 K below',
    ),
    fansPumpsFraction: est(
      0.286,
      `${CALIBRATED('the annual PUE is 1.56 (Uptime 2024 industry average)')}. Read it as the air-side overhead of the average hall, not fan power alone: at a 10 K rise it implies ~3.4 kW per m³/s, above the ~1.5–2.5 of legacy CRAC units, absorbing bypass airflow, redundant units running, humidity control and reheat, which the model does not represent separately`,
      UPTIME_2024,
    ),
  },
  airEconomiser: {
    kind: 'outside-air',
    approachK: est(1, 'supply fan heat and mixing raise supply air ~1 K above outside air'),
    highLimitDryBulbC: est(
      18.3,
      'high-limit shut-off 65 °F (18.3 °C): the ASHRAE 90.1 fixed dry-bulb limit for humid climate zones 1A–4A, which includes the reference climate Sterling VA (4A); dry zones allow 75 °F, so the economiser is conservative in dry climates',
    ),
  },
  plant: {
    kind: 'cooling-tower',
    towerApproachK: TOWER_APPROACH,
    evaporativeShare: TOWER_EVAPORATIVE_SHARE,
    cyclesOfConcentration: est(
      4,
      'typical 3–6 cycles for tower water depending on make-up water quality; blow-down factor C/(C−1) = 1.33',
    ),
    fansPumpsFraction: est(
      0.05,
      'tower fans (~0.01) plus constant-speed condenser-water and chilled-water pumps (~0.04) per W of heat rejected',
    ),
  },
  chiller: {
    carnotFraction: est(
      0.45,
      'installed-base water-cooled chillers: a new 0.55 kW/ton centrifugal (COP 6.4) at AHRI 550/590 conditions (lift ≈ 31 K, Carnot 9.0) reaches 0.71 of Carnot; part load, older and air-cooled units bring the installed average to ~0.45',
    ),
    condenserAboveSinkK: WATER_COOLED_CONDENSER,
    minLiftK: MIN_LIFT,
  },
  minLoadFraction: MIN_LOAD,
  calibration: {
    stationId: 'sterling-va',
    loadFraction: 0.8,
    pue: cite(1.56, UPTIME_2024),
    waterLPerKWh: unpublished(
      'no WUE target: reference-figures.md §2.3 has no industry-average WUE matching the Uptime PUE sample; the model result is reported, not calibrated',
    ),
    tuned: ['airLoop.fansPumpsFraction'],
  },
};

const LIQUID_DRY_COOLER: CoolingSystem = {
  id: 'liquid-dry-cooler',
  name: 'Direct-to-chip liquid, closed loop with dry coolers and trim chillers',
  description:
    'Hyperscale AI design with direct-to-chip cold plates on a closed facility-water loop rejected by dry coolers; air-cooled trim chillers cover hot hours; the residual air-side heat goes to CRAHs on the same dry plant. Near-zero site water. Calibrated to the hyperscale fleet PUE 1.10 (Google 2023).',
  electricalLossFraction: ELECTRICAL_HYPERSCALE,
  electricalNoLoadFraction: ELECTRICAL_NO_LOAD_HYPERSCALE,
  fixedOverheadFraction: est(0.0115, CALIBRATED('the annual PUE is 1.10 (Google fleet 2023)'), GOOGLE_2023),
  liquidCaptureFraction: LIQUID_CAPTURE,
  liquidLoop: LIQUID_LOOP,
  airLoop: LIQUID_SITE_AIR_LOOP,
  airEconomiser: { kind: 'water-side' },
  plant: {
    kind: 'dry-cooler',
    dryCoolerApproachK: DRY_COOLER_APPROACH,
    fansPumpsFraction: HYPERSCALE_PLANT_FANS_PUMPS,
  },
  chiller: {
    carnotFraction: est(
      0.45,
      'air-cooled screw/scroll trim chillers: COP ~3 at 35 °C ambient and 7 °C water (lift ≈ 45 K, Carnot 6.2) ≈ 0.5 of Carnot; 0.45 allows for condenser-fan power',
    ),
    condenserAboveSinkK: est(7, 'refrigerant condensing ~7 K above the dry-cooler sink (condenser approach)'),
    minLiftK: MIN_LIFT,
  },
  minLoadFraction: MIN_LOAD,
  calibration: {
    stationId: 'sterling-va',
    loadFraction: 0.8,
    pue: cite(1.1, GOOGLE_2023),
    waterLPerKWh: est(
      0,
      'closed loop with dry coolers: no evaporation (Microsoft zero-water design, reference-figures.md §2.3 MS1)',
    ),
    tuned: ['fixedOverheadFraction'],
  },
};

const LIQUID_EVAPORATIVE: CoolingSystem = {
  id: 'liquid-evaporative',
  name: 'Direct-to-chip liquid with evaporative assist above a dry-bulb switch-over',
  description:
    'Hyperscale AI design with direct-to-chip cold plates; the plant runs as dry coolers in cool weather and as evaporative cooling towers above a switch-over dry bulb; water-cooled trim chillers for the hottest hours. Calibrated to the hyperscale fleet PUE 1.09 (Google 2024) and WUE 0.30 L/kWh (Microsoft fleet).',
  electricalLossFraction: ELECTRICAL_HYPERSCALE,
  electricalNoLoadFraction: ELECTRICAL_NO_LOAD_HYPERSCALE,
  fixedOverheadFraction: est(0.0112, CALIBRATED('the annual PUE is 1.09 (Google fleet 2024)'), GOOGLE_2024),
  liquidCaptureFraction: LIQUID_CAPTURE,
  liquidLoop: LIQUID_LOOP,
  airLoop: LIQUID_SITE_AIR_LOOP,
  airEconomiser: { kind: 'water-side' },
  plant: {
    kind: 'hybrid',
    switchDryBulbC: est(23.4, CALIBRATED('the annual WUE is 0.30 L/kWh (Microsoft fleet)'), MICROSOFT_WUE),
    switchBandK: est(
      4,
      'sprays / adiabatic pads are staged section by section, so evaporation ramps in over a few kelvin of dry bulb rather than switching at once',
    ),
    dryCoolerApproachK: DRY_COOLER_APPROACH,
    towerApproachK: TOWER_APPROACH,
    evaporativeShare: TOWER_EVAPORATIVE_SHARE,
    cyclesOfConcentration: est(
      5,
      'hyperscale water treatment allows ~5 cycles (typical 3–6); blow-down factor 1.25',
    ),
    fansPumpsFraction: HYPERSCALE_PLANT_FANS_PUMPS,
  },
  chiller: {
    carnotFraction: est(
      0.6,
      'new water-cooled trim chillers: 0.55 kW/ton (COP 6.4) at AHRI 550/590 conditions is 0.71 of Carnot; 0.6 allows for part-load operation',
    ),
    condenserAboveSinkK: WATER_COOLED_CONDENSER,
    minLiftK: MIN_LIFT,
  },
  minLoadFraction: MIN_LOAD,
  calibration: {
    stationId: 'sterling-va',
    loadFraction: 0.8,
    pue: cite(1.09, GOOGLE_2024),
    waterLPerKWh: cite(0.3, MICROSOFT_WUE),
    tuned: ['fixedOverheadFraction', 'plant.switchDryBulbC'],
  },
};

export const COOLING_SYSTEMS: readonly CoolingSystem[] = [
  AIR_ECONOMISER,
  LIQUID_DRY_COOLER,
  LIQUID_EVAPORATIVE,
];

/** The cooling system with this id, or undefined. */
export function getCoolingSystem(id: string): CoolingSystem | undefined {
  return COOLING_SYSTEMS.find((s) => s.id === id);
}
