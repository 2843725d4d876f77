/**
 * Zod schemas of the API requests. The handlers validate with them and the OpenAPI document
 * (./openapi.ts) is generated from them, so the two cannot drift.
 */
import { z } from 'zod';
import { HOURLY_COLUMNS } from '../engine/site-hourly.js';
import { FORBIDDEN_KEYS, forbiddenSegment } from './security.js';

/** A scenario: a built-in name, a scenario object (JSON) or scenario YAML text. */
export const scenarioRefSchema = z
  .union([
    z.string().min(1).describe('Name of a built-in scenario (GET /api/scenarios).'),
    z
      .record(z.string(), z.unknown())
      .describe('A scenario object in the format of GET /api/schema/scenario (validated like the CLI).'),
  ])
  .describe('A built-in scenario name or a scenario object.');

export const runRequestSchema = z
  .strictObject({
    scenario: scenarioRefSchema.optional(),
    yaml: z
      .string()
      .optional()
      .describe('Scenario YAML text (alternative to `scenario`): issues then carry line and column.'),
  })
  .describe('What to simulate: exactly one of `scenario` or `yaml`.');

export const HOURLY_METRICS = HOURLY_COLUMNS.map(([name]) => name) as unknown as [string, ...string[]];

export const hourlyQuerySchema = z.strictObject({
  scenario: z
    .string()
    .min(1)
    .optional()
    .describe('Built-in scenario name (GET); in a POST body, `scenario` may also be an object.'),
  site: z.string().optional().describe('Site id; required when the scenario has more than one site.'),
  metric: z
    .string()
    .optional()
    .describe(`Comma-separated hourly columns (default all): ${HOURLY_METRICS.join(', ')}.`),
  format: z.enum(['json', 'csv']).default('json'),
  every: z.coerce
    .number()
    .int()
    .min(1)
    .max(8784)
    .default(1)
    .describe('Downsampling: one value per block of N hours.'),
  agg: z
    .enum(['mean', 'sum', 'max', 'min'])
    .default('mean')
    .describe('How a block of N hours is reduced (mean keeps MW as average power).'),
});

export const hourlyPostSchema = hourlyQuerySchema.extend({
  scenario: scenarioRefSchema.optional(),
  yaml: z.string().optional(),
});

/**
 * Most samples (grid points × samples) one server sweep may run by default; GIGAWATT_MAX_SWEEP_SAMPLES
 * sets it (src/model/limits.ts); `gigawatt sweep` on the command line has its own limit.
 */
export const MAX_SERVER_SWEEP_JOBS = 2000;

/** A field-path key (`vary`, `grid`): never a segment that reaches a prototype. */
const fieldPathKey = z
  .string()
  .min(1)
  .refine((path) => forbiddenSegment(path) === undefined, {
    message: `a field path may not contain ${[...FORBIDDEN_KEYS].join(', ')}`,
  });

export const sweepRequestSchema = z
  .strictObject({
    scenario: scenarioRefSchema.optional(),
    yaml: z.string().optional().describe('Scenario YAML text (alternative to `scenario`).'),
    samples: z
      .number()
      .int()
      .min(1)
      .default(200)
      .describe(
        `Samples per grid point; grid points × samples at most the server's limit (default ${MAX_SERVER_SWEEP_JOBS}, GIGAWATT_MAX_SWEEP_SAMPLES).`,
      ),
    seed: z.number().int().min(0).default(1).describe('Random seed: same seed, same results.'),
    method: z.enum(['lhs', 'random']).default('lhs').describe('Latin hypercube or plain random sampling.'),
    vary: z
      .record(fieldPathKey, z.unknown())
      .optional()
      .describe(
        'Uncertain inputs: field path → distribution {dist: uniform|triangular|normal|lognormal|discrete, ...} (as the scenario `uncertainty` map; replaces an entry for the same path).',
      ),
    grid: z
      .record(fieldPathKey, z.array(z.number()).min(1).max(10_000))
      .optional()
      .describe('Grid axes: field path → values; the cartesian product is swept.'),
    output: z.string().default('npvUSD').describe('The output metric the tornado ranks inputs for.'),
  })
  .describe('A sweep: exactly one of `scenario` or `yaml`, plus the sampling settings.');
