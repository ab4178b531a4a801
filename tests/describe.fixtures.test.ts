import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Root } from 'mdast';
import { describe as suite, expect, it } from 'vitest';
import { describeFile, describeProcessor, parseDescription, type DescribeContext } from '../content-loader/describe/index.ts';

/**
 * One folder per case: input.txt (a description as parseTree gives it), the
 * mdast our reader makes of it (tree.json), the HTML the rest of the
 * processor makes of that tree (expected.html), a section-title.txt when the
 * description ends with the next section's title, and optionally
 * context.json (selfUrls, mentions, files). Reading and rendering are
 * checked apart, so a failure says which one broke.
 * UPDATE_FIXTURES=1 rewrites the expected files: review every diff by eye.
 */
const root = fileURLToPath(new URL('./fixtures/describe/', import.meta.url));
const update = process.env['UPDATE_FIXTURES'] === '1';

interface FixtureContext {
  selfUrls?: string[];
  mentions?: Record<string, string>;
  files?: Record<string, string>;
}

function contextFor(dir: string): DescribeContext {
  const file = `${dir}/context.json`;
  if (!existsSync(file)) return {};
  const raw = JSON.parse(readFileSync(file, 'utf8')) as FixtureContext;
  const mentions = new Map(Object.entries(raw.mentions ?? {}));
  const files = new Map(Object.entries(raw.files ?? {}));
  return { selfUrls: raw.selfUrls ?? [], resolveMention: (path) => mentions.get(path), fileUrl: (path) => files.get(path) };
}

/** Compares `actual` with the file's text (or writes it under UPDATE_FIXTURES=1); `undefined` means the file must not exist. */
function expectFile(file: string, actual: string | undefined): void {
  if (update) {
    if (actual !== undefined) writeFileSync(file, actual);
    else if (existsSync(file)) throw new Error(`${file} is no longer produced: delete it`);
  }
  if (actual === undefined) {
    expect(existsSync(file), `${file} is not produced any more`).toBe(false);
    return;
  }
  expect(existsSync(file), `${file} missing: run with UPDATE_FIXTURES=1 and review it`).toBe(true);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

/** Blocks counted in the HTML, to hold the processor's stats against what it printed. */
function countedInHtml(html: string) {
  const count = (re: RegExp) => html.match(re)?.length ?? 0;
  return { pre: count(/<pre>/g), tables: count(/<table>/g), lists: count(/<[ou]l[ >]/g), links: count(/<a /g), admonitions: count(/<div class="admonition/g) };
}

suite('describe fixtures', () => {
  const cases = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

  it('has enough cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  for (const name of cases) {
    const dir = `${root}${name}`;
    const input = () => readFileSync(`${dir}/input.txt`, 'utf8').replace(/\n$/, '');

    it(`${name}: reads`, () => {
      expectFile(`${dir}/tree.json`, JSON.stringify(parseDescription(input()), null, 2) + '\n');
    });

    it(`${name}: renders`, () => {
      const tree = JSON.parse(readFileSync(`${dir}/tree.json`, 'utf8')) as Root;
      const file = describeFile(input(), contextFor(dir));
      const html = describeProcessor.stringify(describeProcessor.runSync(tree, file), file) + '\n';
      expectFile(`${dir}/expected.html`, html);
      expectFile(`${dir}/section-title.txt`, file.data.sectionTitle === undefined ? undefined : file.data.sectionTitle + '\n');
      const stats = { ...file.data.blockStats!, ...file.data.linkTally! };
      expect({ ...countedInHtml(html) }).toEqual({
        pre: stats.literalBlocks + stats.tablesFallenBack,
        tables: stats.tables,
        lists: stats.lists,
        links: stats.links,
        admonitions: stats.admonitions,
      });
    });
  }
});
