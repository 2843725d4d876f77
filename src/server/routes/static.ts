/**
 * Static files of the built web app (web/dist). Paths are decoded, normalised and must stay inside
 * the root: `..`, encoded `%2e%2e`, backslashes and NUL bytes never reach a file outside it.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';
import type { Hono } from 'hono';
import { ApiError } from '../errors.js';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/** The file under `root` that a URL path names, or undefined when it would leave the root. */
export function safeStaticPath(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const base = resolve(root);
  const file = resolve(base, `.${decoded.startsWith('/') ? decoded : `/${decoded}`}`);
  if (file !== base && !file.startsWith(base + sep)) return undefined;
  return file;
}

export function staticRoutes(app: Hono, root: string): void {
  app.get('*', (c) => {
    const path = c.req.path;
    if (path.startsWith('/api/'))
      throw new ApiError(404, `no such endpoint: GET ${path} (see /api/openapi.json)`);
    if (!existsSync(resolve(root, 'index.html'))) {
      return c.text(
        'The web app is not built. Run `npm run build:web` (the API is at /api/openapi.json).\n',
        503,
      );
    }
    let file = safeStaticPath(root, path === '/' ? '/index.html' : path);
    if (file === undefined) throw new ApiError(400, `bad path: ${path}`);
    if (!existsSync(file) || !statSync(file).isFile()) {
      if (extname(path) !== '') throw new ApiError(404, `no such file: ${path}`);
      file = resolve(root, 'index.html'); // client-side routes
    }
    c.header('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
    if (file.includes(`${sep}assets${sep}`)) c.header('Cache-Control', 'public, max-age=31536000, immutable');
    return c.body(readFileSync(file));
  });
}
