import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTree } from '../content-loader/index.ts';
import {
  FEW_HITS,
  fullTextOf,
  fullTextQuery,
  loadSearchIndex,
  matchLocal,
  parseQuery,
  prepareLocalSearch,
  rankResults,
  relaxedQueries,
  searchFullText,
  symbolIdMap,
  SYMBOL_IDS_FILE,
  type PagefindHit,
  type SearchIndexData,
  type SymbolIds,
} from '../content-loader/search/index.ts';
import { withPagefind } from '../integrations/pagefind-symbol-ids.ts';
import { METADATA_WEIGHTS } from '../src/lib/search/data.ts';
import { hasChromium, launchChromium, needsChromium } from './helpers/browser.ts';
import { corpusTree, needsCorpus } from './helpers/corpus.ts';
import { answerUrl, readRelevanceSet, runRelevanceSet, scoreRelevance } from './helpers/relevance.ts';
import { serveStatic, type StaticServer } from './helpers/serve.ts';

const siteDir = inject('siteDir');
const queries = readRelevanceSet();

describe('the relevance set', () => {
  it('has at least 80 queries, each with an answer', () => {
    expect(queries.length).toBeGreaterThanOrEqual(80);
    expect(new Set(queries.map((q) => q.query)).size).toBe(queries.length);
    for (const q of queries) expect(q.answers.length, q.query).toBeGreaterThan(0);
  });
});

describe(`the relevance set on linux-6.12 ${needsCorpus}`, () => {
  it('names only Whats and files linux-6.12 documents', () => {
    const tree = parseTree(corpusTree('6.12'));
    const urls = new Set([...tree.entries.flatMap((e) => e.symbols.map((s) => s.url)), ...tree.files.map((f) => answerUrl(`file:${f.path}`))]);
    for (const q of queries) for (const a of q.answers) expect(urls, `${q.query}: ${a}`).toContain(answerUrl(a));
  });
});

describe('relaxed full-text queries', () => {
  it('leave each word out once, for two to four words', () => {
    expect(relaxedQueries('rfkill soft block')).toEqual(['soft block', 'rfkill block', 'rfkill soft']);
    expect(relaxedQueries('suspend ram')).toEqual(['ram', 'suspend']);
    expect(relaxedQueries('mtu')).toEqual([]);
    expect(relaxedQueries('a b c d e')).toEqual([]);
  });
});

describe(`the full text of the built linux-6.12 site, a word left out ${needsCorpus}`, () => {
  const local = prepareLocalSearch(loadSearchIndex(JSON.parse(readFileSync(join(siteDir, 'search/index.json'), 'utf8')) as SearchIndexData));
  const ids = symbolIdMap(JSON.parse(readFileSync(join(siteDir, 'pagefind', SYMBOL_IDS_FILE), 'utf8')) as SymbolIds);

  // Pagefind's own script over the built bundle, with the site's weights: the engine's full-text stage without the browser.
  it('finds a page that has all but one word in its text and that one in its path, and ranks it by the words it has', async () => {
    await withPagefind(
      join(siteDir, 'pagefind'),
      async (pagefind) => {
        const search = async (words: string) => ((await pagefind.search(words))?.results ?? []) as unknown as PagefindHit[];
        const top = async (text: string, relaxed: boolean) => {
          const query = parseQuery(text);
          const words = fullTextQuery(query);
          const fullText = relaxed ? (await searchFullText(search, ids, query)).fullText : fullTextOf(await search(words), ids, words.split(' ').length);
          return rankResults(local, query, matchLocal(local, query), fullText).map((r) => r.title);
        };
        // `power/control` says "run-time power management"; Pagefind alone cannot have "runtime", "pm" (`power`) and "control" on one page.
        const control = '/sys/devices/.../power/control';
        const whole = (await search('runtime pm control')).length;
        expect(whole).toBeLessThan(FEW_HITS);
        expect((await top('runtime pm control', false)).indexOf(control)).toBeGreaterThan(0);
        expect((await top('runtime pm control', true))[0]).toBe(control);
        // No whole-query hit at all: the name that abbreviates "length" still covers it against pages with two of the words in their text.
        expect(await search('tx queue length')).toHaveLength(0);
        expect((await top('tx queue length', true))[0]).toBe('/sys/class/net/<iface>/tx_queue_len');
        // Enough whole-query hits: nothing is searched again.
        const many = await searchFullText(search, ids, parseQuery('link speed'));
        expect(many.fullText.partial).toBeUndefined();
        expect(many.fullText.scores.size).toBeGreaterThanOrEqual(FEW_HITS);
      },
      { ranking: { metaWeights: METADATA_WEIGHTS } },
    );
  }, 120_000);
});

describe.skipIf(!hasChromium)(`search relevance through the search page ${needsChromium} ${needsCorpus}`, () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    server = await serveStatic(siteDir);
    browser = await launchChromium();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  // Issue 13's targets, which the ranking reaches (BENCHMARKS.md): a change that loses ground fails.
  it('puts an answer first for at least 90 % of the queries and in the first five for 98 %', async () => {
    const outcomes = await runRelevanceSet(page, server.origin, queries);
    const scores = scoreRelevance(outcomes);
    const misses = outcomes.filter((o) => o.rank !== 1).map((o) => `${o.rank || '-'}\t${o.query}\t-> ${o.top.slice(0, 3).join(' | ')}`);
    console.log(`relevance: top-1 ${(scores.top1 * 100).toFixed(1)} %, top-5 ${(scores.top5 * 100).toFixed(1)} %, MRR ${scores.mrr.toFixed(3)} over ${scores.queries} queries\n${misses.join('\n')}`);
    expect(scores.top1).toBeGreaterThanOrEqual(0.9);
    expect(scores.top5).toBeGreaterThanOrEqual(0.98);
  }, 600_000);
});
