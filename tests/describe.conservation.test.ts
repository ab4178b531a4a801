import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe as suite, expect, it } from 'vitest';
import { parseTree } from '../content-loader/index.ts';
import { describe as describeText } from '../content-loader/describe/index.ts';
import { wordCounts, wordsLacking } from './helpers/words.ts';

const corpus = fileURLToPath(new URL('../../shared/corpus', import.meta.url));

/**
 * ReST markup that is not text, so not expected in the output: the name of
 * a role (`:ref:`), the target of a titled role or link (`text <target>`),
 * hyperlink target lines (`.. _name:`), and list enumerators ("1)", "b.",
 * "(iv)"), which <ol start type> shows as numbering instead of text.
 */
function withoutMarkup(source: string): string {
  return source
    .replace(/^( *)\(?(\d{1,3}|[a-zA-Z]|[ivxIVX]{2,4}|#)[.)](?= )/gm, '$1')
    .replace(/^\.\. _[^:\n]+:[ \t]*$/gm, '')
    .replace(/:[A-Za-z][\w.+-]*:`([^`]+)`/g, (_, inner: string) => inner.replace(/\s*<[^<>]+>$/, ''))
    .replace(/`([^`]+?)\s*<[^<>`]+>`_+/g, '$1');
}

function renderedText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/** Words of `source` missing from `rendered`, counted as multisets. */
export function missingWords(source: string, rendered: string): string[] {
  return [...new Set(wordsLacking(wordCounts(withoutMarkup(source)), wordCounts(rendered)))];
}

for (const version of ['linux-6.1', 'linux-6.12']) {
  const root = `${corpus}/${version}/ABI`;
  suite.skipIf(!existsSync(root))(`describe keeps every word of ${version} (skips when ../shared/corpus is absent)`, () => {
    it('renders every word of every description', () => {
      const failures: string[] = [];
      for (const entry of parseTree(root).entries) {
        if (entry.description === undefined) continue;
        const missing = missingWords(entry.description, renderedText(describeText(entry.description).html));
        if (missing.length) failures.push(`${entry.file}:${entry.line}: ${missing.slice(0, 8).join(' ')}`);
      }
      expect(failures).toEqual([]);
    });
  });
}
