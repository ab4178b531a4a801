import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe as suite, expect, inject, it } from 'vitest';
import { parseTree } from '../content-loader/index.ts';
import { describe as describeText } from '../content-loader/describe/index.ts';
import { fileToUrl } from '../content-loader/parse/permalink.ts';
import { corpusTree, needsCorpus } from './helpers/corpus.ts';

const siteDir = inject('siteDir');

/** What the renderer gives to pages, checked where it lands in the built linux-6.12 site. */
suite.skipIf(!siteDir)(`rendered descriptions on the built linux-6.12 site ${needsCorpus}`, () => {
  const pages = new Map<string, string>();
  const page = (url: string) => {
    if (!pages.has(url)) pages.set(url, readFileSync(join(siteDir, decodeURI(url), 'index.html'), 'utf8'));
    return pages.get(url)!;
  };
  const entries = () => parseTree(corpusTree('6.12')).entries;

  it('shows each closing section title on the file page, right after its entry and before the next one', () => {
    const titled = entries().flatMap((entry, i, all) => {
      const title = entry.description === undefined ? undefined : describeText(entry.description).sectionTitle;
      return title === undefined ? [] : [{ entry, title, next: all[i + 1]?.file === entry.file ? all[i + 1] : undefined }];
    });
    expect(titled.length).toBeGreaterThan(0);
    for (const { entry, title, next } of titled) {
      const html = page(fileToUrl(entry.file));
      const escaped = title.replace(/&/g, '&#38;').replace(/</g, '&#60;');
      const at = html.indexOf(`<h2 class="section-title">${escaped}</h2>`);
      expect(at, `${entry.file}:${entry.line}: ${title}`).toBeGreaterThan(html.indexOf(`id="${entry.anchor}"`));
      if (next) expect(at, `${entry.file}:${entry.line}: ${title}`).toBeLessThan(html.indexOf(`id="${next.anchor}"`));
      // Not in the entry's own description any more.
      expect(page(entry.symbols[0]!.url)).not.toContain(`<h4>${escaped}</h4>`);
    }
  });

  it('shows a .. note:: as an admonition on the interface page', () => {
    const led = entries().find((e) => e.symbols.some((s) => s.what === '/sys/class/leds/<led>/brightness'))!;
    expect(page(led.symbols[0]!.url)).toMatch(/<div class="admonition note">\s*<p class="admonition-title">Note<\/p>/);
  });
});
