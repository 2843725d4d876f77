/**
 * Scenario fields of the financial model (under `economics`): revenue, spend timing, opex items, tax
 * and terminal value. Kept apart from scenario.ts so that the base schema stays short; every default
 * is sourced or labelled in src/catalog/finance-defaults.ts and docs/economics.md.
 */
import { z } from 'zod';

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
    .number()
    .min(0)
    .default(0)
    .describe(
      'Demand / transmission charges per kW of peak facility demand per year, $ (ERCOT 4CP: ~$50-150/kW-yr, CP1-CP3). Default 0: not included.',
    ),
  staffUSDPerJobYear: z
    .number()
    .min(0)
    .default(0)
    .describe('Cost of one permanent job for a year, $ (default 0: not included; no published figure).'),
  insuranceFractionPerYear: z
    .number()
    .min(0)
    .max(1)
    .default(0)
    .describe('Insurance and property tax per year as a share of capex spent so far (default 0).'),
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
