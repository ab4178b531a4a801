// The search UI: one box that shows path-resolver matches (for input that
// starts with '/'), fuse.js quick-jump matches and Pagefind full-text results
// with filters. Mounted on the search page, in the modal, and on the home page.
import { deepestDocumentedPrefix, resolve } from '../../../content-loader/resolve/index.ts';
import { compareKernelLabels, FILESYSTEMS, pathWords, quickQuery, quickSearch } from '../../../content-loader/search/index.ts';
import { LEVELS } from '../../../content-loader/types.ts';
import { stateFromUrl, stateToQuery, type SearchState } from './state.ts';
import { loadPagefind, loadPathResolver, loadQuick, type FilterCounts, type PagefindFragment } from './data.ts';
import { href } from '../href.ts';

const PAGE = 20;
const QUICK_LIMIT = 8;
const RESOLVE_LIMIT = 10;

const isPath = (q: string) => q.startsWith('/');

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

function badge(level: string): HTMLElement {
  return el('span', { class: `badge ${level}` }, level);
}

/**
 * The snippet of a full-text result. Pagefind's own excerpt would mostly show
 * the hidden path words that follow the title (see pathWords), so the
 * snippet is cut from the page's words after them, around the first match
 * Pagefind reports there, with the matched words marked.
 */
export function excerptNode(fragment: PagefindFragment, length = 24): HTMLElement {
  const words = fragment.content.split(/\s+/);
  const title = fragment.meta.title ?? '';
  const skip = `${title} ${pathWords(title).join(' ')}`.split(/\s+/).filter(Boolean).length;
  const hits = new Set(fragment.locations.filter((l) => l >= skip));
  const first = Math.min(...hits);
  const start = Number.isFinite(first) ? Math.max(skip, Math.min(first - 6, words.length - length)) : skip;
  const p = el('p', { class: 'excerpt' });
  if (start > skip) p.append('… ');
  for (let i = start; i < Math.min(words.length, start + length); i++) {
    if (i > start) p.append(' ');
    p.append(hits.has(i) ? el('mark', {}, words[i]!) : words[i]!);
  }
  if (start + length < words.length) p.append(' …');
  return p;
}

function hit(href: string, what: string, ...extra: (Node | string)[]): HTMLLIElement {
  return el('li', {}, el('a', { class: 'hit', href }, el('code', {}, what)), ...extra);
}

export interface MountOptions {
  /** Keep the query and filters in the page URL (the search page). */
  syncUrl?: boolean;
}

/** Wires a `[data-search]` block rendered by SearchBox.astro. Returns a function that runs a query. */
export function mountSearch(root: HTMLElement, options: MountOptions = {}): { run: (q?: string) => void; input: HTMLInputElement } {
  const mode = root.dataset.mode === 'path' ? 'path' : 'full';
  const form = root.querySelector('form')!;
  const input = form.querySelector<HTMLInputElement>('input[name=q]')!;
  const status = root.querySelector<HTMLElement>('.search-status')!;
  const results = root.querySelector<HTMLElement>('.search-results')!;
  const filtersBox = root.querySelector<HTMLElement>('.search-filters');
  const sections = {
    resolve: el('section', { class: 'search-section', hidden: '' }),
    quick: el('section', { class: 'search-section', hidden: '' }),
    full: el('section', { class: 'search-section', hidden: '' }),
  };
  results.append(sections.resolve, sections.quick, sections.full);

  // Fetch Pagefind while the reader is still typing the first word: it is the
  // slowest back end to start (script, WebAssembly, filter data).
  if (mode === 'full') void loadPagefind().catch(() => undefined);

  const state: SearchState = options.syncUrl ? stateFromUrl(location.search) : { q: '', level: [], fs: [], kernel: '', sort: '' };
  if (state.q) input.value = state.q;
  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let counts = { resolve: 0, quick: 0, full: 0 };

  const announce = () => {
    const parts: string[] = [];
    if (isPath(state.q)) parts.push(`${counts.resolve} ${counts.resolve === 1 ? 'entry documents' : 'entries document'} this path`);
    if (mode === 'full' && state.q.length >= 2) parts.push(`${counts.quick} path ${counts.quick === 1 ? 'match' : 'matches'}`);
    if (mode === 'full' && (state.q || hasFilters())) parts.push(`${counts.full} full-text ${counts.full === 1 ? 'result' : 'results'}`);
    status.textContent = parts.length ? parts.join(', ') + '.' : mode === 'path' ? 'Paste a path such as /sys/class/net/eth0/mtu.' : 'Type a word, a What path or a part of one.';
  };
  const hasFilters = () => state.level.length > 0 || state.fs.length > 0 || state.kernel !== '';
  const markFirst = () => {
    for (const a of results.querySelectorAll('a.hit.first')) a.classList.remove('first');
    results.querySelector('a.hit')?.classList.add('first');
  };
  const syncUrl = () => {
    if (options.syncUrl) history.replaceState(null, '', location.pathname + stateToQuery(state));
  };

  async function runResolve(my: number): Promise<void> {
    const box = sections.resolve;
    if (!isPath(state.q)) {
      box.hidden = true;
      counts.resolve = 0;
      return;
    }
    const resolver = await loadPathResolver();
    if (my !== seq) return;
    const matches = resolve(resolver, state.q).slice(0, RESOLVE_LIMIT);
    counts.resolve = matches.length;
    const list = el('ul', { class: 'hits' });
    for (const m of matches) {
      const note = m.exact ? 'exact What' : m.via ? `via ${m.via}` : 'pattern';
      list.append(hit(href(m.url), m.what, ' ', badge(m.level), ' ', el('span', { class: 'muted' }, note)));
    }
    const prefix = deepestDocumentedPrefix(resolver, state.q);
    const browse =
      prefix && prefix.depth >= 2 && !matches.some((m) => m.what === prefix.prefix)
        ? el('p', { class: 'browse' }, 'Browse ', el('a', { href: href(prefix.url) }, el('code', {}, prefix.prefix + '/')), ' in the path tree.')
        : '';
    box.replaceChildren(
      el('h2', {}, 'Documenting this path'),
      matches.length ? list : el('p', { class: 'muted' }, `No What matches ${state.q}.`),
      browse,
    );
    box.hidden = false;
  }

  async function runQuick(my: number): Promise<void> {
    const box = sections.quick;
    const q = quickQuery(state.q);
    if (mode !== 'full' || q.length < 2) {
      box.hidden = true;
      counts.quick = 0;
      return;
    }
    const fuse = await loadQuick();
    if (my !== seq) return;
    const found = quickSearch(fuse, state.q, QUICK_LIMIT);
    counts.quick = found.length;
    if (found.length === 0) {
      box.hidden = true;
      return;
    }
    box.replaceChildren(
      el('h2', {}, 'Jump to'),
      found.length
        ? el('ul', { class: 'hits' }, ...found.map((r) => hit(href(r.url), r.what, ' ', badge(r.level))))
        : el('p', { class: 'muted' }, 'No What path is close to that.'),
    );
    box.hidden = false;
  }

  function pagefindFilters(): Record<string, unknown> {
    const f: Record<string, unknown> = {};
    if (state.level.length) f.level = { any: state.level };
    if (state.fs.length) f.filesystem = { any: state.fs };
    if (state.kernel) f.kernel = state.kernel;
    return f;
  }

  async function runFull(my: number): Promise<void> {
    const box = sections.full;
    if (mode !== 'full') return;
    const pagefind = await loadPagefind();
    if (my !== seq) return;
    if (!state.q && !hasFilters()) {
      counts.full = 0;
      box.hidden = true;
      renderFilters(await pagefind.filters());
      return;
    }
    const sort = state.sort === 'new' ? { kernel: 'desc' as const } : state.sort === 'old' ? { kernel: 'asc' as const } : undefined;
    // Pagefind returns no counts for facets that are not filtered on (and none
    // at all for an empty filter object), so the facet counts come from the
    // query without filters: "results of this query with this value".
    const filters = pagefindFilters();
    const filtered = Object.keys(filters).length > 0;
    const [found, unfiltered] = await Promise.all([
      pagefind.search(state.q || null, { ...(filtered ? { filters } : {}), ...(sort ? { sort } : {}) }),
      filtered ? (state.q ? pagefind.search(state.q).then((r) => r.filters) : pagefind.filters()) : undefined,
    ]);
    if (my !== seq) return;
    counts.full = found.results.length;
    renderFilters(unfiltered ?? found.filters);
    if (found.results.length === 0 && isPath(state.q)) {
      box.hidden = true;
      return;
    }
    const list = el('ol', { class: 'hits full' });
    const more = el('button', { type: 'button', class: 'more' }, '');
    let shown = 0;
    const showMore = async () => {
      const slice = found.results.slice(shown, shown + PAGE);
      shown += slice.length;
      const data = await Promise.all(slice.map((r) => r.data()));
      if (my !== seq) return;
      for (const d of data) {
        const levels = (d.meta.level ?? '').split(' ').filter(Boolean);
        const meta = el('span', { class: 'meta' }, ...levels.flatMap((l) => [badge(l), ' ']), d.meta.kernel ? el('span', { class: 'muted' }, `KernelVersion ${d.meta.kernel}`) : '');
        list.append(hit(d.url, d.meta.title ?? d.url, ' ', meta, excerptNode(d)));
      }
      more.textContent = `Show ${Math.min(PAGE, found.results.length - shown)} more`;
      more.hidden = shown >= found.results.length;
      markFirst();
    };
    more.addEventListener('click', () => void showMore());
    box.replaceChildren(
      el('h2', {}, 'Full text'),
      found.results.length ? list : el('p', { class: 'muted' }, hasFilters() ? 'Nothing matches with these filters.' : 'No page contains that.'),
      more,
    );
    box.hidden = false;
    await showMore();
  }

  function renderFilters(current: FilterCounts): void {
    if (!filtersBox) return;
    const known = (facet: string) => new Set(Object.keys(current[facet] ?? {}));
    const group = (key: 'level' | 'fs', name: string, facet: string, order: readonly string[]) => {
      const chosen = state[key];
      const values = order.filter((v) => known(facet).has(v) || chosen.includes(v));
      return el(
        'fieldset',
        {},
        el('legend', {}, name),
        ...values.map((v) => {
          const box = el('input', { type: 'checkbox', name: key, value: v });
          box.checked = chosen.includes(v);
          box.addEventListener('change', () => {
            state[key] = box.checked ? [...chosen, v] : chosen.filter((x) => x !== v);
            schedule(0);
          });
          const count = current[facet]?.[v] ?? 0;
          return el('label', {}, box, ' ', key === 'level' ? badge(v) : v, ' ', el('span', { class: 'count' }, String(count)));
        }),
      );
    };
    const kernel = el('select', { name: 'kernel', id: `${root.id}-kernel` });
    const versions = [...known('kernel')].sort(compareKernelLabels);
    kernel.append(el('option', { value: '' }, 'any'), ...versions.map((v) => el('option', { value: v }, `${v} (${current.kernel?.[v] ?? 0})`)));
    kernel.value = state.kernel;
    kernel.addEventListener('change', () => {
      state.kernel = kernel.value;
      schedule(0);
    });
    const sort = el('select', { name: 'sort', id: `${root.id}-sort` });
    sort.append(el('option', { value: '' }, 'relevance'), el('option', { value: 'new' }, 'KernelVersion, newest'), el('option', { value: 'old' }, 'KernelVersion, oldest'));
    sort.value = state.sort;
    sort.addEventListener('change', () => {
      state.sort = sort.value;
      schedule(0);
    });
    const focused = filtersBox.contains(document.activeElement) ? (document.activeElement as HTMLInputElement | HTMLSelectElement) : undefined;
    const refocus = focused && { name: focused.name, value: focused.value };
    filtersBox.replaceChildren(
      el('h2', {}, 'Filters'),
      group('level', 'Stability level', 'level', LEVELS),
      group('fs', 'Filesystem', 'filesystem', FILESYSTEMS),
      el('p', {}, el('label', { for: kernel.id }, 'KernelVersion'), ' ', kernel),
      el('p', {}, el('label', { for: sort.id }, 'Order by'), ' ', sort),
    );
    filtersBox.hidden = false;
    if (refocus) {
      const again = [...filtersBox.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')].find(
        (x) => x.name === refocus.name && (x instanceof HTMLSelectElement || x.value === refocus.value),
      );
      again?.focus();
    }
  }

  async function run(): Promise<void> {
    const my = ++seq;
    state.q = input.value.trim();
    syncUrl();
    counts = { resolve: 0, quick: 0, full: 0 };
    root.setAttribute('aria-busy', 'true');
    try {
      // Each part renders as soon as it is ready; path matches come first.
      await Promise.all([runResolve(my), runQuick(my), runFull(my)]);
    } catch (error) {
      if (my === seq) status.textContent = `Search failed: ${error instanceof Error ? error.message : String(error)}`;
      return;
    } finally {
      if (my === seq) root.removeAttribute('aria-busy');
    }
    if (my !== seq) return;
    markFirst();
    announce();
    root.dispatchEvent(new CustomEvent('search:done', { bubbles: true }));
  }

  const schedule = (delay: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), delay);
  };

  input.addEventListener('input', () => schedule(90));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const first = results.querySelector<HTMLAnchorElement>('a.hit');
    if (first && input.value.trim() === state.q) location.href = first.href;
    else void run().then(() => results.querySelector<HTMLAnchorElement>('a.hit')?.click());
  });
  // Arrow keys move between the input and the result links; Enter on a link opens it.
  root.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const links = [...results.querySelectorAll<HTMLAnchorElement>('a.hit')].filter((a) => a.offsetParent !== null);
    if (links.length === 0) return;
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.target === input) {
      if (event.key !== 'ArrowDown') return;
      links[0]!.focus();
    } else if (at >= 0) {
      if (event.key === 'ArrowDown') links[Math.min(at + 1, links.length - 1)]!.focus();
      else if (at === 0) input.focus();
      else links[at - 1]!.focus();
    } else return;
    event.preventDefault();
  });

  if (state.q || hasFilters()) void run();
  else if (mode === 'full' && filtersBox && options.syncUrl) void run();
  else announce();
  return {
    input,
    run: (q?: string) => {
      if (q !== undefined) input.value = q;
      void run();
    },
  };
}
