/**
 * The supply side of a site (optional `sites[i].supply`): on-site generation, batteries and renewables
 * behind the meter, and the ERCOT 4CP transmission rate. The engine stage is src/engine/supply.ts; the
 * model with its equations is docs/grid-flexibility.md. Units are in the field names.
 */
import { z } from 'zod';

const fraction = z.number().min(0).max(1);

/** EPA, Emission Factors for Greenhouse Gas Inventories (Table 1, natural gas): 53.06 kg CO2 per MMBtu. */
export const NATURAL_GAS_CO2_KG_PER_MMBTU = 53.06;

export const onsiteGeneratorSchema = z
  .strictObject({
    id: z.string().min(1).describe('Name of the generator (or fleet of identical units).'),
    kind: z.enum(['gas-turbine', 'recip-engine']).describe('Gas turbine or reciprocating engine.'),
    capacityMW: z.number().min(0).describe('Net electrical capacity of the whole fleet, MW.'),
    heatRateMMBtuPerMWh: z
      .number()
      .positive()
      .describe('Fuel burned per MWh generated (higher heating value), MMBtu/MWh.'),
    fuelPriceUSDPerMMBtu: z.number().min(0).describe('Delivered fuel price, $/MMBtu.'),
    co2KgPerMMBtu: z
      .number()
      .min(0)
      .default(NATURAL_GAS_CO2_KG_PER_MMBTU)
      .describe('CO2 per MMBtu of fuel burned; default 53.06 kg (EPA GHG emission factors, natural gas).'),
    noxKgPerMWh: z.number().min(0).optional().describe('NOx per MWh generated, kg/MWh (reported only).'),
    dispatch: z
      .enum(['backup', 'economic'])
      .default('backup')
      .describe(
        "'backup': runs only for load the grid and batteries cannot serve (interconnect limit, curtailment); 'economic': also whenever the hourly price exceeds its fuel cost (heat rate x fuel price).",
      ),
  })
  .describe(
    'On-site generation burning natural gas. Output is continuous from 0 to capacity (no unit commitment).',
  );

export const batterySchema = z
  .strictObject({
    id: z.string().min(1),
    powerMW: z.number().min(0).describe('Maximum charge and discharge power, MW.'),
    energyMWh: z.number().min(0).describe('Energy capacity, MWh.'),
    roundTripEfficiency: z
      .number()
      .gt(0)
      .max(1)
      .describe(
        'AC-to-AC round-trip efficiency in (0, 1]; the loss is split evenly (√η) on charge and discharge.',
      ),
    minSoCFraction: fraction.default(0.05).describe('Lowest state of charge, share of energyMWh.'),
    maxSoCFraction: fraction.default(1).describe('Highest state of charge, share of energyMWh.'),
    initialSoCFraction: fraction
      .optional()
      .describe('State of charge at the start (default: maxSoCFraction).'),
    policy: z
      .enum(['backup', 'peak-shave', 'price-arbitrage'])
      .default('backup')
      .describe(
        "'backup': discharges only for load the grid cannot serve and recharges from the grid otherwise; 'peak-shave': holds grid import at or below gridTargetMW; 'price-arbitrage': each local day charges in the cheapest and discharges in the dearest hours.",
      ),
    gridTargetMW: z
      .number()
      .min(0)
      .optional()
      .describe("For policy 'peak-shave': the grid import the battery tries not to exceed, MW."),
  })
  .describe('A battery behind the meter.');

export const renewableSchema = z
  .strictObject({
    kind: z.enum(['solar', 'wind']),
    capacityMW: z.number().min(0).describe('Nameplate capacity, MW.'),
  })
  .describe(
    "Solar or wind behind the meter; hourly output = capacity x the region's EIA-930 (ERCOT: native) generation of that kind divided by its annual maximum.",
  );

export const supplySchema = z
  .strictObject({
    onsite: z.array(onsiteGeneratorSchema).default([]),
    batteries: z.array(batterySchema).default([]),
    renewables: z.array(renewableSchema).default([]),
    transmissionUSDPerKWYear: z
      .number()
      .min(0)
      .optional()
      .describe(
        'ERCOT only: transmission charge per kW of 4CP demand per year, $/kW-yr. Default 100, an assumption inside the ~$50-150+/kW-yr range published for ERCOT TSPs (reference-figures.md §2.6).',
      ),
  })
  .describe('Where the site gets power besides the grid; see docs/grid-flexibility.md.');

export type SupplySpec = z.output<typeof supplySchema>;
export type OnsiteGeneratorSpec = z.output<typeof onsiteGeneratorSchema>;
export type BatterySpec = z.output<typeof batterySchema>;
