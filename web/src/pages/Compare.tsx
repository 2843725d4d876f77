/** Two scenarios side by side: every metric with the difference, yearly energy and CO2, monthly PUE. */
import { useEffect, useState } from 'preact/hooks';
import { monthly } from '../aggregate';
import { listScenarios, type ScenarioListItem } from '../api';
import { BarChart } from '../charts/BarChart';
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

export function ComparePage(p: { a?: string | undefined; b?: string | undefined }) {
  const [list, setList] = useState<ScenarioListItem[]>([]);
  const [a, setA] = useState(p.a ?? 'anthropic-fluidstack');
  const [b, setB] = useState(p.b ?? 'stargate-abilene');
  const [runs, setRuns] = useState<[RunView, RunView] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useTitle(t('compare.pageTitle', { a, b }));
  useEffect(() => {
    listScenarios().then(setList, (e: Error) => setError(e.message));
  }, []);
  useEffect(() => {
    // Only the latest pair's runs and errors show: a change of A or B makes earlier ones stale.
    let current = true;
    setRuns(null);
    setError(null);
    history.replaceState(null, '', `#/compare/${encodeURIComponent(a)}/${encodeURIComponent(b)}`);
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
  const ta = runs?.[0].summary.totals as unknown as Record<string, number> | undefined;
  const tb = runs?.[1].summary.totals as unknown as Record<string, number> | undefined;
  const keys = ta ? Object.keys(ta).filter((k) => typeof ta[k] === 'number') : [];
  const rows = keys.map((k) => {
    const x = ta?.[k] ?? 0;
    const y = tb?.[k] ?? 0;
    return { k, x, y, d: y - x, pct: x !== 0 ? (y - x) / Math.abs(x) : null };
  });
  const yearsA = runs?.[0].summary.years ?? [];
  const yearsB = runs?.[1].summary.years ?? [];
  const allYears = [...new Set([...yearsA, ...yearsB].map((y) => y.year))].sort();
  const byYear = (ys: typeof yearsA, k: 'facilityEnergyMWh' | 'co2Tonnes') =>
    allYears.map((yr) => ys.find((y) => y.year === yr)?.[k] ?? 0);
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
          <section class="chart" data-testid="compare-table">
            <header>
              <h3>{t('compare.totals')}</h3>
              <div class="exports">
                <button
                  type="button"
                  data-testid="export-compare-csv"
                  onClick={() =>
                    downloadCsv(
                      `compare-${a}-${b}.csv`,
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
                  <th>
                    A: {a}{' '}
                    {t('compare.periods', {
                      start: fmtDate(runs[0].summary.period.start),
                      end: fmtDate(runs[0].summary.period.end),
                    })}
                  </th>
                  <th>
                    B: {b}{' '}
                    {t('compare.periods', {
                      start: fmtDate(runs[1].summary.period.start),
                      end: fmtDate(runs[1].summary.period.end),
                    })}
                  </th>
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
          </section>
          <EconomicsRows a={a} b={b} runs={runs} />
          <div class="grid2">
            <BarChart
              title={t('compare.energyByYear')}
              unit="MWh"
              scale={{ factor: 1e6, label: 'TWh' }}
              categories={allYears.map(String)}
              series={[
                { name: `A: ${a}`, values: byYear(yearsA, 'facilityEnergyMWh'), color: C.blue },
                { name: `B: ${b}`, values: byYear(yearsB, 'facilityEnergyMWh'), color: C.orange },
              ]}
              file={`compare-${a}-${b}-energy`}
            />
            <BarChart
              title={t('compare.co2ByYear')}
              unit="t CO2e"
              scale={{ factor: 1e6, label: 'Mt CO2e' }}
              categories={allYears.map(String)}
              series={[
                { name: `A: ${a}`, values: byYear(yearsA, 'co2Tonnes'), color: C.blue },
                { name: `B: ${b}`, values: byYear(yearsB, 'co2Tonnes'), color: C.orange },
              ]}
              file={`compare-${a}-${b}-co2`}
            />
            <BarChart
              title={t('compare.pueByMonth')}
              subtitle={t('compare.pueSub')}
              unit="ratio"
              mode="line"
              categories={monthNames()}
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
