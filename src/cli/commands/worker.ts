/** `gigawatt worker --queue redis://…`: runs sweep samples from a BullMQ queue on this machine. */
import type { Command } from 'commander';
import { UsageError } from '../usage-error.js';

interface WorkerOptions {
  queue: string;
  threads?: string;
  lockMs: string;
  idleExit?: string;
  quiet?: boolean;
}

export async function workerCommand(opts: WorkerOptions): Promise<void> {
  const { redisOptions, runQueueWorker, QueueError } = await import('../../io/sweep/queue.js');
  try {
    redisOptions(opts.queue);
  } catch (err) {
    if (err instanceof QueueError) throw new UsageError(err.message);
    throw err;
  }
  const num = (name: string, v: string | undefined, min: number) => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isFinite(n) || n < min)
      throw new UsageError(`${name} must be a number ≥ ${min} (got ${JSON.stringify(v)})`);
    return n;
  };
  const threads = num('--threads', opts.threads, 1);
  const idle = num('--idle-exit', opts.idleExit, 0);
  let samples = 0;
  if (!opts.quiet) process.stderr.write(`gigawatt worker: waiting for sweep jobs on ${opts.queue}\n`);
  await runQueueWorker(opts.queue, {
    ...(threads !== undefined ? { threads } : {}),
    lockMs: num('--lock-ms', opts.lockMs, 1000) as number,
    ...(idle !== undefined ? { idleExitMs: idle * 1000 } : {}),
    onBatch: (n) => {
      samples += n;
    },
    onJob: (name, n) => {
      if (!opts.quiet) process.stderr.write(`gigawatt worker: job ${name} (${n} samples)\n`);
    },
  });
  if (!opts.quiet) process.stderr.write(`gigawatt worker: ran ${samples} samples\n`);
}

export function registerWorker(cli: Command): void {
  cli
    .command('worker')
    .description('run sweep samples from a BullMQ queue (start one per machine; stop with Ctrl-C)')
    .requiredOption('--queue <redis://host:port>', 'the Redis server the sweep coordinator uses')
    .option('-t, --threads <n>', 'worker threads (default: all cores)')
    .option('--lock-ms <ms>', 'job lock; a dead worker’s jobs go to others after about this long', '30000')
    .option('--idle-exit <seconds>', 'exit once no job has come for this long')
    .option('-q, --quiet', 'no messages on stderr')
    .addHelpText(
      'after',
      `
Every worker needs the same gigawatt version and its bundled data; the coordinator sends the scenario.

Examples:
  $ gigawatt worker --queue redis://10.0.0.5:6379                 # on each machine
  $ gigawatt sweep --samples 10000 --queue redis://10.0.0.5:6379  # on one of them`,
    )
    .action(workerCommand);
}
