import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { parseTree } from '../content-loader/index.ts';
import { buildSiteModel } from '../content-loader/site/site-model.ts';
import { versionPageUrls } from '../content-loader/site/version-pages.ts';
import { diffTrees } from '../content-loader/history/diff-trees.ts';
import { pinnedUrl } from '../content-loader/site/pinned.ts';
import type { AbiTree } from '../content-loader/types.ts';
import { corpusTree, needsCorpus } from './helpers/corpus.ts';
import { countOf, wordCounts, wordsLacking } from './helpers/words.ts';

const siteDir = inject('siteDir');

/** The text a reader sees in a page's <main>: tags dropped, entities read. */
function mainText(html: string): string {
  const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
  return main
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/g, ' ')
    .replace(/<wbr>/g, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

/** Every `<a>` of a page: its href and whether it is marked as a link to the newest page. */
function anchors(html: string): { href: string; latest: boolean }[] {
  return [...html.matchAll(/<a\s([^>]*)>/g)].flatMap((m) => {
    const href = /(?:^|\s)href="([^"]*)"/.exec(m[1]!)?.[1];
    return href === undefined ? [] : [{ href, latest: /(?:^|\s)data-latest(?:[\s=]|$)/.test(m[1]!) }];
  });
}

const canonicalOf = (html: string) => /<link rel="canonical" href="([^"]*)"/.exec(html)?.[1];

describe(`pinned pages of the linux-6.12 site with history from 6.1 ${needsCorpus}`, () => {
  const trees: Record<string, AbiTree> = { '6.1': parseTree(corpusTree('6.1')), '6.12': parseTree(corpusTree('6.12')) };
  const pages = Object.fromEntries(Object.entries(trees).map(([v, t]) => [v, versionPageUrls(t.files, buildSiteModel(t.entries))]));
  const read = (url: string) => readFileSync(join(siteDir, decodeURI(url), 'index.html'), 'utf8');
  const diff = diffTrees(trees['6.1']!, trees['6.12']!);

  it('gives every page of each version its /v<version>/ page: home, levels, files, every symbol and folder', () => {
    for (const [version, urls] of Object.entries(pages)) {
      const symbols = new Set(trees[version]!.entries.flatMap((e) => e.symbols.map((s) => s.url)));
      expect(symbols.size).toBeGreaterThan(5000);
      expect(urls.length).toBeGreaterThan(symbols.size);
      const missing = urls.filter((u) => !existsSync(join(siteDir, decodeURI(pinnedUrl(version, u)), 'index.html')));
      expect(missing.slice(0, 10), `linux ${version}`).toEqual([]);
    }
  });

  it('keeps the newest at the bare permalink, and both its pages say the same', () => {
    for (const url of ['/sys/kernel/btf/vmlinux/', '/testing/sysfs-kernel-btf/', '/stable/', '/']) {
      expect(mainText(read(pinnedUrl('6.12', url)))).toBe(mainText(read(url)));
    }
  });

  it("shows each version's own words where the description changed", () => {
    expect(diff.changed.length).toBeGreaterThan(50);
    const text = (tree: AbiTree, url: string) => tree.entries.filter((e) => e.symbols.some((s) => s.url === url)).map((e) => e.description ?? '').join('\n');
    let checked = 0;
    for (const { url } of diff.changed) {
      const [old, now] = [wordCounts(text(trees['6.1']!, url)), wordCounts(text(trees['6.12']!, url))];
      const onlyOld = wordsLacking(old, now);
      const onlyNew = wordsLacking(now, old);
      const [oldPage, newPage, barePage] = [pinnedUrl('6.1', url), pinnedUrl('6.12', url), url].map((u) => wordCounts(mainText(read(u))));
      // Every word the version's description has more of than the other version's is on its page.
      expect(wordsLacking(countOf(onlyOld), oldPage!), url).toEqual([]);
      expect(wordsLacking(countOf(onlyNew), newPage!), url).toEqual([]);
      expect(wordsLacking(countOf(onlyNew), barePage!), url).toEqual([]);
      checked += onlyOld.length + onlyNew.length;
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('points search engines at the newest page, or at the last version that had a gone interface', () => {
    expect(canonicalOf(read(pinnedUrl('6.1', '/sys/kernel/btf/vmlinux/')))).toBe('/sys/kernel/btf/vmlinux/');
    expect(canonicalOf(read(pinnedUrl('6.12', '/sys/kernel/btf/vmlinux/')))).toBe('/sys/kernel/btf/vmlinux/');
    expect(diff.removed.length).toBeGreaterThan(10);
    for (const { url } of diff.removed) {
      expect(canonicalOf(read(url)), url).toBe(pinnedUrl('6.1', url));
      expect(canonicalOf(read(pinnedUrl('6.1', url))), url).toBe(pinnedUrl('6.1', url));
    }
  });

  it("keeps a reader inside the version: every link into a version's pages goes to that version's, unless it names the newest", () => {
    for (const version of ['6.1', '6.12']) {
      const own = new Set(pages[version]);
      const strays: string[] = [];
      for (const url of pages[version]!) {
        for (const a of anchors(read(pinnedUrl(version, url)))) {
          const path = a.href.replace(/[?#].*$/, '');
          if (!a.latest && own.has(path)) strays.push(`${pinnedUrl(version, url)}: ${a.href}`);
        }
      }
      expect(strays.slice(0, 10), `linux ${version}`).toEqual([]);
    }
  });

  it('has a version switcher on every interface page, marking the versions without it', () => {
    const added = diff.added.find((s) => s.url.startsWith('/sys/'))!;
    const bare = read(added.url);
    expect(bare).toMatch(/<span class="absent"[^>]*>linux 6\.1 /);
    expect(bare).toMatch(/<span aria-current="page"[^>]*>linux 6\.12<\/span>/);
    const gone = diff.removed.find((s) => s.url.startsWith('/sys/'))!;
    expect(read(gone.url)).toMatch(/<span class="absent"[^>]*>linux 6\.12 /);
    expect(anchors(read(gone.url))).toContainEqual({ href: pinnedUrl('6.1', gone.url), latest: false });
  });

  it('says on an older page what changed since, with links to the newest page and the diff', () => {
    const moved = diff.moved[0]!;
    const html = read(pinnedUrl('6.1', moved.url));
    expect(mainText(html)).toContain(`level ${moved.from} → ${moved.to}`);
    expect(anchors(html)).toContainEqual({ href: moved.url, latest: true });
    expect(anchors(html)).toContainEqual({ href: '/changes/6.1...6.12/', latest: false });
    const changed = diff.changed.find((c) => !diff.moved.some((m) => m.url === c.url))!;
    expect(mainText(read(pinnedUrl('6.1', changed.url)))).toContain('description changed in linux 6.12');
    const same = '/sys/kernel/btf/vmlinux/';
    expect(mainText(read(pinnedUrl('6.1', same)))).toContain('The newest, linux 6.12, says the same');
    const gone = diff.removed.find((s) => s.url.startsWith('/sys/'))!;
    expect(mainText(read(pinnedUrl('6.1', gone.url)))).toContain('This interface is gone: linux 6.1 was the last to document it');
  });

  it('offers the permanent link of this version and of the latest, each with its own copy button', () => {
    const html = read('/sys/kernel/btf/vmlinux/');
    expect(html).toMatch(/<a href="\/sys\/kernel\/btf\/vmlinux\/" data-copy="the latest" data-latest>/);
    expect(html).toMatch(/<a href="\/v6\.12\/sys\/kernel\/btf\/vmlinux\/" data-copy="linux 6\.12">/);
    expect(read(pinnedUrl('6.1', '/sys/kernel/btf/vmlinux/'))).toMatch(/<a href="\/v6\.1\/sys\/kernel\/btf\/vmlinux\/" data-copy="linux 6\.1">/);
  });

  it("sends kernel.org's versioned doc anchors to that version's entry, and unversioned ones to the newest page", () => {
    const entry = trees['6.1']!.entries.find((e) => e.level === 'testing' && e.symbols[0]!.url === '/sys/kernel/btf/vmlinux/')!;
    const targets = new Map<string, Map<string, string>>();
    const anchorTarget = (file: string, anchor: string) => {
      if (!targets.has(file)) targets.set(file, new Map([...readFileSync(join(siteDir, file), 'utf8').matchAll(/<li id="([^"]*)">(?:<span id="[^"]*">)?<a href="([^"]*)"/g)].map((m) => [m[1]!, m[2]!])));
      return targets.get(file)!.get(anchor);
    };
    expect(anchorTarget('doc/html/v6.1/admin-guide/abi-testing.html', entry.anchor)).toBe('/v6.1/sys/kernel/btf/vmlinux/');
    expect(anchorTarget('doc/html/v6.12/admin-guide/abi-testing.html', entry.anchor)).toBe('/v6.12/sys/kernel/btf/vmlinux/');
    expect(anchorTarget('doc/html/latest/admin-guide/abi-testing.html', entry.anchor)).toBe('/sys/kernel/btf/vmlinux/');
    expect(anchorTarget('admin-guide/abi-testing.html', entry.anchor)).toBe('/sys/kernel/btf/vmlinux/');
    // Every 6.1 entry's anchor is on 6.1's page for its level, leading to its 6.1 page.
    for (const e of trees['6.1']!.entries) {
      expect(anchorTarget(`doc/html/v6.1/admin-guide/abi-${e.level}.html`, e.anchor), e.anchor).toBe(pinnedUrl('6.1', e.symbols[0]!.url));
    }
    // An anchor 6.1 had on a level's page and 6.12 does not (the entry moved to another level, or is
    // gone) is still on the unversioned page of that level, leading to the interface's page here.
    const newer = new Set(trees['6.12']!.entries.map((e) => `${e.level} ${e.anchor}`));
    const stale = trees['6.1']!.entries.filter((e) => !newer.has(`${e.level} ${e.anchor}`));
    expect(stale.length).toBeGreaterThan(10);
    for (const e of stale) expect(anchorTarget(`admin-guide/abi-${e.level}.html`, e.anchor), e.anchor).toBe(e.symbols[0]!.url);
    expect(existsSync(join(siteDir, 'doc/html/v6.1/admin-guide/abi.html'))).toBe(true);
  });
});

