/**
 * The event queue of the cluster simulator: a binary min-heap keyed on (time, insertion sequence).
 *
 * Ties in time are broken by the order of insertion, so a run is deterministic: the same events
 * pushed in the same order pop in the same order, whatever their payloads. An event is four numbers
 * (time in hours, a kind, a target and a token) held in parallel typed arrays, so pushing and
 * popping allocate nothing once the arrays have grown. Cancellation is lazy: the simulator stores a
 * token with each entity, bumps it to cancel, and drops popped events whose token is stale.
 *
 * Cost: push and pop are O(log n) comparisons; n is the number of pending events.
 */
export class EventQueue {
  private time: Float64Array;
  private seq: Float64Array;
  private kind: Int32Array;
  private target: Int32Array;
  private token: Float64Array;
  private n = 0;
  private nextSeq = 0;

  /** Time (h) of the event last popped: valid after `pop()` returned true. */
  t = 0;
  /** Kind of the event last popped. */
  k = 0;
  /** Target (entity index) of the event last popped. */
  a = 0;
  /** Token of the event last popped (compare with the entity's current token to skip stale ones). */
  tok = 0;

  constructor(capacity = 1024) {
    const c = Math.max(16, capacity);
    this.time = new Float64Array(c);
    this.seq = new Float64Array(c);
    this.kind = new Int32Array(c);
    this.target = new Int32Array(c);
    this.token = new Float64Array(c);
  }

  /** Number of pending events. */
  get size(): number {
    return this.n;
  }

  /** Time of the earliest pending event, h (Infinity when empty). */
  peekTime(): number {
    return this.n > 0 ? (this.time[0] as number) : Number.POSITIVE_INFINITY;
  }

  /** Schedules an event at time `t` (h). `t` must be a finite number (NaN would corrupt the order). */
  push(t: number, kind: number, target = 0, token = 0): void {
    if (!Number.isFinite(t)) throw new RangeError(`EventQueue.push: time must be finite, got ${t}`);
    if (this.n === this.time.length) this.grow();
    const s = this.nextSeq++;
    // sift up: move parents down until the slot fits
    let i = this.n++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = this.time[p] as number;
      if (pt < t || (pt === t && (this.seq[p] as number) < s)) break;
      this.move(p, i);
      i = p;
    }
    this.set(i, t, s, kind, target, token);
  }

  /** Pops the earliest event into `t`, `k`, `a`, `tok`; returns false when the queue is empty. */
  pop(): boolean {
    if (this.n === 0) return false;
    this.t = this.time[0] as number;
    this.k = this.kind[0] as number;
    this.a = this.target[0] as number;
    this.tok = this.token[0] as number;
    const last = --this.n;
    if (last === 0) return true;
    const t = this.time[last] as number;
    const s = this.seq[last] as number;
    const kind = this.kind[last] as number;
    const target = this.target[last] as number;
    const token = this.token[last] as number;
    // sift down from the root
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= last) break;
      const r = l + 1;
      let c = l;
      if (r < last) {
        const lt = this.time[l] as number;
        const rt = this.time[r] as number;
        if (rt < lt || (rt === lt && (this.seq[r] as number) < (this.seq[l] as number))) c = r;
      }
      const ct = this.time[c] as number;
      if (t < ct || (t === ct && s < (this.seq[c] as number))) break;
      this.move(c, i);
      i = c;
    }
    this.set(i, t, s, kind, target, token);
    return true;
  }

  private move(from: number, to: number): void {
    this.time[to] = this.time[from] as number;
    this.seq[to] = this.seq[from] as number;
    this.kind[to] = this.kind[from] as number;
    this.target[to] = this.target[from] as number;
    this.token[to] = this.token[from] as number;
  }

  private set(i: number, t: number, s: number, kind: number, target: number, token: number): void {
    this.time[i] = t;
    this.seq[i] = s;
    this.kind[i] = kind;
    this.target[i] = target;
    this.token[i] = token;
  }

  private grow(): void {
    const c = this.time.length * 2;
    const grow64 = (a: Float64Array) => {
      const b = new Float64Array(c);
      b.set(a);
      return b;
    };
    const grow32 = (a: Int32Array) => {
      const b = new Int32Array(c);
      b.set(a);
      return b;
    };
    this.time = grow64(this.time);
    this.seq = grow64(this.seq);
    this.token = grow64(this.token);
    this.kind = grow32(this.kind);
    this.target = grow32(this.target);
  }
}
