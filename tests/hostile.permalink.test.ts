import { describe, expect, it } from 'vitest';
import { MAX_SEGMENT, MAX_URL, permalink, whatToUrl } from '../content-loader/parse/permalink.ts';
import { parseTree } from '../content-loader/index.ts';
import { corpusTree, needsCorpus } from './helpers/corpus.ts';

const NAME_MAX = 255;
const fitsOnDisk = (url: string) => url.length <= MAX_URL && url.split('/').every((s) => Buffer.byteLength(s) <= MAX_SEGMENT && Buffer.byteLength(s) < NAME_MAX);

describe('permalinks of Whats too long for a file system', () => {
  const long = ['x'.repeat(260), 'é'.repeat(100), '<'.repeat(200), '*'.repeat(300), ' '.repeat(100) + 'a', `${'a'.repeat(158)}~x`];
  it.each(long.map((s) => [s.slice(0, 12), s]))('a segment like %s... fits in a folder name, and the What is reported as shortened', (_, segment) => {
    const { url, shortened } = permalink(`/sys/long/${segment}/attr`);
    expect(shortened).toBe(true);
    expect(fitsOnDisk(url)).toBe(true);
    // An unpaired `<` already gets the hash of the whole What at the end (permalink.ts).
    expect(url).toMatch(/^\/sys\/long\/[^/]+![0-9a-f]{8}\/attr(![0-9a-f]{8})?\/$/);
    expect(encodeURI(url)).toBe(url);
  });

  it('keeps a shortened segment the same under every path that shares it (path-tree pages line up)', () => {
    const segment = 'p'.repeat(300);
    const parent = whatToUrl(`/sys/${segment}`);
    expect(whatToUrl(`/sys/${segment}/child`)).toBe(`${parent}child/`);
  });

  it('gives distinct URLs to segments that differ only past the cut', () => {
    const urls = new Set(Array.from({ length: 2000 }, (_, i) => whatToUrl(`/sys/many/${'m'.repeat(300)}${i}`)));
    expect(urls.size).toBe(2000);
  });

  it('cuts a URL longer than MAX_URL after the segments that fit and hashes the rest, distinctly', () => {
    const deep = (tail: string) => '/sys/' + Array.from({ length: 40 }, (_, i) => `s${i}` + 'q'.repeat(120)).join('/') + tail;
    const a = permalink(deep('/a'));
    const b = permalink(deep('/b'));
    expect(a.shortened).toBe(true);
    expect(fitsOnDisk(a.url)).toBe(true);
    expect(a.url).toMatch(/\/![0-9a-f]{8}\/$/);
    expect(a.url).not.toBe(b.url);
    expect(a.url.startsWith('/sys/s0' + 'q'.repeat(120) + '/s1')).toBe(true);
  });

  it('is a pure function of the What: the same input, the same URL', () => {
    const what = '/sys/' + 'r'.repeat(500);
    expect(whatToUrl(what)).toBe(whatToUrl(what));
    expect(whatToUrl(what)).toBe(`/sys/${'r'.repeat(MAX_SEGMENT - 9)}!${whatToUrl(what).slice(-9, -1)}/`);
  });

  it('leaves URLs that fit exactly as they were', () => {
    const edge = '/sys/' + 'e'.repeat(MAX_SEGMENT);
    expect(permalink(edge)).toEqual({ url: `${edge}/`, shortened: false });
  });
});

for (const version of ['6.1', '6.12']) {
  describe(`permalinks over linux-${version} ${needsCorpus}`, () => {
    it('need no shortening: every existing URL stays as it was', () => {
      const tree = parseTree(corpusTree(version));
      expect(tree.warnings.filter((w) => w.kind === 'long-permalink')).toEqual([]);
      for (const e of tree.entries) for (const s of e.symbols) expect(permalink(s.what).shortened).toBe(false);
    });
  });
}
