import { spawnSync } from 'node:child_process';
import { closeSync, cpSync, ftruncateSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, realpathSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WalkFs } from '../../content-loader/parse/walk.ts';
import { fixtureCases } from './fixtures.ts';

const fixture = fileURLToPath(new URL('../fixtures/hostile/ABI', import.meta.url));

export interface HostileOptions {
  /** Also write `testing/sysfs-many`: one entry with this many Whats (`/sys/many/attr_00000`, ...). */
  whatsInOneEntry?: number;
}

/**
 * A hostile tree-reading case, `tests/fixtures/hostile/cases/<case>/tree.json`
 * (what git cannot hold, such as links out of the tree and FIFOs, is made
 * by `materialize`), beside the `expected.json` the parse gives.
 */
export interface TreeSpec {
  about: string;
  /** Path under ABI/ -> text. */
  files?: Record<string, string>;
  /** Path under ABI/ -> link target; `$OUTSIDE` is a folder beside ABI/ holding `secret`, a well-formed ABI file. */
  links?: Record<string, string>;
  fifos?: string[];
  /** Path under ABI/ -> size of a sparse file. */
  sparse?: Record<string, number>;
  /** Folders under ABI/ that fail with EACCES, through an injected fs (tests run as root, who reads everything). */
  deny?: string[];
  /** Hand the tree over through a link to it. */
  viaLink?: boolean;
}

/** In the description of the file outside the tree: it must never appear in a parse or a site. */
export const SECRET_MARKER = 'SECRET-MARKER-7f3a';

export function hostileCases(): { name: string; dir: string; spec: TreeSpec }[] {
  return fixtureCases('hostile/cases').map(({ name, dir }) => ({ name, dir, spec: JSON.parse(readFileSync(join(dir, 'tree.json'), 'utf8')) as TreeSpec }));
}

export interface MadeTree {
  /** What to hand to parseTree: the ABI folder, or a link to it. */
  root: string;
  abiDir: string;
  /** The injected fs when the spec denies folders. */
  fs?: WalkFs;
}

/** Makes the tree of `spec` in a new temporary folder (or into `abiDir`, next to what is there). */
export function materialize(spec: TreeSpec, abiDir = join(mkdtempSync(join(tmpdir(), 'abi-hostile-case-')), 'ABI')): MadeTree {
  const outside = join(dirname(abiDir), 'outside');
  mkdirSync(join(outside, 'testing'), { recursive: true });
  const secret = `What:\t\t/sys/secret/leak\nDescription:\t${SECRET_MARKER}: read from outside the tree.\n`;
  writeFileSync(join(outside, 'secret'), secret);
  writeFileSync(join(outside, 'testing', 'sysfs-secret'), secret);
  const at = (rel: string) => {
    const path = join(abiDir, rel);
    mkdirSync(dirname(path), { recursive: true });
    return path;
  };
  // 'wx': a case never overwrites a file of the tree it is added to.
  for (const [rel, text] of Object.entries(spec.files ?? {})) writeFileSync(at(rel), text, { flag: 'wx' });
  for (const [rel, target] of Object.entries(spec.links ?? {})) symlinkSync(target.replace('$OUTSIDE', outside), at(rel));
  for (const rel of spec.fifos ?? []) {
    const made = spawnSync('mkfifo', [at(rel)]);
    if (made.status !== 0) throw new Error(`mkfifo ${rel}: ${made.stderr}`);
  }
  for (const [rel, size] of Object.entries(spec.sparse ?? {})) {
    const fd = openSync(at(rel), 'w');
    ftruncateSync(fd, size);
    closeSync(fd);
  }
  let root = abiDir;
  if (spec.viaLink) {
    root = join(dirname(abiDir), 'tree-link');
    symlinkSync(abiDir, root);
  }
  const denied = (spec.deny ?? []).map((rel) => join(realpathSync(abiDir), rel));
  return denied.length ? { root, abiDir, fs: deniedFs(denied) } : { root, abiDir };
}

const realFs: WalkFs = { readdir: (p) => readdirSync(p), lstat: (p) => lstatSync(p), stat: (p) => statSync(p), realpath: (p) => realpathSync.native(p) };

/** The node:fs calls of the walk, failing with EACCES in and below `folders` as for a folder of mode 000 owned by someone else. */
function deniedFs(folders: string[]): WalkFs {
  const deny = (path: string, self: boolean) => {
    if (folders.some((f) => (self && path === f) || path.startsWith(f + '/'))) {
      throw Object.assign(new Error(`EACCES: permission denied, '${path}'`), { code: 'EACCES' });
    }
  };
  return {
    readdir: (p) => (deny(p, true), realFs.readdir(p)),
    lstat: (p) => (deny(p, false), realFs.lstat(p)),
    stat: (p) => (deny(p, false), realFs.stat(p)),
    realpath: (p) => (deny(p, false), realFs.realpath(p)),
  };
}

/**
 * A copy of tests/fixtures/hostile/ABI plus the parts too big to commit (a
 * 20,000-line description, and on request one entry with thousands of
 * Whats) and every tree-reading case at once (their files, links out of the
 * tree, loops, FIFOs). Returns the ABI folder.
 */
export function hostileTree(options: HostileOptions = {}): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'abi-hostile-')), 'ABI');
  cpSync(fixture, dir, { recursive: true });
  const lines = Array.from({ length: 20_000 }, (_, i) => `\t\tLine ${i} of a long description; see /sys/class/net/eth0/mtu.`);
  writeFileSync(join(dir, 'testing', 'sysfs-huge'), ['What:\t\t/sys/huge/description', 'Description:', ...lines, ''].join('\n'));
  if (options.whatsInOneEntry) {
    const whats = Array.from({ length: options.whatsInOneEntry }, (_, i) => `What:\t\t${manyWhat(i)}`);
    const description = ['Description:', '\t\tOne of many attributes of one entry. Each holds a number.', ''];
    writeFileSync(join(dir, 'testing', 'sysfs-many'), [...whats, 'Date:\t\tJanuary 2026', 'Contact:\tnobody@example.org', ...description].join('\n'));
  }
  materialize(combinedCases(), dir);
  return dir;
}

/** Every case's files, links, FIFOs and sparse files in one spec (the first case to name a path wins; `deny` cannot apply to a build). */
export function combinedCases(): TreeSpec {
  const all: Required<Omit<TreeSpec, 'deny' | 'viaLink'>> = { about: 'every case', files: {}, links: {}, fifos: [], sparse: {} };
  const taken = new Set<string>();
  const claim = (rel: string) => !taken.has(rel) && !!taken.add(rel);
  for (const { spec } of hostileCases()) {
    for (const [rel, text] of Object.entries(spec.files ?? {})) if (claim(rel)) all.files[rel] = text;
    for (const [rel, target] of Object.entries(spec.links ?? {})) if (claim(rel)) all.links[rel] = target;
    for (const rel of spec.fifos ?? []) if (claim(rel)) all.fifos.push(rel);
    for (const [rel, size] of Object.entries(spec.sparse ?? {})) if (claim(rel)) all.sparse[rel] = size;
  }
  return all;
}

/** The i-th What of the generated `testing/sysfs-many` entry. */
export function manyWhat(i: number): string {
  return `/sys/many/attr_${String(i).padStart(5, '0')}`;
}
