import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe as suite, expect, it } from 'vitest';
import { describe as describeText, type DescribeContext } from '../content-loader/describe/index.ts';

/**
 * One folder per case: input.txt (a description as parseTree gives it),
 * expected.html, and optionally context.json (selfUrls, mentions, files).
 * UPDATE_FIXTURES=1 rewrites expected.html: review every diff by eye.
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

suite('describe fixtures', () => {
  const cases = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

  it('has enough cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  for (const name of cases) {
    it(name, () => {
      const dir = `${root}${name}`;
      const input = readFileSync(`${dir}/input.txt`, 'utf8').replace(/\n$/, '');
      const html = describeText(input, contextFor(dir)).html + '\n';
      const expectedFile = `${dir}/expected.html`;
      if (update) writeFileSync(expectedFile, html);
      expect(existsSync(expectedFile), `${name}/expected.html missing: run with UPDATE_FIXTURES=1 and review it`).toBe(true);
      expect(html).toBe(readFileSync(expectedFile, 'utf8'));
    });
  }
});
