import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const fixture = fileURLToPath(new URL('../fixtures/hostile/ABI', import.meta.url));

export interface HostileOptions {
  /** Also write `testing/sysfs-many`: one entry with this many Whats (`/sys/many/attr_00000`, ...). */
  whatsInOneEntry?: number;
}

/**
 * A copy of tests/fixtures/hostile/ABI plus the parts too big to commit:
 * a 20,000-line description, and on request one entry with thousands of
 * Whats. Returns the ABI folder.
 */
export function hostileTree(options: HostileOptions = {}): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'abi-hostile-')), 'ABI');
  cpSync(fixture, dir, { recursive: true });
  const lines = Array.from({ length: 20_000 }, (_, i) => `\t\tLine ${i} of a long description; see /sys/class/net/eth0/mtu.`);
  writeFileSync(join(dir, 'testing', 'sysfs-huge'), ['What:\t\t/sys/huge/description', 'Description:', ...lines, ''].join('\n'));
  if (options.whatsInOneEntry) {
    const whats = Array.from({ length: options.whatsInOneEntry }, (_, i) => `What:\t\t${manyWhat(i)}`);
    const description = ['Description:', '\t\tOne of many attributes of one entry. Each holds a number.', ''];
    writeFileSync(join(dir, 'testing', 'sysfs-many'), [...whats, 'Date:\t\tJanuary 2026', 'Contact:\tnobody@example.org', ...description].join('\n'));
  }
  return dir;
}

/** The i-th What of the generated `testing/sysfs-many` entry. */
export function manyWhat(i: number): string {
  return `/sys/many/attr_${String(i).padStart(5, '0')}`;
}
