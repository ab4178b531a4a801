// The search relevance set (tests/fixtures/search/relevance.tsv), run through
// the real search page in Chromium: used by tests/search.relevance.test.ts
// and by `npm run bench`.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { normalizeWhat, fileToUrl, whatToUrl } from '../../content-loader/parse/permalink.ts';

export const RELEVANCE_SET = new URL('../fixtures/search/relevance.tsv', import.meta.url);

export interface RelevanceQuery {
  query: string;
  source: string;
  /** What strings, or `file:<level>/<name>` for a file page. */
  answers: string[];
}

/** The queries of the set; a line is `query<TAB>source<TAB>answer<TAB>answer...`, `#` starts a comment. */
export function readRelevanceSet(path: URL = RELEVANCE_SET): RelevanceQuery[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => {
      const [query = '', source = '', ...answers] = line.split('\t');
      return { query, source, answers };
    });
}

/** The site-relative URL of an answer. */
export function answerUrl(answer: string): string {
  return answer.startsWith('file:') ? fileToUrl(answer.slice(5)) : whatToUrl(normalizeWhat(answer));
}

export interface RelevanceOutcome extends RelevanceQuery {
  /** 1-based rank of the first answer among the results, 0 when none of the first `depth` is one. */
  rank: number;
  /** Titles of the first results, for reading a miss. */
  top: string[];
}

export interface RelevanceScores {
  queries: number;
  /** Shares, 0..1. */
  top1: number;
  top5: number;
  /** Mean reciprocal rank over the first `depth` results. */
  mrr: number;
}

/**
 * Types each query into the search page's box (opened at `origin`/search/)
 * and reads the ranked list once every back end has answered.
 */
export async function runRelevanceSet(page: Page, origin: string, queries: readonly RelevanceQuery[], depth = 20): Promise<RelevanceOutcome[]> {
  await page.goto(`${origin}/search/`);
  const box = page.locator('#search-page');
  const input = box.locator('input[name=q]');
  const outcomes: RelevanceOutcome[] = [];
  for (const q of queries) {
    await input.fill(q.query);
    await page.waitForFunction(
      (text) => {
        const root = document.getElementById('search-page');
        const list = root?.querySelector<HTMLElement>('[role=listbox]');
        return root?.dataset.complete === 'true' && list?.dataset.query === text;
      },
      q.query.trim(),
      { timeout: 30_000 },
    );
    const found = await box.locator('[role=option]').evaluateAll((options, n) => options.slice(0, n).map((o) => [new URL((o as HTMLAnchorElement).href).pathname, o.querySelector('code')?.textContent ?? '']), depth);
    const want = new Set(q.answers.map(answerUrl));
    const index = found.findIndex(([url]) => want.has(decodeURI(url!)) || want.has(url!));
    outcomes.push({ ...q, rank: index + 1, top: found.slice(0, 5).map(([, title]) => title!) });
  }
  return outcomes;
}

export function scoreRelevance(outcomes: readonly RelevanceOutcome[]): RelevanceScores {
  const n = outcomes.length;
  const share = (ok: (o: RelevanceOutcome) => boolean) => outcomes.filter(ok).length / n;
  return {
    queries: n,
    top1: share((o) => o.rank === 1),
    top5: share((o) => o.rank >= 1 && o.rank <= 5),
    mrr: outcomes.reduce((sum, o) => sum + (o.rank > 0 ? 1 / o.rank : 0), 0) / n,
  };
}
