import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { needsCorpus } from './helpers/corpus.ts';
import { siteFiles } from './helpers/site-files.ts';

const siteDir = inject('siteDir');

/** The `<head>` of a page. */
const headOf = (html: string) => html.slice(html.indexOf('<head>'), html.indexOf('</head>'));
/** The content of `<meta property|name="key">`, or undefined. */
const meta = (head: string, key: string) => new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(head)?.[1];

describe(`hosting defaults of the linux-6.12 site, built without SITE ${needsCorpus}`, () => {
  const files = siteFiles(siteDir);
  const pages = files.filter((f) => f.endsWith('.html'));
  const read = (f: string) => readFileSync(join(siteDir, f), 'utf8');

  it('writes no absolute URL with a made-up host, and no sitemap (it would need one)', () => {
    const texts = files.filter((f) => /\.(html|xml|txt|json)$/.test(f) && !f.startsWith('pagefind/'));
    expect(texts.filter((f) => read(f).includes('.invalid'))).toEqual([]);
    expect(existsSync(join(siteDir, 'sitemap.xml'))).toBe(false);
    expect(read('robots.txt')).toBe('User-agent: *\nAllow: /\n');
  });

  it('links the favicon from every page, and has it', () => {
    expect(statSync(join(siteDir, 'favicon.svg')).size).toBeGreaterThan(100);
    expect(pages.length).toBeGreaterThan(7000);
    expect(pages.filter((p) => !headOf(read(p)).includes('<link rel="icon" href="/favicon.svg" type="image/svg+xml">'))).toEqual([]);
  });

  it('gives every page a one-line preview and a relative canonical link, and no og:url', () => {
    const bad: string[] = [];
    for (const page of pages) {
      const head = headOf(read(page));
      const canonical = /<link rel="canonical" href="([^"]*)"/.exec(head)?.[1];
      const problems = [
        !meta(head, 'og:title') && 'no og:title',
        !meta(head, 'og:description') && 'no og:description',
        meta(head, 'twitter:card') !== 'summary' && 'no twitter:card',
        meta(head, 'og:url') !== undefined && 'og:url without SITE',
        /[\n\r]/.test(meta(head, 'og:description') ?? '') && 'description on several lines',
        page !== '404.html' && !canonical?.startsWith('/') && `canonical ${canonical}`,
      ].filter(Boolean);
      if (problems.length) bad.push(`${page}: ${problems.join(', ')}`);
    }
    expect(bad.slice(0, 10)).toEqual([]);
    expect(headOf(read('404.html'))).not.toContain('rel="canonical"');
    expect(headOf(read('testing/index.html'))).toContain('<link rel="canonical" href="/testing/">');
  });

  it('announces the Atom feed of a history build on every page', () => {
    for (const page of ['index.html', 'sys/kernel/btf/vmlinux/index.html', 'changes/index.html']) {
      expect(headOf(read(page))).toContain('<link rel="alternate" type="application/atom+xml" title="Linux ABI changes 6.1 to 6.12" href="/changes/feed.xml">');
    }
    expect(read('changes/feed.xml')).toContain('<link rel="self" type="application/atom+xml" href="/changes/feed.xml"/>');
  });

  it('writes docs.kernel.org pages as files with their exact names', () => {
    for (const name of ['abi.html', 'abi-testing.html', 'abi-stable-files.html']) {
      expect(statSync(join(siteDir, 'admin-guide', name)).isFile(), name).toBe(true);
    }
    expect(files.filter((f) => /\.html\/index\.html$/.test(f))).toEqual([]);
  });
});
