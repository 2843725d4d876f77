/**
 * Puts the app (./app.ts) on a TCP port with @hono/node-server, with its worker pool for runs
 * (./compute/pool.ts) and its background sweeps, and stops it all gracefully (`close`).
 */
import { type ServerType, serve } from '@hono/node-server';
import { fileDataSource } from '../io/data-source.js';
import { builtinScenarioNames } from '../io/load-scenario.js';
import { storePath } from '../io/store/store-path.js';
import { DEFAULT_LIMITS } from '../model/limits.js';
import { type AppOptions, createApp } from './app.js';
import { ComputePool, type ComputePoolOptions } from './compute/pool.js';
import { RunCache } from './scenario-input.js';
import { SweepJobs } from './sweep-jobs.js';

export interface ServeOptions extends AppOptions {
  readonly port: number;
  readonly host: string;
  /**
   * Run the dashboard's default campus (the navigation's "Texas + New York") once the port is
   * bound, in the background (default true), so its first view is answered from the cache (POST
   * /api/run, /api/run/hourly). The other built-ins are run on their first request and then kept.
   */
  readonly warm?: boolean;
  /** The compute pool's threads, queue and time limit (when `compute` is not given). */
  readonly pool?: ComputePoolOptions;
}

export interface RunningServer {
  readonly server: ServerType;
  readonly url: string;
  /** Resolves when the background warm-up of the default campus has finished. */
  readonly warmed: Promise<void>;
  /**
   * Stops gracefully: no new connections; requests in flight get up to `graceMs` to finish, then
   * their connections are closed; queued and running sweeps are cancelled (a sweep being saved is
   * checkpointed: its samples so far are flushed to the store, which is closed, and its run stays
   * 'running'); the compute threads end. Resolves when done.
   */
  close(graceMs?: number): Promise<void>;
}

/** The campus the dashboard links to first (web/src/main.tsx). */
const DEFAULT_CAMPUS = 'anthropic-fluidstack';

import { SHUTDOWN_GRACE_MS } from './defaults.js';

export { SHUTDOWN_GRACE_MS };

/** Starts listening; resolves once the port is bound. */
export function startServer(options: ServeOptions): Promise<RunningServer> {
  const data = options.data ?? fileDataSource();
  const compute = options.compute ?? new ComputePool(options.pool);
  const runs =
    options.runs ?? new RunCache(data, undefined, (input) => compute.run({ kind: 'run', ...input }));
  const limits = options.limits ?? DEFAULT_LIMITS;
  const sweeps =
    options.sweeps ??
    new SweepJobs({
      store: storePath(options.store),
      maxActive: limits.maxSweepsTotal,
      maxActivePerClient: limits.maxSweepsPerClient,
      ...(options.sweepWorkers ? { workers: options.sweepWorkers } : {}),
    });
  const app = createApp({ ...options, data, runs, compute, sweeps });
  return new Promise((resolvePromise, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, (info) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      const warmed =
        options.warm === false
          ? Promise.resolve()
          : runs.warm(builtinScenarioNames().filter((n) => n === DEFAULT_CAMPUS));
      let closing: Promise<void> | undefined;
      const close = (graceMs = SHUTDOWN_GRACE_MS) => {
        closing ??= shutdown(server, sweeps, compute, graceMs);
        return closing;
      };
      resolvePromise({ server, url: `http://${host}:${info.port}/`, warmed, close });
    });
    server.once('error', reject);
    // Idle keep-alive connections outlive a proxy's idle timeout, so the proxy, not the server,
    // closes them and never reuses a socket the server just closed (AWS's advice for its load
    // balancers, whose default idle timeout is 60 s: docs.aws.amazon.com/elasticloadbalancing/latest/
    // application/edit-load-balancer-attributes.html).
    (server as ServerType & { keepAliveTimeout: number }).keepAliveTimeout = 65_000;
  });
}

async function shutdown(
  server: ServerType,
  sweeps: SweepJobs,
  compute: ComputePool,
  graceMs: number,
): Promise<void> {
  const closed = new Promise<void>((done) => server.close(() => done()));
  const http = server as ServerType & {
    closeIdleConnections?: () => void;
    closeAllConnections?: () => void;
  };
  http.closeIdleConnections?.();
  // Sweeps are long: cancel them now rather than hold the shutdown (a saved one keeps the samples it has).
  const cancelled = sweeps.cancelAll();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<void>((done) => {
    timer = setTimeout(done, graceMs);
    timer.unref();
  });
  await Promise.race([closed, late]);
  clearTimeout(timer);
  // Past the bound (or a stream still open: SSE): end the remaining connections.
  http.closeAllConnections?.();
  await compute.close();
  await Promise.race([cancelled, new Promise((done) => setTimeout(done, 2000).unref())]);
  await closed;
}
