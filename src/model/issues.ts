/** One problem in a scenario, before it is located in a file: the shared vocabulary of validation. */

export type FieldPath = readonly (string | number)[];

export interface ScenarioIssue {
  /** Path of the offending field, e.g. ['sites', 0, 'phases', 1, 'online']. */
  readonly path: FieldPath;
  /** What is wrong and what is allowed, in one sentence. */
  readonly message: string;
  /** The value found there (undefined when the field is missing). */
  readonly value?: unknown;
  /** Locate the key of the last path segment rather than its value (a key that is itself wrong). */
  readonly atKey?: boolean;
}
