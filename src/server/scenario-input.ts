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
export function builtinScenario(name: string): ScenarioInput & { file: string } {
  const names = builtinScenarioNames();
  if (!names.includes(name)) {
    throw new ApiError(404, `unknown scenario '${name}'`, { builtins: names });
  }
  try {
    return loadScenario(name);
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

/** Runs scenarios, keeping the last few results (a dashboard asks for the same one repeatedly). */
export class RunCache {
  private readonly entries = new Map<string, RunResult>();
  constructor(
    private readonly data: DataSource = fileDataSource(),
    private readonly capacity = 6,
  ) {}

  run(input: ScenarioInput): RunResult {
    const key = JSON.stringify(input.raw) + JSON.stringify(input.scenario);
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const result = runScenario(input.scenario, this.data, { raw: input.raw });
    this.entries.set(key, result);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return result;
  }
}
