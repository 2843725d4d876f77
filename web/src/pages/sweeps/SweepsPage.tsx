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
import {
  ApiDetailError,
  listScenarios,
  type ScenarioListItem,
  type SweepReport,
  startSweep,
} from '../../api';
import { t, tParts } from '../../i18n';
// The page's messages, added to the catalogue with this chunk.
import '../../messages-sweeps';
import { useTitle } from '../../title';
import { unpackText } from '../../url-state';
import { InputRows } from './InputRows';
import {
  checkForm,
  defaultRows,
  distributionText,
  type FormErrors,
  type InputRow,
  labelOfPath,
  MAX_SAMPLES,
  NO_ERRORS,
  placeServerError,
  row,
} from './inputs';
import { SweepRun } from './SweepRun';

const EDITED = '\u0000edited';

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
  useTitle(t(p.id ? 'sweeps.resultTitle' : 'sweeps.title'));
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
        setEditedError(t('sweeps.editedUnreadable'));
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
      setErrors({ rows: {}, general: t('sweeps.editedPending') });
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

  return (
    <div class="sweeps">
      <h1>{t('sweeps.title')}</h1>
      <p class="lede">{tParts('sweeps.lede', { cmd: <code>gigawatt sweep</code> })}</p>
      {listError && <p role="alert">{t('sweeps.listFailed', { error: listError })}</p>}
      <form class="sweep-form" onSubmit={start} data-testid="sweep-form" noValidate>
        <label class="sweep-field">
          {t('sweeps.scenario')}{' '}
          <select
            data-testid="sweep-scenario"
            value={choice}
            onChange={(e) => pickScenario((e.target as HTMLSelectElement).value)}
          >
            {(p.edits || edited) && (
              <option value={EDITED}>
                {t('sweeps.edited', { name: edited?.name ?? p.scenario ?? t('sweeps.editedFallback') })}
              </option>
            )}
            {(scenarios ?? []).map((s) => (
              <option key={s.name} value={s.name}>
                {s.title ?? s.name}
              </option>
            ))}
          </select>
        </label>
        {editedError && <p role="alert">{editedError}</p>}
        <InputRows
          rows={rows}
          errors={errors}
          onChange={setRow}
          onRemove={(key) => {
            touch();
            setRows((rs) => rs.filter((x) => x.key !== key));
          }}
          onAdd={() => {
            touch();
            setRows((rs) => [...rs, row(t('sweeps.another'), '', 'uniform:0,1')]);
          }}
        />
        <div class="sweep-settings">
          <label class="sweep-field">
            {t('sweeps.samples')}{' '}
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
            {t('sweeps.seed')}{' '}
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
            {starting ? t('sweeps.starting') : t('sweeps.start')}
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
            {t('sweeps.notStarted', { error: errors.general })}
          </p>
        )}
        {baseName !== '' && choice === EDITED && <p class="note">{t('sweeps.editedSent')}</p>}
      </form>
      {p.id && <SweepRun key={p.id} id={p.id} labelOf={labelOf} onReport={onReport} />}
    </div>
  );
}
