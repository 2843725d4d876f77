#!/usr/bin/env node
/**
 * Runs Stryker (stryker.config.mjs) through its API. StrykerJS 10's command line refuses Node < 22
 * before it reads any option, while the project supports Node 20 and Stryker's API runs on it; this
 * entry point skips only that check.
 *
 *   node test/stryker/run.mjs                                  every folder in stryker.config.mjs
 *   node test/stryker/run.mjs 'src/cluster/**\/*.ts' [report.json] [tempDir]  one folder (globs,
 *                                      comma-separated); a tempDir of its own lets two runs overlap
 *   --ignore-static                    skip static mutants (reported as Ignored)
 *
 * On Node ≥ 22, `npx stryker run --mutate 'src/cluster/**\/*.ts'` does the same.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const core = dirname(require.resolve('@stryker-mutator/core/package.json'));
// dist/src/stryker.js: the Stryker class without the CLI's Node version guard
const { Stryker } = await import(pathToFileURL(join(core, 'dist', 'src', 'stryker.js')).href);

const args = process.argv.slice(2);
// --ignore-static: leave out mutants in code that runs while vitest collects the tests (module constants,
// scenarios built in describe blocks), which would each need every selected test file run again
const ignoreStatic = args.includes('--ignore-static');
const [mutate, jsonFile, tempDir] = args.filter((a) => a !== '--ignore-static');
const options = {};
if (ignoreStatic) options.ignoreStatic = true;
if (tempDir) options.tempDirName = tempDir;
if (mutate) options.mutate = mutate.split(',');
if (jsonFile) {
  options.reporters = ['clear-text', 'progress', 'json'];
  options.jsonReporter = { fileName: jsonFile };
}
const results = await new Stryker(options).runMutationTest();
const counts = {};
for (const r of results) counts[r.status] = (counts[r.status] ?? 0) + 1;
console.log(JSON.stringify(counts));
