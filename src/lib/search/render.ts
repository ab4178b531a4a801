// The DOM of one result list: options of a listbox, each a link, built from
// data with text nodes only (nothing from the index is parsed as markup).
import { resultUrl, type SearchResult } from '../../../content-loader/search/index.ts';
import type { PagefindFragment } from './data.ts';
import { href } from '../href.ts';

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

export function badge(level: string): HTMLElement {
  return el('span', { class: `badge ${level}` }, level);
}

/** What the muted note beside a result says. */
function note(r: SearchResult): string {
  if (r.kind === 'file') return 'ABI file';
  if (r.kind === 'folder') return 'folder in the path tree';
  if (r.reason === 'documents this path') return r.exact ? 'exact What' : r.via ? `documents this path via ${r.via}` : 'documents this path';
  return r.reason === 'text' ? '' : `matches ${r.reason}`;
}

/** One result as an option of the listbox: a link, so it also opens in a new tab. */
export function optionNode(r: SearchResult, id: string): HTMLAnchorElement {
  const title = r.kind === 'file' ? `Documentation/ABI/${r.title}` : r.kind === 'folder' ? `${r.title}/` : r.title;
  const meta = el('span', { class: 'meta' });
  const levels = r.kind === 'symbol' ? r.symbol.levels : r.kind === 'file' ? [r.file.level] : [];
  for (const l of levels) meta.append(badge(l), ' ');
  if (r.kind === 'symbol' && r.symbol.kernel) meta.append(el('span', { class: 'muted' }, `since ${r.symbol.kernel}`), ' ');
  const why = note(r);
  if (why) meta.append(el('span', { class: 'muted why' }, why));
  return el(
    'a',
    { class: 'hit', role: 'option', id, href: href(resultUrl(r)), tabindex: '-1', 'aria-selected': 'false', 'data-kind': r.kind },
    el('code', {}, title),
    ' ',
    meta,
  );
}

/**
 * The snippet of a full-text result, cut from the page's indexed words (the
 * What in the title, then the description; metadata is never among them)
 * around the first match after the title, with the matched words marked.
 */
export function excerptNode(fragment: PagefindFragment, length = 24): HTMLElement {
  const words = fragment.content.split(/\s+/).filter(Boolean);
  const skip = (fragment.meta.title ?? '').split(/\s+/).filter(Boolean).length;
  const hits = new Set(fragment.locations.filter((l) => l >= skip));
  const first = Math.min(...hits);
  const start = Number.isFinite(first) ? Math.max(skip, Math.min(first - 6, words.length - length)) : skip;
  const p = el('span', { class: 'excerpt' });
  if (start > skip) p.append('… ');
  for (let i = start; i < Math.min(words.length, start + length); i++) {
    if (i > start) p.append(' ');
    p.append(hits.has(i) ? el('mark', {}, words[i]!) : words[i]!);
  }
  if (start + length < words.length) p.append(' …');
  return p;
}
