import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTree } from '../content-loader/index.ts';
import { descriptionRenderer } from '../content-loader/describe/render-entry.ts';
import { decodeUtf8 } from '../content-loader/parse/text.ts';
import { corpusTree } from './helpers/corpus.ts';

/** mulberry32: a small seeded PRNG, so a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const render = descriptionRenderer();

/** Parses one file's text as a tree and renders every description; returns the symbol URLs. */
function parseAndRender(text: string): string[] {
  const tree = buildTree([{ path: 'testing/fuzz', level: 'testing', dir: 'testing', basename: 'fuzz', text }]);
  for (const entry of tree.entries) render(entry, tree);
  return tree.entries.flatMap((e) => e.symbols.map((s) => s.url));
}

function expectGoodUrls(urls: string[]): void {
  for (const url of urls) {
    expect(url).toMatch(/^\/.*\/$/);
    expect(encodeURI(url)).toBe(url);
  }
}

// Real files to shuffle: linux-6.12's testing/ (the corpus, or the tree the global setup fetched).
const realDir = join(corpusTree('6.12'), 'testing');
const realFiles = readdirSync(realDir, { withFileTypes: true }).filter((d) => d.isFile()).map((d) => join(realDir, d.name));

describe('the parser and renderer under fuzzing (seeded, bounded)', () => {
  it('survive 300 files of random bytes', () => {
    const next = random(1);
    for (let i = 0; i < 300; i++) {
      const bytes = Uint8Array.from({ length: Math.floor(next() * 4096) }, () => {
        // Bias towards bytes that matter to the format: tabs, newlines, colons, '<', ':'.
        const r = next();
        return r < 0.3 ? [9, 10, 13, 32, 58, 60, 62, 42, 47][Math.floor(next() * 9)]! : Math.floor(next() * 256);
      });
      expectGoodUrls(parseAndRender(decodeUtf8(bytes)));
    }
  });

  it('survive 300 line shuffles of real files', () => {
    const next = random(2);
    for (let i = 0; i < 300; i++) {
      const lines = readFileSync(realFiles[Math.floor(next() * realFiles.length)]!, 'utf8').split('\n');
      for (let j = lines.length - 1; j > 0; j--) {
        if (next() < 0.3) {
          const k = Math.floor(next() * (j + 1));
          [lines[j], lines[k]] = [lines[k]!, lines[j]!];
        }
      }
      expectGoodUrls(parseAndRender(lines.join(next() < 0.2 ? '\r\n' : '\n')));
    }
  });
});
