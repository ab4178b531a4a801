// Small enhancements on reading pages; everything works without them.

/** Theme toggle (remembered) and copy-permalink buttons. */
export function enhance(): void {
  const root = document.documentElement;
  const toggle = document.getElementById('theme');
  if (toggle) {
    toggle.hidden = false;
    toggle.addEventListener('click', () => {
      const dark = root.classList.contains('dark') || (!root.classList.contains('light') && matchMedia('(prefers-color-scheme: dark)').matches);
      root.classList.remove('dark', 'light');
      const next = dark ? 'light' : 'dark';
      root.classList.add(next);
      try {
        localStorage.setItem('theme', next);
      } catch {
        // Private mode: the choice lasts for this page only.
      }
    });
  }
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-copy]')) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'Copy link';
    // A page with several permanent links (this version, the latest) says which each button copies.
    if (link.dataset.copy) button.setAttribute('aria-label', `Copy link to ${link.dataset.copy}`);
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(link.href);
        button.textContent = 'Copied';
      } catch {
        button.textContent = 'Press Ctrl+C';
        getSelection()?.selectAllChildren(link);
      }
      setTimeout(() => (button.textContent = 'Copy link'), 2000);
    });
    link.after(button);
  }
}
