/** Request validation with the zod schemas of ./schemas.ts: failures become 400 with one issue per field. */
import type { Context } from 'hono';
import type { z } from 'zod';
import { ApiError } from './errors.js';

export function parseWith<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  throw new ApiError(
    400,
    `invalid ${what}`,
    r.error.issues.map((i) => ({
      path: i.path.filter((p) => typeof p !== 'symbol'),
      message: i.message,
    })),
  );
}

/** The JSON body (whatever the Content-Type says, so `curl -d` works); 400 when it is not JSON. */
export async function parseBody(c: Context): Promise<unknown> {
  const text = await c.req.text();
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ApiError(400, `the body is not valid JSON: ${(err as Error).message}`);
  }
}
