/**
 * The national build-out view (`#/national`): `GET /api/buildout` (docs/buildout.md) shown as a
 * year's table of balancing authorities, a map of the campuses coloured by schedule risk, who pays
 * (PJM capacity, ERCOT 4CP) and the IT online by year, announced vs the supply chain's P50 / P90.
 * The first report takes tens of seconds on the server; the page says so while it waits.
 */
import { geoAlbersUsa, geoPath } from 'd3-geo';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import states from 'us-atlas/states-albers-10m.json';
import type { BuildoutReport } from '../../../src/analysis/buildout/report';
import { getBuildout, getScenario } from '../api';
import { BarChart } from '../charts/BarChart';
import { ChartFrame } from '../charts/ChartFrame';
import { ChartTable } from '../charts/ChartTable';
import { downloadCsv } from '../export';
import { type MessageKey, t } from '../i18n';
import { C } from '../theme';
import { useTitle } from '../title';
import { currencySymbol, fmt, fmtNumber, moneyNote, toDisplay } from '../units';

/** The curtailment limit the BA table shows (percent of the new load's energy). */
const TABLE_LIMIT_PCT = 0.5;

/** MW with thousands separators and no scaling, so that table columns compare at a glance. */
const mw = (x: number) => `${fmtNumber(x, 0)} MW`;

/** Dollars and cents in the display currency, the sign before the currency sign: −$0.36. */
const usdCents = (x: number) => `${x < 0 ? '\u2212' : ''}${fmt.usdExact(Math.abs(x), 2)}`;

export interface CampusRisk {
  readonly id: string;
  readonly name: string;
  readonly region: string;
  readonly itMW: number;
  readonly latitude: number | null;
  readonly longitude: number | null;
  /** Lowest probability of meeting the announced date over the campus's phases not yet online. */
  readonly probabilityOnTime: number;
  /** Online dates of the campus's last phase: P10 / P50 / P90 of the Monte Carlo ('online' when done). */
  readonly p10: string;
  readonly p50: string;
  readonly p90: string;
  readonly criticalItem: string;
}

/** The online date of a phase already online (shown in the language of the page). */
const ONLINE = 'online';

/** One row per simulated campus: its IT MW at the end of the span and its least likely phase. */
export function campusRisks(
  r: BuildoutReport,
  locations: ReadonlyMap<string, { latitude: number; longitude: number }>,
): CampusRisk[] {
  const phases = r.supplyChain?.phases ?? [];
  return r.campuses.map((c) => {
    const own = phases.filter((p) => p.campusId === c.id && !p.done);
    const worst = own.reduce<(typeof own)[number] | undefined>(
      (a, p) => (a === undefined || p.probabilityOnTime < a.probabilityOnTime ? p : a),
      undefined,
    );
    const last = own[own.length - 1];
    const loc = locations.get(c.id);
    return {
      id: c.id,
      name: c.name,
      region: c.offGrid ? t('nat.offGrid', { region: c.region }) : c.region,
      itMW: c.years[c.years.length - 1]?.itInstalledMW ?? 0,
      latitude: loc?.latitude ?? null,
      longitude: loc?.longitude ?? null,
      probabilityOnTime: worst?.probabilityOnTime ?? 1,
      p10: last?.p10 ?? ONLINE,
      p50: last?.p50 ?? ONLINE,
      p90: last?.p90 ?? ONLINE,
      criticalItem: worst?.criticalItem ?? '—',
    };
  });
}

/** Schedule-risk colour bands (colour plus the band's name in the table: never colour alone). */
const RISK_BANDS: readonly [number, string, MessageKey][] = [
  [0.75, C.green, 'nat.band.onTime'],
  [0.25, C.amberDark, 'nat.band.atRisk'],
  [0, C.red, 'nat.band.late'],
];
const riskBand = (p: number) =>
  RISK_BANDS.find(([min]) => p >= min) ?? (RISK_BANDS[2] as (typeof RISK_BANDS)[2]);

function RiskMap(p: { campuses: readonly CampusRisk[]; year: number }) {
  const shapes = useMemo(() => {
    const topo = states as unknown as Topology<{ states: GeometryCollection; nation: GeometryCollection }>;
    const path = geoPath();
    return {
      nation: path(feature(topo, topo.objects.nation)) ?? '',
      borders: path(mesh(topo, topo.objects.states, (a, b) => a !== b)) ?? '',
    };
  }, []);
  const projection = useMemo(() => geoAlbersUsa().scale(1300).translate([487.5, 305]), []);
  const maxMW = Math.max(1, ...p.campuses.map((c) => c.itMW));
  const sorted = [...p.campuses].sort((a, b) => b.itMW - a.itMW);
  return (
    <ChartFrame
      title={t('nat.mapTitle')}
      subtitle={t('nat.mapSub', { year: p.year })}
      testId="national-map"
      exports={{
        csv: () =>
          downloadCsv(
            'us-buildout-campuses.csv',
            [
              'campus',
              'region',
              'IT (MW)',
              'P(on time)',
              'P10 online',
              'P50 online',
              'P90 online',
              'critical item',
            ],
            sorted.map((c) => [
              c.id,
              c.region,
              c.itMW,
              c.probabilityOnTime,
              c.p10,
              c.p50,
              c.p90,
              c.criticalItem,
            ]),
          ),
      }}
    >
      <svg viewBox="0 0 975 640" width="100%" role="img" aria-label={t('nat.mapLabel')}>
        <rect width="975" height="640" style={{ fill: C.surface }} />
        <path d={shapes.nation} style={{ fill: C.land, stroke: C.coast }} />
        <path d={shapes.borders} fill="none" style={{ stroke: C.stateBorder }} stroke-width="0.7" />
        {sorted.map((c) => {
          if (c.latitude === null || c.longitude === null) return null;
          const xy = projection([c.longitude, c.latitude]);
          if (!xy) return null;
          const color = riskBand(c.probabilityOnTime)[1];
          return (
            <circle
              key={c.id}
              cx={xy[0]}
              cy={xy[1]}
              r={3 + 27 * Math.sqrt(c.itMW / maxMW)}
              style={{ fill: color, stroke: color }}
              fill-opacity="0.5"
              stroke-width="1.5"
            >
              <title>
                {t('nat.mapDot', { name: c.name, mw: mw(c.itMW), p: fmt.percent(c.probabilityOnTime) })}
              </title>
            </circle>
          );
        })}
        {RISK_BANDS.map(([, color, label], k) => (
          <g key={label} transform={`translate(${20 + k * 300}, 625)`} font-size="18">
            <circle r="8" cy="-6" style={{ fill: color }} />
            <text x="14">{t(label)}</text>
          </g>
        ))}
      </svg>
      <ChartTable
        summary={t('nat.mapTable')}
        caption={t('nat.mapTitle')}
        testId="national-map-table"
        columns={[
          { label: t('nat.campus') },
          { label: t('map.region') },
          { label: t('nat.itEnd', { year: p.year }), numeric: true },
          { label: t('nat.pOnTime'), numeric: true },
          { label: t('nat.risk') },
          { label: t('nat.online') },
          { label: t('nat.critical') },
        ]}
        rows={sorted.map((c) => ({
          key: c.id,
          data: { campus: c.id },
          head: c.name,
          cells: [
            c.region,
            mw(c.itMW),
            fmt.percent(c.probabilityOnTime),
            t(riskBand(c.probabilityOnTime)[2]),
            c.p50 === ONLINE ? t('nat.isOnline') : `${c.p10} / ${c.p50} / ${c.p90}`,
            c.criticalItem,
          ],
        }))}
      />
    </ChartFrame>
  );
}

function BATable(p: { report: BuildoutReport; year: number }) {
  const k = Math.max(0, p.report.limitsPct.indexOf(TABLE_LIMIT_PCT));
  const limit = p.report.limitsPct[k] ?? TABLE_LIMIT_PCT;
  const rows = p.report.regions.filter((r) => r.year === p.year);
  const nat = p.report.national.find((n) => n.year === p.year);
  return (
    <ChartFrame
      title={t('nat.baTitle', { year: p.year })}
      subtitle={t('nat.baSub', { limit: fmtNumber(limit) })}
      testId="ba-table"
      exports={{
        csv: () =>
          downloadCsv(
            `us-buildout-regions-${p.year}.csv`,
            [
              'region',
              'campus at peak (MW)',
              `headroom before at ${limit}% (MW)`,
              `headroom after at ${limit}% (MW)`,
              'firm capacity needed (MW)',
              'if flexible: curtailed (h/yr)',
              'if flexible: curtailed (% of campus energy)',
            ],
            rows.map((r) => [
              r.region,
              r.campusAtRegionPeakMW,
              r.headroomBeforeMW[k],
              r.headroomAfterMW[k],
              r.firmNeedMW,
              r.flexible.curtailedHoursPerYear,
              r.flexible.curtailmentPct,
            ]),
          ),
      }}
    >
      <table>
        <thead>
          <tr>
            <th scope="col">{t('map.region')}</th>
            <th scope="col">{t('nat.loadAtPeak')}</th>
            <th scope="col">{t('nat.headroomAt', { limit: fmtNumber(limit) })}</th>
            <th scope="col">{t('nat.firm')}</th>
            <th scope="col">{t('nat.ifFlexible')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.region} data-region={r.region}>
              <th scope="row">{r.region}</th>
              <td class="num" data-testid="ba-at-peak">
                {mw(r.campusAtRegionPeakMW)}
              </td>
              <td class="num" data-testid="ba-headroom">
                {mw(r.headroomBeforeMW[k] ?? Number.NaN)} → {mw(r.headroomAfterMW[k] ?? Number.NaN)}
              </td>
              <td class="num" data-testid="ba-firm">
                {mw(r.firmNeedMW)}
              </td>
              <td class="num" data-testid="ba-flexible">
                {fmtNumber(r.flexible.curtailedHoursPerYear, 0)} h, {fmtNumber(r.flexible.curtailmentPct, 2)}{' '}
                %
              </td>
            </tr>
          ))}
        </tbody>
        {nat && (
          <tfoot>
            <tr>
              <th scope="row">{t('nat.allRegions')}</th>
              <td class="num">{mw(nat.campusAtRegionPeaksMW)}</td>
              <td />
              <td class="num">{mw(nat.firmNeedMW)}</td>
              <td />
            </tr>
          </tfoot>
        )}
      </table>
      {p.report.noDataBAs.length > 0 && (
        <ul class="note" data-testid="ba-stand-ins">
          {p.report.noDataBAs.map((b) => (
            <li key={b.ba}>
              {t('nat.standsIn', {
                ba: b.ba || t('nat.noBa'),
                campuses: b.campuses.join(', '),
                standIn: b.standsIn,
                basis: b.basis,
              })}
            </li>
          ))}
        </ul>
      )}
    </ChartFrame>
  );
}

function WhoPaysPanel(p: { report: BuildoutReport; year: number }) {
  const pjm = p.report.whoPays.pjm?.years.find((y) => y.year === p.year);
  const ercot = p.report.whoPays.ercot4CP.find((y) => y.year === p.year);
  const cases = pjm
    ? ([
        [t('nat.case.firm'), pjm.firm],
        [t('nat.case.collar'), pjm.firmWithCollar],
        [t('nat.case.flexible'), pjm.flexible],
        [t('nat.case.byog'), pjm.byog],
      ] as const)
    : [];
  return (
    <section class="chart" data-testid="who-pays">
      <h3>{t('nat.whoPays', { year: p.year })}</h3>
      <p class="note">{moneyNote()}</p>
      {pjm ? (
        <>
          <p class="sub">
            {t('nat.pjmSub', {
              mw: mw(pjm.addedPeakMW),
              peak: fmtNumber(159_329),
              margin: fmtNumber(18.9, 1),
              a: fmtNumber(361.1, 1),
              b: fmtNumber(0.4139, 4),
              kw: fmtNumber(2.37, 2),
            })}
          </p>
          <table data-testid="pjm-table">
            <thead>
              <tr>
                <th scope="col">{t('nat.campusesRun')}</th>
                <th scope="col">{t('nat.price')}</th>
                <th scope="col">{t('nat.costOthers')}</th>
                <th scope="col">{t('nat.perHousehold')}</th>
              </tr>
            </thead>
            <tbody>
              {cases.map(([label, c]) => (
                <tr key={label}>
                  <th scope="row">{label}</th>
                  <td class="num">
                    {t('nat.perMWDay', {
                      price: fmtNumber(toDisplay(c.priceUSDPerMWDay), 2),
                      sym: currencySymbol(),
                    })}
                  </td>
                  <td class="num">{t('nat.perYear', { amount: fmt.usd(c.othersDeltaUSD) })}</td>
                  <td class="num">{t('nat.perMonth', { amount: usdCents(c.perHouseholdUSDPerMonth) })}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p class="note">{t('nat.pjmNote')}</p>
        </>
      ) : (
        <p class="note">{t('nat.noPjm', { year: p.year })}</p>
      )}
      {ercot ? (
        <>
          <p class="sub">
            {t('nat.ercotSub', {
              tcos: t('nat.tcos', { sym: '$', n: fmtNumber(ercot.tcosUSD / 1e9, 2) }),
              year: ercot.historicalYear,
            })}
          </p>
          <table data-testid="ercot-table">
            <tbody>
              <tr>
                <th scope="row">{t('nat.ercotAtPeaks')}</th>
                <td class="num">{mw(ercot.campus4CPMW)}</td>
              </tr>
              <tr>
                <th scope="row">{t('nat.ercotFirm')}</th>
                <td class="num">{t('nat.perYear', { amount: fmt.usd(ercot.campusPaysFirmUSD) })}</td>
              </tr>
              <tr>
                <th scope="row">{t('nat.ercotOthers')}</th>
                <td class="num">
                  {fmt.usd(ercot.othersPayFirmUSD)} →{' '}
                  {t('nat.perYear', { amount: fmt.usd(ercot.othersPayAvoidUSD) })}
                </td>
              </tr>
              <tr>
                <th scope="row">{t('nat.ercotShift')}</th>
                <td class="num" data-testid="ercot-shift">
                  {t('nat.perYear', { amount: fmt.usd(ercot.othersPayAvoidUSD - ercot.othersPayFirmUSD) })}
                </td>
              </tr>
            </tbody>
          </table>
        </>
      ) : (
        <p class="note">{t('nat.noErcot', { year: p.year })}</p>
      )}
    </section>
  );
}

function OnlineChart(p: { report: BuildoutReport }) {
  const nat = p.report.supplyChain?.national ?? [];
  if (nat.length === 0) return null;
  return (
    <BarChart
      title={t('nat.onlineTitle')}
      subtitle={t('nat.onlineSub')}
      unit="MW"
      scale={{ factor: 1000, label: 'GW' }}
      categories={nat.map((n) => String(n.year))}
      categoryLabel={t('fan.year')}
      series={[
        { name: t('nat.announced'), values: nat.map((n) => n.announcedMW), color: C.gray },
        { name: 'P50', values: nat.map((n) => n.p50MW), color: C.blue },
        { name: 'P90', values: nat.map((n) => n.p90MW), color: C.red },
      ]}
      file="us-buildout-online"
      testId="national-online"
    />
  );
}

/** The page; `initialYear` comes from the URL (`#/national?year=2028`), else the report's last year. */
export function NationalPage(p: { initialYear?: string }) {
  useTitle(t('national.title'));
  const [report, setReport] = useState<BuildoutReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [locations, setLocations] = useState<Map<string, { latitude: number; longitude: number }>>(new Map());
  const [year, setYear] = useState<number | null>(null);
  const [waitedS, setWaitedS] = useState(0);
  useEffect(() => {
    const t0 = Date.now();
    const timer = setInterval(() => setWaitedS(Math.round((Date.now() - t0) / 1000)), 1000);
    getBuildout().then(
      (r) => {
        setReport(r);
        const asked = Number(p.initialYear);
        setYear(r.years.includes(asked) ? asked : (r.years[r.years.length - 1] ?? null));
        clearInterval(timer);
      },
      (e: unknown) => {
        setError(e instanceof Error ? e.message : String(e));
        clearInterval(timer);
      },
    );
    getScenario('us-buildout').then(
      (s) => {
        const sites = (
          s.raw as { sites?: { id: string; location?: { latitude: number; longitude: number } }[] }
        ).sites;
        setLocations(
          new Map((sites ?? []).flatMap((x) => (x.location ? [[x.id, x.location] as const] : []))),
        );
      },
      () => undefined,
    );
    return () => clearInterval(timer);
    // The report is fetched once per visit; the year in the URL only picks the first view.
  }, []);
  useEffect(() => {
    const asked = Number(p.initialYear);
    if (report?.years.includes(asked)) setYear(asked);
  }, [p.initialYear, report]);
  const risks = useMemo(() => (report ? campusRisks(report, locations) : []), [report, locations]);
  if (error)
    return (
      <section data-testid="national-error">
        <h1>{t('national.title')}</h1>
        <p role="alert">{t('nat.error', { error })}</p>
      </section>
    );
  if (!report || year === null)
    return (
      <section aria-busy="true" data-testid="national-loading">
        <h1>{t('national.title')}</h1>
        <p role="status">{t('nat.loading', { s: waitedS })}</p>
      </section>
    );
  return (
    <section data-testid="national">
      <h1>{t('national.title')}</h1>
      <p class="note" data-testid="national-intro">
        {t('nat.intro', {
          n: report.campuses.length,
          scenario: report.scenario,
          dates: t(`nat.dates.${report.dates}`),
        })}
      </p>
      <label class="site-pick">
        {t('nat.year')}{' '}
        <select
          data-testid="year-select"
          value={String(year)}
          onChange={(e) => {
            const y = Number((e.target as HTMLSelectElement).value);
            setYear(y);
            history.replaceState(null, '', `#/national?year=${y}`);
          }}
        >
          {report.years.map((y) => (
            <option key={y} value={String(y)}>
              {y}
            </option>
          ))}
        </select>
      </label>
      {p.initialYear !== undefined && !report.years.includes(Number(p.initialYear)) && (
        <p class="note" role="alert" data-testid="year-not-in-report">
          {t('nat.yearMissing', {
            asked: p.initialYear,
            first: report.years[0] ?? '',
            last: report.years[report.years.length - 1] ?? '',
            year,
          })}
        </p>
      )}
      <BATable report={report} year={year} />
      <RiskMap campuses={risks.map((c) => ({ ...c, itMW: itAt(report, c.id, year) }))} year={year} />
      <div class="grid2">
        <WhoPaysPanel report={report} year={year} />
        <OnlineChart report={report} />
      </div>
    </section>
  );
}

/** A campus's IT installed by the end of `year`, MW. */
const itAt = (r: BuildoutReport, id: string, year: number) =>
  r.campuses.find((c) => c.id === id)?.years.find((y) => y.year === year)?.itInstalledMW ?? 0;
