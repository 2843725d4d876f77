/**
 * Static files of the built web app (web/dist). Paths are decoded, normalised and must stay inside
 * the root: `..`, encoded `%2e%2e`, backslashes and NUL bytes never reach a file outside it.
 *
 * Files are read once and kept in memory with their gzip and brotli encodings (web/dist is a few
 * hundred kB), so a request costs no disk read and no compression; a file that changes on disk
 * (a rebuild) is read again.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
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

/** Types worth compressing (images and fonts already are). */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.map', '.txt']);

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

interface StaticFile {
  readonly mtimeMs: number;
  readonly size: number;
  readonly raw: Buffer<ArrayBuffer>;
  readonly gzip?: Buffer<ArrayBuffer>;
  readonly br?: Buffer<ArrayBuffer>;
}

/** One file's bytes and encodings, read on first use and again when it changes on disk. */
function fileCache() {
  const files = new Map<string, StaticFile>();
  return (path: string, mtimeMs: number, size: number): StaticFile => {
    const hit = files.get(path);
    if (hit && hit.mtimeMs === mtimeMs && hit.size === size) return hit;
    const raw = readFileSync(path);
    const entry: StaticFile =
      COMPRESSIBLE.has(extname(path)) && raw.length > 512
        ? {
            mtimeMs,
            size,
            raw,
            gzip: gzipSync(raw, { level: 9 }),
            br: brotliCompressSync(raw, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: 11,
                [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
              },
            }),
          }
        : { mtimeMs, size, raw };
    files.set(path, entry);
    return entry;
  };
}

/** The encoding to send: brotli, then gzip, when the client accepts it (q > 0). */
export function pickEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | undefined {
  const accepted = new Set<string>();
  for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    if (name && (q === undefined || Number(q) > 0)) accepted.add(name.trim());
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip') || accepted.has('*')) return 'gzip';
  return undefined;
}

export function staticRoutes(app: Hono, root: string): void {
  const read = fileCache();
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
    let stat = existsSync(file) ? statSync(file) : undefined;
    if (!stat?.isFile()) {
      if (extname(path) !== '') throw new ApiError(404, `no such file: ${path}`);
      file = resolve(root, 'index.html'); // client-side routes
      stat = statSync(file);
    }
    const entry = read(file, stat.mtimeMs, stat.size);
    c.header('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
    if (file.includes(`${sep}assets${sep}`)) c.header('Cache-Control', 'public, max-age=31536000, immutable');
    if (entry.gzip === undefined) return c.body(entry.raw);
    c.header('Vary', 'Accept-Encoding');
    const encoding = pickEncoding(c.req.header('accept-encoding'));
    if (encoding === undefined) return c.body(entry.raw);
    c.header('Content-Encoding', encoding);
    return c.body((encoding === 'br' ? entry.br : entry.gzip) as Buffer<ArrayBuffer>);
  });
}
