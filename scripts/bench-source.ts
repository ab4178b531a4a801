// Source cross-reference figures: `node scripts/bench-source.ts [--quick]`. Needs the
// linux-6.12 source in .cache/abi (the tests fetch it); prints a markdown table.
// Not a test: the targets live here and in BENCHMARKS.md.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTree } from '../content-loader/index.ts';
import { normalizeWhat } from '../content-loader/parse/permalink.ts';
import { buildSourceIndex, loadSourceIndex, parseMaintainers, SourceMatcher, sourceCoverage, whatContexts } from '../content-loader/source/index.ts';
import { cachedSourceRoot } from '../tests/helpers/kernel-source.ts';
import { partMarker } from '../content-loader/tree-source/parts.ts';

const project = fileURLToPath(new URL('../', import.meta.url));
const quick = process.argv.includes('--quick');
const root = cachedSourceRoot('6.12');
if (!root) {
  console.error('bench-source: no linux-6.12 source in .cache/abi (npm test fetches it); nothing to measure');
  process.exit(0);
}
const rows: [string, string, string][] = [];
const row = (what: string, value: string, target = '') => {
  rows.push([what, value, target]);
  console.error(`  ${what}: ${value}`);
};
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

// The marker names the package the source was extracted from (content-loader/tree-source/parts.ts).
row('linux-6.12 source (C files, headers, MAINTAINERS, ABI) extracted from', readFileSync(partMarker(root, 'source'), 'utf8').trim());

// A fresh index: every file read on the worker threads (the cache is bypassed).
const cpu = process.cpuUsage();
let started = performance.now();
const fresh = await buildSourceIndex(root);
const wall = performance.now() - started;
const used = process.cpuUsage(cpu);
row(`index the whole source, fresh (${fresh.files} files, ${fresh.sites.length} sites; CPU of all threads ${seconds((used.user + used.system) / 1000)})`, seconds(wall), '≤ 20 s');
started = performance.now();
const { index } = await loadSourceIndex(root);
row('load the cached index (after one listing of the tree)', seconds(performance.now() - started));

const tree = parseTree(root);
const maintainers = parseMaintainers(readFileSync(join(root, 'MAINTAINERS'), 'utf8'));
started = performance.now();
const matcher = new SourceMatcher(index, maintainers, tree.entries);
const contexts = whatContexts(tree.entries);
let found = 0;
for (const [what, context] of contexts) if (matcher.match(what, context).length) found++;
row(`match all ${contexts.size} Whats (matcher built once)`, seconds(performance.now() - started));
row('Whats with a candidate / not found', `${found} / ${contexts.size - found}`);
started = performance.now();
const coverage = sourceCoverage(index, matcher, contexts, maintainers);
row('coverage of all files the code creates', seconds(performance.now() - started));
row('files created in the code: documented / undocumented', `${coverage.documented} / ${coverage.undocumented}`);

// The hand-judged table: first answer right, and right among the candidates.
const table = readFileSync(join(project, 'tests/fixtures/source/linux-6.12.tsv'), 'utf8').split('\n');
const heldOutFrom = table.indexOf('# held out');
const judged = table
  .map((line, i) => ({ line, heldOut: heldOutFrom >= 0 && i > heldOutFrom }))
  .filter(({ line }) => line.trim() && !line.startsWith('#'))
  .map(({ line, heldOut }) => {
    const [, what, files] = line.split('\t');
    const got = matcher.match(what!, contexts.get(normalizeWhat(what!)));
    const ok = new Set(files!.split(','));
    return { heldOut, first: ok.has(got[0]?.file ?? ''), among: got.some((c) => ok.has(c.file)) };
  });
const share = (xs: typeof judged, key: 'first' | 'among') => `${xs.filter((x) => x[key]).length}/${xs.length} (${Math.round((100 * xs.filter((x) => x[key]).length) / xs.length)}%)`;
row('hand-judged table: first answer right', share(judged, 'first'), '≥ 90%');
row('hand-judged table: right among the candidates', share(judged, 'among'));
row('  of it, the rows judged last: first answer right', share(judged.filter((x) => x.heldOut), 'first'));

if (!quick) {
  // Cold builds of linux-6.12 without and with source (index cached, as after the first build), fresh Astro caches.
  const work = mkdtempSync(join(tmpdir(), 'abi-bench-source-'));
  cpSync(join(project, '..', 'shared', 'corpus', 'linux-6.12', 'ABI'), join(work, 'ABI'), { recursive: true });
  const build = (label: string, source: string) => {
    const t = performance.now();
    const r = spawnSync('npm', ['run', '--silent', 'build'], {
      cwd: project,
      env: { ...process.env, ABI_DIR: join(work, 'ABI'), ABI_SOURCE_DIR: source, ABI_OUT_DIR: join(work, label), ABI_CACHE_DIR: join(work, `${label}-cache`), ASTRO_TELEMETRY_DISABLED: '1' },
      encoding: 'utf8',
      maxBuffer: 64 * 2 ** 20,
    });
    if (r.status !== 0) throw new Error(`${label} build failed:\n${r.stderr}`);
    return performance.now() - t;
  };
  const without = build('without', 'none');
  const withSource = build('with', root);
  row('cold `npm run build` of linux-6.12 without source', seconds(without));
  row('the same with source (\"Created in\", /coverage/; index cached)', `${seconds(withSource)} (${(withSource / without).toFixed(2)}×)`, '≤ 1.3×');
  rmSync(work, { recursive: true, force: true });
}

console.log('| measure | value | target |\n|---|---|---|');
for (const [what, value, target] of rows) console.log(`| ${what} | ${value} | ${target} |`);
