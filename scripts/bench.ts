// `npm run bench`: speed figures on the real trees (not a test; targets live in BENCHMARKS.md).
import { existsSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseTree } from '../content-loader/index.ts';

const corpus = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));
const trees = ['6.1', '6.12'].map((v) => ({ version: v, dir: `${corpus}linux-${v}/ABI` })).filter((t) => existsSync(t.dir));
if (!trees.length) {
  console.error('bench: ../shared/corpus is absent; nothing to measure');
  process.exit(0);
}

/** Median wall time of `runs` calls after one warm-up. */
function median(runs: number, fn: () => void): number {
  fn();
  const times = Array.from({ length: runs }, () => {
    const t = performance.now();
    fn();
    return performance.now() - t;
  });
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
console.log('| tree | entries | What symbols | parse (median of 9, ms) | target |');
console.log('|---|---|---|---|---|');
for (const { version, dir } of trees) {
  const tree = parseTree(dir);
  const symbols = tree.entries.reduce((n, e) => n + e.symbols.length, 0);
  const ms = median(9, () => parseTree(dir));
  console.log(`| linux-${version} | ${tree.entries.length} | ${symbols} | ${ms.toFixed(1)} | < 100 |`);
}
