#!/usr/bin/env node
/**
 * The `gigawatt` command line: a thin shell over the library. Exit status: 0 ok, 2 bad input
 * (scenario or arguments), 1 anything else. Errors are one line each, never a stack trace
 * (set GIGAWATT_DEBUG=1 to see one).
 */
import { writeFileSync } from 'node:fs';
import { Argument, Command, CommanderError } from 'commander';
import { ScenarioError } from '../io/load-scenario.js';
import { packageVersion } from '../io/paths.js';
import { scenarioJsonSchema } from '../model/scenario.js';
import { LIST_KINDS, listCommand } from './commands/list.js';
import { runCommand } from './commands/run.js';
import { validateCommand } from './commands/validate.js';
import { UsageError } from './usage-error.js';

function program(): Command {
  const cli = new Command('gigawatt')
    .description(
      'Simulate gigawatt-scale AI compute campuses hour by hour: IT and facility power, PUE from real weather,\n' +
        'carbon from the real grid mix, water, energy cost, compute delivered, capex and jobs.',
    )
    .exitOverride()
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
  $ gigawatt schema > scenario.schema.json    JSON Schema for editor autocompletion`,
    );

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
    .addHelpText(
      'after',
      `
The summary reports, for the whole period, each site and each calendar year (UTC): accelerators,
peak IT and facility power (MW), IT/facility energy (MWh), PUE, grid import, unserved IT energy
(interconnect limit), CO2 (t), water (m³), energy cost ($), compute delivered (FLOP), capex ($), jobs.

Examples:
  $ gigawatt run
  $ gigawatt run project-rainier --json | jq .totals
  $ gigawatt run scenarios/stargate-abilene.yaml --out out/abilene`,
    )
    .action(
      (scenario: string, opts: { json?: boolean; explain?: boolean; out?: string; quiet?: boolean }) => {
        runCommand(scenario, opts);
      },
    );

  cli
    .command('list')
    .description('list built-in scenarios and catalog entries')
    .addArgument(
      new Argument('[what]', 'what to list').choices(LIST_KINDS as unknown as string[]).default('all'),
    )
    .option('--json', 'as JSON, with every value and its source')
    .action((what: string, opts: { json?: boolean }) => listCommand(what, opts));

  cli
    .command('validate')
    .description('check scenario files; prints one line per problem (file:line:column: field: message)')
    .argument('<files...>', 'scenario files (YAML or JSON) or built-in names')
    .action((files: string[]) => validateCommand(files));

  cli
    .command('schema')
    .description('print the JSON Schema of the scenario format (for editor autocompletion)')
    .option('-o, --out <file>', 'write to FILE instead of stdout')
    .addHelpText(
      'after',
      `
In VS Code (YAML extension), put this first line in a scenario file:
  # yaml-language-server: $schema=./scenario.schema.json`,
    )
    .action((opts: { out?: string }) => {
      const text = `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
      if (opts.out) writeFileSync(opts.out, text);
      else process.stdout.write(text);
    });

  return cli;
}

export function main(argv: string[]): number {
  const cli = program();
  try {
    cli.parse(argv);
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
    console.error(err.message);
    console.error(`${err.issues.length} problem${err.issues.length === 1 ? '' : 's'} found.`);
    return 2;
  }
  if (err instanceof UsageError) {
    console.error(`gigawatt: ${err.message}`);
    return err.exitCode;
  }
  console.error(`gigawatt: ${(err as Error)?.message ?? String(err)}`);
  return 1;
}

process.exitCode = main(process.argv);
