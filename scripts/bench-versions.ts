// What each extra kernel version costs the build: cold `npm run build`s of
// one, two and three versions in the same run, in alternating rounds. Run
// alone with `node scripts/bench-versions.ts [rounds]`, or as part of `npm run bench`.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findRelease } from '../content-loader/tree-source/release-dirs.ts';
import { fetchTree } from '../content-loader/tree-source/fetch-tree.ts';
import { timedRun, type TimedRun } from './timed-run.ts';
import { median } from './stats.ts';

/** Releases tried, in order, for the third (oldest) version. */
const THIRD = ['6.6', '5.15', '5.10'];

interface Tree {
  version: string;
  abiDir: string;
}

/**
 * The three trees: linux-6.12 (documented), 6.1, and an older release found
 * on disk or fetched (git, else Debian). Where none can be had, a copy of
 * 6.1 under another label stands in for it: it costs the build what a real
 * release of that size does, and the row says so.
 */
function benchTrees(project: string, work: string): { trees: Tree[]; note: string } {
  const tree = (version: string) => findRelease(project, version)?.abiDir;
  const [t612, t61] = [tree('6.12'), tree('6.1')];
  if (!t612 || !t61) throw new Error('linux 6.12 and 6.1 are needed (../shared/corpus or `npm run abi:fetch 6.1`)');
  for (const version of THIRD) {
    let abiDir = tree(version);
    if (!abiDir) {
      try {
        abiDir = fetchTree(version, { log: () => undefined }).abiDir;
      } catch {
        continue;
      }
    }
    return { trees: [{ version, abiDir }, { version: '6.1', abiDir: t61 }, { version: '6.12', abiDir: t612 }], note: `linux ${version}, 6.1, 6.12` };
  }
  // The copy is labelled as no release, so nobody takes its pages for a real one.
  const copy = join(work, 'stand-in', 'ABI');
  cpSync(t61, copy, { recursive: true });
  return {
    trees: [{ version: 'stand-in', abiDir: copy }, { version: '6.1', abiDir: t61 }, { version: '6.12', abiDir: t612 }],
    note: `6.1, 6.12 and a copy of 6.1 as the third: none of ${THIRD.join(', ')} could be found or fetched here`,
  };
}

/** Rows for the bench table: the median cold build of 1, 2 and 3 versions, and what each extra version adds. */
export function versionCostRows(project: string, rounds = 2): [string, string, string][] {
  const work = mkdtempSync(join(tmpdir(), 'abi-bench-versions-'));
  try {
    const { trees, note } = benchTrees(project, work);
    const sets = [trees.slice(2), trees.slice(1), trees];
    const runs: TimedRun[][] = sets.map(() => []);
    // Alternating rounds, so a slow stretch of a shared machine hits every size alike.
    for (let round = 0; round < rounds; round++) {
      sets.forEach((set, i) => {
        const out = join(work, `out-${i}`);
        rmSync(out, { recursive: true, force: true });
        rmSync(`${out}-cache`, { recursive: true, force: true });
        const env = {
          ...process.env,
          ABI_DIR: set.at(-1)!.abiDir,
          ABI_DIRS: set.length > 1 ? set.map((t) => `${t.version}=${t.abiDir}`).join(',') : '',
          ABI_VERSIONS: '',
          ABI_OUT_DIR: out,
          ABI_CACHE_DIR: `${out}-cache`,
          ASTRO_TELEMETRY_DISABLED: '1',
        };
        runs[i]!.push(timedRun(`build of ${set.length} version(s)`, 'npm', ['run', '--silent', 'build'], { cwd: project, env }));
        process.stderr.write(`  versions bench: round ${round + 1}, ${set.length} version(s): ${runs[i]!.at(-1)!.seconds.toFixed(1)} s\n`);
      });
    }
    const wall = runs.map((r) => median(r.map((x) => x.seconds)));
    const cpu = runs.map((r) => (r.every((x) => x.cpuSeconds !== undefined) ? median(r.map((x) => x.cpuSeconds!)) : undefined));
    const rows: [string, string, string][] = sets.map((set, i) => [
      `cold build with ${set.length} version${set.length > 1 ? 's' : ''} (${set.map((t) => t.version).join(', ')}), median of ${rounds}`,
      `${wall[i]!.toFixed(1)} s${cpu[i] === undefined ? '' : ` (${cpu[i]!.toFixed(1)} s CPU)`}`,
      '',
    ]);
    const extra = (i: number, of: number[]) => ((of[i]! - of[i - 1]!) / of[0]!).toFixed(2);
    for (const i of [1, 2]) {
      const cpuShare = cpu.every((c) => c !== undefined) ? `; CPU ${extra(i, cpu as number[])}×` : '';
      rows.push([`cost of version ${i + 1}, × the 1-version build (${note})`, `${extra(i, wall)}×${cpuShare}`, '≤ 0.6×']);
    }
    return rows;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const project = fileURLToPath(new URL('../', import.meta.url));
  const rows = versionCostRows(project, Number(process.argv[2] ?? 2));
  console.log('| measure | value | target |\n|---|---|---|');
  for (const [what, value, target] of rows) console.log(`| ${what} | ${value} | ${target} |`);
}

