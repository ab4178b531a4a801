import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pinLinks } from '../content-loader/site/pin-links.ts';
import { expectedFor, fixtureCases } from './helpers/fixtures.ts';

/**
 * One folder per case: input.html (a page or part of one, as rendered with
 * bare links), options.json ({ base, version, pages }) and expected.html.
 * UPDATE_FIXTURES=1 rewrites expected.html: review every diff by eye.
 */
describe('pinLinks fixtures', () => {
  for (const { name, dir } of fixtureCases('pin-links')) {
    it(name, () => {
      const input = readFileSync(join(dir, 'input.html'), 'utf8');
      const { base, version, pages } = JSON.parse(readFileSync(join(dir, 'options.json'), 'utf8')) as { base: string; version: string; pages: string[] };
      const actual = pinLinks(input, { base, version, pages: new Set(pages) });
      expect(actual).toBe(expectedFor(join(dir, 'expected.html'), actual));
    });
  }

  it('returns the same string when no link is pinned', () => {
    const html = '<p><a href="/search/">search</a></p>';
    expect(pinLinks(html, { base: '/', version: '6.1', pages: new Set(['/sys/']) })).toBe(html);
  });
});
