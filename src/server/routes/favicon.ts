/**
 * GET /favicon.ico (and /favicon.svg): a small SVG icon, a lightning bolt on the dashboard's dark
 * blue, so browsers stop logging a 404 on every load. Served from memory; cached for a day.
 */
import type { Context, Hono } from 'hono';

export const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">' +
  '<rect width="32" height="32" rx="6" fill="#12263a"/>' +
  '<path d="M18 3 7 18h7l-2 11 11-15h-7z" fill="#f5c518"/></svg>';

export function faviconRoute(app: Hono): void {
  const serve = (c: Context) =>
    c.body(FAVICON_SVG, 200, { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'public, max-age=86400' });
  app.get('/favicon.ico', serve);
  app.get('/favicon.svg', serve);
}
