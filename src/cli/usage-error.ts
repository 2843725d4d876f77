/** An error the user can fix (bad arguments, bad input); carries its exit status (2 by default). */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}
