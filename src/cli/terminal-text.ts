/**
 * Escaping user-supplied text (scenario names, titles, ids, file names, error messages that quote
 * them) before it reaches a terminal, so that a scenario cannot move the cursor, clear the screen,
 * set the window title or reorder text: C0 controls (but newline and tab where asked), DEL, C1
 * controls and the Unicode bidirectional marks, embeddings, overrides and isolates become visible
 * `\xNN` / `\u{NNNN}` escapes.
 */

function isControl(code: number): boolean {
  return (
    code <= 0x1f ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x200e ||
    code === 0x200f ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

function escapeControls(text: string, keepLines: boolean): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (!isControl(code) || (keepLines && (ch === '\n' || ch === '\t'))) out += ch;
    else out += code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
  }
  return out;
}

/** One value on one line (a name, an id): every control character, newlines and tabs included, escaped. */
export const terminalText = (text: string): string => escapeControls(text, false);

/** A message of one or more lines: control characters escaped, newlines and tabs kept. */
export const terminalLines = (text: string): string => escapeControls(text, true);
