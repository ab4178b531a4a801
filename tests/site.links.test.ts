import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { needsCorpus } from './helpers/corpus.ts';
import { siteFiles } from './helpers/site-files.ts';

const siteDir = inject('siteDir');

const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');

describe.skipIf(!siteDir)(`links in the built linux-6.12 site ${needsCorpus}`, () => {
  it('every internal href and src resolves, anchors included', () => {
    const pages = siteFiles(siteDir).filter((f) => f.endsWith('.html'));
    const ids = new Map<string, Set<string>>();
    const idsOf = (file: string) => {
      let set = ids.get(file);
      if (!set) {
        set = new Set([...readFileSync(join(siteDir, file), 'utf8').matchAll(/\sid="([^"]*)"/g)].map((m) => decode(m[1]!)));
        ids.set(file, set);
      }
      return set;
    };
    const broken: string[] = [];
    let checked = 0;
    for (const page of pages) {
      const html = readFileSync(join(siteDir, page), 'utf8');
      const pageUrl = new URL('/' + page.replace(/index\.html$/, ''), 'http://site.invalid');
      for (const m of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
        const url = new URL(decode(m[1]!), pageUrl);
        if (url.origin !== pageUrl.origin) continue;
        checked++;
        const path = decodeURI(url.pathname);
        const file = path.endsWith('/') ? `${path.slice(1)}index.html` : path.slice(1);
        if (!existsSync(join(siteDir, file))) {
          broken.push(`${page}: ${m[1]}`);
          continue;
        }
        const anchor = decodeURIComponent(url.hash.slice(1));
        if (anchor && file.endsWith('.html') && !idsOf(file).has(anchor)) broken.push(`${page}: ${m[1]} (no #${anchor})`);
      }
    }
    expect(checked).toBeGreaterThan(50_000);
    expect(broken.slice(0, 20)).toEqual([]);
  });
});
