import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { parseTree } from '../content-loader/index.ts';
import { whatToUrl } from '../content-loader/parse/permalink.ts';
import { loadResolver, resolve, type SerializedResolver } from '../content-loader/resolve/index.ts';
import {
  abbreviates,
  applyFilters,
  buildSearchIndex,
  compareResults,
  filesystemOf,
  isKernelRelease,
  kernelLabel,
  kernelSortKey,
  loadSearchIndex,
  matchLocal,
  NO_FILTERS,
  packedOrder,
  parseKernelVersion,
  parseQuery,
  pathSegments,
  pathWords,
  prepareLocalSearch,
  quickMatches,
  rankResults,
  resultUrl,
  symbolIdMap,
  SYMBOL_IDS_FILE,
  textTokens,
  tokenKey,
  withoutNumber,
  type SearchIndexData,
  type SymbolIds,
} from '../content-loader/search/index.ts';
import { corpusTree, needsCorpus } from './helpers/corpus.ts';
import { withPagefind } from '../integrations/pagefind-symbol-ids.ts';

const siteDir = inject('siteDir');

describe('search words', () => {
  it('cuts What segments into tokens, numbers and wildcards dropped', () => {
    const tokens = (what: string) => pathSegments(what).map((s) => s.tokens);
    expect(tokens('/sys/class/hwmon/hwmonX/fanY_input')).toEqual([['sys'], ['class'], ['hwmon'], ['hwmon'], ['fan', 'input']]);
    expect(tokens('/sys/class/net/<iface>/statistics/rx_bytes')).toEqual([['sys'], ['class'], ['net'], [], ['statistics'], ['rx', 'bytes']]);
    expect(tokens('/sys/class/infiniband/hfi1_X/ports/<N>/vl2mtu/[0-15]')).toEqual([['sys'], ['class'], ['infiniband'], ['hfi1'], ['ports'], [], ['vl2mtu'], []]);
    expect(tokens('/sys/devices/system/cpu/cpu[0-9]+/online').at(-2)).toEqual(['cpu']);
    expect(tokens('/sys/devices/LNXSYSTM:00/LNXSYBUS:00/fan')[2]).toEqual(['lnxsystm', '00']);
    expect(tokens('Audit Login UID')).toEqual([]);
  });

  it('reads a query: words at spaces and slashes, tokens at other punctuation, stop words dropped', () => {
    expect(parseQuery('sampling_frequency /sys').tokens).toEqual(['sampling', 'frequency', 'sys']);
    expect(parseQuery('btf/vmlinux').words).toEqual(['btf', 'vmlinux']);
    expect(parseQuery('offline a cpu').tokens).toEqual(['offline', 'cpu']);
    expect(parseQuery('the').tokens).toEqual(['the']);
    expect(parseQuery(' /sys/class/net/eth0/mtu ').isPath).toBe(true);
    expect(textTokens('sysfs-kernel-btf')).toEqual(['sysfs', 'kernel', 'btf']);
  });

  it('compares plural and numbered forms as the same word, and knows kernel abbreviations', () => {
    expect(tokenKey('hugepages')).toBe(tokenKey('hugepage'));
    expect(tokenKey('status')).not.toBe(tokenKey('stat'));
    expect(withoutNumber('fan1')).toBe('fan');
    expect(withoutNumber('fan')).toBeUndefined();
    expect(abbreviates('temp', 'temperature')).toBe(true);
    expect(abbreviates('len', 'length')).toBe(true);
    expect(abbreviates('refcnt', 'refcount')).toBe(true);
    expect(abbreviates('power', 'powertop')).toBe(false);
    expect(abbreviates('stat', 'status')).toBe(false);
  });

  it('indexes every tail and segment of a path for Pagefind', () => {
    expect(pathWords('/sys/kernel/btf/vmlinux')).toEqual(['sys/kernel/btf/vmlinux', 'sys', 'kernel/btf/vmlinux', 'kernel', 'btf/vmlinux', 'btf', 'vmlinux']);
    expect(pathWords('/sys/class/net/<iface>/mtu')).toContain('iface/mtu');
    expect(pathWords('Audit Login UID')).toEqual([]);
  });

  it('classifies filesystems', () => {
    expect(filesystemOf('/sys/class/net/<iface>/mtu')).toBe('sysfs');
    expect(filesystemOf('/sys/kernel/debug/foo')).toBe('debugfs');
    expect(filesystemOf('/sys/kernel/config/usb_gadget')).toBe('configfs');
    expect(filesystemOf('/config/usb-gadget/x')).toBe('configfs');
    expect(filesystemOf('/proc/diskstats')).toBe('procfs');
    expect(filesystemOf('/dev/kmsg')).toBe('dev');
    expect(filesystemOf('Audit Login UID')).toBe('other');
  });
});

describe('sorting rows by one packed number', () => {
  it('orders by the signals left to right, larger first, then the smaller tie rank', () => {
    // Rows of two signals: [2, 0] [1, 5] [2, 0] [2, 3]; ties 3, 0, 1, 2.
    const rows = Float64Array.of(2, 0, 1, 5, 2, 0, 2, 3);
    const ties = [3, 0, 1, 2];
    expect([...packedOrder(rows, 2, 4, (r) => ties[r]!, 4)!]).toEqual([3, 2, 0, 1]);
  });

  it('reads fixed-point signals exactly and negative ones in order', () => {
    const rows = Float64Array.of(1.001, -2, 1.002, -3, 1.001, -1);
    expect([...packedOrder(rows, 2, 3, (r) => r, 3, [1000])!]).toEqual([1, 2, 0]);
  });

  it('declines when a packed key would not be exact, or a tie rank repeats', () => {
    const wide = Float64Array.of(0, 0, 0, 2 ** 30, 2 ** 30, 2 ** 30);
    expect(packedOrder(wide, 3, 2, (r) => r, 2)).toBeUndefined();
    expect(packedOrder(Float64Array.of(1, 2), 1, 2, () => 0, 2)).toBeUndefined();
    expect([...packedOrder(new Float64Array(0), 4, 0, (r) => r, 1)!]).toEqual([]);
  });
});

describe('kernel versions', () => {
  const label = (raw: string) => {
    const v = parseKernelVersion(raw);
    return v && kernelLabel(v);
  };
  it('reads free-form KernelVersion fields', () => {
    expect(label('v5.14')).toBe('5.14');
    expect(label('4.01')).toBe('4.1');
    expect(label('2.6.22')).toBe('2.6.22');
    expect(label('5.6.0')).toBe('5.6');
    expect(label('since at least 2.6.18')).toBe('2.6.18');
    expect(label('TBD')).toBeUndefined();
    expect(kernelSortKey(parseKernelVersion('3.10'))! > kernelSortKey(parseKernelVersion('3.9'))!).toBe(true);
  });

  it('knows which versions were released', () => {
    const released = (raw: string, newest?: string) => isKernelRelease(parseKernelVersion(raw)!, parseKernelVersion(newest));
    for (const never of ['6.20', '5.20', '5.21', '4.21', '4.22', '3.20', '3.21', '2.6.40']) expect(released(never), never).toBe(false);
    for (const real of ['2.6.12', '2.6.39', '3.19', '4.20', '5.19', '6.0', '6.19', '2.4.14']) expect(released(real), real).toBe(true);
    expect(released('7.1', '7.2')).toBe(true);
    expect(released('7.3', '7.2')).toBe(false);
    expect(released('7.0', '6.12')).toBe(false);
  });
});

describe(`search on linux-6.12 without the full text ${needsCorpus}`, () => {
  const tree = parseTree(corpusTree('6.12'));
  const data = JSON.parse(JSON.stringify(buildSearchIndex(tree.entries, tree.files, '6.12'))) as SearchIndexData;
  const local = prepareLocalSearch(loadSearchIndex(data));
  const first = (q: string) => quickMatches(local, q, 1)[0]?.symbol.what;
  const ranked = (q: string) => {
    const query = parseQuery(q);
    return rankResults(local, query, matchLocal(local, query));
  };

  it('lists every distinct symbol once, and only KernelVersions of released kernels', () => {
    expect(data.symbols).toHaveLength(new Set(tree.entries.flatMap((e) => e.symbols.map((s) => s.url))).size);
    const written = new Set(tree.entries.flatMap((e) => (parseKernelVersion(e.kernelVersion) ? [kernelLabel(parseKernelVersion(e.kernelVersion)!)] : [])));
    for (const never of ['3.21', '4.21', '4.22', '5.20', '5.21']) expect(written, `${never} is written in linux-6.12`).toContain(never);
    for (const k of data.kernels) {
      expect(written).toContain(k);
      expect(isKernelRelease(parseKernelVersion(k)!), k).toBe(true);
    }
    expect(data.kernels).not.toContain('5.21');
  });

  it('puts the What whose last segment is the query word first', () => {
    expect(first('mtu')).toBe('/sys/class/net/<iface>/mtu');
    expect(first('sampling frequency')).toBe('/sys/bus/iio/devices/iio:deviceX/sampling_frequency');
    expect(first('sys clas net mtu')).toBe('/sys/class/net/<iface>/mtu');
    expect(first('numa meminfo')).toBe('/sys/devices/system/node/nodeX/meminfo');
  });

  it('reads Users as a phrase, and a mount point as no word of the interface', () => {
    // /dev/kmsg's Users: "dmesg(1), userspace kernel log consumers"; `console_log` sits under /sys/kernel/debug.
    expect(first('kernel log')).toBe('/dev/kmsg');
    expect(first('dmesg')).toBe('/dev/kmsg');
  });

  it('finds a typo, a file name and a program named in Users', () => {
    expect(first('btf vmlnux')).toBe('/sys/kernel/btf/vmlinux');
    expect(resultUrl(ranked('sysfs-kernel-btf')[0]!)).toBe('/testing/sysfs-kernel-btf/');
    const users = ranked('util-linux').slice(0, 4);
    for (const r of users) expect(r.kind === 'symbol' && r.symbol.users.some((u) => data.people[u]!.includes('util-linux')), r.title).toBe(true);
  });

  it('never lets a near miss outrank a path word typed exactly', () => {
    // Every path word of the tree, typed alone: the first result has it in its path, never as a typo of another.
    for (const word of local.vocabulary.filter((w) => w.length >= 4 && /^[a-z]+$/.test(w))) {
      const top = ranked(word)[0];
      expect(top && top.reason !== 'similar name', word).toBe(true);
    }
  });

  it('names a member of a collection by the collection, and puts a current What before an obsolete one its file name alone favours', () => {
    // `events/<event>` is one of the events; `btf/<module-name>` is one module, not "btf".
    expect(first('pmu events')).toBe('/sys/bus/event_source/devices/<pmu>/events/<event>');
    expect(local.names[local.index.symbols.find((s) => s.what === '/sys/kernel/btf/<module-name>')!.id]).toEqual([]);
    // `current_governor_ro` (obsolete) is in `sysfs-cpuidle`, a file named for the query's word; the testing ones are not.
    const governors = ranked('cpuidle governor').map((r) => r.title);
    expect(governors.indexOf('/sys/devices/system/cpu/cpuidle/current_governor')).toBeLessThan(governors.indexOf('/sys/devices/system/cpu/cpuidle/current_governor_ro'));
    expect(governors.indexOf('/sys/devices/system/cpu/cpuidle/available_governors')).toBeLessThan(governors.indexOf('/sys/devices/system/cpu/cpuidle/current_governor_ro'));
  });

  it('ranks in the order of the full signal keys, on the queries that rank the most symbols', () => {
    // The ranker sorts by packed numbers and a precomputed tie order (for speed); the keys it reports must agree.
    for (const q of ['s', 'sys', 'sysfs', '/sys/class', 'sysfs-class-net', 'device', 'power', 'in', 'cpu freq', 'btf vmlnux', 'util-linux']) {
      const results = ranked(q);
      expect(results.length, q).toBeGreaterThan(0);
      const resorted = [...results].sort(compareResults);
      expect(results.map((r) => r.title), q).toEqual(resorted.map((r) => r.title));
    }
  });

  it('counts filters over the one list, full text or not', () => {
    const results = ranked('btf vmlnux');
    const { shown, counts } = applyFilters(results, NO_FILTERS, local.index);
    expect(shown).toHaveLength(results.length);
    const testing = results.filter((r) => r.kind === 'symbol' && r.symbol.levels.includes('testing')).length;
    expect(counts.level.testing).toBe(testing);
    expect(counts.level.testing).toBeGreaterThan(0);

    const speed = ranked('speed');
    const old = applyFilters(speed, { ...NO_FILTERS, since: { from: '', to: '5.10' } }, local.index);
    expect(old.shown.length).toBeGreaterThan(0);
    for (const r of old.shown) expect(r.kind === 'symbol' && kernelSortKey(parseKernelVersion(r.symbol.kernel)) <= kernelSortKey(parseKernelVersion('5.10'))).toBe(true);
    const upTo = local.index.kernels.indexOf('5.10');
    expect(old.shown).toHaveLength(applyFilters(speed, NO_FILTERS, local.index).counts.since.slice(0, upTo + 1).reduce((a, b) => a + b, 0));

    const under = applyFilters(speed, { ...NO_FILTERS, under: '/sys/class/net/' }, local.index).shown;
    expect(under.map((r) => r.title)).toContain('/sys/class/net/<iface>/speed');
    for (const r of under) expect(r.title.startsWith('/sys/class/net/')).toBe(true);
  });
});

describe(`the search data of the built linux-6.12 site ${needsCorpus}`, () => {
  const pagefindDir = join(siteDir, 'pagefind');

  it('has a Pagefind bundle with one page per symbol page', () => {
    expect(existsSync(join(pagefindDir, 'pagefind.js'))).toBe(true);
    const entry = JSON.parse(readFileSync(join(pagefindDir, 'pagefind-entry.json'), 'utf8'));
    const pages = Object.values(entry.languages as Record<string, { page_count: number }>).reduce((n, l) => n + l.page_count, 0);
    expect(pages).toBe(5920);
    expect(readdirSync(join(pagefindDir, 'fragment')).length).toBe(5920);
  });

  it('maps the hits of a search through Pagefind\'s own script to the symbols they are', async () => {
    const index = JSON.parse(readFileSync(join(siteDir, 'search/index.json'), 'utf8')) as SearchIndexData;
    const ids = JSON.parse(readFileSync(join(pagefindDir, SYMBOL_IDS_FILE), 'utf8')) as SymbolIds;
    expect(index.symbols).toHaveLength(5920);
    expect(ids.ids).toHaveLength(index.symbols.length);
    const map = symbolIdMap(ids);
    expect(map.size).toBe(5920);
    // The ids a keyword search returns (as in the browser) name the page of the symbol they map to.
    await withPagefind(pagefindDir, async (pagefind) => {
      for (const word of ['mtu', 'vmlinux', 'hugepages', 'sampling']) {
        const results = (await pagefind.search(word))?.results ?? [];
        expect(results.length, word).toBeGreaterThan(0);
        for (const r of results.slice(0, 40)) expect((await r.data()).url, word).toBe(whatToUrl(index.symbols[map.get(r.id)!]![0]));
      }
    });
  }, 120_000);

  it('gives Pagefind the path, file, Users and Contact as metadata, out of the text excerpts are cut from', async () => {
    const html = readFileSync(join(siteDir, 'sys/kernel/btf/vmlinux/index.html'), 'utf8');
    expect(html).toMatch(/<div hidden[^>]*data-pagefind-ignore[^>]*>\s*<span data-pagefind-meta="path">[^<]*btf\/vmlinux/);
    expect(html).toContain('data-pagefind-meta="file">testing/sysfs-kernel-btf<');
    expect(html).toMatch(/data-pagefind-meta="title" data-pagefind-weight="10"/);
    const index = JSON.parse(readFileSync(join(siteDir, 'search/index.json'), 'utf8')) as SearchIndexData;
    const map = symbolIdMap(JSON.parse(readFileSync(join(pagefindDir, SYMBOL_IDS_FILE), 'utf8')) as SymbolIds);
    const id = index.symbols.findIndex(([what]) => what === '/sys/kernel/btf/vmlinux');
    const fragment = await withPagefind(pagefindDir, async (pagefind) => {
      const hit = (await pagefind.search('vmlinux'))?.results.find((r) => map.get(r.id) === id);
      return hit!.data();
    });
    expect(fragment.meta.path).toContain('btf/vmlinux');
    expect(fragment.meta.contact).toBe('bpf@vger.kernel.org');
    // The text is the title, then the description: no path words in between.
    expect(fragment.content.split(/\s+/).slice(0, 3)).toEqual(['/sys/kernel/btf/vmlinux', 'Read-only', 'binary']);
  });

  it('offers only released kernels as KernelVersion filters', () => {
    const index = JSON.parse(readFileSync(join(siteDir, 'search/index.json'), 'utf8')) as SearchIndexData;
    const values = new Set<string>();
    for (const [what] of index.symbols) {
      const html = readFileSync(join(siteDir, whatToUrl(what), 'index.html'), 'utf8');
      for (const m of html.matchAll(/data-pagefind-filter="kernel:([^"]+)"/g)) values.add(m[1]!);
    }
    expect(values).toContain('5.10');
    for (const k of values) expect(isKernelRelease(parseKernelVersion(k)!, parseKernelVersion('6.12')), k).toBe(true);
    for (const k of index.kernels) expect(values, k).toContain(k);
  });

  it('serves the resolver data, which resolves concrete paths', () => {
    const data = JSON.parse(readFileSync(join(siteDir, 'search/resolver.json'), 'utf8')) as SerializedResolver;
    const resolver = loadResolver(data);
    expect(resolve(resolver, '/sys/class/net/eth0/mtu')[0]?.what).toBe('/sys/class/net/<iface>/mtu');
    expect(resolve(resolver, '/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor').map((m) => m.what)).toContain('/sys/devices/system/cpu/cpuX/cpufreq/*');
  });

  it('has a search page that says something without JavaScript, with its words apart', () => {
    const html = readFileSync(join(siteDir, 'search/index.html'), 'utf8');
    expect(html).toMatch(/<form[^>]*role="search"[^>]*action="\/search\/"/);
    expect(html).toContain('<noscript>');
    expect(html).toContain('href="/stable/"');
    expect(html).toContain('</code> finds <code>');
    expect(html).not.toMatch(/<\/code>finds|<\/kbd>or|<\/code>\./);
  });
});
