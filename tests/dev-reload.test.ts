import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { trackRequests } from '../integrations/requests-in-flight.ts';
import { astroReloads, reloadPages, type DevServer } from '../integrations/dev-store.ts';

/** A dev server's middleware stack as trackRequests sees it; `request()` sends one through and returns its end. */
function fakeMiddlewares() {
  let handle: ((req: never, res: EventEmitter, next: () => void) => void) | undefined;
  return {
    use: (h: typeof handle) => void (handle = h),
    request: () => {
      const res = new EventEmitter();
      handle!(undefined as never, res, () => undefined);
      return () => void res.emit('close');
    },
  };
}

const settledWithin = async (p: Promise<unknown>, ms: number) => Promise.race([p.then(() => true), new Promise((r) => setTimeout(() => r(false), ms))]);

describe('the requests a reload brings', () => {
  it('are waited for until none has been open for a moment, not for a request begun before the wait', async () => {
    const middlewares = fakeMiddlewares();
    const requests = trackRequests(middlewares as never);
    const old = middlewares.request();
    // A quiet time well above the 20 ms below, so a slow event loop cannot end the wait early.
    const answered = requests.nextAnswered(300, 5_000);
    old();
    expect(await settledWithin(answered, 120)).toBe(false);
    const page = middlewares.request();
    page();
    // The page's styles come soon after its document: still waited for.
    await new Promise((r) => setTimeout(r, 20));
    const style = middlewares.request();
    expect(await settledWithin(answered, 120)).toBe(false);
    style();
    expect(await settledWithin(answered, 100)).toBe(false);
    expect(await settledWithin(answered, 1_000)).toBe(true);
  });

  it('are given up on after the limit when none comes (no page open)', async () => {
    const requests = trackRequests(fakeMiddlewares() as never);
    const started = performance.now();
    await requests.nextAnswered(10, 50);
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
  });
});

describe("Astro's reloads after its save", () => {
  const fakeServer = () => {
    const sent: unknown[] = [];
    const server = { environments: { client: { hot: { send: (payload: unknown) => void sent.push(payload) } } } } as unknown as DevServer;
    return { server, sent };
  };

  it("are not sent while muted; ours and Vite's (which name a file) are", () => {
    const { server, sent } = fakeServer();
    const astro = astroReloads(server);
    const astrosReload = { type: 'full-reload', path: '*' } as const;
    const vitesReload = { type: 'full-reload', path: '*', triggeredBy: '/work/src/pages/index.astro' } as const;
    astro.mute();
    server.environments.client.hot.send(astrosReload);
    server.environments.client.hot.send(astrosReload);
    server.environments.client.hot.send(vitesReload);
    reloadPages(server);
    server.environments.client.hot.send({ type: 'custom', event: 'x' } as const);
    expect(sent).toEqual([vitesReload, expect.objectContaining({ type: 'full-reload', path: '*', triggeredBy: expect.any(String) }), { type: 'custom', event: 'x' }]);
    astro.unmute();
    server.environments.client.hot.send(astrosReload);
    expect(sent.at(-1)).toEqual(astrosReload);
  });
});
