import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe as suite, expect, inject, it } from 'vitest';
import { parseTree } from '../content-loader/index.ts';
import { describe as describeText } from '../content-loader/describe/index.ts';
import { fileToUrl } from '../content-loader/parse/permalink.ts';
import { corpusTree, needsCorpus } from './helpers/corpus.ts';
import { wordList } from './helpers/words.ts';

const siteDir = inject('siteDir');

/** What the renderer gives to pages, checked where it lands in the built linux-6.12 site. */
suite(`rendered descriptions on the built linux-6.12 site ${needsCorpus}`, () => {
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

  it("shows the file's sections after an entry (title and text) on the file page between it and the next entry, not on the entry's own page", () => {
    const escaped = (text: string) => text.replace(/&/g, '&#38;').replace(/</g, '&#60;');
    const sectioned = entries().flatMap((entry, i, all) =>
      (entry.sectionsAfter ?? []).map((section) => ({ entry, section, next: all[i + 1]?.file === entry.file ? all[i + 1] : undefined })),
    );
    expect(sectioned.filter(({ section }) => section.text).length).toBeGreaterThan(0);
    for (const { entry, section, next } of sectioned) {
      const where = `${entry.file}:${section.line}: ${section.title}`;
      const html = page(fileToUrl(entry.file));
      const at = html.indexOf(`<h2 class="section-title">${escaped(section.title)}</h2>`);
      const end = next ? html.indexOf(`id="${next.anchor}"`) : html.length;
      expect(at, where).toBeGreaterThan(html.indexOf(`id="${entry.anchor}"`));
      expect(at, where).toBeLessThan(end);
      // Every word of its text, in order, between its title and the next entry.
      const shown = html.slice(at, end).replace(/<[^>]*>/g, ' ').replace(/&#x([0-9a-f]+);|&#(\d+);/gi, (_, hex?: string, dec?: string) => String.fromCodePoint(hex ? parseInt(hex, 16) : Number(dec)));
      expect(wordList(shown).join(' '), where).toContain(wordList(section.text).join(' '));
      expect(page(entry.symbols[0]!.url), where).not.toContain(escaped(section.title));
    }
  });

  it('shows a .. note:: as an admonition on the interface page', () => {
    const led = entries().find((e) => e.symbols.some((s) => s.what === '/sys/class/leds/<led>/brightness'))!;
    expect(page(led.symbols[0]!.url)).toMatch(/<div class="admonition note">\s*<p class="admonition-title">Note<\/p>/);
  });
});
