/** `gigawatt run`: simulate a scenario, print a summary (text or JSON), optionally write hourly outputs. */

import { accessSync, constants, existsSync, mkdirSync, statfsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { fileDataSource } from '../../io/data-source.js';
import { writeRunOutputs } from '../../io/export.js';
import { formatWarning, loadScenario } from '../../io/load-scenario.js';
import { storePath } from '../../io/store/store-path.js';
import { SCHEMA_VERSION } from '../../model/schema-version.js';
import { type RunResult, type RunSummaryResult, runScenario } from '../../run.js';
import { formatAssumptions, formatSummary } from '../format.js';
import { terminalLines, terminalText } from '../terminal-text.js';
import { UsageError } from '../usage-error.js';

export interface RunOptions {
  json?: boolean;
  explain?: boolean;
  out?: string;
  quiet?: boolean;
  /** Simulate every background failure and repair event (docs/workloads.md, "Fast path"). */
  exact?: boolean;
  /** Also save the hourly series in the results store. */
  hourly?: boolean;
}

/** A run's summary, with the hourly columns when the command writes them (`--out`, `--hourly`). */
export type RunCommandResult = RunSummaryResult & { readonly sites?: RunResult['sites'] };

/** Shows a progress bar on stderr once the work has taken more than a second. */
export function delayedProgress(label: string, quiet: boolean | undefined) {
  const t0 = Date.now();
  let bar: SingleBar | undefined;
  return {
    update(done: number, total: number) {
      if (quiet) return;
      if (!bar && Date.now() - t0 > 1000 && done < total) {
        bar = new SingleBar({
          format: `${label} [{bar}] {value}/{total} sites | {duration}s elapsed | ETA {eta}s`,
          stream: process.stderr,
          hideCursor: true,
        });
        bar.start(total, done);
      }
      bar?.update(done);
    },
    stop() {
      bar?.stop();
    },
  };
}

/** Filesystems of the kernel's own (statfs magic numbers), where outputs make no sense and mkdir can hang. */
const PSEUDO_FS: ReadonlyMap<number, string> = new Map([
  [0x9fa0, 'proc'],
  [0x62656572, 'sysfs'],
  [0x1cd1, 'devpts'],
  [0x27e0eb, 'cgroup'],
  [0x63677270, 'cgroup2'],
  [0x64626720, 'debugfs'],
  [0x73636673, 'securityfs'],
  [0x74726163, 'tracefs'],
  [0xcafe4a11, 'bpf'],
]);

/**
 * Makes sure `--out DIR` can be written before any simulation: refuses a path under a kernel
 * pseudo-filesystem (/proc, /sys), a path through a non-directory, and an unwritable directory;
 * creates the missing directories one level at a time (a recursive mkdir under /proc never returns).
 */
export function prepareOutputDir(dir: string): void {
  const fail = (why: string) => new UsageError(`--out ${JSON.stringify(terminalText(dir))}: ${why}`);
  const target = resolve(dir);
  const missing: string[] = [];
  let existing = target;
  while (!existsSync(existing)) {
    missing.unshift(existing);
    const up = dirname(existing);
    if (up === existing) break;
    existing = up;
  }
  try {
    const fs = PSEUDO_FS.get(Number(statfsSync(existing).type));
    if (fs !== undefined)
      throw fail(`${existing} is on the kernel's ${fs} filesystem; give a directory on a disk`);
    if (!statSync(existing).isDirectory()) throw fail(`${existing} exists and is not a directory`);
    for (const d of missing) mkdirSync(d);
    accessSync(target, constants.W_OK | constants.X_OK);
  } catch (err) {
    if (err instanceof UsageError) throw err;
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw fail(`cannot create or write the directory (${code})`);
  }
}

export function runCommand(nameOrPath: string, opts: RunOptions): { result: RunCommandResult; raw: unknown } {
  const { scenario, raw, warnings, schemaVersionRead, migrationNotes } = loadScenario(nameOrPath);
  if (!opts.quiet) for (const w of warnings) process.stderr.write(`${terminalLines(formatWarning(w))}\n`);
  if (schemaVersionRead !== SCHEMA_VERSION && !opts.quiet)
    process.stderr.write(
      `gigawatt: ${terminalText(nameOrPath)} is in scenario format ${schemaVersionRead}; migrated to ${SCHEMA_VERSION}:\n${migrationNotes.map((n) => `  ${n}\n`).join('')}`,
    );
  if (opts.out) prepareOutputDir(opts.out);
  const progress = delayedProgress(`simulating ${terminalText(scenario.name)}`, opts.quiet || opts.json);
  const runOptions = {
    raw,
    onProgress: (d: number, t: number) => progress.update(d, t),
    ...(opts.exact ? { workloads: { exact: true } } : {}),
  };
  // Every site's hourly columns are kept only when they are written (--out, --hourly); otherwise each
  // site is reduced as soon as it is simulated (memory independent of the number of sites).
  const result: RunCommandResult =
    opts.out !== undefined || opts.hourly === true
      ? runScenario(scenario, fileDataSource(), runOptions)
      : runScenario(scenario, fileDataSource(), { ...runOptions, keepHourly: false });
  progress.stop();
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(result.summary, null, 2)}\n`);
  } else {
    process.stdout.write(`${formatSummary(result.summary)}\n`);
    if (opts.explain) process.stdout.write(`\n${formatAssumptions(result.summary.assumptions)}\n`);
  }
  if (opts.out) {
    const written = writeRunOutputs(
      opts.out,
      result.summary,
      (result.sites ?? []).map((s) => s.hourly),
    );
    if (!opts.quiet) process.stderr.write(`wrote ${written.join(', ')}\n`);
  }
  return { result, raw };
}

/** Registers `gigawatt run`. */
export function registerRun(cli: Command): void {
  cli
    .command('run')
    .description('simulate a scenario (a YAML/JSON file or a built-in name) and print a summary')
    .argument(
      '[scenario]',
      'scenario file or built-in name (`gigawatt list scenarios`)',
      'anthropic-fluidstack',
    )
    .option('--json', 'print the summary as JSON on stdout (the stable contract in the README)')
    .option('--explain', 'also list every value used (defaults, catalog figures, data) with its source')
    .option('-o, --out <dir>', 'write summary.json and per-site hourly series (CSV and Parquet) into DIR')
    .option('-q, --quiet', 'no progress on stderr')
    .option(
      '--store <path>',
      'results store (DuckDB file; default $GIGAWATT_STORE or ~/.gigawatt/runs.duckdb)',
    )
    .option('--no-store', 'do not save the run in the results store')
    .option('--hourly', 'also save the hourly series in the results store')
    .option(
      '--exact',
      'workloads: simulate every failure and repair of the background fleet, not their expectation (docs/workloads.md)',
    )
    .addHelpText(
      'after',
      `
The summary reports, for the whole period, each site and each calendar year (UTC): accelerators,
peak IT and facility power (MW), IT/facility energy (MWh), PUE, grid import, unserved IT energy
(interconnect limit), CO2 (t), water (m³), energy cost ($), compute delivered (FLOP), capex ($), jobs;
where the scenario has them: curtailment, on-site generation, batteries and 4CP charges (docs/grid-flexibility.md),
workloads with their completion dates and goodput (docs/workloads.md); then cash flows, NPV, IRR,
payback and the levelized cost of compute (docs/economics.md).

Examples:
  $ gigawatt run
  $ gigawatt run project-rainier --json | jq .totals
  $ gigawatt run scenarios/stargate-abilene.yaml --out out/abilene
  $ gigawatt run anthropic-fluidstack-flexible      the same campus answering the grid (SB 6, 4CP)`,
    )
    .action(async (scenario: string, opts: RunOptions & { store?: string | boolean; hourly?: boolean }) => {
      const { result, raw } = runCommand(scenario, opts);
      // The store (DuckDB) is loaded only when a run is saved: the CLI starts faster without it.
      const { saveRun } = await import('../../io/store/record.js');
      // The hourly columns are there exactly when --hourly asked for them (runCommand keeps them then).
      const id = await saveRun(storePath(opts.store), { ...result, sites: result.sites ?? [] }, raw, {
        hourly: opts.hourly ?? false,
      });
      if (id !== undefined && !opts.quiet && !opts.json) process.stderr.write(`saved as run ${id}\n`);
    });
}
