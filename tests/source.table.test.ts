import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseTree } from '../content-loader/index.ts';
import { normalizeWhat } from '../content-loader/parse/permalink.ts';
import { openSourceTree, whatContexts, type SourceTree, type WhatContext } from '../content-loader/source/index.ts';
import { cachedSourceRoot, needsSource } from './helpers/kernel-source.ts';
import { stopWhen } from './helpers/corpus.ts';

const TABLE = fileURLToPath(new URL('./fixtures/source/linux-6.12.tsv', import.meta.url));

/** The hand-judged rows: area, What, the files that create it (judged by reading the code). */
const rows = readFileSync(TABLE, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '' && !line.startsWith('#'))
  .map((line) => {
    const [area, what, files] = line.split('\t');
    if (!area || !what || !files) throw new Error(`bad table row: ${line}`);
    return { area, what, files: files.split(',') };
  });

const root = cachedSourceRoot('6.12');

describe.skipIf(!root)(`matching Whats to the linux-6.12 source ${needsSource}`, () => {
  if (stopWhen(!root)) return;
  let source: SourceTree;
  let contexts: Map<string, WhatContext>;
  const firsts = new Map<string, string | undefined>();
  beforeAll(async () => {
    const tree = parseTree(root!);
    source = await openSourceTree(root!, tree.entries);
    contexts = whatContexts(tree.entries);
    for (const { what } of rows) firsts.set(what, source.matcher.match(what, contexts.get(normalizeWhat(what)))[0]?.file);
  }, 600_000);

  it('has a table of at least 60 Whats across the subsystems the issue names, each a What of the tree and files that exist', () => {
    expect(rows.length).toBeGreaterThanOrEqual(60);
    const areas = new Set(rows.map((r) => r.area));
    for (const area of ['net', 'block', 'power', 'cpu', 'mm', 'usb', 'pci', 'iio', 'hwmon', 'thermal', 'leds', 'firmware', 'debugfs', 'procfs', 'configfs']) expect(areas).toContain(area);
    expect(rows.filter((r) => !contexts.has(normalizeWhat(r.what))).map((r) => r.what)).toEqual([]);
    const missing = rows.flatMap((r) => r.files).filter((f) => !source.index.sites.some((s) => s.file === f));
    expect(missing).toEqual([]);
  });

  it('answers at least 90% of the table right first', () => {
    const wrong = rows.filter((r) => !r.files.includes(firsts.get(r.what) ?? '')).map((r) => `${r.what}: ${firsts.get(r.what) ?? 'not found'}`);
    expect(wrong.length / rows.length, wrong.join('\n')).toBeLessThanOrEqual(0.1);
  });

  it('says "not found" for names no code creates, rather than guess', () => {
    for (const what of ['/sys/class/net/<iface>/no_such_attribute_anywhere', '/sys/kernel/debug/nowhere/at_all', '/dev/null', 'Audit Login UID']) {
      expect(source.matcher.match(what)).toEqual([]);
    }
  });

  it('points every candidate of every What at a line of the source that names the symbol or the macro', () => {
    const lines = new Map<string, string[]>();
    const lineOf = (file: string, n: number) => {
      let text = lines.get(file);
      if (!text) lines.set(file, (text = readFileSync(join(root!, file), 'latin1').split('\n')));
      return text[n - 1] ?? '';
    };
    const bad: string[] = [];
    let checked = 0;
    for (const [what, context] of contexts) {
      for (const c of source.matcher.match(what, context)) {
        checked++;
        const text = lineOf(c.file, c.line);
        const bare = c.symbol.replace(/%\d*l*[duix].*$/, '');
        if (!text.includes(c.how.replace(/^[&[]|\]$/g, '')) && !text.includes(bare)) bad.push(`${what}: ${c.file}:${c.line} ${c.how} ${c.symbol}`);
      }
    }
    expect(checked).toBeGreaterThan(4000);
    expect(bad).toEqual([]);
  });
});
