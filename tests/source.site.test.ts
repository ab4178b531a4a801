import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { buildSite } from './helpers/build-site.ts';
import { fixtureCases } from './helpers/fixtures.ts';
import { brokenLinks } from './helpers/link-check.ts';
import { siteFiles } from './helpers/site-files.ts';
import { needsCorpus } from './helpers/corpus.ts';
import { cachedSourceRoot, needsSource } from './helpers/kernel-source.ts';

const root = join(fixtureCases('source-cli').find((c) => c.name === 'mini-kernel')!.dir, 'input');
const page = (dir: string, url: string) => readFileSync(join(dir, url, 'index.html'), 'utf8');

describe('a site built from a kernel root with source', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'abi-source-site-')), 'dist');
  beforeAll(() => {
    buildSite(root, out);
  }, 600_000);

  it('shows "Created in" on an interface page: file:line at git.kernel.org (the release tag) and Elixir', () => {
    const html = page(out, '/sys/class/widget/~widget~/stats/errors/');
    expect(html).toContain('<h2 id="created-in-heading">Created in</h2>');
    expect(html).toContain('href="https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/tree/drivers/widget/widget-core.c?h=v6.12#n6"');
    expect(html).toContain('href="https://elixir.bootlin.com/linux/v6.12/source/drivers/widget/widget-core.c#L6"');
    expect(html).toContain('in folder stats');
    expect(page(out, '/sys/class/widget/~widget~/ghost/')).not.toContain('Created in');
  });

  it('has /coverage/ with a page per MAINTAINERS entry listing each undocumented file with its line', () => {
    const index = page(out, '/coverage/');
    expect(index).toMatch(/href="\/coverage\/widget-subsystem\/">WIDGET SUBSYSTEM<\/a><\/td><td class="num">1<\/td><td class="num">3<\/td>/);
    const widget = page(out, '/coverage/widget-subsystem/');
    expect(widget).toContain('<code>serial</code>');
    expect(widget).toContain('drivers/widget/widget-core.c?h=v6.12#n5');
    expect(page(out, '/coverage/widget-foo-driver/')).toContain('<code>regs</code></td><td>debugfs</td>');
    expect(page(out, '/')).toContain('href="/coverage/">coverage</a>');
  });

  it('links nothing that is not there', () => {
    const { checked, broken } = brokenLinks(out);
    expect(checked).toBeGreaterThan(50);
    expect(broken).toEqual([]);
  });
});

describe('the same tree built without source (ABI_SOURCE_DIR=none)', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'abi-nosource-site-')), 'dist');
  beforeAll(() => {
    buildSite(root, out, { ABI_SOURCE_DIR: 'none' });
  }, 600_000);

  it('shows none of it, and every interface page is still there', () => {
    expect(existsSync(join(out, 'coverage'))).toBe(false);
    const html = siteFiles(out).filter((f) => f.endsWith('.html')).map((f) => readFileSync(join(out, f), 'utf8'));
    expect(html.some((h) => h.includes('Created in') || h.includes('/coverage/'))).toBe(false);
    expect(existsSync(join(out, 'sys/class/widget/~widget~/speed/index.html'))).toBe(true);
  });
});

const siteDir = inject('siteDir');
const source = cachedSourceRoot('6.12');

describe.skipIf(!source)(`the linux-6.12 test site with its source ${needsCorpus} ${needsSource}`, () => {
  it('links /sys/class/net/<iface>/mtu to net-sysfs.c at the source release (6.12.117, the stable tree)', () => {
    const html = page(siteDir, '/sys/class/net/~iface~/mtu/');
    expect(html).toMatch(/<a class="src" href="https:\/\/git\.kernel\.org\/pub\/scm\/linux\/kernel\/git\/stable\/linux\.git\/tree\/net\/core\/net-sysfs\.c\?h=v6\.12\.117#n\d+"><code>net\/core\/net-sysfs\.c:\d+<\/code><\/a>/);
    expect(html).toContain('<code>NETDEVICE_SHOW_RW</code>');
  });

  it('has a coverage page per MAINTAINERS entry whose counts add up to the index page', () => {
    const index = page(siteDir, '/coverage/');
    const rows = [...index.matchAll(/href="\/coverage\/([^/"]+)\/">[^<]*<\/a><\/td><td class="num">(\d+)<\/td><td class="num">(\d+)<\/td>/g)];
    expect(rows.length).toBeGreaterThan(500);
    const total = /(\d+)\s+in all, (\d+) documented by a What, <strong>(\d+) undocumented<\/strong>/.exec(index);
    expect(total).not.toBeNull();
    expect(rows.reduce((n, r) => n + Number(r[2]), 0)).toBe(Number(total![3]));
    expect(rows.reduce((n, r) => n + Number(r[3]), 0)).toBe(Number(total![2]));
    for (const [, slug] of rows.slice(0, 20)) expect(existsSync(join(siteDir, 'coverage', slug!, 'index.html'))).toBe(true);
    expect(page(siteDir, '/coverage/networking-general/')).toContain('net/core/');
  });
});
