import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CACHE } from '../content-loader/tree-source/fetch-tree.ts';
import { hasPart } from '../content-loader/tree-source/parts.ts';
import { projectDir } from './helpers/build-site.ts';
import { checkAllowList, parseAllowList, type Allowance } from './helpers/sphinx-allow-list.ts';
import { sphinxVersion } from './helpers/sphinx-build.ts';
import type { DiffKind } from './helpers/sphinx-compare.ts';
import { sphinxOracle, type OracleRun } from './helpers/sphinx-oracle.ts';

/**
 * Sphinx as the oracle (issue 12): the kernel's own pipeline for linux-6.12
 * (fetched from Debian's linux-source-6.12 with `abi:fetch 6.12 --sphinx`)
 * renders the ABI pages with Debian's python3-sphinx; every entry must have
 * the same structure and words here, or a reviewed line in the allow-list
 * saying why ours is better, equivalent, or a known fault. A line that no
 * longer matches a difference fails too, so the list cannot go stale.
 */
const VERSION = '6.12';
const ALLOW_LIST = `tests/fixtures/sphinx/linux-${VERSION}/allow-list.txt`;
const fetched = hasPart(join(projectDir, DEFAULT_CACHE, `linux-${VERSION}`), 'sphinx');
const canFetch = fetched || (spawnSync('apt-get', ['--version']).status === 0 && process.getuid?.() === 0);
const sphinx = sphinxVersion();

describe.skipIf(!sphinx || !canFetch)(`Sphinx ${sphinx ?? ''} as the oracle on linux-${VERSION} (needs python3-sphinx, and apt-get as root unless the pipeline is fetched)`, () => {
  let run: OracleRun;
  let allowances: Allowance[];
  let errors: string[];
  beforeAll(() => {
    run = sphinxOracle(VERSION, (m) => console.log(m));
    ({ allowances, errors } = parseAllowList(readFileSync(join(projectDir, ALLOW_LIST), 'utf8'), ALLOW_LIST));
    const kinds = new Map<string, number>();
    for (const d of run.differences) kinds.set(d.kind, (kinds.get(d.kind) ?? 0) + 1);
    console.log(
      `sphinx oracle: ${run.tree.entries.length} entries here, ${run.sphinxCount} in Sphinx; ` +
        `${new Set(run.differences.map((d) => d.ref)).size} differ (${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}); ` +
        `Sphinx ${run.sphinx.cached ? 'reused from .cache/sphinx' : `built in ${run.sphinx.seconds.toFixed(1)} s`}, compared in ${run.compareSeconds.toFixed(1)} s`,
    );
  }, 1_800_000);

  /** Unexplained differences and stale lines of the given kinds. */
  const check = (kinds: readonly DiffKind[]) => {
    const result = checkAllowList(
      run.differences.filter((d) => kinds.includes(d.kind)),
      allowances.map((a) => ({ ...a, kinds: a.kinds.filter((k) => kinds.includes(k)) })),
      ALLOW_LIST,
    );
    return { unexplained: result.unexplained, stale: result.stale };
  };

  it('reads the allow-list without errors', () => {
    expect(errors).toEqual([]);
  });

  it('has every entry Sphinx has, under the same anchor on the same page', () => {
    expect(check(['entry'])).toEqual({ unexplained: [], stale: [] });
  });

  it('has no unexplained structural difference (tables and their cells, literal blocks, lists, definition lists, paragraphs, headings, admonitions, rules)', () => {
    expect(check(['table', 'literal', 'list', 'definition-list', 'paragraph', 'heading', 'admonition', 'transition'])).toEqual({ unexplained: [], stale: [] });
  });

  it("has Sphinx's words in every entry, no more and no fewer, but where reviewed", () => {
    expect(check(['words'])).toEqual({ unexplained: [], stale: [] });
  });
});
