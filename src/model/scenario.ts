/**
 * The scenario format: the single source of truth for the shape of a gigawatt input.
 *
 * The TypeScript types (`Scenario`, `Site`, `Phase`, ...) and the JSON Schema that editors use for
 * autocompletion (`gigawatt schema`) are both derived from these zod schemas. Units are in field names
 * (`interconnectMW`, `priceUSDPerMWh`, `rampDays`); dates are ISO `YYYY-MM-DD` and mean 00:00 UTC.
 *
 * Cross-field rules that need the catalogs (an accelerator with no published board power, a region
 * with no bundled price series, overlapping phases) live in `validateScenario` (./validate.ts), so that
 * this file stays a plain description of the shape.
 */
import { z } from 'zod';
import { ACCELERATOR_IDS } from '../catalog/accelerators.js';
import { COOLING_SYSTEMS } from '../catalog/cooling.js';
import { PRICE_SERIES, REGION_IDS } from '../catalog/regions.js';
import { WEATHER_STATIONS } from '../catalog/weather-stations.js';
import { economicsExtensionShape } from './economics-options.js';
import { flexibilitySchema } from './flexibility-schema.js';
import { SCHEMA_VERSION } from './schema-version.js';
import { supplySchema } from './supply-schema.js';
import { uncertaintySchema } from './uncertainty.js';
import { workloadsSchema } from './workload-schema.js';

const ids = (list: readonly string[]) => list as unknown as [string, ...string[]];

export const acceleratorId = z
  .enum(ids(ACCELERATOR_IDS))
  .describe('Accelerator type from the catalog (`gigawatt list accelerators`).');
export const coolingId = z
  .enum(ids(COOLING_SYSTEMS.map((c) => c.id)))
  .describe('Cooling system from the catalog (`gigawatt list cooling`).');
export const regionId = z
  .enum(ids(REGION_IDS))
  .describe('Grid region (balancing authority) from the catalog (`gigawatt list regions`).');
export const weatherId = z
  .enum(ids(WEATHER_STATIONS.map((w) => w.id)))
  .describe('Typical-year weather station from the catalog (`gigawatt list weather`).');
export const priceSeriesId = z
  .enum(ids(PRICE_SERIES.map((p) => p.id)))
  .describe('Hourly wholesale price series bundled in data/grid/prices (`gigawatt list prices`).');

const isoDate = z.iso.date().describe('ISO date YYYY-MM-DD (00:00 UTC).');
const fraction = z.number().min(0).max(1);

export const phaseSchema = z
  .strictObject({
    id: z.string().min(1).optional().describe('Name of the phase (default: phase-N).'),
    online: isoDate.describe('Date the first accelerators of this phase come online (00:00 UTC).'),
    rampDays: z
      .number()
      .min(0)
      .default(0)
      .describe('Days from `online` until the whole phase is installed; accelerators come online linearly.'),
    accelerator: acceleratorId,
    count: z.number().int().positive().optional().describe('Number of accelerators in the phase.'),
    itMW: z
      .number()
      .positive()
      .optional()
      .describe(
        'Alternative to `count`: IT capacity of the phase in MW; the count is derived from the power of one accelerator with its host share at full load.',
      ),
    powerCapW: z
      .number()
      .positive()
      .optional()
      .describe(
        'Power cap per accelerator in W (default: its board power). Lower caps lower power and throughput.',
      ),
  })
  .describe('A construction phase: a batch of accelerators of one type coming online on a date.');

export const utilisationSchema = z
  .strictObject({
    busyFraction: fraction
      .default(0.85)
      .describe(
        'Share of installed accelerator-hours allocated to running jobs, 0..1 (the rest idle). Default 0.85 is an assumption: Llama 3 reported >90 % effective training time on 16,384 H100s; campuses also idle between jobs.',
      ),
    dutyCycle: fraction
      .default(1)
      .describe(
        'Duty cycle of an accelerator while its job runs: the share of time it computes (the measured H200 power curve is a function of it). Default 1: dense training and batched inference keep the chip at its power cap (the H200 drew 691-695 W in both).',
      ),
    hourlyShape: z
      .array(z.number().min(0))
      .length(24)
      .optional()
      .describe(
        'Relative busy level by local hour 0..23 (normalised to mean 1, then multiplied by busyFraction and clipped to 1). Omit for a flat profile.',
      ),
  })
  .describe('How busy the accelerators are.');

export const electricityPriceSchema = z
  .union([
    z.strictObject({ series: priceSeriesId }),
    z.strictObject({
      flatUSDPerMWh: z.number().min(0).describe('A flat all-in energy price, $/MWh.'),
    }),
  ])
  .describe(
    "Energy price: a bundled hourly wholesale series (`{series: ERCOT-HB_WEST}`) or a flat price (`{flatUSDPerMWh: 60}`). Default: the region's default series when one is bundled.",
  );

export const siteSchema = z
  .strictObject({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes')
      .describe('Short id of the site, used in outputs and file names.'),
    name: z.string().optional(),
    location: z
      .strictObject({
        latitude: z.number().min(-90).max(90),
        longitude: z.number().min(-180).max(180),
        state: z.string().length(2).describe('US state code, e.g. TX.'),
      })
      .describe('Where the campus is.'),
    weather: weatherId,
    region: regionId,
    interconnectMW: z
      .number()
      .positive()
      .describe(
        'Grid interconnect limit of the site in MW. Facility power never exceeds it; IT load that does not fit is reported as unserved.',
      ),
    cooling: coolingId,
    electricityPrice: electricityPriceSchema.optional(),
    utilisation: utilisationSchema.prefault({}),
    phases: z.array(phaseSchema).min(1).describe('Construction phases, in order of their online dates.'),
    supply: supplySchema.optional(),
    flexibility: flexibilitySchema.optional(),
    carbon: z
      .strictObject({
        annualGPerKWh: z
          .number()
          .positive()
          .max(2000)
          .describe(
            'Annual-average intensity of the utility or subregion that serves the site, gCO2(eq)/kWh.',
          ),
        basis: z
          .enum(['lifecycle', 'direct'])
          .describe(
            "'direct' for combustion-only rates (eGRID output emission rates are direct), 'lifecycle' for life-cycle rates.",
          ),
        source: z.string().min(1).describe('Where the figure comes from, e.g. "eGRID2022 NYUP".'),
      })
      .optional()
      .describe(
        "Stated annual-average grid intensity of the site's utility or subregion: annual CO2 uses it, the region's hourly fuel mix keeps the timing (docs/grid-data.md). Default: the region's production-based fuel-mix intensity.",
      ),
  })
  .describe('One campus: location, weather, grid region, interconnect, cooling and construction phases.');

export const acceleratorOverrideSchema = z
  .strictObject({
    boardPowerW: z.number().positive().optional(),
    hostNetworkWPerAccelerator: z.number().min(0).optional(),
    bf16DenseTFLOPS: z.number().positive().optional(),
    fp8DenseTFLOPS: z.number().positive().optional(),
    priceUSD: z.number().min(0).optional(),
  })
  .describe('Replace catalog values for one accelerator (needed where the catalog has no published figure).');

export const computeSchema = z
  .strictObject({
    precision: z.enum(['bf16', 'fp8']).default('bf16').describe('Precision of the delivered FLOP.'),
    mfu: fraction
      .default(0.4)
      .describe(
        'Model FLOP utilisation while busy: delivered FLOP / (peak dense FLOP/s x busy seconds). Default 0.40: Llama 3 405B reported 38-43 % BF16 MFU on H100 (Dubey et al. 2024, Table 4).',
      ),
  })
  .describe('How busy accelerator time turns into delivered FLOP.');

export const economicsSchema = z
  .strictObject({
    facilityCapexUSDPerMW: z
      .number()
      .min(0)
      .optional()
      .describe(
        "Facility (land, buildings, electrical and cooling plant) capex per MW of IT capacity. Default: the cooling system's catalog figure.",
      ),
    acceleratorPriceUSD: z
      .partialRecord(acceleratorId, z.number().min(0))
      .optional()
      .describe('Price per accelerator by type, $ (default: catalog estimate).'),
    networkCapexUSDPerAccelerator: z
      .number()
      .min(0)
      .default(0)
      .describe(
        'Network (scale-out fabric, optics) capex per accelerator, $. Default 0: not published separately.',
      ),
    discountRate: z
      .number()
      .min(0)
      .max(1)
      .default(0.08)
      .describe(
        'Discount rate for NPV, 0..1 a year, applied to nominal cash flows (prices are the nominal dollars of the replayed years).',
      ),
    acceleratorLifetimeYears: z.number().positive().default(5),
    facilityLifetimeYears: z.number().positive().default(25),
    ...economicsExtensionShape,
  })
  .describe('Costs. Every default is shown by `gigawatt run --explain`.');

export const workforceSchema = z
  .strictObject({
    permanentJobsPerBillionUSD: z
      .number()
      .min(0)
      .optional()
      .describe(
        'Permanent jobs per $1B of capex (default: calibrated on the $50B Texas + New York plan, 800 jobs).',
      ),
    constructionJobsPerBillionUSD: z
      .number()
      .min(0)
      .optional()
      .describe('Construction jobs per $1B of capex (default: calibrated on the same plan, 2,400 jobs).'),
    permanentJobs: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe('Override: total permanent jobs of the scenario.'),
    constructionJobs: z.number().int().min(0).optional().describe('Override: total construction jobs.'),
  })
  .describe('Jobs. Defaults come from published announcements (see docs/economics.md).');

const SCHEMA_VERSION_ERROR = `must be an integer from 1 to ${SCHEMA_VERSION}: this gigawatt reads format ${SCHEMA_VERSION} and migrates older ones`;

export const scenarioSchema = z
  .strictObject({
    $schema: z.string().optional(),
    schemaVersion: z
      .number({ error: SCHEMA_VERSION_ERROR })
      .int({ error: SCHEMA_VERSION_ERROR })
      .min(1, { error: SCHEMA_VERSION_ERROR })
      .max(SCHEMA_VERSION, { error: SCHEMA_VERSION_ERROR })
      .default(SCHEMA_VERSION)
      .describe(
        `Version of the scenario format (default: the current one, ${SCHEMA_VERSION}). Older versions are migrated when read (src/model/schema-version.ts).`,
      ),
    name: z.string().min(1).describe('Short name of the scenario.'),
    title: z.string().optional(),
    description: z.string().optional(),
    start: isoDate.describe('First day simulated (00:00 UTC).'),
    end: isoDate.describe('Last day simulated (inclusive, until 24:00 UTC).'),
    replay: z
      .union([z.enum(['latest', 'cycle']), z.number().int().min(2000).max(2100)])
      .default('latest')
      .describe(
        "How simulated years replay the historical grid data: 'latest' complete year for every simulated year, 'cycle' through the complete years, or one fixed year.",
      ),
    sites: z.array(siteSchema).min(1),
    acceleratorOverrides: z.partialRecord(acceleratorId, acceleratorOverrideSchema).optional(),
    compute: computeSchema.prefault({}),
    economics: economicsSchema.prefault({}),
    workforce: workforceSchema.prefault({}),
    uncertainty: uncertaintySchema.optional(),
    workloads: workloadsSchema.optional(),
  })
  .describe('A gigawatt scenario: one campus or a fleet of campuses simulated hour by hour.');

/** A scenario as written (defaults not yet applied). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
/** A scenario with every default applied. */
export type Scenario = z.output<typeof scenarioSchema>;
export type Site = Scenario['sites'][number];
export type Phase = Site['phases'][number];

/** The JSON Schema of the scenario format, for editors (`gigawatt schema`). */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  const { $schema, ...rest } = schema;
  return {
    $schema,
    $id: `urn:gigawatt:scenario:${SCHEMA_VERSION}`,
    title: `gigawatt scenario, format ${SCHEMA_VERSION}`,
    ...rest,
  };
}
