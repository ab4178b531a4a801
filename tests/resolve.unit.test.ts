import { describe, expect, it } from 'vitest';
import { compileWhat, isFailure, type CompiledWhat } from '../content-loader/resolve/compile-what.ts';
import { buildResolver, deepestDocumentedPrefix, loadResolver, resolve, resolveMention, serializeResolver, type ResolverSymbol } from '../content-loader/resolve/index.ts';
import { whatToUrl } from '../content-loader/parse/permalink.ts';
import { classViews } from '../content-loader/resolve/views.ts';
import { isSkipped, namesOf } from '../content-loader/resolve/sysfs-walk.ts';
import { compileFragment } from '../content-loader/resolve/fragment.ts';
import { compileNfa, nfaMatches } from '../content-loader/resolve/segment-nfa.ts';
import type { SegmentPattern } from '../content-loader/resolve/segment-pattern.ts';

/** True when the compiled What matches the whole concrete path (one resolver per What keeps the unit small). */
function matches(what: string, path: string): boolean {
  const r = buildResolver([symbol(what)]);
  return resolve(r, path).some((m) => m.what === what);
}

function symbol(what: string, file = 'testing/sysfs-test', line = 1): ResolverSymbol {
  return { what, url: whatToUrl(what), level: (file.split('/')[0] as ResolverSymbol['level']), file, line };
}

function compiled(what: string): CompiledWhat {
  const c = compileWhat(what);
  if (!c || isFailure(c)) throw new Error(`not compiled: ${what}`);
  return c;
}

// [What, a path it must match, a path it must NOT match]
const FORMS: [string, string, string][] = [
  ['/sys/kernel/btf/vmlinux', '/sys/kernel/btf/vmlinux', '/sys/kernel/btf/vmlinux2'],
  ['/sys/class/net/<iface>/mtu', '/sys/class/net/eth0/mtu', '/sys/class/net/eth0/x/mtu'],
  ['/sys/bus/usb/devices/<busnum>-<devnum>:<config num>.<interface num>/control', '/sys/bus/usb/devices/1-2:1.0/control', '/sys/bus/usb/devices/1-2/control'],
  ['/sys/class/leds/*/brightness', '/sys/class/leds/input3::capslock/brightness', '/sys/class/leds/a/b/brightness'],
  ['/sys/devices/system/cpu/cpuX/online', '/sys/devices/system/cpu/cpu12/online', '/sys/devices/system/cpu/cpufreq/online'],
  ['/sys/bus/iio/devices/iio:deviceX/in_voltageY_raw', '/sys/bus/iio/devices/iio:device0/in_voltage3_raw', '/sys/bus/iio/devices/iio:device0/in_voltage_raw'],
  ['/sys/class/hwmon/hwmonX/fanN_input', '/sys/class/hwmon/hwmon1/fan2_input', '/sys/class/hwmon/hwmon1/fanN_input2'],
  ['/sys/class/net/<iface>/cdc_ncm/bNumEndpoints', '/sys/class/net/usb0/cdc_ncm/bNumEndpoints', '/sys/class/net/usb0/cdc_ncm/b3umEndpoints'],
  ['/sys/devices/LNXSYSTM:00/power', '/sys/devices/LNXSYSTM:00/power', '/sys/devices/LN1SYSTM:00/power'],
  ['/sys/bus/pci/devices/0000:XX:XX.X/foo', '/sys/bus/pci/devices/0000:3a:1f.2/foo', '/sys/bus/pci/devices/0000:3g:1f.2/foo'],
  ['/sys/class/rfkill/rfkill[0-9]+/state', '/sys/class/rfkill/rfkill10/state', '/sys/class/rfkill/rfkill/state'],
  ['/sys/class/infiniband/qibX/ports/<N>/sl2vl/[0-15]', '/sys/class/infiniband/qib0/ports/1/sl2vl/15', '/sys/class/infiniband/qib0/ports/1/sl2vl/16'],
  ['/sys/bus/coresight/devices/<tpdm-name>/dsb_edge/edcr[0:15]', '/sys/bus/coresight/devices/tpdm0/dsb_edge/edcr7', '/sys/bus/coresight/devices/tpdm0/dsb_edge/edcr20'],
  ['/sys/bus/cxl/devices/regionZ/target[0..N]', '/sys/bus/cxl/devices/region0/target12', '/sys/bus/cxl/devices/region0/targetN'],
  ['/sys/devices/platform/docg3/f[0-3]_dps[01]_is_keylocked', '/sys/devices/platform/docg3/f3_dps1_is_keylocked', '/sys/devices/platform/docg3/f4_dps1_is_keylocked'],
  ['/sys/bus/cxl/devices/decoderX.Y/cap_{pmem,ram,type2,type3}', '/sys/bus/cxl/devices/decoder0.1/cap_type2', '/sys/bus/cxl/devices/decoder0.1/cap_type4'],
  ['/sys/class/tee/tee{,priv}X/rpmb_routing_model', '/sys/class/tee/tee0/rpmb_routing_model', '/sys/class/tee/teefoo0/rpmb_routing_model'],
  ['/sys/devices/LNXSYSTM:00/LNXSYBUS:00/TOS{1900,620{0,7,8}}:00/fan', '/sys/devices/LNXSYSTM:00/LNXSYBUS:00/TOS6208:00/fan', '/sys/devices/LNXSYSTM:00/LNXSYBUS:00/TOS6209:00/fan'],
  ['/sys/class/typec/<port|partner|cable>/<dev>/svid', '/sys/class/typec/cable/x/svid', '/sys/class/typec/plug/x/svid'],
  ['/sys/kernel/debug/qat_<device>_<BDF>/telemetry/rp_<A/B/C/D>_data', '/sys/kernel/debug/qat_4xxx_0000:6b:00.0/telemetry/rp_C_data', '/sys/kernel/debug/qat_4xxx_0000:6b:00.0/telemetry/rp_E_data'],
  ['/sys/bus/coresight/devices/<memory_map>.[etm|ptm]/mode', '/sys/bus/coresight/devices/2201c000.ptm/mode', '/sys/bus/coresight/devices/2201c000.stm/mode'],
  ['/sys/devices/system/edac/mc/mc*/(dimm|rank)*/size', '/sys/devices/system/edac/mc/mc0/rank3/size', '/sys/devices/system/edac/mc/mc0/csrow3/size'],
  ['/sys/bus/i2c/devices/.../output_hvled[n]', '/sys/bus/i2c/devices/0-0036/output_hvled2', '/sys/bus/i2c/devices/output_hvled2'],
  ['/sys/bus/usb/devices/.../power/level', '/sys/bus/usb/devices/usb1/1-1/power/level', '/sys/bus/usb/power/level'],
  ['/sys/bus/platform/devices/[..]/fsi-master-gpio/external_mode', '/sys/bus/platform/devices/a/b/fsi-master-gpio/external_mode', '/sys/bus/platform/devices/fsi-master-gpio/external_mode'],
  ['/sys/bus/soundwire/devices/sdw:.../status', '/sys/bus/soundwire/devices/sdw:0:0:025d:0711:01/status', '/sys/bus/soundwire/devices/sdx:0/status'],
  ['/sys/class/ata_link/linkX[.Y]/sata_spd', '/sys/class/ata_link/link1.2/sata_spd', '/sys/class/ata_link/link1.x/sata_spd'],
  ['/sys/class/ata_link/linkX[.Y]/sata_spd', '/sys/class/ata_link/link1/sata_spd', '/sys/class/ata_link/link/sata_spd'],
  ['/sys/bus/wmi/devices/05901221-D566-11D1-B2F0-00A0C9062910[-X]/bmof', '/sys/bus/wmi/devices/05901221-D566-11D1-B2F0-00A0C9062910-1/bmof', '/sys/bus/wmi/devices/05901221-D566-11D1-B2F0-00A0C9062910-a/bmof'],
  ['/sys/kernel/debug/dcc/.../[list-number]/config', '/sys/kernel/debug/dcc/10a2000.dcc/3/config', '/sys/kernel/debug/dcc/3/config'],
  ['/sys/class/input/input(x)/device/startup', '/sys/class/input/input5/device/startup', '/sys/class/input/inputx/device/startup'],
  ['/sys/.../iio:deviceX/in_velocity_sqrt(x^2+y^2+z^2)_raw', '/sys/bus/iio/devices/iio:device0/in_velocity_sqrt(x^2+y^2+z^2)_raw', '/sys/bus/iio/devices/iio:device0/in_velocity_sqrt(xx2+y^2+z^2)_raw'],
  ['/sys/devices/system/xen_cpu/xen_cpu#/online', '/sys/devices/system/xen_cpu/xen_cpu3/online', '/sys/devices/system/xen_cpu/xen_cpu#/x'],
  ['/sys/devices/platform/usbip-vudc.%d/dev_desc', '/sys/devices/platform/usbip-vudc.0/dev_desc', '/sys/devices/platform/usbip-vudc.a/dev_desc'],
  ['/sys/kernel/config/tsm/report/$name/inblob', '/sys/kernel/config/tsm/report/r0/inblob', '/sys/kernel/config/tsm/report/inblob'],
  ['/sys/devices/platform/firmware\\:zynqmp-firmware/ggs*', '/sys/devices/platform/firmware:zynqmp-firmware/ggs0', '/sys/devices/platform/firmware:zynqmp-firmware/pggs0'],
  ['/sys/bus/pci/devices/<dev>/ccissX/cXdY/block:cciss!cXdY', '/sys/bus/pci/devices/0000:01:00.0/cciss0/c0d1/block:cciss!c0d1', '/sys/bus/pci/devices/0000:01:00.0/cciss0/c0d1/block:cciss/c0d1'],
  ['/sys/bus/iio/devices/triggerX/name = "bmg160-any-motion-devX"', '/sys/bus/iio/devices/trigger2/name', '/sys/bus/iio/devices/trigger2/name2'],
  ['/sys/o2cb symlink', '/sys/o2cb', '/sys/o2cb/symlink'],
  ['/dev/gpiochip[0-9]+', '/dev/gpiochip0', '/dev/gpiochipA'],
  ['/proc/*/attr/current', '/proc/1/attr/current', '/proc/attr/current'],
  ['/config/rdma_cm/<hca>/ports/<port-num>/default_roce_tos', '/config/rdma_cm/mlx5_0/ports/1/default_roce_tos', '/config/rdma_cm/mlx5_0/ports/default_roce_tos'],
];

describe('pattern compiler: each wildcard form', () => {
  it.each(FORMS)('%s matches %s', (what, yes) => {
    expect(matches(what, yes)).toBe(true);
  });
  it.each(FORMS)('%s does not match %s (third column)', (what, _yes, no) => {
    expect(matches(what, no)).toBe(false);
  });

  it('ignores a trailing slash on the What and on the path', () => {
    expect(matches('/sys/power/', '/sys/power')).toBe(true);
    expect(matches('/sys/power', '/sys/power/')).toBe(true);
  });

  it('does not compile Whats that are not paths', () => {
    expect(compileWhat('Audit Login UID')).toBeUndefined();
    expect(compileWhat('.../XXXXXXX.ipa/version')).toBeUndefined();
  });

  it('reports what it cannot compile as data', () => {
    expect(compileWhat('/sys/class/foo/<unclosed/bar')).toMatchObject({ reason: expect.stringContaining("unclosed '<'") });
    expect(compileWhat('/sys//foo')).toMatchObject({ reason: expect.stringContaining('empty path segment') });
    expect(compileWhat('/sys/.../<device>/<UUID>')).toMatchObject({ reason: expect.stringContaining('almost any path') });
  });

  it('scores literal text, so specific Whats rank first', () => {
    expect(compiled('/sys/bus/usb/devices/usbX/speed').literalChars).toBeGreaterThan(compiled('/sys/bus/usb/devices/.../speed').literalChars);
    expect(compiled('/sys/class/net/<iface>/mtu').literalSegments).toBe(4);
    expect(compiled('/sys/class/net/<iface>/mtu').wildcards).toBe(1);
  });
});

describe('resolver', () => {
  const symbols = [
    symbol('/sys/class/net/<iface>/mtu', 'testing/sysfs-class-net', 10),
    symbol('/sys/class/net/<iface>/speed', 'testing/sysfs-class-net', 20),
    symbol('/sys/bus/usb/devices/.../speed', 'stable/sysfs-bus-usb', 5),
    symbol('/sys/bus/usb/devices/usbX/speed', 'testing/sysfs-bus-usb', 7),
    symbol('/sys/bus/usb/devices/<busnum>-<devnum>/speed', 'obsolete/sysfs-bus-usb', 9),
    symbol('/sys/block/<disk>/stat', 'stable/sysfs-block', 3),
    symbol('Audit Login UID', 'stable/procfs-audit', 1),
  ];
  const resolver = buildResolver(symbols);

  it('ranks by specificity and keeps every match', () => {
    expect(resolve(resolver, '/sys/bus/usb/devices/usb1/speed').map((m) => m.what)).toEqual([
      '/sys/bus/usb/devices/usbX/speed',
      '/sys/bus/usb/devices/.../speed',
    ]);
    expect(resolve(resolver, '/sys/bus/usb/devices/1-2/speed').map((m) => m.what)).toEqual([
      '/sys/bus/usb/devices/<busnum>-<devnum>/speed',
      '/sys/bus/usb/devices/.../speed',
    ]);
  });

  it('puts an exact What match first and marks it', () => {
    const [first] = resolve(resolver, '/sys/bus/usb/devices/.../speed');
    expect(first).toMatchObject({ what: '/sys/bus/usb/devices/.../speed', exact: true, level: 'stable', file: 'stable/sysfs-bus-usb', line: 5 });
  });

  it('resolves /sys/devices paths through their /sys/class and /sys/block views', () => {
    expect(resolve(resolver, '/sys/devices/pci0000:00/0000:00:1f.6/net/eth0/mtu')[0]).toMatchObject({
      what: '/sys/class/net/<iface>/mtu',
      via: '/sys/class/net/eth0/mtu',
    });
    expect(resolve(resolver, '/sys/devices/virtual/block/loop0/stat')[0]?.what).toBe('/sys/block/<disk>/stat');
    expect(classViews(['sys', 'devices', 'x', 'net', 'eth0', 'mtu'], new Set(['net']))).toEqual([['sys', 'class', 'net', 'eth0', 'mtu']]);
  });

  it('finds the deepest documented folder the path surely lies in', () => {
    // `mtu` has literal text, so `eth0` surely is an <iface>.
    expect(deepestDocumentedPrefix(resolver, '/sys/class/net/eth0/mtu/nosuch')).toEqual({
      prefix: '/sys/class/net/<iface>/mtu',
      url: '/sys/class/net/~iface~/mtu/',
      depth: 5,
      pathPrefix: '/sys/class/net/eth0/mtu',
    });
    // A name under a bare wildcard may be anything (`bonding_masters` is a file, not an interface).
    expect(deepestDocumentedPrefix(resolver, '/sys/class/net/bonding_masters')?.prefix).toBe('/sys/class/net');
    expect(deepestDocumentedPrefix(resolver, '/sys/class/net/eth0/nosuch')?.prefix).toBe('/sys/class/net');
    // `1-2` fits `<busnum>-<devnum>`, whose `-` is literal text.
    expect(deepestDocumentedPrefix(resolver, '/sys/bus/usb/devices/1-2/nosuch')?.prefix).toBe('/sys/bus/usb/devices/<busnum>-<devnum>');
    expect(deepestDocumentedPrefix(resolver, '/proc/1/status')).toBeUndefined();
  });

  it('resolveMention: exact, else best pattern, else the folder, honouring exclude', () => {
    expect(resolveMention(resolver, '/sys/class/net/eth0/mtu')).toBe('/sys/class/net/~iface~/mtu/');
    expect(resolveMention(resolver, '/sys/class/net/<iface>/nosuch')).toBe('/sys/class/net/~iface~/');
    expect(resolveMention(resolver, '/sys/class/net/eth0/nosuch')).toBeUndefined(); // `/sys/class/net/` is two folders up: too vague
    // On the page of the best target itself: no link, not the runner-up.
    expect(resolveMention(resolver, '/sys/bus/usb/devices/usb1/speed', { exclude: ['/sys/bus/usb/devices/usbX/speed/'] })).toBeUndefined();
    expect(resolveMention(resolver, '/sys/class/net/eth0/mtu', { exclude: ['/sys/class/net/~iface~/mtu/'] })).toBeUndefined();
    expect(resolveMention(resolver, '/sys/nosuch/thing')).toBeUndefined(); // only `/sys` documented: too shallow
    expect(resolveMention(resolver, 'Audit Login UID')).toBeUndefined();
  });

  it('round-trips through the compact JSON the browser loads', () => {
    const data = JSON.parse(JSON.stringify(serializeResolver(symbols)));
    expect(data.symbols).toHaveLength(6); // path Whats only
    const loaded = loadResolver(data);
    for (const path of ['/sys/bus/usb/devices/usb1/speed', '/sys/class/net/eth0/mtu', '/sys/block/sda/stat']) {
      expect(resolve(loaded, path)).toEqual(resolve(resolver, path));
    }
  });
});

describe('sysfs walk helpers', () => {
  it('skips what get_abi.py undefined skips', () => {
    expect(isSkipped('/sys/kernel/debug/foo')).toBe(true);
    expect(isSkipped('/sys/module/ext4/parameters/x')).toBe(true);
    expect(isSkipped('/sys/firmware/acpi/tables/DSDT')).toBe(true);
    expect(isSkipped('/sys/kernel/debugfoo')).toBe(false);
    expect(isSkipped('/sys/class/net/eth0/mtu')).toBe(false);
  });

  it('names a file under each aliased ancestor', () => {
    const aliases = new Map([['/sys/devices/pci0/net/eth0', ['/sys/class/net/eth0']]]);
    expect(namesOf('/sys/devices/pci0/net/eth0/statistics/rx_bytes', aliases)).toEqual([
      '/sys/devices/pci0/net/eth0/statistics/rx_bytes',
      '/sys/class/net/eth0/statistics/rx_bytes',
    ]);
  });
});

/** The regex a pattern means, the way the old compiler wrote it: the automaton must agree with it. */
function regexOf(p: SegmentPattern): string {
  const esc = (code: number) => `\\u{${code.toString(16)}}`;
  switch (p.type) {
    case 'text':
      return [...p.value].map((c) => esc(c.codePointAt(0)!)).join('');
    case 'chars':
      return `[${p.ranges.map(([lo, hi]) => (lo === hi ? esc(lo) : `${esc(lo)}-${esc(hi)}`)).join('')}]`;
    case 'seq':
      return p.items.map(regexOf).join('');
    case 'alt':
      return `(?:${p.options.map(regexOf).join('|')})`;
    case 'opt':
      return `(?:${regexOf(p.item)})?`;
    case 'repeat':
      return `(?:${regexOf(p.item)})${p.min === 1 ? '+' : '*'}`;
  }
}

describe('segment automaton', () => {
  const segments = [...new Set(FORMS.flatMap(([what]) => compiled(what).segments.filter((s) => s.kind !== 'multi').map((s) => s.text)))];

  it('accepts exactly what the equivalent regex accepts, on every short string over the pattern’s own characters', () => {
    let compared = 0;
    for (const text of segments) {
      const { pattern } = compileFragment(text);
      const regex = new RegExp(`^${regexOf(pattern)}$`, 'u');
      const nfa = compileNfa(pattern);
      const alphabet = [...new Set([...text.replace(/[<>{}[\]()|,\\]/g, ''), 'a', '1', 'f'])].slice(0, 7);
      const strings = [''];
      for (let length = 1; length <= 4; length++) for (const s of strings.filter((x) => x.length === length - 1)) for (const c of alphabet) strings.push(s + c);
      // Plus the pattern's own sample and its near misses.
      for (const s of strings.concat([text, `${text}x`, text.slice(1)])) {
        expect(nfaMatches(nfa, s), `${text} on ${JSON.stringify(s)}`).toBe(regex.test(s));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(10_000);
  });

  it('does work linear in the input, where a backtracking regex explodes', () => {
    const nfa = compileNfa(compileFragment('<a>_<b>_<c>_<d>_<e>_x').pattern);
    const steps = (n: number) => {
      const meter = { steps: 0 };
      expect(nfaMatches(nfa, 'a_'.repeat(n), undefined, meter)).toBe(false);
      return meter.steps;
    };
    expect(steps(400) / steps(200)).toBeLessThan(2.1);
    expect(steps(400)).toBeLessThan(400 * 2 * 12); // input length × automaton states
  });

  it('refuses forms that would blow up instead of crashing', () => {
    const nested = (depth: number): string => (depth === 0 ? 'a' : `{a,${nested(depth - 1)}}`);
    expect(compiled(`/sys/x/${nested(16)}/y`).segments).toHaveLength(4);
    expect(compileWhat(`/sys/x/${nested(40)}/y`)).toMatchObject({ reason: expect.stringContaining('nested') });
    // Numeric ranges expand to alternatives only up to a budget per segment.
    const wide = compiled(`/sys/x/${'[0-200]'.repeat(50)}/y`).segments[2]!;
    expect(wide.kind === 'pattern' ? wide.nfa.kinds.length : 0).toBeGreaterThan(0);
    expect(wide.kind === 'pattern' ? wide.nfa.kinds.length : Infinity).toBeLessThan(5000);
  });
});

describe('mentions: links that claim no false relation', () => {
  const r = buildResolver(
    [
      '/proc/*/attr/current',
      '/sys/class/typec/<port>/data_role',
      '/sys/class/typec/<port>-partner/type',
      '/sys/class/typec/<port>-{partner|cable}/identity/',
      '/sys/block/<disk>/queue/scheduler',
      '/sys/block/<disk>/<partition>/stat',
      '/sys/kernel/debug/<cros-ec-device>/uptime',
      '/sys/devices/*/<our-device>/fuse',
      '/sys/devices/.../power/wakeup_count',
      '/sys/devices/hisi_ptt<sicl_id>_<core_id>/requester_filters/<bdf>',
      '/sys/devices/system/cpu/cpuX/online',
      '/sys/devices/system/cpu/cpu[0-9]+/dscr',
      '/sys/module/<MODULENAME>/parameters/<param>',
      '/sys/class/rtc/rtcX/date',
    ].map((what) => symbol(what)),
  );
  it.each<[string, string | undefined, string]>([
    ['/proc/meminfo', undefined, 'a plain word is not a process'],
    ['/proc/$pid/loginuid', '/proc/~~/', 'the mention’s own placeholder is a process: its folder holds it'],
    ['/proc/1/attr/current', '/proc/~~/attr/current/', 'a concrete path matched by a What'],
    ['/sys/class/typec/port0-partner/', '/sys/class/typec/~port~-partner/', 'partly literal beats bare'],
    ['/sys/class/typec/<port>-{partner|cable}/', '/sys/class/typec/~port~-~x7bpartner~x7ccable~x7d/', 'only this folder covers both'],
    ['/sys/block/<device>/scheduler', '/sys/block/~disk~/', 'a placeholder is no partition; the disk folder holds it'],
    ['/sys/block/<device>/queue/scheduler', '/sys/block/~disk~/queue/scheduler/', 'placeholder for placeholder'],
    ['/sys/kernel/debug/zram/zram<id>/block_state', undefined, 'zram is no cros-ec device'],
    ['/sys/devices/.../wakeup_count', '/sys/devices/.../power/wakeup_count/', 'the mention’s ... stands for .../power'],
    ['/sys/devices/uncore_cha_2/alias', undefined, 'a name under a bare wildcard, nothing below confirms it'],
    ['/sys/devices/system/cpu/cpuN/dscr', '/sys/devices/system/cpu/cpu~x5b0-9~x5d+/dscr/', 'cpuN is covered by cpu[0-9]+'],
    ['/sys/module/grcan/parameters/enable0', '/sys/module/~MODULENAME~/parameters/~param~/', 'literal text below confirms the module'],
    ['/sys/class/rtc/rtc{0,1,2,3,...}', '/sys/class/rtc/rtcX/', 'every listed name is an rtcX; "..." is "and so on"'],
  ])('%s -> %s (%s)', (mention, url) => {
    expect(resolveMention(r, mention)).toBe(url);
  });

  it('counts its work: crafted mentions stay linear', () => {
    const hostile = buildResolver([symbol('/sys/redos/<a>_<b>_<c>_<d>_<e>_x')]);
    const steps = (n: number) => {
      const meter = { steps: 0 };
      // No What fits (`_x` is missing); the folder `/sys/redos/` holds it.
      expect(resolveMention(hostile, `/sys/redos/${'a_'.repeat(n)}`, { meter })).toBe('/sys/redos/');
      return meter.steps;
    };
    expect(steps(400) / steps(200)).toBeLessThan(2.1);
    // Placeholders that multiply, or many `...`, are too vague to link and cost nothing.
    expect(resolveMention(r, `/sys/class/typec/${'{ab,cd}'.repeat(12)}`)).toBeUndefined();
    expect(resolveMention(r, '/sys/devices/.../.../.../power/wakeup_count')).toBeUndefined();
  });
});
