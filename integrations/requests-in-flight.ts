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
}

/** Counts the requests a dev server is answering, so a change can wait for those that began before it. */
export function trackRequests(middlewares: Middlewares): RequestsInFlight {
  const open = new Set<object>();
  const waiting: { pending: Set<object>; done: () => void }[] = [];
  middlewares.use((_req, res, next) => {
    const request = {};
    open.add(request);
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
    });
    next();
  });
  return {
    afterCurrent: (done) => {
      if (open.size === 0) return false;
      waiting.push({ pending: new Set(open), done });
      return true;
    },
  };
}
