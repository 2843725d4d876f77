/**
 * The tornado of a sweep: each uncertain input's Spearman rank correlation ρ with the output (the
 * CLI's `tornado.ranking`, src/analysis/sweep/report.ts), as a bar left (ρ < 0) or right (ρ > 0) of
 * zero on a fixed −1..1 axis, largest |ρ| first; with a table alternative and PNG/SVG/CSV export.
 */
import type { TornadoBar } from '../../../src/analysis/sweep/report';
import { downloadCsv } from '../export';
import { t } from '../i18n';
import { fmtNumber } from '../units';
import { SvgChartFrame } from './ChartFrame';
import { ChartTable } from './ChartTable';

export interface TornadoProps {
  readonly title: string;
  readonly subtitle?: string;
  readonly ranking: readonly TornadoBar[];
  /** The output ranked against, e.g. "NPV". */
  readonly outputLabel: string;
  /** Formats the output's means (below / above each input's median). */
  readonly formatOutput: (x: number) => string;
  /** Display label for an input path (the path itself when absent). */
  readonly labelOf?: (path: string) => string;
  readonly file: string;
  readonly testId?: string;
}

const W = 640;
const ROW_PX = 40;
const TOP_PX = 24;
/** The ρ axis's ticks: −1, −0.5, 0, +0.5, +1 (decimal separator of the page's language). */
const AXIS = [-1, -0.5, 0, 0.5, 1] as const;
const axisLabel = (x: number) =>
  x === 0 ? 'ρ = 0' : `${x > 0 ? '+' : '\u2212'}${fmtNumber(Math.abs(x), Number.isInteger(x) ? 0 : 1)}`;

/** ρ with two decimals, a sign always shown and the U+2212 minus (decimal comma in French). */
export const fmtRho = (rho: number) => `${rho >= 0 ? '+' : '\u2212'}${fmtNumber(Math.abs(rho), 2)}`;

export function Tornado(p: TornadoProps) {
  const label = p.labelOf ?? ((path: string) => path);
  const H = TOP_PX + p.ranking.length * ROW_PX + 8;
  // Room either side of the bars for a ρ label at ±1.
  const m = { l: 16, bar: 52 };
  const mid = W / 2;
  const half = W / 2 - m.bar;
  const x = (rho: number) => mid + rho * half;
  const csv = () =>
    downloadCsv(
      `${p.file}.csv`,
      [
        'input',
        'label',
        'spearman rho',
        `mean ${p.outputLabel} with input <= median`,
        `mean ${p.outputLabel} with input > median`,
      ],
      p.ranking.map((b) => [b.path, label(b.path), b.rho, b.outputLow ?? '', b.outputHigh ?? '']),
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
      label={`${p.title}: ${p.ranking.map((b) => `${label(b.path)} ρ ${fmtRho(b.rho)}`).join('; ')}`}
      fontSize={12}
      svgClass="sweep-svg"
      after={
        <ChartTable
          summary={t('tornado.table')}
          caption={p.title}
          testId={p.testId ? `${p.testId}-table` : undefined}
          columns={[
            { label: t('tornado.input') },
            { label: t('tornado.rho'), numeric: true },
            { label: t('tornado.low', { output: p.outputLabel }), numeric: true },
            { label: t('tornado.high', { output: p.outputLabel }), numeric: true },
          ]}
          rows={p.ranking.map((b) => ({
            key: b.path,
            head: label(b.path),
            headTitle: b.path,
            cells: [
              fmtRho(b.rho),
              b.outputLow === null ? '—' : p.formatOutput(b.outputLow),
              b.outputHigh === null ? '—' : p.formatOutput(b.outputHigh),
            ],
          }))}
        />
      }
    >
      {AXIS.map((v) => (
        <g key={v}>
          <line
            x1={x(v)}
            x2={x(v)}
            y1={TOP_PX - 4}
            y2={H - 4}
            stroke={v === 0 ? 'var(--text-2)' : 'var(--grid)'}
            class={v === 0 ? 'sweep-axis' : 'sweep-grid'}
          />
          <text
            x={x(v)}
            y={TOP_PX - 8}
            text-anchor={v === -1 ? 'start' : v === 1 ? 'end' : 'middle'}
            fill="var(--muted)"
            class="sweep-tick"
          >
            {axisLabel(v)}
          </text>
        </g>
      ))}
      {p.ranking.map((b, i) => {
        const y = TOP_PX + i * ROW_PX;
        const x0 = Math.min(x(0), x(b.rho));
        const w = Math.abs(x(b.rho) - x(0));
        const pos = b.rho >= 0;
        return (
          <g key={b.path} data-path={b.path}>
            <text x={m.l} y={y + 12} fill="var(--fg)" class="sweep-label">
              {label(b.path)}
            </text>
            <rect
              x={x0}
              y={y + 17}
              width={Math.max(1, w)}
              height={16}
              fill={pos ? 'var(--s-blue)' : 'var(--s-red)'}
              class={pos ? 'sweep-bar-pos' : 'sweep-bar-neg'}
            >
              <title>{`${label(b.path)}: ρ = ${fmtRho(b.rho)}`}</title>
            </rect>
            <text
              x={pos ? x(b.rho) + 4 : x(b.rho) - 4}
              y={y + 29}
              text-anchor={pos ? 'start' : 'end'}
              fill="var(--fg)"
              class="sweep-label"
            >
              {fmtRho(b.rho)}
            </text>
          </g>
        );
      })}
    </SvgChartFrame>
  );
}
