/**
 * The body of GET and POST /api/buildout: exactly `gigawatt buildout [scenario] --json` for the same
 * options (`buildoutReportFor`, src/io/buildout-report.ts, which the CLI uses too): the built-in
 * us-buildout fleet (GET), or a request's scenario (POST). About 10 s of CPU for us-buildout, so it
 * runs in the compute pool (./worker.ts).
 */
import { type BuildoutReportOptions, buildoutReportFor } from '../../io/buildout-report.js';
import type { Scenario } from '../../model/scenario.js';
import { UsageError } from '../../model/usage-error.js';

export interface BuildoutTask {
  readonly kind: 'buildout';
  /** A built-in's name, or a request's scenario already validated; absent: the built-in us-buildout. */
  readonly scenario?: string | Scenario;
  /** The CLI's flags, as text (each absent one takes the CLI's default). */
  readonly options: Readonly<BuildoutReportOptions>;
}

/** The JSON text of the report, or the message of a bad input found while building it. */
export type BuildoutOutcome = { readonly json: string } | { readonly badInput: string };

export function buildoutBody(task: BuildoutTask): BuildoutOutcome {
  try {
    return { json: JSON.stringify(buildoutReportFor(task.scenario ?? 'us-buildout', { ...task.options })) };
  } catch (err) {
    if (err instanceof UsageError) return { badInput: err.message.replace(/^--/, '') };
    throw err;
  }
}
