import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTree } from '../content-loader/index.ts';
import { getAbiPlLabel, labelToAnchor } from '../content-loader/parse/kernel-id.ts';
import { DEFAULT_CACHE } from '../content-loader/tree-source/fetch-tree.ts';
import { hasPart } from '../content-loader/tree-source/parts.ts';
import { LEVELS } from '../content-loader/types.ts';
import { projectDir } from './helpers/build-site.ts';
import { withPlainPath } from './helpers/sphinx-build.ts';
import { corpusTree, needsCorpus, TEST_VERSIONS } from './helpers/corpus.ts';

/**
 * The ids docs.kernel.org gave entries while scripts/get_abi.pl built its
 * pages, against get_abi.pl itself: linux-6.12's script (fetched with
 * `abi:fetch 6.12 --sphinx`, as the Sphinx oracle does; its label code is
 * the one 6.1's has too) run on each level of each test tree, as
 * kernel_abi.py runs it once per page. Every entry must answer there to
 * the label get_abi.pl printed (`perlAnchor`, else `anchor`), except where
 * two entries of a page want one label: get_abi.pl adds random letters to
 * all but one, which no one can reproduce, so those are counted, not matched.
 */
const release = join(projectDir, DEFAULT_CACHE, 'linux-6.12');
const script = join(release, 'scripts', 'get_abi.pl');
const canRun = hasPart(release, 'sphinx') && existsSync(script) && spawnSync('perl', ['-e', '1']).status === 0;

describe.skipIf(!canRun)(`the get_abi.pl ids (needs perl and linux-6.12's pipeline in .cache/abi: abi:fetch 6.12 --sphinx) ${needsCorpus}`, () => {
  for (const version of TEST_VERSIONS) {
    it(`linux-${version}: each entry answers to the id get_abi.pl gave it on its level's page`, () => {
      const abiDir = corpusTree(version);
      const tree = parseTree(abiDir);
      let differing = 0;
      for (const level of LEVELS) {
        const entries = tree.entries.filter((e) => e.level === level);
        if (!entries.length) continue;
        // get_abi.pl skips every path with "/." in it, so it must not run under .cache.
        const printed = withPlainPath(abiDir, (plain) => spawnSync('perl', [script, 'rest', '--dir', join(plain, level)], { encoding: 'utf8', maxBuffer: 1 << 28 }));
        expect(printed.status, printed.stderr).toBe(0);
        const theirs = new Set([...printed.stdout.matchAll(/^\.\. _(abi_(?!file_)\S+):$/gm)].map((m) => labelToAnchor(m[1]!)));
        const ours = new Set(entries.map((e) => e.perlAnchor ?? e.anchor));
        const labels = entries.map((e) => getAbiPlLabel(e.symbols[0]!.what));
        const contested = labels.length - new Set(labels).size;
        expect([...ours].filter((a) => !theirs.has(a)), `${version} ${level}: ids get_abi.pl did not give`).toEqual([]);
        expect([...theirs].filter((a) => !ours.has(a)).length, `${version} ${level}: ids only get_abi.pl has`).toBe(contested);
        differing += entries.filter((e) => e.perlAnchor !== undefined).length;
      }
      // Both trees have entries whose page id differs from the whole tree's (the fadump ones), so the ids are really exercised.
      expect(differing).toBeGreaterThan(0);
    });
  }

  it('labels Whats with capitals, non-ASCII characters and punctuation runs as get_abi.pl does', () => {
    const whats = ['/sys/bus/Foo/ÉtAT_x', '/sys/x/ñame--x_', '/sys/y/a\u{1F600}b', '/sys/z/DEL\x7fz', '/proc/über/Ü~'];
    const abiDir = join(mkdtempSync(join(tmpdir(), 'abi-perl-labels-')), 'ABI');
    try {
      mkdirSync(join(abiDir, 'testing'), { recursive: true });
      writeFileSync(join(abiDir, 'testing', 'sysfs-labels'), whats.map((w) => `What:\t\t${w}\nDate:\t\tJan 2026\nDescription:\n\t\tA crafted label.\n`).join('\n'));
      const printed = withPlainPath(abiDir, (plain) => spawnSync('perl', [script, 'rest', '--dir', join(plain, 'testing')], { encoding: 'utf8' }));
      expect(printed.status, printed.stderr).toBe(0);
      const theirs = [...printed.stdout.matchAll(/^\.\. _(abi_(?!file_)\S+):$/gm)].map((m) => m[1]);
      expect(theirs.sort()).toEqual(whats.map(getAbiPlLabel).sort());
    } finally {
      rmSync(dirname(abiDir), { recursive: true, force: true });
    }
  });
});
