import { createHash } from 'node:crypto';
import type { TreeListing } from './walk.ts';

/**
 * A fingerprint of a walked tree: every file's path, size, mtime and inode,
 * and what the walk skipped. A move between levels, a renamed folder, a file
 * replaced by `sed -i` (new inode) or a folder that became unreadable all
 * change it; a file that only kept its name, size and time does not need to.
 */
export function listingFingerprint(listing: TreeListing): string {
  const hash = createHash('sha256');
  for (const f of listing.readme ? [listing.readme, ...listing.files] : listing.files) hash.update(`${f.path}\0${f.size}\0${f.mtimeMs}\0${f.ino}\n`);
  for (const w of listing.warnings) hash.update(`${w.kind}\0${w.file}\0${w.message}\n`);
  return hash.digest('hex');
}
