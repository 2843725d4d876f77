/**
 * The spread of a sweep's outputs, one row per output on its own axis: a bar from P5 to P95, a mark
 * at P50 and a whisker from the smallest to the largest sample (the CLI's `metrics.<name>`,
 * src/analysis/sweep/report.ts). Each row is scaled to its own min..max, so rows of different units
 * sit together; the values are printed under each bar. With a table alternative and PNG/SVG/CSV.
 */
import type { Quantiles } from '../../../src/analysis/sweep/statistics';
import { downloadCsv } from '../export';
import { t } from '../i18n';
import { fmtNumber } from '../units';
import { SvgChartFrame } from './ChartFrame';
import { ChartTable } from './ChartTable';

export interface QuantileRow {
  readonly key: string;
  readonly label: string;
  /** Unit of the raw values (CSV header). */
  readonly unit: string;
  readonly q: Quantiles;
  readonly format: (x: number) => string;
}

export interface QuantileRangesProps {
  readonly title: string;
  readonly subtitle?: string;
  readonly rows: readonly QuantileRow[];
  readonly file: string;
  readonly testId?: string;
}

const W = 640;
const ROW_PX = 52;

export function QuantileRanges(p: QuantileRangesProps) {
  const H = p.rows.length * ROW_PX + 8;
  const m = { l: 16, r: 16 };
  const csv = () =>
    downloadCsv(
      `${p.file}.csv`,
      ['output', 'unit', 'P5', 'P50', 'P95', 'mean', 'min', 'max', 'samples with a value'],
      p.rows.map((r) => [r.key, r.unit, r.q.p5, r.q.p50, r.q.p95, r.q.mean, r.q.min, r.q.max, r.q.n]),
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
      label={`${p.title}: ${p.rows
        .map((r) => `${r.label} P5 ${r.format(r.q.p5)}, P50 ${r.format(r.q.p50)}, P95 ${r.format(r.q.p95)}`)
        .join('; ')}`}
      fontSize={12}
      svgClass="sweep-svg"
      after={
        <ChartTable
          summary={t('ranges.table')}
          caption={p.title}
          testId={p.testId ? `${p.testId}-table` : undefined}
          columns={[
            { label: t('ranges.output') },
            ...['P5', 'P50', 'P95', t('ranges.mean'), t('ranges.min'), t('ranges.max'), t('ranges.n')].map(
              (label) => ({ label, numeric: true }),
            ),
          ]}
          rows={p.rows.map((r) => ({
            key: r.key,
            data: { key: r.key },
            head: r.label,
            cells: [
              ...[r.q.p5, r.q.p50, r.q.p95, r.q.mean, r.q.min, r.q.max].map((x) => r.format(x)),
              fmtNumber(r.q.n),
            ],
          }))}
        />
      }
    >
      {p.rows.map((r, i) => {
        const y = i * ROW_PX + 4;
        const span = r.q.max - r.q.min;
        // A constant output (every sample the same) is drawn as one mark in the middle.
        const x = (v: number) => (span > 0 ? m.l + ((v - r.q.min) / span) * (W - m.l - m.r) : W / 2);
        const mid = y + 24;
        return (
          <g key={r.key} data-key={r.key}>
            <text x={m.l} y={y + 12} fill="var(--fg)" font-weight="600" class="sweep-label">
              {r.label}
            </text>
            <line
              x1={x(r.q.min)}
              x2={x(r.q.max)}
              y1={mid}
              y2={mid}
              stroke="var(--muted-2)"
              class="sweep-whisker"
            />
            <rect
              x={x(r.q.p5)}
              y={mid - 7}
              width={Math.max(2, x(r.q.p95) - x(r.q.p5))}
              height={14}
              fill="var(--band)"
              class="sweep-band"
            >
              <title>
                {t('ranges.span', { label: r.label, p5: r.format(r.q.p5), p95: r.format(r.q.p95) })}
              </title>
            </rect>
            <line
              x1={x(r.q.p50)}
              x2={x(r.q.p50)}
              y1={mid - 9}
              y2={mid + 9}
              stroke="var(--median)"
              stroke-width="3"
              class="sweep-median"
            />
            <text x={m.l} y={mid + 22} fill="var(--muted)" class="sweep-tick">
              {`${t('ranges.min')} ${r.format(r.q.min)}`}
            </text>
            <text x={W / 2} y={mid + 22} text-anchor="middle" fill="var(--fg)" class="sweep-label">
              {`P5 ${r.format(r.q.p5)} · P50 ${r.format(r.q.p50)} · P95 ${r.format(r.q.p95)}`}
            </text>
            <text x={W - m.r} y={mid + 22} text-anchor="end" fill="var(--muted)" class="sweep-tick">
              {`${t('ranges.max')} ${r.format(r.q.max)}`}
            </text>
          </g>
        );
      })}
    </SvgChartFrame>
  );
}
