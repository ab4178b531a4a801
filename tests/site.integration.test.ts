import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, inject, it } from 'vitest';
import { parseTree } from '../content-loader/index.ts';
import { fileToUrl } from '../content-loader/parse/permalink.ts';
import { LEVELS } from '../content-loader/types.ts';
import { corpusTree, needsCorpus } from './helpers/corpus.ts';
import { siteFiles } from './helpers/site-files.ts';

const siteDir = inject('siteDir');

describe(`the built linux-6.12 site ${needsCorpus}`, () => {
  const page = (url: string) => join(siteDir, decodeURI(url), 'index.html');

  it('writes abi.json with the same tree as abi-atlas parse', () => {
    const json = JSON.parse(readFileSync(join(siteDir, 'abi.json'), 'utf8'));
    const { readme: _readme, ...tree } = JSON.parse(JSON.stringify(parseTree(corpusTree('6.12'))));
    expect(json).toEqual(tree);
  });

  it('has a page at the URL of every symbol in abi.json', () => {
    const json = JSON.parse(readFileSync(join(siteDir, 'abi.json'), 'utf8'));
    const urls = new Set<string>(json.entries.flatMap((e: { symbols: { url: string }[] }) => e.symbols.map((s) => s.url)));
    expect(urls.size).toBeGreaterThan(0);
    const missing = [...urls].filter((u) => !existsSync(page(u)));
    expect(missing).toEqual([]);
  });

  it('shows the per-level counts of the parse on the home page', () => {
    const html = readFileSync(join(siteDir, 'index.html'), 'utf8');
    const { entries: parsed } = parseTree(corpusTree('6.12'));
    for (const level of LEVELS) {
      const entries = parsed.filter((e) => e.level === level).length;
      expect(html).toMatch(new RegExp(`>${level}</span>(</a>)?</th><td class="num">\\d+</td><td class="num">${entries}</td>`));
    }
  });

  it('answers to the ids get_abi.pl gave entries (docs.kernel.org in 6.x) on the level stand-in page and the file page, each id once', () => {
    const entries = parseTree(corpusTree('6.12')).entries;
    const older = entries.filter((e) => e.perlAnchor !== undefined);
    expect(older.length).toBeGreaterThan(0);
    const ids = (html: string, id: string) => html.split(`id="${id}"`).length - 1;
    for (const entry of older) {
      const id = entry.perlAnchor!;
      const standIn = readFileSync(join(siteDir, `admin-guide/abi-${entry.level}.html`), 'utf8');
      expect(ids(standIn, id), id).toBe(1);
      expect(standIn, id).toContain(`<li id="${entry.anchor}"><span id="${id}"><a href="${entry.symbols[0]!.url}">`);
      const filePage = readFileSync(page(fileToUrl(entry.file)), 'utf8');
      const next = entries[entries.indexOf(entry) + 1];
      expect(ids(filePage, id), id).toBe(1);
      expect(filePage.indexOf(`id="${id}"`), id).toBeGreaterThan(filePage.indexOf(`id="${entry.anchor}"`));
      if (next?.file === entry.file) expect(filePage.indexOf(`id="${id}"`), id).toBeLessThan(filePage.indexOf(`id="${next.anchor}"`));
    }
  });

  it('has a page per file and per level', () => {
    expect(existsSync(page('/testing/sysfs-kernel-btf/'))).toBe(true);
    for (const level of ['stable', 'testing', 'obsolete', 'removed']) expect(existsSync(page(`/${level}/`))).toBe(true);
  });
});

describe(`the text of the built linux-6.12 site ${needsCorpus}`, () => {
  const html = (url: string) => readFileSync(join(siteDir, decodeURI(url), url.endsWith('.html') ? '' : 'index.html'), 'utf8');

  it('gives every page a meta description of one line, at most 160 characters and whole words', () => {
    const bad: string[] = [];
    let symbolPages = 0;
    for (const file of siteFiles(siteDir).filter((f) => f.endsWith('.html'))) {
      const page = readFileSync(join(siteDir, file), 'utf8');
      const content = metaDescription(page);
      if (content === undefined) bad.push(`${file}: none`);
      else if (/[\n\r\t]/.test(content) || content.length > 161 || content !== content.trim()) bad.push(`${file}: ${JSON.stringify(content)}`);
      if (page.includes('data-pagefind-body')) symbolPages++;
    }
    expect(symbolPages).toBeGreaterThan(5000);
    expect(bad.slice(0, 10)).toEqual([]);
    expect(metaDescription(html('/sys/class/net/~iface~/mtu/'))).toBe(
      'Indicates the interface currently configured MTU value, in bytes, and in decimal format.',
    );
  });

  it.each([
    '/', '/stable/', '/testing/', '/obsolete/', '/removed/', '/~/', '/health/', '/changes/', '/404.html',
    '/admin-guide/abi-testing.html', '/admin-guide/abi-stable-files.html', '/admin-guide/abi.html', '/v6.1/sys/kernel/btf/vmlinux/', '/testing/sysfs-bus-iio/', '/sys/class/net/~iface~/',
    '/sys/bus/iio/devices/iio:deviceX/', '/sys/class/net/~iface~/mtu/', '/sys/bus/iio/devices/iio:deviceX/in_accel_x_raw/',
  ])('runs no word into a link or code on %s (Astro drops a line break next to a tag)', (url) => {
    expect(gluedText(fromHtml(html(url)))).toEqual([]);
  });
});

/** The page's meta description, its character references decoded. */
function metaDescription(page: string): string | undefined {
  const content = /<meta name="description" content="([^"]*)"/.exec(page)?.[1];
  const named: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" };
  return content?.replace(/&(?:#(\d+)|#x([0-9a-f]+)|(\w+));/gi, (m, dec, hex, name) =>
    dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : (named[name] ?? m),
  );
}

const INLINE = new Set(['a', 'code', 'strong', 'em', 'kbd']);

/**
 * Places outside descriptions and literal text where a word runs into an
 * inline element, or out of one ("at<a>testing</a>", "configfs,<code>/dev"),
 * as the text around them.
 */
function gluedText(tree: Root): string[] {
  const found: string[] = [];
  const text = (n: ElementContent): string => (n.type === 'text' ? n.value : n.type === 'element' ? n.children.map(text).join('') : '');
  const visit = (children: ElementContent[]) => {
    children.forEach((node, i) => {
      if (node.type !== 'element') return;
      const classes = String((node as Element).properties.className ?? '');
      if (node.tagName === 'pre' || node.tagName === 'script' || /\bdescription\b/.test(classes)) return;
      if (INLINE.has(node.tagName)) {
        const before = children[i - 1];
        const after = children[i + 1];
        const inner = text(node);
        if (before?.type === 'text' && /[\p{L}\p{N},.:]$/u.test(before.value) && /^[\p{L}\p{N}/]/u.test(inner)) found.push(`${before.value.slice(-20)}<${node.tagName}>${inner.slice(0, 20)}`);
        if (after?.type === 'text' && /[\p{L}\p{N}]$/u.test(inner) && /^[\p{L}\p{N}(]/u.test(after.value)) found.push(`${inner.slice(-20)}</${node.tagName}>${after.value.slice(0, 20)}`);
      }
      visit(node.children);
    });
  };
  visit(tree.children as ElementContent[]);
  return found;
}
