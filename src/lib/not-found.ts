// The 404 page's suggestions: loaded only on that page, from the search data.
import { suggestionsFor } from '../../content-loader/site/not-found.ts';
import { loadLocal, loadPathResolver } from './search/data.ts';
import { href, siteUrlOf } from './href.ts';

export async function suggest(list: HTMLElement, status: HTMLElement): Promise<void> {
  const pathname = siteUrlOf(location.pathname);
  try {
    const [resolver, local] = await Promise.all([loadPathResolver(), loadLocal()]);
    const suggestions = suggestionsFor(pathname, resolver, local);
    status.textContent = suggestions.length ? `The closest interfaces to ${decodeURI(pathname)}:` : `Nothing documented comes close to ${decodeURI(pathname)}.`;
    for (const s of suggestions) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = href(s.url);
      const code = document.createElement('code');
      code.textContent = s.what;
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
