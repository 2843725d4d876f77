/**
 * The event queue of the cluster simulator: a binary min-heap keyed on (time, insertion sequence).
 *
 * Ties in time are broken by the order of insertion, so a run is deterministic: the same events
 * pushed in the same order pop in the same order, whatever their payloads. An event is four numbers
 * (time in hours, a kind, a target and a token) held in parallel typed arrays, so pushing and
 * popping allocate nothing once the arrays have grown. The heap itself holds only each event's time
 * and slot (the index of its other fields), so sifting moves two numbers per level. Cancellation is lazy: the simulator stores a
 * token with each entity, bumps it to cancel, and drops popped events whose token is stale.
 *
 * Keyed events: an entity with at most one pending event of its own (a failure process that is
 * redrawn whenever its rate changes) can `schedule` it under a key instead of pushing it. A new
 * schedule replaces the key's pending event in place and `cancel` removes it, so the heap never fills
 * with stale events. A keyed event takes its sequence number from the same counter as `push`, so the
 * order of events is exactly what pushing them (and skipping the replaced ones) would give.
 *
 * Cost: push, pop, schedule and cancel are O(log n) comparisons; n is the number of pending events.
 */
export class EventQueue {
  // the heap: time and slot of each pending pushed event, ordered by (time, seq of the slot)
  private hTime: Float64Array;
  private hSlot: Int32Array;
  // slots: the other fields of each pushed event, and a stack of the free slots
  private sSeq: Float64Array;
  private sKind: Int32Array;
  private sTarget: Int32Array;
  private sToken: Float64Array;
  private free: Int32Array;
  private nFree: number;
  private n = 0;
  private nextSeq = 0;

  // keyed events: fields indexed by key, and an indexed min-heap of the keys that have one pending
  private kTime = new Float64Array(0);
  private kSeq = new Float64Array(0);
  private kKind = new Int32Array(0);
  private kTarget = new Int32Array(0);
  private kToken = new Float64Array(0);
  /** Heap of keys ordered by (time, seq). */
  private kHeap = new Int32Array(0);
  /** Position of each key in `kHeap`, −1 when it has no pending event. */
  private kPos = new Int32Array(0);
  private kn = 0;

  /** Time (h) of the event last popped: valid after `pop()` returned true. */
  time = 0;
  /** Kind of the event last popped. */
  kind = 0;
  /** Target (entity index) of the event last popped. */
  target = 0;
  /**
   * Token of the event last popped: compare with the entity's current token to skip stale ones. An
   * event kind with no staleness to check may carry another integer here (its `payload`).
   */
  token = 0;

  /** The token slot read as the integer an event carries (e.g. a repair's origin), for readability. */
  get payload(): number {
    return this.token;
  }

  constructor(capacity = 1024) {
    const c = Math.max(16, capacity);
    this.hTime = new Float64Array(c);
    this.hSlot = new Int32Array(c);
    this.sSeq = new Float64Array(c);
    this.sKind = new Int32Array(c);
    this.sTarget = new Int32Array(c);
    this.sToken = new Float64Array(c);
    this.free = new Int32Array(c);
    for (let i = 0; i < c; i++) this.free[i] = c - 1 - i;
    this.nFree = c;
  }

  /** Number of pending events (keyed ones included). */
  get size(): number {
    return this.n + this.kn;
  }

  /** Time of the earliest pending event, h (Infinity when empty). */
  peekTime(): number {
    const a = this.n > 0 ? (this.hTime[0] as number) : Number.POSITIVE_INFINITY;
    const b = this.kn > 0 ? (this.kTime[this.kHeap[0] as number] as number) : Number.POSITIVE_INFINITY;
    return Math.min(a, b);
  }

  /** Schedules an event at time `t` (h); returns its sequence number. `t` must be finite. */
  push(t: number, kind: number, target = 0, token = 0): number {
    if (!Number.isFinite(t)) throw new RangeError(`EventQueue.push: time must be finite, got ${t}`);
    if (this.nFree === 0) this.grow();
    const slot = this.free[--this.nFree] as number;
    const s = this.nextSeq++;
    this.sSeq[slot] = s;
    this.sKind[slot] = kind;
    this.sTarget[slot] = target;
    this.sToken[slot] = token;
    // sift up: move parents down until the slot fits (a later push never precedes an equal time)
    const hTime = this.hTime;
    const hSlot = this.hSlot;
    let i = this.n++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = hTime[p] as number;
      if (pt <= t) break;
      hTime[i] = pt;
      hSlot[i] = hSlot[p] as number;
      i = p;
    }
    hTime[i] = t;
    hSlot[i] = slot;
    return s;
  }

  /** Reserves `count` new keys for keyed events; returns the first (keys are consecutive). */
  reserveKeys(count: number): number {
    const first = this.kPos.length;
    const c = first + count;
    const g64 = (a: Float64Array) => {
      const b = new Float64Array(c);
      b.set(a);
      return b;
    };
    const g32 = (a: Int32Array, fill = 0) => {
      const b = new Int32Array(c).fill(fill);
      b.set(a);
      return b;
    };
    this.kTime = g64(this.kTime);
    this.kSeq = g64(this.kSeq);
    this.kToken = g64(this.kToken);
    this.kKind = g32(this.kKind);
    this.kTarget = g32(this.kTarget);
    this.kHeap = g32(this.kHeap);
    this.kPos = g32(this.kPos, -1);
    return first;
  }

  /** True when `key` has a pending event. */
  hasKey(key: number): boolean {
    return (this.kPos[key] as number) >= 0;
  }

  /** Time (h) of the pending event of `key` (meaningful only while `hasKey(key)`). */
  keyTime(key: number): number {
    return this.kTime[key] as number;
  }

  /** Sequence number of the pending event of `key` (meaningful only while `hasKey(key)`). */
  keySeq(key: number): number {
    return this.kSeq[key] as number;
  }

  /**
   * Schedules the event of `key` at time `t` (h), replacing its pending one if any; returns its
   * sequence number (taken from the same counter as `push`). `t` must be finite.
   */
  schedule(key: number, t: number, kind: number, target = 0, token = 0): number {
    if (!Number.isFinite(t)) throw new RangeError(`EventQueue.schedule: time must be finite, got ${t}`);
    const s = this.nextSeq++;
    this.kTime[key] = t;
    this.kSeq[key] = s;
    this.kKind[key] = kind;
    this.kTarget[key] = target;
    this.kToken[key] = token;
    let i = this.kPos[key] as number;
    if (i < 0) {
      i = this.kn++;
      this.kHeap[i] = key;
      this.kPos[key] = i;
      this.kSiftUp(i);
    } else {
      // the new event is later in sequence than the one replaced; its time may go either way
      this.kSiftDown(this.kSiftUp(i));
    }
    return s;
  }

  /** Removes the pending event of `key`, if any. */
  cancel(key: number): void {
    const i = this.kPos[key] as number;
    if (i < 0) return;
    this.kPos[key] = -1;
    const last = --this.kn;
    if (i === last) return;
    const moved = this.kHeap[last] as number;
    this.kHeap[i] = moved;
    this.kPos[moved] = i;
    this.kSiftDown(this.kSiftUp(i));
  }

  /** True when key a's event comes before key b's: (time, seq) order. */
  private kLess(a: number, b: number): boolean {
    const ta = this.kTime[a] as number;
    const tb = this.kTime[b] as number;
    return ta < tb || (ta === tb && (this.kSeq[a] as number) < (this.kSeq[b] as number));
  }

  private kSiftUp(i: number): number {
    const heap = this.kHeap;
    const key = heap[i] as number;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pk = heap[p] as number;
      if (!this.kLess(key, pk)) break;
      heap[i] = pk;
      this.kPos[pk] = i;
      i = p;
    }
    heap[i] = key;
    this.kPos[key] = i;
    return i;
  }

  private kSiftDown(i: number): void {
    const heap = this.kHeap;
    const n = this.kn;
    const key = heap[i] as number;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      let c = l;
      if (r < n && this.kLess(heap[r] as number, heap[l] as number)) c = r;
      const ck = heap[c] as number;
      if (!this.kLess(ck, key)) break;
      heap[i] = ck;
      this.kPos[ck] = i;
      i = c;
    }
    heap[i] = key;
    this.kPos[key] = i;
  }

  /** Pops the earliest event into `time`, `kind`, `target`, `token`; returns false when the queue is empty. */
  pop(): boolean {
    if (this.kn > 0) {
      const key = this.kHeap[0] as number;
      const kt = this.kTime[key] as number;
      const ht = this.n > 0 ? (this.hTime[0] as number) : Number.POSITIVE_INFINITY;
      if (
        kt < ht ||
        (kt === ht && (this.kSeq[key] as number) < (this.sSeq[this.hSlot[0] as number] as number))
      ) {
        this.time = kt;
        this.kind = this.kKind[key] as number;
        this.target = this.kTarget[key] as number;
        this.token = this.kToken[key] as number;
        this.cancel(key);
        return true;
      }
    }
    if (this.n === 0) return false;
    const hTime = this.hTime;
    const hSlot = this.hSlot;
    const sSeq = this.sSeq;
    const top = hSlot[0] as number;
    this.time = hTime[0] as number;
    this.kind = this.sKind[top] as number;
    this.target = this.sTarget[top] as number;
    this.token = this.sToken[top] as number;
    this.free[this.nFree++] = top;
    const last = --this.n;
    if (last === 0) return true;
    const t = hTime[last] as number;
    const slot = hSlot[last] as number;
    // sift down from the root
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= last) break;
      const r = l + 1;
      let c = l;
      let ct = hTime[l] as number;
      if (r < last) {
        const rt = hTime[r] as number;
        if (
          rt < ct ||
          (rt === ct && (sSeq[hSlot[r] as number] as number) < (sSeq[hSlot[l] as number] as number))
        ) {
          c = r;
          ct = rt;
        }
      }
      if (t < ct || (t === ct && (sSeq[slot] as number) < (sSeq[hSlot[c] as number] as number))) break;
      hTime[i] = ct;
      hSlot[i] = hSlot[c] as number;
      i = c;
    }
    hTime[i] = t;
    hSlot[i] = slot;
    return true;
  }

  private grow(): void {
    const old = this.hTime.length;
    const c = old * 2;
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
    this.hTime = grow64(this.hTime);
    this.hSlot = grow32(this.hSlot);
    this.sSeq = grow64(this.sSeq);
    this.sToken = grow64(this.sToken);
    this.sKind = grow32(this.sKind);
    this.sTarget = grow32(this.sTarget);
    // every slot is in use when growing: the new ones are the free ones
    this.free = new Int32Array(c);
    for (let i = old; i < c; i++) this.free[this.nFree++] = c - 1 - (i - old);
  }
}
