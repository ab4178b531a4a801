import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fromHtml } from 'hast-util-from-html';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { describe as suite, expect, it } from 'vitest';
import { describeFile, rehypeLinks } from '../content-loader/describe/index.ts';

/**
 * The linking plugin alone, one folder per case: input.html (hast as the
 * reader and remark-rehype would hand it over), context.json (selfUrls,
 * mentions, files), expected.html and tally.json (links made, mentions
 * left unresolved). UPDATE_FIXTURES=1 rewrites the expected files.
 */
const root = fileURLToPath(new URL('./fixtures/describe-links/', import.meta.url));
const update = process.env['UPDATE_FIXTURES'] === '1';
const linker = unified().use(rehypeLinks).use(rehypeStringify).freeze();

interface FixtureContext {
  selfUrls?: string[];
  mentions?: Record<string, string>;
  files?: Record<string, string>;
}

function expectFile(file: string, actual: string): void {
  if (update) writeFileSync(file, actual);
  expect(existsSync(file), `${file} missing: run with UPDATE_FIXTURES=1 and review it`).toBe(true);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

suite('rehypeLinks fixtures', () => {
  const cases = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

  it('has cases', () => expect(cases.length).toBeGreaterThanOrEqual(5));

  for (const name of cases) {
    it(name, () => {
      const dir = `${root}${name}`;
      const raw = JSON.parse(readFileSync(`${dir}/context.json`, 'utf8')) as FixtureContext;
      const mentions = new Map(Object.entries(raw.mentions ?? {}));
      const files = new Map(Object.entries(raw.files ?? {}));
      const file = describeFile('', { selfUrls: raw.selfUrls ?? [], resolveMention: (path) => mentions.get(path), fileUrl: (path) => files.get(path) });
      const tree = fromHtml(readFileSync(`${dir}/input.html`, 'utf8'), { fragment: true });
      const html = linker.stringify(linker.runSync(tree, file), file);
      expectFile(`${dir}/expected.html`, html);
      expectFile(`${dir}/tally.json`, JSON.stringify(file.data.linkTally, null, 2) + '\n');
    });
  }
});
