// Builds the dashboard (Vite → web/dist) and the one-file report bundle (esbuild → web/dist/report/)
// that `gigawatt report` inlines into a self-contained HTML file.
import { join } from 'node:path';
import { build as esbuild } from 'esbuild';
import { build as vite } from 'vite';

const root = join(import.meta.dirname, '..');
await vite({ configFile: join(root, 'web', 'vite.config.ts'), logLevel: 'info' });
await esbuild({
  entryPoints: [join(root, 'web', 'src', 'report.tsx')],
  outfile: join(root, 'web', 'dist', 'report', 'report.js'),
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2020',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  loader: { '.json': 'json' },
  legalComments: 'none',
  logLevel: 'warning',
});
