/**
 * Curtailment and demand-response policies of a site (optional `sites[i].flexibility`). Each policy turns
 * an exogenous signal (regional demand, price, carbon intensity) into an hourly request to shed a share of
 * IT power; requests combine by their maximum. The action says how the site meets them.
 * Engine: src/engine/flexibility/*.ts; model and sources: docs/grid-flexibility.md.
 */
import { z } from 'zod';

const shed = z.number().min(0).max(1).describe('Share of IT power to shed while the policy is active, 0..1.');

export const gridEmergencyPolicySchema = z
  .strictObject({
    kind: z.literal('grid-emergency'),
    withinPctOfPeak: z
      .number()
      .min(0)
      .max(100)
      .optional()
      .describe(
        "Active when the region's hourly demand is within this % of its highest bundled hourly demand (all years).",
      ),
    topHoursPerYear: z
      .number()
      .int()
      .positive()
      .optional()
      .describe(
        'Alternatively (or also): active in the N hours of highest regional demand of each simulated year.',
      ),
    fraction: shed,
  })
  .describe(
    'Curtail when the regional grid is near its peak (a proxy for an energy emergency, e.g. Texas SB 6).',
  );

export const fourCPPolicySchema = z
  .strictObject({
    kind: z.literal('4cp'),
    method: z
      .enum(['perfect-foresight', 'day-ahead'])
      .default('day-ahead')
      .describe(
        "'perfect-foresight': curtail exactly in each month's actual peak hour (June-September); 'day-ahead': forecast each day as a copy of the day before and curtail around its peak hour when it comes within marginPct of the month's peak so far.",
      ),
    windowHours: z
      .number()
      .int()
      .positive()
      .default(3)
      .describe('day-ahead: hours curtailed around the forecast peak hour.'),
    marginPct: z
      .number()
      .min(0)
      .max(100)
      .default(2)
      .describe("day-ahead: act when the forecast daily peak is within this % of the month's peak so far."),
    fraction: shed,
  })
  .describe('ERCOT four-coincident-peak (4CP) response, June to September.');

export const pricePolicySchema = z
  .strictObject({
    kind: z.literal('price'),
    aboveUSDPerMWh: z.number().describe('Curtail in hours whose price is above this, $/MWh.'),
    fraction: shed,
  })
  .describe('Curtail when the hourly wholesale price is high (needs an hourly price series).');

export const carbonPolicySchema = z
  .strictObject({
    kind: z.literal('carbon'),
    hoursPerDay: z
      .number()
      .int()
      .min(1)
      .max(12)
      .describe(
        'Shift work out of this many highest-intensity hours of each local day into as many lowest ones.',
      ),
    fraction: shed.describe(
      'Deferrable share of IT power: shed in the dirtiest hours, made up in the cleanest ones of the same day (daily energy budget preserved where idle accelerators allow).',
    ),
  })
  .describe('Carbon-aware shifting within each day.');

export const flexibilityPolicySchema = z.discriminatedUnion('kind', [
  gridEmergencyPolicySchema,
  fourCPPolicySchema,
  pricePolicySchema,
  carbonPolicySchema,
]);

export const flexibilitySchema = z
  .strictObject({
    policies: z.array(flexibilityPolicySchema).min(1),
    action: z
      .enum(['power-cap', 'pause', 'onsite'])
      .default('power-cap')
      .describe(
        "'power-cap': lower the accelerators' power cap (throughput falls along the measured power/clock curve); 'pause': checkpoint and idle a share of the running accelerators; 'onsite': keep computing and take the requested share from batteries and on-site generation.",
      ),
    minCapFraction: z
      .number()
      .min(0.2)
      .max(1)
      .default(0.5)
      .describe(
        'power-cap: the lowest cap, as a share of board power (default 0.5, an assumption: the curve was measured at 700 W only and is an extrapolation below; beyond it accelerators are paused).',
      ),
  })
  .describe('How the site responds to grid signals; see docs/grid-flexibility.md.');

export type FlexibilitySpec = z.output<typeof flexibilitySchema>;
export type FlexibilityPolicySpec = FlexibilitySpec['policies'][number];
