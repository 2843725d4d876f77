/**
 * A histogram over discrete categories (e.g. break-even years plus "not within the period"): one bar
 * per category, the count on a round integer axis and the share in each bar's title; with a table
 * alternative and PNG/SVG/CSV export.
 */
import { downloadCsv } from '../export';
import { t } from '../i18n';
import { fmtNumber } from '../units';
import { niceStep } from './BarChart';
import { SvgChartFrame } from './ChartFrame';
import { ChartTable } from './ChartTable';

export interface HistogramBin {
  readonly label: string;
  readonly count: number;
  /** Drawn in a muted colour (e.g. "not within the period"). */
  readonly muted?: boolean;
}

export interface HistogramProps {
  readonly title: string;
  readonly subtitle?: string;
  readonly bins: readonly HistogramBin[];
  /** What a count counts, e.g. "samples". */
  readonly unit: string;
  /** Header of the category column in the table and CSV, e.g. "break-even year". */
  readonly category: string;
  readonly file: string;
  readonly testId?: string;
}

const W = 640;
const H = 240;

/** Share of `total` as a percentage with one decimal. */
const share = (n: number, total: number) => `${fmtNumber(total > 0 ? (100 * n) / total : 0, 1)} %`;

export function Histogram(p: HistogramProps) {
  const total = p.bins.reduce((a, b) => a + b.count, 0);
  const maxCount = Math.max(1, ...p.bins.map((b) => b.count));
  const step = Math.max(1, niceStep(maxCount));
  const top = Math.ceil(maxCount / step) * step;
  const m = { l: 56, r: 10, t: 12, b: 34 };
  const pw = W - m.l - m.r;
  const ph = H - m.t - m.b;
  const y = (v: number) => m.t + ph - (v / top) * ph;
  const band = pw / Math.max(1, p.bins.length);
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, k) => k * step);
  const csv = () =>
    downloadCsv(
      `${p.file}.csv`,
      [p.category, p.unit, 'share (%)'],
      p.bins.map((b) => [b.label, b.count, total > 0 ? (100 * b.count) / total : 0]),
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
      label={`${p.title}: ${p.bins.map((b) => `${b.label} ${b.count} ${p.unit}`).join('; ')}`}
      fontSize={12}
      svgClass="sweep-svg"
      after={
        <ChartTable
          summary={t('hist.table')}
          caption={p.title}
          testId={p.testId ? `${p.testId}-table` : undefined}
          columns={[
            { label: p.category },
            { label: p.unit, numeric: true },
            { label: t('hist.share'), numeric: true },
          ]}
          rows={p.bins.map((b) => ({
            key: b.label,
            head: b.label,
            cells: [fmtNumber(b.count), share(b.count, total)],
          }))}
        />
      }
    >
      {ticks.map((t) => (
        <g key={t}>
          <line x1={m.l} x2={W - m.r} y1={y(t)} y2={y(t)} stroke="var(--grid)" class="sweep-grid" />
          <text x={m.l - 6} y={y(t) + 4} text-anchor="end" fill="var(--muted)" class="sweep-tick">
            {fmtNumber(t)}
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
        {p.unit}
      </text>
      {p.bins.map((b, i) => (
        <g key={b.label} data-bin={b.label}>
          <rect
            x={m.l + i * band + band * 0.15}
            width={band * 0.7}
            y={y(b.count)}
            height={y(0) - y(b.count)}
            fill={b.muted ? 'var(--s-gray)' : 'var(--s-violet)'}
            class={b.muted ? 'sweep-bar-muted' : 'sweep-bar'}
          >
            <title>{`${b.label}: ${b.count} ${p.unit} (${share(b.count, total)})`}</title>
          </rect>
          {b.count > 0 && (
            <text
              x={m.l + (i + 0.5) * band}
              y={y(b.count) - 4}
              text-anchor="middle"
              fill="var(--fg)"
              class="sweep-label"
            >
              {fmtNumber(b.count)}
            </text>
          )}
          <text
            x={m.l + (i + 0.5) * band}
            y={H - m.b + 16}
            text-anchor="middle"
            fill="var(--muted)"
            class="sweep-tick"
          >
            {b.label}
          </text>
        </g>
      ))}
    </SvgChartFrame>
  );
}
