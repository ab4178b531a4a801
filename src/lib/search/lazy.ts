// Mounts search boxes on first focus, so a page that shows one (the home
// page) loads the search code only when someone uses it. What was typed, and
// an Enter pressed, before the code arrived are acted on when it does.
export function mountOnFirstUse(root: HTMLElement): void {
  let started = false;
  let mounted = false;
  let submitted = false;
  const start = () => {
    if (started) return;
    started = true;
    void import('./ui.ts').then(({ mountSearch }) => {
      const search = mountSearch(root);
      mounted = true;
      if (submitted) void search.openBest();
    });
  };
  root.addEventListener('focusin', start, { once: true });
  root.addEventListener('submit', (event) => {
    if (mounted) return; // the search handles it
    event.preventDefault();
    submitted = true;
    start();
  });
}
