/**
 * A chart's table alternative: a disclosure (`<details>`, closed) holding a table with a caption,
 * column headers (with their unit where the cells are bare numbers) and one row per category, the
 * first cell a row header. Every chart that draws data as SVG or canvas puts one under its drawing,
 * so that the figures can be read without the picture; the CSV button of the chart's frame exports
 * the raw values.
 */
import { t } from '../i18n';

export interface ChartTableColumn {
  readonly label: string;
  /** Shown after the label, "label (unit)", for columns of bare numbers. */
  readonly unit?: string | undefined;
  /** Right-aligned figures (class `num`). */
  readonly numeric?: boolean | undefined;
}

export interface ChartTableRow {
  readonly key: string | number;
  /** The row header (first column). */
  readonly head: string;
  /** Tooltip of the row header, e.g. the field path behind a label. */
  readonly headTitle?: string | undefined;
  /** The other cells, in the order of `columns` after the first. */
  readonly cells: readonly string[];
  /** `data-*` attributes of the row (e.g. `{ campus: id }` → `data-campus`), for tests and styling. */
  readonly data?: Readonly<Record<string, string>> | undefined;
}

export interface ChartTableProps {
  /** The disclosure's label, e.g. "The fan chart as a table". */
  readonly summary: string;
  /** The table's caption: what it holds (usually the chart's title). */
  readonly caption: string;
  /** Every column, the row-header column first. */
  readonly columns: readonly ChartTableColumn[];
  readonly rows: readonly ChartTableRow[];
  /** `data-testid` of the disclosure. */
  readonly testId?: string | undefined;
}

/** "P5 ($)", or the label alone without a unit. */
export const columnHeader = (c: ChartTableColumn): string =>
  c.unit ? t('table.withUnit', { label: c.label, unit: c.unit }) : c.label;

export function ChartTable(p: ChartTableProps) {
  const [head, ...rest] = p.columns;
  return (
    <details class="map-table" data-testid={p.testId}>
      <summary>{p.summary}</summary>
      <table>
        <caption>{p.caption}</caption>
        <thead>
          <tr>
            {head && <th scope="col">{columnHeader(head)}</th>}
            {rest.map((c) => (
              <th scope="col" key={c.label}>
                {columnHeader(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {p.rows.map((r) => (
            <tr
              key={r.key}
              {...Object.fromEntries(Object.entries(r.data ?? {}).map(([k, v]) => [`data-${k}`, v]))}
            >
              <th scope="row" title={r.headTitle}>
                {r.head}
              </th>
              {r.cells.map((c, i) => (
                <td key={rest[i]?.label ?? i} class={rest[i]?.numeric ? 'num' : undefined}>
                  {c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
