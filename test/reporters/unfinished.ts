/**
 * A vitest reporter that names what was still running when the run ended. A test process that dies
 * (a native crash, a signal) shows in vitest only as "Worker exited unexpectedly", without the file;
 * this prints the file and the tests that never reported a result, and when each test started, so a
 * crash can be traced to its test. Silent when every test finished.
 *
 * With GIGAWATT_UNFINISHED_JSON set to a path it also writes what scripts/test.mjs needs to decide
 * whether a re-run may help: the unfinished files, whether any test failed, and whether every
 * unhandled error was a test process that exited.
 */
import { writeFileSync } from 'node:fs';
import type { Reporter, SerializedError, TestCase, TestModule } from 'vitest/node';

/** What the run left, for scripts/test.mjs. */
export interface UnfinishedRun {
  readonly unfinished: string[];
  readonly failedFiles: number;
  readonly onlyExitedWorkers: boolean;
}

const EXITED = /Worker exited unexpectedly/;

function isExitedWorker(e: SerializedError): boolean {
  return EXITED.test(e.message) || (e.cause !== undefined && isExitedWorker(e.cause));
}

export default class UnfinishedReporter implements Reporter {
  private readonly started = new Map<string, number>();

  onTestCaseReady(test: TestCase): void {
    this.started.set(test.id, Date.now());
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>, errors: ReadonlyArray<SerializedError>): void {
    const lines: string[] = [];
    const unfinished: string[] = [];
    let failedFiles = 0;
    for (const m of modules) {
      const state = m.state();
      if (state === 'failed') failedFiles++;
      if (state === 'passed' || state === 'failed' || state === 'skipped') continue;
      unfinished.push(m.relativeModuleId);
      lines.push(`  ${m.relativeModuleId} (${state})`);
      for (const t of m.children.allTests()) {
        if (t.result().state !== 'pending') continue;
        const at = this.started.get(t.id);
        const when =
          at === undefined ? 'its start was not reported' : `started ${new Date(at).toISOString()}`;
        lines.push(`    - ${t.fullName}: no result (${when})`);
      }
    }
    if (lines.length > 0)
      process.stderr.write(
        `\nTest files that did not finish (their test process ended early):\n${lines.join('\n')}\n`,
      );
    const out = process.env.GIGAWATT_UNFINISHED_JSON;
    if (out !== undefined && out !== '') {
      const run: UnfinishedRun = { unfinished, failedFiles, onlyExitedWorkers: errors.every(isExitedWorker) };
      writeFileSync(out, JSON.stringify(run));
    }
  }
}
