import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatWarning, parseTree } from '../content-loader/index.ts';
import { healthFindings } from '../content-loader/health/findings.ts';
import { looksLikeTagLine } from '../content-loader/health/what-checks.ts';
import { byFile, byKind, countByKind } from '../content-loader/health/report.ts';
import { corpusTree, needsCorpus } from './helpers/corpus.ts';

const cli = fileURLToPath(new URL('../bin/abi-atlas.js', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/health/${name}`, import.meta.url));
const check = (...args: string[]) => spawnSync(cli, ['check', ...args], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });

describe('health findings on fixtures', () => {
  it('a clean tree has no findings; check --strict exits 0', () => {
    expect(healthFindings(parseTree(fixture('clean')))).toEqual([]);
    const r = check(fixture('clean'), '--strict');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
  });

  it('a dirty tree has one finding of each kind, with the entry anchor; --strict exits non-zero', () => {
    const findings = healthFindings(parseTree(fixture('dirty')));
    expect(countByKind(findings)).toEqual({
      'missing-description': 1,
      duplicate: 1,
      'tag-before-what': 1,
      'invalid-tag': 1,
      'where-tag': 1,
      'what-looks-like-tag': 1,
      'non-path-what': 1,
      'uncompiled-what': 1,
      'unresolved-mention': 1,
      'empty-file': 1,
    });
    expect(findings.find((f) => f.kind === 'what-looks-like-tag')).toMatchObject({ file: 'testing/sysfs-dirty', line: 3, anchor: 'abi-sys-dirty-a' });
    expect(findings.find((f) => f.kind === 'unresolved-mention')!.message).toContain('/sys/nowhere/at/all');
    expect(findings.find((f) => f.kind === 'tag-before-what')!.anchor).toBeUndefined();
    expect(findings.find((f) => f.kind === 'empty-file')).toEqual({ kind: 'empty-file', file: 'testing/sysfs-empty', line: 0, message: 'file has no entries' });
    expect(check(fixture('dirty')).status).toBe(0);
    const strict = check(fixture('dirty'), '--strict');
    expect(strict.status).toBe(1);
    expect(strict.stdout).toContain("testing/sysfs-dirty:8: /sys/dirty/nodesc doesn't have a description");
    expect(strict.stderr).toContain('10 findings');
  });

  it('check --json prints the findings as data, the same as the function', () => {
    const out = JSON.parse(check(fixture('dirty'), '--json').stdout);
    expect(out).toEqual(JSON.parse(JSON.stringify(healthFindings(parseTree(fixture('dirty'))))));
  });

  it('groups by kind (kernel kinds first) and by file', () => {
    const findings = healthFindings(parseTree(fixture('dirty')));
    expect(byKind(findings)[0]).toMatchObject({ kind: 'missing-description', kernel: true });
    expect(byFile(findings).map((g) => [g.file, g.findings.length])).toEqual([
      ['stable/sysfs-dirty', 1],
      ['testing/sysfs-dirty', 8],
      ['testing/sysfs-empty', 1],
    ]);
  });

  it('looksLikeTagLine spots tag lines that lost their colon, not ordinary Whats', () => {
    expect(looksLikeTagLine('Date\t\tApril 2019')).toBe(true);
    expect(looksLikeTagLine('Contact  someone@example.org')).toBe(true);
    expect(looksLikeTagLine('Audit Login UID')).toBe(false);
    expect(looksLikeTagLine('/sys/date/x')).toBe(false);
    expect(looksLikeTagLine('Dates of things')).toBe(false);
  });
});

describe(`abi-atlas check on linux-6.12 ${needsCorpus}`, () => {
  const tree = parseTree(corpusTree('6.12'));
  const r = check(corpusTree('6.12'));
  const lines = new Set(r.stdout.split('\n'));

  it('prints every warning of the parser (the kernel validator and ours) as file:line: message', () => {
    expect(r.status).toBe(0);
    expect(tree.warnings.length).toBeGreaterThan(0);
    for (const w of tree.warnings) expect(lines.has(formatWarning(w)), formatWarning(w)).toBe(true);
  });

  it("reports the kernel's duplicate definitions: every What defined in several files", () => {
    const files = new Map<string, Set<string>>();
    for (const e of tree.entries) for (const s of e.symbols) files.set(s.what, (files.get(s.what) ?? new Set()).add(e.file));
    const dupes = [...files].filter(([, f]) => f.size > 1).map(([what, f]) => ({ what, n: f.size }));
    expect(dupes.length).toBeGreaterThan(0);
    const printed = [...lines].filter((l) => / is defined \d+ times: /.test(l));
    expect(printed.length).toBe(dupes.length);
    for (const { what, n } of dupes) expect(printed.some((l) => l.includes(`: ${what} is defined ${n} times: `))).toBe(true);
  });

  it('adds our own kinds, including the What that is a lost Date: line', () => {
    const findings = healthFindings(tree);
    const counts = countByKind(findings);
    expect(counts['what-looks-like-tag']).toBeGreaterThanOrEqual(1);
    expect(findings.some((f) => f.kind === 'what-looks-like-tag' && f.message.includes('Date\\t\\tApril 2019'))).toBe(true);
    expect(counts['uncompiled-what']).toBeGreaterThanOrEqual(1);
    expect(counts['non-path-what']).toBeGreaterThanOrEqual(1);
    expect(counts['unresolved-mention']).toBeGreaterThanOrEqual(1);
    expect(r.stderr).toContain(`${findings.length} findings`);
    expect(check(corpusTree('6.12'), '--strict').status).toBe(1);
  });
});
