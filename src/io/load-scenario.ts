/**
 * Loading scenarios from YAML or JSON files (or the built-in names) with errors that point at
 * file:line:column, name the field path and the bad value, and say what is allowed.
 */
import { closeSync, existsSync, fstatSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { LIMIT_ENV, type Limits, limitsFromEnv } from '../model/limits.js';
import { type ParsedScenario, parseScenarioDocument, ScenarioError } from '../model/parse-yaml.js';
import type { Scenario } from '../model/scenario.js';
import { scenariosDir } from './paths.js';

// The pure YAML → located issues part lives in ../model/parse-yaml.ts (shared with the server and browser).
export {
  formatIssue,
  formatPath,
  formatWarning,
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

const fileError = (file: string, message: string) => new ScenarioError([{ file, path: [], message }]);

/**
 * The text of a scenario file, refusing without reading it whole: anything that is not a regular file
 * (a directory, `/dev/zero`, a FIFO, a socket) and files over `maxBytes`. The size is checked before
 * opening (opening a FIFO would block) and again while reading (a file that grows is cut off).
 */
export function readScenarioFile(file: string, maxBytes: number): string {
  const tooBig = (size: string) =>
    fileError(
      file,
      `the file is ${size}, over the limit of ${maxBytes.toLocaleString('en-US')} bytes (raise it with ${LIMIT_ENV.maxInputBytes})`,
    );
  const notRegular = fileError(
    file,
    'not a regular file (a directory, device, FIFO or socket); give a YAML or JSON scenario file',
  );
  let fd: number | undefined;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw notRegular;
    if (st.size > maxBytes) throw tooBig(`${st.size.toLocaleString('en-US')} bytes`);
    fd = openSync(file, 'r');
    if (!fstatSync(fd).isFile()) throw notRegular;
    // One byte more than stat said: getting it means the file grew while being read.
    const buf = Buffer.alloc(Math.min(maxBytes, st.size) + 1);
    let length = 0;
    for (let n = 1; n > 0 && length < buf.length; length += n)
      n = readSync(fd, buf, length, buf.length - length, null);
    if (length > maxBytes) throw tooBig(`more than ${maxBytes.toLocaleString('en-US')} bytes`);
    if (length > st.size) throw fileError(file, 'the file changed while it was being read; try again');
    return new TextDecoder('utf-8').decode(buf.subarray(0, length));
  } catch (err) {
    if (err instanceof ScenarioError) throw err;
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw fileError(file, `cannot read the file (${code})`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The limits from the environment (GIGAWATT_MAX_*), as a ScenarioError naming the variable if one is bad. */
export function envLimits(): Limits {
  try {
    return limitsFromEnv(process.env);
  } catch (err) {
    throw fileError('environment', (err as Error).message);
  }
}

/**
 * Reads and validates a scenario file or built-in name against the limits (default: from the
 * environment). Throws ScenarioError with located issues.
 */
export function loadScenario(
  nameOrPath: string,
  limits: Limits = envLimits(),
): ParsedScenario & { file: string } {
  const file = resolveScenarioPath(nameOrPath);
  const text = readScenarioFile(file, limits.maxInputBytes);
  return { ...parseScenarioDocument(text, file, limits), file };
}
