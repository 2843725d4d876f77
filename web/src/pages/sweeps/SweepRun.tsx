/** One sweep by id: its progress from the server's event stream, cancel, then its report. */
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  ApiError,
  cancelSweep,
  getSweep,
  type SweepReport,
  type SweepState,
  sweepEventsUrl,
} from '../../api';
import { t } from '../../i18n';
import { fmtNumber } from '../../units';
import { SweepResult } from './SweepResult';

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
    ? t('sweeps.seconds', { s: fmtNumber(Math.ceil(s)) })
    : t('sweeps.minutes', { m: fmtNumber(Math.floor(s / 60)), s: fmtNumber(Math.ceil(s % 60)) });

/** One sweep by id: its progress from the event stream, cancel, then its report. */
export function SweepRun(p: {
  id: string;
  labelOf: (path: string) => string;
  onReport: (r: SweepReport) => void;
}) {
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
        setError(t('sweeps.cancelFailed', { error: e.message }));
        setCancelling(false);
      },
    );
  };

  if (error)
    return (
      <section class="sweep-run" data-testid="sweep-missing">
        <p role="alert">
          {missing ? t('sweeps.notOpened', { id: p.id, error }) : error}
          {missing && t('sweeps.startAgain')}
        </p>
      </section>
    );
  if (!state || !progress)
    return (
      <p role="status" aria-busy="true">
        {t('sweeps.opening', { id: p.id })}
      </p>
    );
  const active = state.status === 'queued' || state.status === 'running';
  const pc = pace(first.current, progress, progress.total);
  return (
    <section
      class="sweep-run"
      data-testid="sweep-run"
      data-status={state.status}
      aria-label={t('sweeps.progress')}
    >
      {active && (
        <p class="note" data-testid="sweep-running-what">
          {t('sweeps.running', {
            scenario: state.scenario,
            n: fmtNumber(state.total),
            at: state.createdAt.slice(0, 19).replace('T', ' '),
            where: t(state.status === 'queued' ? 'sweeps.queued' : 'sweeps.runningOn'),
          })}
        </p>
      )}
      {active && (
        <div class="sweep-progress">
          <progress max={progress.total} value={progress.done} aria-label={t('sweeps.samplesDone')} />
          <p role="status" data-testid="sweep-progress">
            {t('sweeps.doneOf', { done: fmtNumber(progress.done), total: fmtNumber(progress.total) })}
            {progress.done === 0
              ? t('sweeps.waiting')
              : pc
                ? t('sweeps.rate', { rate: fmtNumber(pc.rate, 2), left: duration(pc.etaS) })
                : t('sweeps.measuring')}
          </p>
          <button type="button" onClick={cancel} disabled={cancelling} data-testid="sweep-cancel">
            {cancelling ? t('sweeps.cancelling') : t('sweeps.cancel')}
          </button>
        </div>
      )}
      {state.status === 'cancelled' && (
        <p role="status" data-testid="sweep-cancelled">
          {t('sweeps.cancelled', { done: fmtNumber(state.done), total: fmtNumber(state.total) })}
        </p>
      )}
      {state.status === 'error' && (
        <p role="alert" data-testid="sweep-error">
          {t('sweeps.stopped', { error: state.error ?? t('sweeps.noReason') })}
        </p>
      )}
      {state.status === 'done' && state.report && (
        <SweepResult report={state.report} runId={state.runId} labelOf={p.labelOf} />
      )}
    </section>
  );
}
