/**
 * Benchmark `dashboard-browser`: the dashboard's budgets in Chromium (headless, loopback server).
 *
 * - Bundle: gzipped JS of the first view from web/dist (budget 300 kB).
 * - First load: navigation to the Texas + New York campus page until its first summary and charts
 *   are drawn (the server's cached run of the built-in), and until the worker's own run is on screen
 *   (budget: first meaningful chart < 1 s), in the page's clock from the start of navigation.
 * - Slider move → updated charts, end to end in the page's clock: from the `input` event of the
 *   busy-fraction slider (and a change of cooling system) until the frame after the views of that
 *   run were drawn (the page's `__gigawatt.paintedAt` hook, web/src/pages/Campus.tsx), median of
 *   `moves` (budget 100 ms); with the worker's own time and when the page had its answer.
 * - Drag: 10 slider inputs 16 ms apart (a drag at 60 Hz); the time from the last one until its value
 *   is on screen (the inputs in between are coalesced, never queued).
 *
 * Run: node scripts/build-web.mjs && node --import tsx bench/dashboard-browser.ts
 * BENCH_COLD=1: no background warm-up of the default campus (the first request runs the engine);
 * BENCH_FRESH=1: navigate as soon as the port is bound, while the warm-up may still be running.
 * Prints progress on stderr and one JSON line on stdout; `benchDashboardBrowser()` is the same for
 * bench/run.ts, which reports it skipped when /usr/bin/chromium or web/dist is missing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = join(import.meta.dirname, '..');
/** The built dashboard: web/dist, or GIGAWATT_BENCH_WEB (e.g. an earlier build, for before/after). */
const DIST = process.env.GIGAWATT_BENCH_WEB ?? join(ROOT, 'web', 'dist');

type Hook = {
  __gigawattFirstView?: number;
  __gigawatt?: {
    runs: number;
    runMs: number;
    raw: unknown;
    answeredAt?: number;
    painted?: number;
    paintedAt?: number;
  };
};

export interface DashboardBrowserResult {
  readonly name: 'dashboard-browser';
  readonly skipped?: string;
  readonly firstViewJsKBGz?: number;
  readonly firstLoadMs?: number;
  readonly workerRunShownMs?: number;
  /** Busy-fraction slider: input → updated charts on screen, ms (median, min, max). */
  readonly busySliderMs?: { median: number; min: number; max: number };
  /** The worker's own time for those runs (parse + resolve + simulate + summarise + pack), median ms. */
  readonly busyWorkerMs?: number;
  /** Input → the page has the worker's answer, median ms. */
  readonly busyAnsweredMs?: number;
  readonly coolingMs?: { median: number; min: number; max: number };
  /** Last of 10 inputs 16 ms apart → its value on screen, ms (median of 3 drags). */
  readonly dragSettleMs?: number;
  readonly moves?: number;
  readonly loadAverage1m: number;
}

const log = (s: string) => process.stderr.write(`${s}\n`);
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const stats = (xs: readonly number[]) => ({
  median: Math.round(median(xs)),
  min: Math.round(Math.min(...xs)),
  max: Math.round(Math.max(...xs)),
});

function firstViewKBGz(): number {
  const assets = join(DIST, 'assets');
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  let gz = 0;
  for (const f of readdirSync(assets)) {
    const size = gzipSync(readFileSync(join(assets, f))).length;
    if (html.includes(f) && f.endsWith('.js')) gz += size;
    log(
      `${f.padEnd(36)} ${(size / 1024).toFixed(1).padStart(7)} kB gz  ${html.includes(f) ? 'first view' : 'lazy'}`,
    );
  }
  return Number((gz / 1024).toFixed(1));
}

/**
 * Sets an input's value and dispatches `event` in the page; resolves with the page's time of the
 * dispatch and of the frame after that run's views were drawn, and the worker's time.
 */
async function move(
  page: Page,
  testId: string,
  value: string,
  event: 'input' | 'change',
): Promise<{ ms: number; answeredMs: number; workerMs: number }> {
  const before = await page.evaluate(() => (globalThis as unknown as Hook).__gigawatt?.runs ?? 0);
  const t0 = await page.getByTestId(testId).evaluate(
    (el, [v, ev]) => {
      (el as unknown as { value: string }).value = v as string;
      const t = performance.now();
      el.dispatchEvent(new Event(ev as string, { bubbles: true }));
      return t;
    },
    [value, event],
  );
  await page.waitForFunction((k) => ((globalThis as unknown as Hook).__gigawatt?.painted ?? 0) > k, before);
  const h = await page.evaluate(() => (globalThis as unknown as Hook).__gigawatt);
  return {
    ms: (h?.paintedAt ?? NaN) - t0,
    answeredMs: (h?.answeredAt ?? NaN) - t0,
    workerMs: h?.runMs ?? NaN,
  };
}

/** Ten inputs 16 ms apart; ms from the last one until a run with its value is on screen. */
async function drag(page: Page, from: number): Promise<number> {
  const last = from + 0.09;
  const tLast = await page.getByTestId('slider-busy-0').evaluate(async (el, v0) => {
    let t = 0;
    for (let i = 0; i < 10; i++) {
      if (i > 0) await new Promise((r) => setTimeout(r, 16));
      (el as unknown as { value: string }).value = (v0 + i * 0.01).toFixed(2);
      t = performance.now();
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }
    return t;
  }, from);
  await page.waitForFunction(
    (v) => {
      const h = (globalThis as unknown as Hook).__gigawatt;
      const raw = h?.raw as { sites?: { utilisation?: { busyFraction?: number } }[] } | undefined;
      return (
        h?.painted === h?.runs && Math.abs((raw?.sites?.[0]?.utilisation?.busyFraction ?? -1) - v) < 1e-9
      );
    },
    Number(last.toFixed(2)),
  );
  const h = await page.evaluate(() => (globalThis as unknown as Hook).__gigawatt);
  return (h?.paintedAt ?? NaN) - tLast;
}

export async function benchDashboardBrowser(moves = 9): Promise<DashboardBrowserResult> {
  if (!existsSync(CHROMIUM))
    return { name: 'dashboard-browser', skipped: `${CHROMIUM} not found`, loadAverage1m: loadavg()[0] ?? 0 };
  if (!existsSync(join(DIST, 'index.html')))
    return {
      name: 'dashboard-browser',
      skipped: 'web/dist missing (node scripts/build-web.mjs)',
      loadAverage1m: loadavg()[0] ?? 0,
    };
  const { chromium } = await import('playwright-core');
  const { startServer } = await import('../src/server/serve.js');
  const firstViewJsKBGz = firstViewKBGz();
  const warm = process.env.BENCH_COLD !== '1';
  const { server, warmed } = await startServer({ port: 0, host: '127.0.0.1', warm, webRoot: DIST });
  if (process.env.BENCH_FRESH !== '1') await warmed;
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
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const t0 = performance.now();
    await page.goto(`${base}#/campus/anthropic-fluidstack`);
    await page.getByTestId('kpis').waitFor();
    await page.getByTestId('hourly-chart').locator('canvas').first().waitFor();
    await page.getByTestId('monthly-energy').waitFor();
    const seenMs = Math.round(performance.now() - t0);
    // In the page's clock (from the start of navigation): Node's own clock also counts the time this
    // process, which serves the data too, takes to hear from the browser.
    const firstLoadMs = Math.round(
      await page.evaluate(() => (globalThis as unknown as Hook).__gigawattFirstView ?? Number.NaN),
    );
    log(
      `first load (navigation → first summary and charts drawn): ${firstLoadMs} ms (seen from Node ${seenMs} ms)`,
    );
    await page.waitForFunction(
      () => ((globalThis as unknown as Hook).__gigawatt?.painted ?? 0) >= 1,
      undefined,
      {
        timeout: 60_000,
      },
    );
    const workerRunShownMs = Math.round(
      await page.evaluate(() => (globalThis as unknown as Hook).__gigawatt?.paintedAt ?? Number.NaN),
    );
    log(`… until the worker's own run is on screen: ${workerRunShownMs} ms`);

    const busy: { ms: number; answeredMs: number; workerMs: number }[] = [];
    for (let i = 0; i < moves; i++) {
      const r = await move(page, 'slider-busy-0', (0.5 + (i % 8) * 0.05).toFixed(2), 'input');
      busy.push(r);
      log(
        `busy-fraction move ${i + 1}: on screen ${r.ms.toFixed(0)} ms (answer ${r.answeredMs.toFixed(0)} ms, worker ${r.workerMs.toFixed(0)} ms)`,
      );
    }
    const cooling: number[] = [];
    const options = await page
      .getByTestId('select-cooling-0')
      .locator('option')
      .evaluateAll((os) => os.map((o) => (o as unknown as { value: string }).value));
    for (let i = 0; i < Math.min(moves, 7); i++) {
      const r = await move(page, 'select-cooling-0', options[(i + 1) % options.length] as string, 'change');
      cooling.push(r.ms);
      log(`cooling change ${i + 1}: on screen ${r.ms.toFixed(0)} ms (worker ${r.workerMs.toFixed(0)} ms)`);
    }
    const drags: number[] = [];
    for (let i = 0; i < 3; i++) {
      drags.push(await drag(page, 0.3 + i * 0.2));
      log(`drag ${i + 1}: last input → on screen ${drags[i]?.toFixed(0)} ms`);
    }
    return {
      name: 'dashboard-browser',
      firstViewJsKBGz,
      firstLoadMs,
      workerRunShownMs,
      busySliderMs: stats(busy.map((b) => b.ms)),
      busyWorkerMs: Math.round(median(busy.map((b) => b.workerMs))),
      busyAnsweredMs: Math.round(median(busy.map((b) => b.answeredMs))),
      coolingMs: stats(cooling),
      dragSettleMs: Math.round(median(drags)),
      moves,
      loadAverage1m: Number((loadavg()[0] ?? 0).toFixed(2)),
    };
  } finally {
    await browser.close();
    server.close();
  }
}

if (process.argv[1] === import.meta.filename) {
  process.stdout.write(`${JSON.stringify(await benchDashboardBrowser(Number(process.argv[2] ?? 9)))}\n`);
}
