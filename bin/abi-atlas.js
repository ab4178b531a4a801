#!/usr/bin/env node
// Launcher: the CLI is TypeScript run by Node's type stripping (Node >= 23.6).
// On an older Node, re-run it with the Node 24 the project carries.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../content-loader/cli/main.ts', import.meta.url));
const [major, minor] = process.versions.node.split('.').map(Number);
if (major > 23 || (major === 23 && minor >= 6)) {
  await import(main);
} else {
  const require = createRequire(import.meta.url);
  let node;
  try {
    node = require.resolve('node/bin/node');
  } catch {
    console.error(`abi-atlas needs Node >= 23.6 (this is ${process.version}); run 'npm install' in the project first.`);
    process.exit(3);
  }
  const r = spawnSync(node, [main, ...process.argv.slice(2)], { stdio: 'inherit' });
  if (r.error) {
    const hint = r.error.code === 'E2BIG' ? ' (too many arguments: give long path lists with --paths-from FILE, or - for stdin)' : '';
    console.error(`abi-atlas: cannot start ${node}: ${r.error.message}${hint}`);
    process.exit(3);
  }
  // Killed by a signal: exit as a shell reports it (128 + signal number).
  process.exit(r.status ?? 128 + (os.constants.signals[r.signal] ?? 0));
}
