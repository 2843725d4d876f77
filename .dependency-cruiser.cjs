/**
 * The layers of gigawatt (docs/architecture.md), enforced in `npm test` (test/architecture.test.ts):
 * data flows catalog → engine → model → cluster → analysis → run → io → cli / server / report.
 * A module may import from its own layer and the layers before it, never from a later one; no cycles;
 * the pure core (catalog … run, engine entry) never imports `node:` modules. Within the outer layer the
 * server and the CLI are sibling shells: neither imports the other (but `gigawatt serve` starts the server).
 */
const LAYERS = ['catalog', 'engine', 'model', 'cluster', 'analysis', 'run', 'io', 'outer'];
const PATHS = {
  catalog: '^src/catalog/',
  engine: '^src/engine/',
  model: '^src/model/',
  cluster: '^src/cluster/',
  analysis: '^src/analysis/',
  run: '^src/run(-sample)?\\.ts$',
  io: '^src/io/',
  outer: '^src/(cli|server|report)/',
};
const later = (i) => LAYERS.slice(i + 1).map((l) => PATHS[l]);

module.exports = {
  forbidden: [
    ...LAYERS.slice(0, -1).map((layer, i) => ({
      name: `no-upward-from-${layer}`,
      comment: `${layer} may not import a later layer (${LAYERS.slice(i + 1).join(', ')})`,
      severity: 'error',
      from: { path: PATHS[layer] },
      to: { path: later(i) },
    })),
    {
      name: 'no-server-to-cli',
      comment:
        'the server is a shell over the library, not over the CLI: what both need (a report, UsageError) lives in the library',
      severity: 'error',
      from: { path: '^src/server/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'no-cli-to-server',
      comment: 'the CLI does not reach into the server, except `gigawatt serve`, which starts it',
      severity: 'error',
      from: { path: '^src/cli/', pathNot: '^src/cli/commands/serve\\.ts$' },
      to: { path: '^src/server/' },
    },
    {
      name: 'no-cycles',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'pure-core',
      comment: 'catalog, engine, model, cluster, analysis and run.ts are isomorphic: no Node built-ins',
      severity: 'error',
      from: { path: '^src/(catalog|engine|model|cluster|analysis)/|^src/(run|run-sample|engine)\\.ts$' },
      to: { dependencyTypes: ['core'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: require('node:path').join(__dirname, 'tsconfig.json') },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
