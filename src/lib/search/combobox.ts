// The search input as an ARIA combobox over the result listbox: focus stays
// in the input, aria-activedescendant names the option the arrows reach,
// Enter opens it (or the best result), Escape lets go of it.

export interface Combobox {
  /** The option the arrows reached, if any. */
  active(): HTMLAnchorElement | undefined;
  /** Make option `i` active (-1: none). */
  select(i: number): void;
  /** Set aria-expanded from whether the list has options. */
  update(): void;
}

/** Wires `input` to `listbox`; `enter` is called for Enter with the active option, if one. */
export function comboboxOf(input: HTMLInputElement, listbox: HTMLElement, enter: (active: HTMLAnchorElement | undefined) => void): Combobox {
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', listbox.id);
  input.setAttribute('aria-expanded', 'false');
  let at = -1;
  const options = () => [...listbox.querySelectorAll<HTMLAnchorElement>('[role=option]')];
  const select = (i: number) => {
    const all = options();
    for (const o of all) o.setAttribute('aria-selected', 'false');
    at = Math.max(-1, Math.min(i, all.length - 1));
    const option = all[at];
    if (option) {
      option.setAttribute('aria-selected', 'true');
      input.setAttribute('aria-activedescendant', option.id);
      option.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (options().length === 0) return;
      event.preventDefault();
      select(event.key === 'ArrowDown' ? at + 1 : at - 1);
    } else if (event.key === 'Escape' && at >= 0) {
      // First Escape lets go of the option; the next one is the input's (or the dialog's).
      event.preventDefault();
      event.stopPropagation();
      select(-1);
    } else if (event.key === 'Enter' && !event.isComposing) {
      event.preventDefault();
      enter(options()[at]);
    }
  });
  return {
    active: () => options()[at],
    select,
    update: () => input.setAttribute('aria-expanded', String(options().length > 0)),
  };
}
