/**
 * A quick test that a file may hold a creation site, so the two thirds of
 * the tree that cannot (register headers, most of arch/) are not scanned.
 * One regular expression of literal alternatives: the engine's own search,
 * one pass per file, nothing to backtrack into but `\w*` after `ATTR`.
 */

// Callbacks, debugfs/procfs calls, module parameters, name tables, attribute fields and groups,
// printf templates, lower-case attribute wrappers, and `...ATTR...(` (register headers are full
// of `*_ATTR__SHIFT` constants, never called).
const NEEDLES = [
  '_show', '_store', 'show_', 'store_', 'debugfs_create', 'proc_create', 'proc_mkdir', 'proc_symlink', 'proc_net_mkdir',
  'module_param', 'core_param', 'postfix', 'template', '_text', '_names', 'name_spec', '.mode', 'printf', '.attrs',
  'attr(', 'attr_', 'attrs', 'kobject_', 'kset_create', 'sysfs_create_link',
];

/**
 * The prefilter for a phase: the needles, plus `names` (wrapper macros the
 * headers define whose names have no needle: `MODULE_VERSION(`).
 * @example prefilterPattern(['MODULE_VERSION']).test('MODULE_VERSION("1.0");') === true
 */
export function prefilterPattern(names: readonly string[] = []): RegExp {
  const literals = [...NEEDLES, ...names.map((n) => `${n}(`)].map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`${literals.join('|')}|ATTR\\w*[ \\t]*\\(`);
}

/** True when the file's text may hold a site. */
export function mayHoldSites(text: string, pattern: RegExp): boolean {
  return pattern.test(text);
}
