/**
 * GET /api/buildout[?size=near-term|announced][&duplicates=drop|keep][&dates=announced|p50|p90]
 * [&curtailment=0.25,0.5,1,5][&years=2019-2024][&trials=2000][&seed=1]: the national picture of the
 * built-in us-buildout fleet, exactly `gigawatt buildout --json` with the same flags
 * (./compute/buildout-body.ts, docs/buildout.md). About 10 s of CPU on the compute pool; the answer for
 * the default options is kept for the life of the server (the dashboard asks for it), a few others
 * in a small least-recently-used cache, and concurrent requests for the same options share one computation.
 *
 * POST /api/buildout with `{scenario | yaml, …the same options}`: the build-out of a user's fleet,
 * exactly `gigawatt buildout FILE --json`. The scenario is validated as POST /api/run validates it
 * (located 400s; the body limit of every route), the report computed on the pool and memoised by the
 * canonical JSON of the scenario and options.
 */
import type { Hono } from 'hono';
import { z } from 'zod';
import type { Scenario } from '../../model/scenario.js';
import { canonicalJson } from '../canonical-json.js';
import { buildoutBody } from '../compute/buildout-body.js';
import type { ComputePool } from '../compute/pool.js';
import { ApiError } from '../errors.js';
import { scenarioFromRequest } from '../scenario-input.js';
import { scenarioRefSchema } from '../schemas.js';
import { parseBody, parseWith } from '../validate-request.js';

/** Most Monte Carlo trials one request may ask for (the CLI allows more; the time limit still applies). */
export const MAX_API_TRIALS = 10_000;

const wholeNumber = (max: number, what: string) =>
  z
    .string()
    .regex(/^\d{1,7}$/, `a whole number from 1 to ${max}`)
    .refine((s) => Number(s) >= 1 && Number(s) <= max, `a whole number from 1 to ${max}`)
    .optional()
    .describe(what);

export const buildoutQuerySchema = z.strictObject({
  size: z
    .enum(['near-term', 'announced'])
    .optional()
    .describe(
      'Campus sizes: first stages of aspirational campuses (near-term, the default) or register maxima.',
    ),
  duplicates: z
    .enum(['drop', 'keep'])
    .optional()
    .describe('Register rows that may be the same facility as another: drop (default) or keep.'),
  dates: z
    .enum(['announced', 'p50', 'p90'])
    .optional()
    .describe("Phase dates for the grid analysis: announced (default) or the supply chain's P50/P90."),
  curtailment: z
    .string()
    .regex(/^\s*\d+(\.\d+)?%?(\s*,\s*\d+(\.\d+)?%?)*\s*$/, 'comma-separated percentages, e.g. 0.25,0.5,1,5')
    .optional()
    .describe('Curtailment limits in percent of the new load’s energy (default 0.25,0.5,1,5).'),
  years: z
    .string()
    .regex(/^\s*\d{4}(\s*[-–]\s*\d{4})?(\s*,\s*\d{4}(\s*[-–]\s*\d{4})?)*\s*$/, 'years, e.g. 2019-2024')
    .optional()
    .describe('Historical UTC years of demand to judge against (default: all complete, 2019–2024).'),
  trials: wholeNumber(MAX_API_TRIALS, 'Monte Carlo trials of the supply-chain lead times (default 2000).'),
  seed: wholeNumber(1_000_000, 'Seed of the Monte Carlo (default 1).'),
});

/** A whole number in a JSON body, as a number or as the query's text. */
const wholeNumberBody = (max: number, what: string) =>
  z
    .union([z.number().int().min(1).max(max), wholeNumber(max, what).unwrap()])
    .optional()
    .describe(what);

/** POST /api/buildout: a scenario (a built-in name, an object or YAML text) and the GET's options. */
export const buildoutRequestSchema = buildoutQuerySchema
  .extend({
    scenario: scenarioRefSchema.optional(),
    yaml: z
      .string()
      .optional()
      .describe('Scenario YAML text (alternative to `scenario`): issues then carry line and column.'),
    trials: wholeNumberBody(
      MAX_API_TRIALS,
      'Monte Carlo trials of the supply-chain lead times (default 2000).',
    ),
    seed: wholeNumberBody(1_000_000, 'Seed of the Monte Carlo (default 1).'),
  })
  .describe(
    'The fleet: exactly one of `scenario` or `yaml`; options as GET /api/buildout (size, duplicates and dates apply to us-buildout only).',
  );

/** Reports kept besides the default one; the least recently used go first. */
const CACHE_ENTRIES = 4;

/** The options as the CLI's flags: given ones only, spaces removed, sorted by name. */
function cliOptions(q: Record<string, string | number | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(q)
      .filter((e): e is [string, string | number] => e[1] !== undefined)
      .map(([k, v]) => [k, String(v).replace(/\s+/g, '')] as [string, string])
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}

export function buildoutRoutes(app: Hono, compute?: ComputePool): void {
  const memo = new Map<string, Promise<string>>();
  let defaultReport: Promise<string> | undefined;
  const compute1 = async (options: Record<string, string>, scenario?: string | Scenario): Promise<string> => {
    const task = { kind: 'buildout', options, ...(scenario === undefined ? {} : { scenario }) } as const;
    const outcome = compute ? await compute.run(task) : buildoutBody(task);
    if ('badInput' in outcome) throw new ApiError(400, outcome.badInput);
    return outcome.json;
  };
  /** The report under `key` from the small LRU, or computed once (concurrent requests share it); failures are not kept. */
  const memoised = (key: string, run: () => Promise<string>): Promise<string> => {
    const hit = memo.get(key);
    if (hit !== undefined) memo.delete(key);
    const body =
      hit ??
      run().catch((err: unknown) => {
        memo.delete(key);
        throw err;
      });
    if (memo.size >= CACHE_ENTRIES) memo.delete(memo.keys().next().value as string);
    memo.set(key, body);
    return body;
  };
  /** The built-in us-buildout for these options: the default kept for the server's life, others in the LRU. */
  const usBuildout = (options: Record<string, string>): Promise<string> => {
    const key = JSON.stringify(options);
    if (key !== '{}') return memoised(key, () => compute1(options));
    defaultReport ??= compute1(options).catch((err: unknown) => {
      defaultReport = undefined;
      throw err;
    });
    return defaultReport;
  };
  const json = { 'content-type': 'application/json' };
  app.get('/api/buildout', async (c) => {
    const options = cliOptions(parseWith(buildoutQuerySchema, c.req.query(), 'query'));
    return c.body(await usBuildout(options), 200, json);
  });
  app.post('/api/buildout', async (c) => {
    // Options travel in the body; a query is refused before anything is read or computed.
    parseWith(z.strictObject({}), c.req.query(), 'query');
    const { scenario, yaml, ...rest } = parseWith(buildoutRequestSchema, await parseBody(c), 'request body');
    const input = scenarioFromRequest({ scenario, yaml });
    const options = cliOptions(rest);
    // The built-in us-buildout by name is GET's report; another built-in travels by name, any other as validated.
    if (scenario === 'us-buildout') return c.body(await usBuildout(options), 200, json);
    const fleet = typeof scenario === 'string' ? scenario : input.scenario;
    const key = `POST ${canonicalJson([input.raw, input.scenario, options])}`;
    return c.body(await memoised(key, () => compute1(options, fleet)), 200, json);
  });
}
