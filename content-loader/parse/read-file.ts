import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import type { Warning } from '../types.ts';
import type { FileStamp } from './walk.ts';

/** The largest ABI file is about 100 KB; a file a thousand times that is not one, and would only stall the build. */
export const MAX_FILE_BYTES = 64 * 2 ** 20;

/**
 * Reads a file the walk listed, or says why not. Opened without following a
 * link and without blocking, then checked on the open descriptor, so a file
 * swapped for a FIFO or a link after the walk can neither hang the read nor
 * lead outside the tree.
 */
export function readTreeFile(file: Pick<FileStamp, 'path' | 'absolute'>): { bytes: Buffer } | { warning: Warning } {
  const warning = (kind: Warning['kind'], message: string) => ({ warning: { kind, file: file.path, line: 0, message } });
  let fd: number;
  try {
    fd = openSync(file.absolute, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // ELOOP from O_NOFOLLOW: the file became a link after the walk.
    return code === 'ELOOP' ? warning('unreadable', 'replaced by a symbolic link while being read; skipped') : warning('unreadable', `cannot be read (${code}); skipped`);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return warning('special-file', 'not a regular file when read; skipped');
    if (stat.size > MAX_FILE_BYTES) return warning('too-large', `${stat.size} bytes, more than the ${MAX_FILE_BYTES / 2 ** 20} MiB an ABI file may have; skipped`);
    return { bytes: readFileSync(fd) };
  } catch (e) {
    return warning('unreadable', `cannot be read (${(e as NodeJS.ErrnoException).code}); skipped`);
  } finally {
    closeSync(fd);
  }
}
