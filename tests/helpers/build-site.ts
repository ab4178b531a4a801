import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const projectDir = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Builds the site of `abiDir` into `outDir` with `npm run build` (prebuild
 * included, as a user runs it), with its own Astro cache so it never
 * touches the developer's dist/. Returns the build log (stdout and stderr as they came).
 */
export function buildSite(abiDir: string, outDir: string, env: Record<string, string> = {}): string {
  // Through a shell, so the log is what a user's terminal shows: both streams, in order.
  return execFileSync('sh', ['-c', 'npm run --silent build 2>&1'], {
    cwd: projectDir,
    env: { ...userEnv(), ABI_DIR: abiDir, ABI_OUT_DIR: outDir, ABI_CACHE_DIR: `${outDir}-cache`, ASTRO_TELEMETRY_DISABLED: '1', ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 2 ** 20,
  });
}

// What Vitest puts into process.env (Vite's import.meta.env among it): a build
// that inherits NODE_ENV=test runs four times slower, one with BASE_URL ignores BASE.
const VITEST_ENV = ['NODE_ENV', 'TEST', 'BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'FORCE_TTY'];

/** The environment a user's shell would have: without what Vitest sets. */
export function userEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (VITEST_ENV.includes(key) || key.startsWith('VITEST')) delete env[key];
  return env;
}

/** Where the global setup keeps the log of the test site's build (beside the site, not in it). */
export function buildLogOf(outDir: string): string {
  return `${outDir}.build.log`;
}
