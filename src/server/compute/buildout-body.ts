/**
 * The body of GET /api/buildout: exactly `gigawatt buildout --json` for the same options
 * (`buildoutReportFor`, src/cli/commands/buildout.ts, over the built-in us-buildout fleet). About 10 s
 * of CPU, so it runs in the compute pool (./worker.ts).
 */
import { type BuildoutCliOptions, buildoutReportFor } from '../../cli/commands/buildout.js';
import { UsageError } from '../../cli/usage-error.js';

export interface BuildoutTask {
  readonly kind: 'buildout';
  /** The CLI's flags, as text (each absent one takes the CLI's default). */
  readonly options: Readonly<Omit<BuildoutCliOptions, 'json' | 'out'>>;
}

/** The JSON text of the report, or the message of a bad input found while building it. */
export type BuildoutOutcome = { readonly json: string } | { readonly badInput: string };

export function buildoutBody(task: BuildoutTask): BuildoutOutcome {
  try {
    return { json: JSON.stringify(buildoutReportFor('us-buildout', { ...task.options })) };
  } catch (err) {
    if (err instanceof UsageError) return { badInput: err.message.replace(/^--/, '') };
    throw err;
  }
}
