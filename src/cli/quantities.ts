/** Numbers with units for the terminal, and the aligned table every command prints. */
import pc from 'picocolors';

export const trim = (x: number, digits = 3): string => {
  if (x === 0) return '0';
  const s = x.toPrecision(digits);
  return s.includes('e') ? s : String(Number(s));
};

/** Scales a value into the largest unit step it reaches: e.g. 1.2e6 MWh → "1.2 TWh". */
export function scaled(x: number, steps: readonly (readonly [number, string])[]): string {
  for (const [factor, unit] of steps) if (Math.abs(x) >= factor) return `${trim(x / factor)} ${unit}`;
  const last = steps[steps.length - 1] as readonly [number, string];
  return `${trim(x / last[0])} ${last[1]}`;
}

export const energy = (mwh: number) =>
  scaled(mwh, [
    [1e6, 'TWh'],
    [1e3, 'GWh'],
    [1, 'MWh'],
  ]);
export const power = (mw: number) =>
  scaled(mw, [
    [1e3, 'GW'],
    [1, 'MW'],
  ]);
export function usd(x: number): string {
  const abs = Math.abs(x);
  const [factor, suffix] =
    abs >= 1e9 ? [1e9, 'B'] : abs >= 1e6 ? [1e6, 'M'] : abs >= 1e3 ? [1e3, 'k'] : [1, ''];
  return `${x < 0 ? '-' : ''}$${trim(abs / factor)}${suffix}`;
}
export const tonnes = (t: number) =>
  scaled(t, [
    [1e6, 'Mt CO2e'],
    [1e3, 'kt CO2e'],
    [1, 't CO2e'],
  ]);
export const water = (m3: number) =>
  scaled(m3, [
    [1e6, 'million m³'],
    [1e3, 'thousand m³'],
    [1, 'm³'],
  ]);
export const flop = (x: number) => (x === 0 ? '0 FLOP' : `${x.toExponential(2).replace('e+', 'e')} FLOP`);
export const count = (x: number) => Math.round(x).toLocaleString('en-US');

/** An aligned text table: the first column left-aligned, the others right-aligned, the header in bold. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number)))
      .join('  ');
  return [pc.bold(line(header)), ...rows.map(line)].join('\n');
}
