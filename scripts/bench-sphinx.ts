// The anchor of issue 15: our cold `npm run build` against the kernel's own
// Sphinx pipeline (kernel_abi.py of the same release, Debian's python3-sphinx,
// -j2) on the same ABI tree, in one run, alternating, medians and the ratio.
// `node scripts/bench-sphinx.ts [<abi-dir> [<version>]]`; `npm run bench` calls sphinxAnchor().
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CACHE, fetchTree } from '../content-loader/tree-source/fetch-tree.ts';
import { PART_SPECS } from '../content-loader/tree-source/parts.ts';
import { matchPath } from '../content-loader/tree-source/path-present.ts';
import { sphinxCommand, sphinxVersion, withPlainPath } from '../tests/helpers/sphinx-build.ts';
import { timedRun, withoutSearch, type TimedRun } from './timed-run.ts';
import { median } from './stats.ts';

const project = fileURLToPath(new URL('../', import.meta.url));

export interface Side {
  /** Wall seconds of each run, in the order run. */
  runs: number[];
  medianSeconds: number;
  /** Largest peak over the runs (largest process), when GNU time is installed. */
  peakMiB?: number;
}

export interface Anchor {
  version: string;
  sphinx: string;
  ours: Side;
  theirs: Side;
  /** ours / Sphinx, medians. */
  ratio: number;
  /** The same with our runs less their search phase: what Astro's build and our content cost on their own. */
  ratioWithoutSearch: number;
}

/**
 * Times `runs` cold builds of ours and of Sphinx on `abiDir`, alternating
 * (ours, Sphinx, ours ...), each from empty output and cache folders. The
 * Sphinx pipeline of `version` is fetched into the cache first (`abi:fetch <v> --sphinx`).
 */
export function sphinxAnchor(abiDir: string, version: string, runs = 3, log: (m: string) => void = console.error): Anchor {
  const sphinx = sphinxVersion();
  if (!sphinx) throw new Error('/usr/bin/python3 has no Sphinx (apt-get install python3-sphinx)');
  const pipeline = fetchTree(version, { parts: ['sphinx'], cacheDir: join(project, DEFAULT_CACHE), log });
  const work = mkdtempSync(join(tmpdir(), 'abi-bench-sphinx-'));
  try {
    // The kernel root Sphinx reads: the release's pipeline around the very tree we build.
    const root = join(work, 'linux');
    for (const path of [...PART_SPECS.sphinx.paths, ...PART_SPECS.sphinx.optionalPaths]) {
      for (const found of matchPath(pipeline.root, path)) cpSync(found, join(root, found.slice(pipeline.root.length + 1)), { recursive: true });
    }
    mkdirSync(join(root, 'Documentation'), { recursive: true });
    cpSync(resolve(abiDir), join(root, 'Documentation', 'ABI'), { recursive: true });
    const ours: TimedRun[] = [];
    const theirs: TimedRun[] = [];
    for (let i = 1; i <= runs; i++) {
      const out = join(work, `run-${i}`);
      ours.push(
        timedRun('npm run build', 'npm', ['run', '--silent', 'build'], {
          cwd: project,
          env: { ...process.env, ABI_DIR: join(root, 'Documentation', 'ABI'), ABI_OUT_DIR: join(out, 'dist'), ABI_CACHE_DIR: join(out, 'cache'), ASTRO_TELEMETRY_DISABLED: '1' },
        }),
      );
      log(`  bench: run ${i}/${runs}: npm run build ${ours.at(-1)!.seconds.toFixed(1)} s`);
      theirs.push(withPlainPath(root, (plain) => {
        const { command, args, env } = sphinxCommand(plain, join(out, 'sphinx'), join(out, 'doctrees'), 2);
        return timedRun('Sphinx', command, args, { env });
      }));
      log(`  bench: run ${i}/${runs}: Sphinx -j2 ${theirs.at(-1)!.seconds.toFixed(1)} s`);
      rmSync(out, { recursive: true, force: true });
    }
    const side = (r: TimedRun[]): Side => {
      const peaks = r.flatMap((x) => (x.peakMiB ? [x.peakMiB] : []));
      const runsS = r.map((x) => x.seconds);
      const s: Side = { runs: runsS, medianSeconds: median(runsS) };
      return peaks.length ? { ...s, peakMiB: Math.max(...peaks) } : s;
    };
    const o = side(ours);
    const t = side(theirs);
    return { version, sphinx, ours: o, theirs: t, ratio: o.medianSeconds / t.medianSeconds, ratioWithoutSearch: median(ours.map(withoutSearch)) / t.medianSeconds };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}


/** The bench rows of an anchor run: [measure, value, target]. */
export function anchorRows(a: Anchor): [string, string, string][] {
  const runs = (s: Side) => s.runs.map((x) => x.toFixed(1)).join(', ');
  const rows: [string, string, string][] = [
    [`cold \`npm run build\`, median of ${a.ours.runs.length} (alternating with Sphinx; runs ${runs(a.ours)} s)`, `${a.ours.medianSeconds.toFixed(1)} s`, ''],
    [`Sphinx ${a.sphinx} -j2 with linux-${a.version}'s kernel_abi, median of ${a.theirs.runs.length} (runs ${runs(a.theirs)} s)`, `${a.theirs.medianSeconds.toFixed(1)} s`, ''],
    ['cold build / Sphinx -j2 (medians, same run)', `${a.ratio.toFixed(2)}×`, '≤ 0.5×'],
    ['cold build without its search phase / Sphinx -j2 (medians, same run)', `${a.ratioWithoutSearch.toFixed(2)}×`, ''],
  ];
  if (a.ours.peakMiB && a.theirs.peakMiB) rows.push(['peak memory, ours / Sphinx (largest process)', `${a.ours.peakMiB} MiB / ${a.theirs.peakMiB} MiB`, '≤ 600 MiB']);
  return rows;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const abiDir = process.argv[2] ?? join(project, '..', 'shared', 'corpus', 'linux-6.12', 'ABI');
  const version = process.argv[3] ?? /linux-([0-9][0-9.]*)/.exec(resolve(abiDir))?.[1] ?? '6.12';
  try {
    const rows = anchorRows(sphinxAnchor(abiDir, version));
    console.log('| measure | value | target |\n|---|---|---|');
    for (const [what, value, target] of rows) console.log(`| ${what} | ${value} | ${target} |`);
  } catch (e) {
    console.error(`bench-sphinx: ${(e as Error).message}`);
    process.exit(1);
  }
}
