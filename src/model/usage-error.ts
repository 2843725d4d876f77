/**
 * An error the user can fix (bad arguments, bad input); carries its exit status (2 by default).
 * Shared by the shells: the CLI prints the message and exits with `exitCode`
 * (src/cli/main.ts); the server answers 400 with it (src/server/compute/*-body.ts). The library
 * functions that build the CLI's and the API's reports from options given as text
 * (src/io/buildout-report.ts, src/io/headroom-report.ts, src/analysis/headroom-options.ts) throw it,
 * with the message starting with the option's CLI name (`--years: …`).
 */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}
