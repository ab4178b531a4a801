// Search speed figures over a built site: `node scripts/bench-search.ts [siteDir]`
// (default: the test build of linux-6.12, else dist/). Prints a markdown table.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { hasChromium, launchChromium } from '../tests/helpers/browser.ts';
import { loadResolver, resolve, type SerializedResolver } from '../content-loader/resolve/index.ts';
import { loadQuickJump, quickSearch, type QuickJumpData } from '../content-loader/search/index.ts';
import { serveStatic } from '../tests/helpers/serve.ts';

const siteDir = process.argv[2] ?? ['.cache/test-site/linux-6.12', 'dist'].find((d) => existsSync(join(d, 'pagefind')));
if (!siteDir) throw new Error('no built site with pagefind/: run npm run build first');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const time = (fn: () => void) => {
  const t = performance.now();
  fn();
  return performance.now() - t;
};
const rows: [string, string][] = [];
const ms = (n: number) => `${n.toFixed(n < 1 ? 3 : 1)} ms`;

const resolverJson = readFileSync(join(siteDir, 'search/resolver.json'), 'utf8');
let resolver!: ReturnType<typeof loadResolver>;
rows.push(['resolver.json size', `${(resolverJson.length / 1024).toFixed(0)} KiB`]);
rows.push(['resolver: parse + build', ms(time(() => (resolver = loadResolver(JSON.parse(resolverJson) as SerializedResolver))))]);
const paths = ['/sys/class/net/eth0/mtu', '/sys/kernel/btf/vmlinux', '/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor', '/sys/bus/iio/devices/iio:device0/in_voltage0_raw', '/sys/block/sda/queue/rotational', '/proc/diskstats', '/sys/nosuch/path'];
const resolveTimes = paths.flatMap((p) => Array.from({ length: 200 }, () => time(() => resolve(resolver, p))));
rows.push(['resolver: per query (median)', ms(median(resolveTimes))]);

const pathsJson = readFileSync(join(siteDir, 'search/paths.json'), 'utf8');
let fuse!: ReturnType<typeof loadQuickJump>;
rows.push(['paths.json size', `${(pathsJson.length / 1024).toFixed(0)} KiB`]);
rows.push(['fuse: parse + load index', ms(time(() => (fuse = loadQuickJump(JSON.parse(pathsJson) as QuickJumpData))))]);
const queries = ['sys clas net mtu', 'btf vmlnux', 'rx_bytes', 'iio:device', 'scaling_governor', 'link speed'];
const fuseTimes = queries.flatMap((q) => Array.from({ length: 10 }, () => time(() => quickSearch(fuse, q))));
rows.push(['fuse: per query (median)', ms(median(fuseTimes))]);

let files = 0;
let bytes = 0;
const walk = (dir: string) => {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full);
    else (files++, (bytes += statSync(full).size));
  }
};
walk(join(siteDir, 'pagefind'));
rows.push(['Pagefind index', `${(bytes / 2 ** 20).toFixed(1)} MiB in ${files} files`]);

if (hasChromium) {
  const server = await serveStatic(siteDir);
  const browser = await launchChromium();
  const cold: number[] = [];
  const warm: number[] = [];
  for (let run = 0; run < 5; run++) {
    const context = await browser.newContext(); // empty cache: the first search fetches everything
    const page = await context.newPage();
    await page.goto(server.origin + '/search/');
    const input = page.locator('#search-page input[name=q]');
    for (const [query, into] of [['link speed', cold], ['rx_bytes', warm]] as const) {
      await input.fill('');
      await page.waitForTimeout(200);
      const started = await page.evaluate(() => performance.now());
      await input.pressSequentially(query);
      await page.waitForFunction(() => document.querySelector('#search-page ol.hits.full a.hit'));
      const ended = await page.evaluate(() => performance.now());
      into.push(ended - started);
      await page.evaluate(() => document.querySelector('#search-page ol.hits.full')?.remove());
    }
    await context.close();
  }
  await browser.close();
  await server.close();
  rows.push(['typing to first full-text results, cold (median of 5)', ms(median(cold))]);
  rows.push(['typing to first full-text results, warm (median of 5)', ms(median(warm))]);
}

console.log(`Search figures for ${siteDir}\n`);
console.log('| measure | value |\n|---|---|');
for (const [k, v] of rows) console.log(`| ${k} | ${v} |`);
