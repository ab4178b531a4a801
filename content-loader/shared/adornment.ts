/**
 * ReST section adornment, as the parser (where a description ends) and the
 * renderer (headings inside it) both need to recognise it.
 */

/**
 * A line made only of one of -*=^~ (the kernel deletes these; ReST uses
 * them as section underlines and transitions).
 */
export function isAdornment(line: string | undefined): boolean {
  return line !== undefined && /^ *([-*=^~])\1* *$/.test(line);
}

/**
 * Whether `line` underlines `title` as ReST reads it: as long as the title, or at least four characters.
 * @example underlines('Files under /sys/class/ata_port', '----') === true
 */
export function underlines(title: string, line: string | undefined): boolean {
  if (!isAdornment(line) || isAdornment(title) || title.trim() === '') return false;
  const length = line!.trim().length;
  return length >= 4 || length >= title.trim().length;
}
