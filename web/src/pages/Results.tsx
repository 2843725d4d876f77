/**
 * The campus views of one finished run: headline numbers, map, hourly power, monthly energy, PUE,
 * carbon and water, compute and capex by year, and every metric by site. Presentational only, so
 * the dashboard and the self-contained report (src/report) render the same thing.
 */
import { useMemo, useState } from 'preact/hooks';
import { getWeatherStation } from '../../../src/catalog/weather-stations';
import type { ScenarioInput } from '../../../src/model/scenario';
import { fleetColumn, monthly } from '../aggregate';
import { BarChart } from '../charts/BarChart';
import { HourlyChart, type HourlySeriesSpec } from '../charts/HourlyChart';
import { UsMap } from '../charts/UsMap';
import { downloadCsv } from '../export';
import { type MessageKey, t } from '../i18n';
import type { RunView } from '../protocol';
import { C } from '../theme';
import { fmtDate } from '../time';
import { fmt, fmtNumber, formatValue, metricInfo } from '../units';
import { Economics } from './Economics';
import { Flexibility, fourCPMarkers } from './Flexibility';
import { Workloads } from './Workloads';

const HEADLINE = [
  'peakFacilityMW',
  'facilityEnergyMWh',
  'pue',
  'co2Tonnes',
  'waterM3',
  'energyCostUSD',
  'computeDeliveredFLOP',
  'capexUSD',
];
const POWER_SERIES: readonly [string, MessageKey, string, boolean][] = [
  ['itMW', 'series.it', C.blue, true],
  ['overheadMW', 'series.overhead', C.amber, true],
  ['coolingMW', 'series.cooling', C.emerald, false],
  ['facilityMW', 'series.facility', C.gray, false],
  ['gridImportMW', 'series.gridImport', C.ink, true],
  ['unservedITMW', 'series.unserved', C.red, true],
  ['curtailedMW', 'series.curtailed', C.pink, true],
];

export function Headline(p: { run: RunView }) {
  const t = p.run.summary.totals as unknown as Record<string, number>;
  return (
    <div class="kpis" data-testid="kpis">
      {HEADLINE.filter((k) => k in t).map((k) => (
        <div class="kpi" key={k} data-metric={k}>
          <div class="kpi-value">{formatValue(k, t[k])}</div>
          <div class="kpi-label">{metricInfo(k).label}</div>
        </div>
      ))}
    </div>
  );
}

/** Every metric (whatever keys the summary has) for the totals and each site, with units. */
export function MetricsTable(p: { run: RunView; file: string }) {
  const s = p.run.summary;
  const keys = Object.keys(s.totals).filter(
    (k) => typeof (s.totals as unknown as Record<string, unknown>)[k] === 'number',
  );
  const cols = [
    { id: 'total', m: s.totals as unknown as Record<string, number> },
    ...s.sites.map((x) => ({ id: x.id, m: x as unknown as Record<string, number> })),
  ];
  return (
    <section class="chart" data-testid="metrics-table">
      <header>
        <h3>{t('results.allMetrics')}</h3>
        <div class="exports">
          <button
            type="button"
            data-testid="export-metrics-csv"
            onClick={() =>
              downloadCsv(
                `${p.file}-metrics.csv`,
                ['metric', 'unit', ...cols.map((c) => c.id)],
                keys.map((k) => [k, metricInfo(k).unit, ...cols.map((c) => c.m[k])]),
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
            {cols.map((c) => (
              <th key={c.id}>{c.id === 'total' ? t('results.total') : c.id}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {keys.map((k) => (
            <tr key={k} data-metric={k}>
              <td title={k}>{metricInfo(k).label}</td>
              {cols.map((c) => (
                <td key={c.id} class="num">
                  {formatValue(k, c.m[k])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function Results(p: { run: RunView; regions: readonly string[] }) {
  const { run } = p;
  const s = run.summary;
  const raw = run.raw as ScenarioInput;
  const [site, setSite] = useState<string>('fleet');
  const file = s.scenario;
  const chosen = useMemo(
    () => (site === 'fleet' ? run.sites : run.sites.filter((x) => x.siteId === site)),
    [run, site],
  );
  const first = run.sites[0];
  const series: HourlySeriesSpec[] = useMemo(
    () =>
      // Series the run has; curtailment only when some hour was curtailed.
      POWER_SERIES.filter(
        ([k]) =>
          first &&
          k in first.columns &&
          (k !== 'curtailedMW' || fleetColumn(run.sites, k).some((v) => v > 0)),
      ).map(([key, label, color, show]) => ({
        key,
        label: t(label),
        color,
        show,
        values: fleetColumn(chosen, key),
      })),
    [chosen, first],
  );
  // Site standard time (its weather station's clock) for one site, or for the fleet when all agree.
  const offsets = [
    ...new Set(
      (raw.sites ?? [])
        .filter((x) => site === 'fleet' || x.id === site)
        .map((x) => getWeatherStation(x.weather)?.tzOffsetHours),
    ),
  ];
  const localOffsetHours = offsets.length === 1 ? offsets[0] : undefined;
  const markers = useMemo(
    () => fourCPMarkers(s.flexibility).filter((m) => site === 'fleet' || m.label === `4CP ${site}`),
    [s.flexibility, site],
  );
  const months = useMemo(() => monthly(chosen, s.hours), [chosen, s.hours]);
  const cats = months.map((m) => m.month);
  const years = s.years.map((y) => String(y.year));
  const mapSites = (raw.sites ?? []).map((x) => ({
    id: x.id,
    latitude: x.location.latitude,
    longitude: x.location.longitude,
    region: x.region,
    label: x.name ?? x.id,
    peakFacilityMW: s.sites.find((r) => r.id === x.id)?.peakFacilityMW ?? 0,
  }));
  const phases = s.economics.phases as unknown as Record<string, unknown>[];
  const phaseKeys = phases[0] ? Object.keys(phases[0]) : [];
  return (
    <div class="results">
      <Headline run={run} />
      <div class="grid2">
        <UsMap sites={mapSites} regions={p.regions} file={`${file}-map`} />
        <MetricsTable run={run} file={file} />
      </div>
      <div class="site-pick">
        <label>
          {t('results.viewsFor')}{' '}
          <select
            value={site}
            onChange={(e) => setSite((e.target as HTMLSelectElement).value)}
            data-testid="site-select"
          >
            <option value="fleet">{t('results.allSites')}</option>
            {run.sites.map((x) => (
              <option key={x.siteId} value={x.siteId}>
                {x.siteId}
              </option>
            ))}
          </select>
        </label>
      </div>
      {first && (
        <HourlyChart
          title={t('results.hourlyPower')}
          unit="MW"
          startMs={first.startMs}
          hours={first.hours}
          {...(first.stepHours && first.stepHours > 1
            ? {
                stepHours: first.stepHours,
                subtitle: t('results.serverMeans', { n: first.stepHours }),
              }
            : {})}
          series={series}
          localOffsetHours={localOffsetHours}
          markers={markers}
          file={`${file}-${site}-hourly-power`}
        />
      )}
      <div class="grid2">
        <BarChart
          title={t('results.monthlyEnergy')}
          subtitle={t('results.utcMonths')}
          unit="MWh"
          scale={{ factor: 1e3, label: 'GWh' }}
          categories={cats}
          categoryLabel={t('bars.month')}
          mode="stacked"
          series={[
            { name: t('series.it'), values: months.map((m) => m.itMWh), color: C.blue },
            {
              name: t('series.overhead'),
              values: months.map((m) => m.overheadMWh),
              color: C.amber,
            },
          ]}
          file={`${file}-${site}-monthly-energy`}
          testId="monthly-energy"
        />
        <BarChart
          title={t('results.monthlyPue')}
          subtitle={t('results.pueSub')}
          unit="ratio"
          categories={cats}
          categoryLabel={t('bars.month')}
          mode="line"
          series={[{ name: 'PUE', values: months.map((m) => m.pue), color: C.violet }]}
          file={`${file}-${site}-monthly-pue`}
        />
        <BarChart
          title={t('results.monthlyCo2')}
          subtitle={t('results.co2Sub')}
          unit="t CO2e"
          scale={{ factor: 1e3, label: 'kt CO2e' }}
          categories={cats}
          categoryLabel={t('bars.month')}
          series={[{ name: 'CO2', values: months.map((m) => m.co2Tonnes), color: C.slate }]}
          file={`${file}-${site}-monthly-co2`}
        />
        <BarChart
          title={t('results.monthlyWater')}
          subtitle={t('results.waterSub')}
          unit="m³"
          scale={{ factor: 1e3, label: t('unit.thousandM3') }}
          categories={cats}
          categoryLabel={t('bars.month')}
          series={[{ name: t('series.water'), values: months.map((m) => m.waterM3), color: C.cyan }]}
          file={`${file}-${site}-monthly-water`}
        />
        <BarChart
          title={t('results.compute')}
          unit="FLOP"
          scale={{ factor: 1e27, label: '10²⁷ FLOP' }}
          categories={years}
          categoryLabel={t('fan.year')}
          series={[
            { name: t('series.compute'), values: s.years.map((y) => y.computeDeliveredFLOP), color: C.green },
          ]}
          file={`${file}-compute-by-year`}
        />
      </div>
      <Flexibility report={s.flexibility} />
      <Economics summary={s} />
      <Workloads workloads={s.workloads} start={s.period.start} end={s.period.end} />
      {phases.length > 0 && (
        <section class="chart" data-testid="phase-table">
          <header>
            <h3>{t('results.phases')}</h3>
            <div class="exports">
              <button
                type="button"
                onClick={() =>
                  downloadCsv(
                    `${file}-phases.csv`,
                    phaseKeys,
                    phases.map((ph) => phaseKeys.map((k) => ph[k])),
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
                {phaseKeys.map((k) => (
                  <th key={k}>{metricInfo(k).label}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {phases.map((ph, i) => (
                <tr key={String(ph.phaseId ?? i)}>
                  {phaseKeys.map((k) => (
                    <td key={k} class={typeof ph[k] === 'number' ? 'num' : ''}>
                      {typeof ph[k] === 'number' && /year$/i.test(k) ? String(ph[k]) : formatValue(k, ph[k])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <p class="note">
        {t('results.note', {
          hours: fmtNumber(s.hours),
          start: fmtDate(s.period.start),
          end: fmtDate(s.period.end),
          n: s.assumptions.filter((a) => a.kind !== 'scenario').length,
          peak: fmt.power(s.totals.peakFacilityMW),
        })}
      </p>
    </div>
  );
}
