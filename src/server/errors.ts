/**
 * API errors: every failure is JSON `{error, details}` with a proper status code, so a client can
 * show the message and act on the status (400 bad input, 401 bad token, 404 unknown id, 413 body too
 * large, 429 too many sweeps, 500 a bug, 503 busy, 504 over the time limit). A 429 or 503 carries
 * `Retry-After` (seconds). No response names a file on the server or repeats a library's message.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export interface ErrorBody {
  readonly error: string;
  readonly details?: unknown;
}

/** An error that becomes a JSON response with this status. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    message: string,
    readonly details?: unknown,
    /** Seconds after which the client may retry (the `Retry-After` header). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function errorJson(
  c: Context,
  status: ContentfulStatusCode,
  error: string,
  details?: unknown,
  retryAfterSeconds?: number,
) {
  const body: ErrorBody = details === undefined ? { error } : { error, details };
  if (retryAfterSeconds !== undefined)
    c.header('Retry-After', String(Math.max(1, Math.ceil(retryAfterSeconds))));
  return c.json(body, status);
}

/** An absolute file path (POSIX or Windows) or a stack frame inside a message. */
const LEAKY = /(^|[\s'"(=:])(\/(?:[\w.@-]+\/)+|[A-Za-z]:\\)|\n\s+at /;

/**
 * The message of an error raised by our own code for the user (a sample's bad value) as it may be
 * shown to a client; `fallback` when it would reveal a file path or a stack.
 */
export function publicMessage(err: unknown, fallback: string): string {
  const message = err instanceof Error ? err.message : typeof err === 'string' ? err : '';
  return message === '' || LEAKY.test(message) ? fallback : message;
}
