import { fromHtml } from 'hast-util-from-html';
import type { Nodes } from 'hast';
import { describe as describeText } from '../content-loader/describe/index.ts';
import { describe, expect, it } from 'vitest';
import { parseTree } from '../content-loader/index.ts';
import { MAX_WHATS_LISTED, manyWhatsWarnings, NEAREST_WHATS } from '../content-loader/parse/limits.ts';
import { whatToUrl } from '../content-loader/parse/permalink.ts';
import { entryPaths } from '../content-loader/site/entry-paths.ts';
import { fileContents } from '../content-loader/site/file-contents.ts';
import { wrapPieces } from '../content-loader/site/line-breaks.ts';
import { buildSiteModel, siteModelOf } from '../content-loader/site/site-model.ts';
import { firstSentence, oneLine, SUMMARY_MAX } from '../content-loader/site/summary.ts';
import { GROUP_ABOVE, nameGroups } from '../content-loader/site/tree-groups.ts';
import type { AbiEntry } from '../content-loader/types.ts';
import { corpusTree, needsCorpus } from './helpers/corpus.ts';

const VERSIONS = ['6.1', '6.12'] as const;

describe('summaries: the first sentence of a description, on one line', () => {
  // Judged by reading each description: its first sentence, or the first
  // row of a table, or two sentences when the first is only a word or two.
  it.each([
    ['/sys/class/net/<iface>/mtu', 'Indicates the interface currently configured MTU value, in bytes, and in decimal format.'],
    ['/sys/kernel/btf/vmlinux', "Read-only binary attribute exposing kernel's own BTF type information with description of all internal kernel types."],
    ['/sys/class/infiniband/<device>/node_type', 'node_type: (RO) Node type (CA, RNIC, usNIC, usNIC UDP, switch or router)'],
    ['/sys/bus/usb/devices/usbX/ep_<N>/type', 'Descriptor type. Can be:'],
    ['/sys/bus/platform/devices/dfl-port.0/ap1_event', 'Read-write. Read this file for AP1 (AFU Power State 1) event.'],
    ['/sys/bus/platform/drivers/ufshcd/*/power_info/lane', 'This file shows how many lanes are enabled on the UFS link, i.e., an output 2 means UFS link is operating with 2 lanes.'],
    ['/sys/block/<disk>/queue/write_cache', '[RW] When read, this file will display whether the device has write back caching enabled or not.'],
    ['/sys/class/hwmon/hwmonX/pwmY_mode', '0: DC mode (direct current) 1: PWM mode (pulse-width modulation)'],
  ])(`of %s (linux-6.12) ${needsCorpus}`, (what, expected) => {
    const entry = parseTree(corpusTree('6.12')).entries.find((e) => e.symbols.some((s) => s.what === what))!;
    expect(firstSentence(entry.description)).toBe(expected);
  });

  it('cuts a long sentence after a whole word, never inside one', () => {
    const long = `${'word '.repeat(50)}end.`;
    const cut = firstSentence(long)!;
    expect(cut.length).toBeLessThanOrEqual(SUMMARY_MAX + 1);
    expect(cut).toMatch(/^(word )+word…$/);
    expect(oneLine('a\n  b\tc')).toBe('a b c');
    expect(firstSentence('   \n ')).toBeUndefined();
  });

  describe(`on every description of the real trees ${needsCorpus}`, () => {
    it.each(VERSIONS)('linux-%s: one line of whole words, the opening words of the rendered description', (version) => {
      const bad: string[] = [];
      const squash = (s: string) => s.replace(/\s+/g, '');
      for (const e of parseTree(corpusTree(version)).entries) {
        const summary = firstSentence(e.description);
        if (e.description?.trim() && summary === undefined) bad.push(`${e.id}: no summary`);
        if (summary === undefined) continue;
        const rendered = plainText(fromHtml(describeText(e.description!).html, { fragment: true }));
        const words = summary.replace(/…$/, '');
        if (/\n/.test(summary) || summary.length > SUMMARY_MAX + 1) bad.push(`${e.id}: not one short line`);
        else if (!squash(rendered).startsWith(squash(words))) bad.push(`${e.id}: "${words}" does not open its description`);
        // A cut ends after a whole word: the rendered text goes on with a space or a punctuation mark.
        else if (summary.endsWith('…') && !new RegExp(`^${escape(words).replace(/ /g, '\\s*')}(?![\\p{L}\\p{N}])`, 'u').test(rendered.replace(/^\s+/, ''))) {
          bad.push(`${e.id}: cut inside a word: "${words.slice(-20)}"`);
        }
      }
      expect(bad.slice(0, 10)).toEqual([]);
    });
  });
});

describe('wrap points', () => {
  it('cut after / and _ (and . : in long segments) only, and give the text back whole', () => {
    expect(wrapPieces('/sys/class/net/<iface>/mtu')).toEqual(['/sys/', 'class/', 'net/', '<iface>/', 'mtu']);
    expect(wrapPieces('in_voltageY_raw')).toEqual(['in_', 'voltageY_', 'raw']);
    expect(wrapPieces('/<hid-bus>:<vendor-id>:<product-id>.<num>/x')).toEqual(['/<hid-bus>:', '<vendor-id>:', '<product-id>.', '<num>/', 'x']);
    expect(wrapPieces('/~/Audit~x20Login~x20UID/')).toEqual(['/~/', 'Audit~x20', 'Login~x20', 'UID/']);
    expect(wrapPieces('/sys/devices/platform/_UDC_/gadget')).toEqual(['/sys/', 'devices/', 'platform/', '_UDC_/', 'gadget']);
    expect(wrapPieces('/sys/bus/iio/devices/iio:deviceX/in_accel_x_raw')).toEqual(['/sys/', 'bus/', 'iio/', 'devices/', 'iio:deviceX/', 'in_', 'accel_', 'x_', 'raw']);
    for (const e of parseTree(corpusTree('6.12')).entries) {
      for (const s of e.symbols) {
        const pieces = wrapPieces(s.what);
        expect(pieces.join('')).toBe(s.what);
        expect(pieces.slice(0, -1).filter((p) => !/[/_.:]$/.test(p)), s.what).toEqual([]);
      }
    }
  });
});

describe(`name groups of big folders, on linux-6.12 ${needsCorpus}`, () => {
  const model = buildSiteModel(parseTree(corpusTree('6.12')).entries);

  it('partition every folder: each child once, in order within its group, under a prefix it has', () => {
    for (const node of model.tree.values()) {
      const groups = nameGroups(node.children);
      const names = groups.flatMap((g) => g.items.map((c) => c.name));
      expect([...names].sort()).toEqual(node.children.map((c) => c.name).sort());
      for (const g of groups) {
        expect(g.items.every((c) => c.name.startsWith(g.prefix)), `${node.path} ${g.prefix}`).toBe(true);
        expect(g.items.map((c) => c.name)).toEqual(node.children.map((c) => c.name).filter((n) => g.items.some((c) => c.name === n)));
        if (groups.length > 1 && !g.other) expect(g.items.length, `${node.path} ${g.prefix}`).toBeGreaterThanOrEqual(3);
      }
      expect(new Set(groups.map((g) => g.id)).size).toBe(groups.length);
      if (node.children.length <= GROUP_ABOVE) expect(groups).toHaveLength(1);
    }
  });

  it('shows iio:deviceX/ as in_accel_*, in_anglvel_*, ... and the rest of in_*', () => {
    const groups = nameGroups(model.tree.get(whatToUrl('/sys/bus/iio/devices/iio:deviceX'))!.children);
    const patterns = groups.map((g) => `${g.other ? 'other ' : ''}${g.pattern ?? 'names'}`);
    expect(patterns).toEqual(expect.arrayContaining(['in_accel_*', 'in_anglvel_*', 'in_magn_*', 'in_voltageY_*', 'other in_*', 'other names']));
    expect(groups.length).toBeLessThan(60);
    expect(groups.find((g) => g.pattern === 'in_accel_*')!.items.map((c) => c.name)).toContain('in_accel_x_raw');
  });
});

describe('an entry\'s paths on its pages', () => {
  const symbols = Array.from({ length: 20_000 }, (_, i) => ({ what: `/sys/many/a_${i}`, url: `/sys/many/a_${i}/`, line: i + 1 }));

  it(`lists all on the file page and on symbol pages up to ${MAX_WHATS_LISTED} Whats`, () => {
    expect(entryPaths(symbols).shown).toHaveLength(20_000);
    const small = symbols.slice(0, MAX_WHATS_LISTED);
    expect(entryPaths(small, small[42]!.url)).toMatchObject({ total: MAX_WHATS_LISTED, complete: true });
  });

  it(`shows the page's own What and the ${NEAREST_WHATS} nearest on a symbol page of a bigger entry`, () => {
    for (const at of [0, 3, 10_000, 19_998, 19_999]) {
      const { shown, total, complete } = entryPaths(symbols, symbols[at]!.url);
      expect({ total, complete, count: shown.length }).toEqual({ total: 20_000, complete: false, count: NEAREST_WHATS + 1 });
      expect(shown.filter((p) => p.current).map((p) => p.what)).toEqual([symbols[at]!.what]);
      const first = symbols.findIndex((s) => s.url === shown[0]!.url);
      expect(shown.map((p) => p.url)).toEqual(symbols.slice(first, first + NEAREST_WHATS + 1).map((s) => s.url));
      expect(Math.abs(first + NEAREST_WHATS / 2 - at) <= NEAREST_WHATS / 2).toBe(true);
    }
  });

  it('warns many-whats at the entry, and never on the real trees', () => {
    const entry = { id: 'x', anchor: 'x', level: 'testing', file: 'testing/sysfs-many', line: 3, symbols } satisfies AbiEntry;
    const [warning, ...more] = manyWhatsWarnings([entry, { ...entry, symbols: symbols.slice(0, MAX_WHATS_LISTED) }]);
    expect(more).toEqual([]);
    expect(warning).toMatchObject({ kind: 'many-whats', file: 'testing/sysfs-many', line: 3 });
    expect(warning!.message).toContain('/sys/many/a_0 is one of 20000 Whats of one entry');
    for (const version of VERSIONS) {
      expect(parseTree(corpusTree(version)).warnings.filter((w) => w.kind === 'many-whats')).toEqual([]);
    }
  });
});

describe(`file contents, on linux-6.12 ${needsCorpus}`, () => {
  const entries = parseTree(corpusTree('6.12')).entries;

  it('lists every entry of a long file by its first What and anchor, folded; none for a short file', () => {
    const iio = entries.filter((e) => e.file === 'testing/sysfs-bus-iio');
    const contents = fileContents(iio, (e) => firstSentence(e.description));
    expect(contents.open).toBe(false);
    expect(contents.items.map((i) => i.anchor)).toEqual(iio.map((e) => e.anchor));
    expect(contents.items[0]).toEqual({ anchor: 'abi-sys-bus-iio-devices-iio-devicex', what: '/sys/bus/iio/devices/iio:deviceX', more: 0, summary: 'Hardware chip or device accessed by one communication port.' });
    const btf = entries.filter((e) => e.file === 'testing/sysfs-kernel-btf');
    expect(fileContents(btf, () => undefined).items).toEqual([]);
  });
});

const BLOCKS = new Set(['p', 'li', 'dt', 'dd', 'td', 'th', 'tr', 'pre', 'div', 'table', 'ul', 'ol', 'dl', 'h4', 'blockquote']);

/** The text of rendered HTML, a space between blocks (as a reader sees them apart). */
function plainText(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if (!('children' in node)) return '';
  const text = node.children.map((c) => plainText(c as Nodes)).join('');
  return node.type === 'element' && BLOCKS.has(node.tagName) ? ` ${text} ` : text;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe(`the site model kept across dev edits, on linux-6.12 ${needsCorpus}`, () => {
  const entries = parseTree(corpusTree('6.12')).entries;

  it('is the same model while ids, levels, files, Whats and lines are the same, even from new objects', () => {
    const model = siteModelOf(entries);
    expect(siteModelOf(structuredClone(entries))).toBe(model);
    // A description is not part of the model.
    expect(siteModelOf(entries.map((e, i) => (i === 0 ? { ...e, description: 'Edited.' } : e)))).toBe(model);
  });

  it('is made again when a line moves (an edit above an entry), and then says the new line', () => {
    const model = siteModelOf(entries);
    const first = entries[0]!;
    const moved = entries.map((e) => (e === first ? { ...e, symbols: e.symbols.map((s) => ({ ...s, line: s.line + 3 })) } : e));
    const again = siteModelOf(moved);
    expect(again).not.toBe(model);
    const symbol = first.symbols[0]!;
    expect(again.symbols.get(symbol.url)!.definitions.find((d) => d.entryId === first.id)!.line).toBe(symbol.line + 3);
  });
});
