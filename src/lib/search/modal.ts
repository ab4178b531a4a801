// The search dialog's trigger: tiny, bundled into every page. The UI itself
// (ui.ts, the search code and its data) is imported on the first open only.
import { EMPTY_STATE, stateToQuery } from './state.ts';

let mounted: Promise<{ openBest: () => Promise<void> }> | undefined;
let ready = false;
/** Enter pressed in the dialog before its code arrived: acted on when it does. */
let pendingEnter = false;

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

async function open(): Promise<void> {
  const dialog = document.getElementById('search-dialog') as HTMLDialogElement | null;
  if (!dialog) return;
  // On the search page, the page's own box is the search box.
  const pageBox = document.querySelector<HTMLInputElement>('#search-page input[name=q]');
  if (pageBox) {
    pageBox.focus();
    pageBox.select();
    return;
  }
  if (!dialog.open) dialog.showModal();
  const box = dialog.querySelector<HTMLElement>('[data-search]')!;
  const input = box.querySelector<HTMLInputElement>('input[name=q]')!;
  input.focus();
  input.select();
  mounted ??= import('./ui.ts').then(({ mountSearch }) => {
    const full = dialog.querySelector<HTMLAnchorElement>('[data-full-search]');
    if (full) {
      const sync = () => (full.search = stateToQuery({ ...EMPTY_STATE, q: input.value.trim() }));
      input.addEventListener('input', sync);
      sync();
    }
    const search = mountSearch(box);
    ready = true;
    if (pendingEnter) void search.openBest();
    return search;
  });
  await mounted;
}

export const openSearchDialog = {
  open,
  install(): void {
    document.addEventListener('keydown', (event) => {
      const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event.target);
      const ctrlK = (event.key === 'k' || event.key === 'K') && (event.ctrlKey || event.metaKey) && !event.altKey;
      if (!slash && !ctrlK) return;
      event.preventDefault();
      void open();
    });
    for (const link of document.querySelectorAll<HTMLAnchorElement>('[data-search-open]')) {
      link.addEventListener('click', (event) => {
        if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
        if (document.querySelector('#search-page')) return; // already on the search page
        event.preventDefault();
        void open();
      });
    }
    // Until the search code is there, Enter must not submit the form to /search/: it opens the best result once it can.
    document.querySelector('#search-dialog form[role=search]')?.addEventListener('submit', (event) => {
      if (ready) return;
      event.preventDefault();
      pendingEnter = true;
      void open();
    });
    // Light-dismiss: a click on the backdrop closes the dialog.
    const dialog = document.getElementById('search-dialog') as HTMLDialogElement | null;
    dialog?.addEventListener('click', (event) => {
      if (event.target === dialog) dialog.close();
    });
    // Escape in a search input only clears it; here it closes the dialog at once.
    dialog?.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        dialog.close();
      }
    });
  },
};
