/**
 * The event queue's keyed events (one pending event per key, replaced in place): they must pop in
 * exactly the order that pushing every event and skipping the replaced ones gives, interleaved
 * with pushes and pops, ties in time included.
 */
import { describe, expect, it } from 'vitest';
import { EventQueue } from '../src/cluster/event-queue.js';
import { Rng } from '../src/cluster/rng.js';

describe('EventQueue keyed events', () => {
  it('pop in the same order as pushed events with the replaced ones skipped (20,000 random operations)', () => {
    const rng = new Rng(11);
    const keyed = new EventQueue(16);
    const plain = new EventQueue(16);
    const keys = 5;
    const first = keyed.reserveKeys(keys);
    // reference: every event pushed; a key's token bumps on replace/cancel, stale pops are skipped
    const token = new Array<number>(keys).fill(0);
    const got: string[] = [];
    const want: string[] = [];
    let now = 0;
    const popBoth = () => {
      if (keyed.pop()) got.push(`${keyed.time}/${keyed.kind}/${keyed.target}/${keyed.token}`);
      while (plain.pop()) {
        if (plain.kind === 1 && plain.token !== token[plain.target]) continue;
        want.push(`${plain.time}/${plain.kind}/${plain.target}/${plain.token}`);
        break;
      }
      now = Math.max(now, keyed.time);
    };
    for (let i = 0; i < 20_000; i++) {
      const op = rng.int(10);
      // coarse times so that ties in time are common
      const t = now + rng.int(8);
      if (op < 3) {
        keyed.push(t, 0, i);
        plain.push(t, 0, i);
      } else if (op < 6) {
        const k = rng.int(keys);
        token[k] = (token[k] as number) + 1;
        keyed.schedule(first + k, t, 1, k, token[k]);
        plain.push(t, 1, k, token[k]);
      } else if (op < 7) {
        const k = rng.int(keys);
        token[k] = (token[k] as number) + 1;
        keyed.cancel(first + k);
      } else {
        popBoth();
      }
    }
    while (keyed.size > 0) popBoth();
    let live = 0;
    while (plain.pop()) if (!(plain.kind === 1 && plain.token !== token[plain.target])) live++;
    expect(live).toBe(0);
    expect(got.length).toBeGreaterThan(5000);
    expect(got).toEqual(want);
  });

  it('tells whether a key has a pending event, and its time, and counts keyed events in size', () => {
    const q = new EventQueue();
    const k = q.reserveKeys(2);
    q.push(2, 0);
    expect(q.hasKey(k)).toBe(false);
    q.schedule(k, 1.5, 1);
    q.schedule(k + 1, 3, 1);
    expect(q.size).toBe(3);
    expect(q.peekTime()).toBe(1.5);
    q.schedule(k, 4, 1);
    expect(q.keyTime(k)).toBe(4);
    expect(q.size).toBe(3);
    q.cancel(k + 1);
    expect(q.hasKey(k + 1)).toBe(false);
    const order: number[] = [];
    while (q.pop()) order.push(q.time);
    expect(order).toEqual([2, 4]);
  });

  it('refuses a keyed time that is not finite', () => {
    const q = new EventQueue();
    expect(() => q.schedule(q.reserveKeys(1), Number.POSITIVE_INFINITY, 0)).toThrow(/finite/);
  });
});
