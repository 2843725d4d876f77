/**
 * Benchmark `load`: `gigawatt serve` (dist/cli.js, a child process on 127.0.0.1, loopback only)
 * under autocannon, bounded in time and in requests:
 *
 * 1. `run-cached`: POST /api/run of a built-in already in the run cache (the dashboard's first
 *    view), as fast as the machine sustains, for GIGAWATT_BENCH_LOAD_SECONDS (default 30) s;
 * 2. `static`: the dashboard's main script (brotli, as a browser asks for it), the same way;
 * 3. `health-saturated`: GET /api/health, one connection at a time, while the compute pool is kept
 *    saturated with uncached runs (distinct scenario variants, more in flight than threads + queue,
 *    so the pool also refuses some with 503): the target is p99 < 50 ms. The script (133 kB
 *    brotli, `static-saturated`) and the page itself (`/`, `index-saturated`) are measured the same
 *    way.
 *
 * Each line reports requests/s, latency p50/p99/max (ms), errors, timeouts and non-2xx answers.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { loadScenario } from '../src/io/load-scenario.js';

interface AutocannonResult {
  readonly requests: { readonly average: number; readonly total: number };
  readonly latency: { readonly p50: number; readonly p99: number; readonly max: number };
  readonly errors: number;
  readonly timeouts: number;
  readonly non2xx: number;
  readonly duration: number;
}
interface AutocannonOptions {
  readonly url: string;
  readonly method?: 'GET' | 'POST';
  readonly headers?: Record<string, string>;
  readonly body?: string;
  readonly connections?: number;
  readonly duration?: number;
  readonly maxOverallRequests?: number;
  readonly timeout?: number;
}
const autocannon = createRequire(import.meta.url)('autocannon') as (
  o: AutocannonOptions,
) => Promise<AutocannonResult>;

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const SECONDS = Number(process.env.GIGAWATT_BENCH_LOAD_SECONDS) || 30;
/** At most this many requests per measurement, whatever the rate. */
const MAX_REQUESTS = 2_000_000;

async function startServe(): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(
    process.execPath,
    [CLI, 'serve', '--port', '0', '--host', '127.0.0.1', '--store', 'none', '--run-queue', '4'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  const base = await new Promise<string>((resolve, reject) => {
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      stderr += chunk;
      const m = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(stderr);
      if (m) resolve(m[1] as string);
    });
    child.once('exit', (code) => reject(new Error(`gigawatt serve exited (${code}): ${stderr}`)));
  });
  return { child, base };
}

const line = (name: string, r: AutocannonResult, connections: number, note?: string) => ({
  case: name,
  seconds: r.duration,
  connections,
  requestsPerSecond: Math.round(r.requests.average),
  requests: r.requests.total,
  latencyP50Ms: r.latency.p50,
  latencyP99Ms: r.latency.p99,
  latencyMaxMs: r.latency.max,
  errors: r.errors,
  timeouts: r.timeouts,
  non2xx: r.non2xx,
  ...(note ? { note } : {}),
});

/** Keeps `inFlight` uncached runs going until `stop` resolves; counts answers by status. */
async function saturate(base: string, inFlight: number, stop: Promise<void>) {
  const raw = loadScenario('stargate-abilene').raw as { sites: { utilisation?: object }[] };
  const statuses = new Map<number, number>();
  let stopped = false;
  void stop.then(() => {
    stopped = true;
  });
  let k = 0;
  const loop = async () => {
    while (!stopped) {
      const s = structuredClone(raw);
      // a new busy fraction each time: never in the run cache
      (s.sites[0] as { utilisation?: object }).utilisation = {
        busyFraction: 0.3 + ((k++ * 0.6180339887) % 0.6),
      };
      const r = await fetch(`${base}/api/run`, { method: 'POST', body: JSON.stringify({ scenario: s }) });
      await r.arrayBuffer();
      statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      if (r.status === 503) await new Promise((d) => setTimeout(d, 50));
    }
  };
  await Promise.all(Array.from({ length: inFlight }, loop));
  return Object.fromEntries(statuses);
}

export async function benchLoad(): Promise<{ bench: 'load'; cases: unknown[] }> {
  const { child, base } = await startServe();
  try {
    const out: unknown[] = [];
    const json = { 'content-type': 'application/json' };
    const runBody = JSON.stringify({ scenario: 'stargate-abilene' });
    // Warm: the run is cached after this answer.
    await (await fetch(`${base}/api/run`, { method: 'POST', headers: json, body: runBody })).arrayBuffer();
    const connections = 16;
    process.stderr.write(`load: POST /api/run (cached), ${SECONDS} s\n`);
    out.push(
      line(
        'run-cached',
        await autocannon({
          url: `${base}/api/run`,
          method: 'POST',
          headers: json,
          body: runBody,
          connections,
          duration: SECONDS,
          maxOverallRequests: MAX_REQUESTS,
          timeout: 10,
        }),
        connections,
      ),
    );
    const html = readFileSync(join(ROOT, 'web', 'dist', 'index.html'), 'utf8');
    const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
    if (!script) throw new Error('web/dist/index.html names no script: run npm run build:web');
    const br = { 'accept-encoding': 'br, gzip' };
    process.stderr.write(`load: GET /${script} (brotli), ${SECONDS} s\n`);
    out.push(
      line(
        'static',
        await autocannon({
          url: `${base}/${script}`,
          headers: br,
          connections,
          duration: SECONDS,
          maxOverallRequests: MAX_REQUESTS,
          timeout: 10,
        }),
        connections,
      ),
    );

    process.stderr.write(
      `load: GET /api/health and the script while the compute pool is saturated, ${SECONDS} s each\n`,
    );
    let release: () => void = () => {};
    const stop = new Promise<void>((d) => {
      release = d;
    });
    const saturating = saturate(base, 8, stop);
    await new Promise((d) => setTimeout(d, 2000)); // the pool fills
    const health = await autocannon({
      url: `${base}/api/health`,
      connections: 1,
      duration: SECONDS,
      maxOverallRequests: MAX_REQUESTS,
      timeout: 10,
    });
    const stat = await autocannon({
      url: `${base}/${script}`,
      headers: br,
      connections: 1,
      duration: SECONDS,
      maxOverallRequests: MAX_REQUESTS,
      timeout: 10,
    });
    const page = await autocannon({
      url: `${base}/`,
      headers: br,
      connections: 1,
      duration: SECONDS,
      maxOverallRequests: MAX_REQUESTS,
      timeout: 10,
    });
    release();
    const runs = await saturating;
    const note = `uncached POST /api/run meanwhile, 8 in flight: answers by status ${JSON.stringify(runs)}`;
    out.push(
      line('health-saturated', health, 1, note),
      line('static-saturated', stat, 1, note),
      line('index-saturated', page, 1, note),
    );
    return { bench: 'load', cases: out };
  } finally {
    child.kill('SIGTERM');
    await new Promise((d) => child.once('exit', d));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const l of (await benchLoad()).cases) process.stdout.write(`${JSON.stringify(l)}\n`);
}
