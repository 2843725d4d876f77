/** `gigawatt serve`: the HTTP API and the dashboard in one process. */
import { type Command, InvalidArgumentError } from 'commander';
import { startServer } from '../../server/serve.js';

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

/** Registers `gigawatt serve`. */
export function registerServe(cli: Command): void {
  cli
    .command('serve')
    .description('serve the HTTP API (/api/openapi.json) and the dashboard (web app) on one port')
    .option('-p, --port <port>', 'TCP port (0: any free port)', port, 8080)
    .option('--host <host>', 'interface to listen on (0.0.0.0 for all: then set a token)', '127.0.0.1')
    .option('--token <token>', 'bearer token required by POST endpoints (default: $GIGAWATT_TOKEN)')
    .option('--max-body <bytes>', 'largest request body accepted, bytes', bytes, 1024 * 1024)
    .option(
      '--store <path>',
      'results store for GET /api/runs and saved sweeps (default $GIGAWATT_STORE or ~/.gigawatt/runs.duckdb; none: no store)',
    )
    .option('--sweep-workers <n>', 'worker threads per background sweep (POST /api/sweeps)', bytes, 2)
    .addHelpText(
      'after',
      `
The dashboard needs the web build (npm run build:web). The API works without it:
  GET  /api/openapi.json              the API, OpenAPI 3.1
  GET  /api/scenarios                 built-in scenarios
  POST /api/run {"scenario": NAME|OBJECT}   the summary of gigawatt run --json
  GET  /api/runs, /api/runs/ID        runs saved in the results store (gigawatt runs / show)
  POST /api/sweeps {"scenario", "samples", "vary"}   a background sweep; progress over SSE

Examples:
  $ gigawatt serve                              http://127.0.0.1:8080/
  $ gigawatt serve --port 3000 --store ./runs.duckdb
  $ GIGAWATT_TOKEN=s3cret gigawatt serve --host 0.0.0.0
  $ curl -s localhost:8080/api/run -H 'content-type: application/json' \\
      -d '{"scenario":"stargate-abilene"}' | jq .totals.pue`,
    )
    .action(
      async (opts: {
        port: number;
        host: string;
        token?: string;
        maxBody: number;
        store?: string;
        sweepWorkers: number;
      }) => {
        const token = opts.token ?? process.env.GIGAWATT_TOKEN;
        const { url } = await startServer({
          port: opts.port,
          host: opts.host,
          token,
          maxBodyBytes: opts.maxBody,
          store: opts.store,
          sweepWorkers: opts.sweepWorkers,
        });
        process.stderr.write(
          `gigawatt serving the dashboard at ${url} and the API at ${url}api/openapi.json` +
            `${token ? ' (POST needs the bearer token)' : ''}; Ctrl-C stops it\n`,
        );
        await new Promise<void>((done) => {
          process.once('SIGINT', done);
          process.once('SIGTERM', done);
        });
      },
    );
}
