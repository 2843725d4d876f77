/** The scenario gallery: every built-in scenario with its sites, regions and period. */
import { useEffect, useState } from 'preact/hooks';
import { listScenarios, type ScenarioListItem } from '../api';
import { t } from '../i18n';
import { fmtDate } from '../time';
import { useTitle } from '../title';
import { fmt } from '../units';

export function Gallery() {
  const [list, setList] = useState<ScenarioListItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useTitle(t('gallery.title'));
  useEffect(() => {
    listScenarios().then(setList, (e: Error) => setError(e.message));
  }, []);
  const heading = <h1>{t('gallery.title')}</h1>;
  if (error)
    return (
      <div>
        {heading}
        <p class="error">{error}</p>
      </div>
    );
  if (!list)
    return (
      <div>
        {heading}
        <p>{t('gallery.loading')}</p>
      </div>
    );
  return (
    <div>
      {heading}
      <p class="lede">{t('gallery.lede')}</p>
      <div class="gallery" data-testid="gallery">
        {list.map((s) => (
          <a class="card" key={s.name} href={`#/campus/${s.name}`} data-testid={`scenario-${s.name}`}>
            <h2>{s.title ?? s.name}</h2>
            <p class="sub">
              <code>{s.name}</code> · {fmtDate(s.start)} → {fmtDate(s.end)}
            </p>
            <ul>
              {s.sites.map((x) => (
                <li key={x.id}>
                  {x.name ?? x.id} ({x.state}, {x.region}): {fmt.power(x.interconnectMW)}{' '}
                  {t('gallery.interconnect')}, {x.accelerators.join(', ')}
                </li>
              ))}
            </ul>
            {s.description && (
              <p class="desc">
                {s.description.length > 220 ? `${s.description.slice(0, 217)}…` : s.description}
              </p>
            )}
          </a>
        ))}
      </div>
      <p>
        <a href="#/compare">{t('gallery.compareLink')}</a>
      </p>
    </div>
  );
}
