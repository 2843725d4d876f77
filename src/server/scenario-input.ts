/**
 * Turns what a request names (a built-in scenario, a scenario object or YAML text) into a validated
 * scenario, with the same located issues as `gigawatt validate`; and runs it, caching recent runs.
 */
import { fileDataSource } from '../io/data-source.js';
import { builtinScenarioNames, loadScenario } from '../io/load-scenario.js';
import {
  formatIssue,
  parseScenarioDocument,
  ScenarioError,
  validateScenarioObject,
} from '../model/parse-yaml.js';
import type { DataSource } from '../model/resolve.js';
import type { Scenario } from '../model/scenario.js';
import { type RunResult, runScenario } from '../run.js';
import { canonicalJson } from './canonical-json.js';
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
    if (ref.yaml !== undefined) return parseScenarioDocument(ref.yaml, 'request.yaml');
    if (typeof ref.scenario === 'string') return builtinScenario(ref.scenario);
    return validateScenarioObject(ref.scenario, 'request');
  } catch (err) {
    if (err instanceof ScenarioError) throw invalid(err);
    throw err;
  }
}

/** A finished run and its summary serialised once (what POST /api/run answers). */
interface CacheEntry {
  readonly result: RunResult;
  summaryJson?: string;
}

/**
 * Runs scenarios, keeping the last few results (a dashboard asks for the same one repeatedly).
 * Keys are the canonical JSON (sorted keys) of the scenario as written and as validated, so a
 * scenario object is served from a cached run only when it is the same scenario. Runs of the
 * built-in scenarios as published are kept for the life of the process (never evicted by edited
 * scenarios), and `warm()` computes them ahead of the first request (`gigawatt serve` does so in
 * the background), so the dashboard's first view comes from the server at once.
 */
export class RunCache {
  private readonly entries = new Map<string, CacheEntry>();
  private readonly builtins = new Map<string, CacheEntry>();
  /** Requests answered from the cache / by running the engine (for tests and diagnostics). */
  readonly stats = { hits: 0, misses: 0 };
  constructor(
    private readonly data: DataSource = fileDataSource(),
    private readonly capacity = 6,
  ) {}

  private entry(input: ScenarioInput): CacheEntry {
    const key = canonicalJson([input.raw, input.scenario]);
    const builtin = 'builtin' in input && typeof input.builtin === 'string';
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
      return hit;
    }
    this.stats.misses++;
    const entry: CacheEntry = { result: runScenario(input.scenario, this.data, { raw: input.raw }) };
    if (builtin) {
      this.builtins.set(key, entry);
      return entry;
    }
    this.entries.set(key, entry);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return entry;
  }

  run(input: ScenarioInput): RunResult {
    return this.entry(input).result;
  }

  /** The run's summary as JSON text, serialised once per cached run (`JSON.stringify(summary)`). */
  summaryJson(input: ScenarioInput): string {
    const entry = this.entry(input);
    entry.summaryJson ??= JSON.stringify(entry.result.summary);
    return entry.summaryJson;
  }

  /**
   * Runs the named built-ins one at a time, yielding to the event loop between them so requests
   * are answered meanwhile; resolves when all are cached. A scenario that fails is skipped (its
   * request will report the error).
   */
  async warm(names: readonly string[]): Promise<void> {
    for (const name of names) {
      await new Promise<void>((done) => setImmediate(done));
      try {
        this.summaryJson(builtinScenario(name));
      } catch {
        // reported when requested
      }
    }
  }
}
