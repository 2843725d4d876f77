/**
 * One self-contained HTML file: the report bundle's JS and CSS inline, the run's data inline as
 * typed JSON (src/io/typed-json.ts). Nothing is fetched when it opens.
 */

/** Makes text safe inside a <script> or <style> element (no early `</script>` or `</style>`). */
export function inlineSafe(text: string): string {
  return text.replace(/<\/(script|style)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

/**
 * The report page. `sectionsHtml` is static HTML (already escaped by its builder) placed after the
 * scripted views, e.g. the reproduction table (src/report/reproduction.ts).
 */
export function reportHtml(p: {
  title: string;
  js: string;
  css: string;
  dataJson: string;
  sectionsHtml?: string;
}): string {
  const esc = p.title.replace(/[<>&"]/g, (ch) => `&#${ch.charCodeAt(0)};`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc} — gigawatt report</title>
<style>${inlineSafe(p.css)}</style>
</head>
<body>
<div id="app"></div>
${p.sectionsHtml === undefined ? '' : `${p.sectionsHtml}\n`}<script type="application/json" id="gigawatt-data">${inlineSafe(p.dataJson)}</script>
<script>${inlineSafe(p.js)}</script>
</body>
</html>
`;
}
