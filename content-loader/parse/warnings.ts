import type { Warning } from '../types.ts';

/** `file:line: message`, the form compilers and the kernel's validator use; line 0 means the whole file. */
export function formatWarning(w: Pick<Warning, 'file' | 'line' | 'message'>): string {
  return w.line > 0 ? `${w.file}:${w.line}: ${w.message}` : `${w.file}: ${w.message}`;
}
