/** Each page's document title, so that tabs and history entries say what they show. */
import { useEffect } from 'preact/hooks';

/** Sets the tab's title to "What · gigawatt" while the page shows. */
export function useTitle(what: string): void {
  useEffect(() => {
    document.title = `${what} · gigawatt`;
  }, [what]);
}
