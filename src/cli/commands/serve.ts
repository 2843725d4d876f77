/** `gigawatt serve`: the HTTP API and the dashboard in one process. */
import { type Command, InvalidArgumentError } from 'commander';
import { LIMIT_ENV, limitsFromEnv } from '../../model/limits.js';
import { MAX_TRUST_PROXY_HOPS } from '../../server/client-address.js';
import {
  DEFAULT_COMPUTE_QUEUE,
  DEFAULT_COMPUTE_TIMEOUT_MS,
  SHUTDOWN_GRACE_MS,
} from '../../server/defaults.js';
import { MAX_SERVER_SWEEP_JOBS } from '../../server/schemas.js';
import { UsageError } from '../usage-error.js';

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    throw new InvalidArgumentError(`must be an integer port 0..65535 (got "${value}")`);
  }
  return n;
}

function bytes(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError(`must be a positive integer (got "${value}")`);
  return n;
}

/** `--trust-proxy <hops>`: a whole number from 0 to MAX_TRUST_PROXY_HOPS. */
function hops(value: string): number {
  const n = /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isInteger(n) || n < 0 || n > MAX_TRUST_PROXY_HOPS)
    throw new InvalidArgumentError(
      `must be a whole number of proxy hops from 0 to ${MAX_TRUST_PROXY_HOPS} (got "${value}")`,
    );
  return n;
}

/** Registers `gigawatt serve`. */
export function registerServe(cli: Command): void {
  cli
    .command('serve')
    .description('serve the HTTP API (/api/openapi.json) and the dashboard (web app) on one port')
    .option('-p, --port <port>', 'TCP port (0: any free port)', port, 8080)
    .option('--host <host>', 'interface to listen on (0.0.0.0 for all: then set a token)', '127.0.0.1')
    .option(
      '--token <token>',
      'bearer token required by POST and DELETE endpoints (default: $GIGAWATT_TOKEN)',
    )
    .option(
      '--max-body <bytes>',
      'largest request body accepted, bytes (default $GIGAWATT_MAX_INPUT_BYTES or 4 MiB)',
      bytes,
    )
    .option(
      '--store <path>',
      'results store for GET /api/runs and saved sweeps (default $GIGAWATT_STORE or ~/.gigawatt/runs.duckdb; none: no store)',
    )
    .option('--sweep-workers <n>', 'worker threads per background sweep (POST /api/sweeps)', bytes, 2)
    .option(
      '--run-threads <n>',
      'worker threads for uncached runs and headroom analyses (default: cores − 1)',
      bytes,
    )
    .option(
      '--run-queue <n>',
      'runs waiting for a thread before the server answers 503',
      bytes,
      DEFAULT_COMPUTE_QUEUE,
    )
    .option(
      '--run-timeout <seconds>',
      'time limit of one run or headroom analysis (504 past it)',
      bytes,
      DEFAULT_COMPUTE_TIMEOUT_MS / 1000,
    )
    .option(
      '--trust-proxy <hops>',
      `reverse proxies of your own in front of the server (0..${MAX_TRUST_PROXY_HOPS}): the per-client sweep cap takes the client's address from X-Forwarded-For, entry <hops> from the right; 0: the connection's address, the header ignored`,
      hops,
      0,
    )
    .addHelpText(
      'after',
      `
The dashboard needs the web build (npm run build:web). The API works without it:
  GET  /api/openapi.json              the API, OpenAPI 3.1
  GET  /api/scenarios                 built-in scenarios
  POST /api/run {"scenario": NAME|OBJECT}   the summary of gigawatt run --json
  GET  /api/runs, /api/runs/ID        runs saved in the results store (gigawatt runs / show)
  POST /api/sweeps {"scenario", "samples", "vary"}   a background sweep; progress over SSE
  DELETE /api/sweeps/ID                cancels it

Limits (environment variables, see README "Limits"): request body ${LIMIT_ENV.maxInputBytes};
sweeps queued or running ${LIMIT_ENV.maxSweepsTotal} in total and ${LIMIT_ENV.maxSweepsPerClient} per client
(429 with Retry-After past them; a client is its bearer token, else its address: the connection's,
or behind N proxies of yours with --trust-proxy N the Nth entry from the right of X-Forwarded-For,
whose rightmost N − 1 your proxies appended; a missing or malformed header counts as the connection's);
samples per sweep ${LIMIT_ENV.maxSweepSamples} (default ${MAX_SERVER_SWEEP_JOBS} on the server).
SIGTERM or Ctrl-C stops it gracefully: no new connections, requests in flight get ${SHUTDOWN_GRACE_MS / 1000} s,
sweeps are cancelled, then it exits 0.

Examples:
  $ gigawatt serve                              http://127.0.0.1:8080/
  $ gigawatt serve --port 3000 --store ./runs.duckdb
  $ GIGAWATT_TOKEN=s3cret gigawatt serve --host 0.0.0.0
  $ gigawatt serve --trust-proxy 1              behind one reverse proxy (nginx: proxy_add_x_forwarded_for)
  $ curl -s localhost:8080/api/run -H 'content-type: application/json' \\
      -d '{"scenario":"stargate-abilene"}' | jq .totals.pue`,
    )
    .action(
      async (opts: {
        port: number;
        host: string;
        token?: string;
        maxBody?: number;
        store?: string;
        sweepWorkers: number;
        runThreads?: number;
        runQueue: number;
        runTimeout: number;
        trustProxy: number;
      }) => {
        const token = opts.token ?? process.env.GIGAWATT_TOKEN;
        let limits: ReturnType<typeof limitsFromEnv>;
        try {
          limits = limitsFromEnv(process.env);
        } catch (err) {
          throw new UsageError((err as Error).message);
        }
        // The server (hono, piscina, the results store) is loaded by this command only.
        const { startServer } = await import('../../server/serve.js');
        const running = await startServer({
          port: opts.port,
          host: opts.host,
          token,
          limits,
          ...(opts.maxBody !== undefined ? { maxBodyBytes: opts.maxBody } : {}),
          // The server's own default unless the variable is set (the CLI's default is for one user).
          maxSweepSamples: process.env[LIMIT_ENV.maxSweepSamples]
            ? limits.maxSweepSamples
            : MAX_SERVER_SWEEP_JOBS,
          store: opts.store,
          sweepWorkers: opts.sweepWorkers,
          trustProxy: opts.trustProxy,
          pool: {
            ...(opts.runThreads !== undefined ? { threads: opts.runThreads } : {}),
            maxQueue: opts.runQueue,
            timeoutMs: opts.runTimeout * 1000,
          },
        });
        const { url } = running;
        process.stderr.write(
          `gigawatt serving the dashboard at ${url} and the API at ${url}api/openapi.json` +
            `${token ? ' (POST needs the bearer token)' : ''}; Ctrl-C stops it\n`,
        );
        const signal = await new Promise<NodeJS.Signals>((done) => {
          process.once('SIGINT', () => done('SIGINT'));
          process.once('SIGTERM', () => done('SIGTERM'));
        });
        process.stderr.write(`gigawatt serve: ${signal}: stopping (at most ${SHUTDOWN_GRACE_MS / 1000} s)\n`);
        // A second signal, or the bound passing, ends the process at once.
        const force = () => process.exit(0);
        process.once('SIGINT', force);
        process.once('SIGTERM', force);
        setTimeout(force, SHUTDOWN_GRACE_MS + 5000).unref();
        await running.close(SHUTDOWN_GRACE_MS);
        process.stderr.write('gigawatt serve: stopped\n');
      },
    );
}
