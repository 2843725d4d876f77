/**
 * `gigawatt serve --trust-proxy N` (createApp's `trustProxy`): which address the per-client sweep
 * cap counts. By default the connection's, whatever X-Forwarded-For says (anyone can write it);
 * behind N proxies of the server's own, the Nth entry from the right of the header, which the first
 * of those proxies appended (each proxy appends the address it received the request from, as nginx's
 * $proxy_add_x_forwarded_for does). A malformed header falls back to the connection's address.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/server/app.js';
import { checkTrustProxyHops, clientAddress, MAX_FORWARDED_FOR_CHARS } from '../src/server/client-address.js';
import { ComputePool } from '../src/server/compute/pool.js';
import { startServer } from '../src/server/serve.js';
import { SweepJobs } from '../src/server/sweep-jobs.js';

const root = join(import.meta.dirname, '..');
const dist = (name: string) => ({ filename: join(root, 'dist', name), execArgv: [] as string[] });
const web = join(root, 'web', 'dist');

const PROXY = '10.0.0.2'; // the reverse proxy: the socket address the server sees
const ALICE = '198.51.100.7'; // documentation addresses (RFC 5737)
const BOB = '198.51.100.8';

describe('clientAddress', () => {
  it('0 hops (default): the socket address, the header ignored however it is written', () => {
    expect(clientAddress(PROXY, ALICE, 0)).toBe(PROXY);
    expect(clientAddress(PROXY, `${ALICE}, ${BOB}`, 0)).toBe(PROXY);
    expect(clientAddress(undefined, ALICE, 0)).toBe('local'); // no socket (app.request in tests)
  });

  it('1 hop: the rightmost entry, the one the proxy appended; what the client wrote to its left is not used', () => {
    // Alice sends "X-Forwarded-For: 1.2.3.4" to the proxy, which appends her address.
    expect(clientAddress(PROXY, `1.2.3.4, ${ALICE}`, 1)).toBe(ALICE);
    expect(clientAddress(PROXY, ALICE, 1)).toBe(ALICE);
    expect(clientAddress(PROXY, `  ${ALICE}  `, 1)).toBe(ALICE);
    expect(clientAddress(PROXY, '2001:DB8::7', 1)).toBe('2001:db8::7'); // IPv6, one spelling
  });

  it('2 hops: the second entry from the right (the rightmost was appended by the second proxy)', () => {
    // client → CDN (appends the client) → load balancer (appends the CDN node) → server
    expect(clientAddress(PROXY, `6.6.6.6, ${ALICE}, 203.0.113.9`, 2)).toBe(ALICE);
    // fewer entries than proxies: the request did not come through them all; the socket, not a
    // client-written entry (Express would take the leftmost here)
    expect(clientAddress(PROXY, ALICE, 2)).toBe(PROXY);
  });

  it('a malformed header falls back to the socket address and never throws', () => {
    const bad = [
      '',
      ' ',
      ',',
      `${ALICE},`, // the rightmost entry is empty
      'garbage',
      'unknown', // as some proxies write for an unknown client
      `${ALICE}:443`, // with a port
      '999.1.1.1',
      `${ALICE}; drop table`,
      '\u0000\uFFFF',
    ];
    for (const header of bad) expect(clientAddress(PROXY, header, 1), JSON.stringify(header)).toBe(PROXY);
    // the entry the proxy appended is garbage, the client's is valid: still the socket
    expect(clientAddress(PROXY, `${ALICE}, garbage`, 2)).toBe(PROXY);
  });

  it(`a header over ${MAX_FORWARDED_FOR_CHARS} characters is ignored; one of exactly that length is read`, () => {
    const atLimit = `${' '.repeat(MAX_FORWARDED_FOR_CHARS - ALICE.length)}${ALICE}`;
    expect(atLimit.length).toBe(MAX_FORWARDED_FOR_CHARS);
    expect(clientAddress(PROXY, atLimit, 1)).toBe(ALICE);
    expect(clientAddress(PROXY, ` ${atLimit}`, 1)).toBe(PROXY);
    expect(clientAddress(PROXY, `${'9'.repeat(100_000)}, ${ALICE}`, 1)).toBe(PROXY);
  });

  it('checkTrustProxyHops: a whole number from 0 to 10, else a RangeError naming the option and the value', () => {
    for (const ok of [0, 1, 10]) expect(checkTrustProxyHops(ok)).toBe(ok);
    for (const [bad, shown] of [
      [-1, '-1'],
      [11, '11'],
      [1.5, '1.5'],
      [Number.NaN, 'NaN'],
      ['1', '"1"'],
    ] as const) {
      expect(() => checkTrustProxyHops(bad)).toThrow(RangeError);
      expect(() => checkTrustProxyHops(bad)).toThrow(
        `trustProxy: must be a whole number of proxy hops from 0 to 10 (got ${shown})`,
      );
    }
  });
});

describe('the per-client sweep cap behind a proxy (POST /api/sweeps)', () => {
  const cleanups: (() => unknown)[] = [];
  afterAll(async () => {
    for (const f of cleanups.reverse()) await f();
  });

  /** An app whose sweep cap is 1 per client (8 in total); sweeps long enough to stay active. */
  function appWith(trustProxy?: number) {
    const jobs = new SweepJobs({
      workers: 1,
      worker: dist('sweep-worker.js'),
      maxActive: 8,
      maxActivePerClient: 1,
    });
    cleanups.push(() => jobs.cancelAll());
    const app = createApp({
      store: false,
      webRoot: web,
      sweeps: jobs,
      ...(trustProxy === undefined ? {} : { trustProxy }),
    });
    /** POST a sweep as if from `socket`, with this X-Forwarded-For (none when undefined). */
    const post = async (socket: string, forwardedFor?: string) => {
      const r = await app.request(
        '/api/sweeps',
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor }),
          },
          body: JSON.stringify({
            scenario: 'stargate-abilene',
            samples: 400,
            vary: { 'sites[0].utilisation.busyFraction': { dist: 'uniform', min: 0.6, max: 0.9 } },
          }),
        },
        { incoming: { socket: { remoteAddress: socket } } },
      );
      const body = (await r.json()) as { id?: string; error?: string };
      return { status: r.status, client: body.id === undefined ? undefined : jobs.get(body.id)?.client };
    };
    return { app, jobs, post };
  }

  it('by default a spoofed X-Forwarded-For is ignored: the connection is the client', async () => {
    const { jobs, post } = appWith();
    expect(await post(PROXY, ALICE)).toEqual({ status: 202, client: `addr:${PROXY}` });
    // another "client" by the header, the same connection address: refused
    expect((await post(PROXY, BOB)).status).toBe(429);
    expect((await post(PROXY)).status).toBe(429);
    // another connection address is another client
    expect(await post(ALICE, BOB)).toEqual({ status: 202, client: `addr:${ALICE}` });
    await jobs.cancelAll();
  }, 30_000);

  it('--trust-proxy 1: two clients behind one proxy get a cap each; the header’s left part cannot dodge it', async () => {
    const { jobs, post } = appWith(1);
    expect(await post(PROXY, ALICE)).toEqual({ status: 202, client: `addr:${ALICE}` });
    expect(await post(PROXY, BOB)).toEqual({ status: 202, client: `addr:${BOB}` });
    // Alice again, with an address of her choosing in front of the one the proxy appended: still Alice
    expect((await post(PROXY, `203.0.113.50, ${ALICE}`)).status).toBe(429);
    expect((await post(PROXY, ALICE)).status).toBe(429);
    // a request without the header (not through the proxy) counts as the connection's address
    expect(await post(PROXY)).toEqual({ status: 202, client: `addr:${PROXY}` });
    await jobs.cancelAll();
  }, 30_000);

  it('--trust-proxy 1: a garbage or oversized header is the connection’s address (202/429, never a 500)', async () => {
    const { jobs, post } = appWith(1);
    expect(await post(PROXY, 'garbage')).toEqual({ status: 202, client: `addr:${PROXY}` });
    expect((await post(PROXY, '')).status).toBe(429);
    expect((await post(PROXY, `${'1.2.3.4,'.repeat(400)}${ALICE}`)).status).toBe(429); // 3,212 characters
    expect((await post(PROXY, 'unknown')).status).toBe(429);
    expect(await post(PROXY, BOB)).toEqual({ status: 202, client: `addr:${BOB}` });
    await jobs.cancelAll();
  }, 30_000);

  it('createApp refuses a bad trustProxy, naming it; the OpenAPI document states the rule in force', async () => {
    expect(() => createApp({ store: false, webRoot: web, trustProxy: 11 })).toThrow(
      /^trustProxy: must be a whole number of proxy hops from 0 to 10 \(got 11\)$/,
    );
    const description = async (trustProxy?: number) => {
      const app = createApp({
        store: false,
        webRoot: web,
        ...(trustProxy === undefined ? {} : { trustProxy }),
      });
      const doc = (await (await app.request('/api/openapi.json')).json()) as {
        info: { description: string };
      };
      return doc.info.description;
    };
    expect(await description()).toContain('X-Forwarded-For ignored');
    expect(await description(1)).toContain('the rightmost entry of X-Forwarded-For');
    expect(await description(2)).toContain('entry 2 from the right of X-Forwarded-For');
  });
});

describe('on a real socket (startServer)', () => {
  it('the connection address comes from the socket; with trustProxy 1 the forwarded one is counted instead', async () => {
    const clients: (string | undefined)[] = [];
    for (const trustProxy of [0, 1]) {
      const jobs = new SweepJobs({ workers: 1, worker: dist('sweep-worker.js'), maxActivePerClient: 1 });
      const compute = new ComputePool({ threads: 1, worker: dist('compute-worker.js') });
      const running = await startServer({
        port: 0,
        host: '127.0.0.1',
        store: false,
        webRoot: web,
        warm: false,
        sweeps: jobs,
        compute,
        trustProxy,
      });
      try {
        const r = await fetch(`${running.url}api/sweeps`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': `203.0.113.50, ${ALICE}` },
          body: JSON.stringify({
            scenario: 'stargate-abilene',
            samples: 400,
            vary: { 'sites[0].utilisation.busyFraction': { dist: 'uniform', min: 0.6, max: 0.9 } },
          }),
        });
        expect(r.status).toBe(202);
        clients.push(jobs.get(((await r.json()) as { id: string }).id)?.client);
      } finally {
        await running.close(1000);
      }
    }
    // the loopback connection (IPv4, or IPv4-mapped IPv6 on a dual-stack socket), then Alice
    expect(clients[0]).toMatch(/^addr:(::ffff:)?127\.0\.0\.1$/);
    expect(clients[1]).toBe(`addr:${ALICE}`);
  }, 60_000);
});

describe('gigawatt serve --trust-proxy', () => {
  const cli = join(root, 'dist', 'cli.js');
  const serve = (value: string) => {
    try {
      execFileSync(process.execPath, [cli, 'serve', '--port', '0', '--trust-proxy', value], {
        encoding: 'utf8',
        stdio: 'pipe',
        timeout: 20_000,
      });
      return { status: 0, stderr: '' };
    } catch (err) {
      const e = err as { status: number; stderr: string };
      return { status: e.status, stderr: e.stderr };
    }
  };

  it.each(['11', '-1', '1.5', 'two', ''])('exits 2 naming the option for %j', (value) => {
    const r = serve(value);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`option '--trust-proxy <hops>' argument '${value}' is invalid`);
    expect(r.stderr).toContain(`must be a whole number of proxy hops from 0 to 10 (got "${value}")`);
  });

  it('--help documents it', () => {
    const help = execFileSync(process.execPath, [cli, 'serve', '--help'], { encoding: 'utf8' });
    expect(help).toContain('--trust-proxy <hops>');
    expect(help).toMatch(/X-Forwarded-For/);
  });
});
