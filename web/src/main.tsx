/** The dashboard: a hash router over the gallery, a campus page and the comparison. */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { catalogIds } from './api';
import { applyLocale, onPrefs, prefsKey, t } from './i18n';
import { CampusPage } from './pages/Campus';
import { ComparePage } from './pages/Compare';
import { Gallery } from './pages/Gallery';
import { HeadroomPage } from './pages/Headroom';
import { NationalPage } from './pages/National';
import { Prefs } from './prefs';
import './style.css';
import { applyTheme } from './theme';

function useHash(): string {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const on = () => setHash(location.hash);
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return hash;
}

function App() {
  const hash = useHash();
  // A new language, currency or rate redraws the page under a new key, from the URL as it is now
  // (a campus page keeps its edits there).
  const [prefs, setPrefs] = useState(prefsKey);
  useEffect(
    () =>
      onPrefs(() => {
        setPrefs(prefsKey());
        window.dispatchEvent(new HashChangeEvent('hashchange'));
      }),
    [],
  );
  const [regions, setRegions] = useState<string[]>([]);
  useEffect(() => {
    catalogIds('regions').then(
      (l) => setRegions(l.map((r) => r.id)),
      () => undefined,
    );
  }, []);
  const [path, query] = hash.replace(/^#\/?/, '').split('?') as [string, string | undefined];
  const parts = path.split('/').map(decodeURIComponent);
  const edits = new URLSearchParams(query ?? '').get('s') ?? undefined;
  let page = <Gallery />;
  if (parts[0] === 'campus' && parts[1])
    page = <CampusPage name={parts[1]} edits={edits} regions={regions} />;
  else if (parts[0] === 'compare') page = <ComparePage a={parts[1]} b={parts[2]} />;
  else if (parts[0] === 'headroom') page = <HeadroomPage />;
  else if (parts[0] === 'national')
    page = <NationalPage initialYear={new URLSearchParams(query ?? '').get('year') ?? undefined} />;
  return (
    <>
      <nav aria-label={t('nav.main')}>
        <a href="#/" class="brand">
          gigawatt
        </a>
        <a href="#/">{t('nav.scenarios')}</a>
        <a href="#/campus/anthropic-fluidstack">{t('nav.defaultCampus')}</a>
        <a href="#/compare">{t('nav.compare')}</a>
        <a href="#/national">{t('nav.national')}</a>
        <a href="#/headroom">{t('nav.headroom')}</a>
        <a href="api/openapi.json">API</a>
        <Prefs />
      </nav>
      <main class="page" key={prefs}>
        {page}
      </main>
    </>
  );
}

applyTheme();
applyLocale();
render(<App />, document.getElementById('app') as HTMLElement);
