import type { IncomingMessage, ServerResponse } from 'node:http';

/** The middleware stack of a dev server (Vite's `server.middlewares`), as far as this needs it. */
interface Middlewares {
  use(handle: (req: IncomingMessage, res: ServerResponse, next: () => void) => void): unknown;
}

export interface RequestsInFlight {
  /**
   * Calls `done` once every request being answered now has been answered;
   * requests that come later are not waited for. False, and `done` is never
   * called, when there is none.
   */
  afterCurrent(done: () => void): boolean;
  /**
   * Resolves once requests have come and none has been open for `quietMs`
   * (what the pages a reload just asked for asked for next: a page's styles
   * and scripts come a few ms after its document), or after `limitMs`.
   */
  nextAnswered(quietMs: number, limitMs: number): Promise<void>;
}

/** Counts the requests a dev server is answering, so a change can wait for those that began before it. */
export function trackRequests(middlewares: Middlewares): RequestsInFlight {
  const open = new Set<object>();
  const waiting: { pending: Set<object>; done: () => void }[] = [];
  // Waits for requests to come and be answered: `came` once one has; `quiet` runs while none is open.
  const answering = new Set<{ came: boolean; quiet?: NodeJS.Timeout; quietMs: number; done: () => void }>();
  middlewares.use((_req, res, next) => {
    const request = {};
    open.add(request);
    for (const wait of answering) {
      wait.came = true;
      clearTimeout(wait.quiet);
    }
    // 'close' also comes for a request the browser gave up on, so none stays open forever.
    res.once('close', () => {
      open.delete(request);
      for (const wait of [...waiting]) {
        wait.pending.delete(request);
        if (wait.pending.size === 0) {
          waiting.splice(waiting.indexOf(wait), 1);
          wait.done();
        }
      }
      if (open.size > 0) return;
      for (const wait of answering) if (wait.came) wait.quiet = setTimeout(wait.done, wait.quietMs);
    });
    next();
  });
  return {
    afterCurrent: (done) => {
      if (open.size === 0) return false;
      waiting.push({ pending: new Set(open), done });
      return true;
    },
    nextAnswered: (quietMs, limitMs) =>
      new Promise<void>((resolve) => {
        const wait = {
          came: false,
          quiet: undefined as NodeJS.Timeout | undefined,
          quietMs,
          done: () => {
            clearTimeout(limit);
            clearTimeout(wait.quiet);
            answering.delete(wait);
            resolve();
          },
        };
        const limit = setTimeout(wait.done, limitMs);
        answering.add(wait);
      }),
  };
}
