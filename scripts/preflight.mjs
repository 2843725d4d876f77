#!/usr/bin/env node
// Preflight for `npm test`: the browser tests drive Debian's Chromium (/usr/bin/chromium, through
// playwright-core) and the distributed-sweep tests start a real `redis-server`. Neither is an npm
// package, so on a fresh machine this installs the missing Debian packages when it can (root and
// apt-get present), and otherwise says exactly what is missing and how to get it, then fails.
//
// GIGAWATT_PREFLIGHT=skip skips it (for machines that provide these another way).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (process.env.GIGAWATT_PREFLIGHT === 'skip') process.exit(0);

/** What the tests need: how to find it, and the Debian package that provides it. */
const NEEDS = [
  { what: 'Chromium (browser tests)', found: () => existsSync('/usr/bin/chromium'), pkg: 'chromium' },
  {
    what: 'redis-server (distributed-sweep tests)',
    found: () => onPath('redis-server'),
    pkg: 'redis-server',
  },
];

function onPath(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

const missing = NEEDS.filter((n) => !n.found());
if (missing.length === 0) process.exit(0);

const pkgs = missing.map((n) => n.pkg);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const canApt = onPath('apt-get');
console.error(`preflight: missing ${missing.map((n) => n.what).join(', ')}`);
if (isRoot && canApt) {
  console.error(`preflight: installing Debian packages: ${pkgs.join(' ')} (apt-get, once per machine)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env });
    execFileSync('apt-get', ['install', '-y', '-qq', ...pkgs], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env,
    });
  } catch {
    // fall through to the check below, which names what is still missing
  }
}
const still = NEEDS.filter((n) => !n.found());
if (still.length === 0) {
  console.error('preflight: installed');
  process.exit(0);
}
console.error(
  [
    `preflight: still missing: ${still.map((n) => n.what).join(', ')}.`,
    `Install them with:  sudo apt-get install -y ${still.map((n) => n.pkg).join(' ')}`,
    isRoot && canApt
      ? '(apt-get failed above: is the package registry reachable?)'
      : '(not root or no apt-get here)',
    'or skip this check with GIGAWATT_PREFLIGHT=skip (those test suites will then fail).',
  ].join('\n'),
);
process.exit(1);
