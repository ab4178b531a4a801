// `npm run bench`: one table of speed and size figures on the real trees.
// Not a test: the targets live here and in BENCHMARKS.md.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTree } from '../content-loader/index.ts';
import { descriptionRenderer } from '../content-loader/describe/render-entry.ts';
import { buildResolver, MAX_PATH_LENGTH, resolve } from '../content-loader/resolve/index.ts';
import { launchChromium } from '../tests/helpers/browser.ts';
import { attacks } from '../tests/helpers/crafted-paths.ts';
import { editAndWait, openLive, startDev } from '../tests/helpers/dev-server.ts';
import { timedRun, withoutSearch, type TimedRun } from './timed-run.ts';
import { anchorRows, sphinxAnchor } from './bench-sphinx.ts';
import { versionCostRows } from './bench-versions.ts';
import { median, medianTime } from './stats.ts';
import { findRelease } from '../content-loader/tree-source/release-dirs.ts';

const project = fileURLToPath(new URL('../', import.meta.url));
// The real trees, wherever the project finds them (../shared/corpus, or fetched into .cache/abi).
const treeOf = (version: string) => findRelease(project, version)?.abiDir;
const only = process.argv.includes('--quick'); // skip the builds and the browser
const tree612 = treeOf('6.12');
if (!tree612) {
  console.error('bench: no linux-6.12 tree (../shared/corpus, or `npm run abi:fetch 6.12`); nothing to measure');
  process.exit(0);
}

const rows: [string, string, string][] = [];
const row = (what: string, value: string, target = '') => {
  rows.push([what, value, target]);
  console.error(`  ${what}: ${value}`);
};

const ms = (n: number) => (n < 1 ? `${(n * 1000).toFixed(1)} µs` : `${n < 10 ? n.toFixed(2) : Math.round(n)} ms`);
const kib = (n: number) => `${Math.round(n / 1024)} KiB`;

// In-process phases.
for (const version of ['6.1', '6.12']) {
  const dir = treeOf(version);
  if (dir) row(`parse linux-${version} (median of 9)`, ms(medianTime(9, () => parseTree(dir))), '< 100 ms');
}
const tree = parseTree(tree612);
const render = descriptionRenderer();
row('describe all 4514 descriptions of linux-6.12, links resolved (median of 5)', ms(medianTime(5, () => {
  const fresh = { ...tree }; // a new tree object: link targets are rebuilt as in a build
  for (const entry of fresh.entries) render(entry, fresh);
})), '< 1000 ms');
const resolver = buildResolver(tree.entries);
const queries = readFileSync(join(project, 'tests/fixtures/resolve/linux-6.12.tsv'), 'utf8')
  .split('\n').filter((l) => l.startsWith('/')).map((l) => l.split('\t')[0]!);
row(`resolver, per query (${queries.length} real paths, median of 21 rounds)`, ms(medianTime(21, () => queries.forEach((q) => resolve(resolver, q))) / queries.length), '< 5 ms');
// Crafted paths (tests/helpers/crafted-paths.ts): every wildcard segment of every What attacked up to PATH_MAX.
for (const version of ['6.1', '6.12']) {
  const dir = treeOf(version);
  if (!dir) continue;
  const entries = version === '6.12' ? tree.entries : parseTree(dir).entries;
  const attacked = version === '6.12' ? resolver : buildResolver(entries);
  const paths = attacks(entries.flatMap((e) => e.symbols.map((s) => s.what))).flatMap((a) => a.paths());
  let worst = { ms: 0, path: '' };
  for (const path of paths) {
    const t = medianTime(3, () => resolve(attacked, path));
    if (t > worst.ms) worst = { ms: t, path };
  }
  row(`resolver, slowest of ${paths.length} crafted paths of up to ${MAX_PATH_LENGTH} characters, linux-${version} (median of 3 each)`, `${ms(worst.ms)} (${worst.path.slice(0, 40)}…)`, '<= 50 ms');
}

if (!only) {
  // Cold build: a fresh output and cache folder, as on a fresh clone. Then one
  // description edited and the site built again with the cache kept. Three
  // rounds, the two builds alternating, each round on a fresh copy and cache;
  // the figures are medians, the ratio is taken in this run.
  const work = mkdtempSync(join(tmpdir(), 'abi-bench-'));
  const build = (label: string, round: number) =>
    timedRun(label, 'npm', ['run', '--silent', 'build'], {
      cwd: project,
      env: { ...process.env, ABI_DIR: join(work, 'ABI'), ABI_OUT_DIR: join(work, 'dist'), ABI_CACHE_DIR: join(work, `cache-${round}`), ASTRO_TELEMETRY_DISABLED: '1' },
    });
  const colds: TimedRun[] = [];
  const rebuilds: TimedRun[] = [];
  for (let round = 0; round < 3; round++) {
    rmSync(join(work, 'ABI'), { recursive: true, force: true });
    cpSync(tree612, join(work, 'ABI'), { recursive: true });
    colds.push(build('cold build', round));
    const file = join(work, 'ABI/testing/sysfs-kernel-btf');
    // The first description of the file gains a word: any release's text, so a newer tree still measures an edit.
    const text = readFileSync(file, 'utf8');
    const edited = text.replace(/^(Description:[ \t]*)/m, '$1(edited) ');
    if (edited === text) throw new Error(`bench: ${file} has no Description to edit`);
    writeFileSync(file, edited);
    rebuilds.push(build('rebuild', round));
    rmSync(join(work, `cache-${round}`), { recursive: true, force: true });
  }
  const cold = colds[0]!;
  const coldSeconds = median(colds.map((r) => r.seconds));
  const rebuildSeconds = median(rebuilds.map((r) => r.seconds));
  row('cold `npm run build` of linux-6.12 (pages + search index), median of 3', `${coldSeconds.toFixed(1)} s`, '< 12 s');
  const peaks = colds.map((r) => r.peakMiB).filter((m) => m !== undefined);
  if (peaks.length) row('peak memory of the build (largest process, median of 3)', `${median(peaks)} MiB`, '≤ 600 MiB');
  // What a user sees of a clean build (GNU time's own line left out).
  const printed = cold.output.split('\n').filter((l) => l !== '' && !l.startsWith('TIME ')).length;
  row('lines `npm run build` prints (clean tree)', String(printed), '≤ 150');
  const rendered = rebuilds.map((r) => /pages: (\d+) generated in [\d.]+ s(?: \((\d+) unchanged)?/.exec(r.output)).map((m) => (m ? Number(m[1]) - Number(m[2] ?? 0) : NaN));
  row('rebuild after editing one description (cache kept), median of 3', `${rebuildSeconds.toFixed(1)} s (${rendered.join(', ')} pages rendered)`);
  const cpu = (runs: TimedRun[]) => median(runs.map((r) => r.cpuSeconds ?? NaN));
  row('rebuild / cold build, wall time (CPU time)', `${(rebuildSeconds / coldSeconds).toFixed(2)}x (${(cpu(rebuilds) / cpu(colds)).toFixed(2)}x)`, '≤ 0.35x');
  // The rebuild as if its search index cost nothing: Astro's start-up, bundle and copying of the unchanged pages, and our content.
  row('rebuild without its search phase / cold build (medians)', `${(median(rebuilds.map(withoutSearch)) / coldSeconds).toFixed(2)}x`);
  const dist = join(work, 'dist');
  const pages = readdirSync(dist, { recursive: true, withFileTypes: true }).filter((d) => d.isFile() && d.name.endsWith('.html'));
  row('HTML pages', String(pages.length));
  // Interface pages are the symbol pages (abi.json lists their URLs); path-tree pages are not counted.
  const urls = new Set<string>(tree.entries.flatMap((e) => e.symbols.map((s) => s.url)));
  const sizes = [...urls].map((u) => statSync(join(dist, u, 'index.html')).size).sort((a, b) => a - b);
  row('interface page HTML (median / 90th percentile / largest)', `${kib(sizes[sizes.length >> 1]!)} / ${kib(sizes[Math.floor(sizes.length * 0.9)]!)} / ${kib(sizes.at(-1)!)}`, '< 30 KiB');
  row('CSS every page loads (one cached file)', kib(readdirSync(join(dist, '_astro')).filter((f) => f.endsWith('.css')).reduce((n, f) => n + statSync(join(dist, '_astro', f)).size, 0)));
  // Search figures (index size, fuse, typing to results in Chromium) on this build.
  const search = spawnSync(process.execPath, [join(project, 'scripts/bench-search.ts'), dist], { cwd: project, encoding: 'utf8' });
  for (const line of search.stdout.split('\n')) {
    const m = /^\| (.+?) \| (.+?) \| (.*?) \|$/.exec(line);
    if (m && m[1] !== 'measure' && !m[1]!.startsWith('---')) row(m[1]!, m[2]!, m[3]!);
  }
  if (search.status !== 0) throw new Error(`bench-search failed:\n${search.stderr}`);
  row('edit to updated page in `npm run dev` (median of 5 edits)', `${Math.round(await devEditMs(join(work, 'ABI'), join(work, 'dev-cache')))} ms`, '< 1000 ms');
  rmSync(work, { recursive: true, force: true });
  // Pinned pages: what each extra version costs (1, 2 and 3 versions, same run).
  try {
    for (const [what, value, target] of versionCostRows(project)) row(what, value, target);
  } catch (e) {
    row('cost per extra version', `not measured: ${(e as Error).message.split('\n')[0]}`);
  }
  // The anchor: our cold build against the kernel's own Sphinx pipeline, same tree, same run.
  try {
    for (const [what, value, target] of anchorRows(sphinxAnchor(tree612, '6.12'))) row(what, value, target);
  } catch (e) {
    row('Sphinx anchor', `not measured: ${(e as Error).message.split('\n')[0]}`);
  }
}

// The source cross-reference (its own script: index, matching, precision; builds with and without source unless --quick).
const source = spawnSync(process.execPath, [join(project, 'scripts/bench-source.ts'), ...(only ? ['--quick'] : [])], { cwd: project, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 16 * 2 ** 20 });
for (const m of source.stdout.matchAll(/^\| (.+?) \| (.+?) \| (.*?) \|$/gm)) if (m[1] !== 'measure' && !m[1]!.startsWith('---')) rows.push([m[1]!, m[2]!, m[3]!]);

console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}\n`);
console.log('| measure | value | target |\n|---|---|---|');
for (const [what, value, target] of rows) console.log(`| ${what} | ${value} | ${target} |`);

/** Median ms from saving a file of the tree to the open page showing it, in `npm run dev`. */
async function devEditMs(abiDir: string, cacheDir: string): Promise<number> {
  const dev = await startDev(abiDir, 4700, cacheDir);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await openLive(page, `${dev.origin}/sys/kernel/btf/vmlinux/`);
    const file = join(abiDir, 'testing/sysfs-kernel-btf');
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      times.push(await editAndWait(page, file, /Description:\n[^\n]*Read-only binary[^\n]*|Description:\tEdited at \d+/));
      await page.waitForTimeout(1500);
    }
    return median(times);
  } finally {
    await browser.close();
    dev.stop();
  }
}
