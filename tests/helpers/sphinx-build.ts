import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PART_SPECS } from '../../content-loader/tree-source/parts.ts';
import { matchPath } from '../../content-loader/tree-source/path-present.ts';
import { projectDir } from './build-site.ts';

/** Debian's Python, which has python3-sphinx (the `python3` on PATH may be another one). */
export const SPHINX_PYTHON = '/usr/bin/python3';
const CONF_DIR = fileURLToPath(new URL('./sphinx-conf/', import.meta.url));
export const SPHINX_CACHE = join(projectDir, '.cache', 'sphinx');

/** Sphinx's version ("5.3.0"), or undefined when Debian's python3-sphinx is not installed. */
export function sphinxVersion(): string | undefined {
  const r = spawnSync(SPHINX_PYTHON, ['-m', 'sphinx', '--version'], { encoding: 'utf8', env: sphinxEnv('.') });
  return r.status === 0 ? r.stdout.trim().split(/\s+/).at(-1) : undefined;
}

/**
 * The command that builds the kernel's ABI pages (Documentation/admin-guide/abi*.rst
 * with the release's kernel_abi extension) of kernel root `srcRoot` into `outDir`
 * as HTML, the way `make htmldocs` renders them, with `jobs` processes.
 */
export function sphinxCommand(srcRoot: string, outDir: string, doctreeDir: string, jobs: number): { command: string; args: string[]; env: NodeJS.ProcessEnv } {
  const root = resolve(srcRoot);
  return {
    command: SPHINX_PYTHON,
    args: ['-m', 'sphinx', '-b', 'html', '-q', '-j', String(jobs), '-c', CONF_DIR, '-d', doctreeDir, join(root, 'Documentation'), outDir],
    env: sphinxEnv(root),
  };
}

/** Runs one Sphinx build; returns its warnings (one line each) and its wall time. */
export function runSphinx(srcRoot: string, outDir: string, doctreeDir: string, jobs: number): { warnings: string[]; seconds: number } {
  return withPlainPath(srcRoot, (root) => {
    const { command, args, env } = sphinxCommand(root, outDir, doctreeDir, jobs);
    const started = performance.now();
    const r = spawnSync(command, args, { env, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 2 ** 20 });
    if (r.status !== 0) throw new Error(`Sphinx failed on ${srcRoot} (exit ${r.status}):\n${r.stderr.split('\n').slice(-20).join('\n')}`);
    return { warnings: r.stderr.split('\n').filter((l) => l.trim()), seconds: (performance.now() - started) / 1000 };
  });
}

/**
 * Runs `fn` with `srcRoot` reached through a path without dot folders: the
 * kernel's get_abi.pl skips every file whose path has `/.` in it, so under
 * `.cache/` it would find no ABI file at all.
 */
export function withPlainPath<T>(srcRoot: string, fn: (root: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'abi-sphinx-'));
  try {
    symlinkSync(resolve(srcRoot), join(dir, 'linux'));
    return fn(join(dir, 'linux'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface SphinxPages {
  /** The HTML pages with the ABI entries (admin-guide/abi*.html), absolute paths. */
  pages: string[];
  /** True when an earlier build of the same inputs was reused. */
  cached: boolean;
  /** Wall time of the Sphinx build (0 when cached). */
  seconds: number;
}

/**
 * The kernel's ABI pages of kernel root `srcRoot` (fetched with
 * `abi:fetch <v> --sphinx`), built by Sphinx once per content hash of
 * everything that shapes them (the ABI tree, the release's pipeline, our
 * conf.py, Sphinx's version) and kept in `.cache/sphinx/<hash>/`.
 */
export function sphinxAbiPages(srcRoot: string, jobs = 2, cacheDir = SPHINX_CACHE): SphinxPages {
  const version = sphinxVersion();
  if (!version) throw new Error(`${SPHINX_PYTHON} has no Sphinx (apt-get install python3-sphinx)`);
  const dir = join(cacheDir, inputHash(srcRoot, version));
  const html = join(dir, 'html');
  const pagesIn = () => readdirSync(join(html, 'admin-guide')).filter((f) => /^abi.*\.html$/.test(f)).sort().map((f) => join(html, 'admin-guide', f));
  if (existsSync(join(dir, 'done'))) return { pages: pagesIn(), cached: true, seconds: 0 };
  const work = `${dir}.tmp-${process.pid}`;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  try {
    const { warnings, seconds } = runSphinx(srcRoot, join(work, 'html'), join(work, 'doctrees'), jobs);
    rmSync(join(work, 'doctrees'), { recursive: true, force: true });
    // `done` is written last: an interrupted build is never taken for a finished one.
    writeDone(work, warnings);
    rmSync(dir, { recursive: true, force: true });
    renameSync(work, dir);
    return { pages: pagesIn(), cached: false, seconds };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function writeDone(dir: string, warnings: string[]): void {
  // Sphinx's warnings are kept beside the pages for whoever wonders what it said.
  writeFileSync(join(dir, 'warnings.txt'), `${warnings.join('\n')}\n`);
  writeFileSync(join(dir, 'done'), '');
}

/** SHA-256 (first 16 hex digits) of the files that shape the ABI pages. */
function inputHash(srcRoot: string, sphinx: string): string {
  const hash = createHash('sha256').update(`sphinx ${sphinx}\n`);
  const paths = [...PART_SPECS.abi.paths, ...PART_SPECS.sphinx.paths, ...PART_SPECS.sphinx.optionalPaths];
  const files = [...new Set(paths.flatMap((p) => matchPath(srcRoot, p)).flatMap(filesUnder))].sort();
  for (const file of [...files, ...filesUnder(CONF_DIR)]) {
    const name = file.startsWith(CONF_DIR) ? `conf/${relative(CONF_DIR, file)}` : relative(srcRoot, file);
    hash.update(`${name}\n`).update(readFileSync(file)).update('\n');
  }
  return hash.digest('hex').slice(0, 16);
}

function filesUnder(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && !d.name.endsWith('.pyc'))
    .map((d) => join(d.parentPath, d.name));
}

/** The environment Sphinx runs in: the kernel root as `srctree`, no Python of another installation. */
function sphinxEnv(srcRoot: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, srctree: srcRoot, LC_ALL: 'C.UTF-8', PYTHONDONTWRITEBYTECODE: '1' };
  for (const key of ['PYTHONPATH', 'PYTHONHOME', 'PYENV_VERSION']) delete env[key];
  return env;
}
