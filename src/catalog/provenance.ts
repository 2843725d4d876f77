/**
 * Every number in a catalog carries where it came from.
 *
 * - `source`: a citation (document, URL or dataset file) for a published figure;
 * - `estimate`: the basis of a value we derived or assumed (a formula over sourced figures, an
 *   analogy), so a reader can redo it;
 * - `value: null` with a `source` saying what was searched: nothing is published. Never a made-up number.
 */
export type Sourced<T = number> =
  | { readonly value: T; readonly source: string; readonly estimate?: undefined }
  | { readonly value: T; readonly estimate: string; readonly source?: string }
  | { readonly value: null; readonly source: string; readonly estimate?: undefined };

/** A sourced figure (published or documented estimate). */
export const cited = <T>(value: T, source: string): { readonly value: T; readonly source: string } => ({
  value,
  source,
});
/** A derived or assumed figure with its basis. */
export const estimated = <T>(
  value: T,
  estimate: string,
  source?: string,
): { readonly value: T; readonly estimate: string; readonly source?: string } =>
  source === undefined ? { value, estimate } : { value, estimate, source };
/** Nothing published: the value is unknown. */
export const unpublished = (source: string): Sourced<never> => ({ value: null, source });

/** True when the figure has a citation or a stated basis (every catalog value must). */
export function hasProvenance(s: Sourced<unknown>): boolean {
  return (
    (typeof s.source === 'string' && s.source.length > 0) ||
    (typeof s.estimate === 'string' && s.estimate.length > 0)
  );
}
