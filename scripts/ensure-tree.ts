// Runs before `npm run build` / `npm run dev`: make sure there is a tree to build,
// fetching what is missing into the cache: every release of ABI_VERSIONS, or one
// tree when none is configured or nearby.
import { ensureReleases } from '../content-loader/tree-source/ensure-releases.ts';
import { fetchTree } from '../content-loader/tree-source/fetch-tree.ts';
import { primaryTree } from '../content-loader/tree-source/find-tree.ts';
import { parseVersionList, versionedDirs } from '../content-loader/tree-source/versioned-dirs.ts';

const log = (message: string) => console.error(message);
try {
  const project = process.cwd();
  if (process.env.ABI_VERSIONS?.trim() && !process.env.ABI_DIRS?.trim()) {
    const started = Date.now();
    ensureReleases(project, parseVersionList(process.env.ABI_VERSIONS), log);
    log(`abi-atlas: trees ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  const versions = versionedDirs(project).map((d) => d.version);
  if (versions.length > 1) log(`abi-atlas: history over ${versions.join(', ')} (oldest first)`);
  const found = primaryTree(project);
  if (found) {
    log(`abi-atlas: building ${found.abiDir}${found.version ? ` (linux ${found.version})` : ''}, from ${found.how}`);
  } else {
    log('abi-atlas: no kernel tree configured (ABI_DIR) or nearby; fetching one');
    const r = fetchTree(undefined, { log });
    log(`abi-atlas: fetched linux ${r.version} ABI into ${r.abiDir} from ${r.from ?? 'the cache'} in ${r.seconds} s`);
  }
} catch (e) {
  log(`abi-atlas: ${(e as Error).message}`);
  process.exit(1);
}
