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
import type { SweepsPage } from './pages/sweeps/SweepsPage';
import { Prefs } from './prefs';
import './style.css';
import { applyTheme } from './theme';
import { mayLeave } from './url-state';

/**
 * The route. Leaving a view with unsaved edits asks first (./url-state.ts `mayLeave`): an in-app
 * link before the hash changes (refused: no history entry), back, forward or a typed address after
 * (refused: the address goes back to the view still shown). The Sweeps link keeps the edits.
 */
function useHash(): string {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    // The Sweeps link carries a campus's edits along (below): nothing is lost, nothing to ask.
    const carried = (hash: string | null) => hash === '#/sweeps';
    const click = (e: MouseEvent) => {
      if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
      const link = (e.target as Element | null)?.closest?.('a[href^="#"]');
      const href = link?.getAttribute('href') ?? null;
      if (link && href !== location.hash && !carried(href) && !mayLeave()) e.preventDefault();
    };
    const on = (e: HashChangeEvent) => {
      // A real move (not the redraw under new preferences below, which keeps the URL) away from a
      // view with unsaved edits asks first.
      const moved = e.oldURL !== '' && e.oldURL !== location.href;
      if (moved && !carried(location.hash) && !mayLeave()) {
        history.replaceState(null, '', e.oldURL);
        return;
      }
      carryCampusEdits(e);
      setHash(location.hash);
    };
    document.addEventListener('click', click, true);
    window.addEventListener('hashchange', on);
    return () => {
      document.removeEventListener('click', click, true);
      window.removeEventListener('hashchange', on);
    };
  }, []);
  return hash;
}

/**
 * Following the Sweeps link from a campus page carries its scenario and edits along (the campus page
 * keeps them in its URL with replaceState, so they are read from the URL being left).
 */
function carryCampusEdits(e: HashChangeEvent): void {
  if (location.hash !== '#/sweeps') return;
  const m = /#\/campus\/([^?]+)(?:\?(.*))?$/.exec(e.oldURL);
  if (!m) return;
  const edits = new URLSearchParams(m[2] ?? '').get('s');
  history.replaceState(null, '', `#/sweeps?scenario=${m[1]}${edits ? `&s=${edits}` : ''}`);
}

/** The sweeps view, loaded on its first visit (a chunk of its own), not with every page. */
function LazySweepsPage(p: Parameters<typeof SweepsPage>[0]) {
  const [Page, setPage] = useState<typeof SweepsPage | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    import('./pages/sweeps/SweepsPage').then(
      (m) => setPage(() => m.SweepsPage),
      () => setFailed(true),
    );
  }, []);
  if (Page) return <Page {...p} />;
  return failed ? (
    <p role="alert">{t('sweeps.loadFailed')}</p>
  ) : (
    <p role="status">{t('sweeps.loadingView')}</p>
  );
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
  else if (parts[0] === 'sweeps') {
    const q = new URLSearchParams(query ?? '');
    page = (
      <LazySweepsPage
        id={parts[1] || undefined}
        scenario={q.get('scenario') ?? undefined}
        edits={q.get('s') ?? undefined}
      />
    );
  } else if (parts[0] === 'national')
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
        <a href="#/sweeps">{t('nav.sweeps')}</a>
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
