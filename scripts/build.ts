// `npm run build`: `astro build` into a staging folder, then publish it over the
// output folder only if everything, the Pagefind index included, succeeded
// (see site-output.ts). Arguments are passed on to `astro build`.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkOutDir, cleanLeftovers, diagnoseWriteFailure, isAlive, OutputError, publish, stagingDirFor } from './site-output.ts';
import { endCacheUse, startCacheUse } from './incremental-cache.ts';
import { settings, SettingsError } from '../content-loader/settings.ts';
import { BuildLog, progressLine, tenth } from './build-log.ts';
import { buildProcess } from './build-memory.ts';

const projectDir = fileURLToPath(new URL('../', import.meta.url));
const say = (message: string) => console.error(`abi-atlas build: ${message}`);
const { outDir: outSetting, cacheDir: cacheSetting } = checkedSettings();
const outDir = resolve(projectDir, outSetting);
const cacheDir = resolve(projectDir, cacheSetting);
const staging = stagingDirFor(projectDir, outDir);
// Set once Astro may have written to its cache: a build that ends otherwise than published drops its manifest.
let usingCache = false;
const fail = (message: string, code = 1): never => {
  rmSync(staging, { recursive: true, force: true });
  if (usingCache) endCacheUse(cacheDir, false);
  say(message);
  process.exit(code);
};

try {
  checkOutDir(projectDir, outDir);
  for (const line of cleanLeftovers(projectDir, outDir)) say(line);
  mkdirSync(dirname(staging), { recursive: true });
  startCacheUse(cacheDir, process.pid, isAlive);
  usingCache = true;
} catch (e) {
  fail(e instanceof OutputError ? `${e.message}. Nothing was built.` : (e as Error).message);
}

const require = createRequire(import.meta.url);
const astro = join(dirname(require.resolve('astro/package.json')), (require('astro/package.json') as { bin: { astro: string } }).bin.astro);
const args = process.argv.slice(2);
// --verbose (also Astro's) shows Astro's own log, a line per page.
const verbose = args.includes('--verbose');
const run = buildProcess(projectDir);
const child = spawn(process.execPath, [...run.nodeArgs, astro, 'build', ...args], {
  cwd: projectDir,
  env: { ...run.env, ABI_OUT_DIR: staging },
  stdio: verbose ? 'inherit' : ['inherit', 'pipe', 'pipe'],
});
const report = verbose ? undefined : quietReport();

// Ctrl-C reaches the whole process group; a signal to this script or its parent going
// away (below) stops the build the same way: Astro stopped, the staging folder
// dropped, the old site kept.
const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
type StopSignal = keyof typeof SIGNAL_EXIT;
let stoppedBy: StopSignal | undefined;
const stop = (signal: StopSignal) => {
  if (stoppedBy) return;
  stoppedBy = signal;
  child.kill(signal);
  // An Astro that does not stop within 10 s is stopped for good.
  setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
};
for (const signal of Object.keys(SIGNAL_EXIT) as StopSignal[]) process.on(signal, () => stop(signal));

// `kill <npm pid>` reaches npm, which passes it to the `sh -c` running this script;
// dash dies without passing it on. A build whose parent went away stops as if told to.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) stop('SIGTERM');
}, 250).unref();

child.on('error', (e) => fail(`could not start astro build: ${e.message}`));
// 'close', not 'exit': Astro's last lines are read before the report ends.
child.on('close', (code, signal) => {
  // The warnings are printed whether or not the build succeeded.
  const summary = report?.finish();
  const kept = existsSync(outDir) ? `${outDir} still holds the previous site` : `nothing was written to ${outDir}`;
  if (stoppedBy) fail(`stopped by ${stoppedBy}; ${kept}`, SIGNAL_EXIT[stoppedBy]);
  if (code !== 0) {
    const why = diagnoseWriteFailure(staging);
    fail(`astro build failed (${signal ?? `exit code ${code}`})${why ? `: ${why.message}` : ''}; ${kept}`, code || 1);
  }
  try {
    publish(staging, outDir);
  } catch (e) {
    fail(`${e instanceof OutputError ? e.message : (e as Error).message}; ${kept}`);
  }
  endCacheUse(cacheDir, true);
  if (summary) {
    const { pages, searchRecords, warnings, seconds } = summary;
    console.log(`built ${pages} pages, ${searchRecords ?? 'no'} search records, ${warnings} warnings in ${seconds.toFixed(1)} s`);
  }
  say(`published the site to ${outDir}`);
});

/**
 * Astro's output read through BuildLog: its lines on stdout, in the order
 * they come from either stream; on a terminal the page count is a bar
 * redrawn in place, otherwise a line at every 10 %.
 */
function quietReport(): { finish: () => ReturnType<BuildLog['finish']> } {
  const tty = process.stdout.isTTY === true;
  let bar = '';
  let lastDraw = 0;
  let lastTenth = -1;
  const clearBar = () => {
    if (bar) process.stdout.write('\r\x1b[K');
    bar = '';
  };
  const log = new BuildLog({
    print(line) {
      clearBar();
      process.stdout.write(`${line}\n`);
    },
    progress(done, total) {
      if (total === undefined) return;
      if (tty) {
        const now = performance.now();
        if (done < total && now - lastDraw < 100) return;
        lastDraw = now;
        bar = progressLine(done, total);
        process.stdout.write(`\r${bar}`);
      } else if (tenth(done, total) > lastTenth) {
        lastTenth = tenth(done, total);
        process.stdout.write(`${progressLine(done, total)}\n`);
      }
    },
  });
  const ANSI = /\x1b\[[0-9;]*m/g;
  for (const stream of [child.stdout, child.stderr]) {
    if (stream) createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => log.line(line.replace(ANSI, '')));
  }
  return {
    finish: () => {
      clearBar();
      return log.finish();
    },
  };
}

/** ABI_OUT_DIR and ABI_CACHE_DIR as settings checked them; a bad environment stops here, one line per variable. */
function checkedSettings(): { outDir: string; cacheDir: string } {
  try {
    const { outDir, cacheDir } = settings();
    return { outDir, cacheDir };
  } catch (e) {
    if (!(e instanceof SettingsError)) throw e;
    for (const line of e.message.split('\n')) console.error(`abi-atlas: ${line}`);
    process.exit(2);
  }
}
