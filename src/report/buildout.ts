/**
 * The national build-out as a section of the HTML report (`gigawatt buildout --html FILE`): static HTML
 * built from the `BuildoutReport` (the `--json` contract), so it reads without scripts and nothing is
 * fetched. Every figure cell carries the JSON value it shows (`data-key`, `data-value`) so a test can
 * hold the page to the JSON. Parts: the grid per BA × year (headroom used, curtailment if flexible, firm
 * need), the campuses' realistic online dates and critical item, GW online announced vs P50 vs P90 as
 * inline SVG (with its table), who pays, water by county, and the sources and assumptions.
 */
import type { BuildoutReport, RegionYearRow } from '../analysis/buildout/report.js';
import { escapeHtml as esc } from './reproduction.js';

const formats = new Map<number, Intl.NumberFormat>();
/** x with thousands separators and `digits` decimals (one formatter per precision: toLocaleString builds one per call). */
const fmt = (x: number, digits = 0) => {
  let f = formats.get(digits);
  if (f === undefined) {
    f = new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    formats.set(digits, f);
  }
  return f.format(x);
};
const mw = (x: number) => `${fmt(x)} MW`;
const usd = (x: number) => {
  const a = Math.abs(x);
  const t = a >= 1e9 ? `$${fmt(a / 1e9, 2)} bn` : a >= 1e6 ? `$${fmt(a / 1e6, 1)} M` : `$${fmt(a)}`;
  return x < 0 ? `−${t}` : t;
};

/** A figure cell: the text shown and the JSON value behind it. */
const num = (key: string, value: number, text: string) =>
  `<td class="n" data-key="${esc(key)}" data-value="${value}">${esc(text)}</td>`;
const txt = (text: string) => `<td>${esc(text)}</td>`;
const head = (cells: readonly string[]) =>
  `<thead><tr>${cells.map((c) => `<th scope="col">${esc(c)}</th>`).join('')}</tr></thead>`;

/** Share of the region's headroom at limit i that the campuses take: 1 − after / before (0 when there was none). */
export function headroomUsed(row: RegionYearRow, i: number): number {
  const before = row.headroomBeforeMW[i] as number;
  const after = row.headroomAfterMW[i] as number;
  return before > 0 ? Math.min(1, Math.max(0, 1 - after / before)) : after > 0 ? 0 : 1;
}

function gridTable(r: BuildoutReport): string {
  const rows = r.regions.map((x) => {
    const used = r.limitsPct.map((p, i) => {
      const u = headroomUsed(x, i);
      return `<td class="n" data-key="headroomUsed@${p}" data-value="${u}" title="before ${esc(mw(x.headroomBeforeMW[i] as number))}, after ${esc(mw(x.headroomAfterMW[i] as number))}">${fmt(100 * u)} %</td>`;
    });
    return `<tr data-region="${esc(x.region)}" data-year="${x.year}"><th scope="row">${esc(x.region)}</th>${txt(String(x.year))}${num('campuses', x.campuses.length, String(x.campuses.length))}${num('campusAtRegionPeakMW', x.campusAtRegionPeakMW, mw(x.campusAtRegionPeakMW))}${used.join('')}${num('flexible.curtailedHoursPerYear', x.flexible.curtailedHoursPerYear, fmt(x.flexible.curtailedHoursPerYear))}${num('flexible.curtailedGWhPerYear', x.flexible.curtailedGWhPerYear, `${fmt(x.flexible.curtailedGWhPerYear, 1)} GWh`)}${num('flexible.curtailmentPct', x.flexible.curtailmentPct, `${fmt(x.flexible.curtailmentPct, 2)} %`)}${num('firmNeedMW', x.firmNeedMW, mw(x.firmNeedMW))}</tr>`;
  });
  return `<table class="buildout-regions">
<caption>Per balancing authority and year: the campuses' simulated load at the region's peak hours, the share of the region's headroom they take at each curtailment limit, what they would shed if they ran flexibly, and the firm capacity needed if they do not</caption>
${head(['region', 'year', 'campuses', 'at region peak', ...r.limitsPct.map((p) => `headroom used @ ${p} %`), 'curtailed h/yr if flexible', 'curtailed energy/yr', 'curtailed share', 'firm need'])}
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
}

function campusesTable(r: BuildoutReport): string {
  const sc = r.supplyChain;
  if (sc === null)
    return '<p>No supply-chain outlook: the campuses are not in the register (their status and announced dates are unknown).</p>';
  const rows = sc.phases.map(
    (p) =>
      `<tr data-campus="${esc(p.campusId)}" data-phase="${esc(p.phaseId)}"><th scope="row">${esc(p.campusId)}</th>${txt(p.phaseId)}${txt(p.region)}${num('itMW', p.itMW, mw(p.itMW))}${txt(p.announced)}<td data-key="p10">${esc(p.p10)}</td><td data-key="p50">${esc(p.p50)}</td><td data-key="p90">${esc(p.p90)}</td>${num('probabilityOnTime', p.probabilityOnTime, `${fmt(100 * p.probabilityOnTime)} %`)}<td data-key="criticalItem">${esc(p.done ? 'online' : `${p.criticalItem} (${fmt(100 * p.criticalShare)} % of trials)`)}</td></tr>`,
  );
  return `<table class="buildout-campuses">
<caption>Each campus phase: realistic online dates from its critical path (${fmt(sc.trials)} Monte Carlo trials, as of ${esc(sc.asOf)}), the chance of meeting the announced date, and the item most often on the critical path</caption>
${head(['campus', 'phase', 'region', 'IT', 'announced', 'P10', 'P50', 'P90', 'P(on time)', 'critical item'])}
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
}

/** GW online by 31 December, announced vs P50 vs P90, as an inline SVG line chart with its data table. */
export function onlineChartSvg(national: NonNullable<BuildoutReport['supplyChain']>['national']): string {
  const W = 760;
  const H = 280;
  const left = 56;
  const right = 230;
  const top = 16;
  const bottom = 36;
  const maxGW = Math.max(1e-9, ...national.map((n) => Math.max(n.announcedMW, n.p50MW, n.p90MW) / 1000));
  const step = [0.5, 1, 2, 5, 10, 20, 50, 100].find((s) => maxGW / s <= 6) ?? 100;
  const yMax = Math.ceil(maxGW / step) * step;
  const x = (i: number) =>
    left + (national.length <= 1 ? 0.5 : i / (national.length - 1)) * (W - left - right);
  const y = (gw: number) => top + (1 - gw / yMax) * (H - top - bottom);
  const series = [
    { key: 'announcedMW', label: 'announced', colour: '#1d4ed8', dash: '' },
    { key: 'p50MW', label: 'P50 (median)', colour: '#b45309', dash: ' stroke-dasharray="6 3"' },
    {
      key: 'p90MW',
      label: 'P90 (90 % chance of at least)',
      colour: '#7f1d1d',
      dash: ' stroke-dasharray="2 3"',
    },
  ] as const;
  const grid: string[] = [];
  for (let v = 0; v <= yMax + 1e-9; v += step)
    grid.push(
      `<line x1="${left}" x2="${W - right}" y1="${y(v)}" y2="${y(v)}" stroke="#d4d4d4"/><text x="${left - 6}" y="${y(v) + 4}" text-anchor="end">${fmt(v, step < 1 ? 1 : 0)}</text>`,
    );
  const xs = national.map(
    (n, i) => `<text x="${x(i)}" y="${H - bottom + 18}" text-anchor="middle">${n.year}</text>`,
  );
  const lines = series.map((s, k) => {
    const pts = national.map((n, i) => `${x(i)},${y(n[s.key] / 1000)}`).join(' ');
    const dots = national
      .map((n, i) => `<circle cx="${x(i)}" cy="${y(n[s.key] / 1000)}" r="3" fill="${s.colour}"/>`)
      .join('');
    return `<polyline points="${pts}" fill="none" stroke="${s.colour}" stroke-width="2"${s.dash}/>${dots}<text x="${W - right + 8}" y="${top + 14 + 18 * k}" fill="${s.colour}">${esc(s.label)}</text>`;
  });
  return `<svg class="buildout-online-chart" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-labelledby="bo-chart-title bo-chart-desc" font-family="system-ui, sans-serif" font-size="12" fill="#1f2937">
<title id="bo-chart-title">IT capacity online by 31 December, GW: announced, P50 and P90</title>
<desc id="bo-chart-desc">One line per case over the years ${national[0]?.year ?? ''} to ${national[national.length - 1]?.year ?? ''}; the same figures are in the table below.</desc>
${grid.join('')}${xs.join('')}<text x="14" y="${top + (H - top - bottom) / 2}" transform="rotate(-90 14 ${top + (H - top - bottom) / 2})" text-anchor="middle">GW of IT</text>
${lines.join('\n')}
</svg>`;
}

function onlineChart(r: BuildoutReport): string {
  const sc = r.supplyChain;
  if (sc === null || sc.national.length === 0) return '';
  const rows = sc.national.map(
    (n) =>
      `<tr data-year="${n.year}"><th scope="row">${n.year}</th>${num('announcedMW', n.announcedMW, mw(n.announcedMW))}${num('p50MW', n.p50MW, mw(n.p50MW))}${num('p90MW', n.p90MW, mw(n.p90MW))}</tr>`,
  );
  return `<h3>GW online: announced vs P50 vs P90</h3>
<figure>${onlineChartSvg(sc.national)}</figure>
<table class="buildout-online">
<caption>IT capacity online by 31 December, national</caption>
${head(['year', 'announced', 'P50', 'P90 (90 % chance of at least)'])}
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
}

function whoPays(r: BuildoutReport): string {
  const out: string[] = ['<h3>Who pays</h3>'];
  const pjm = r.whoPays.pjm;
  if (pjm !== null) {
    const c = pjm.calibration;
    out.push(`<table class="buildout-pjm">
<caption>PJM capacity: the 2026/27 auction with the fleet's PJM load at PJM's peak added; price from the calibrated clearing relation P = ${fmt(c.p0USDPerMWDay, 1)} × exp(−${fmt(c.kPerPct, 3)} × (reserve margin − target)) $/MW-day, no collar</caption>
${head(['year', 'added at peak', 'firm: price, $/MW-day', 'firm: others pay more', 'per household per month', 'flexible: others pay more', 'own generation: others pay more'])}
<tbody>
${pjm.years
  .map(
    (y) =>
      `<tr data-year="${y.year}"><th scope="row">${y.year}</th>${num('addedPeakMW', y.addedPeakMW, mw(y.addedPeakMW))}${num('firm.uncappedUSDPerMWDay', y.firm.uncappedUSDPerMWDay, `$${fmt(y.firm.uncappedUSDPerMWDay)}`)}${num('firm.othersDeltaUSD', y.firm.othersDeltaUSD, usd(y.firm.othersDeltaUSD))}${num('firm.perHouseholdUSDPerMonth', y.firm.perHouseholdUSDPerMonth, `$${fmt(y.firm.perHouseholdUSDPerMonth, 2)}`)}${num('flexible.othersDeltaUSD', y.flexible.othersDeltaUSD, usd(y.flexible.othersDeltaUSD))}${num('byog.othersDeltaUSD', y.byog.othersDeltaUSD, usd(y.byog.othersDeltaUSD))}</tr>`,
  )
  .join('\n')}
</tbody>
</table>
<p>Calibration residuals, published − model ($/MW-day): ${c.residuals.map((x) => `${esc(String(x.deliveryYear))} ${x.residualUSDPerMWDay >= 0 ? '+' : '−'}${fmt(Math.abs(x.residualUSDPerMWDay), 1)}`).join(', ')}. Household: 2.37 kW at the peak (ASSUMPTION, checked against Maryland OPC's $14–18 a month for 2025/26).</p>`);
  }
  if (r.whoPays.ercot4CP.length > 0)
    out.push(`<table class="buildout-ercot">
<caption>ERCOT 4CP transmission: what the other customers pay when the campuses avoid the four coincident peaks (rate $${fmt(r.whoPays.ercot4CP[0]?.rateUSDPerKWYear ?? 0)}/kW-yr, an ASSUMPTION in the published $50–150+ range; TCOS held fixed)</caption>
${head(['year', 'campus 4CP', 'campuses pay if firm', 'others pay: firm', 'others pay: avoiding the peaks', 'shifted to others'])}
<tbody>
${r.whoPays.ercot4CP
  .map(
    (e) =>
      `<tr data-year="${e.year}"><th scope="row">${e.year}</th>${num('campus4CPMW', e.campus4CPMW, mw(e.campus4CPMW))}${num('campusPaysFirmUSD', e.campusPaysFirmUSD, usd(e.campusPaysFirmUSD))}${num('othersPayFirmUSD', e.othersPayFirmUSD, usd(e.othersPayFirmUSD))}${num('othersPayAvoidUSD', e.othersPayAvoidUSD, usd(e.othersPayAvoidUSD))}${num('shiftedUSD', e.othersPayAvoidUSD - e.othersPayFirmUSD, usd(e.othersPayAvoidUSD - e.othersPayFirmUSD))}</tr>`,
  )
  .join('\n')}
</tbody>
</table>`);
  if (r.whoPays.tariffs.length > 0)
    out.push(
      `<p>Large-load tariffs, minimum demand billed while a campus is late (realistic P50 vs announced; no demand-charge rate is sourced, so MW-months):</p><ul>${r.whoPays.tariffs
        .map(
          (t) =>
            `<li>${esc(t.campusId)} (${esc(t.tariff)}): contract ${esc(mw(t.contractMW))}, ${fmt(t.monthsLate)} months late → ${fmt(t.billedIdleMWMonths)} MW-months billed idle</li>`,
        )
        .join('')}</ul>`,
    );
  const sb6 = r.whoPays.sb6.filter((x) => x.applies);
  if (sb6.length > 0)
    out.push(
      `<p>Texas SB 6 (75 MW and over) applies to ${esc(sb6.map((x) => x.campusId).join(', '))}: ${esc(sb6[0]?.obligations.join('; ') ?? '')}.</p>`,
    );
  if (out.length === 1) out.push('<p>No campus in PJM or ERCOT and none under a large-load tariff.</p>');
  return out.join('\n');
}

function water(r: BuildoutReport): string {
  const last = r.years[r.years.length - 1];
  const rows = r.water.byCounty.filter((w) => w.year === last);
  const body =
    rows.length === 0
      ? `<p>No on-site water in ${last} (dry cooling, or no campus online).</p>`
      : `<table class="buildout-water">
<caption>On-site water in ${last}, by the county the campus register names</caption>
${head(['state', 'county', 'campuses', 'water on site'])}
<tbody>
${rows
  .map(
    (w) =>
      `<tr><th scope="row">${esc(w.state)}</th>${txt(w.county === '' ? '(not known: state only)' : w.county)}${txt(w.campuses.join(', '))}${num('waterM3', w.waterM3, `${fmt(w.waterM3 / 1e6, 2)} million m³`)}</tr>`,
  )
  .join('\n')}
</tbody>
</table>`;
  return `<h3>Water by county</h3>\n${body}\n<p>${esc(r.water.rule)}.</p>`;
}

function sources(r: BuildoutReport): string {
  const items: string[] = [
    `Method: ${r.method}.`,
    `Phase dates of the grid analysis: ${r.dates === 'announced' ? 'as announced' : `the supply chain's ${r.dates.toUpperCase()}`}; historical demand years ${(r.regions[0]?.historicalYears ?? []).join(', ')}; curtailment limits ${r.limitsPct.join(', ')} %.`,
    ...r.noDataBAs.map(
      (b) =>
        `No data for BA ${b.ba || '(blank in the register)'}: ${b.campuses.join(', ')} counted in ${b.standsIn} (ASSUMPTION). ${b.basis}.`,
    ),
    ...(r.supplyChain?.items.map((i) => `Lead time, ${i.label}: ${i.source}.`) ?? []),
    'Supply-chain start dates: an ASSUMPTION by status (operating: 36 months, under construction: 24, announced: 6 before the analysis date); the register gives no order dates.',
    'Source keys (TX1, GT1, BRA10, …) are listed with their addresses in docs/buildout.md.',
  ];
  return `<h3>Sources and assumptions</h3>\n<ul class="buildout-sources">${items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>`;
}

/** The section: headline, grid table, campuses, chart, who pays, water, sources. */
export function buildoutSectionHtml(r: BuildoutReport): string {
  const first = r.years[0];
  const lastN = r.national[r.national.length - 1];
  const headline =
    lastN === undefined
      ? ''
      : `<p class="buildout-headline">By the end of ${lastN.year}: <span data-key="national.itInstalledMW" data-value="${lastN.itInstalledMW}">${esc(mw(lastN.itInstalledMW))}</span> of IT installed, <span data-key="national.campusAtRegionPeaksMW" data-value="${lastN.campusAtRegionPeaksMW}">${esc(mw(lastN.campusAtRegionPeaksMW))}</span> at the regions' peak hours, <span data-key="national.firmNeedMW" data-value="${lastN.firmNeedMW}">${esc(mw(lastN.firmNeedMW))}</span> of firm capacity needed beyond the regions' headroom if no campus curtails.</p>`;
  return `<section class="page" id="buildout" aria-labelledby="buildout-title">
<h2 id="buildout-title">The national build-out: ${esc(r.scenario)}, ${first}–${r.years[r.years.length - 1]}</h2>
${headline}
<h3>Can the grids carry it</h3>
${gridTable(r)}
<h3>Can the supply chains carry it</h3>
${campusesTable(r)}
${onlineChart(r)}
${whoPays(r)}
${water(r)}
${sources(r)}
</section>`;
}

const CSS = `body{font-family:system-ui,sans-serif;color:#1f2937;background:#fff;margin:0 auto;max-width:1200px;padding:16px;line-height:1.4}
table{border-collapse:collapse;margin:8px 0 16px;font-size:13px}caption{text-align:left;font-weight:600;padding:4px 0}
th,td{border:1px solid #d4d4d4;padding:3px 6px;vertical-align:top}thead th{background:#f3f4f6}td.n{text-align:right;white-space:nowrap}
figure{margin:8px 0}.buildout-headline{font-size:15px}`;

/** One self-contained page holding the section (`gigawatt buildout --html FILE`). */
export function buildoutPageHtml(r: BuildoutReport, meta: { generated: string; version: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(r.scenario)}: national build-out — gigawatt report</title>
<style>${CSS}</style>
</head>
<body>
<main>
<h1>gigawatt report: the national build-out</h1>
<p>Generated ${esc(meta.generated)} by gigawatt ${esc(meta.version)} (<code>gigawatt buildout --html</code>); the same figures as <code>gigawatt buildout --json</code>, explained in docs/buildout.md.</p>
${buildoutSectionHtml(r)}
</main>
</body>
</html>
`;
}
