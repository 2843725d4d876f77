/**
 * Loading scenarios from YAML or JSON files (or the built-in names) with errors that point at
 * file:line:column, name the field path and the bad value, and say what is allowed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { type ParsedScenario, parseScenarioDocument, ScenarioError } from '../model/parse-yaml.js';
import type { Scenario } from '../model/scenario.js';
import { scenariosDir } from './paths.js';

// The pure YAML → located issues part lives in ../model/parse-yaml.ts (shared with the server and browser).
export {
  formatIssue,
  formatPath,
  type LocatedIssue,
  parseScenarioDocument,
  ScenarioError,
} from '../model/parse-yaml.js';

/** The built-in scenario names (files in scenarios/). */
export function builtinScenarioNames(): string[] {
  return readdirSync(scenariosDir())
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => basename(f, '.yaml'))
    .sort();
}

/** Resolves a CLI argument to a file: an existing path, or a built-in scenario name. */
export function resolveScenarioPath(nameOrPath: string): string {
  if (existsSync(nameOrPath)) return nameOrPath;
  const builtin = join(scenariosDir(), `${nameOrPath}.yaml`);
  if (existsSync(builtin)) return builtin;
  throw new ScenarioError([
    {
      file: nameOrPath,
      path: [],
      message: `no such file, and not a built-in scenario (built-ins: ${builtinScenarioNames().join(', ')})`,
    },
  ]);
}

/**
 * Parses scenario text (YAML, of which JSON is a subset) and validates it. Positions of shape and
 * catalog errors are found by walking the YAML document along the zod path.
 */
export function parseScenarioText(text: string, file: string): Scenario {
  return parseScenarioDocument(text, file).scenario;
}

/** Reads and validates a scenario file or built-in name. Throws ScenarioError with located issues. */
export function loadScenario(nameOrPath: string): ParsedScenario & { file: string } {
  const file = resolveScenarioPath(nameOrPath);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ScenarioError([{ file, path: [], message: `cannot read the file: ${(err as Error).message}` }]);
  }
  return { ...parseScenarioDocument(text, file), file };
}
