/**
 * A byte-level test that a file may hold a creation site, so the two
 * thirds of the tree that cannot (register headers, most of arch/) are
 * never decoded or scanned. Each needle is a native substring search.
 */

// Any one of these and the file is read: callbacks, debugfs/procfs calls, module parameters,
// name tables, attribute fields and groups, printf templates, lower-case attribute wrappers.
const NEEDLES = [
  '_show', '_store', 'show_', 'store_', 'debugfs_create', 'proc_create', 'proc_mkdir', 'proc_symlink', 'proc_net_mkdir',
  'module_param', 'core_param', 'postfix', 'template', '_text', '_names', 'name_spec', '.mode', 'printf', '.attrs',
  'attr(', 'attr_', 'attrs',
].map((n) => Buffer.from(n, 'latin1'));

const ATTR = Buffer.from('ATTR', 'latin1');

/**
 * True when `bytes` contains a needle, one of `names` (wrapper macros the
 * headers define), or `ATTR` inside an identifier followed by `(` (register
 * headers are full of `*_ATTR__SHIFT` constants, never called).
 */
export function mayHoldSites(bytes: Buffer, names: readonly Buffer[] = []): boolean {
  for (const n of NEEDLES) if (bytes.indexOf(n) >= 0) return true;
  for (const n of names) if (bytes.indexOf(n) >= 0) return true;
  for (let at = bytes.indexOf(ATTR); at >= 0; at = bytes.indexOf(ATTR, at + 4)) {
    let i = at + 4;
    while (i < bytes.length && isUpperIdent(bytes[i]!)) i++;
    while (bytes[i] === 0x20 || bytes[i] === 0x09) i++;
    if (bytes[i] === 0x28) return true;
  }
  return false;
}

function isUpperIdent(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f;
}
