/**
 * The page's side of the engine worker. Requests made while a run is in flight are coalesced: only
 * the latest waits, so dragging a slider never queues stale runs.
 */
import type { RunRequest, RunResponse } from './protocol';

type Pending = { req: Omit<RunRequest, 'id'>; resolve: (r: RunResponse) => void };

export class EngineClient {
  private readonly worker: Worker;
  private nextId = 1;
  private inFlight: { id: number; resolve: (r: RunResponse) => void } | undefined;
  private queued: Pending | undefined;

  constructor() {
    this.worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (e: MessageEvent<RunResponse>) => {
      const done = this.inFlight;
      this.inFlight = undefined;
      if (done && done.id === e.data.id) done.resolve(e.data);
      this.pump();
    };
  }

  /** Runs a scenario; a request superseded before it started resolves with `undefined`. */
  run(req: Omit<RunRequest, 'id'>): Promise<RunResponse | undefined> {
    return new Promise((resolve) => {
      const prev = this.queued;
      this.queued = { req, resolve };
      if (prev) (prev.resolve as (r: RunResponse | undefined) => void)(undefined);
      this.pump();
    });
  }

  private pump(): void {
    if (this.inFlight || !this.queued) return;
    const { req, resolve } = this.queued;
    this.queued = undefined;
    const id = this.nextId++;
    this.inFlight = { id, resolve };
    this.worker.postMessage({ ...req, id });
  }
}

let shared: EngineClient | undefined;
export const engine = (): EngineClient => {
  shared ??= new EngineClient();
  return shared;
};
