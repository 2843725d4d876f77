/**
 * Scenario fields of the financial model (under `economics`): revenue, spend timing, opex items, tax
 * and terminal value. Kept apart from scenario.ts so that the base schema stays short; every default
 * is sourced or labelled in src/catalog/finance-defaults.ts and docs/economics.md.
 */
import { z } from 'zod';
import {
  INSURANCE_FRACTION_PER_YEAR,
  OPERATIONS_USD_PER_MW_YEAR,
  PROPERTY_TAX_FRACTION_PER_YEAR,
  STAFF_USD_PER_JOB_YEAR,
} from '../catalog/finance-defaults.js';

export const revenueSchema = z
  .strictObject({
    usdPerAcceleratorHour: z
      .number()
      .min(0)
      .optional()
      .describe(
        'Price of one busy, served accelerator-hour, $. Default: H100 cloud price ($1.90/h) scaled by dense peak (price parity per FLOP).',
      ),
    usdPerMillionTokens: z
      .number()
      .min(0)
      .optional()
      .describe('Alternative: price per million tokens, $, on the tokens that the delivered FLOP yields.'),
    modelParameters: z
      .number()
      .positive()
      .optional()
      .describe(
        'Parameters of the model served (tokens = delivered FLOP / (2 x parameters)). Default 405e9 (Llama 3 405B, an assumption).',
      ),
  })
  .refine((r) => r.usdPerAcceleratorHour === undefined || r.usdPerMillionTokens === undefined, {
    message: 'give either usdPerAcceleratorHour or usdPerMillionTokens, not both',
  })
  .describe('Revenue on the compute actually delivered.');

export const facilitySplitSchema = z
  .strictObject({
    landAndBuildings: z.number().min(0).max(1),
    electrical: z.number().min(0).max(1),
    cooling: z.number().min(0).max(1),
  })
  .refine((s) => Math.abs(s.landAndBuildings + s.electrical + s.cooling - 1) < 1e-6, {
    message: 'the three shares must add up to 1',
  })
  .describe('Shares of facility capex: land and buildings, electrical plant, cooling plant (sum 1).');

/** Fields merged into `economicsSchema` (src/model/scenario.ts). */
export const economicsExtensionShape = {
  revenue: revenueSchema.prefault({}),
  facilitySplit: facilitySplitSchema.optional(),
  constructionMonths: z
    .number()
    .min(0)
    .max(120)
    .optional()
    .describe(
      'Months over which facility capex is spent before each online date (default 12: Stargate Abilene).',
    ),
  onSiteGenerationCapexUSD: z
    .number()
    .min(0)
    .default(0)
    .describe('Capex of on-site generation, $, spent with the first phase (default 0: none modelled).'),
  batteryCapexUSD: z
    .number()
    .min(0)
    .default(0)
    .describe('Capex of batteries, $, spent with the first phase (default 0: none modelled).'),
  transmissionUSDPerKWYear: z
    .undefined({
      error:
        'the transmission rate is set per site: give sites[i].supply.transmissionUSDPerKWYear (ERCOT 4CP); the cash flows use the hourly charge it gives',
    })
    .optional()
    .describe(
      'Removed: the one transmission parameter is sites[i].supply.transmissionUSDPerKWYear (ERCOT 4CP), whose hourly charge the cash flows include.',
    ),
  operationsUSDPerMWYear: z
    .number()
    .min(0)
    .default(OPERATIONS_USD_PER_MW_YEAR.value)
    .describe(
      'Facility operations and maintenance per MW of installed IT capacity per year, $ (staff excluded). Default $250,000: an assumption, 2 % a year of the $12.5M/MW facility capex.',
    ),
  staffUSDPerJobYear: z
    .number()
    .min(0)
    .default(STAFF_USD_PER_JOB_YEAR.value)
    .describe(
      'Employer cost of one permanent job for a year, $ (jobs from the workforce model). Default $154,471: BLS OEWS May 2022 mean wage of computer occupations $108,130 / 0.70 wage share of compensation (BLS ECEC).',
    ),
  insuranceFractionPerYear: z
    .number()
    .min(0)
    .max(1)
    .default(INSURANCE_FRACTION_PER_YEAR.value)
    .describe('Insurance per year as a share of capex spent so far (default 0.005, an assumption).'),
  propertyTaxFractionPerYear: z
    .number()
    .min(0)
    .max(1)
    .default(PROPERTY_TAX_FRACTION_PER_YEAR.value)
    .describe(
      'Property tax per year as a share of capex spent so far (default 0.0115: US average effective rate, ATTOM 2016; abatements would lower it).',
    ),
  fuelUSDPerYear: z
    .number()
    .min(0)
    .default(0)
    .describe('Fuel for on-site generation per year, $ (default 0: no on-site generation modelled).'),
  taxRate: z
    .number()
    .min(0)
    .max(1)
    .default(0)
    .describe('Income tax rate on profit after depreciation (default 0: pre-tax cash flows).'),
  terminalValue: z
    .enum(['book', 'none'])
    .default('book')
    .describe(
      "Value credited in the last simulated year: 'book' (undepreciated book value, default) or 'none'.",
    ),
};
