/**
 * The sweeps view (`#/sweeps`, `#/sweeps/ID`): a Monte Carlo sweep of a scenario on the server, as
 * `gigawatt sweep` (docs/sweeps.md). Choose a built-in scenario (or the one edited on the campus page,
 * carried in the link as `?scenario=NAME&s=…`), the uncertain inputs (field path + distribution in the
 * CLI's `--vary` form), samples and seed; start (`POST /api/sweeps`); follow the progress from the
 * server-sent events (samples done / total, rate, time left); cancel (`DELETE`); then read the report
 * (exactly `gigawatt sweep --json`): the spread of each total, the tornado and the break-even and
 * payback year distributions. The sweep id is in the URL, so a link reopens the result while the
 * server keeps it.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { YearDistribution } from '../../../src/analysis/sweep/report';
import type { Quantiles } from '../../../src/analysis/sweep/statistics';
import { checkDistribution, type Distribution, parseVary } from '../../../src/model/uncertainty';
import {
  ApiDetailError,
  ApiError,
  cancelSweep,
  getSweep,
  listScenarios,
  type ScenarioListItem,
  type SweepReport,
  type SweepState,
  startSweep,
  sweepEventsUrl,
} from '../api';
import { FanChart } from '../charts/FanChart';
import { Histogram, type HistogramBin } from '../charts/Histogram';
import { QuantileRanges, type QuantileRow } from '../charts/QuantileRanges';
import { Tornado } from '../charts/Tornado';
import { useTitle } from '../title';
import { fmt, fmtNumber, metricInfo } from '../units';
import { unpackText } from '../url-state';

/** Most samples the page asks for: the server's default limit per sweep (src/server/schemas.ts). */
const MAX_SAMPLES = 2000;
const EDITED = '\u0000edited';

/**
 * The CLI's worked example (docs/sweeps.md, "how sure is the 2028 payback?"): illustrative ranges,
 * assumptions to edit, not sourced figures. Each applies to a scenario only where its field exists
 * (the 4CP transmission charge in ERCOT only; the GB300 price where the first site runs GB300).
 */
interface KnownInput {
  readonly path: string;
  readonly label: string;
  readonly dist: string;
  readonly appliesTo?: (s: ScenarioListItem) => boolean;
}

const KNOWN_INPUTS: readonly KnownInput[] = [
  {
    path: 'economics.revenue.usdPerAcceleratorHour',
    label: 'Revenue per accelerator-hour ($)',
    dist: 'uniform:2,6',
  },
  {
    path: 'economics.acceleratorPriceUSD.gb300',
    label: 'GB300 price per accelerator ($)',
    dist: 'triangular:40000,48611,60000',
    appliesTo: (s) => s.sites[0]?.accelerators.includes('gb300') ?? false,
  },
  {
    path: 'sites[0].utilisation.busyFraction',
    label: 'Busy fraction of site 1',
    dist: 'triangular:0.6,0.85,0.95',
  },
  { path: 'economics.discountRate', label: 'Discount rate', dist: 'uniform:0.06,0.12' },
  {
    path: 'sites[0].supply.transmissionUSDPerKWYear',
    label: '4CP transmission charge of site 1 ($/kW-year)',
    dist: 'uniform:50,150',
    appliesTo: (s) => s.sites[0]?.region === 'ERCOT',
  },
];

interface InputRow {
  readonly key: number;
  readonly label: string;
  readonly path: string;
  readonly dist: string;
}

let nextKey = 1;
const row = (label: string, path: string, dist: string): InputRow => ({ key: nextKey++, label, path, dist });

function defaultRows(s: ScenarioListItem | undefined): InputRow[] {
  return KNOWN_INPUTS.filter((k) => !k.appliesTo || (s !== undefined && k.appliesTo(s))).map((k) =>
    row(k.label, k.path, k.dist),
  );
}

const labelOfPath = (path: string) => KNOWN_INPUTS.find((k) => k.path === path)?.label ?? path;

/** A distribution back in the `--vary` form (JSON where that form cannot say it, e.g. weights). */
export function distributionText(d: Distribution): string {
  const args = (xs: readonly (number | undefined)[]) => xs.filter((x) => x !== undefined).join(',');
  switch (d.dist) {
    case 'uniform':
      return `uniform:${args([d.min, d.max])}`;
    case 'triangular':
      return `triangular:${args([d.min, d.mode, d.max])}`;
    case 'normal':
      if (d.min === undefined && d.max === undefined) return `normal:${args([d.mean, d.sd])}`;
      if (d.min !== undefined && d.max !== undefined) return `normal:${args([d.mean, d.sd, d.min, d.max])}`;
      return JSON.stringify(d);
    case 'lognormal':
      if (d.min === undefined && d.max === undefined) return `lognormal:${args([d.mu, d.sigma])}`;
      if (d.min !== undefined && d.max !== undefined)
        return `lognormal:${args([d.mu, d.sigma, d.min, d.max])}`;
      return JSON.stringify(d);
    case 'discrete':
      return d.weights ? JSON.stringify(d) : `discrete:${d.values.join(',')}`;
  }
}

/** One input's distribution from its text: the `--vary` form (`uniform:2,6`) or a JSON object. */
function parseInput(path: string, text: string): Distribution {
  const t = text.trim();
  if (t.startsWith('{')) {
    let obj: unknown;
    try {
      obj = JSON.parse(t);
    } catch {
      throw new Error(`uncertainty ${path}: not valid JSON (got ${t})`);
    }
    return checkDistribution(path, obj);
  }
  return parseVary(`${path}=${t}`).distribution;
}

interface FormErrors {
  /** By row key. */
  readonly rows: Readonly<Record<number, string>>;
  readonly samples?: string;
  readonly seed?: string;
  readonly general?: string;
}

const NO_ERRORS: FormErrors = { rows: {} };
const hasErrors = (e: FormErrors) =>
  Object.keys(e.rows).length > 0 ||
  e.samples !== undefined ||
  e.seed !== undefined ||
  e.general !== undefined;

/** The request's `vary` map, or the errors located on the rows, samples and seed. */
function checkForm(
  rows: readonly InputRow[],
  samplesText: string,
  seedText: string,
): { vary: Record<string, Distribution>; samples: number; seed: number } | FormErrors {
  const rowErrors: Record<number, string> = {};
  const vary: Record<string, Distribution> = {};
  const seen = new Map<string, number>();
  rows.forEach((r, i) => {
    const path = r.path.trim();
    const where = `Input ${i + 1}`;
    if (path === '') rowErrors[r.key] = `${where}: the field path is empty (e.g. economics.discountRate)`;
    else if (seen.has(path))
      rowErrors[r.key] =
        `${where}: ${path} is already input ${(seen.get(path) as number) + 1}; give each path once`;
    else {
      seen.set(path, i);
      try {
        vary[path] = parseInput(path, r.dist);
      } catch (e) {
        rowErrors[r.key] = `${where}: ${(e as Error).message}`;
      }
    }
  });
  const samples = Number(samplesText);
  const seed = Number(seedText);
  const errors: FormErrors = {
    rows: rowErrors,
    ...(Number.isInteger(samples) && samples >= 1 && samples <= MAX_SAMPLES
      ? {}
      : {
          samples: `Samples: a whole number from 1 to ${fmtNumber(MAX_SAMPLES)} (got ${JSON.stringify(samplesText)})`,
        }),
    ...(Number.isInteger(seed) && seed >= 0
      ? {}
      : { seed: `Seed: a whole number ≥ 0 (got ${JSON.stringify(seedText)})` }),
  };
  return hasErrors(errors) ? errors : { vary, samples, seed };
}

/** A refused request's message placed on the row whose path it names (the longest that matches). */
function placeServerError(rows: readonly InputRow[], message: string): FormErrors {
  const hit = rows
    .map((r, i) => ({ r, i, path: r.path.trim() }))
    .filter((x) => x.path !== '' && message.includes(x.path))
    .sort((a, b) => b.path.length - a.path.length)[0];
  if (!hit) return { rows: {}, general: message };
  return { rows: { [hit.r.key]: `Input ${hit.i + 1}: ${message.replace(/^invalid sweep: /, '')}` } };
}

// ——— formatting of the report's outputs ———

const year = (x: number) => String(Math.round(x));
const OUTPUT_FORMAT: Readonly<Record<string, [string, string, (x: number) => string]>> = {
  npvUSD: ['NPV', '$', fmt.usd],
  irr: ['IRR', 'fraction', (x) => `${fmtNumber(x * 100, 1)} %`],
  paybackYear: ['Payback year', 'year', year],
  breakEvenYear: ['Break-even year', 'year', year],
  levelizedUSDPerAcceleratorHour: [
    'Levelized cost per accelerator-hour',
    '$/h',
    (x) => `$${fmtNumber(x, 2)}/h`,
  ],
  levelizedUSDPerPFLOPDay: ['Levelized cost per PFLOP-day', '$/PFLOP-day', (x) => `$${fmtNumber(x, 1)}`],
  levelizedUSDPerMillionTokens: ['Levelized cost per million tokens', '$/Mtok', (x) => `$${fmtNumber(x, 3)}`],
};

function outputInfo(key: string): { label: string; unit: string; format: (x: number) => string } {
  const known = OUTPUT_FORMAT[key];
  if (known) return { label: known[0], unit: known[1], format: known[2] };
  return metricInfo(key);
}

const ECONOMIC_ROWS = ['npvUSD', 'irr', 'capexUSD', 'energyCostUSD', 'levelizedUSDPerAcceleratorHour'];
const PHYSICAL_ROWS = [
  'facilityEnergyMWh',
  'peakFacilityMW',
  'pue',
  'co2Tonnes',
  'waterM3',
  'computeDeliveredFLOP',
];

type Scale = { factor: number; label: string };
const usdScale = (max: number): Scale =>
  max >= 1e9 ? { factor: 1e9, label: '$ billion' } : { factor: 1e6, label: '$ million' };
const energyScale = (max: number): Scale =>
  max >= 1e6 ? { factor: 1e6, label: 'TWh' } : { factor: 1e3, label: 'GWh' };
const co2Scale = (max: number): Scale =>
  max >= 1e6 ? { factor: 1e6, label: 'Mt CO2e' } : { factor: 1e3, label: 'kt CO2e' };

/** The report's per-year outputs as fan charts: title, unit, axis scale for the largest |value|, format. */
const FANS: readonly [string, string, string, (max: number) => Scale, (x: number) => string][] = [
  ['netCashFlowUSD', 'Net cash flow by year', 'USD', usdScale, fmt.usd],
  ['cumulativeCashFlowUSD', 'Cumulative cash flow by year', 'USD', usdScale, fmt.usd],
  ['facilityEnergyMWh', 'Facility energy by year', 'MWh', energyScale, fmt.energy],
  ['co2Tonnes', 'CO2 by year (grid lifecycle + on-site gas)', 't CO2e', co2Scale, fmt.co2],
];

function quantileRows(metrics: Record<string, Quantiles | null>, keys: readonly string[]): QuantileRow[] {
  return keys.flatMap((key) => {
    const q = metrics[key];
    if (!q) return [];
    return [{ key, q, ...outputInfo(key) }];
  });
}

/** Bins of a year distribution: every year from the first to the last (empty ones too), then "never". */
export function yearBins(d: YearDistribution): HistogramBin[] {
  const years = Object.keys(d.byYear).map(Number);
  const bins: HistogramBin[] = [];
  if (years.length > 0)
    for (let y = Math.min(...years); y <= Math.max(...years); y++)
      bins.push({ label: String(y), count: d.byYear[String(y)] ?? 0 });
  if (d.none > 0) bins.push({ label: 'not within the period', count: d.none, muted: true });
  return bins;
}

const yearQuantiles = (d: YearDistribution) =>
  `P5 ${d.p5 ?? 'not within the period'} · P50 ${d.p50 ?? 'not within the period'} · P95 ${d.p95 ?? 'not within the period'}`;

function SweepResult(p: {
  report: SweepReport;
  runId?: number | undefined;
  labelOf: (path: string) => string;
}) {
  const r = p.report;
  const m = r.metrics;
  const file = `${r.scenario}-sweep-seed${r.seed}`;
  const kpi = (key: string) => {
    const q = m[key];
    const f = outputInfo(key).format;
    return q ? [f(q.p50), `P5 ${f(q.p5)} · P95 ${f(q.p95)}`] : ['n/a', 'no sample has a value'];
  };
  // Years from their distributions, where "not within the period" ranks after every year (a sample
  // that never breaks even counts), not from `metrics`, which leaves those samples out.
  const never = 'not within the period';
  const yearKpi = (d: YearDistribution) => [
    String(d.p50 ?? never),
    `P5 ${d.p5 ?? never} · P95 ${d.p95 ?? never}`,
  ];
  const kpis: [string, string, string[]][] = [
    ['npvUSD', 'NPV', kpi('npvUSD')],
    ['irr', 'IRR', kpi('irr')],
    ['breakEvenYear', 'Break-even year', yearKpi(r.breakEvenYear)],
    ...(r.points[0]
      ? [['paybackYear', 'Payback year', yearKpi(r.points[0].paybackYear)] as [string, string, string[]]]
      : []),
  ];
  const tornadoOut = outputInfo(r.tornado.output);
  // `byYear` is missing from reports saved before it existed.
  const fans = FANS.filter(([key]) => (r.byYear?.[key]?.length ?? 0) > 0);
  return (
    <section class="sweep-result" data-testid="sweep-result" aria-labelledby="sweep-result-h">
      <h2 id="sweep-result-h">
        {r.scenario}: {fmtNumber(r.samples)} samples ({r.method}, seed {r.seed})
      </h2>
      <ul class="sweep-inputs" data-testid="sweep-result-inputs">
        {r.inputs.map((i) => (
          <li key={i.path}>
            <span class="sweep-input-label">{p.labelOf(i.path)}</span> <code>{i.path}</code> ~{' '}
            <code>{distributionText(i.distribution)}</code>
          </li>
        ))}
      </ul>
      {p.runId !== undefined && (
        <p class="note">
          Saved in the server’s results store as run {p.runId} (<code>gigawatt show {p.runId}</code>).
        </p>
      )}
      <div class="kpis" data-testid="sweep-kpis">
        {kpis.map(([k, label, [p50, range]]) => (
          <div class="kpi" key={k} data-kpi={k}>
            <div class="kpi-value">{p50}</div>
            <div class="kpi-label">
              {label}, P50 ({range})
            </div>
          </div>
        ))}
      </div>
      <p class="note" data-testid="sweep-totals-note">
        {fans.length > 0
          ? 'Fan charts: P5 to P95 and P50 of each calendar year over the samples (cash flows in nominal US dollars, as in the economics view). Then the spread of each total over the period (P5–P95 bar, P50 mark, min–max whisker). '
          : 'This report has no per-year values (made by an older server), so the charts show the spread of the totals over the period (P5–P95 bar, P50 mark, min–max whisker), not fans by year. '}
        Quantiles are linear interpolation (Hyndman–Fan type 7) over the samples, as the CLI’s.
      </p>
      <div class="grid2">
        {fans.map(([key, title, unit, scaleFor, format]) => {
          const years = r.byYear[key] ?? [];
          const max = Math.max(...years.flatMap((q) => [Math.abs(q.p5), Math.abs(q.p95)]));
          return (
            <FanChart
              key={key}
              title={title}
              subtitle={`P5–P95 band and P50 line over ${fmtNumber(r.samples)} samples`}
              years={years}
              unit={unit}
              scale={scaleFor(max)}
              format={format}
              file={`${file}-${key}-by-year`}
              testId={`sweep-fan-${key}`}
            />
          );
        })}
      </div>
      <div class="grid2">
        <QuantileRanges
          title="Economics over the period"
          subtitle="Spread of each total over the samples; each row on its own scale"
          rows={quantileRows(m, ECONOMIC_ROWS)}
          file={`${file}-economics`}
          testId="sweep-economics"
        />
        <QuantileRanges
          title="Energy, carbon, water and compute over the period"
          subtitle="Spread of each total over the samples; each row on its own scale"
          rows={quantileRows(m, PHYSICAL_ROWS)}
          file={`${file}-physical`}
          testId="sweep-physical"
        />
        <Tornado
          title={`Tornado: what moves ${tornadoOut.label}`}
          subtitle={`Spearman rank correlation of each input with ${tornadoOut.label} over the samples (all inputs vary together); with N samples an input without effect still shows |ρ| of about 1/√N = ${fmtNumber(1 / Math.sqrt(r.samples), 2)}`}
          ranking={r.tornado.ranking}
          outputLabel={tornadoOut.label}
          formatOutput={tornadoOut.format}
          labelOf={p.labelOf}
          file={`${file}-tornado`}
          testId="sweep-tornado"
        />
        <Histogram
          title="Break-even year"
          subtitle={`First year with profit ≥ 0, over the samples: ${yearQuantiles(r.breakEvenYear)}`}
          bins={yearBins(r.breakEvenYear)}
          unit="samples"
          category="break-even year"
          file={`${file}-break-even`}
          testId="sweep-break-even"
        />
        {r.points[0] && (
          <Histogram
            title="Payback year"
            subtitle={`Year the cumulative cash flow turns positive, over the samples: ${yearQuantiles(r.points[0].paybackYear)}`}
            bins={yearBins(r.points[0].paybackYear)}
            unit="samples"
            category="payback year"
            file={`${file}-payback`}
            testId="sweep-payback"
          />
        )}
      </div>
    </section>
  );
}

/** Samples per second and seconds left, from the first progress with a sample done to now. */
function pace(
  first: { t: number; done: number } | null,
  now: { t: number; done: number },
  total: number,
): { rate: number; etaS: number } | null {
  if (!first || now.done <= first.done || now.t <= first.t) return null;
  const rate = (now.done - first.done) / ((now.t - first.t) / 1000);
  return { rate, etaS: (total - now.done) / rate };
}

const duration = (s: number) =>
  s < 60
    ? `${fmtNumber(Math.ceil(s))} s`
    : `${fmtNumber(Math.floor(s / 60))} min ${fmtNumber(Math.ceil(s % 60))} s`;

/** One sweep by id: its progress from the event stream, cancel, then its report. */
function SweepRun(p: { id: string; labelOf: (path: string) => string; onReport: (r: SweepReport) => void }) {
  const [state, setState] = useState<SweepState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number; t: number } | null>(null);
  const first = useRef<{ t: number; done: number } | null>(null);
  const [cancelling, setCancelling] = useState(false);

  useEffect(() => {
    let live = true;
    let source: EventSource | undefined;
    const finish = (s: Partial<SweepState>) => {
      source?.close();
      if (live) setState((old) => (old ? { ...old, ...s } : old));
    };
    getSweep(p.id).then(
      (s) => {
        if (!live) return;
        setState(s);
        setProgress({ done: s.done, total: s.total, t: performance.now() });
        if (s.report) p.onReport(s.report);
        if (s.status !== 'queued' && s.status !== 'running') return;
        source = new EventSource(sweepEventsUrl(p.id));
        source.addEventListener('progress', (e) => {
          const d = JSON.parse((e as MessageEvent<string>).data) as { done: number; total: number };
          const t = performance.now();
          if (d.done > 0 && first.current === null) first.current = { t, done: d.done };
          if (live) {
            setProgress({ ...d, t });
            setState((old) =>
              old ? { ...old, done: d.done, ...(d.done > 0 ? { status: 'running' } : {}) } : old,
            );
          }
        });
        source.addEventListener('result', (e) => {
          const report = JSON.parse((e as MessageEvent<string>).data) as SweepReport;
          finish({ status: 'done', report });
          if (live) p.onReport(report);
          // The saved run's id arrives with the state.
          getSweep(p.id).then(
            (s) =>
              live && s.runId !== undefined && setState((old) => (old ? { ...old, runId: s.runId } : old)),
            () => undefined,
          );
        });
        source.addEventListener('cancelled', () => finish({ status: 'cancelled' }));
        source.addEventListener('error', (e) => {
          const data = (e as MessageEvent<string>).data;
          if (typeof data === 'string') {
            finish({ status: 'error', error: (JSON.parse(data) as { error: string }).error });
            return;
          }
          // The connection dropped: ask for the state (the stream may have ended with the sweep).
          getSweep(p.id).then(
            (s) => {
              if (!live) return;
              if (s.status !== 'queued' && s.status !== 'running') {
                source?.close();
                setState(s);
                if (s.report) p.onReport(s.report);
              }
            },
            () => undefined,
          );
        });
      },
      (e: unknown) => {
        if (!live) return;
        if (e instanceof ApiError && e.status === 404) setMissing(true);
        setError(e instanceof Error ? e.message : String(e));
      },
    );
    return () => {
      live = false;
      source?.close();
    };
  }, [p.id]);

  const cancel = () => {
    setCancelling(true);
    cancelSweep(p.id).then(
      (s) => {
        setState((old) => (old ? { ...old, status: s.status } : s));
        setCancelling(false);
      },
      (e: Error) => {
        setError(`Cancelling failed: ${e.message}`);
        setCancelling(false);
      },
    );
  };

  if (error)
    return (
      <section class="sweep-run" data-testid="sweep-missing">
        <p role="alert">
          {missing ? `Sweep ${p.id} could not be opened: ${error}.` : error}
          {missing && ' Start it again below (the same seed gives the same result).'}
        </p>
      </section>
    );
  if (!state || !progress)
    return (
      <p role="status" aria-busy="true">
        Opening sweep {p.id}…
      </p>
    );
  const active = state.status === 'queued' || state.status === 'running';
  const pc = pace(first.current, progress, progress.total);
  return (
    <section class="sweep-run" data-testid="sweep-run" data-status={state.status} aria-label="Sweep progress">
      {active && (
        <p class="note" data-testid="sweep-running-what">
          {`Sweep of ${state.scenario}, ${fmtNumber(state.total)} samples, submitted ${state.createdAt.slice(0, 19).replace('T', ' ')} UTC (`}
          {state.status === 'queued' ? 'queued on the server' : 'running on the server'})
        </p>
      )}
      {active && (
        <div class="sweep-progress">
          <progress max={progress.total} value={progress.done} aria-label="Samples done" />
          <p role="status" data-testid="sweep-progress">
            {`${fmtNumber(progress.done)} / ${fmtNumber(progress.total)} samples`}
            {progress.done === 0
              ? ' · waiting for the first sample'
              : pc
                ? ` · ${fmtNumber(pc.rate, 2)} samples/s · about ${duration(pc.etaS)} left`
                : ' · measuring the rate'}
          </p>
          <button type="button" onClick={cancel} disabled={cancelling} data-testid="sweep-cancel">
            {cancelling ? 'Cancelling…' : 'Cancel the sweep'}
          </button>
        </div>
      )}
      {state.status === 'cancelled' && (
        <p role="status" data-testid="sweep-cancelled">
          Cancelled after {fmtNumber(state.done)} of {fmtNumber(state.total)} samples; nothing was kept.
        </p>
      )}
      {state.status === 'error' && (
        <p role="alert" data-testid="sweep-error">
          The sweep stopped: {state.error ?? 'the server gave no reason'}
        </p>
      )}
      {state.status === 'done' && state.report && (
        <SweepResult report={state.report} runId={state.runId} labelOf={p.labelOf} />
      )}
    </section>
  );
}

/** Moves the keyboard to the first field marked invalid, once the errors are drawn. */
const focusFirstInvalid = () =>
  requestAnimationFrame(() =>
    document.querySelector<HTMLElement>('.sweep-form [aria-invalid="true"]')?.focus(),
  );

/** The page. */
export function SweepsPage(p: {
  id?: string | undefined;
  scenario?: string | undefined;
  edits?: string | undefined;
}) {
  useTitle(p.id ? 'Sweep result' : 'Sweeps');
  const [scenarios, setScenarios] = useState<ScenarioListItem[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [choice, setChoice] = useState<string>(p.edits ? EDITED : (p.scenario ?? ''));
  const [edited, setEdited] = useState<{ name: string; yaml: string } | null>(null);
  const [editedError, setEditedError] = useState<string | null>(null);
  const [rows, setRows] = useState<InputRow[]>([]);
  const [samples, setSamples] = useState('100');
  const [seed, setSeed] = useState('1');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [starting, setStarting] = useState(false);
  /** Whether the user changed the form (a report opened by link then no longer refills it). */
  const touched = useRef(false);
  /** The built-in scenarios, for a report that arrives in an event handler set up before they did. */
  const listed = useRef<ScenarioListItem[] | null>(null);

  useEffect(() => {
    listScenarios().then(
      (l) => {
        setScenarios(l);
        listed.current = l;
        const name = p.scenario && l.some((s) => s.name === p.scenario) ? p.scenario : (l[0]?.name ?? '');
        setChoice((c) => (c === EDITED || l.some((s) => s.name === c) ? c : name));
        setRows((r) => (r.length > 0 ? r : defaultRows(l.find((s) => s.name === name))));
      },
      (e: Error) => setListError(e.message),
    );
  }, []);
  useEffect(() => {
    if (!p.edits || !p.scenario) return;
    const name = p.scenario;
    unpackText(p.edits).then(
      (yaml) => setEdited({ name, yaml }),
      () => {
        setEditedError('The edits in this link could not be read; choose a built-in scenario.');
        setChoice(name);
      },
    );
  }, [p.edits, p.scenario]);

  const touch = () => {
    touched.current = true;
  };
  const baseName = choice === EDITED ? (edited?.name ?? p.scenario ?? '') : choice;
  const pickScenario = (name: string) => {
    touch();
    setChoice(name);
    const base = name === EDITED ? (edited?.name ?? p.scenario) : name;
    setRows(defaultRows(scenarios?.find((s) => s.name === base)));
    setErrors(NO_ERRORS);
  };
  const setRow = (key: number, patch: Partial<InputRow>) => {
    touch();
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  };
  const labelOf = (path: string) => rows.find((r) => r.path.trim() === path)?.label ?? labelOfPath(path);

  const onReport = (r: SweepReport) => {
    if (touched.current) return;
    // A result opened by link: the form shows what produced it.
    // Only a built-in can be chosen again by name (an edited scenario's YAML is not in the report).
    if (listed.current === null || listed.current.some((s) => s.name === r.scenario)) setChoice(r.scenario);
    setRows(r.inputs.map((i) => row(labelOfPath(i.path), i.path, distributionText(i.distribution))));
    setSamples(String(r.requestedSamples));
    setSeed(String(r.seed));
  };

  const start = async (e: Event) => {
    e.preventDefault();
    const checked = checkForm(rows, samples, seed);
    if ('rows' in checked) {
      setErrors(checked);
      focusFirstInvalid();
      return;
    }
    if (choice === EDITED && !edited) {
      setErrors({ rows: {}, general: 'The edited scenario is still being read from the link; try again.' });
      return;
    }
    setErrors(NO_ERRORS);
    setStarting(true);
    try {
      const res = await startSweep({
        ...(choice === EDITED && edited ? { yaml: edited.yaml } : { scenario: choice }),
        samples: checked.samples,
        seed: checked.seed,
        vary: checked.vary,
      });
      touched.current = true;
      location.hash = `#/sweeps/${encodeURIComponent(res.id)}`;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      setErrors(
        err instanceof ApiDetailError && err.status === 400
          ? placeServerError(rows, message)
          : { rows: {}, general: message },
      );
      focusFirstInvalid();
    } finally {
      setStarting(false);
    }
  };

  const rowErrorId = (key: number) => `sweep-input-error-${key}`;
  return (
    <div class="sweeps">
      <h1>Sweeps</h1>
      <p class="lede">
        A Monte Carlo sweep runs the scenario many times on the server with the uncertain inputs drawn from
        their distributions (Latin hypercube, as <code>gigawatt sweep</code>), and reports the spread of every
        output, which input moves NPV most, and when the campus breaks even.
      </p>
      {listError && <p role="alert">The scenarios could not be listed: {listError}</p>}
      <form class="sweep-form" onSubmit={start} data-testid="sweep-form" noValidate>
        <label class="sweep-field">
          Scenario{' '}
          <select
            data-testid="sweep-scenario"
            value={choice}
            onChange={(e) => pickScenario((e.target as HTMLSelectElement).value)}
          >
            {(p.edits || edited) && (
              <option
                value={EDITED}
              >{`${edited?.name ?? p.scenario ?? 'scenario'} (edited on the campus page)`}</option>
            )}
            {(scenarios ?? []).map((s) => (
              <option key={s.name} value={s.name}>
                {s.title ?? s.name}
              </option>
            ))}
          </select>
        </label>
        {editedError && <p role="alert">{editedError}</p>}
        <fieldset>
          <legend>Uncertain inputs</legend>
          <p class="note">
            A field path as in error messages (<code>sites[0].utilisation.busyFraction</code>) and a
            distribution as in <code>gigawatt sweep --vary</code>: <code>uniform:MIN,MAX</code>,{' '}
            <code>triangular:MIN,MODE,MAX</code>, <code>normal:MEAN,SD[,MIN,MAX]</code>,{' '}
            <code>lognormal:MU,SIGMA[,MIN,MAX]</code>, <code>discrete:V1,V2,…</code> (or a JSON object, for
            weights). The ranges filled in are the worked example of docs/sweeps.md: assumptions to edit, not
            sourced figures.
          </p>
          <ol class="sweep-rows" data-testid="sweep-inputs">
            {rows.map((r, i) => {
              const err = errors.rows[r.key];
              return (
                <li key={r.key} class="sweep-row" data-testid="sweep-input">
                  <span class="sweep-input-label">{r.label}</span>
                  <label>
                    <span class="visually-hidden">{`Field path of input ${i + 1}`}</span>
                    <input
                      type="text"
                      value={r.path}
                      spellcheck={false}
                      data-testid="sweep-path"
                      aria-invalid={err ? 'true' : undefined}
                      aria-describedby={err ? rowErrorId(r.key) : undefined}
                      onInput={(e) => setRow(r.key, { path: (e.target as HTMLInputElement).value })}
                    />
                  </label>
                  <label>
                    <span class="visually-hidden">{`Distribution of input ${i + 1}`}</span>
                    <input
                      type="text"
                      value={r.dist}
                      spellcheck={false}
                      data-testid="sweep-dist"
                      aria-invalid={err ? 'true' : undefined}
                      aria-describedby={err ? rowErrorId(r.key) : undefined}
                      onInput={(e) => setRow(r.key, { dist: (e.target as HTMLInputElement).value })}
                    />
                  </label>
                  <button
                    type="button"
                    aria-label={`Remove input ${i + 1}`}
                    onClick={() => {
                      touch();
                      setRows((rs) => rs.filter((x) => x.key !== r.key));
                    }}
                  >
                    Remove
                  </button>
                  {err && (
                    <p
                      class="sweep-row-error error"
                      id={rowErrorId(r.key)}
                      role="alert"
                      data-testid="sweep-input-error"
                    >
                      {err}
                    </p>
                  )}
                </li>
              );
            })}
          </ol>
          <button
            type="button"
            data-testid="sweep-add"
            onClick={() => {
              touch();
              setRows((rs) => [...rs, row('Another input', '', 'uniform:0,1')]);
            }}
          >
            Add an input
          </button>
        </fieldset>
        <div class="sweep-settings">
          <label class="sweep-field">
            Samples{' '}
            <input
              type="number"
              min={1}
              max={MAX_SAMPLES}
              step={1}
              value={samples}
              data-testid="sweep-samples"
              aria-invalid={errors.samples ? 'true' : undefined}
              aria-describedby={errors.samples ? 'sweep-samples-error' : undefined}
              onInput={(e) => {
                touch();
                setSamples((e.target as HTMLInputElement).value);
              }}
            />
          </label>
          <label class="sweep-field">
            Seed{' '}
            <input
              type="number"
              min={0}
              step={1}
              value={seed}
              data-testid="sweep-seed"
              aria-invalid={errors.seed ? 'true' : undefined}
              aria-describedby={errors.seed ? 'sweep-seed-error' : undefined}
              onInput={(e) => {
                touch();
                setSeed((e.target as HTMLInputElement).value);
              }}
            />
          </label>
          <button type="submit" disabled={starting || scenarios === null} data-testid="sweep-start">
            {starting ? 'Starting…' : 'Start the sweep'}
          </button>
        </div>
        {errors.samples && (
          <p class="error" id="sweep-samples-error" role="alert">
            {errors.samples}
          </p>
        )}
        {errors.seed && (
          <p class="error" id="sweep-seed-error" role="alert">
            {errors.seed}
          </p>
        )}
        {errors.general && (
          <p class="error" role="alert" data-testid="sweep-form-error">
            The sweep was not started: {errors.general}
          </p>
        )}
        {baseName !== '' && choice === EDITED && (
          <p class="note">The edited YAML from the campus page is sent as it is (the server validates it).</p>
        )}
      </form>
      {p.id && <SweepRun key={p.id} id={p.id} labelOf={labelOf} onReport={onReport} />}
    </div>
  );
}
