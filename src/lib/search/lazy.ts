// Mounts search boxes on first focus, so a page that shows one (the home
// page) loads the search code only when someone uses it.
export function mountOnFirstUse(root: HTMLElement): void {
  const input = root.querySelector<HTMLInputElement>('input[name=q]');
  if (!input) return;
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    void import('./ui.ts').then(({ mountSearch }) => {
      const { run } = mountSearch(root);
      if (input.value.trim()) run();
    });
  };
  root.addEventListener('focusin', start, { once: true });
  root.addEventListener('submit', (event) => {
    if (!started) {
      event.preventDefault();
      start();
    }
  });
}
