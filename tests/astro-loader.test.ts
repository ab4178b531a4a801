import { cpSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { abiLoader, type AbiCollection } from '../content-loader/astro/loader.ts';
import type { AbiEntry } from '../content-loader/types.ts';
import { fakeContext } from './helpers/loader-context.ts';

const fixture = fileURLToPath(new URL('./fixtures/parse/multi-what/input', import.meta.url));
let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function loader(collection: AbiCollection, rendered: string[]) {
  const render = (entry: AbiEntry) => (rendered.push(entry.id), { html: `<p>${entry.description}</p>` });
  return abiLoader({ trees: [{ abiDir: dir }], collection, render });
}

describe('abiLoader', () => {
  it('stores every entry once, then does no work while the tree is unchanged', async () => {
    dir = mkdtempSync(join(tmpdir(), 'abi-loader-'));
    cpSync(fixture, dir, { recursive: true });
    const rendered: string[] = [];
    const { context, store } = fakeContext('entries');
    await loader('entries', rendered).load(context);
    expect([...store.keys()]).toEqual(['abi_sys_class_foo_dev_a', 'abi_sys_class_foo_dev_d']);
    expect(store.get('abi_sys_class_foo_dev_a')?.rendered?.html).toBe('<p>Three attributes.</p>');
    expect(rendered).toHaveLength(2);

    await loader('entries', rendered).load(context);
    expect(rendered).toHaveLength(2);
  });

  it('re-renders only the entry that changed and drops the one that went away', async () => {
    dir = mkdtempSync(join(tmpdir(), 'abi-loader-'));
    cpSync(fixture, dir, { recursive: true });
    const rendered: string[] = [];
    const { context, store } = fakeContext('entries');
    await loader('entries', rendered).load(context);
    rendered.length = 0;

    const file = join(dir, 'testing', 'sysfs-class-foo');
    const text = readFileSync(file, 'utf8').replace('A new entry after another tag.', 'Edited.');
    writeFileSync(file, text);
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    await loader('entries', rendered).load(context);
    expect(rendered).toEqual(['abi_sys_class_foo_dev_d']);
    expect(store.get('abi_sys_class_foo_dev_d')?.rendered?.html).toBe('<p>Edited.</p>');

    writeFileSync(file, text.split('\n\n')[0] + '\n');
    utimesSync(file, new Date(), new Date(Date.now() + 10000));
    await loader('entries', rendered).load(context);
    expect([...store.keys()]).toEqual(['abi_sys_class_foo_dev_a']);
  });

  it('feeds files and meta from the same parse', async () => {
    dir = mkdtempSync(join(tmpdir(), 'abi-loader-'));
    cpSync(fixture, dir, { recursive: true });
    const files = fakeContext('files');
    const meta = fakeContext('meta');
    await abiLoader({ trees: [{ abiDir: dir }], collection: 'files' }).load(files.context);
    await abiLoader({ trees: [{ abiDir: dir, version: '9.9' }], collection: 'meta' }).load(meta.context);
    expect(files.store.get('testing/sysfs-class-foo')?.data).toMatchObject({ level: 'testing', entries: 2, order: 0 });
    expect(meta.store.get('tree')?.data).toMatchObject({ version: '9.9', symbols: 4, warnings: [] });
  });

  it('holds several trees in one collection, each item under its version', async () => {
    dir = mkdtempSync(join(tmpdir(), 'abi-loader-'));
    const [old, now] = [join(dir, 'old'), join(dir, 'now')];
    cpSync(fixture, old, { recursive: true });
    cpSync(fixture, now, { recursive: true });
    const file = join(now, 'testing', 'sysfs-class-foo');
    writeFileSync(file, readFileSync(file, 'utf8').replace('A new entry after another tag.', 'Edited.'));
    const rendered: string[] = [];
    const render = (entry: AbiEntry) => (rendered.push(entry.id), { html: `<p>${entry.description}</p>` });
    const trees = [{ abiDir: old, version: '1.0', idPrefix: '1.0/' }, { abiDir: now, version: '2.0', idPrefix: '2.0/' }];
    const entries = fakeContext('versionEntries');
    await abiLoader({ collection: 'entries', trees, render }).load(entries.context);
    expect([...entries.store.keys()]).toEqual(['1.0/abi_sys_class_foo_dev_a', '1.0/abi_sys_class_foo_dev_d', '2.0/abi_sys_class_foo_dev_a', '2.0/abi_sys_class_foo_dev_d']);
    expect(entries.store.get('1.0/abi_sys_class_foo_dev_d')?.data).toMatchObject({ id: 'abi_sys_class_foo_dev_d', version: '1.0' });
    expect(entries.store.get('2.0/abi_sys_class_foo_dev_d')?.rendered?.html).toBe('<p>Edited.</p>');
    expect(rendered).toHaveLength(4);

    // Dropping a version drops its items and renders nothing again.
    await abiLoader({ collection: 'entries', trees: trees.slice(1), render }).load(entries.context);
    expect([...entries.store.keys()]).toEqual(['2.0/abi_sys_class_foo_dev_a', '2.0/abi_sys_class_foo_dev_d']);
    expect(rendered).toHaveLength(4);

    const meta = fakeContext('versionMeta');
    await abiLoader({ collection: 'meta', trees }).load(meta.context);
    expect([...meta.store.keys()]).toEqual(['1.0', '2.0']);
    expect(meta.store.get('1.0')?.data).toMatchObject({ version: '1.0', symbols: 4 });
  });
});
