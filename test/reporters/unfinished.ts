/**
 * A vitest reporter that names what was still running when the run ended. A test process that dies
 * (a native crash, a signal) shows in vitest only as "Worker exited unexpectedly", without the file;
 * this prints the file and the tests that never reported a result, and when each test started, so a
 * crash in CI can be traced to its test. Silent when every test finished.
 */
import type { Reporter, TestCase, TestModule } from 'vitest/node';

export default class UnfinishedReporter implements Reporter {
  private readonly started = new Map<string, number>();

  onTestCaseReady(test: TestCase): void {
    this.started.set(test.id, Date.now());
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const lines: string[] = [];
    for (const m of modules) {
      const state = m.state();
      if (state === 'passed' || state === 'failed' || state === 'skipped') continue;
      lines.push(`  ${m.relativeModuleId} (${state})`);
      for (const t of m.children.allTests()) {
        if (t.result().state !== 'pending') continue;
        const at = this.started.get(t.id);
        const when = at === undefined ? 'never started' : `started ${new Date(at).toISOString()}`;
        lines.push(`    - ${t.fullName}: no result (${when})`);
      }
    }
    if (lines.length > 0)
      process.stderr.write(
        `\nTest files that did not finish (their test process ended early):\n${lines.join('\n')}\n`,
      );
  }
}
