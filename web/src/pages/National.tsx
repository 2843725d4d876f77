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
import { downloadCsv } from '../export';
import { t } from '../i18n';
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
      region: c.offGrid ? `${c.region} (off-grid)` : c.region,
      itMW: c.years[c.years.length - 1]?.itInstalledMW ?? 0,
      latitude: loc?.latitude ?? null,
      longitude: loc?.longitude ?? null,
      probabilityOnTime: worst?.probabilityOnTime ?? 1,
      p10: last?.p10 ?? 'online',
      p50: last?.p50 ?? 'online',
      p90: last?.p90 ?? 'online',
      criticalItem: worst?.criticalItem ?? '—',
    };
  });
}

/** Schedule-risk colour bands (colour plus the band's name in the table: never colour alone). */
const RISK_BANDS: readonly [number, string, string][] = [
  [0.75, C.green, 'likely on time (≥ 75 %)'],
  [0.25, C.amberDark, 'at risk (25–75 %)'],
  [0, C.red, 'likely late (< 25 %)'],
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
      title="Campuses and their schedule risk"
      subtitle={`Circle area ∝ IT MW installed by the end of ${p.year}; colour = probability of meeting the announced date (supply-chain Monte Carlo, lowest over the campus’s phases not yet online)`}
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
      <svg viewBox="0 0 975 640" width="100%" role="img" aria-label="Map of the campuses by schedule risk">
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
              <title>{`${c.name}: ${mw(c.itMW)} IT, P(on time) ${fmt.percent(c.probabilityOnTime)}`}</title>
            </circle>
          );
        })}
        {RISK_BANDS.map(([, color, label], k) => (
          <g key={label} transform={`translate(${20 + k * 300}, 625)`} font-size="18">
            <circle r="8" cy="-6" style={{ fill: color }} />
            <text x="14">{label}</text>
          </g>
        ))}
      </svg>
      <details class="map-table" data-testid="national-map-table">
        <summary>The campuses as a table</summary>
        <table>
          <thead>
            <tr>
              <th>{t('nat.campus')}</th>
              <th>{t('map.region')}</th>
              <th>IT, end of {p.year}</th>
              <th>{t('nat.pOnTime')}</th>
              <th>{t('nat.risk')}</th>
              <th>{t('nat.online')}</th>
              <th>{t('nat.critical')}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((c) => (
              <tr key={c.id} data-campus={c.id}>
                <td>{c.name}</td>
                <td>{c.region}</td>
                <td class="num">{mw(c.itMW)}</td>
                <td class="num">{fmt.percent(c.probabilityOnTime)}</td>
                <td>{riskBand(c.probabilityOnTime)[2]}</td>
                <td>{c.p50 === 'online' ? 'online' : `${c.p10} / ${c.p50} / ${c.p90}`}</td>
                <td>{c.criticalItem}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
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
      title={`Balancing authorities, ${p.year}`}
      subtitle={`Campus load at the region’s 10 highest-demand hours of each historical year (mean); headroom = the largest further constant load the region could take with at most ${fmtNumber(limit)} % of its energy curtailed (Norris et al. 2025), before → after the campuses; firm capacity = new firm capacity needed if the campuses never curtail; if flexible = the campuses curtail whenever the region would pass its historical peak threshold`}
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
            <th scope="col">headroom at {fmtNumber(limit)} %, before → after</th>
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
              <th scope="row">all regions</th>
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
              {b.ba || 'No BA in the register'} ({b.campuses.join(', ')}): {b.standsIn} stands in. {b.basis}
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
        ['firm', pjm.firm],
        ['firm, 2026/27 collar', pjm.firmWithCollar],
        ['flexible (curtailed at the peak)', pjm.flexible],
        ['bring your own generation', pjm.byog],
      ] as const)
    : [];
  return (
    <section class="chart" data-testid="who-pays">
      <h3>Who pays, {p.year}</h3>
      <p class="note">{moneyNote()}</p>
      {pjm ? (
        <>
          <p class="sub">
            PJM capacity market: the PJM campuses’ {mw(pjm.addedPeakMW)} at PJM’s peak added to the 2026/27
            auction (peak 159,329 MW, reserve margin 18.9 %), price from the calibrated clearing relation P(x)
            = 361.1 × exp(−0.4139 x) $/MW-day, x = reserve margin − target (points), at most the VRR cap of
            $696/MW-day; the 2026/27 collar only where stated (it will not apply from 2028/29). Household:
            2.37 kW peak-load contribution (twice its mean load, an ASSUMPTION).
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
                    {fmtNumber(toDisplay(c.priceUSDPerMWDay), 2)} {currencySymbol()}/MW-day
                  </td>
                  <td class="num">{fmt.usd(c.othersDeltaUSD)}/yr</td>
                  <td class="num">{usdCents(c.perHouseholdUSDPerMonth)}/month</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p class="note">
            Cost to other customers: the change against the same auction without the campuses; firm campuses
            pay their peak-load share. A negative figure is a saving: under the collar the price stays at its
            cap, so firm campuses take a share of an unchanged bill; with their own generation the margin
            rises slightly.
          </p>
        </>
      ) : (
        <p class="note">No PJM campus load in {p.year}.</p>
      )}
      {ercot ? (
        <>
          <p class="sub">
            ERCOT 4CP (16 TAC §25.192): transmission cost ${fmtNumber(ercot.tcosUSD / 1e9, 2)} billion/yr
            (TCOS at $100/kW-yr, an ASSUMPTION inside the published $50–150+ range) spread over the average
            June–September coincident peak of {ercot.historicalYear} demand.
          </p>
          <table data-testid="ercot-table">
            <tbody>
              <tr>
                <th scope="row">campuses at the 4 peaks</th>
                <td class="num">{mw(ercot.campus4CPMW)}</td>
              </tr>
              <tr>
                <th scope="row">campuses pay if firm</th>
                <td class="num">{fmt.usd(ercot.campusPaysFirmUSD)}/yr</td>
              </tr>
              <tr>
                <th scope="row">others pay: campuses firm → campuses avoid the peaks</th>
                <td class="num">
                  {fmt.usd(ercot.othersPayFirmUSD)} → {fmt.usd(ercot.othersPayAvoidUSD)}/yr
                </td>
              </tr>
              <tr>
                <th scope="row">shifted to others by avoiding the peaks</th>
                <td class="num" data-testid="ercot-shift">
                  {fmt.usd(ercot.othersPayAvoidUSD - ercot.othersPayFirmUSD)}/yr
                </td>
              </tr>
            </tbody>
          </table>
        </>
      ) : (
        <p class="note">No ERCOT campus load in {p.year}.</p>
      )}
    </section>
  );
}

function OnlineChart(p: { report: BuildoutReport }) {
  const nat = p.report.supplyChain?.national ?? [];
  if (nat.length === 0) return null;
  return (
    <BarChart
      title="National IT online by 31 December"
      subtitle="As announced, the supply chain’s median (P50) and the level reached with 90 % probability (P90)"
      unit="MW"
      scale={{ factor: 1000, label: 'GW' }}
      categories={nat.map((n) => String(n.year))}
      series={[
        { name: 'announced', values: nat.map((n) => n.announcedMW), color: C.gray },
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
        <p role="alert">The build-out report failed: {error}</p>
      </section>
    );
  if (!report || year === null)
    return (
      <section aria-busy="true" data-testid="national-loading">
        <h1>{t('national.title')}</h1>
        <p role="status">
          Computing the national build-out on the server (every announced campus, hourly, against six years of
          grid demand; the first request takes 10–50 s, then it is kept)… {waitedS} s
        </p>
      </section>
    );
  return (
    <section data-testid="national">
      <h1>{t('national.title')}</h1>
      <p class="note">
        {report.campuses.length} simulated campuses of the register ({report.scenario}), grid analysis on{' '}
        {report.dates} dates; method and sources: docs/buildout.md.
      </p>
      <label class="site-pick">
        Year{' '}
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
          Year “{p.initialYear}” is not in the report ({report.years[0]}–
          {report.years[report.years.length - 1]}
          ); showing {year}.
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
