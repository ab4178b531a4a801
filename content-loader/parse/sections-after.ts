import { isAdornment, underlines } from '../shared/adornment.ts';
import type { FileSection } from '../types.ts';
import { isBlank } from './text.ts';

/** A line of a description: its text after the kernel's dedent, and where the file has it. */
export interface DescriptionLine {
  text: string;
  /** Line of the file. */
  line: number;
  /** The file has it at column 0 (not blank, no leading white space). */
  atColumn0: boolean;
  /** On the `Description:` line itself. */
  onTagLine: boolean;
}

/**
 * Where an entry's own text ends and its file's next section begins. The
 * kernel's parser reads everything up to the next tag as the description,
 * so a file that goes on with an underlined title and an introduction at
 * column 0 (sysfs-ata's "Files under /sys/class/ata_link") hands them to
 * the entry above. The column shows what the dedent hides: an entry whose
 * text is indented throughout and is followed by column-0 lines that start
 * with a title has ended there. Anything less clear (a description that is
 * itself written at column 0, column-0 text before the title) stays the
 * entry's. Each further column-0 title starts a section of its own.
 * @example "\t\tport number\n\nFiles under /sys/class/ata_link\n---\n\nBehind each port..." -> own 2 lines, one section
 */
export function sectionsAfter(lines: readonly DescriptionLine[]): { own: number; sections: FileSection[] } {
  const none = { own: lines.length, sections: [] };
  const body = lines.filter((l) => !l.onTagLine && !isBlank(l.text));
  const lastIndented = lines.findLastIndex((l) => !isBlank(l.text) && !l.atColumn0);
  if (!body.some((l) => !l.atColumn0) || lines.slice(0, lastIndented).some((l) => l.atColumn0)) return none;
  let start = lastIndented + 1;
  while (start < lines.length && isBlank(lines[start]!.text)) start++;
  if (titleAt(lines, start) === undefined) return none;

  const sections: FileSection[] = [];
  let at = start;
  while (at < lines.length) {
    const title = titleAt(lines, at)!;
    let end = title.textStart;
    while (end < lines.length && titleAt(lines, end) === undefined) end++;
    const text = lines.slice(title.textStart, end).map((l) => l.text.trimEnd());
    sections.push({ title: title.text, text: trimBlank(text).join('\n'), line: title.line });
    at = end;
  }
  return { own: start, sections };
}

/** A column-0 title at `i` (underlined, optionally overlined too): its text, its line, and where the text under it starts. */
function titleAt(lines: readonly DescriptionLine[], i: number): { text: string; line: number; textStart: number } | undefined {
  const at = (k: number) => (lines[k]?.atColumn0 ? lines[k]!.text.trimEnd() : undefined);
  const overline = at(i);
  if (isAdornment(overline) && underlines(at(i + 1) ?? '', at(i + 2)) && at(i + 2) === overline) {
    return { text: at(i + 1)!.trim(), line: lines[i + 1]!.line, textStart: i + 3 };
  }
  const title = at(i);
  if (title === undefined || !underlines(title, at(i + 1))) return undefined;
  return { text: title.trim(), line: lines[i]!.line, textStart: i + 2 };
}

function trimBlank(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && isBlank(lines[start]!)) start++;
  while (end > start && isBlank(lines[end - 1]!)) end--;
  return lines.slice(start, end);
}
