/**
 * Request hygiene shared by every route: keys that could reach an object's prototype are refused
 * before any handler sees the data, and every response carries the browser security headers.
 */
import type { MiddlewareHandler } from 'hono';
import { ApiError } from './errors.js';

/** Keys that, written through `obj[key]`, reach or replace a prototype. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** The segments of a field path (`a.b[0].c`) that are forbidden keys, if any. */
export function forbiddenSegment(path: string): string | undefined {
  for (const m of path.matchAll(/[^.[\]]+/g)) if (FORBIDDEN_KEYS.has(m[0])) return m[0];
  return undefined;
}

const label = (path: readonly (string | number)[]) =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');

/**
 * Throws a 400 naming the first key of `value` (at any depth) that is a forbidden key, or an object
 * key or field-path key (`vary`, `grid`) with a forbidden segment. Iterative, so a 100,000-deep
 * document cannot overflow the stack.
 */
export function rejectPrototypeKeys(value: unknown, what: string): void {
  interface Node {
    readonly value: unknown;
    readonly key?: string | number;
    readonly parent?: Node;
  }
  const pathOf = (n: Node | undefined): (string | number)[] => {
    const out: (string | number)[] = [];
    for (let p = n; p?.key !== undefined; p = p.parent) out.push(p.key);
    return out.reverse();
  };
  const stack: Node[] = [{ value }];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    const v = node.value;
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) stack.push({ value: v[i], key: i, parent: node });
      continue;
    }
    for (const key of Object.keys(v)) {
      const bad = FORBIDDEN_KEYS.has(key) ? key : forbiddenSegment(key);
      if (bad !== undefined) {
        const at = [...pathOf(node), key];
        throw new ApiError(400, `${what}: the key ${JSON.stringify(label(at))} is not allowed`, [
          {
            path: at,
            message: `'${bad}' may not appear in a key or field path (${[...FORBIDDEN_KEYS].join(', ')} are reserved)`,
          },
        ]);
      }
      stack.push({ value: (v as Record<string, unknown>)[key], key, parent: node });
    }
  }
}

/**
 * The dashboard loads only its own script, styles and data (web/dist/index.html has no inline
 * script); style attributes set by the app are allowed. No framing, no plugins, no other origins.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  c.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'no-referrer');
  c.header('X-Frame-Options', 'DENY');
  c.header('Cross-Origin-Opener-Policy', 'same-origin');
};
