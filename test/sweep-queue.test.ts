/**
 * Distributed sweeps against a real Redis: `redis-server` (Debian package `redis-server`) is started
 * on a free loopback port for this file and stopped after it. Workers are `gigawatt worker`
 * processes from the built bundle; the coordinator is the library (runQueuedSweep).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planSweep } from '../src/analysis/sweep/plan.js';
import { sweepReport } from '../src/analysis/sweep/report.js';
import { runLocalSweep } from '../src/io/sweep/local-pool.js';
import { checkRedis, runQueuedSweep } from '../src/io/sweep/queue.js';
import { baseScenario, parseOk } from './helpers.js';

const CLI = join(import.meta.dirname, '..', 'dist', 'cli.js');

function redisServerPath(): string {
  try {
    return execFileSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error(
      'redis-server is not on PATH: the distributed-sweep tests need a real Redis (Debian/Ubuntu: apt-get install -y redis-server)',
    );
  }
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });

let redis: ChildProcess | undefined;
let url = '';
const workers: ChildProcess[] = [];

/** Starts `gigawatt worker` and resolves once it waits for jobs; `lines` collects its stderr lines. */
function startWorker(lines: string[] = []): Promise<ChildProcess> {
  const w = spawn(process.execPath, [CLI, 'worker', '--queue', url, '--threads', '1', '--lock-ms', '2000'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  workers.push(w);
  return new Promise((resolve, reject) => {
    w.stderr?.setEncoding('utf8');
    w.stderr?.on('data', (chunk: string) => {
      lines.push(...chunk.split('\n').filter(Boolean));
      if (chunk.includes('waiting for sweep jobs')) resolve(w);
    });
    w.once('exit', (code) => reject(new Error(`worker exited early (${code}): ${lines.join(' | ')}`)));
  });
}

beforeAll(async () => {
  const bin = redisServerPath();
  const port = await freePort();
  url = `redis://127.0.0.1:${port}`;
  redis = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  for (let i = 0; i < 50; i++) {
    try {
      await checkRedis(url, 500);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`redis-server did not start on ${url}`);
});

afterAll(() => {
  for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill('SIGTERM');
  redis?.kill('SIGTERM');
});

const raw = baseScenario();
const scenario = parseOk(raw);
const plan = planSweep(scenario, raw, {
  samples: 40,
  seed: 9,
  method: 'lhs',
  vary: ['compute.mfu=uniform:0.3,0.5', 'sites[0].utilisation.busyFraction=triangular:0.6,0.85,0.95'],
});

describe('distributed sweep (BullMQ on a real redis-server)', () => {
  it('the same seed gives the same quantiles locally and on two queue workers', async () => {
    await Promise.all([startWorker(), startWorker()]);
    const queued = await runQueuedSweep(plan, url, { batch: 4 });
    const local = await runLocalSweep(plan, { workers: 1 });
    expect(queued).toHaveLength(plan.jobs);
    expect(sweepReport(plan, queued)).toEqual(sweepReport(plan, local));
  });

  it('a worker killed mid-job loses no samples: its job is retried by another', async () => {
    for (const w of workers.splice(0)) w.kill('SIGTERM');
    const linesA: string[] = [];
    const a = await startWorker(linesA);
    const done = runQueuedSweep(plan, url, { batch: 8 });
    // Kill worker A as soon as it has started a job (8 samples: it cannot have finished it).
    for (let i = 0; i < 200 && !linesA.some((l) => l.includes(' job ')); i++)
      await new Promise((r) => setTimeout(r, 25));
    expect(linesA.some((l) => l.includes(' job '))).toBe(true);
    a.kill('SIGKILL');
    await startWorker();
    const results = await done;
    expect(results.map((r) => r.index).sort((x, y) => x - y)).toEqual(
      Array.from({ length: plan.jobs }, (_, i) => i),
    );
    expect(sweepReport(plan, results)).toEqual(sweepReport(plan, await runLocalSweep(plan, { workers: 1 })));
  });

  it('an unreachable Redis is a clear error', async () => {
    await expect(runQueuedSweep(plan, 'redis://127.0.0.1:1')).rejects.toThrow(
      /cannot reach Redis at redis:\/\/127\.0\.0\.1:1 \(connect ECONNREFUSED/,
    );
  });
});
