/** `gigawatt validate FILE...`: check scenarios; every problem on its own line, exit 2 if any. */
import type { Command } from 'commander';
import pc from 'picocolors';
import { formatWarning, loadScenario, ScenarioError } from '../../io/load-scenario.js';
import { SCHEMA_VERSION } from '../../model/schema-version.js';
import { terminalLines, terminalText } from '../terminal-text.js';
import { UsageError } from '../usage-error.js';

export function validateCommand(files: readonly string[]): void {
  let problems = 0;
  for (const f of files) {
    try {
      const { scenario, file, warnings, schemaVersionRead, migrationNotes } = loadScenario(f);
      const phases = scenario.sites.reduce((n, s) => n + s.phases.length, 0);
      for (const w of warnings) process.stderr.write(`${terminalLines(formatWarning(w))}\n`);
      const format =
        schemaVersionRead === SCHEMA_VERSION
          ? `format ${SCHEMA_VERSION}`
          : `format ${schemaVersionRead}, migrated to ${SCHEMA_VERSION}`;
      process.stdout.write(
        `${pc.green('ok')} ${terminalText(file)}: ${terminalText(scenario.name)} (${format}), ${scenario.sites.length} site(s), ${phases} phase(s), ${scenario.start} → ${scenario.end}\n`,
      );
      for (const note of migrationNotes) process.stdout.write(`   ${note}\n`);
    } catch (err) {
      if (!(err instanceof ScenarioError)) throw err;
      process.stderr.write(`${terminalLines(err.message)}\n`);
      problems += err.issues.length;
    }
  }
  if (problems > 0) throw new UsageError(`${problems} problem${problems === 1 ? '' : 's'} found`);
}

/** Registers `gigawatt validate`. */
export function registerValidate(cli: Command): void {
  cli
    .command('validate')
    .description('check scenario files; prints one line per problem (file:line:column: field: message)')
    .argument('<files...>', 'scenario files (YAML or JSON) or built-in names')
    .action((files: string[]) => validateCommand(files));
}
