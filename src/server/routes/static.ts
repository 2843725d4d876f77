/**
 * Static files of the built web app (web/dist). Paths are decoded, normalised and must stay inside
 * the root: `..`, encoded `%2e%2e`, backslashes and NUL bytes never reach a file outside it.
 *
 * Files are read once (all of web/dist when the app is created) and kept in memory with their gzip
 * and brotli encodings, compressed once off the event loop (web/dist is a few hundred kB), so a
 * request costs no disk read and no compression; a file that changes on disk (a rebuild) is read
 * again.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
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
  /** Set when compressed (on the libuv thread pool, never on the event loop). */
  gzip?: Buffer<ArrayBuffer>;
  br?: Buffer<ArrayBuffer>;
}

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/**
 * One file's bytes, read on first use and again when it changes on disk. Its gzip and brotli
 * encodings are computed in the background (zlib's async API); until they are ready the file is
 * served as is, so no request waits for a compression.
 */
function fileCache() {
  const files = new Map<string, StaticFile>();
  return (path: string, mtimeMs: number, size: number): StaticFile => {
    const hit = files.get(path);
    if (hit && hit.mtimeMs === mtimeMs && hit.size === size) return hit;
    const entry: StaticFile = { mtimeMs, size, raw: readFileSync(path) };
    files.set(path, entry);
    if (COMPRESSIBLE.has(extname(path)) && entry.raw.length > 512) {
      gzipAsync(entry.raw, { level: 9 }).then(
        (b) => {
          entry.gzip = b as Buffer<ArrayBuffer>;
        },
        () => {},
      );
      brotliAsync(entry.raw, {
        params: {
          // Quality 9: on the dashboard's 399 kB script 133 kB in 0.28 s, against 122 kB in 3.7 s at
          // 11 (measured on the 2-core development machine): a tenth of the CPU for 9 % more bytes.
          [constants.BROTLI_PARAM_QUALITY]: 9,
          [constants.BROTLI_PARAM_SIZE_HINT]: entry.raw.length,
        },
      }).then(
        (b) => {
          entry.br = b as Buffer<ArrayBuffer>;
        },
        () => {},
      );
    }
    return entry;
  };
}

/** Reads (and starts compressing) every file under `root` ahead of the first request. */
function preload(root: string, read: ReturnType<typeof fileCache>): void {
  let names: string[];
  try {
    names = readdirSync(root, { recursive: true, encoding: 'utf8' });
  } catch {
    return; // not built: the route says so
  }
  for (const name of names) {
    const file = resolve(root, name);
    const stat = statSync(file, { throwIfNoEntry: false });
    if (stat?.isFile() && stat.size < 16 * 1024 * 1024) read(file, stat.mtimeMs, stat.size);
  }
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
  preload(root, read);
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
    if (!COMPRESSIBLE.has(extname(file))) return c.body(entry.raw);
    c.header('Vary', 'Accept-Encoding');
    const wanted = pickEncoding(c.req.header('accept-encoding'));
    const encoded =
      wanted === 'br' && entry.br
        ? (['br', entry.br] as const)
        : wanted !== undefined && entry.gzip
          ? (['gzip', entry.gzip] as const)
          : undefined;
    if (encoded === undefined) return c.body(entry.raw);
    c.header('Content-Encoding', encoded[0]);
    return c.body(encoded[1]);
  });
}
