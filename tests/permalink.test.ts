import { describe, expect, it } from 'vitest';
import { parseTree, whatToUrl } from '../content-loader/index.ts';
import { corpusTree, needsCorpus } from './helpers/corpus.ts';

describe('whatToUrl', () => {
  it.each([
    ['/sys/kernel/btf/vmlinux', '/sys/kernel/btf/vmlinux/'],
    ['/sys/class/net/<iface>/mtu', '/sys/class/net/~iface~/mtu/'],
    ['/sys/bus/iio/devices/iio:deviceX/in_voltageY_raw', '/sys/bus/iio/devices/iio:deviceX/in_voltageY_raw/'],
    ['/sys/class/leds/*/brightness', '/sys/class/leds/~~/brightness/'],
    ['/sys/devices/system/cpu/cpu[0-9]+/online', '/sys/devices/system/cpu/cpu~x5b0-9~x5d+/online/'],
    ['/sys/bus/foo/{enable,disable}', '/sys/bus/foo/~x7benable,disable~x7d/'],
    ['/sys/kernel/<a|b>/x', '/sys/kernel/~a~x7cb~/x/'],
    ['/sys/firmware/secvar/vars/<variable name>', '/sys/firmware/secvar/vars/~variable~x20name~/'],
    ['Audit Login UID', '/~/Audit~x20Login~x20UID/'],
    ['.../XXXXXXX.ipa/version', '/~/.../XXXXXXX.ipa/version/'],
  ])('%s -> %s', (what, url) => {
    expect(whatToUrl(what)).toBe(url);
  });

  it('ignores surrounding space and a trailing slash: they name the same symbol', () => {
    expect(whatToUrl('  /sys/foo/bar/ ')).toBe(whatToUrl('/sys/foo/bar'));
  });

  it('keeps a path What apart from a non-path What of the same text', () => {
    expect(whatToUrl('/~/x')).not.toBe(whatToUrl('x'));
    expect(whatToUrl('/sys')).not.toBe(whatToUrl('sys'));
  });

  it('falls back to a hashed, still unique URL where the readable form is ambiguous', () => {
    const a = whatToUrl('/sys/a/<>'); // would read back as "*"
    const b = whatToUrl('/sys/a/*');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^\/sys\/a\/~~![0-9a-f]{8}\/$/);
    expect(whatToUrl('/sys//x')).toMatch(/!/);
    expect(whatToUrl('')).toMatch(/^\/~\/![0-9a-f]{8}\/$/);
  });

  it('never makes dot segments or empty segments', () => {
    for (const w of ['/sys/./x', '/sys/../x', '/sys//x', '/']) {
      expect(whatToUrl(w).slice(0, -1)).not.toMatch(/\/\.{1,2}(\/|$)|\/\//);
    }
  });
});

for (const version of ['6.1', '6.12']) {
  describe(`permalinks over linux-${version} ${needsCorpus}`, () => {
    const symbols = parseTree(corpusTree(version)).entries.flatMap((e) => e.symbols);

    it('are readable: no percent-encoding needed, no hash fallback', () => {
      for (const { url } of symbols) {
        expect(encodeURI(url)).toBe(url);
        expect(url).toMatch(/^\/[A-Za-z0-9._:,+@=~\/-]*\/$/);
      }
    });

    it('are unique per distinct What', () => {
      const seen = new Map<string, string>();
      for (const { what, url } of symbols) {
        const key = what.replace(/\/$/, '');
        expect(seen.get(url) ?? key).toBe(key);
        seen.set(url, key);
      }
    });
  });
}

describe(`permalinks across versions ${needsCorpus}`, () => {
  it('are the same in 6.1 and 6.12 for every symbol the two share', () => {
    const urls = (v: string) => new Map(parseTree(corpusTree(v)).entries.flatMap((e) => e.symbols.map((s) => [s.what, s.url] as const)));
    const [old, now] = [urls('6.1'), urls('6.12')];
    const shared = [...old.keys()].filter((w) => now.has(w));
    expect(shared.length).toBeGreaterThan(4000);
    for (const w of shared) expect(now.get(w)).toBe(old.get(w));
  });
});
