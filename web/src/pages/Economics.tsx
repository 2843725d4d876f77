/**
 * The economics of one run (`run --json` → `economics`): NPV, IRR, payback and break-even, levelized
 * cost, cash flows by year (capex in the years it is spent, opex by kind, revenue) and every
 * financial value the run assumed, with its kind and basis. Renders nothing when the run has no
 * cash flows.
 */
import type { RunSummary } from '../../../src/analysis/summary';
import { BarChart } from '../charts/BarChart';
import { downloadCsv } from '../export';
import { locale, type MessageKey, t } from '../i18n';
import { C } from '../theme';
import { currencySymbol, fmt, fmtNumber, moneyNote, toDisplay } from '../units';

type CashFlows = NonNullable<RunSummary['economics']['cashFlows']>;

const OPEX: readonly [keyof CashFlows[number], MessageKey, string][] = [
  ['energyUSD', 'cf.energy', C.orange],
  ['transmissionUSD', 'cf.transmission', C.red],
  ['operationsUSD', 'cf.operations', C.cyan],
  ['staffUSD', 'cf.staff', C.violet],
  ['insuranceUSD', 'cf.insurance', C.lime],
  ['propertyTaxUSD', 'cf.propertyTax', C.gray],
  ['fuelUSD', 'cf.fuel', C.ink],
];

const COLUMNS: readonly [keyof CashFlows[number], MessageKey][] = [
  ['capexUSD', 'cf.capex'],
  ['opexUSD', 'cf.opex'],
  ['revenueUSD', 'cf.revenue'],
  ['depreciationUSD', 'cf.depreciation'],
  ['taxUSD', 'cf.tax'],
  ['terminalValueUSD', 'cf.terminal'],
  ['netCashFlowUSD', 'cf.net'],
  ['cumulativeCashFlowUSD', 'cf.cumulative'],
  ['discountedCashFlowUSD', 'cf.discounted'],
];

/** Money axis scale for display-currency values up to `max`: billions or millions ("$ billion", "Md€"). */
function moneyScale(max: number): { factor: number; label: string } {
  const sym = currencySymbol();
  const fr = locale() === 'fr';
  return max >= 1e9
    ? { factor: 1e9, label: fr ? `milliards de ${sym}` : `${sym} billion` }
    : { factor: 1e6, label: fr ? `millions de ${sym}` : `${sym} million` };
}

const orNA = (x: number | null | undefined, f: (x: number) => string, why: string) =>
  x === null || x === undefined ? `n/a (${why})` : f(x);

export function Economics(p: { summary: RunSummary }) {
  const e = p.summary.economics;
  const flows = e.cashFlows;
  if (!flows || flows.length === 0 || e.npvUSD === undefined) return null;
  const years = flows.map((c) => String(c.year));
  const file = `${p.summary.scenario}-cash-flows`;
  const big = moneyScale(
    toDisplay(Math.max(...flows.map((c) => Math.max(c.capexUSD, c.revenueUSD, c.opexUSD)))),
  );
  const opexScale = moneyScale(toDisplay(Math.max(...flows.map((c) => c.opexUSD))));
  const lev = e.levelized;
  const kpis: [string, string, string][] = [
    ['npv', t('econ.npvAt', { rate: fmtNumber((e.discountRate ?? 0) * 100, 1) }), fmt.usd(e.npvUSD)],
    ['irr', t('econ.irr'), orNA(e.irr, (x) => `${fmtNumber(x * 100, 1)} %`, 'NPV never changes sign')],
    [
      'payback',
      t('econ.payback'),
      orNA(
        e.paybackYear,
        (y) => `${y} (${t('econ.years', { n: fmtNumber(e.paybackYears ?? 0, 1) })})`,
        'not within the simulated period',
      ),
    ],
    ['breakeven', t('econ.breakEven'), orNA(e.breakEvenYear, String, 'not within the period')],
    [
      'usd-per-accel-hour',
      t('econ.perAccelHour'),
      orNA(lev?.usdPerAcceleratorHour, (x) => fmt.usdExact(x, 2), 'no compute delivered'),
    ],
    [
      'usd-per-pflop-day',
      t('econ.perPflopDay'),
      orNA(lev?.usdPerPFLOPDay, (x) => fmt.usdExact(x, 2), 'no compute delivered'),
    ],
    [
      'usd-per-mtok',
      t('econ.perMtok'),
      orNA(lev?.usdPerMillionTokens, (x) => fmt.usdExact(x, 3), 'no compute delivered'),
    ],
  ];
  const financial = p.summary.assumptions.filter((a) => a.path.startsWith('economics.'));
  return (
    <section class="economics" data-testid="economics" aria-labelledby="economics-h">
      <h2 id="economics-h">{t('econ.title')}</h2>
      <p class="note" data-testid="money-note">
        {moneyNote()}
      </p>
      <div class="kpis" data-testid="economics-kpis">
        {kpis.map(([id, label, value]) => (
          <div class="kpi" key={id} data-kpi={id}>
            <div class="kpi-value">{value}</div>
            <div class="kpi-label">{label}</div>
          </div>
        ))}
      </div>
      <p class="note" data-testid="revenue-basis">
        {t('econ.revenueNote', { basis: e.revenueBasis ?? t('econ.notStated') })}
      </p>
      <div class="grid2">
        <BarChart
          title={t('econ.cashFlowChart')}
          unit={currencySymbol()}
          scale={big}
          categories={years}
          categoryLabel={t('fan.year')}
          series={[
            { name: t('cf.capex'), values: flows.map((c) => toDisplay(c.capexUSD)), color: C.navy },
            { name: t('cf.opex'), values: flows.map((c) => toDisplay(c.opexUSD)), color: C.orange },
            { name: t('cf.revenue'), values: flows.map((c) => toDisplay(c.revenueUSD)), color: C.green },
          ]}
          file={`${file}-totals`}
          testId="cash-flow-chart"
        />
        <BarChart
          title={t('econ.opexChart')}
          subtitle={t('econ.opexSub')}
          unit={currencySymbol()}
          scale={opexScale}
          mode="stacked"
          categories={years}
          categoryLabel={t('fan.year')}
          series={OPEX.filter(([k]) => flows.some((c) => (c[k] as number) > 0)).map(([k, name, color]) => ({
            name: t(name),
            color,
            values: flows.map((c) => toDisplay(c[k] as number)),
          }))}
          file={`${file}-opex`}
          testId="opex-chart"
        />
      </div>
      <section class="chart" data-testid="cash-flow-table">
        <header>
          <h3>{t('econ.cashFlows')}</h3>
          <div class="exports">
            <button
              type="button"
              onClick={() =>
                downloadCsv(
                  `${file}.csv`,
                  ['year', ...COLUMNS.map(([k]) => `${k} ($)`)],
                  flows.map((c) => [c.year, ...COLUMNS.map(([k]) => c[k] as number)]),
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
              <th>{t('econ.year')}</th>
              {COLUMNS.map(([k, label]) => (
                <th key={k} class="num">
                  {t(label)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {flows.map((c) => (
              <tr key={c.year} data-year={c.year}>
                <td>{c.year}</td>
                {COLUMNS.map(([k]) => (
                  <td key={k} class="num" data-col={k}>
                    {fmt.usd(c[k] as number)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {financial.length > 0 && (
        <details class="chart" data-testid="financial-assumptions">
          <summary>The financial values this run used ({financial.length})</summary>
          <table>
            <thead>
              <tr>
                <th>{t('econ.value')}</th>
                <th>{t('econ.used')}</th>
                <th>{t('econ.kind')}</th>
                <th>{t('econ.source')}</th>
              </tr>
            </thead>
            <tbody>
              {financial.map((a) => (
                <tr key={a.path}>
                  <td>{a.path}</td>
                  <td>{`${a.value} ${a.unit}`}</td>
                  <td>{a.kind}</td>
                  <td>{a.basis}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </section>
  );
}
