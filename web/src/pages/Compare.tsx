/**
 * Two scenarios side by side: every metric with the difference, by default over the hours both
 * simulate (the common window, when their periods differ), per year, monthly PUE and economics.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { monthly } from '../aggregate';
import { listScenarios, type ScenarioListItem } from '../api';
import { BarChart } from '../charts/BarChart';
import {
  commonWindow,
  type HourWindow,
  runWindow,
  sameWindow,
  WINDOW_METRICS,
  type WindowMetric,
  windowDays,
  windowTotals,
  windowYears,
} from '../compare-window';
import { engine } from '../engine-client';
import { downloadCsv } from '../export';
import { t } from '../i18n';
import type { RunView } from '../protocol';
import { C } from '../theme';
import { fmtDate, monthNames } from '../time';
import { useTitle } from '../title';
import { fmt, fmtNumber, formatValue, metricInfo, moneyNote } from '../units';

async function runBuiltin(name: string): Promise<RunView> {
  const r = await fetch(`api/scenarios/${encodeURIComponent(name)}`);
  const s = (await r.json()) as { yaml: string };
  const res = await engine().run({ yaml: s.yaml });
  if (!res) throw new Error('superseded');
  if (!res.ok) throw new Error(res.error ?? res.issues.map((i) => i.message).join('; '));
  return { raw: res.raw, summary: res.summary, sites: res.sites, units: res.units, timing: res.timing };
}

/** Energy-weighted PUE of each calendar month (January of every year together, …); 0 with no IT energy. */
export function pueByCalendarMonth(run: RunView): number[] {
  const it = new Array<number>(12).fill(0);
  const fac = new Array<number>(12).fill(0);
  for (const m of monthly(run.sites)) {
    const k = Number(m.month.slice(5, 7)) - 1;
    it[k] = (it[k] as number) + m.itMWh;
    fac[k] = (fac[k] as number) + m.facilityMWh;
  }
  return it.map((e, k) => (e > 0 ? (fac[k] as number) / e : 0));
}

/** NPV, IRR, payback and levelized cost of each run (its own period and discount rate), side by side. */
function EconomicsRows(p: { a: string; b: string; runs: [RunView, RunView] }) {
  const ea = p.runs[0].summary.economics;
  const eb = p.runs[1].summary.economics;
  if (!ea.cashFlows || !eb.cashFlows) return null;
  const pct = (x: number | null | undefined) =>
    x === null || x === undefined ? 'n/a' : `${fmtNumber(x * 100, 1)} %`;
  const usd2 = (x: number | null | undefined) => (x === null || x === undefined ? 'n/a' : fmt.usdExact(x, 2));
  const rows: [string, string, (e: typeof ea) => string][] = [
    ['npv', 'NPV', (e) => (e.npvUSD === undefined ? 'n/a' : fmt.usd(e.npvUSD))],
    ['discount', t('compare.discount'), (e) => pct(e.discountRate)],
    ['irr', 'IRR', (e) => pct(e.irr)],
    [
      'payback',
      t('compare.paybackYear'),
      (e) => (e.paybackYear == null ? t('compare.notInPeriod') : String(e.paybackYear)),
    ],
    ['lcoc', t('econ.perAccelHour'), (e) => usd2(e.levelized?.usdPerAcceleratorHour)],
    ['lcot', t('econ.perMtok'), (e) => usd2(e.levelized?.usdPerMillionTokens)],
  ];
  return (
    <section class="chart" data-testid="compare-economics">
      <header>
        <div>
          <h3>{t('compare.economics')}</h3>
          <p class="sub">
            {t('compare.economicsSub')} {moneyNote()}
          </p>
        </div>
      </header>
      <table>
        <thead>
          <tr>
            <th>{t('results.metric')}</th>
            <th>A: {p.a}</th>
            <th>B: {p.b}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([id, label, f]) => (
            <tr key={id} data-row={id}>
              <td>{label}</td>
              <td class="num">{f(ea)}</td>
              <td class="num">{f(eb)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Which hours the totals cover: the hours both scenarios simulate, or each one's own period. */
type WindowChoice = 'common' | 'own';

interface Row {
  readonly k: string;
  readonly x: number;
  readonly y: number;
  readonly d: number;
  readonly pct: number | null;
}
const row = (k: string, x: number, y: number): Row => ({
  k,
  x,
  y,
  d: y - x,
  pct: x !== 0 ? (y - x) / Math.abs(x) : null,
});

/** "(2026-01-01 → 2029-12-31)" in the dashboard's language and date format. */
const period = (w: HourWindow): string => {
  const [start, end] = windowDays(w);
  return t('compare.periods', { start: fmtDate(start), end: fmtDate(end) });
};

const compareHash = (a: string, b: string) => `#/compare/${encodeURIComponent(a)}/${encodeURIComponent(b)}`;

export function ComparePage(p: { a?: string | undefined; b?: string | undefined }) {
  const [list, setList] = useState<ScenarioListItem[]>([]);
  // The pair comes from the route, so back and forward bring earlier pairs back; picking one navigates.
  const a = p.a ?? 'anthropic-fluidstack';
  const b = p.b ?? 'stargate-abilene';
  const setA = (v: string) => {
    location.hash = compareHash(v, b);
  };
  const setB = (v: string) => {
    location.hash = compareHash(a, v);
  };
  const [runs, setRuns] = useState<[RunView, RunView] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [choice, setChoice] = useState<WindowChoice>('common');
  const [yearMetric, setYearMetric] = useState<WindowMetric>('facilityEnergyMWh');
  useTitle(t('compare.pageTitle', { a, b }));
  useEffect(() => {
    listScenarios().then(setList, (e: Error) => setError(e.message));
  }, []);
  useEffect(() => {
    // Only the latest pair's runs and errors show: a change of A or B makes earlier ones stale.
    let current = true;
    setRuns(null);
    setError(null);
    setChoice('common'); // each pair opens on its default window
    if (!p.a || !p.b) history.replaceState(null, '', compareHash(a, b));
    (async () => {
      const ra = await runBuiltin(a);
      const rb = await runBuiltin(b);
      if (current) setRuns([ra, rb]);
    })().catch((e: Error) => {
      if (current) setError(e.message);
    });
    return () => {
      current = false;
    };
  }, [a, b]);

  const pick = (label: string, value: string, set: (v: string) => void, testId: string) => (
    <label>
      {label}{' '}
      <select value={value} data-testid={testId} onChange={(e) => set((e.target as HTMLSelectElement).value)}>
        {list.map((s) => (
          <option key={s.name} value={s.name}>
            {s.name}
          </option>
        ))}
      </select>
    </label>
  );
  const wa = runs ? runWindow(runs[0].sites) : undefined;
  const wb = runs ? runWindow(runs[1].sites) : undefined;
  const same = wa && wb ? sameWindow(wa, wb) : false;
  const common = wa && wb && !same ? commonWindow(wa, wb) : undefined;
  // The common window by default when the periods differ and overlap; each one's own period otherwise.
  const windowShown: WindowChoice = common && choice === 'common' ? 'common' : 'own';
  const shownA = windowShown === 'common' ? common : wa;
  const shownB = windowShown === 'common' ? common : wb;
  const ta = runs?.[0].summary.totals as unknown as Record<string, number> | undefined;
  const tb = runs?.[1].summary.totals as unknown as Record<string, number> | undefined;
  const rows: Row[] = useMemo(() => {
    if (!runs || !ta || !tb) return [];
    if (windowShown === 'common' && common) {
      // Hourly sums and peaks over the same hours: the summary's totals rules, on the common hours.
      const xa = windowTotals(runs[0].sites, common);
      const xb = windowTotals(runs[1].sites, common);
      return WINDOW_METRICS.map((k) => row(k, xa[k], xb[k]));
    }
    return Object.keys(ta)
      .filter((k) => typeof ta[k] === 'number')
      .map((k) => row(k, ta[k] ?? 0, tb[k] ?? 0));
  }, [runs, windowShown]);
  /** Per calendar year (UTC): the years of the common window, or of either period. */
  const years = useMemo(() => {
    if (!runs || !wa || !wb) return [];
    const ya = windowYears(shownA ?? wa);
    const yb = windowYears(shownB ?? wb);
    const all = [...new Set([...ya, ...yb].map((y) => y.year))].sort();
    return all.map((year) => {
      const inA = ya.find((y) => y.year === year);
      const inB = yb.find((y) => y.year === year);
      return {
        year,
        hoursA: inA?.hours ?? 0,
        hoursB: inB?.hours ?? 0,
        a: inA ? windowTotals(runs[0].sites, inA) : undefined,
        b: inB ? windowTotals(runs[1].sites, inB) : undefined,
      };
    });
  }, [runs, windowShown]);
  const yearCats = years.map((y) => String(y.year));
  const byYear = (side: 'a' | 'b', k: WindowMetric) => years.map((y) => y[side]?.[k] ?? 0);
  const dates = (w: HourWindow) => {
    const [start, end] = windowDays(w);
    return { start: fmtDate(start), end: fmtDate(end) };
  };
  const windowText =
    windowShown === 'common' && common
      ? t('compare.commonWindow', { ...dates(common), hours: fmtNumber(common.hours, 0) })
      : same && wa
        ? t('compare.samePeriod', dates(wa))
        : t('compare.ownPeriods');
  return (
    <div class="compare">
      <h1>{t('compare.title')}</h1>
      <p class="compare-pick">
        {pick('A:', a, setA, 'compare-a')} {pick('B:', b, setB, 'compare-b')}
      </p>
      {error && <p class="error">{error}</p>}
      {!runs && !error && <p>{t('compare.simulating')}</p>}
      {runs && (
        <>
          {common && (
            <p class="compare-pick">
              <label>
                {t('compare.totalsOver', { window: '' }).trim()}{' '}
                <select
                  value={windowShown}
                  data-testid="compare-window"
                  onChange={(e) => setChoice((e.target as HTMLSelectElement).value as WindowChoice)}
                >
                  <option value="common">{t('compare.commonOption', dates(common))}</option>
                  <option value="own">{t('compare.ownPeriods')}</option>
                </select>
              </label>
            </p>
          )}
          {wa && wb && !same && !common && (
            <p class="note" data-testid="compare-no-overlap">
              {t('compare.noOverlap')}
            </p>
          )}
          <section class="chart" data-testid="compare-table" data-window={windowShown}>
            <header>
              <h3 data-testid="compare-window-label">{t('compare.totalsOver', { window: windowText })}</h3>
              <div class="exports">
                <button
                  type="button"
                  data-testid="export-compare-csv"
                  onClick={() =>
                    downloadCsv(
                      `compare-${a}-${b}${windowShown === 'common' ? '-common-window' : ''}.csv`,
                      ['metric', 'unit', a, b, 'difference (B − A)', 'relative difference'],
                      rows.map((r) => [r.k, metricInfo(r.k).unit, r.x, r.y, r.d, r.pct ?? '']),
                    )
                  }
                >
                  CSV
                </button>
              </div>
            </header>
            <table>
              <thead>
                <tr>
                  <th>{t('results.metric')}</th>
                  <th>{`A: ${a} ${shownA ? period(shownA) : ''}`}</th>
                  <th>{`B: ${b} ${shownB ? period(shownB) : ''}`}</th>
                  <th>B − A</th>
                  <th>%</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.k} data-metric={r.k}>
                    <td>{metricInfo(r.k).label}</td>
                    <td class="num">{formatValue(r.k, r.x)}</td>
                    <td class="num">{formatValue(r.k, r.y)}</td>
                    <td class="num">{r.d === 0 ? '0' : `${r.d > 0 ? '+' : ''}${formatValue(r.k, r.d)}`}</td>
                    <td class="num">
                      {r.pct === null ? '—' : `${r.pct > 0 ? '+' : ''}${fmtNumber(r.pct * 100, 1)} %`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {windowShown === 'common' && <p class="sub">{t('compare.windowNote')}</p>}
          </section>
          <section class="chart" data-testid="compare-years">
            <header>
              <div>
                <h3>{t('compare.byYear')}</h3>
                <p class="sub">{t('compare.byYearSub', { window: windowText })}</p>
              </div>
              <div class="exports">
                <button
                  type="button"
                  data-testid="export-compare-years-csv"
                  onClick={() =>
                    downloadCsv(
                      `compare-${a}-${b}-by-year.csv`,
                      ['year', 'metric', 'unit', `${a} hours`, `${b} hours`, a, b],
                      years.flatMap((y) =>
                        WINDOW_METRICS.map((k) => [
                          y.year,
                          k,
                          metricInfo(k).unit,
                          y.hoursA,
                          y.hoursB,
                          y.a?.[k] ?? '',
                          y.b?.[k] ?? '',
                        ]),
                      ),
                    )
                  }
                >
                  CSV
                </button>
              </div>
            </header>
            <label>
              {t('compare.metricPick')}{' '}
              <select
                value={yearMetric}
                data-testid="compare-year-metric"
                onChange={(e) => setYearMetric((e.target as HTMLSelectElement).value as WindowMetric)}
              >
                {WINDOW_METRICS.map((k) => (
                  <option key={k} value={k}>
                    {metricInfo(k).label}
                  </option>
                ))}
              </select>
            </label>
            <table>
              <thead>
                <tr>
                  <th>{t('compare.year')}</th>
                  <th>{t('compare.hoursOf', { side: 'A' })}</th>
                  <th>{t('compare.hoursOf', { side: 'B' })}</th>
                  <th>A: {a}</th>
                  <th>B: {b}</th>
                  <th>B − A</th>
                  <th>%</th>
                </tr>
              </thead>
              <tbody>
                {years.map((y) => {
                  const r = y.a && y.b ? row(yearMetric, y.a[yearMetric], y.b[yearMetric]) : undefined;
                  return (
                    <tr key={y.year} data-year={y.year}>
                      <td>{y.year}</td>
                      <td class="num">{fmtNumber(y.hoursA, 0)}</td>
                      <td class="num">{fmtNumber(y.hoursB, 0)}</td>
                      <td class="num">{y.a ? formatValue(yearMetric, y.a[yearMetric]) : '—'}</td>
                      <td class="num">{y.b ? formatValue(yearMetric, y.b[yearMetric]) : '—'}</td>
                      <td class="num">
                        {!r ? '—' : r.d === 0 ? '0' : `${r.d > 0 ? '+' : ''}${formatValue(r.k, r.d)}`}
                      </td>
                      <td class="num">
                        {!r || r.pct === null ? '—' : `${r.pct > 0 ? '+' : ''}${fmtNumber(r.pct * 100, 1)} %`}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>
          <EconomicsRows a={a} b={b} runs={runs} />
          <div class="grid2">
            <BarChart
              title={t('compare.energyByYear')}
              unit="MWh"
              scale={{ factor: 1e6, label: 'TWh' }}
              categories={yearCats}
              categoryLabel={t('fan.year')}
              series={[
                { name: `A: ${a}`, values: byYear('a', 'facilityEnergyMWh'), color: C.blue },
                { name: `B: ${b}`, values: byYear('b', 'facilityEnergyMWh'), color: C.orange },
              ]}
              file={`compare-${a}-${b}-energy`}
            />
            <BarChart
              title={t('compare.co2ByYear')}
              unit="t CO2e"
              scale={{ factor: 1e6, label: 'Mt CO2e' }}
              categories={yearCats}
              categoryLabel={t('fan.year')}
              series={[
                { name: `A: ${a}`, values: byYear('a', 'co2Tonnes'), color: C.blue },
                { name: `B: ${b}`, values: byYear('b', 'co2Tonnes'), color: C.orange },
              ]}
              file={`compare-${a}-${b}-co2`}
            />
            <BarChart
              title={t('compare.pueByMonth')}
              subtitle={t('compare.pueSub')}
              unit="ratio"
              mode="line"
              categories={monthNames()}
              categoryLabel={t('bars.month')}
              series={[
                { name: `A: ${a}`, values: pueByCalendarMonth(runs[0]), color: C.blue },
                { name: `B: ${b}`, values: pueByCalendarMonth(runs[1]), color: C.orange },
              ]}
              file={`compare-${a}-${b}-pue`}
            />
          </div>
        </>
      )}
    </div>
  );
}
