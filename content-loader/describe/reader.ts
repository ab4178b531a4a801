import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { parseBlocks } from './blocks.ts';
import './nodes.ts';

/**
 * Description text -> mdast, by our ReST-subset reader. The parser already
 * expanded tabs to the kernel's 8-column stops (parse/parse-file.ts), so
 * the text has none.
 */
export function parseDescription(text: string): Root {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  return { type: 'root', children: parseBlocks(lines) };
}

/** Unified parser plugin: our reader in the place remark-parse takes for markdown. */
export const rstReader: Plugin<[], string, Root> = function () {
  this.parser = parseDescription;
};
