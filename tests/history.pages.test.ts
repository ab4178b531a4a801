import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseTree } from '../content-loader/index.ts';
import { atomFeed, feedId } from '../content-loader/history/atom.ts';
import { xml } from '../content-loader/shared/xml.ts';
import { diffTrees, type TreeDiff } from '../content-loader/history/diff-trees.ts';
import { versionPairs } from '../content-loader/history/pairs.ts';
import { versionedDirs } from '../content-loader/tree-source/versioned-dirs.ts';
import { feedTime } from '../content-loader/history/feed-time.ts';
import { corpusTree, needsCorpus } from './helpers/corpus.ts';

const fixture = (p: string) => fileURLToPath(new URL(`./fixtures/history/basic/${p}`, import.meta.url));

/**
 * A small well-formedness check, enough for our generated XML: one
 * declaration, tags balanced and properly nested, attributes quoted, no
 * stray `<` or `&` in text.
 */
function checkXml(text: string): string[] {
  const errors: string[] = [];
  if (!text.startsWith('<?xml version="1.0" encoding="utf-8"?>\n')) errors.push('no XML declaration');
  const body = text.replace(/^<\?xml[^>]*\?>/, '');
  const stack: string[] = [];
  const token = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|<|&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/g;
  let roots = 0;
  for (const m of body.matchAll(token)) {
    if (!m[2]) {
      errors.push(`stray '${m[0]}' at ${m.index}`);
      continue;
    }
    if (m[1]) {
      if (stack.pop() !== m[2]) errors.push(`unbalanced </${m[2]}> at ${m.index}`);
    } else if (!m[4]) {
      if (stack.length === 0) roots++;
      stack.push(m[2]);
    }
  }
  if (stack.length) errors.push(`unclosed ${stack.join(', ')}`);
  if (roots !== 1) errors.push(`${roots} root elements`);
  return errors;
}

function feedFor(diff: TreeDiff, link = (path: string) => new URL('/abi' + path, 'https://example.org').href) {
  return atomFeed({ pair: versionPairs(['old', 'new'])[0]!, diff, link, updated: '2024-01-02T03:04:05Z' });
}

describe('Atom feed of a version pair', () => {
  const feed = feedFor(diffTrees(parseTree(fixture('old')), parseTree(fixture('new'))));

  it('is well-formed XML with the elements Atom requires', () => {
    expect(checkXml(feed)).toEqual([]);
    expect(feed).toMatch(/<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom">/);
    for (const el of ['title', 'id', 'updated', 'author']) expect(feed).toMatch(new RegExp(`^  <${el}>`, 'm'));
    const entries = [...feed.matchAll(/<entry>([\s\S]*?)<\/entry>/g)].map((m) => m[1]!);
    expect(entries.length).toBe(5);
    for (const e of entries) for (const el of ['<title>', '<id>', '<updated>', '<link rel="alternate"']) expect(e).toContain(el);
  });

  it('links under the base path, absolute when the origin is known, and has unique ids that no host changes', () => {
    expect(feed).toContain('<link rel="self" type="application/atom+xml" href="https://example.org/abi/changes/feed.xml"/>');
    expect(feed).toContain('href="https://example.org/abi/sys/foo/~n~/new/"');
    const ids = (text: string) => [...text.matchAll(/<id>([^<]*)<\/id>/g)].map((m) => m[1]!);
    expect(new Set(ids(feed)).size).toBe(ids(feed).length);
    for (const id of ids(feed)) expect(id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const relative = feedFor(diffTrees(parseTree(fixture('old')), parseTree(fixture('new'))), (path) => '/abi' + path);
    expect(relative).toContain('href="/abi/sys/foo/~n~/new/"');
    expect(relative).not.toMatch(/href="https?:/);
    expect(ids(relative)).toEqual(ids(feed));
  });

  it('makes ids as RFC 9562 name-based UUIDs in the URL namespace', () => {
    // python3 -c "import uuid; print(uuid.uuid5(uuid.NAMESPACE_URL, '/changes/6.1...6.12/'))"
    expect(feedId('/changes/6.1...6.12/')).toBe('urn:uuid:c884ea80-e2c9-56de-ac4d-00b7872b4d25');
  });

  it('escapes What strings and drops characters XML forbids', () => {
    expect(xml('<a href="x">&\u0001</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;');
    const hostile = feedFor({ added: [{ what: '/sys/<x>&"\u0007]]>', url: '/sys/~x~/', level: 'testing' }], removed: [], moved: [], changed: [] });
    expect(checkXml(hostile)).toEqual([]);
  });

  it('has a reproducible time stamp', () => {
    expect(feedTime(fixture('new'), { SOURCE_DATE_EPOCH: '1700000000' })).toBe('2023-11-14T22:13:20Z');
    expect(feedTime(fixture('new'), {})).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it(`is well-formed for linux-6.1...6.12 with one entry per change ${needsCorpus}`, () => {
    const diff = diffTrees(parseTree(corpusTree('6.1')), parseTree(corpusTree('6.12')));
    const big = feedFor(diff);
    expect(checkXml(big)).toEqual([]);
    expect(big.match(/<entry>/g)!.length).toBe(diff.added.length + diff.removed.length + diff.moved.length + diff.changed.length);
  });

  it(`ABI_DIRS lists the corpus trees oldest first ${needsCorpus}`, () => {
    const project = fileURLToPath(new URL('../', import.meta.url));
    // Given newest first and relative to the project, as a user may write them.
    const dirs = versionedDirs(project, { ABI_DIRS: `6.12=${relative(project, corpusTree('6.12'))},6.1=${relative(project, corpusTree('6.1'))}` });
    expect(dirs).toEqual([
      { version: '6.1', abiDir: corpusTree('6.1') },
      { version: '6.12', abiDir: corpusTree('6.12') },
    ]);
  });
});
