// The 404 page's suggestions: loaded only on that page, from the search data.
import { suggestionsFor } from '../../content-loader/site/not-found.ts';
import { loadLocal, loadPathResolver } from './search/data.ts';
import { wrapPieces } from '../../content-loader/site/line-breaks.ts';
import { unpin } from '../../content-loader/site/pinned.ts';
import { href, siteUrlOf } from './href.ts';

/**
 * Mail clients and chat apps often cut a link's trailing slash; where the
 * host did not add it back, go to the page with it when that page exists.
 * True when leaving this page.
 */
export async function followTrailingSlash(): Promise<boolean> {
  const { pathname, search, hash } = location;
  if (pathname.endsWith('/')) return false;
  try {
    const response = await fetch(`${pathname}/`, { method: 'HEAD' });
    if (!response.ok) return false;
  } catch {
    return false;
  }
  location.replace(`${pathname}/${search}${hash}`);
  return true;
}

export async function suggest(list: HTMLElement, status: HTMLElement): Promise<void> {
  if (await followTrailingSlash()) return;
  const url = siteUrlOf(location.pathname);
  // Suggestions are the newest pages; a pinned URL is read without its /v<version>.
  const pathname = unpin(url, list.dataset.versions?.split(' ') ?? [])?.url ?? url;
  try {
    const [resolver, local] = await Promise.all([loadPathResolver(), loadLocal()]);
    const suggestions = suggestionsFor(pathname, resolver, local);
    status.textContent = suggestions.length ? `The closest interfaces to ${decodeURI(url)}:` : `Nothing documented comes close to ${decodeURI(url)}.`;
    for (const s of suggestions) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = href(s.url);
      const code = document.createElement('code');
      // Wrapped as WhatText wraps a What: after `/` and `_`, never inside a word.
      wrapPieces(s.what).forEach((piece, i) => code.append(...(i > 0 ? [document.createElement('wbr')] : []), piece));
      a.append(code);
      const why = document.createElement('span');
      why.className = 'muted';
      why.textContent = ` — ${s.why}`;
      li.append(a, why);
      list.append(li);
    }
  } catch {
    status.textContent = 'Suggestions could not be loaded; try the search.';
  }
}
