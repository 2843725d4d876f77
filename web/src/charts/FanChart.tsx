/**
 * A fan chart: one output's P5–P95 band and P50 line by calendar year over a sweep's samples (the
 * report's `byYear`, src/analysis/sweep/report.ts), on a round axis that includes zero; with a table
 * alternative and PNG/SVG/CSV export.
 */
import type { YearQuantiles } from '../../../src/analysis/sweep/report';
import { downloadCsv } from '../export';
import { t } from '../i18n';
import { fmtNumber } from '../units';
import { niceStep } from './BarChart';
import { SvgChartFrame } from './ChartFrame';
import { ChartTable } from './ChartTable';

export interface FanChartProps {
  readonly title: string;
  readonly subtitle?: string;
  readonly years: readonly YearQuantiles[];
  /** Unit of the raw values (CSV header), e.g. "USD". */
  readonly unit: string;
  /** Axis scale: raw values are divided by `factor` and labelled `label` (e.g. 1e9, "$ billion"). */
  readonly scale: { readonly factor: number; readonly label: string };
  /** Formats a raw value for the table and tooltips. */
  readonly format: (x: number) => string;
  readonly file: string;
  readonly testId?: string;
}

const W = 640;
const H = 260;

/** A tick value: thousands separators, U+2212 minus, no float noise. */
const tick = (x: number) => fmtNumber(Number(x.toPrecision(12)));

export function FanChart(p: FanChartProps) {
  const f = p.scale.factor;
  const lowest = Math.min(0, ...p.years.map((y) => y.p5 / f));
  const highest = Math.max(0, ...p.years.map((y) => y.p95 / f));
  const step = niceStep(highest - lowest || 1);
  const lo = Math.floor(lowest / step) * step;
  const hi = Math.max(lo + step, Math.ceil(highest / step) * step);
  const m = { l: 64, r: 28, t: 12, b: 30 };
  const pw = W - m.l - m.r;
  const ph = H - m.t - m.b;
  const n = p.years.length;
  const x = (i: number) => m.l + (n === 1 ? pw / 2 : (i / (n - 1)) * pw);
  const y = (v: number) => m.t + ph - ((v / f - lo) / (hi - lo)) * ph;
  const ticks = Array.from({ length: Math.round((hi - lo) / step) + 1 }, (_, k) => lo + k * step);
  const band = [
    ...p.years.map((q, i) => `${x(i).toFixed(1)},${y(q.p95).toFixed(1)}`),
    ...p.years.map((q, i) => `${x(i).toFixed(1)},${y(q.p5).toFixed(1)}`).reverse(),
  ].join(' ');
  const labelEvery = Math.max(1, Math.ceil(n / 10));
  const csv = () =>
    downloadCsv(
      `${p.file}.csv`,
      ['year', `P5 (${p.unit})`, `P50 (${p.unit})`, `P95 (${p.unit})`, `mean (${p.unit})`, 'samples'],
      p.years.map((q) => [q.year, q.p5, q.p50, q.p95, q.mean, q.n]),
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
      label={`${p.title}: ${p.years
        .map((q) => `${q.year} P50 ${p.format(q.p50)} (P5 ${p.format(q.p5)}, P95 ${p.format(q.p95)})`)
        .join('; ')}`}
      fontSize={12}
      svgClass="sweep-svg"
      after={
        <>
          <p class="note">{t('fan.legend')}</p>
          <ChartTable
            summary={t('fan.table')}
            caption={p.title}
            testId={p.testId ? `${p.testId}-table` : undefined}
            columns={[
              { label: t('fan.year') },
              { label: 'P5', numeric: true },
              { label: 'P50', numeric: true },
              { label: 'P95', numeric: true },
            ]}
            rows={p.years.map((q) => ({
              key: q.year,
              head: String(q.year),
              cells: [p.format(q.p5), p.format(q.p50), p.format(q.p95)],
            }))}
          />
        </>
      }
    >
      {ticks.map((t) => (
        <g key={t}>
          <line
            x1={m.l}
            x2={W - m.r}
            y1={y(t * f)}
            y2={y(t * f)}
            stroke={t === 0 ? 'var(--muted-2)' : 'var(--grid)'}
            class={t === 0 ? 'sweep-axis' : 'sweep-grid'}
          />
          <text x={m.l - 6} y={y(t * f) + 4} text-anchor="end" fill="var(--muted)" class="sweep-tick">
            {tick(t)}
          </text>
        </g>
      ))}
      <text
        x={14}
        y={m.t + ph / 2}
        transform={`rotate(-90 14 ${m.t + ph / 2})`}
        text-anchor="middle"
        fill="var(--text-2)"
        class="sweep-tick"
      >
        {p.scale.label}
      </text>
      <polygon points={band} fill="var(--band)" fill-opacity="0.6" class="sweep-band" />
      <polyline
        points={p.years.map((q, i) => `${x(i).toFixed(1)},${y(q.p50).toFixed(1)}`).join(' ')}
        fill="none"
        stroke="var(--median)"
        stroke-width="2"
        class="sweep-median-line"
      />
      {p.years.map((q, i) => (
        <g key={q.year}>
          <circle cx={x(i)} cy={y(q.p50)} r="3.5" fill="var(--median)" class="sweep-median-dot">
            <title>{`${q.year}: P50 ${p.format(q.p50)}, P5 ${p.format(q.p5)}, P95 ${p.format(q.p95)}`}</title>
          </circle>
          {i % labelEvery === 0 && (
            <text x={x(i)} y={H - m.b + 16} text-anchor="middle" fill="var(--muted)" class="sweep-tick">
              {q.year}
            </text>
          )}
        </g>
      ))}
    </SvgChartFrame>
  );
}
