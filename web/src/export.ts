/** Downloads: CSV text, SVG markup and PNG images of charts (all client-side, no server). */
import { cssColor } from './theme';

export function download(filename: string, data: Blob): void {
  const url = URL.createObjectURL(data);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const cell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function csvText(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return `${[header, ...rows].map((r) => r.map(cell).join(',')).join('\n')}\n`;
}

export function downloadCsv(
  filename: string,
  header: readonly string[],
  rows: readonly (readonly unknown[])[],
) {
  download(filename, new Blob([csvText(header, rows)], { type: 'text/csv' }));
}

/**
 * Writes each element's fill and stroke as shown (custom properties resolved to rgb) into the copy,
 * so that the file draws in the theme it was exported from, with its own background, anywhere.
 */
function inlineColours(shown: Element, copy: Element): void {
  const cs = getComputedStyle(shown);
  (copy as SVGElement).style.fill = cs.fill;
  (copy as SVGElement).style.stroke = cs.stroke;
  const a = shown.children;
  const b = copy.children;
  for (let i = 0; i < a.length && i < b.length; i++) inlineColours(a[i] as Element, b[i] as Element);
}

export function svgMarkup(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  if (svg.isConnected) inlineColours(svg, clone);
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  if (!clone.getAttribute('width')) clone.setAttribute('width', String(svg.clientWidth || 800));
  if (!clone.getAttribute('height')) clone.setAttribute('height', String(svg.clientHeight || 400));
  return `<?xml version="1.0" encoding="UTF-8"?>\n${clone.outerHTML}`;
}

export function downloadSvg(filename: string, svg: SVGSVGElement): void {
  download(filename, new Blob([svgMarkup(svg)], { type: 'image/svg+xml' }));
}

/** Renders SVG markup at 2× onto the chart background of the theme in use and downloads it as PNG. */
export async function downloadSvgAsPng(filename: string, svg: SVGSVGElement): Promise<void> {
  const markup = svgMarkup(svg);
  const w = svg.clientWidth || Number(svg.getAttribute('width')) || 800;
  const h = svg.clientHeight || Number(svg.getAttribute('height')) || 400;
  const img = new Image();
  const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml' }));
  await new Promise<void>((ok, fail) => {
    img.onload = () => ok();
    img.onerror = () => fail(new Error('SVG could not be rendered'));
    img.src = url;
  });
  const canvas = document.createElement('canvas');
  canvas.width = w * 2;
  canvas.height = h * 2;
  const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
  ctx.fillStyle = cssColor('var(--surface)');
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  URL.revokeObjectURL(url);
  downloadCanvas(filename, canvas);
}

/**
 * Downloads a chart canvas as PNG, drawn over the chart background of the theme in use (a chart
 * canvas is transparent: its light text in the dark theme would vanish on a viewer's white page).
 */
export function downloadCanvas(filename: string, chart: HTMLCanvasElement): void {
  const canvas = document.createElement('canvas');
  canvas.width = chart.width;
  canvas.height = chart.height;
  const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
  ctx.fillStyle = cssColor('var(--surface)');
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(chart, 0, 0);
  canvas.toBlob((b) => {
    if (b) download(filename, b);
  }, 'image/png');
}
