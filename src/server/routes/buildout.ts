/**
 * GET /api/buildout[?size=near-term|announced][&duplicates=drop|keep][&dates=announced|p50|p90]
 * [&curtailment=0.25,0.5,1,5][&years=2019-2024][&trials=2000][&seed=1]: the national picture of the
 * built-in us-buildout fleet, exactly `gigawatt buildout --json` with the same flags
 * (./compute/buildout-body.ts, docs/buildout.md). About 10 s of CPU on the compute pool; the answer for
 * the default options is kept for the life of the server (the dashboard asks for it), a few others
 * in a small least-recently-used cache, and concurrent requests for the same options share one computation.
 */
import type { Hono } from 'hono';
import { z } from 'zod';
import { buildoutBody } from '../compute/buildout-body.js';
import type { ComputePool } from '../compute/pool.js';
import { ApiError } from '../errors.js';
import { parseWith } from '../validate-request.js';

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

/** Reports kept besides the default one; the least recently used go first. */
const CACHE_ENTRIES = 4;

export function buildoutRoutes(app: Hono, compute?: ComputePool): void {
  const memo = new Map<string, Promise<string>>();
  let defaultReport: Promise<string> | undefined;
  const compute1 = async (options: Record<string, string>): Promise<string> => {
    const task = { kind: 'buildout', options } as const;
    const outcome = compute ? await compute.run(task) : buildoutBody(task);
    if ('badInput' in outcome) throw new ApiError(400, outcome.badInput);
    return outcome.json;
  };
  app.get('/api/buildout', async (c) => {
    const q = parseWith(buildoutQuerySchema, c.req.query(), 'query');
    const options = Object.fromEntries(
      Object.entries(q)
        .filter((e): e is [string, string] => e[1] !== undefined)
        .map(([k, v]) => [k, v.replace(/\s+/g, '')] as [string, string])
        .sort(([a], [b]) => (a < b ? -1 : 1)),
    );
    const key = JSON.stringify(options);
    let body: Promise<string>;
    if (key === '{}') {
      defaultReport ??= compute1(options).catch((err: unknown) => {
        defaultReport = undefined;
        throw err;
      });
      body = defaultReport;
    } else {
      const hit = memo.get(key);
      if (hit !== undefined) memo.delete(key);
      body =
        hit ??
        compute1(options).catch((err: unknown) => {
          memo.delete(key);
          throw err;
        });
      if (memo.size >= CACHE_ENTRIES) memo.delete(memo.keys().next().value as string);
      memo.set(key, body);
    }
    return c.body(await body, 200, { 'content-type': 'application/json' });
  });
}
