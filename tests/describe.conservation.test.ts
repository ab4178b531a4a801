import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe as suite, expect, it } from 'vitest';
import { parseTree } from '../content-loader/index.ts';
import { describe as describeText } from '../content-loader/describe/index.ts';
import { descriptionRenderer } from '../content-loader/describe/render-entry.ts';
import { wordCounts, wordsLacking } from './helpers/words.ts';
import { corpusTree, needsCorpus } from './helpers/corpus.ts';

/**
 * ReST markup that is not text, so not expected in the output: the name of
 * a role (`:ref:`), the target of a titled role or link (`text <target>`),
 * comments and hyperlink targets (`.. _name:`), which Sphinx drops with
 * what is indented under them, a directive's name and options
 * (`.. note::`, `:caption:`), and list enumerators ("1)", "b.", "(iv)"),
 * which <ol start type> shows as numbering instead of text.
 */
function withoutMarkup(source: string): string {
  return withoutExplicitMarkup(source)
    .replace(/^( *)\(?(\d{1,3}|[a-zA-Z]|[ivxIVX]{2,4}|#)[.)](?= |$)/gm, '$1')
    .replace(/:[A-Za-z][\w.+-]*:`([^`]+)`/g, (_, inner: string) => inner.replace(/\s*<[^<>]+>$/, ''))
    .replace(/`([^`]+?)\s*<[^<>`]+>`_+/g, '$1');
}

function withoutExplicitMarkup(source: string): string {
  const lines = source.split('\n');
  const kept: string[] = [];
  const indent = (line: string) => /^ */.exec(line)![0].length;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const markup = /^( *)\.\.(?: +(.*))?$/.exec(line.trimEnd());
    if (!markup || /^[[|]/.test(markup[2] ?? '')) {
      kept.push(line);
      continue;
    }
    const directive = /^[A-Za-z][\w-]*(?::[\w-]+)?::(.*)$/.exec(markup[2] ?? '');
    if (directive) {
      // The argument is text (a title, the body's start), except a code block's language.
      if (!/^(code-block|code|sourcecode)::/i.test(markup[2]!)) kept.push(directive[1]!);
      while (/^ +:[\w-]+:/.test(lines[i + 1] ?? '') && indent(lines[i + 1]!) > markup[1]!.length) i++;
      continue;
    }
    // A comment: its line and what is indented under it (an empty comment followed by a blank line has nothing).
    if (markup[2] === undefined && (lines[i + 1] ?? '').trim() === '') continue;
    while (i + 1 < lines.length && (lines[i + 1]!.trim() === '' || indent(lines[i + 1]!) > markup[1]!.length)) i++;
  }
  return kept.join('\n');
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

/** Words `rendered` has beyond those of `source` (an admonition's title is ours to add): text we invented. */
export function inventedWords(source: string, html: string): string[] {
  const shown = wordCounts(renderedText(html.replace(/<p class="admonition-title">.*?<\/p>/g, '')));
  return [...new Set(wordsLacking(shown, wordCounts(source)))];
}

/** Lines of a literal block that are ReST markup the reader should have read: a `::` announcement or a simple-table border. */
function markupInLiteral(html: string): string[] {
  const lines = [...html.matchAll(/<pre><code>([\s\S]*?)<\/code><\/pre>/g)].flatMap((m) => m[1]!.split('\n'));
  return lines.filter((line) => /::\s*$/.test(line) || /^ *=+( +=+)+ *$/.test(line));
}

for (const version of ['6.1', '6.12']) {
  suite(`describe keeps every word of linux-${version} ${needsCorpus}`, () => {
    // The description as the kernel's parser has it: the entry's own text, then
    // the file's sections the parser cut from its end. What the site shows of it:
    // the description on the entry, the closing title and the sections on the file page.
    const described = () => {
      const tree = parseTree(corpusTree(version));
      const render = descriptionRenderer();
      return tree.entries.flatMap((entry) => {
        if (entry.description === undefined) return [];
        const sections = entry.sectionsAfter ?? [];
        const source = [entry.description, ...sections.map((s) => `${s.title}\n\n${s.text}`)].join('\n\n');
        const { html, sectionTitle, sectionsAfter = [] } = render(entry, tree);
        const shown = [html, ...sectionsAfter.map((s) => s.html)].join('\n');
        const titles = [sectionTitle ?? '', ...sectionsAfter.map((s) => s.title)].join(' ');
        return [{ at: `${entry.file}:${entry.line}`, source, html: shown, titles }];
      });
    };

    it('renders every word of every description (closing section titles and the sections after an entry on the file page)', () => {
      const failures: string[] = [];
      for (const { at, source, html, titles } of described()) {
        const missing = missingWords(source, `${renderedText(html)} ${titles}`);
        if (missing.length) failures.push(`${at}: ${missing.slice(0, 8).join(' ')}`);
      }
      expect(failures).toEqual([]);
    });

    it('invents no word, and leaves no "::" or table border inside a literal block', () => {
      const failures: string[] = [];
      for (const { at, source, html } of described()) {
        const invented = inventedWords(source, html);
        if (invented.length) failures.push(`${at}: invented ${invented.slice(0, 8).join(' ')}`);
        for (const line of markupInLiteral(html)) failures.push(`${at}: markup in a literal block: ${line.trim()}`);
      }
      expect(failures).toEqual([]);
    });
  });
}

suite('describe keeps every word of every renderer fixture, and invents none', () => {
  const root = fileURLToPath(new URL('./fixtures/describe/', import.meta.url));
  for (const name of readdirSync(root).sort()) {
    it(name, () => {
      const input = readFileSync(`${root}${name}/input.txt`, 'utf8');
      const { html, sectionTitle } = describeText(input);
      expect(missingWords(input, `${renderedText(html)} ${sectionTitle ?? ''}`)).toEqual([]);
      expect(inventedWords(input, html)).toEqual([]);
    });
  }
});
