/** Downloads: CSV text, SVG markup and PNG images of charts (all client-side, no server). */

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

export function svgMarkup(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  if (!clone.getAttribute('width')) clone.setAttribute('width', String(svg.clientWidth || 800));
  if (!clone.getAttribute('height')) clone.setAttribute('height', String(svg.clientHeight || 400));
  return `<?xml version="1.0" encoding="UTF-8"?>\n${clone.outerHTML}`;
}

export function downloadSvg(filename: string, svg: SVGSVGElement): void {
  download(filename, new Blob([svgMarkup(svg)], { type: 'image/svg+xml' }));
}

/** Renders SVG markup onto a white canvas at 2× and downloads it as PNG. */
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
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  URL.revokeObjectURL(url);
  downloadCanvas(filename, canvas);
}

export function downloadCanvas(filename: string, canvas: HTMLCanvasElement): void {
  canvas.toBlob((b) => {
    if (b) download(filename, b);
  }, 'image/png');
}
