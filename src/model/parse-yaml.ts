/**
 * Scenario text (YAML, of which JSON is a subset) → a validated scenario, or every problem located at
 * line:column with the field path, the bad value and what is allowed. Pure and isomorphic (no file
 * access), so the CLI loader (src/io/load-scenario.ts), the server and the browser editor share it.
 */
import { isAlias, isMap, isNode, isScalar, LineCounter, parseDocument, visit } from 'yaml';
import { DEFAULT_LIMITS, LIMIT_ENV, type Limits } from './limits.js';
import type { Scenario } from './scenario.js';
import { type Migrated, migrateScenario, SCHEMA_VERSION } from './schema-version.js';
import { type FieldPath, type ScenarioIssue, validateScenario } from './validate.js';
import { MAX_NESTING_DEPTH } from './validate-limits.js';

/** Syntax errors listed before the rest are counted (binary garbage gives hundreds). */
const MAX_SYNTAX_ISSUES = 10;

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
  /** Legal but most likely mistakes (e.g. far more IT power than the interconnect carries). */
  readonly warnings: readonly LocatedIssue[];
}

function parsed(scenario: Scenario, m: Migrated, warnings: readonly LocatedIssue[]): ParsedScenario {
  return {
    scenario,
    raw: m.data,
    schemaVersionRead: m.readVersion ?? SCHEMA_VERSION,
    migrationNotes: m.notes,
    warnings,
  };
}

/**
 * Migrates a parsed document to the current format and validates it against `limits`; issues and
 * warnings carry the file and the position `where` finds for them. Throws ScenarioError.
 */
function checked(
  data: unknown,
  file: string,
  limits: Limits,
  where: (issue: ScenarioIssue) => { line?: number; column?: number },
): ParsedScenario {
  const migrated = migrateScenario(data);
  const result = validateScenario(migrated.data, limits);
  const place = (issue: ScenarioIssue): LocatedIssue => ({ ...issue, file, ...where(issue) });
  if (result.ok) return parsed(result.scenario, migrated, result.warnings.map(place));
  throw new ScenarioError(result.issues.map(place));
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

/** Renders a warning: `warning: file:line:col: path: message (got value)` */
export const formatWarning = (w: LocatedIssue): string => `warning: ${formatIssue(w)}`;

/**
 * Parses scenario text and validates it against `limits` (default DEFAULT_LIMITS; pass
 * `limitsFromEnv(process.env)` from Node code). Positions of shape and catalog errors are found by
 * walking the YAML document along the zod path. Throws ScenarioError with every located issue: an
 * empty or comment-only file at 1:1, more YAML aliases than `limits.maxYamlAliases` (an alias bomb)
 * at the first alias.
 */
export function parseScenarioDocument(
  text: string,
  file: string,
  limits: Limits = DEFAULT_LIMITS,
): ParsedScenario {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
  });
  if (doc.errors.length > 0) {
    const kind = file.endsWith('.json') ? 'JSON/YAML syntax' : 'YAML syntax';
    const shown = doc.errors.slice(0, MAX_SYNTAX_ISSUES).map((e): LocatedIssue => {
      const pos = lineCounter.linePos(e.pos[0]);
      const first = e.message.split('\n')[0] ?? '';
      const message = /call stack/i.test(first)
        ? `nested deeper than ${MAX_NESTING_DEPTH} levels (too deep to parse); a scenario needs at most a few`
        : `${kind} error: ${first.length > 120 ? `${first.slice(0, 117)}...` : first}`;
      return { file, line: pos.line, column: pos.col, path: [], message };
    });
    const more = doc.errors.length - shown.length;
    if (more > 0)
      shown.push({ file, path: [], message: `and ${more} more syntax errors (is this a scenario file?)` });
    throw new ScenarioError(shown);
  }
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null))
    throw new ScenarioError([
      {
        file,
        line: 1,
        column: 1,
        path: [],
        message:
          'the file is empty (or only comments, or null); a scenario needs at least name, start, end and sites (see `gigawatt schema`)',
      },
    ]);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: limits.maxYamlAliases });
  } catch (err) {
    if (!(err instanceof ReferenceError)) throw err;
    // yaml refuses an alias that would expand past maxAliasCount (an alias bomb), or an unknown anchor.
    let at: readonly number[] | undefined;
    visit(doc, {
      Alias(_, node) {
        if (isAlias(node) && node.range) {
          at = node.range;
          return visit.BREAK;
        }
      },
    });
    const pos = at ? lineCounter.linePos(at[0] as number) : { line: 1, col: 1 };
    const bomb = /alias count/i.test(err.message);
    throw new ScenarioError([
      {
        file,
        line: pos.line,
        column: pos.col,
        path: [],
        message: bomb
          ? `YAML aliases expand to more than ${limits.maxYamlAliases} copies (an alias bomb?); write the values out, or raise the limit with ${LIMIT_ENV.maxYamlAliases}`
          : `YAML alias error: ${err.message.split('\n')[0]}`,
      },
    ]);
  }
  return checked(data, file, limits, (issue) => locate(doc, lineCounter, issue));
}

/**
 * Finds the line/column of the deepest node that exists along the issue's path (the key, if the value
 * is missing or the issue is about the key itself).
 */
function locate(
  doc: ReturnType<typeof parseDocument>,
  lineCounter: LineCounter,
  issue: ScenarioIssue,
): { line?: number; column?: number } {
  const path = issue.path;
  const at = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  if (issue.atKey && path.length > 0) {
    const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
    if (isMap(parent))
      for (const pair of parent.items)
        if (isScalar(pair.key) && pair.key.value === path[path.length - 1] && pair.key.range)
          return at(pair.key.range[0]);
  }
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) return at(node.range[0]);
  }
  return {};
}

/** Validates a scenario given as an object (e.g. a JSON request body): issues carry the field path, no position. */
export function validateScenarioObject(
  data: unknown,
  file: string,
  limits: Limits = DEFAULT_LIMITS,
): ParsedScenario {
  return checked(data, file, limits, () => ({}));
}
