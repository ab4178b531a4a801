import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const fixture = fileURLToPath(new URL('../fixtures/hostile/ABI', import.meta.url));

/**
 * A copy of tests/fixtures/hostile/ABI plus the parts too big to commit:
 * a 20,000-line description. Returns the ABI folder.
 */
export function hostileTree(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'abi-hostile-')), 'ABI');
  cpSync(fixture, dir, { recursive: true });
  const lines = Array.from({ length: 20_000 }, (_, i) => `\t\tLine ${i} of a long description; see /sys/class/net/eth0/mtu.`);
  writeFileSync(join(dir, 'testing', 'sysfs-huge'), ['What:\t\t/sys/huge/description', 'Description:', ...lines, ''].join('\n'));
  return dir;
}
