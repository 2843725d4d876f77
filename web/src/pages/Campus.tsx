/**
 * The campus page: a built-in scenario with sliders for the key parameters and its YAML in an
 * editor with the CLI's located validation errors. Every change re-simulates in the web worker.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { stringify } from 'yaml';
import type { LocatedIssue } from '../../../src/model/parse-yaml';
import { formatIssue } from '../../../src/model/parse-yaml';
import type { ScenarioInput } from '../../../src/model/scenario';
import { ApiError, catalogIds, getScenario } from '../api';
import { engine } from '../engine-client';
import { t } from '../i18n';
import type { RunRequest, RunView } from '../protocol';
import { serverPreview, serverSummary } from '../server-preview';
import { useTitle } from '../title';
import { fmtNumber } from '../units';
import { campusHash, guardNavigation, packText, unpackText } from '../url-state';
import { Results } from './Results';

declare global {
  interface Window {
    /** Test hook: the scenario as simulated, its summary and timing (read by test/browser.test.ts). */
    __gigawatt?: {
      raw: unknown;
      summary: unknown;
      runMs: number;
      runs: number;
      /** When the page had the worker's answer (performance.now()). */
      answeredAt?: number;
      /** Runs whose views are on screen (set after the frame that drew them) and when. */
      painted?: number;
      paintedAt?: number;
    };
    /** Bench hook: when this document first had a campus's views on screen (server's or worker's). */
    __gigawattFirstView?: number;
  }
}

type Raw = ScenarioInput & { sites: ScenarioInput['sites'] };

function Slider(p: {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  unit: string;
  testId: string;
  onInput: (v: number) => void;
  format?: (v: number) => string;
}) {
  return (
    <label class="slider">
      <span>
        {p.label}: <b>{p.format ? p.format(p.value) : `${fmtNumber(p.value)} ${p.unit}`.trimEnd()}</b>
      </span>
      <input
        type="range"
        min={p.min}
        max={p.max}
        step={p.step}
        value={p.value}
        data-testid={p.testId}
        onInput={(e) => p.onInput(Number((e.target as HTMLInputElement).value))}
      />
    </label>
  );
}

function Controls(p: {
  raw: Raw;
  initial: Raw;
  cooling: { id: string; name: string }[];
  onChange: (raw: Raw) => void;
  onReset: () => void;
}) {
  const edit = (f: (r: Raw) => void) => {
    const next = structuredClone(p.raw);
    f(next);
    p.onChange(next);
  };
  return (
    <div class="controls" data-testid="controls">
      {p.raw.sites.map((site, i) => {
        const init = p.initial.sites[i] ?? site;
        return (
          <fieldset key={site.id}>
            <legend>{site.id}</legend>
            {site.phases.map((ph, j) => {
              const ph0 = init.phases[j] ?? ph;
              if (ph.count !== undefined) {
                const base = ph0.count ?? ph.count;
                return (
                  <Slider
                    key={`c${j}`}
                    label={t('campus.accelerators', {
                      phase: ph.id ?? `phase-${j + 1}`,
                      accelerator: ph.accelerator,
                    })}
                    value={ph.count}
                    min={1000}
                    max={Math.max(3 * base, 3000)}
                    step={1000}
                    unit=""
                    testId={`slider-count-${i}-${j}`}
                    onInput={(v) =>
                      edit(
                        (r) =>
                          (((r.sites[i] as Raw['sites'][number]).phases[j] as { count?: number }).count = v),
                      )
                    }
                  />
                );
              }
              const mw = ph.itMW ?? 0;
              const base = ph0.itMW ?? mw;
              return (
                <Slider
                  key={`m${j}`}
                  label={t('campus.itCapacity', {
                    phase: ph.id ?? `phase-${j + 1}`,
                    accelerator: ph.accelerator,
                  })}
                  value={mw}
                  min={10}
                  max={Math.max(3 * base, 30)}
                  step={10}
                  unit="MW"
                  testId={`slider-itmw-${i}-${j}`}
                  onInput={(v) =>
                    edit(
                      (r) => (((r.sites[i] as Raw['sites'][number]).phases[j] as { itMW?: number }).itMW = v),
                    )
                  }
                />
              );
            })}
            <Slider
              label={t('campus.busy')}
              value={site.utilisation?.busyFraction ?? 0.85}
              min={0}
              max={1}
              step={0.01}
              unit=""
              format={(v) => `${fmtNumber(Math.round(v * 100))} %`}
              testId={`slider-busy-${i}`}
              onInput={(v) =>
                edit((r) => {
                  const s = r.sites[i] as Raw['sites'][number];
                  s.utilisation = { ...(s.utilisation ?? {}), busyFraction: v };
                })
              }
            />
            <Slider
              label={t('campus.interconnect')}
              value={site.interconnectMW}
              min={50}
              max={Math.max(3 * init.interconnectMW, 150)}
              step={10}
              unit="MW"
              testId={`slider-interconnect-${i}`}
              onInput={(v) => edit((r) => ((r.sites[i] as Raw['sites'][number]).interconnectMW = v))}
            />
            <label class="slider">
              <span>{t('campus.cooling')}</span>
              <select
                value={site.cooling}
                data-testid={`select-cooling-${i}`}
                onChange={(e) =>
                  edit(
                    (r) =>
                      ((r.sites[i] as Raw['sites'][number]).cooling = (e.target as HTMLSelectElement)
                        .value as never),
                  )
                }
              >
                {p.cooling.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </label>
          </fieldset>
        );
      })}
      <button type="button" onClick={p.onReset} data-testid="reset">
        {t('campus.reset')}
      </button>
    </div>
  );
}

function Editor(p: { text: string; issues: readonly LocatedIssue[]; onInput: (t: string) => void }) {
  const area = useRef<HTMLTextAreaElement>(null);
  const goTo = (line?: number) => {
    const el = area.current;
    if (!el || line === undefined) return;
    const lines = el.value.split('\n');
    const start = lines.slice(0, line - 1).reduce((a, l) => a + l.length + 1, 0);
    el.focus();
    el.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
  };
  return (
    <div class="editor">
      <textarea
        ref={area}
        value={p.text}
        spellcheck={false}
        aria-label={t('campus.yamlLabel')}
        data-testid="yaml-editor"
        onInput={(e) => p.onInput((e.target as HTMLTextAreaElement).value)}
      />
      {p.issues.length > 0 && (
        <ul class="issues" data-testid="issues">
          {p.issues.map((iss) => (
            <li key={formatIssue(iss)}>
              <button type="button" onClick={() => goTo(iss.line)}>
                {formatIssue(iss)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function CampusPage(p: { name: string; edits?: string | undefined; regions: readonly string[] }) {
  const [initial, setInitial] = useState<Raw | null>(null);
  const [raw, setRaw] = useState<Raw | null>(null);
  const [text, setText] = useState('');
  const [run, setRun] = useState<RunView | null>(null);
  const [issues, setIssues] = useState<LocatedIssue[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [notFound, setNotFound] = useState(false);
  /** The published YAML of the scenario: text that differs from it is an edit (kept in the URL). */
  const published = useRef('');
  const urlTimer = useRef<number | undefined>(undefined);
  const [tab, setTab] = useState<'sliders' | 'yaml'>('sliders');
  const [cooling, setCooling] = useState<{ id: string; name: string }[]>([]);
  const runs = useRef(0);
  /** Set once the worker has answered for this page: the server's first view may no longer replace it. */
  const workerAnswered = useRef(false);
  const timer = useRef<number | undefined>(undefined);

  /** Id of the latest run asked for: an answer to any earlier one is stale and never shown. */
  const latest = useRef(0);

  const simulate = async (req: Omit<RunRequest, 'id'>, keepControls = false) => {
    const id = ++latest.current;
    setBusy(true);
    const res = await engine().run(req);
    const answeredAt = performance.now();
    if (!res || id !== latest.current) return; // superseded, or a newer run was asked for since
    setBusy(false);
    if (res.ok) {
      workerAnswered.current = true;
      const view: RunView = {
        raw: res.raw,
        summary: res.summary,
        sites: res.sites,
        units: res.units,
        timing: res.timing,
      };
      setRun(view);
      // Slider runs keep what the user set (already in `raw`); an editor run sets the controls.
      if (!keepControls) setRaw(res.raw as Raw);
      setIssues([]);
      setError(null);
      runs.current += 1;
      window.__gigawatt = {
        ...window.__gigawatt,
        raw: res.raw,
        summary: res.summary,
        runMs: res.timing.runMs,
        runs: runs.current,
        answeredAt,
      };
    } else {
      setIssues(res.issues);
      setError(res.error ?? null);
    }
  };

  useEffect(() => {
    let current = true;
    // A new scenario: nothing of the previous one stays (controls, text, problems, its runs).
    latest.current += 1;
    setRun(null);
    setInitial(null);
    setRaw(null);
    setText('');
    setIssues([]);
    setError(null);
    setNotFound(false);
    setBusy(false);
    workerAnswered.current = false;
    engine(); // start the worker (its bundle loads while the scenario is fetched)
    const summary = serverSummary(p.name);
    summary.catch(() => undefined);
    // The first view's hourly columns are asked for as soon as the summary names the sites, not
    // after the scenario text has arrived.
    const preview = p.edits
      ? undefined
      : summary.then((sum) =>
          serverPreview(
            p.name,
            summary,
            sum.sites.map((x) => x.id),
            undefined,
          ),
        );
    preview?.catch(() => undefined);
    getScenario(p.name)
      .then((s) => {
        if (!current) return;
        setInitial(s.raw as Raw);
        setRaw(s.raw as Raw);
        setText(s.yaml);
        published.current = s.yaml;
        if (!preview) {
          // A link with edits: simulate the edited scenario (the server's first view is the published one).
          return unpackText(p.edits as string).then(
            (t) => {
              if (!current) return;
              setText(t);
              return simulate({ yaml: t });
            },
            () => {
              if (current) setError(t('campus.badLink'));
              return simulate({ yaml: s.yaml });
            },
          );
        }
        // First view from the server's cached run of this built-in, until the worker's own run
        // (the same summary) replaces it; without it (e.g. a server with a token) the worker's.
        // The worker starts simulating once that first view is drawn (or has failed): its data
        // downloads and its run would otherwise compete with the first view for the server and CPU.
        return preview.then(
          (view) => {
            if (!current || workerAnswered.current) return;
            setRun({ ...view, raw: s.raw });
            setBusy(true);
            return new Promise<void>((drawn) => requestAnimationFrame(() => setTimeout(drawn))).then(() =>
              current ? simulate({ yaml: s.yaml }) : undefined,
            );
          },
          () => (current ? simulate({ yaml: s.yaml }) : undefined),
        );
      })
      .catch((e: Error) => {
        if (!current) return;
        if (e instanceof ApiError && e.status === 404) setNotFound(true);
        else setError(e.message);
      });
    catalogIds('cooling').then(setCooling, () => undefined);
    return () => {
      current = false;
    };
  }, [p.name, p.edits]);

  // Test and bench hook: the worker's run is on screen once the frame after its render is drawn.
  useEffect(() => {
    if (!run) return;
    const n = runs.current;
    const worker = run.source !== 'server';
    requestAnimationFrame(() =>
      setTimeout(() => {
        window.__gigawattFirstView ??= performance.now();
        if (worker && window.__gigawatt)
          Object.assign(window.__gigawatt, { painted: n, paintedAt: performance.now() });
      }),
    );
  }, [run]);

  // Edits go into the URL (debounced), and closing the tab or leaving the view with edits asks first.
  const edited = text !== '' && published.current !== '' && text !== published.current;
  useEffect(() => {
    window.clearTimeout(urlTimer.current);
    if (!published.current) return;
    let current = true; // no late write once the page has gone (another view's address)
    urlTimer.current = window.setTimeout(() => {
      if (!edited) history.replaceState(null, '', campusHash(p.name));
      else
        void packText(text).then((s) => {
          if (current) history.replaceState(null, '', campusHash(p.name, s));
        });
    }, 300);
    return () => {
      current = false;
      window.clearTimeout(urlTimer.current);
    };
  }, [text, edited, p.name]);
  useEffect(() => {
    if (!edited) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    guardNavigation(t('campus.discard', { name: p.name }));
    return () => {
      window.removeEventListener('beforeunload', warn);
      guardNavigation(undefined);
    };
  }, [edited, p.name]);

  const onSliders = (next: Raw) => {
    setRaw(next);
    setText(`# edited in the dashboard (comments of the original are not kept)\n${stringify(next)}`);
    void simulate({ raw: next }, true);
  };
  const onReset = () => {
    if (!initial) return;
    setRaw(structuredClone(initial));
    setText(published.current);
    void simulate({ yaml: published.current });
  };
  const onText = (t: string) => {
    setText(t);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void simulate({ yaml: t }), 250);
  };
  const downloadYaml = () => {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([text], { type: 'text/yaml' }));
    a.download = `${p.name}.yaml`;
    a.click();
  };

  // The views of a run, drawn again only for a new run (the same element: Preact skips it on every
  // slider input and status change).
  const results = useMemo(() => (run ? <Results run={run} regions={p.regions} /> : null), [run, p.regions]);

  const title = run?.summary.title ?? p.name;
  useTitle(notFound ? t('campus.notFoundTitle') : title);
  if (notFound) {
    return (
      <div class="not-found" data-testid="not-found">
        <h1>{t('campus.notFound', { name: p.name })}</h1>
        <p>
          {t('campus.notFoundText')} <a href="#/">{t('campus.seeAll')}</a>
          {t('campus.orRun')} <code>gigawatt run my-campus.yaml</code>.
        </p>
      </div>
    );
  }
  return (
    <div class="campus">
      <h1 data-testid="campus-title">{title}</h1>
      <div class="layout">
        <aside>
          <div class="tabs">
            <button type="button" class={tab === 'sliders' ? 'on' : ''} onClick={() => setTab('sliders')}>
              {t('campus.parameters')}
            </button>
            <button
              type="button"
              class={tab === 'yaml' ? 'on' : ''}
              onClick={() => setTab('yaml')}
              data-testid="tab-yaml"
            >
              YAML
            </button>
            <button
              type="button"
              onClick={downloadYaml}
              title={t('campus.downloadYaml')}
              aria-label={t('campus.downloadYaml')}
            >
              ⤓
            </button>
          </div>
          {tab === 'sliders' && raw && initial && (
            <Controls raw={raw} initial={initial} cooling={cooling} onChange={onSliders} onReset={onReset} />
          )}
          {tab === 'yaml' && <Editor text={text} issues={issues} onInput={onText} />}
          {tab === 'sliders' && issues.length > 0 && (
            <ul class="issues">
              {issues.map((i) => (
                <li key={formatIssue(i)}>{formatIssue(i)}</li>
              ))}
            </ul>
          )}
          <p class="status" data-testid="run-status">
            {busy
              ? run?.source === 'server'
                ? t('campus.serverRun')
                : t('campus.simulating')
              : run?.timing
                ? t('campus.simulated', {
                    hours: fmtNumber(run.summary.hours),
                    ms: fmtNumber(Math.round(run.timing.runMs)),
                  }) +
                  (run.timing.dataMs > 1
                    ? t('campus.fetching', { ms: fmtNumber(Math.round(run.timing.dataMs)) })
                    : '')
                : ''}
            {issues.length > 0 ? t('campus.problems', { n: issues.length }) : ''}
          </p>
          {error && <p class="error">{error}</p>}
        </aside>
        <div class="results-col">{results ?? <p>{error ? '' : t('campus.loading')}</p>}</div>
      </div>
    </div>
  );
}
