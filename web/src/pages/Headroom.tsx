/**
 * The grid-headroom view (`#/headroom`): `GET /api/headroom?region=all` (exactly `gigawatt headroom
 * --json`) as a table of every bundled balancing authority with the new flexible load it could take at
 * each curtailment limit (Norris et al. 2025; method in docs/grid-headroom.md), their sum against the
 * Duke study's national figures, and one BA's curtailment curve (`?region=X` at more limits) as a chart
 * with a table alternative.
 */
import { useEffect, useState } from 'preact/hooks';
import { getHeadroom, type HeadroomDataQuality, type NationalHeadroom, type RegionHeadroom } from '../api';
import { ChartFrame } from '../charts/ChartFrame';
import { ChartTable } from '../charts/ChartTable';
import { downloadCsv } from '../export';
import { t } from '../i18n';
import { C } from '../theme';
import { useTitle } from '../title';
import { fmtNumber } from '../units';

/** The limit the table sorts by (percent of the new load's energy). */
const SORT_LIMIT_PCT = 0.5;
/** Limits of the curve chart, %: the CLI's defaults (0.25, 0.5, 1, 5) and points between and beyond. */
const CURVE_LIMITS_PCT = [0.1, 0.25, 0.5, 1, 2, 3, 5, 10] as const;

/** MW shown in GW with one decimal and thousands separators. */
const gw = (mw: number) => `${fmtNumber(mw / 1000, 1)} GW`;

const spanText = (years: readonly number[]) =>
  years.length > 2 && years.every((y, i) => i === 0 || y === (years[i - 1] as number) + 1)
    ? `${years[0]}–${years[years.length - 1]}`
    : years.join(', ');

/** One line on what a BA's figures rest on. */
export function qualityNote(q: HeadroomDataQuality): string {
  const parts = [t('hr.q.imputed', { pct: fmtNumber(q.imputedOrFlaggedPct, 2) })];
  if (q.unflaggedHours > 0) parts.push(t('hr.q.unflagged', { h: fmtNumber(q.unflaggedHours, 0) }));
  if (q.summerPeakImputedOrFlagged) parts.push(t('hr.q.summer'));
  if (q.winterPeakImputedOrFlagged) parts.push(t('hr.q.winter'));
  return [...parts, ...q.caveats].join('; ');
}

function HeadroomTable(p: { data: NationalHeadroom }) {
  const d = p.data;
  const k = Math.max(0, d.limitsPct.indexOf(SORT_LIMIT_PCT));
  const rows = [...d.rows].sort((a, b) => (b.headroomMW[k] ?? 0) - (a.headroomMW[k] ?? 0));
  const hasReference = d.total.some((x) => x.norris2025MW !== undefined);
  return (
    <ChartFrame
      title={t('hr.tableTitle', { n: d.bas })}
      subtitle={t('hr.tableSub', { limit: fmtNumber(d.limitsPct[k] ?? SORT_LIMIT_PCT) })}
      testId="headroom-table"
      exports={{
        csv: () =>
          downloadCsv(
            'grid-headroom.csv',
            [
              'region',
              'EIA code',
              'name',
              ...d.limitsPct.map((l) => `headroom at ${l}% (MW)`),
              'years',
              'imputed or flagged (% of hours)',
            ],
            rows.map((r) => [
              r.region,
              r.eiaBaCode,
              r.name,
              ...r.headroomMW,
              spanText(r.years),
              r.dataQuality.imputedOrFlaggedPct,
            ]),
          ),
      }}
    >
      <table>
        <thead>
          <tr>
            <th scope="col">{t('hr.ba')}</th>
            {d.limitsPct.map((l) => (
              <th scope="col" key={l}>
                {t('hr.at', { limit: fmtNumber(l) })}
              </th>
            ))}
            <th scope="col">{t('hr.years')}</th>
            <th scope="col">{t('hr.quality')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.region} data-region={r.region}>
              <th scope="row" title={r.name}>
                {r.region === r.eiaBaCode ? r.region : `${r.region} (${r.eiaBaCode})`}
              </th>
              {r.headroomMW.map((x, j) => (
                <td class="num" key={d.limitsPct[j]}>
                  {gw(x)}
                </td>
              ))}
              <td>{spanText(r.years)}</td>
              <td class="note-cell">{qualityNote(r.dataQuality)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-testid="headroom-total">
            <th scope="row">{t('hr.total', { n: d.bas })}</th>
            {d.total.map((x) => (
              <td class="num" key={x.curtailmentPct}>
                {gw(x.headroomMW)}
              </td>
            ))}
            <td>{d.years ? spanText(d.years) : t('hr.byBa')}</td>
            <td>{t('hr.sumNote')}</td>
          </tr>
          {hasReference && (
            <tr data-testid="headroom-norris">
              <th scope="row">Norris et al. 2025</th>
              {d.total.map((x) => (
                <td class="num" key={x.curtailmentPct}>
                  {x.norris2025MW === undefined
                    ? '—'
                    : t('hr.ours', {
                        gw: gw(x.norris2025MW),
                        pct: fmtNumber((x.ratioToNorris2025 ?? Number.NaN) * 100, 0),
                      })}
                </td>
              ))}
              <td>2016–2024</td>
              <td>{d.reference.basis}</td>
            </tr>
          )}
        </tfoot>
      </table>
      <p class="note">{t('hr.sources', { source: d.source, method: d.method })}</p>
    </ChartFrame>
  );
}

/** A round axis step (1, 2 or 5 × a power of ten) of at least `raw`. */
const niceStep = (raw: number) => {
  const p = 10 ** Math.floor(Math.log10(raw));
  return ([1, 2, 5, 10].find((f) => f * p >= raw) ?? 10) * p;
};

/** Headroom vs curtailment limit, log-scaled limit axis; SVG so that it scales to any width. */
function CurveChart(p: { curve: RegionHeadroom }) {
  const pts = p.curve.results;
  const W = 600;
  const H = 300;
  const m = { l: 60, r: 24, t: 12, b: 44 };
  const lx = (l: number) => Math.log10(l);
  const x0 = lx(pts[0]?.curtailmentPct ?? 0.1);
  const x1 = lx(pts[pts.length - 1]?.curtailmentPct ?? 10);
  const stepGW = niceStep(Math.max(1, ...pts.map((r) => r.headroomMW / 1000)) / 4);
  const yMaxGW = stepGW * Math.ceil(Math.max(1, ...pts.map((r) => r.headroomMW / 1000)) / stepGW);
  const sx = (l: number) => m.l + ((lx(l) - x0) / (x1 - x0 || 1)) * (W - m.l - m.r);
  const sy = (gwv: number) => H - m.b - (gwv / yMaxGW) * (H - m.t - m.b);
  const yTicks = Array.from({ length: Math.round(yMaxGW / stepGW) + 1 }, (_, i) => i * stepGW);
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      width="100%"
      style={{ maxWidth: '720px' }}
      role="img"
      aria-label={t('hr.curveLabel', { region: p.curve.region })}
    >
      <rect width={W} height={H} style={{ fill: C.surface }} />
      {yTicks.map((v) => (
        <g key={v}>
          <line x1={m.l} x2={W - m.r} y1={sy(v)} y2={sy(v)} style={{ stroke: C.grid }} />
          <text x={m.l - 6} y={sy(v) + 4} text-anchor="end" font-size="12">
            {fmtNumber(v, 0)}
          </text>
        </g>
      ))}
      {pts.map((r) => (
        <text
          key={r.curtailmentPct}
          x={sx(r.curtailmentPct)}
          y={H - m.b + 16}
          text-anchor="middle"
          font-size="12"
        >
          {fmtNumber(r.curtailmentPct)}
        </text>
      ))}
      <text x={(m.l + W - m.r) / 2} y={H - 6} text-anchor="middle" font-size="12">
        {t('hr.xAxis')}
      </text>
      <text
        transform={`translate(14 ${(m.t + H - m.b) / 2}) rotate(-90)`}
        text-anchor="middle"
        font-size="12"
      >
        {t('hr.yAxis')}
      </text>
      <polyline
        fill="none"
        style={{ stroke: C.blue }}
        stroke-width="2"
        points={pts.map((r) => `${sx(r.curtailmentPct)},${sy(r.headroomMW / 1000)}`).join(' ')}
      />
      {pts.map((r) => (
        <circle
          key={r.curtailmentPct}
          cx={sx(r.curtailmentPct)}
          cy={sy(r.headroomMW / 1000)}
          r="4"
          style={{ fill: C.blue }}
        >
          <title>{`${fmtNumber(r.curtailmentPct)} %: ${gw(r.headroomMW)}`}</title>
        </circle>
      ))}
    </svg>
  );
}

function CurvePanel(p: { region: string }) {
  const [curve, setCurve] = useState<RegionHeadroom | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setCurve(null);
    setError(null);
    getHeadroom(p.region, CURVE_LIMITS_PCT).then(
      (c) => live && setCurve(c),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [p.region]);
  if (error)
    return (
      <p role="alert" data-testid="headroom-curve-error">
        {t('hr.curveError', { region: p.region, error })}
      </p>
    );
  if (!curve || curve.region !== p.region)
    return (
      <p role="status" aria-busy="true" data-testid="headroom-curve-loading">
        {t('hr.curveLoading', { region: p.region })}
      </p>
    );
  return (
    <ChartFrame
      title={t('hr.curveTitle', { region: curve.region, years: spanText(curve.years) })}
      subtitle={t('hr.curveSub')}
      testId="headroom-curve"
      exports={{
        csv: () =>
          downloadCsv(
            `grid-headroom-${curve.region}.csv`,
            ['curtailment limit (%)', 'headroom (MW)', 'curtailed (h/yr)'],
            curve.results.map((r) => [r.curtailmentPct, r.headroomMW, r.curtailedHoursPerYear]),
          ),
      }}
    >
      <CurveChart curve={curve} />
      <ChartTable
        summary={t('hr.curveTable')}
        caption={t('hr.curveTitle', { region: curve.region, years: spanText(curve.years) })}
        testId="headroom-curve-table"
        columns={[
          { label: t('hr.limit') },
          { label: t('hr.headroom'), numeric: true },
          { label: t('hr.curtailed'), numeric: true },
        ]}
        rows={curve.results.map((r) => ({
          key: r.curtailmentPct,
          head: `${fmtNumber(r.curtailmentPct)} %`,
          cells: [gw(r.headroomMW), t('hr.hoursPerYear', { h: fmtNumber(r.curtailedHoursPerYear, 0) })],
        }))}
      />
    </ChartFrame>
  );
}

/** The page. */
export function HeadroomPage() {
  useTitle(t('headroom.title'));
  const [data, setData] = useState<NationalHeadroom | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [region, setRegion] = useState<string | null>(null);
  useEffect(() => {
    getHeadroom().then(
      (d) => {
        setData(d);
        const k = Math.max(0, d.limitsPct.indexOf(SORT_LIMIT_PCT));
        const top = [...d.rows].sort((a, b) => (b.headroomMW[k] ?? 0) - (a.headroomMW[k] ?? 0))[0];
        setRegion(top?.region ?? null);
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, []);
  if (error)
    return (
      <section data-testid="headroom-error">
        <h1>{t('headroom.title')}</h1>
        <p role="alert">{t('hr.error', { error })}</p>
      </section>
    );
  if (!data)
    return (
      <section aria-busy="true" data-testid="headroom-loading">
        <h1>{t('headroom.title')}</h1>
        <p role="status">{t('hr.loading')}</p>
      </section>
    );
  return (
    <section data-testid="headroom">
      <h1>{t('headroom.title')}</h1>
      <HeadroomTable data={data} />
      <label class="site-pick" style={{ display: 'block' }}>
        {t('hr.pick')}{' '}
        <select
          data-testid="headroom-region"
          style={{ maxWidth: '100%' }}
          value={region ?? ''}
          onChange={(e) => setRegion((e.target as HTMLSelectElement).value)}
        >
          {[...data.rows]
            .sort((a, b) => a.region.localeCompare(b.region))
            .map((r) => (
              <option key={r.region} value={r.region}>
                {r.region} — {r.name}
              </option>
            ))}
        </select>
      </label>
      {region !== null && <CurvePanel region={region} />}
    </section>
  );
}
