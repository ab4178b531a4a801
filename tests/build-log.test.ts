// What `npm run build` prints, on the real test site (linux-6.12 with history
// from 6.1, as the global setup built it): short, with progress and a
// summary, and every warning of the tree exactly once.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { parseTree } from '../content-loader/parse/parse-tree.ts';
import { formatWarning } from '../content-loader/parse/warnings.ts';
import { groupWarnings, progressLine, searchSeconds } from '../scripts/build-log.ts';
import { buildLogOf } from './helpers/build-site.ts';
import { corpusTree } from './helpers/corpus.ts';

const siteDir = inject('siteDir');
const log = readFileSync(buildLogOf(siteDir), 'utf8');
const lines = log.split('\n').filter((l) => l !== '');

/** The single warnings a log line holds: `file:1,5: m` is two. */
function warningsOf(line: string): string[] {
  const m = /^\s*([^\s:][^:]*):(\d+(?:,\d+)*): (.*)$/.exec(line);
  if (!m) return [];
  return m[2]!.split(',').map((n) => `${m[1]}:${n}: ${m[3]}`);
}

describe('the build log', () => {
  it('is at most 150 lines', () => {
    expect(lines.length).toBeGreaterThan(10);
    expect(lines.length).toBeLessThanOrEqual(150);
  });

  it('shows every warning of the tree exactly once', () => {
    const tree = parseTree(corpusTree('6.12'));
    expect(tree.warnings.length).toBeGreaterThan(0);
    const shown = lines.flatMap(warningsOf);
    for (const w of tree.warnings) {
      const text = formatWarning(w);
      if (w.line > 0) expect(shown.filter((s) => s === text), text).toHaveLength(1);
      else expect(lines.filter((l) => l.endsWith(text)), text).toHaveLength(1);
    }
    // And no warning twice, whatever its origin (the source cross-reference has its own).
    expect(new Set(shown).size).toBe(shown.length);
  });

  it('shows page generation as progress, every 10 % when not on a terminal, and the summary', () => {
    const progress = lines.filter((l) => /^pages: \[/.test(l));
    const total = Number(/\/(\d+)\)$/.exec(progress[0] ?? '')?.[1]);
    expect(total).toBeGreaterThan(7000);
    // One line as each tenth is reached (a line of Astro's may carry several pages, so the count is at or past it).
    expect(progress.map((l) => Number(/(\d+) %/.exec(l)?.[1]))).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    expect(progress.at(-1)).toBe(progressLine(total, total));
    const summary = lines.find((l) => l.startsWith('built '));
    // Astro's count holds the endpoints (abi.json, the search data) beside the HTML pages.
    expect(summary).toMatch(new RegExp(`^built ${total} pages, \\d+ search records, \\d+ warnings in [\\d.]+ s$`));
    const records = Number(/, (\d+) search records/.exec(summary ?? '')?.[1]);
    expect(records).toBe(readdirSync(join(siteDir, 'pagefind', 'fragment')).length);
    for (const phase of ['content: done in', 'bundle: done in', `pages: ${total} generated in`, 'search: ']) {
      expect(lines.filter((l) => l.startsWith(phase)), phase).toHaveLength(1);
    }
  });

  it("gives the bench the search phase's seconds, part of the build's", () => {
    const search = searchSeconds(log);
    const total = Number(/^built .* in ([\d.]+) s$/m.exec(log)?.[1]);
    expect(search).toBeGreaterThan(0);
    expect(search).toBeLessThan(total);
    expect(searchSeconds(log.replace(/^search: .*$/m, ''))).toBeUndefined();
  });

  it('groups only warnings of one file with one message, keeping every line number', () => {
    const w = (file: string, line: number, message: string) => ({ file, line, message });
    expect(groupWarnings([w('a', 1, 'm'), w('b', 2, 'm'), w('a', 5, 'm'), w('a', 6, 'n')])).toEqual(['a:1,5: m', 'b:2: m', 'a:6: n']);
  });
});
