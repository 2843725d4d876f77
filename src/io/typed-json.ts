/**
 * JSON with typed arrays: the wire format of /api/datasets and of the data embedded in reports.
 * A `Float64Array` becomes `{"$f64": base64}` of its little-endian bytes (exact, 8 bytes a value),
 * a `Float32Array` `{"$f32": …}`, a `Uint8Array` `{"$u8": …}`; everything else is plain JSON.
 * Pure and isomorphic (no Node imports): base64 uses `btoa`/`atob`, global in Node ≥ 16 and browsers.
 */

const TAGS = { $f64: Float64Array, $f32: Float32Array, $u8: Uint8Array } as const;
type Tag = keyof typeof TAGS;

function bytesToBase64(bytes: Uint8Array): string {
  let out = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    out += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(out);
}

function base64ToBuffer(text: string): ArrayBuffer {
  const bin = atob(text);
  const buffer = new ArrayBuffer(bin.length);
  const bytes = new Uint8Array(buffer);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return buffer;
}

const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Replaces typed arrays by tagged base64 objects, recursively. `float32` stores Float64Arrays as $f32 (lossy, half the size). */
export function encodeTyped(value: unknown, options: { float32?: boolean } = {}): unknown {
  if (!littleEndian) throw new Error('typed JSON needs a little-endian platform');
  if (value instanceof Float64Array) {
    if (options.float32) return { $f32: bytesToBase64(new Uint8Array(new Float32Array(value).buffer)) };
    return { $f64: bytesToBase64(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)) };
  }
  if (value instanceof Float32Array) {
    return { $f32: bytesToBase64(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)) };
  }
  if (value instanceof Uint8Array) return { $u8: bytesToBase64(value) };
  if (Array.isArray(value)) return value.map((v) => encodeTyped(v, options));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = encodeTyped(v, options);
    return out;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return { $num: String(value) };
  return value;
}

/** Inverse of `encodeTyped`. */
export function decodeTyped(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeTyped);
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 1) {
      const key = keys[0] as string;
      const body = (value as Record<string, unknown>)[key];
      if (key in TAGS && typeof body === 'string') {
        const buffer = base64ToBuffer(body);
        const Ctor = TAGS[key as Tag];
        return new Ctor(buffer, 0, buffer.byteLength / Ctor.BYTES_PER_ELEMENT);
      }
      if (key === '$num' && typeof body === 'string') return Number(body);
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = decodeTyped(v);
    return out;
  }
  return value;
}
