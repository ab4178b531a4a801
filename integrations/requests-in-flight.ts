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
   * Resolves once requests have come and all been answered (the pages a
   * reload just asked for), or after `limitMs` when none comes.
   */
  nextAnswered(limitMs: number): Promise<void>;
}

/** Counts the requests a dev server is answering, so a change can wait for those that began before it. */
export function trackRequests(middlewares: Middlewares): RequestsInFlight {
  const open = new Set<object>();
  const waiting: { pending: Set<object>; done: () => void }[] = [];
  // Waits for requests to come and be answered; `came` once one has.
  const answering = new Set<{ came: boolean; done: () => void }>();
  middlewares.use((_req, res, next) => {
    const request = {};
    open.add(request);
    for (const wait of answering) wait.came = true;
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
      for (const wait of answering) {
        if (!wait.came) continue;
        answering.delete(wait);
        wait.done();
      }
    });
    next();
  });
  return {
    afterCurrent: (done) => {
      if (open.size === 0) return false;
      waiting.push({ pending: new Set(open), done });
      return true;
    },
    nextAnswered: (limitMs) =>
      new Promise<void>((resolve) => {
        const wait = { came: false, done: () => (clearTimeout(timer), resolve()) };
        const timer = setTimeout(() => (answering.delete(wait), resolve()), limitMs);
        answering.add(wait);
      }),
  };
}
