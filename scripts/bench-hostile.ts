// `npm run bench:hostile [built-site]`: what robustness costs. The walk and
// fingerprint the dev server repeats every second, the parse of every hostile
// case at once, and publishing a built site (default: the test suite's
// linux-6.12 site in .cache/test-site) by rename and, onto a tmpfs, by copy.
import { cpSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTree } from '../content-loader/index.ts';
import { listingFingerprint } from '../content-loader/parse/fingerprint.ts';
import { walkTree } from '../content-loader/parse/walk.ts';
import { combinedCases, materialize } from '../tests/helpers/hostile-tree.ts';
import { publish } from './site-output.ts';
import { medianTime } from './stats.ts';
import { findRelease } from '../content-loader/tree-source/release-dirs.ts';

const project = fileURLToPath(new URL('../', import.meta.url));
const tree612 = findRelease(project, '6.12')?.abiDir;
const site = process.argv[2] ?? join(project, '.cache', 'test-site', 'linux-6.12');

const rows: [string, string][] = [];
const row = (what: string, value: string) => (rows.push([what, value]), console.error(`  ${what}: ${value}`));

if (tree612) row('walk + fingerprint of linux-6.12 (the dev poll, once a second; median of 21)', `${medianTime(21, () => listingFingerprint(walkTree(tree612))).toFixed(1)} ms`);
const hostile = materialize(combinedCases());
row('parse of every hostile case at once (median of 21)', `${medianTime(21, () => parseTree(hostile.abiDir)).toFixed(1)} ms`);

/** Seconds to publish a copy of `site` (staged on the project's disk) to a new folder in `parent`. */
function publishSeconds(parent: string): number {
  const outDir = join(parent, 'site');
  const staging = join(project, '.cache', 'staging', `bench-${process.pid}`);
  cpSync(site, staging, { recursive: true });
  const started = performance.now();
  publish(staging, outDir);
  const seconds = (performance.now() - started) / 1000;
  rmSync(parent, { recursive: true, force: true });
  return seconds;
}
if (existsSync(join(site, 'index.html'))) {
  row(`publish ${site} by rename (same file system)`, `${publishSeconds(mkdtempSync(join(tmpdir(), 'abi-bench-out-'))).toFixed(3)} s`);
  if (existsSync('/dev/shm') && statSync('/dev/shm').dev !== statSync(project).dev) {
    row('the same onto a tmpfs (/dev/shm): copy, then rename', `${publishSeconds(mkdtempSync('/dev/shm/abi-bench-out-')).toFixed(1)} s`);
  }
}
console.log('| measure | value |\n|---|---|');
for (const [what, value] of rows) console.log(`| ${what} | ${value} |`);
