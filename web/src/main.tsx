/** The dashboard: a hash router over the gallery, a campus page and the comparison. */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { catalogIds } from './api';
import { CampusPage } from './pages/Campus';
import { ComparePage } from './pages/Compare';
import { Gallery } from './pages/Gallery';
import { HeadroomPage } from './pages/Headroom';
import { NationalPage } from './pages/National';
import './style.css';
import { mayLeave } from './url-state';

/**
 * The route. Leaving a view with unsaved edits asks first (./url-state.ts `mayLeave`): an in-app
 * link before the hash changes (refused: no history entry), back, forward or a typed address after
 * (refused: the address goes back to the view still shown).
 */
function useHash(): string {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const click = (e: MouseEvent) => {
      if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
      const link = (e.target as Element | null)?.closest?.('a[href^="#"]');
      if (link && link.getAttribute('href') !== location.hash && !mayLeave()) e.preventDefault();
    };
    const on = (e: HashChangeEvent) => {
      if (!mayLeave()) {
        history.replaceState(null, '', e.oldURL);
        return;
      }
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

function App() {
  const hash = useHash();
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
      <nav aria-label="Main">
        <a href="#/" class="brand">
          gigawatt
        </a>
        <a href="#/">Scenarios</a>
        <a href="#/campus/anthropic-fluidstack">Texas + New York</a>
        <a href="#/compare">Compare</a>
        <a href="#/national">National</a>
        <a href="#/headroom">Headroom</a>
        <a href="api/openapi.json">API</a>
      </nav>
      <main class="page">{page}</main>
    </>
  );
}

render(<App />, document.getElementById('app') as HTMLElement);
