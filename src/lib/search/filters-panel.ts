// The filters beside the results: level, filesystem, "documented since"
// (a range of released kernels), "below this path" and the order. Counts are
// those of the one ranked list (content-loader/search/filters.ts).
import { FILESYSTEMS, type FacetCounts } from '../../../content-loader/search/index.ts';
import { LEVELS } from '../../../content-loader/types.ts';
import type { SearchState } from './state.ts';
import { badge, el } from './render.ts';

/** Renders the panel into `box` for `state`; `change` gets the new state when the reader picks something. */
export function renderFilters(box: HTMLElement, idPrefix: string, state: SearchState, counts: FacetCounts, kernels: readonly string[], change: (next: SearchState) => void): void {
  const focused = box.contains(document.activeElement) ? (document.activeElement as HTMLInputElement | HTMLSelectElement) : undefined;
  const refocus = focused && { name: focused.name, value: focused.value, type: focused.type };

  const group = <K extends 'level' | 'fs'>(key: K, legend: string, values: readonly SearchState[K][number][], countOf: (v: SearchState[K][number]) => number) => {
    const chosen = state[key] as readonly string[];
    const shown = values.filter((v) => countOf(v) > 0 || chosen.includes(v));
    return el(
      'fieldset',
      {},
      el('legend', {}, legend),
      ...shown.map((v) => {
        const input = el('input', { type: 'checkbox', name: key, value: v });
        input.checked = chosen.includes(v);
        input.addEventListener('change', () => change({ ...state, [key]: input.checked ? [...chosen, v] : chosen.filter((x) => x !== v) }));
        return el('label', {}, input, ' ', key === 'level' ? badge(v) : v === 'dev' ? '/dev' : v, ' ', el('span', { class: 'count' }, String(countOf(v))));
      }),
      shown.length ? '' : el('p', { class: 'muted' }, 'none'),
    );
  };

  // "Documented since" from .. to, over released kernels only; each option counts what the range would keep.
  const since = (end: 'from' | 'to') => {
    const select = el('select', { name: `since-${end}`, id: `${idPrefix}-since-${end}` });
    const total = (lo: number, hi: number) => counts.since.slice(lo, hi + 1).reduce((a, b) => a + b, 0);
    const fromAt = state.since.from ? kernels.indexOf(state.since.from) : 0;
    const toAt = state.since.to ? kernels.indexOf(state.since.to) : kernels.length - 1;
    select.append(el('option', { value: '' }, 'any'));
    kernels.forEach((k, i) => {
      const n = end === 'from' ? total(i, toAt) : total(fromAt, i);
      select.append(el('option', { value: k }, `${end === 'from' ? '≥' : '≤'} ${k} (${n})`));
    });
    select.value = state.since[end];
    select.addEventListener('change', () => change({ ...state, since: { ...state.since, [end]: select.value } }));
    return el('p', {}, el('label', { for: select.id }, end === 'from' ? 'Documented since, from' : 'to'), ' ', select);
  };

  const under = el('input', { type: 'text', name: 'under', id: `${idPrefix}-under`, placeholder: '/sys/class/net/', autocomplete: 'off', spellcheck: 'false' });
  under.value = state.under;
  under.addEventListener('change', () => change({ ...state, under: under.value.trim() }));

  const sort = el('select', { name: 'sort', id: `${idPrefix}-sort` });
  sort.append(el('option', { value: '' }, 'relevance'), el('option', { value: 'new' }, 'documented since, newest'), el('option', { value: 'old' }, 'documented since, oldest'));
  sort.value = state.sort;
  sort.addEventListener('change', () => change({ ...state, sort: sort.value === 'new' || sort.value === 'old' ? sort.value : '' }));

  box.replaceChildren(
    el('h2', {}, 'Filters'),
    group('level', 'Stability level', LEVELS, (v) => counts.level[v]),
    group('fs', 'Filesystem', FILESYSTEMS, (v) => counts.fs[v]),
    el('fieldset', {}, el('legend', {}, 'KernelVersion'), since('from'), since('to')),
    el('p', {}, el('label', { for: under.id }, 'Below this path'), ' ', under),
    el('p', {}, el('label', { for: sort.id }, 'Order by'), ' ', sort),
  );
  box.hidden = false;
  if (refocus) {
    const again = [...box.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')].find(
      (x) => x.name === refocus.name && (x instanceof HTMLSelectElement || x.type === 'text' || x.value === refocus.value),
    );
    again?.focus();
  }
}
