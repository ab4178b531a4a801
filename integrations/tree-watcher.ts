import { statSync, watch, type FSWatcher } from 'node:fs';
import { basename } from 'node:path';
import { listingFingerprint } from '../content-loader/parse/fingerprint.ts';
import { isSkippedName, walkTree, type TreeListing } from '../content-loader/parse/walk.ts';

const GONE = 'gone';

export interface TreeWatcherOptions {
  /** Quiet time after the last event before the tree is walked again: editors write in bursts. */
  debounceMs?: number;
  /** How often the tree is walked anyway, to see what events missed (a replaced root, no inotify watches left). */
  pollMs?: number;
  /** Told when a folder cannot be watched or the tree cannot be walked; watching goes on. */
  onProblem?: (message: string) => void;
}

export interface TreeWatcher {
  close(): void;
}

/**
 * Calls `onChange` once the ABI tree's fingerprint (every file's path, size,
 * mtime, inode) moves: an edit, a file replaced by `sed -i`, a move between
 * levels, a renamed folder. Each folder of the walk is watched on its own
 * (a replaced file is a new inode, but its folder's watch sees the rename;
 * Node's recursive watch stopped reporting such a file after two or three
 * replacements), folders are re-armed after every walk, and a slow poll
 * catches the rest. Names the walk skips (editor locks `.#x`, swap and
 * backup files) do not wake it; neither do events that leave the
 * fingerprint as it was.
 */
export function watchTree(abiDir: string, onChange: (paths: string[]) => void, options: TreeWatcherOptions = {}): TreeWatcher {
  const debounceMs = options.debounceMs ?? 20;
  const problem = options.onProblem ?? (() => undefined);
  const watchers = new Map<string, { watcher: FSWatcher; ino: number }>();
  // undefined before the first walk; GONE while the tree cannot be walked.
  let fingerprint: string | undefined;
  let stamps = new Map<string, string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  let lastProblem = '';
  const report = (message: string) => {
    // A gone tree would otherwise say so at every poll.
    if (message !== lastProblem) problem(message);
    lastProblem = message;
  };

  const arm = (folder: string) => {
    let ino: number;
    try {
      ino = statSync(folder).ino;
    } catch {
      return;
    }
    const known = watchers.get(folder);
    if (known?.ino === ino) return;
    known?.watcher.close();
    try {
      const watcher = watch(folder, (_event, name) => {
        if (name && isSkippedName(basename(name.toString()))) return;
        schedule();
      });
      // Without a listener an error (the folder removed, inotify gone) would end the dev server.
      watcher.on('error', () => {
        watcher.close();
        if (watchers.get(folder)?.watcher === watcher) watchers.delete(folder);
        schedule();
      });
      watchers.set(folder, { watcher, ino });
    } catch (e) {
      // ENOSPC: no inotify watches left; the poll still sees the changes, only later.
      report(`cannot watch ${folder} (${(e as NodeJS.ErrnoException).code}); changes there show within ${options.pollMs ?? 1000} ms`);
    }
  };

  const check = () => {
    if (closed) return;
    let listing: TreeListing;
    try {
      listing = walkTree(abiDir);
    } catch (e) {
      report(`${(e as Error).message}; waiting for it to come back`);
      fingerprint = GONE;
      return;
    }
    lastProblem = '';
    const folders = new Set(listing.folders);
    for (const [folder, { watcher }] of watchers) {
      if (!folders.has(folder)) {
        watcher.close();
        watchers.delete(folder);
      }
    }
    for (const folder of folders) arm(folder);
    const next = listingFingerprint(listing);
    const changed = fingerprint !== undefined && next !== fingerprint;
    fingerprint = next;
    const previous = stamps;
    stamps = stampsOf(listing);
    if (changed) onChange(changedPaths(previous, stamps));
  };

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(check, debounceMs);
  };

  check();
  const poll = setInterval(check, options.pollMs ?? 1000);
  poll.unref();
  return {
    close: () => {
      closed = true;
      clearTimeout(timer);
      clearInterval(poll);
      for (const { watcher } of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}

function stampsOf(listing: TreeListing): Map<string, string> {
  const files = listing.readme ? [listing.readme, ...listing.files] : listing.files;
  return new Map(files.map((f) => [f.path, `${f.size}:${f.mtimeMs}:${f.ino}`]));
}

/** Paths added, removed or changed between two walks, for the log; a change the walk only warned about has none. */
function changedPaths(before: Map<string, string>, after: Map<string, string>): string[] {
  const paths = new Set<string>();
  for (const [path, stamp] of after) if (before.get(path) !== stamp) paths.add(path);
  for (const path of before.keys()) if (!after.has(path)) paths.add(path);
  return [...paths].sort();
}
