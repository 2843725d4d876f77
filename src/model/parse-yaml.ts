/**
 * Scenario text (YAML, of which JSON is a subset) → a validated scenario, or every problem located at
 * line:column with the field path, the bad value and what is allowed. Pure and isomorphic (no file
 * access), so the CLI loader (src/io/load-scenario.ts), the server and the browser editor share it.
 */
import { isNode, LineCounter, parseDocument } from 'yaml';
import type { Scenario } from './scenario.js';
import { type Migrated, migrateScenario, SCHEMA_VERSION } from './schema-version.js';
import { type FieldPath, type ScenarioIssue, validateScenario } from './validate.js';

/** One problem in a scenario file, located. */
export interface LocatedIssue extends ScenarioIssue {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
}

/**
 * A valid scenario, the document as given after migration to the current format (`raw`: what the
 * user stated, for telling given values from defaults), the format version it was written in, and
 * what the migration changed.
 */
export interface ParsedScenario {
  readonly scenario: Scenario;
  readonly raw: unknown;
  readonly schemaVersionRead: number;
  readonly migrationNotes: readonly string[];
}

function parsed(scenario: Scenario, m: Migrated): ParsedScenario {
  return {
    scenario,
    raw: m.data,
    schemaVersionRead: m.readVersion ?? SCHEMA_VERSION,
    migrationNotes: m.notes,
  };
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

/**
 * Parses scenario text and validates it. Positions of shape and catalog errors are found by walking
 * the YAML document along the zod path. Throws ScenarioError with every located issue.
 */
export function parseScenarioDocument(text: string, file: string): ParsedScenario {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ScenarioError(
      doc.errors.map((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
        const kind = file.endsWith('.json') ? 'JSON/YAML syntax' : 'YAML syntax';
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
  const migrated = migrateScenario(doc.toJS());
  const result = validateScenario(migrated.data);
  if (result.ok) return parsed(result.scenario, migrated);
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

/** Validates a scenario given as an object (e.g. a JSON request body): issues carry the field path, no position. */
export function validateScenarioObject(data: unknown, file: string): ParsedScenario {
  const migrated = migrateScenario(data);
  const result = validateScenario(migrated.data);
  if (result.ok) return parsed(result.scenario, migrated);
  throw new ScenarioError(result.issues.map((issue) => ({ ...issue, file })));
}
