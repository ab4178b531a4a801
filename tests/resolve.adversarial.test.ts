import { describe, expect, it } from 'vitest';
import { parseTree } from '../content-loader/index.ts';
import { buildResolver, deepestDocumentedPrefix, MAX_PATH_LENGTH, resolve, resolveMention, type Resolver, type WorkMeter } from '../content-loader/resolve/index.ts';
import { attacks } from './helpers/crafted-paths.ts';
import { corpusTree, needsCorpus } from './helpers/corpus.ts';

/**
 * Work is counted, not timed: steps are automaton states per character plus
 * tree states. 25 steps per character of the longest path is about 100,000
 * steps, a few milliseconds (`npm run bench` has the times).
 */
const STEPS_PER_CHARACTER = 25;
/** Doubling the path may at most double the work (plus the fixed part); a quadratic matcher gives 4. */
const GROWTH_LIMIT = 2.2;

function steps(run: (meter: WorkMeter) => unknown): number {
  const meter = { steps: 0 };
  run(meter);
  return meter.steps;
}

describe('the paths from issue 11', () => {
  const resolver = buildResolver([
    { what: '/sys/bus/usb/devices/<busnum>-<port[.port]>...:<config num>-<interface num>/supports_autosuspend', url: '/x/', level: 'testing', file: 'testing/x', line: 1 },
    { what: '/sys/redos/<a>_<b>_<c>_<d>_<e>_x', url: '/y/', level: 'testing', file: 'testing/y', line: 1 },
  ]);

  it('3000 × "a-" in a USB interface name: longer than PATH_MAX, so no walk at all', () => {
    const path = `/sys/bus/usb/devices/${'a-'.repeat(3000)}:a/supports_autosuspend`;
    expect(steps((meter) => expect(resolve(resolver, path, { meter })).toEqual([]))).toBe(0);
  });

  it('the same attack within PATH_MAX: linear work, and the real match still found', () => {
    const attack = (n: number) => `/sys/bus/usb/devices/${'a-'.repeat(n)}:a`;
    const work = (n: number) => steps((meter) => expect(resolve(resolver, `${attack(n)}-1/supports_autosuspend`, { meter })).toHaveLength(1));
    expect(work(2000) / work(1000)).toBeLessThan(GROWTH_LIMIT);
    expect(work(2000)).toBeLessThan(STEPS_PER_CHARACTER * MAX_PATH_LENGTH);
  });

  it('a mention of /sys/redos/ + 200 × "a_" against <a>_<b>_<c>_<d>_<e>_x: linear work', () => {
    const work = (n: number) => steps((meter) => resolveMention(resolver, `/sys/redos/${'a_'.repeat(n)}`, { meter }));
    expect(work(400) / work(200)).toBeLessThan(GROWTH_LIMIT);
    expect(work(1000)).toBeLessThan(STEPS_PER_CHARACTER * 2000);
  });
});

describe(`crafted paths against every wildcard segment of linux-6.1 and 6.12 ${needsCorpus}`, () => {

  it.each(['6.1', '6.12'])('linux-%s: resolver, mention links and the 404 folder stay linear and under budget', (version) => {
    const entries = parseTree(corpusTree(version)).entries;
    const resolver: Resolver = buildResolver(entries);
    const list = attacks(entries.flatMap((e) => e.symbols.map((s) => s.what)));
    // Every tree node below a wildcard segment is attacked (946 on 6.1, 1077 on 6.12).
    expect(list.length).toBeGreaterThan(900);
    const over: string[] = [];
    for (const attack of list) {
      const [failing, matching] = attack.paths(MAX_PATH_LENGTH);
      const [half] = attack.paths(MAX_PATH_LENGTH / 2);
      const full = steps((meter) => resolve(resolver, failing!, { meter }));
      const work = [
        full,
        matching ? steps((meter) => resolve(resolver, matching, { meter })) : 0,
        steps((meter) => resolveMention(resolver, failing!, { meter })),
        steps((meter) => deepestDocumentedPrefix(resolver, failing!, { meter })),
      ];
      const growth = full / steps((meter) => resolve(resolver, half!, { meter }));
      if (Math.max(...work) > STEPS_PER_CHARACTER * MAX_PATH_LENGTH || growth > GROWTH_LIMIT) {
        over.push(`${attack.prefix}: ${Math.max(...work)} steps, ×${growth.toFixed(2)} for twice the length`);
      }
    }
    expect(over).toEqual([]);
  });
});
