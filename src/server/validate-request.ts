/** Request validation with the zod schemas of ./schemas.ts: failures become 400 with one issue per field. */
import type { Context } from 'hono';
import type { z } from 'zod';
import { ApiError } from './errors.js';
import { rejectPrototypeKeys } from './security.js';

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

/** Where JSON.parse stopped, as line and column of the text (V8 says "at position N"). */
function jsonErrorAt(text: string, message: string): { line: number; column: number } | undefined {
  const m = /position (\d+)/.exec(message);
  if (!m) return undefined;
  const pos = Math.min(Number(m[1]), text.length);
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  return { line, column: pos - before.lastIndexOf('\n') };
}

/**
 * The JSON body (whatever the Content-Type says, so `curl -d` works); 400 when it is not JSON or
 * when a key could reach a prototype (`__proto__`, `constructor`, `prototype`, also as a segment of
 * a field-path key).
 */
export async function parseBody(c: Context): Promise<unknown> {
  const text = await c.req.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (err) {
    const at = jsonErrorAt(text, (err as Error).message);
    throw new ApiError(
      400,
      text.trim() === '' ? 'the body is empty; send a JSON object' : 'the body is not valid JSON',
      at,
    );
  }
  rejectPrototypeKeys(body, 'request body');
  return body;
}
