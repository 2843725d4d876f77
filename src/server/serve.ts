/** Puts the app (./app.ts) on a TCP port with @hono/node-server. */
import { type ServerType, serve } from '@hono/node-server';
import { fileDataSource } from '../io/data-source.js';
import { builtinScenarioNames } from '../io/load-scenario.js';
import { type AppOptions, createApp } from './app.js';
import { RunCache } from './scenario-input.js';

export interface ServeOptions extends AppOptions {
  readonly port: number;
  readonly host: string;
  /**
   * Run the dashboard's default campus (the navigation's "Texas + New York") once the port is
   * bound, in the background (default true), so its first view is answered from the cache (POST
   * /api/run, /api/run/hourly). The other built-ins are run on their first request and then kept.
   */
  readonly warm?: boolean;
}

/** The campus the dashboard links to first (web/src/main.tsx). */
const DEFAULT_CAMPUS = 'anthropic-fluidstack';

/**
 * Starts listening; resolves with the server and its URL once the port is bound, and `warmed`,
 * which resolves when the background warm-up of the default campus has finished.
 */
export function startServer(
  options: ServeOptions,
): Promise<{ server: ServerType; url: string; warmed: Promise<void> }> {
  const data = options.data ?? fileDataSource();
  const runs = options.runs ?? new RunCache(data);
  const app = createApp({ ...options, data, runs });
  return new Promise((resolvePromise, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, (info) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      const warmed =
        options.warm === false
          ? Promise.resolve()
          : runs.warm(builtinScenarioNames().filter((n) => n === DEFAULT_CAMPUS));
      resolvePromise({ server, url: `http://${host}:${info.port}/`, warmed });
    });
    server.once('error', reject);
  });
}
