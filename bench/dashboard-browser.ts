/**
 * Dashboard budgets in Chromium (not a test: numbers to report). First load: navigation to the
 * Texas + New York campus page until its first simulated summary is shown (loopback server, cold
 * cache). Re-simulation: the worker's parse + resolve + simulate + summarise time after a slider
 * move (median of 7). Bundle: gzipped JS of the first view from web/dist.
 * Run: node scripts/build-web.mjs && node --import tsx bench/dashboard-browser.ts
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startServer } from '../src/server/serve.js';

type Hook = { __gigawatt?: { runs: number; runMs: number } };
const root = join(import.meta.dirname, '..');
const assets = join(root, 'web', 'dist', 'assets');
const html = readFileSync(join(root, 'web', 'dist', 'index.html'), 'utf8');
let firstViewGz = 0;
for (const f of readdirSync(assets)) {
  const gz = gzipSync(readFileSync(join(assets, f))).length;
  const kind = html.includes(f) ? 'first view' : 'lazy (worker)';
  if (html.includes(f) && f.endsWith('.js')) firstViewGz += gz;
  console.log(`${f.padEnd(36)} ${(gz / 1024).toFixed(1).padStart(7)} kB gz  ${kind}`);
}
console.log(`first-view JavaScript: ${(firstViewGz / 1024).toFixed(1)} kB gzipped (budget 300 kB)`);

// BENCH_COLD=1: no background warm-up of the default campus (the first request runs the engine).
const warm = process.env.BENCH_COLD !== '1';
const { server, warmed } = await startServer({ port: 0, host: '127.0.0.1', warm });
// BENCH_FRESH=1: navigate as soon as the port is bound, while the warm-up may still be running.
if (process.env.BENCH_FRESH !== '1') await warmed;
console.log(
  `server: default campus ${warm ? 'run in the background at start' : 'not run before the first request'}` +
    `${process.env.BENCH_FRESH === '1' ? ', navigating at once' : ', navigating once that is done'}`,
);
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
const t0 = performance.now();
await page.goto(`${base}#/campus/anthropic-fluidstack`);
// The first summary and charts, whichever computed them: the server's cached run of the built-in
// (web/src/server-preview.ts) or, without it, the worker's.
await page.getByTestId('kpis').waitFor();
await page.getByTestId('hourly-chart').locator('canvas').first().waitFor();
await page.getByTestId('monthly-energy').waitFor();
console.log(
  `first load (navigation → first summary and charts drawn): ${(performance.now() - t0).toFixed(0)} ms`,
);
await page.waitForFunction(() => ((globalThis as unknown as Hook).__gigawatt?.runs ?? 0) >= 1);
await page.getByTestId('hourly-chart').locator('canvas').first().waitFor();
console.log(`… until the worker's own run is shown: ${(performance.now() - t0).toFixed(0)} ms`);
const times: number[] = [];
for (let i = 0; i < 7; i++) {
  const n = await page.evaluate(() => (globalThis as unknown as Hook).__gigawatt?.runs ?? 0);
  const t1 = performance.now();
  await page.getByTestId('slider-busy-0').evaluate(
    (el, v) => {
      (el as unknown as { value: string }).value = String(v);
      el.dispatchEvent(new Event('input', { bubbles: true }));
    },
    0.5 + i * 0.05,
  );
  await page.waitForFunction((k) => ((globalThis as unknown as Hook).__gigawatt?.runs ?? 0) > k, n);
  const worker = await page.evaluate(() => (globalThis as unknown as Hook).__gigawatt?.runMs ?? 0);
  times.push(worker);
  console.log(
    `slider move ${i + 1}: worker ${worker.toFixed(0)} ms, until the page has the new summary ${(performance.now() - t1).toFixed(0)} ms`,
  );
}
times.sort((a, b) => a - b);
console.log(
  `re-simulation after a slider move (worker, median of 7): ${times[3]?.toFixed(0)} ms (budget 100 ms)`,
);
await browser.close();
server.close();
