/** Puts the app (./app.ts) on a TCP port with @hono/node-server. */
import { type ServerType, serve } from '@hono/node-server';
import { type AppOptions, createApp } from './app.js';

export interface ServeOptions extends AppOptions {
  readonly port: number;
  readonly host: string;
}

/** Starts listening; resolves with the server and its URL once the port is bound. */
export function startServer(options: ServeOptions): Promise<{ server: ServerType; url: string }> {
  const app = createApp(options);
  return new Promise((resolvePromise, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, (info) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolvePromise({ server, url: `http://${host}:${info.port}/` });
    });
    server.once('error', reject);
  });
}
