/**
 * The "Reproducing published figures" section of the HTML report (`gigawatt report --reproduce`):
 * the reproduction table (src/analysis/reproduce/, `gigawatt reproduce`) as static HTML, so it reads
 * without scripts and nothing is fetched. Each row's source, model basis and note sit in a <details>.
 */
import { type ReproCase, toleranceText, formatReproValue as value } from '../analysis/reproduce/case.js';
import type { ReproductionTable } from '../analysis/reproduce/table.js';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[<>&"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function row(c: ReproCase): string {
  const result = c.pass ? 'pass' : 'MISS';
  const style = c.pass ? '' : ' style="background:#fef3c7"';
  return `<tr class="repro-row" data-case="${escapeHtml(c.id)}" data-pass="${c.pass}"${style}>
<td>${escapeHtml(c.id)}</td><td style="text-align:right">${value(c.model)}</td><td style="text-align:right">${value(c.published)}</td><td>${escapeHtml(c.unit)}</td><td style="white-space:nowrap">${escapeHtml(toleranceText(c.tolerance))}</td><td><b>${result}</b></td>
<td><details><summary>${escapeHtml(c.quantity)}</summary><p>published: ${escapeHtml(c.source)}</p><p>model: ${escapeHtml(c.modelBasis)}</p><p>note: ${escapeHtml(c.note)}</p></details></td>
</tr>`;
}

/** The section: one row per case (grouped as in `gigawatt reproduce`) and the "N of M agree" line. */
export function reproductionSectionHtml(table: ReproductionTable): string {
  const n = table.cases.length;
  const body: string[] = [];
  let group = '';
  for (const c of table.cases) {
    if (c.group !== group) {
      group = c.group;
      body.push(
        `<tr class="repro-group"><th colspan="7" style="text-align:left">${escapeHtml(group)}</th></tr>`,
      );
    }
    body.push(row(c));
  }
  return `<section class="page" id="reproduction">
<div class="chart">
<h2>Reproducing published figures</h2>
<p class="repro-summary">${table.passed} of ${n} cases agree within their tolerance; ${table.failed} miss (kept, with their explanation).</p>
<table>
<thead><tr><th>case</th><th>model</th><th>published</th><th>unit</th><th>tolerance</th><th>result</th><th>source and note</th></tr></thead>
<tbody>
${body.join('\n')}
</tbody>
</table>
<p style="font-size:12px">Computed by <code>gigawatt report --reproduce</code> without the campus scenario runs (as <code>gigawatt reproduce --no-campus</code>); docs/reproduce.md explains each case and each miss.</p>
</div>
</section>`;
}
