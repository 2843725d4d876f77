/** A titled chart box with export buttons (PNG, SVG, CSV). */
import type { ComponentChildren } from 'preact';

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
            <button type="button" onClick={png} title="Download the chart as PNG">
              PNG
            </button>
          )}
          {svg && (
            <button type="button" onClick={svg} title="Download the chart as SVG">
              SVG
            </button>
          )}
          {csv && (
            <button type="button" onClick={csv} title="Download the data as CSV" data-testid="export-csv">
              CSV
            </button>
          )}
        </div>
      </header>
      {props.children}
    </section>
  );
}
