// The search UI: one box, one ranked list (path resolver, path words, file
// names, Users, Contact and full text merged; content-loader/search/rank.ts)
// and filters over it. Mounted on the search page, in the dialog, and on
// the home page. Whatever is in the box when it mounts is searched, and each
// back end that arrives later re-ranks the list, so no keystroke is lost.
import { applyFilters, browseResults, hasFilters, sortResults, type FacetCounts, type SearchResult } from '../../../content-loader/search/index.ts';
import { comboboxOf } from './combobox.ts';
import { loadFullText, loadLocal, type PagefindResult } from './data.ts';
import { runSearch, type SearchMode, type SearchRun } from './engine.ts';
import { renderFilters } from './filters-panel.ts';
import { el, excerptNode, optionNode } from './render.ts';
import { EMPTY_STATE, stateFromUrl, stateToQuery, type SearchState } from './state.ts';

const PAGE = 20;
/** Pagefind is asked once the typing pauses this long; the path words answer every keystroke. */
const FULL_TEXT_DELAY = 60;

export interface MountOptions {
  /** Keep the query and filters in the page URL (the search page). */
  syncUrl?: boolean;
}

export interface MountedSearch {
  /** Searches `q` (or what the box holds). */
  run: (q?: string) => Promise<void>;
  /** What Enter does: opens the best result for what the box holds. */
  openBest: () => Promise<void>;
  input: HTMLInputElement;
}

/** Wires a `[data-search]` block rendered by SearchBox.astro. */
export function mountSearch(root: HTMLElement, options: MountOptions = {}): MountedSearch {
  const mode: SearchMode = root.dataset.mode === 'path' ? 'path' : 'full';
  const form = root.querySelector('form')!;
  const input = form.querySelector<HTMLInputElement>('input[name=q]')!;
  const status = root.querySelector<HTMLElement>('.search-status')!;
  const results = root.querySelector<HTMLElement>('.search-results')!;
  const filtersBox = mode === 'full' ? root.querySelector<HTMLElement>('.search-filters') : null;
  const listbox = el('div', { role: 'listbox', id: `${root.id}-results`, class: 'hits', 'aria-label': 'Search results' });
  const more = el('button', { type: 'button', class: 'more', hidden: '' });
  results.replaceChildren(listbox, more);

  const state: SearchState = options.syncUrl ? stateFromUrl(location.search) : { ...EMPTY_STATE };
  if (state.q && !input.value) input.value = state.q;
  let seq = 0;
  let latest: Promise<void> = Promise.resolve();
  let shownQuery: string | undefined;

  const combobox = comboboxOf(input, listbox, (active) => void open(active));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void open(undefined);
  });

  /** Enter: the option the arrows chose, else the best result once the list is complete for what is typed. */
  async function open(active: HTMLAnchorElement | undefined): Promise<void> {
    if (active) {
      location.href = active.href;
      return;
    }
    if (shownQuery !== input.value.trim() || root.dataset.complete !== 'true') await (shownQuery === input.value.trim() ? latest : run());
    const best = listbox.querySelector<HTMLAnchorElement>('[role=option]');
    if (best) location.href = best.href;
  }

  // Fetch the index and Pagefind while the reader types the first word.
  if (mode === 'full') {
    void loadLocal().catch(() => undefined);
    void loadFullText().catch(() => undefined);
  }

  function run(q?: string): Promise<void> {
    if (q !== undefined) input.value = q;
    const my = ++seq;
    state.q = input.value.trim();
    root.setAttribute('aria-busy', 'true');
    root.dataset.complete = 'false';
    const finish = () => {
      if (my !== seq) return;
      // Once per search, not per keystroke: replaceState costs more than ranking.
      if (options.syncUrl) history.replaceState(null, '', location.pathname + stateToQuery(state));
      root.removeAttribute('aria-busy');
      root.dataset.complete = 'true';
      root.dispatchEvent(new CustomEvent('search:done', { bubbles: true }));
    };
    const current = () => my === seq;
    latest = (async () => {
      try {
        if (!state.q && !(mode === 'full' && hasFilters(state))) {
          show(undefined, current);
        } else if (!state.q) {
          const local = await loadLocal();
          const browse: SearchRun = { query: { text: '', words: [], tokens: [], isPath: false }, results: browseResults(local.index), hits: new Map(), complete: true, failed: [], index: local.index };
          if (current()) show(browse, current);
        } else {
          await runSearch(state.q, { mode, current, show: (r) => show(r, current), fullTextDelay: FULL_TEXT_DELAY });
        }
      } catch (error) {
        if (current()) status.textContent = `Search failed: ${error instanceof Error ? error.message : String(error)}`;
      } finally {
        finish();
      }
    })();
    return latest;
  }

  /** Renders one moment of a search: the filtered, ordered list, its filters and the status line. */
  function show(r: SearchRun | undefined, current: () => boolean): void {
    if (!r) {
      shownQuery = '';
      listbox.replaceChildren();
      more.hidden = true;
      combobox.select(-1);
      combobox.update();
      status.textContent = mode === 'path' ? 'Paste a path such as /sys/class/net/eth0/mtu.' : 'Type a word, a What path or a part of one.';
      // The filters can be used without a query: they then list what they keep.
      if (filtersBox) void loadLocal().then((local) => current() && drawFilters(applyFilters(browseResults(local.index), state, local.index).counts, local.index.kernels), () => undefined);
      return;
    }
    let list = r.results;
    if (r.index) {
      const { shown, counts } = applyFilters(r.results, state, r.index);
      list = sortResults(shown, state.sort);
      drawFilters(counts, r.index.kernels);
    }
    // The next stage of the same query keeps the option the arrows reached.
    const keep = shownQuery === r.query.text ? combobox.active()?.getAttribute('href') : undefined;
    shownQuery = r.query.text;
    listbox.dataset.query = r.query.text;
    listbox.replaceChildren();
    let shown = 0;
    const page = () => {
      const slice = list.slice(shown, shown + PAGE);
      const nodes = slice.map((x, i) => optionNode(x, `${root.id}-option-${shown + i}`));
      listbox.append(...nodes);
      // Snippets cost a fetch each: only for the list the search ends on.
      if (r.complete) void addExcerpts(slice, nodes, r.hits, current);
      shown += slice.length;
      more.textContent = `Show ${Math.min(PAGE, list.length - shown)} more`;
      more.hidden = shown >= list.length;
      combobox.update();
    };
    more.onclick = page;
    page();
    combobox.select(keep ? [...listbox.querySelectorAll('[role=option]')].findIndex((o) => o.getAttribute('href') === keep) : -1);
    const count = list.length === 1 ? '1 result' : `${list.length} results`;
    const failed = r.failed.length ? ` (${r.failed.join('; ')})` : '';
    status.textContent =
      list.length === 0 && r.complete ? `Nothing found${hasFilters(state) ? ' with these filters' : ''}.${failed}` : `${count}${r.complete ? '' : ' so far'}.${failed}`;
  }

  let drawn = '';
  function drawFilters(counts: FacetCounts, kernels: readonly string[]): void {
    if (!filtersBox) return;
    // The panel is rebuilt only when what it shows changed (most keystrokes leave its counts alone).
    const signature = JSON.stringify([counts, state.level, state.fs, state.since, state.under, state.sort, kernels.length]);
    if (signature === drawn) return;
    drawn = signature;
    renderFilters(filtersBox, root.id, state, counts, kernels, (next) => {
      Object.assign(state, next);
      void run();
    });
  }

  input.addEventListener('input', () => void run());
  // Text typed before this module loaded (the dialog opens at once, the code follows) is searched now.
  if (input.value.trim() || (mode === 'full' && hasFilters(state)) || (filtersBox && options.syncUrl)) void run();
  else show(undefined, () => true);
  return { input, run, openBest: () => open(undefined) };
}

/** Adds Pagefind's snippet to the options of symbols it found, once their fragments load. */
async function addExcerpts(slice: readonly SearchResult[], nodes: readonly HTMLElement[], hits: ReadonlyMap<number, PagefindResult>, current: () => boolean): Promise<void> {
  await Promise.all(
    slice.map(async (r, i) => {
      const hit = r.kind === 'symbol' ? hits.get(r.symbol.id) : undefined;
      if (!hit) return;
      const fragment = await hit.data().catch(() => undefined);
      if (fragment && current()) nodes[i]!.append(excerptNode(fragment));
    }),
  );
}
