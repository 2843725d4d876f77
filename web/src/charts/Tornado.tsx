/**
 * The tornado of a sweep: each uncertain input's Spearman rank correlation ρ with the output (the
 * CLI's `tornado.ranking`, src/analysis/sweep/report.ts), as a bar left (ρ < 0) or right (ρ > 0) of
 * zero on a fixed −1..1 axis, largest |ρ| first; with a table alternative and PNG/SVG/CSV export.
 */
import type { TornadoBar } from '../../../src/analysis/sweep/report';
import { downloadCsv } from '../export';
import { SvgChartFrame } from './ChartFrame';

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
const AXIS: readonly (readonly [number, string])[] = [
  [-1, '\u22121'],
  [-0.5, '\u22120.5'],
  [0, 'ρ = 0'],
  [0.5, '+0.5'],
  [1, '+1'],
];

/** ρ with a sign always shown and the U+2212 minus. */
export const fmtRho = (rho: number) => `${rho >= 0 ? '+' : '\u2212'}${Math.abs(rho).toFixed(2)}`;

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
        <>
          <details class="map-table" data-testid={p.testId ? `${p.testId}-table` : undefined}>
            <summary>The tornado as a table</summary>
            <table>
              <thead>
                <tr>
                  <th scope="col">input</th>
                  <th scope="col">Spearman ρ</th>
                  <th scope="col">mean {p.outputLabel}, input ≤ median</th>
                  <th scope="col">mean {p.outputLabel}, input &gt; median</th>
                </tr>
              </thead>
              <tbody>
                {p.ranking.map((b) => (
                  <tr key={b.path}>
                    <th scope="row" title={b.path}>
                      {label(b.path)}
                    </th>
                    <td class="num">{fmtRho(b.rho)}</td>
                    <td class="num">{b.outputLow === null ? '—' : p.formatOutput(b.outputLow)}</td>
                    <td class="num">{b.outputHigh === null ? '—' : p.formatOutput(b.outputHigh)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      }
    >
      {AXIS.map(([t, text]) => (
        <g key={t}>
          <line
            x1={x(t)}
            x2={x(t)}
            y1={TOP_PX - 4}
            y2={H - 4}
            stroke={t === 0 ? 'var(--text-2)' : 'var(--grid)'}
            class={t === 0 ? 'sweep-axis' : 'sweep-grid'}
          />
          <text
            x={x(t)}
            y={TOP_PX - 8}
            text-anchor={t === -1 ? 'start' : t === 1 ? 'end' : 'middle'}
            fill="var(--muted)"
            class="sweep-tick"
          >
            {text}
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
