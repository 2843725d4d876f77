/**
 * "Did you mean ...?" for near-miss ids and field names: the optimal-string-alignment (restricted
 * Damerau-Levenshtein) edit distance, where inserting, deleting or substituting one character, or
 * swapping two adjacent ones, each cost 1.
 */

/** Edit distance between `a` and `b` (insert, delete, substitute, transpose adjacent: 1 each). */
export function editDistance(a: string, b: string): number {
  const n = a.length;
  const m = b.length;
  if (n === 0) return m;
  if (m === 0) return n;
  // Three rows of the (n+1) x (m+1) table: two back (for transpositions), previous, current.
  let back = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  let cur = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, (back[j - 2] as number) + 1);
      cur[j] = d;
    }
    [back, prev, cur] = [prev, cur, back];
  }
  return prev[m] as number;
}

/**
 * The candidate closest to `input`, if it is close enough to be a typo: at most 40 % of the longer
 * string's characters edited (case ignored), or a candidate that extends the input by a suffix
 * (`memphis` -> `memphis-tn`). Ties go to the earlier candidate. Inputs longer than 64 characters
 * get no suggestion (the distance is quadratic in length).
 */
export function suggest(input: string, candidates: Iterable<string>): string | undefined {
  if (input.length === 0 || input.length > 64) return undefined;
  const needle = input.toLowerCase();
  let best: string | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    const hay = c.toLowerCase();
    if (hay === needle) return c;
    const d = editDistance(needle, hay);
    const limit = Math.max(1, Math.floor(0.4 * Math.max(needle.length, hay.length)));
    const prefix = needle.length >= 3 && hay.startsWith(needle);
    if (d <= limit || prefix) {
      // A prefix match ranks like a 1-edit typo, so `memphis` prefers `memphis-tn` over far edits.
      const score = prefix ? Math.min(d, 1) : d;
      if (score < bestScore) {
        best = c;
        bestScore = score;
      }
    }
  }
  return best;
}

/** `; did you mean 'x'?` or '' (for appending to an error message). */
export function didYouMean(input: unknown, candidates: Iterable<string>): string {
  if (typeof input !== 'string') return '';
  const s = suggest(input, candidates);
  return s === undefined ? '' : `; did you mean '${s}'?`;
}
