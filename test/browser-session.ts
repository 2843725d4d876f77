/**
 * One dashboard session for the browser tests: the built web app served by `startServer` on a free
 * loopback port, and Debian's Chromium (/usr/bin/chromium) driven by playwright-core. A page error
 * fails the test that caused it.
 */
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from 'playwright-core';
import { startServer } from '../src/server/serve.js';

export const CHROMIUM = '/usr/bin/chromium';
export const WEB_DIST = join(import.meta.dirname, '..', 'web', 'dist');

export interface DashboardSession {
  /** The server's root URL, ending in `/`. */
  readonly base: string;
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
  close(): Promise<void>;
}

/** Starts the server and a browser page at 1400×1000 (plus `options`, e.g. a time zone). */
export async function openDashboard(options: BrowserContextOptions = {}): Promise<DashboardSession> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: apt-get install -y chromium`);
  if (!existsSync(join(WEB_DIST, 'index.html')))
    throw new Error('web/dist missing: node scripts/build-web.mjs');
  const { server } = await startServer({ port: 0, host: '127.0.0.1', webRoot: WEB_DIST });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
    ],
  });
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, ...options });
  const page = await context.newPage();
  page.on('pageerror', (e) => {
    throw e;
  });
  return {
    base,
    browser,
    context,
    page,
    async close() {
      await browser.close();
      server.close();
    },
  };
}

/**
 * How far the page scrolls sideways (`scroll` against `client`, CSS px) and, for `selector`, every
 * matching element whose right edge is past the screen (tag, class, right edge).
 */
export async function sidewaysOverflow(
  p: Page,
  selector?: string,
): Promise<{ scroll: number; client: number; over: string[] }> {
  return p.evaluate((sel) => {
    type Box = {
      tagName: string;
      getAttribute(n: string): string | null;
      getBoundingClientRect(): { right: number };
    };
    const doc = (
      globalThis as unknown as {
        document: {
          documentElement: { scrollWidth: number; clientWidth: number };
          querySelectorAll(s: string): ArrayLike<Box>;
        };
      }
    ).document;
    const el = doc.documentElement;
    const over: string[] = [];
    for (const c of sel === undefined ? [] : Array.from(doc.querySelectorAll(sel)))
      if (c.getBoundingClientRect().right > el.clientWidth + 0.5)
        over.push(`${c.tagName}.${c.getAttribute('class') ?? ''} ${c.getBoundingClientRect().right}`);
    return { scroll: el.scrollWidth, client: el.clientWidth, over };
  }, selector);
}
