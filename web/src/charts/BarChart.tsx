/**
 * Bars (grouped or stacked) or lines over categories, drawn as SVG so that it exports as SVG
 * exactly as shown (and as PNG through a canvas).
 */
import { downloadCsv } from '../export';
import { t as tr } from '../i18n';
import { C } from '../theme';
import { fmtNumber } from '../units';
import { SvgChartFrame } from './ChartFrame';
import { ChartTable } from './ChartTable';

export interface BarSeries {
  readonly name: string;
  readonly values: readonly number[];
  /** A CSS colour, normally one of the palette's (`C.blue` = `var(--s-blue)`). */
  readonly color: string;
}

export interface BarChartProps {
  readonly title: string;
  readonly subtitle?: string;
  /** Unit of the values (axis label and CSV header). */
  readonly unit: string;
  readonly categories: readonly string[];
  /** What a category is ("year", "month"): the row-header column of the table alternative. */
  readonly categoryLabel: string;
  readonly series: readonly BarSeries[];
  readonly mode?: 'stacked' | 'grouped' | 'line';
  /** Divides values for the axis (e.g. 1e6 with unitLabel "TWh" for MWh values). */
  readonly scale?: { factor: number; label: string };
  readonly file: string;
  readonly testId?: string;
  readonly height?: number;
}

const W = 640;

/** A round tick step (1, 2 or 5 × 10^k) giving about `count` intervals over `span`. */
export function niceStep(span: number, count = 4): number {
  if (!(span > 0)) return 1;
  const raw = span / count;
  const p = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * p >= raw) return m * p;
  return 10 * p;
}

/** A tick value: thousands separators, U+2212 minus, no float noise (0.30000000000000004 → 0.3). */
const tick = (x: number) => fmtNumber(Number(x.toPrecision(12)));

export function BarChart(p: BarChartProps) {
  // Legend entries wrap onto rows of 14 px under the axis (about 6.2 px per character at 11 px).
  const legend: { x: number; row: number }[] = [];
  {
    let x = 64;
    let row = 0;
    for (const ser of p.series) {
      const w = 24 + ser.name.length * 6.2;
      if (x + w > W - 10 && x > 64) {
        row += 1;
        x = 64;
      }
      legend.push({ x, row });
      x += w;
    }
  }
  const legendRows = (legend[legend.length - 1]?.row ?? 0) + 1;
  const H = (p.height ?? 240) + (legendRows - 1) * 14;
  const mode = p.mode ?? 'grouped';
  const f = p.scale?.factor ?? 1;
  const unitLabel = p.scale?.label ?? p.unit;
  const n = p.categories.length;
  const totals = p.categories.map((_, i) =>
    mode === 'stacked'
      ? p.series.reduce((a, s) => a + Math.max(0, s.values[i] ?? 0), 0)
      : Math.max(0, ...p.series.map((s) => s.values[i] ?? 0)),
  );
  // Axis from a round lower bound (0 for bars) to a round upper bound, ticks on round steps.
  const top = Math.max(...totals, 0) / f;
  const minLine = mode === 'line' ? Math.min(...p.series.flatMap((s) => s.values)) / f : 0;
  const roughLo = mode === 'line' && minLine > 0 && minLine > top / 2 ? minLine : 0;
  const step = niceStep(top - roughLo || top || 1);
  const lo = Math.floor(roughLo / step) * step;
  const hi = Math.max(lo + step, Math.ceil(top / step) * step);
  const m = { l: 64, r: 10, t: 10, b: 36 + (legendRows - 1) * 14 };
  const pw = W - m.l - m.r;
  const ph = H - m.t - m.b;
  const y = (v: number) => m.t + ph - ((v / f - lo) / (hi - lo || 1)) * ph;
  const band = pw / Math.max(1, n);
  const labelEvery = Math.max(1, Math.ceil(n / 8));
  const ticks = Array.from({ length: Math.round((hi - lo) / step) + 1 }, (_, k) => lo + k * step);

  const bars: preact.JSX.Element[] = [];
  p.categories.forEach((_, i) => {
    let base = 0;
    p.series.forEach((s, k) => {
      const v = Math.max(0, s.values[i] ?? 0);
      if (mode === 'stacked') {
        bars.push(
          <rect
            key={`${i}-${k}`}
            x={m.l + i * band + band * 0.1}
            width={band * 0.8}
            y={y(base + v)}
            height={y(base) - y(base + v)}
            style={{ fill: s.color }}
          >
            <title>{`${p.categories[i]} ${s.name}: ${tick(v / f)} ${unitLabel}`}</title>
          </rect>,
        );
        base += v;
      } else if (mode === 'grouped') {
        const w = (band * 0.8) / p.series.length;
        bars.push(
          <rect
            key={`${i}-${k}`}
            x={m.l + i * band + band * 0.1 + k * w}
            width={w}
            y={y(v)}
            height={y(0) - y(v)}
            style={{ fill: s.color }}
          >
            <title>{`${p.categories[i]} ${s.name}: ${tick(v / f)} ${unitLabel}`}</title>
          </rect>,
        );
      }
    });
  });
  const lines =
    mode === 'line'
      ? p.series.map((s) => (
          <polyline
            key={s.name}
            fill="none"
            style={{ stroke: s.color }}
            stroke-width={2}
            points={s.values
              .map((v, i) => `${(m.l + (i + 0.5) * band).toFixed(1)},${y(v).toFixed(1)}`)
              .join(' ')}
          />
        ))
      : null;

  const csv = () =>
    downloadCsv(
      `${p.file}.csv`,
      ['category', ...p.series.map((s) => `${s.name} (${p.unit})`)],
      p.categories.map((c, i) => [c, ...p.series.map((s) => s.values[i] ?? '')]),
    );
  return (
    <SvgChartFrame
      title={p.title}
      subtitle={p.subtitle}
      testId={p.testId}
      file={p.file}
      csv={csv}
      width={W}
      height={H}
      label={p.title}
      fontSize={11}
      after={
        <ChartTable
          summary={tr('bars.table')}
          caption={p.subtitle ? `${p.title}: ${p.subtitle}` : p.title}
          columns={[
            { label: p.categoryLabel },
            ...p.series.map((s) => ({ label: s.name, unit: unitLabel, numeric: true })),
          ]}
          rows={p.categories.map((c, i) => ({
            key: c,
            head: c,
            cells: p.series.map((s) => {
              const v = s.values[i];
              return v === undefined || !Number.isFinite(v) ? '–' : tick(v / f);
            }),
          }))}
          testId={p.testId ? `${p.testId}-table` : undefined}
        />
      }
    >
      {ticks.map((t) => (
        <g key={t} class="y-tick">
          <line x1={m.l} x2={W - m.r} y1={y(t * f)} y2={y(t * f)} style={{ stroke: C.grid }} />
          <text x={m.l - 6} y={y(t * f) + 4} text-anchor="end" style={{ fill: C.muted }}>
            {tick(t)}
          </text>
        </g>
      ))}
      <text
        x={12}
        y={m.t + ph / 2}
        transform={`rotate(-90 12 ${m.t + ph / 2})`}
        text-anchor="middle"
        style={{ fill: C.text2 }}
      >
        {unitLabel}
      </text>
      {bars}
      {lines}
      {p.categories.map((c, i) =>
        i % labelEvery === 0 ? (
          <text
            key={c}
            x={m.l + (i + 0.5) * band}
            y={H - m.b + 14}
            text-anchor="middle"
            style={{ fill: C.muted }}
          >
            {c}
          </text>
        ) : null,
      )}
      {p.series.map((s, k) => (
        <g
          key={s.name}
          transform={`translate(${legend[k]?.x ?? m.l}, ${H - 10 - (legendRows - 1 - (legend[k]?.row ?? 0)) * 14})`}
        >
          <rect width="10" height="10" y="-9" style={{ fill: s.color }} />
          <text x="14" style={{ fill: C.fg }}>
            {s.name}
          </text>
        </g>
      ))}
    </SvgChartFrame>
  );
}
