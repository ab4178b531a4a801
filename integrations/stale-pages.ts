import type { DevServer } from './dev-store.ts';

const PAGE_OPENED = 'abi-atlas:page-opened';

/**
 * The script every page runs in `astro dev`: once its live-reload socket is
 * up, it says how long ago its document was requested (`performance.now()`
 * counts from there), a duration, so the browser's clock never has to agree
 * with the server's.
 */
export const pageOpenedScript = `if (import.meta.hot) import.meta.hot.send(${JSON.stringify(PAGE_OPENED)}, { age: performance.now() });`;

export interface StalePages {
  /** The store changed now: a page requested before this is reloaded when it connects. */
  storeChanged(): void;
}

/**
 * Reloads a page that connects with a document requested before the last
 * change of the store. The reload sent at the change reaches only the pages
 * connected then; one that was loading (its socket not yet up) missed it,
 * and may show the old tree.
 */
export function reloadStalePages(server: DevServer): StalePages {
  let changedAt = 0;
  server.environments.client.hot.on(PAGE_OPENED, (data: { age?: unknown }, client) => {
    if (typeof data?.age !== 'number') return;
    if (Date.now() - data.age < changedAt) client.send({ type: 'full-reload', path: '*' });
  });
  return { storeChanged: () => void (changedAt = Date.now()) };
}
