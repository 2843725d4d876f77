/**
 * The bundled data as a `DataSource` that reads each file once per process (or worker thread): a
 * sweep resolves thousands of variants of one scenario against the same weather, carbon and prices.
 * The series are never written to by the engine, so sharing them between samples is safe.
 */
import type { DataSource } from '../../model/resolve.js';
import { fileDataSource } from '../data-source.js';

const caches = new Map<string, DataSource>();

export function cachedDataSource(dir?: string): DataSource {
  const key = dir ?? '';
  const hit = caches.get(key);
  if (hit) return hit;
  const src = fileDataSource(dir);
  const memo = <T>(f: (id: string) => T) => {
    const m = new Map<string, T>();
    return (id: string) => {
      let v = m.get(id);
      if (v === undefined) {
        v = f(id);
        m.set(id, v);
      }
      return v;
    };
  };
  const ds: DataSource = {
    weather: memo((id) => src.weather(id)),
    regionCarbon: memo((id) => src.regionCarbon(id)),
    price: memo((id) => src.price(id)),
    regionDemand: memo((id) => src.regionDemand(id)),
    regionGeneration: (() => {
      const byKind = {
        solar: memo((id) => src.regionGeneration(id, 'solar')),
        wind: memo((id) => src.regionGeneration(id, 'wind')),
      };
      return (id: string, kind: 'solar' | 'wind') => byKind[kind](id);
    })(),
  };
  caches.set(key, ds);
  return ds;
}
