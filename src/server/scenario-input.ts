/**
 * Turns what a request names (a built-in scenario, a scenario object or YAML text) into a validated
 * scenario, with the same located issues as `gigawatt validate`; and runs it, caching recent runs.
 */
import { fileDataSource } from '../io/data-source.js';
import { builtinScenarioNames, envLimits, loadScenario } from '../io/load-scenario.js';
import {
  formatIssue,
  parseScenarioDocument,
  ScenarioError,
  validateScenarioObject,
} from '../model/parse-yaml.js';
import type { DataSource } from '../model/resolve.js';
import type { Scenario } from '../model/scenario.js';
import { canonicalJson } from './canonical-json.js';
import { type CachedRun, cachedRun, cachedRunBytes } from './compute/cached-run.js';
import { ApiError } from './errors.js';

export interface ScenarioInput {
  readonly scenario: Scenario;
  readonly raw: unknown;
}

/** Problems as the API returns them: the CLI's line, plus the parts. */
export function issueDetails(err: ScenarioError) {
  return err.issues.map((i) => ({
    path: i.path,
    message: i.message,
    ...(i.value !== undefined ? { value: i.value } : {}),
    ...(i.line !== undefined ? { line: i.line, column: i.column } : {}),
    text: formatIssue(i),
  }));
}

function invalid(err: ScenarioError): ApiError {
  const n = err.issues.length;
  return new ApiError(400, `invalid scenario: ${n} problem${n === 1 ? '' : 's'} found`, issueDetails(err));
}

/** A built-in scenario by name; 404 when there is none (never a path: names are checked against the list). */
export function builtinScenario(name: string): ScenarioInput & { file: string; builtin: string } {
  const names = builtinScenarioNames();
  if (!names.includes(name)) {
    throw new ApiError(404, `unknown scenario '${name}'`, { builtins: names });
  }
  try {
    return { ...loadScenario(name), builtin: name };
  } catch (err) {
    if (err instanceof ScenarioError) throw invalid(err);
    throw err;
  }
}

/** Resolves `{scenario}` or `{yaml}` from a request body or query. */
export function scenarioFromRequest(ref: { scenario?: unknown; yaml?: string | undefined }): ScenarioInput {
  const given = (ref.scenario !== undefined ? 1 : 0) + (ref.yaml !== undefined ? 1 : 0);
  if (given !== 1) {
    throw new ApiError(400, 'give exactly one of `scenario` (a built-in name or an object) or `yaml` (text)');
  }
  try {
    // the limits from GIGAWATT_MAX_* (a bad variable is a ScenarioError naming it, so a 400)
    const limits = envLimits();
    if (ref.yaml !== undefined) return parseScenarioDocument(ref.yaml, 'request.yaml', limits);
    if (typeof ref.scenario === 'string') return builtinScenario(ref.scenario);
    return validateScenarioObject(ref.scenario, 'request', limits);
  } catch (err) {
    if (err instanceof ScenarioError) throw invalid(err);
    throw err;
  }
}

/** Runs a validated scenario: inline (tests, a custom data source) or on the compute pool. */
export type RunExecutor = (input: ScenarioInput) => Promise<CachedRun>;

/** Runs on the calling thread (blocking it): for tests and custom data sources. */
export function inlineExecutor(data: DataSource): RunExecutor {
  return async (input) => cachedRun({ kind: 'run', scenario: input.scenario, raw: input.raw }, data);
}

/** Default byte budget of the cache of edited scenarios' runs (built-ins are pinned outside it). */
export const DEFAULT_RUN_CACHE_BYTES = 256 * 1024 * 1024;

/**
 * Runs scenarios, keeping recent results (a dashboard asks for the same one repeatedly) within a
 * byte budget: each entry counts its summary text and hourly arrays (`cachedRunBytes`); the least
 * recently used go first, and a run larger than the whole budget is answered but not kept. Keys are
 * the canonical JSON (sorted keys) of the scenario as written and as validated, so a scenario
 * object is served from a cached run only when it is the same scenario. Concurrent requests for the
 * same scenario share one run. Runs of the built-in scenarios as published are kept for the life
 * of the process (outside the budget: there are a handful), and `warm()` computes them ahead of the
 * first request (`gigawatt serve` does so in the background), so the dashboard's first view comes
 * from the server at once.
 */
export class RunCache {
  private readonly entries = new Map<string, { run: CachedRun; bytes: number }>();
  private readonly builtins = new Map<string, CachedRun>();
  private readonly inFlight = new Map<string, Promise<CachedRun>>();
  private bytes = 0;
  private readonly execute: RunExecutor;
  /** Requests answered from the cache / by running the engine (for tests and diagnostics). */
  readonly stats = { hits: 0, misses: 0 };

  constructor(
    data: DataSource = fileDataSource(),
    /** Byte budget of the non-built-in entries. */
    readonly maxBytes = DEFAULT_RUN_CACHE_BYTES,
    execute?: RunExecutor,
  ) {
    this.execute = execute ?? inlineExecutor(data);
  }

  /** Bytes held by the non-built-in entries now (≤ maxBytes). */
  get heldBytes(): number {
    return this.bytes;
  }

  /** The run of this scenario, from the cache or computed once (shared by concurrent requests). */
  async run(input: ScenarioInput): Promise<CachedRun> {
    const key = canonicalJson([input.raw, input.scenario]);
    const pinned = this.builtins.get(key);
    if (pinned) {
      this.stats.hits++;
      return pinned;
    }
    const hit = this.entries.get(key);
    if (hit) {
      this.stats.hits++;
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.run;
    }
    const running = this.inFlight.get(key);
    if (running) {
      this.stats.hits++;
      return running;
    }
    this.stats.misses++;
    const builtin = 'builtin' in input && typeof input.builtin === 'string';
    const promise = this.execute(input).then((run) => {
      if (builtin) this.builtins.set(key, run);
      else this.keep(key, run);
      return run;
    });
    this.inFlight.set(key, promise);
    try {
      return await promise;
    } finally {
      this.inFlight.delete(key);
    }
  }

  private keep(key: string, run: CachedRun): void {
    const bytes = cachedRunBytes(run);
    if (bytes > this.maxBytes) return;
    this.entries.set(key, { run, bytes });
    this.bytes += bytes;
    for (const [k, e] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= e.bytes;
    }
  }

  /** The run's summary as JSON text, serialised once per run (`JSON.stringify(summary)`). */
  async summaryJson(input: ScenarioInput): Promise<string> {
    return (await this.run(input)).summaryJson;
  }

  /**
   * Runs the named built-ins one at a time; resolves when all are cached. A scenario that fails is
   * skipped (its request will report the error).
   */
  async warm(names: readonly string[]): Promise<void> {
    for (const name of names) {
      await new Promise<void>((done) => setImmediate(done));
      try {
        await this.run(builtinScenario(name));
      } catch {
        // reported when requested
      }
    }
  }
}
