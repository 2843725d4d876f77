/** `gigawatt schema`: the JSON Schema of the scenario format, for editors. */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { scenarioJsonSchema } from '../../model/scenario.js';

/** Registers `gigawatt schema`. */
export function registerSchema(cli: Command): void {
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
}
