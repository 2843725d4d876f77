/**
 * Scenario edits in the URL, so that a link (or a reload) brings them back: the edited YAML,
 * deflate-compressed (the browser's CompressionStream) and base64url-encoded, after `?s=` in the
 * hash: `#/campus/NAME?s=…`.
 */

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): Uint8Array<ArrayBuffer> {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** The text, deflated and base64url-encoded. */
export async function packText(text: string): Promise<string> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return toBase64Url(new Uint8Array(await new Response(stream).arrayBuffer()));
}

/** The text back from `packText`; throws on a damaged link. */
export async function unpackText(packed: string): Promise<string> {
  const stream = new Blob([fromBase64Url(packed)])
    .stream()
    .pipeThrough(new DecompressionStream('deflate-raw'));
  return new Response(stream).text();
}

/** The campus hash for a scenario, with its packed edits when there are any. */
export const campusHash = (name: string, packed?: string): string =>
  `#/campus/${encodeURIComponent(name)}${packed ? `?s=${packed}` : ''}`;

/**
 * Navigation inside the app with something to lose: the question to ask before leaving the view
 * (set by the campus page while its scenario has unsaved edits), or none.
 */
let leaveQuestion: string | undefined;

/** Sets (or, with undefined, lifts) the question asked before navigating away from this view. */
export function guardNavigation(question: string | undefined): void {
  leaveQuestion = question;
}

/** True when nothing would be lost, or the user agrees to lose it (the guard is then lifted). */
export function mayLeave(): boolean {
  if (leaveQuestion === undefined) return true;
  if (!window.confirm(leaveQuestion)) return false;
  leaveQuestion = undefined;
  return true;
}
