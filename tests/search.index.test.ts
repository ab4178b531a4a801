import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { loadResolver, resolve, type SerializedResolver } from '../content-loader/resolve/index.ts';
import {
  filesystemOf,
  kernelLabel,
  kernelSortKey,
  loadQuickJump,
  parseKernelVersion,
  pathWords,
  quickSearch,
  type QuickJumpData,
} from '../content-loader/search/index.ts';
import { needsCorpus } from './helpers/corpus.ts';

const siteDir = inject('siteDir');

describe('search facets', () => {
  it('classifies filesystems', () => {
    expect(filesystemOf('/sys/class/net/<iface>/mtu')).toBe('sysfs');
    expect(filesystemOf('/sys/kernel/debug/foo')).toBe('debugfs');
    expect(filesystemOf('/sys/kernel/config/usb_gadget')).toBe('configfs');
    expect(filesystemOf('/config/usb-gadget/x')).toBe('configfs');
    expect(filesystemOf('/proc/diskstats')).toBe('procfs');
    expect(filesystemOf('/dev/kmsg')).toBe('dev');
    expect(filesystemOf('Audit Login UID')).toBe('other');
    expect(filesystemOf('/system/foo')).toBe('other');
  });

  it('reads free-form KernelVersion fields', () => {
    const label = (raw: string) => {
      const v = parseKernelVersion(raw);
      return v && kernelLabel(v);
    };
    expect(label('v5.14')).toBe('5.14');
    expect(label('4.01')).toBe('4.1');
    expect(label('2.6.22')).toBe('2.6.22');
    expect(label('5.6.0')).toBe('5.6');
    expect(label('since at least 2.6.18')).toBe('2.6.18');
    expect(label('TBD')).toBeUndefined();
    expect(kernelSortKey(parseKernelVersion('3.10'))! > kernelSortKey(parseKernelVersion('3.9'))!).toBe(true);
  });

  it('indexes every tail and segment of a path', () => {
    expect(pathWords('/sys/kernel/btf/vmlinux')).toEqual(['sys/kernel/btf/vmlinux', 'sys', 'kernel/btf/vmlinux', 'kernel', 'btf/vmlinux', 'btf', 'vmlinux']);
    expect(pathWords('/sys/class/net/<iface>/mtu')).toContain('iface/mtu');
    expect(pathWords('Audit Login UID')).toEqual([]);
  });
});

describe.skipIf(!siteDir)(`the search index of the built linux-6.12 site ${needsCorpus}`, () => {
  const pagefindDir = join(siteDir, 'pagefind');

  it('has a Pagefind bundle with one page per symbol page', () => {
    expect(existsSync(join(pagefindDir, 'pagefind.js'))).toBe(true);
    const entry = JSON.parse(readFileSync(join(pagefindDir, 'pagefind-entry.json'), 'utf8'));
    const pages = Object.values(entry.languages as Record<string, { page_count: number }>).reduce((n, l) => n + l.page_count, 0);
    expect(pages).toBe(5920);
    expect(readdirSync(join(pagefindDir, 'fragment')).length).toBe(5920);
  });

  it('marks only symbol pages for indexing, with filters and a sort key', () => {
    const symbol = readFileSync(join(siteDir, 'sys/class/net/~iface~/mtu/index.html'), 'utf8');
    expect(symbol).toContain('data-pagefind-body');
    expect(symbol).toContain('data-pagefind-filter="level:testing"');
    expect(symbol).toContain('data-pagefind-filter="filesystem:sysfs"');
    expect(symbol).toMatch(/data-pagefind-filter="kernel:[\d.]+"/);
    expect(symbol).toMatch(/data-pagefind-sort="kernel:\d{3}\.\d{3}\.\d{3}"/);
    for (const page of ['index.html', 'testing/index.html', 'testing/sysfs-kernel-btf/index.html', 'sys/class/net/index.html']) {
      expect(readFileSync(join(siteDir, page), 'utf8'), page).not.toContain('data-pagefind-body');
    }
    // Filter values are stored in the bundle's filter files.
    expect(readdirSync(join(pagefindDir, 'filter')).length).toBeGreaterThan(0);
  });

  it('writes the quick-jump index of every symbol, and fuse finds typos', () => {
    const data = JSON.parse(readFileSync(join(siteDir, 'search/paths.json'), 'utf8')) as QuickJumpData;
    expect(data.symbols).toHaveLength(5920);
    expect(data.index.records).toHaveLength(5920);
    expect(data.symbols).toContainEqual(['/sys/kernel/btf/vmlinux', 1]);
    const fuse = loadQuickJump(data);
    expect(quickSearch(fuse, 'sys clas net mtu')[0]).toMatchObject({ what: '/sys/class/net/<iface>/mtu', url: '/sys/class/net/~iface~/mtu/', level: 'testing' });
    expect(quickSearch(fuse, 'btf vmlnux')[0]?.what).toBe('/sys/kernel/btf/vmlinux');
    expect(quickSearch(fuse, 'btf/vmlinux')[0]?.what).toBe('/sys/kernel/btf/vmlinux');
    expect(quickSearch(fuse, 'rx_bytes')[0]?.what).toBe('/sys/class/net/<iface>/statistics/rx_bytes');
    expect(quickSearch(fuse, 'link speed')).toEqual([]);
  });

  it('serves the resolver data, which resolves concrete paths', () => {
    const data = JSON.parse(readFileSync(join(siteDir, 'search/resolver.json'), 'utf8')) as SerializedResolver;
    const resolver = loadResolver(data);
    expect(resolve(resolver, '/sys/class/net/eth0/mtu')[0]?.what).toBe('/sys/class/net/<iface>/mtu');
    expect(resolve(resolver, '/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor').map((m) => m.what)).toContain('/sys/devices/system/cpu/cpuX/cpufreq/*');
  });

  it('has a search page that says something without JavaScript', () => {
    const html = readFileSync(join(siteDir, 'search/index.html'), 'utf8');
    expect(html).toMatch(/<form[^>]*role="search"[^>]*action="\/search\/"/);
    expect(html).toContain('<noscript>');
    expect(html).toContain('href="/stable/"');
  });
});
