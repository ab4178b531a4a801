import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMaintainers, mailAddresses } from '../content-loader/source/maintainers.ts';
import { cachedSourceRoot, needsSource } from './helpers/kernel-source.ts';

// Entries in the order MAINTAINERS keeps them; patterns as scripts/get_maintainer.pl reads them.
const TEXT = `List of maintainers
	M: *Mail* patches to: FullName <address@domain>

Maintainers List
----------------

ALPHA DRIVER
M:	Ann Alpha <ann@example.org>
S:	Maintained
F:	drivers/alpha/alpha-main.c

ALPHA SUBSYSTEM
L:	linux-alpha@example.org
F:	drivers/alpha/
X:	drivers/alpha/legacy/

ALPHA HEADERS
F:	include/linux/alpha*

ONLY TOP LEVEL
F:	drivers/beta/*

BY REGEX
N:	gamma

THE REST
L:	linux-kernel@vger.kernel.org
F:	*
F:	*/
`;

describe('MAINTAINERS', () => {
  const m = parseMaintainers(TEXT);
  const owner = (file: string) => m.owner(file)?.name;

  it('reads entries with their status and addresses, not the preamble', () => {
    expect(m.entries.map((e) => e.name)).toEqual(['ALPHA DRIVER', 'ALPHA SUBSYSTEM', 'ALPHA HEADERS', 'ONLY TOP LEVEL', 'BY REGEX', 'THE REST']);
    expect(m.entries[0]).toMatchObject({ mails: ['ann@example.org'], status: 'Maintained', line: 7 });
    expect(m.entriesOf('LINUX-ALPHA@example.org').map((i) => m.entries[i]!.name)).toEqual(['ALPHA SUBSYSTEM']);
  });

  it('gives a file to its deepest pattern', () => {
    expect(owner('drivers/alpha/alpha-main.c')).toBe('ALPHA DRIVER');
    expect(owner('drivers/alpha/alpha-other.c')).toBe('ALPHA SUBSYSTEM');
    expect(owner('drivers/alpha/sub/deep.c')).toBe('ALPHA SUBSYSTEM');
    expect(owner('include/linux/alpha-regs.h')).toBe('ALPHA HEADERS');
  });

  it('applies X: excludes, glob slash counts and N: regexes; the catch-all owns nothing', () => {
    expect(owner('drivers/alpha/legacy/old.c')).toBeUndefined();
    expect(owner('drivers/beta/beta.c')).toBe('ONLY TOP LEVEL');
    expect(owner('drivers/beta/sub/beta.c')).toBeUndefined();
    expect(owner('drivers/misc/gamma-ray.c')).toBe('BY REGEX');
    expect(m.matches('fs/anything.c').map((x) => m.entries[x.entry]!.name)).toEqual(['THE REST']);
  });

  it('finds the addresses in a Contact field', () => {
    expect(mailAddresses('Fred Foo <fred@example.org>, linux-iio@vger.kernel.org')).toEqual(['fred@example.org', 'linux-iio@vger.kernel.org']);
  });

  const root = cachedSourceRoot('6.12');
  it.skipIf(!root)(`owns real files of linux-6.12 as get_maintainer.pl does ${needsSource}`, () => {
    const real = parseMaintainers(readFileSync(join(root!, 'MAINTAINERS'), 'utf8'));
    expect(real.entries.length).toBeGreaterThan(2500);
    expect(real.owner('net/core/net-sysfs.c')?.name).toBe('NETWORKING [GENERAL]');
    expect(real.owner('drivers/iio/adc/ad7124.c')?.name).toBe('ANALOG DEVICES INC IIO DRIVERS');
    expect(real.owner('drivers/iio/industrialio-core.c')?.name).toBe('IIO SUBSYSTEM AND DRIVERS');
    expect(real.owner('drivers/hwmon/hwmon.c')?.name).toBe('HARDWARE MONITORING');
    expect(real.owner('arch/x86/kernel/cpu/resctrl/rdtgroup.c')?.name).toBe('RDT - RESOURCE ALLOCATION');
  });
});
