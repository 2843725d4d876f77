/**
 * Loading scenarios from YAML or JSON files (or the built-in names) with errors that point at
 * file:line:column, name the field path and the bad value, and say what is allowed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { isNode, LineCounter, parseDocument } from 'yaml';
import type { Scenario } from '../model/scenario.js';
import { type FieldPath, type ScenarioIssue, validateScenario } from '../model/validate.js';
import { scenariosDir } from './paths.js';

/** One problem in a scenario file, located. */
export interface LocatedIssue extends ScenarioIssue {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
}

/** Thrown when a scenario cannot be used; carries every problem found. */
export class ScenarioError extends Error {
  constructor(readonly issues: readonly LocatedIssue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.name = 'ScenarioError';
  }
}

/** Renders a field path the way a user writes it: sites[0].phases[1].online */
export function formatPath(path: FieldPath): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out === '' ? key : `.${key}`;
  return out === '' ? '(document)' : out;
}

function formatValue(value: unknown): string {
  if (value === undefined) return '';
  const text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  return ` (got ${text.length > 60 ? `${text.slice(0, 57)}...` : text})`;
}

/** `file:line:col: path: message (got value)` */
export function formatIssue(issue: LocatedIssue): string {
  const where = issue.line === undefined ? issue.file : `${issue.file}:${issue.line}:${issue.column ?? 1}`;
  return `${where}: ${formatPath(issue.path)}: ${issue.message}${formatValue(issue.value)}`;
}

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

/** Like parseScenarioText, also returning the document as written (to tell given values from defaults). */
export function parseScenarioDocument(text: string, file: string): { scenario: Scenario; raw: unknown } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ScenarioError(
      doc.errors.map((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
        const kind = extname(file) === '.json' ? 'JSON/YAML syntax' : 'YAML syntax';
        return {
          file,
          line: pos.line,
          column: pos.col,
          path: [],
          message: `${kind} error: ${e.message.split('\n')[0]}`,
        };
      }),
    );
  }
  const data: unknown = doc.toJS();
  const result = validateScenario(data);
  if (result.ok) return { scenario: result.scenario, raw: data };
  throw new ScenarioError(
    result.issues.map((issue) => {
      const pos = locate(doc, lineCounter, issue.path);
      return { ...issue, file, ...pos };
    }),
  );
}

/** Finds the line/column of the deepest node that exists along `path` (the key, if the value is missing). */
function locate(
  doc: ReturnType<typeof parseDocument>,
  lineCounter: LineCounter,
  path: FieldPath,
): { line?: number; column?: number } {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) {
      const pos = lineCounter.linePos(node.range[0]);
      return { line: pos.line, column: pos.col };
    }
  }
  return {};
}

/** Reads and validates a scenario file or built-in name. Throws ScenarioError with located issues. */
export function loadScenario(nameOrPath: string): { scenario: Scenario; file: string; raw: unknown } {
  const file = resolveScenarioPath(nameOrPath);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ScenarioError([{ file, path: [], message: `cannot read the file: ${(err as Error).message}` }]);
  }
  return { ...parseScenarioDocument(text, file), file };
}
