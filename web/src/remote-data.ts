/**
 * A `DataSource` for the browser: the engine asks synchronously, so the series are fetched first
 * from /api/datasets/:kind/:id and kept. Any DataSource method works (a Proxy maps the method name
 * to the dataset kind), so new data kinds added on the server need no change here.
 *
 * `replay` (the scenario's replay policy) is sent as `?replay=`: the server then returns only the
 * historical year(s) the engine replays under it (src/engine/replay-window.ts), e.g. one year of
 * carbon and prices instead of six, with identical results. Data are cached per policy.
 */
import { decodeTyped } from '../../src/io/typed-json';
import type { DataSource } from '../../src/model/resolve';

/** Thrown by the source when the engine asks for data not fetched yet. */
export class MissingData extends Error {
  constructor(
    readonly kind: string,
    readonly id: string,
  ) {
    super(`data not loaded: ${kind}/${id}`);
  }
}

export class RemoteData {
  private readonly cache = new Map<string, unknown>();
  private readonly pending = new Map<string, Promise<void>>();
  readonly source: DataSource;
  /** The replay policy of the scenario being run (set before each run). */
  replay: string | undefined;

  constructor(private readonly baseUrl: string) {
    this.source = new Proxy({} as DataSource, {
      get: (_t, kind) => {
        if (typeof kind !== 'string') return undefined;
        return (id: string) => {
          const key = this.key(kind, id);
          if (!this.cache.has(key)) throw new MissingData(kind, id);
          return this.cache.get(key);
        };
      },
    });
  }

  private key(kind: string, id: string): string {
    return this.replay === undefined ? `${kind}/${id}` : `${kind}/${id}?replay=${this.replay}`;
  }

  /** Fetches one dataset (once per replay policy). */
  ensure(kind: string, id: string): Promise<void> {
    const key = this.key(kind, id);
    if (this.cache.has(key)) return Promise.resolve();
    let p = this.pending.get(key);
    if (!p) {
      const query = this.replay === undefined ? '' : `?replay=${encodeURIComponent(this.replay)}`;
      const url = `${this.baseUrl}/api/datasets/${encodeURIComponent(kind)}/${encodeURIComponent(id)}${query}`;
      p = fetch(url)
        .then(async (r) => {
          const body = await r.json();
          if (!r.ok) throw new Error(body?.error ?? `HTTP ${r.status} for ${url}`);
          this.cache.set(key, decodeTyped(body));
        })
        .finally(() => this.pending.delete(key));
      this.pending.set(key, p);
    }
    return p;
  }
}

/**
 * Runs `fn` (which reads the source synchronously), fetching whatever it finds missing and trying
 * again, until it completes. `prefetch` names data known to be needed, fetched in parallel first.
 */
export async function withData<T>(
  data: RemoteData,
  prefetch: readonly [string, string][],
  fn: () => T,
): Promise<{ value: T; fetchMs: number }> {
  let fetchMs = 0;
  const t0 = performance.now();
  await Promise.all(prefetch.map(([k, id]) => data.ensure(k, id).catch(() => undefined)));
  fetchMs += performance.now() - t0;
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      return { value: fn(), fetchMs };
    } catch (err) {
      if (!(err instanceof MissingData)) throw err;
      const t1 = performance.now();
      await data.ensure(err.kind, err.id);
      fetchMs += performance.now() - t1;
    }
  }
  throw new Error('too many datasets requested');
}
