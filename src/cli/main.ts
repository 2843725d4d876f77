#!/usr/bin/env node
/**
 * The `gigawatt` command line: a thin shell over the library. Exit status: 0 ok, 2 bad input
 * (scenario or arguments), 1 anything else. Errors are one line each, never a stack trace
 * (set GIGAWATT_DEBUG=1 to see one).
 */
import { Command, CommanderError } from 'commander';
import { ScenarioError } from '../io/load-scenario.js';
import { packageVersion } from '../io/paths.js';
import { registerBuildout } from './commands/buildout.js';
import { registerHeadroom } from './commands/headroom.js';
import { registerInfer } from './commands/infer.js';
import { registerList } from './commands/list.js';
import { registerReport } from './commands/report.js';
import { registerReproduce } from './commands/reproduce.js';
import { registerRun } from './commands/run.js';
import { registerRuns } from './commands/runs.js';
import { registerSchema } from './commands/schema.js';
import { registerServe } from './commands/serve.js';
import { registerSweep } from './commands/sweep.js';
import { registerTrain } from './commands/train.js';
import { registerValidate } from './commands/validate.js';
import { registerWorker } from './commands/worker.js';
import { terminalLines } from './terminal-text.js';
import { UsageError } from './usage-error.js';

/** Every subcommand, in the order `gigawatt --help` lists them. Each lives in ./commands/. */
const COMMANDS: readonly ((cli: Command) => void)[] = [
  registerRun,
  registerTrain,
  registerInfer,
  registerList,
  registerValidate,
  registerSchema,
  registerHeadroom,
  registerReproduce,
  registerBuildout,
  registerServe,
  registerReport,
  registerSweep,
  registerRuns,
  registerWorker,
];

function program(): Command {
  const cli = new Command('gigawatt')
    .description(
      'Simulate gigawatt-scale AI compute campuses hour by hour: IT and facility power, PUE from real weather,\n' +
        'carbon from the real grid mix, water, energy cost, compute delivered, capex and jobs.',
    )
    .exitOverride()
    // commander echoes the user's arguments in its errors: escape control characters in them
    .configureOutput({ writeErr: (str) => process.stderr.write(terminalLines(str)) })
    .version(packageVersion(), '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureHelp({ sortSubcommands: false })
    .addHelpText(
      'after',
      `
Examples:
  $ gigawatt run                              the built-in Texas + New York build-out (anthropic-fluidstack)
  $ gigawatt run stargate-abilene --explain   every value used, with its source
  $ gigawatt run my-campus.yaml --json        the summary as JSON (contract in the README)
  $ gigawatt run colossus-memphis --out out/  hourly CSV + Parquet per site, and summary.json
  $ gigawatt list accelerators                what the catalogs hold
  $ gigawatt validate my-campus.yaml          check a scenario; errors point at file:line:column
  $ gigawatt headroom --region ERCOT          new flexible load a grid region can take (Duke method)
  $ gigawatt schema > scenario.schema.json    JSON Schema for editor autocompletion`,
    );

  for (const register of COMMANDS) register(cli);
  return cli;
}

/**
 * A reader that stops early (`gigawatt --help | head -1`) closes our stdout: the next write fails
 * with EPIPE. That is not an error of ours; end quietly, as other command-line tools do.
 */
function quietOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

export async function main(argv: string[]): Promise<number> {
  quietOnClosedPipe(process.stdout);
  quietOnClosedPipe(process.stderr);
  const cli = program();
  try {
    await cli.parseAsync(argv);
    return 0;
  } catch (err) {
    return report(err);
  }
}

function report(err: unknown): number {
  if (process.env.GIGAWATT_DEBUG) console.error(err);
  if (err instanceof CommanderError) {
    // commander already printed its message (help, version or a usage error)
    return err.exitCode === 0 ? 0 : 2;
  }
  if (err instanceof ScenarioError) {
    console.error(terminalLines(err.message));
    console.error(`${err.issues.length} problem${err.issues.length === 1 ? '' : 's'} found.`);
    return 2;
  }
  if (err instanceof UsageError) {
    console.error(`gigawatt: ${terminalLines(err.message)}`);
    return err.exitCode;
  }
  console.error(`gigawatt: ${terminalLines((err as Error)?.message ?? String(err))}`);
  return 1;
}

process.exitCode = await main(process.argv);
