import { describe, expect, it } from 'vitest';
import { parseTree } from '../content-loader/index.ts';
import { fuzzyQueryOf, pathToWhat, suggestionsFor } from '../content-loader/site/not-found.ts';
import { buildResolver } from '../content-loader/resolve/index.ts';
import { buildSearchIndex, loadSearchIndex, prepareLocalSearch } from '../content-loader/search/index.ts';
import { corpusTree, needsCorpus } from './helpers/corpus.ts';

describe('pathToWhat', () => {
  it('reads a URL path as a What-like path', () => {
    expect(pathToWhat('/sys/class/net/eth0/mtu/')).toBe('/sys/class/net/eth0/mtu');
    expect(pathToWhat('/sys/class/net/%3Ciface%3E/mtu/')).toBe('/sys/class/net/<iface>/mtu');
    expect(pathToWhat('/~/Audit~x20Login~x20UID/')).toBe('Audit~x20Login~x20UID');
    expect(pathToWhat('/%E0%A4%A/')).toBe('/%E0%A4%A');
  });

  it('gives the fuzzy match the last names only, cut short, however long the URL', () => {
    expect(fuzzyQueryOf('/sys/class/net/~iface~/mtux')).toBe('class/net/ iface /mtux');
    const crafted = pathToWhat(`/sys/bus/usb/devices/${'a-'.repeat(3000)}:a/supports_autosuspend/`);
    expect(fuzzyQueryOf(crafted)).toBe(`usb/devices/${'a-'.repeat(16)}/supports_autosuspend`);
  });
});

describe(`404 suggestions on linux-6.12 ${needsCorpus}`, () => {
  const tree = parseTree(corpusTree('6.12'));
  const resolver = buildResolver(tree.entries);
  const local = prepareLocalSearch(loadSearchIndex(JSON.parse(JSON.stringify(buildSearchIndex(tree.entries, tree.files, '6.12')))));

  it('offers the entry that documents a real path first', () => {
    const s = suggestionsFor('/sys/class/net/eth0/mtu/', resolver, local);
    expect(s[0]).toEqual({ what: '/sys/class/net/<iface>/mtu', url: '/sys/class/net/~iface~/mtu/', why: 'documents this path' });
    // Then names next to it, before similar names elsewhere in the tree.
    expect(s[1]?.what).toMatch(/^\/sys\/class\/net\/<iface>\/[^/]+$/);
  });

  it('offers similar names for a typo', () => {
    const s = suggestionsFor('/sys/kernel/btf/vmlnux/', resolver, local);
    expect(s).toContainEqual({ what: '/sys/kernel/btf/vmlinux', url: '/sys/kernel/btf/vmlinux/', why: 'similar name' });
    expect(new Set(s.map((x) => x.url)).size).toBe(s.length);
  });

  it('offers the closest documented folder for a path below nothing documented', () => {
    expect(suggestionsFor('/sys/kernel/mm/zz_no_such/', resolver, local)[0]).toEqual({ what: '/sys/kernel/mm', url: '/sys/kernel/mm/', why: 'closest documented folder' });
  });

  it('answers a crafted URL longer than any real path: nothing documents it; similar names come from its last few names only', () => {
    // The resolver refuses it (longer than PATH_MAX); the similar-name match sees 4 names of at most 32 characters.
    const crafted = suggestionsFor(`/sys/bus/usb/devices/${'a-'.repeat(3000)}:a/supports_autosuspend/`, resolver, local);
    expect(crafted.filter((s) => s.why !== 'similar name')).toEqual([]);
    expect(crafted[0]?.what).toMatch(/^\/sys\/bus\/usb\/devices\/.*\/supports_autosuspend$/);
    expect(suggestionsFor(`/sys/bus/usb/devices/${'a-'.repeat(30)}:a/supports_autosuspend/`, resolver, local)[0]).toEqual({
      what: '/sys/bus/usb/devices',
      url: '/sys/bus/usb/devices/',
      why: 'closest documented folder',
    });
  });

  it('reads a mistyped permalink', () => {
    expect(suggestionsFor('/sys/class/net/~iface~/mtux/', resolver, local).map((x) => x.what)).toContain('/sys/class/net/<iface>/mtu');
  });
});
