/** The cluster simulator's core: the event queue's order and the seeded random draws. */
import { describe, expect, it } from 'vitest';
import { EventQueue } from '../src/cluster/event-queue.js';
import { logFactorial, Rng } from '../src/cluster/rng.js';

describe('EventQueue', () => {
  it('pops events in time order, ties in insertion order', () => {
    const q = new EventQueue(2);
    const times = [5, 1, 3, 1, 5, 0.5, 3, 1];
    times.forEach((t, i) => {
      q.push(t, 0, i);
    });
    const popped: [number, number][] = [];
    while (q.pop()) popped.push([q.time, q.target]);
    expect(popped).toEqual([
      [0.5, 5],
      [1, 1],
      [1, 3],
      [1, 7],
      [3, 2],
      [3, 6],
      [5, 0],
      [5, 4],
    ]);
  });
  it('matches a sort of 10,000 random events (grows past its capacity)', () => {
    const rng = new Rng(7);
    const q = new EventQueue(16);
    const items = Array.from({ length: 10_000 }, (_, i) => ({ t: Math.floor(rng.uniform() * 100), i }));
    for (const it of items) q.push(it.t, 1, it.i, it.i);
    const expected = [...items].sort((a, b) => a.t - b.t || a.i - b.i).map((x) => x.i);
    const got: number[] = [];
    while (q.pop()) got.push(q.target);
    expect(got).toEqual(expected);
  });
  it('refuses a time that is not finite', () => {
    expect(() => new EventQueue().push(Number.NaN, 0)).toThrow(/finite/);
  });
});

describe('Rng (xoshiro128**)', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const sa = Array.from({ length: 5 }, () => a.nextUint32());
    expect(Array.from({ length: 5 }, () => b.nextUint32())).toEqual(sa);
    expect(Array.from({ length: 5 }, () => c.nextUint32())).not.toEqual(sa);
  });
  it('uniform draws lie in [0, 1) with mean 1/2 and variance 1/12', () => {
    const r = new Rng(1);
    const n = 200_000;
    let s = 0;
    let s2 = 0;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const u = r.uniform();
      if (!(u >= 0 && u < 1)) outside++;
      s += u;
      s2 += u * u;
    }
    expect(outside).toBe(0);
    expect(s / n).toBeCloseTo(0.5, 2);
    expect(s2 / n - (s / n) ** 2).toBeCloseTo(1 / 12, 3);
  });
  it('exponential draws have mean 1/rate', () => {
    const r = new Rng(2);
    let s = 0;
    for (let i = 0; i < 100_000; i++) s += r.exponential(4);
    expect(s / 100_000).toBeCloseTo(0.25, 2);
    expect(r.exponential(0)).toBe(Number.POSITIVE_INFINITY);
  });
  it('Poisson draws have mean and variance equal to the mean, small (Knuth) and large (PTRS)', () => {
    for (const mean of [3.5, 250]) {
      const r = new Rng(3);
      const n = 50_000;
      let s = 0;
      let s2 = 0;
      for (let i = 0; i < n; i++) {
        const k = r.poisson(mean);
        s += k;
        s2 += k * k;
      }
      const m = s / n;
      expect(Math.abs(m - mean) / mean).toBeLessThan(0.01);
      expect(Math.abs(s2 / n - m * m - mean) / mean).toBeLessThan(0.04);
    }
  });
  it('ln k! matches the exact sum', () => {
    let exact = 0;
    for (let i = 2; i <= 40; i++) exact += Math.log(i);
    expect(logFactorial(40)).toBeCloseTo(exact, 9);
  });
});
