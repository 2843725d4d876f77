/** A titled chart box with export buttons (PNG, SVG, CSV). */
import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import { downloadSvg, downloadSvgAsPng } from '../export';
import { t } from '../i18n';
import { C } from '../theme';

export interface ExportActions {
  png?: () => void;
  svg?: () => void;
  csv?: () => void;
}

export function ChartFrame(props: {
  title: string;
  subtitle?: string;
  exports: ExportActions;
  testId?: string;
  children: ComponentChildren;
}) {
  const { png, svg, csv } = props.exports;
  return (
    <section class="chart" data-testid={props.testId}>
      <header>
        <div>
          <h3>{props.title}</h3>
          {props.subtitle && <p class="sub">{props.subtitle}</p>}
        </div>
        <div class="exports">
          {png && (
            <button type="button" onClick={png} title={t('chart.png')}>
              PNG
            </button>
          )}
          {svg && (
            <button type="button" onClick={svg} title={t('chart.svg')}>
              SVG
            </button>
          )}
          {csv && (
            <button type="button" onClick={csv} title={t('chart.csv')} data-testid="export-csv">
              CSV
            </button>
          )}
        </div>
      </header>
      {props.children}
    </section>
  );
}

/**
 * A ChartFrame around one SVG chart: PNG and SVG exports of that SVG (`file`.png, `file`.svg), CSV from
 * `csv`, the chart's drawing as children (on the theme's surface colour), and `after` below it (notes, the table alternative).
 */
export function SvgChartFrame(props: {
  title: string;
  subtitle?: string;
  testId?: string;
  file: string;
  csv: () => void;
  width: number;
  height: number;
  /** The text alternative of the drawing (aria-label). */
  label: string;
  fontSize: number;
  svgClass?: string;
  after?: ComponentChildren;
  children: ComponentChildren;
}) {
  const svgRef = useRef<SVGSVGElement>(null);
  return (
    <ChartFrame
      title={props.title}
      subtitle={props.subtitle}
      testId={props.testId}
      exports={{
        png: () => svgRef.current && void downloadSvgAsPng(`${props.file}.png`, svgRef.current),
        svg: () => svgRef.current && downloadSvg(`${props.file}.svg`, svgRef.current),
        csv: props.csv,
      }}
    >
      <svg
        ref={svgRef}
        viewBox={`0 0 ${props.width} ${props.height}`}
        width="100%"
        role="img"
        aria-label={props.label}
        font-family="system-ui, sans-serif"
        font-size={props.fontSize}
        class={props.svgClass}
      >
        <rect x="0" y="0" width={props.width} height={props.height} style={{ fill: C.surface }} />
        {props.children}
      </svg>
      {props.after}
    </ChartFrame>
  );
}
