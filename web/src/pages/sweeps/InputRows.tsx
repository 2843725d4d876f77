/** The sweep form's uncertain inputs: one row per input (label, field path, distribution), each with its error. */
import { t, tParts } from '../../i18n';
import type { FormErrors, InputRow } from './inputs';

const rowErrorId = (key: number) => `sweep-input-error-${key}`;

export function InputRows(p: {
  rows: readonly InputRow[];
  errors: FormErrors;
  onChange: (key: number, patch: Partial<InputRow>) => void;
  onRemove: (key: number) => void;
  onAdd: () => void;
}) {
  return (
    <fieldset>
      <legend>{t('sweeps.inputs')}</legend>
      <p class="note">
        {tParts('sweeps.inputsHelp1', {
          example: <code>sites[0].utilisation.busyFraction</code>,
          cmd: <code>gigawatt sweep --vary</code>,
        })}{' '}
        <code>uniform:MIN,MAX</code>, <code>triangular:MIN,MODE,MAX</code>,{' '}
        <code>normal:MEAN,SD[,MIN,MAX]</code>, <code>lognormal:MU,SIGMA[,MIN,MAX]</code>,{' '}
        <code>discrete:V1,V2,…</code> {t('sweeps.inputsHelp2')}
      </p>
      <ol class="sweep-rows" data-testid="sweep-inputs">
        {p.rows.map((r, i) => {
          const err = p.errors.rows[r.key];
          return (
            <li key={r.key} class="sweep-row" data-testid="sweep-input">
              <span class="sweep-input-label">{r.label}</span>
              <label>
                <span class="visually-hidden">{t('sweeps.pathOf', { n: i + 1 })}</span>
                <input
                  type="text"
                  value={r.path}
                  spellcheck={false}
                  data-testid="sweep-path"
                  aria-invalid={err ? 'true' : undefined}
                  aria-describedby={err ? rowErrorId(r.key) : undefined}
                  onInput={(e) => p.onChange(r.key, { path: (e.target as HTMLInputElement).value })}
                />
              </label>
              <label>
                <span class="visually-hidden">{t('sweeps.distOf', { n: i + 1 })}</span>
                <input
                  type="text"
                  value={r.dist}
                  spellcheck={false}
                  data-testid="sweep-dist"
                  aria-invalid={err ? 'true' : undefined}
                  aria-describedby={err ? rowErrorId(r.key) : undefined}
                  onInput={(e) => p.onChange(r.key, { dist: (e.target as HTMLInputElement).value })}
                />
              </label>
              <button
                type="button"
                aria-label={t('sweeps.removeOf', { n: i + 1 })}
                onClick={() => p.onRemove(r.key)}
              >
                {t('sweeps.remove')}
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
      <button type="button" data-testid="sweep-add" onClick={p.onAdd}>
        {t('sweeps.add')}
      </button>
    </fieldset>
  );
}
