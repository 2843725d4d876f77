/**
 * API errors: every failure is JSON `{error, details}` with a proper status code, so a client can
 * show the message and act on the status (400 bad input, 401 bad token, 404 unknown id, 413 body too
 * large, 500 a bug).
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
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function errorJson(c: Context, status: ContentfulStatusCode, error: string, details?: unknown) {
  const body: ErrorBody = details === undefined ? { error } : { error, details };
  return c.json(body, status);
}
