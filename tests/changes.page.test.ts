import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { parseTree } from '../content-loader/index.ts';
import { corpusTree, levelsByUrl, needsCorpus } from './helpers/corpus.ts';

const siteDir = inject('siteDir');

/** The links inside `<section aria-labelledby="<id>">` of a page, as site URLs. */
function sectionLinks(html: string, id: string): Set<string> {
  const start = html.indexOf(`<section aria-labelledby="${id}"`);
  if (start < 0) return new Set();
  const section = html.slice(start, html.indexOf('</section>', start));
  return new Set([...section.matchAll(/href="([^"#]*)"/g)].map((m) => decodeURI(m[1]!)));
}

describe(`the /changes/6.1...6.12/ page ${needsCorpus}`, () => {
  const html = readFileSync(join(siteDir, 'changes/6.1...6.12/index.html'), 'utf8');
  const [old, now] = [levelsByUrl(parseTree(corpusTree('6.1'))), levelsByUrl(parseTree(corpusTree('6.12')))];

  it('lists exactly the symbols added and removed between the two parsed trees', () => {
    const added = [...now.keys()].filter((u) => !old.has(u));
    const removed = [...old.keys()].filter((u) => !now.has(u));
    expect(added.length).toBeGreaterThan(100);
    expect(removed.length).toBeGreaterThan(10);
    expect(sectionLinks(html, 'added')).toEqual(new Set(added));
    expect(sectionLinks(html, 'removed')).toEqual(new Set(removed));
  });

  it('lists exactly the symbols whose levels differ', () => {
    const moved = [...now.keys()].filter((u) => old.has(u) && old.get(u) !== now.get(u));
    expect(sectionLinks(html, 'moved')).toEqual(new Set(moved));
  });

  it('keeps a page for every removed symbol, marked as gone', () => {
    for (const url of sectionLinks(html, 'removed')) {
      const page = readFileSync(join(siteDir, url, 'index.html'), 'utf8');
      expect(page, url).toMatch(/last documented in <strong[^>]*>linux 6\.1<\/strong>/);
    }
  });

  it('feeds the changes as Atom', () => {
    expect(existsSync(join(siteDir, 'changes/feed.xml'))).toBe(true);
    const feed = readFileSync(join(siteDir, 'changes/feed.xml'), 'utf8');
    expect(feed).toMatch(/^<\?xml[^>]*>\s*<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
    expect((feed.match(/<entry>/g) ?? []).length).toBeGreaterThan(0);
  });
});
