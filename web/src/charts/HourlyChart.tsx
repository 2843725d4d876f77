/**
 * A year (or several) of hourly power with zoom: uPlot draws 40,000+ points per series on a
 * canvas. Drag to zoom, double-click to reset, click a legend entry to hide a series. Exports the
 * visible range: PNG (the canvas), SVG (min/max per pixel column) and CSV (every hour).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { download, downloadCanvas, downloadCsv } from '../export';
import { t } from '../i18n';
import { cssColor, useTheme } from '../theme';
import { etcZone, isoMinute, siteStandardTime, type TimeZoneView, tickLabel, UTC } from '../time';
import { fmtNumber } from '../units';
import { ChartFrame } from './ChartFrame';

export interface HourlySeriesSpec {
  readonly key: string;
  readonly label: string;
  readonly values: Float64Array;
  readonly color: string;
  readonly show?: boolean;
}

const HOUR_S = 3600;

export function HourlyChart(p: {
  title: string;
  subtitle?: string;
  unit: string;
  startMs: number;
  hours: number;
  series: readonly HourlySeriesSpec[];
  file: string;
  /** Hours per value (default 1; 24 for the server's first view of daily means). */
  stepHours?: number;
  /** The site's standard-time offset east of UTC (its weather station's), when one applies. */
  localOffsetHours?: number | undefined;
  /** Instants to mark with a dashed vertical line (e.g. the ERCOT 4CP hours), ms UTC. */
  markers?: readonly { ms: number; label: string }[];
}) {
  const STEP_S = HOUR_S * (p.stepHours ?? 1);
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const [local, setLocal] = useState(false);
  const zone: TimeZoneView =
    local && p.localOffsetHours !== undefined ? siteStandardTime(p.localOffsetHours) : UTC;
  const zoneSuffix =
    zone.offsetHours === 0 ? 'UTC' : zone.label.replace(/^site standard time \((.*)\)$/, '$1');
  const [range, setRange] = useState<[number, number] | null>(null);
  const theme = useTheme();
  // The plot is built when what it shows changes (series, period, unit, zone, theme); a new run of the same
  // series only gives it new values (below), so a slider move keeps the zoom and hidden series and
  // skips rebuilding the canvas, axes and legend.
  const shape = JSON.stringify([
    p.series.map((s) => [s.key, s.label, s.color, s.show ?? true]),
    p.startMs,
    p.hours,
    p.unit,
    STEP_S,
    zone.offsetHours,
    theme,
  ]);
  const series = useRef(p.series);
  series.current = p.series;
  const markers = useRef(p.markers);
  markers.current = p.markers;
  /** The series whose values the plot has. */
  const drawn = useRef<readonly HourlySeriesSpec[] | null>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const specs = series.current;
    drawn.current = specs;
    const xs = new Float64Array(p.hours);
    for (let h = 0; h < p.hours; h++) xs[h] = p.startMs / 1000 + h * STEP_S;
    const tz = etcZone(zone.offsetHours) ?? 'UTC';
    const width = () => Math.max(200, el.clientWidth);
    // Canvas colours are concrete: the palette's custom properties as the theme now shows them.
    const ink = cssColor('var(--fg)');
    const grid = { stroke: cssColor('var(--grid)') };
    const opts: uPlot.Options = {
      width: width(),
      height: 300,
      cursor: { drag: { x: true, y: false } },
      scales: { x: { time: true } },
      // Tick placement in the chosen zone (midnights, month starts), never the browser's.
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1e3), tz),
      axes: [
        {
          stroke: ink,
          grid,
          ticks: grid,
          values: (_u, splits, _i, _space, incr) => {
            const labels = splits.map((v) => tickLabel(v * 1000, incr, zone));
            el.dataset.xTicks = labels.join('|');
            return labels;
          },
        },
        {
          label: p.unit,
          size: 70,
          stroke: ink,
          grid,
          ticks: grid,
          values: (_u, vals) => vals.map((v) => fmtNumber(v)),
        },
      ],
      series: [
        {
          label: `${t('hourly.time')} (${zoneSuffix})`,
          value: (_u: uPlot, v: number | null) =>
            v === null ? '—' : `${isoMinute(v * 1000, zone)} ${zoneSuffix}`,
        },
        ...specs.map((s) => ({
          label: `${s.label} (${p.unit})`,
          stroke: cssColor(s.color),
          width: 1,
          show: s.show ?? true,
          value: (_u: uPlot, v: number | null) => (v === null ? '—' : `${fmtNumber(v, 1)} ${p.unit}`),
        })),
      ],
      hooks: {
        draw: [
          (u) => {
            const ms = markers.current ?? [];
            if (ms.length === 0) return;
            const c = u.ctx;
            c.save();
            c.strokeStyle = cssColor('var(--s-violet)');
            c.setLineDash([4, 3]);
            c.lineWidth = 1.5;
            for (const m of ms) {
              const x = u.valToPos(m.ms / 1000, 'x', true);
              if (x < u.bbox.left || x > u.bbox.left + u.bbox.width) continue;
              c.beginPath();
              c.moveTo(x, u.bbox.top);
              c.lineTo(x, u.bbox.top + u.bbox.height);
              c.stroke();
            }
            c.restore();
          },
        ],
        setScale: [
          (u, key) => {
            if (key === 'x' && u.scales.x?.min != null && u.scales.x.max != null)
              setRange([u.scales.x.min, u.scales.x.max]);
          },
        ],
      },
    };
    const u = new uPlot(opts, [xs, ...specs.map((s) => s.values)] as unknown as uPlot.AlignedData, el);
    plot.current = u;
    // Legend entries work from the keyboard too: Tab to one, Enter or Space shows or hides it.
    el.querySelectorAll<HTMLElement>('.u-legend .u-series').forEach((row, i) => {
      if (i === 0) return;
      row.tabIndex = 0;
      row.setAttribute('role', 'button');
      const sync = () => row.setAttribute('aria-pressed', String(u.series[i]?.show !== false));
      sync();
      row.addEventListener('keydown', (e) => {
        if (e.key !== 'Enter' && e.key !== ' ') return;
        e.preventDefault();
        u.setSeries(i, { show: u.series[i]?.show === false });
        sync();
      });
      row.addEventListener('click', () => setTimeout(sync));
    });
    const ro = new ResizeObserver(() => u.setSize({ width: width(), height: 300 }));
    ro.observe(el);
    return () => {
      ro.disconnect();
      u.destroy();
      plot.current = null;
    };
  }, [shape]);

  // New values for the same series: the plot keeps its zoom (the y axis follows the new values).
  useEffect(() => {
    const u = plot.current;
    if (!u || drawn.current === p.series) return;
    drawn.current = p.series;
    const [x0, x1] = [u.data[0][0] as number, u.data[0][u.data[0].length - 1] as number];
    const { min, max } = u.scales.x ?? {};
    const zoomed = min != null && max != null && (min > x0 || max < x1);
    u.batch(() => {
      u.setData([u.data[0], ...p.series.map((s) => s.values)] as unknown as uPlot.AlignedData, true);
      if (zoomed) u.setScale('x', { min, max });
    });
  }, [p.series]);

  // Marker instants changed (another site, another run): drawn again, not rebuilt.
  const markerKey = (p.markers ?? []).map((m) => m.ms).join(',');
  useEffect(() => {
    plot.current?.redraw(false, false);
  }, [markerKey]);

  /** Keyboard and button zoom: scale the visible span about its centre, or move it by half a span. */
  const setX = (min: number, max: number) => {
    const u = plot.current;
    if (!u) return;
    const lo = p.startMs / 1000;
    const hi = lo + (p.hours - 1) * STEP_S;
    const span = Math.min(hi - lo, Math.max(24 * HOUR_S, max - min));
    const from = Math.min(Math.max(lo, min), hi - span);
    u.setScale('x', { min: from, max: from + span });
  };
  const xNow = (): [number, number] => {
    const x = plot.current?.scales.x;
    return [x?.min ?? p.startMs / 1000, x?.max ?? p.startMs / 1000 + (p.hours - 1) * STEP_S];
  };
  const zoom = (factor: number) => {
    const [min, max] = xNow();
    const c = (min + max) / 2;
    const half = ((max - min) / 2) * factor;
    setX(c - half, c + half);
  };
  const pan = (dir: number) => {
    const [min, max] = xNow();
    const d = (dir * (max - min)) / 2;
    setX(min + d, max + d);
  };
  const reset = () => setX(p.startMs / 1000, p.startMs / 1000 + (p.hours - 1) * STEP_S);

  const visible = (): [number, number] => {
    const u = plot.current;
    const min = u?.scales.x?.min ?? p.startMs / 1000;
    const max = u?.scales.x?.max ?? p.startMs / 1000 + p.hours * STEP_S;
    const from = Math.max(0, Math.floor((min - p.startMs / 1000) / STEP_S));
    const to = Math.min(p.hours, Math.ceil((max - p.startMs / 1000) / STEP_S) + 1);
    return [from, to];
  };
  const shown = () => p.series.filter((_s, i) => plot.current?.series[i + 1]?.show !== false);

  const csv = () => {
    const [from, to] = visible();
    const cols = shown();
    const rows: unknown[][] = [];
    for (let h = from; h < to; h++) {
      rows.push([
        new Date(p.startMs + h * STEP_S * 1000).toISOString().replace('.000Z', 'Z'),
        ...cols.map((s) => s.values[h]),
      ]);
    }
    downloadCsv(`${p.file}.csv`, ['time_utc', ...cols.map((s) => `${s.key} (${p.unit})`)], rows);
  };

  const svg = () => {
    const [from, to] = visible();
    const cols = shown();
    const W = 1000;
    const H = 320;
    const m = { l: 70, r: 10, t: 10, b: 40 };
    let hi = 0;
    for (const s of cols) for (let h = from; h < to; h++) hi = Math.max(hi, s.values[h] as number);
    hi = hi > 0 ? hi * 1.05 : 1;
    const px = W - m.l - m.r;
    const per = Math.max(1, Math.ceil((to - from) / px));
    const yy = (v: number) => (m.t + (H - m.t - m.b) * (1 - v / hi)).toFixed(1);
    const paths = cols.map((s) => {
      const pts: string[] = [];
      for (let h = from, c = 0; h < to; h += per, c++) {
        let lo = Infinity;
        let top = -Infinity;
        for (let k = h; k < Math.min(to, h + per); k++) {
          lo = Math.min(lo, s.values[k] as number);
          top = Math.max(top, s.values[k] as number);
        }
        const x = (m.l + (c / Math.ceil((to - from) / per)) * px).toFixed(1);
        pts.push(`${x},${yy(top)}`, `${x},${yy(lo)}`);
      }
      return `<polyline fill="none" stroke="${cssColor(s.color)}" stroke-width="1" points="${pts.join(' ')}"/>`;
    });
    const t = (h: number) =>
      new Date(p.startMs + h * STEP_S * 1000).toISOString().slice(0, 13).replace('T', ' ');
    const legend = cols
      .map(
        (s, k) =>
          `<g transform="translate(${m.l + k * 190},${H - 8})"><rect width="10" height="10" y="-9" fill="${cssColor(s.color)}"/><text x="14">${s.label} (${p.unit})</text></g>`,
      )
      .join('');
    const ticks = [0, 0.5, 1]
      .map(
        (f) =>
          `<text x="${m.l - 6}" y="${Number(yy(f * hi)) + 4}" text-anchor="end">${Math.round(f * hi).toLocaleString('en-US')}</text>`,
      )
      .join('');
    const body =
      `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="system-ui, sans-serif" font-size="11" fill="${cssColor('var(--fg)')}">` +
      `<rect width="${W}" height="${H}" fill="${cssColor('var(--surface)')}"/><text x="${m.l}" y="${H - m.b + 16}">${t(from)} UTC</text>` +
      `<text x="${W - m.r}" y="${H - m.b + 16}" text-anchor="end">${t(to - 1)} UTC</text>${ticks}` +
      `<text x="14" y="${H / 2}" transform="rotate(-90 14 ${H / 2})" text-anchor="middle">${p.unit}</text>${paths.join('')}${legend}</svg>`;
    download(`${p.file}.svg`, new Blob([body], { type: 'image/svg+xml' }));
  };

  return (
    <ChartFrame
      title={p.title}
      subtitle={`${p.subtitle ?? t('hourly.help')}${
        p.markers && p.markers.length > 0 ? t('hourly.markers', { n: p.markers.length }) : ''
      }`}
      testId="hourly-chart"
      exports={{
        png: () => {
          const c = plot.current?.ctx.canvas;
          if (c) downloadCanvas(`${p.file}.png`, c);
        },
        svg,
        csv,
      }}
    >
      <div class="chart-tools">
        <label>
          {t('hourly.timesIn')}{' '}
          <select
            value={local ? 'local' : 'utc'}
            data-testid="time-zone"
            onChange={(e) => setLocal((e.target as HTMLSelectElement).value === 'local')}
          >
            <option value="utc">UTC</option>
            {p.localOffsetHours !== undefined && (
              <option value="local">{siteStandardTime(p.localOffsetHours).label}</option>
            )}
          </select>
        </label>
        <span class="zoom">
          <button type="button" onClick={() => zoom(0.5)} data-testid="zoom-in">
            {t('hourly.zoomIn')}
          </button>
          <button type="button" onClick={() => zoom(2)} data-testid="zoom-out">
            {t('hourly.zoomOut')}
          </button>
          <button type="button" onClick={() => pan(-1)} aria-label={t('hourly.earlier')}>
            ←
          </button>
          <button type="button" onClick={() => pan(1)} aria-label={t('hourly.later')}>
            →
          </button>
          <button type="button" onClick={reset}>
            {t('hourly.whole')}
          </button>
        </span>
        <span class="sub" data-testid="hourly-range" aria-live="polite">
          {range
            ? `${isoMinute(range[0] * 1000, zone)} → ${isoMinute(range[1] * 1000, zone)} ${zoneSuffix}`
            : ''}
        </span>
      </div>
      <div ref={box} class="uplot-box" />
    </ChartFrame>
  );
}
