import { classifyLine, type LineKind } from './classify.ts';
import { sectionsAfter, type DescriptionLine } from './sections-after.ts';
import { expandTabs, isBlank, pyStrip, PY_SPACE, splitLines } from './text.ts';
import type { FileSection, Warning, WarningKind } from '../types.ts';

/** An entry as one file defines it, before tree-wide ids and URLs. */
export interface ParsedEntry {
  line: number;
  /** What strings as the kernel keeps them (the tag line's content is not trimmed). */
  whats: { what: string; line: number }[];
  date?: string;
  kernelversion?: string;
  contact?: string;
  users?: string;
  description?: string;
  /** The file's sections after the entry, cut from the end of the description (see sections-after.ts). */
  sectionsAfter?: FileSection[];
}

export interface ParsedFile {
  preamble: string;
  entries: ParsedEntry[];
  warnings: Warning[];
}

type FieldTag = 'date' | 'kernelversion' | 'contact' | 'users' | 'description';

/**
 * Parser states. `preamble` until the first What; `what` while What lines
 * (and their indented continuations) collect symbols; `field` for a
 * single-value tag's continuation lines; `description` for the free text,
 * whose lines are also kept with their column in the file and where each
 * starts in the text (`offsets`), to find where the file's own text begins.
 */
type State =
  | { name: 'preamble' }
  | { name: 'what'; entry: ParsedEntry }
  | { name: 'field'; entry: ParsedEntry; tag: Exclude<FieldTag, 'description'> }
  | { name: 'description'; entry: ParsedEntry; indent: string | null; lines: DescriptionLine[]; offsets: number[] };

const LEADING_SPACE = new RegExp(`^([${PY_SPACE}]*)([^${PY_SPACE}].*)`, 's');
const TAG_WIDTH = ' '.repeat('description'.length);

/**
 * Parses one ABI file's text into its preamble and entries, as the kernel's
 * `AbiParser.parse_file` does. `file` only labels warnings.
 */
export function parseFile(text: string, file: string): ParsedFile {
  const warnings: Warning[] = [];
  const entries: ParsedEntry[] = [];
  const preamble: string[] = [];
  const warn = (kind: WarningKind, line: number, message: string) => warnings.push({ kind, file, line, message });
  let state: State = { name: 'preamble' };

  // Any tag ends a description: what it ran into of the file's own text is known then.
  const endDescription = () => {
    if (state.name === 'description') cutSectionsAfter(state.entry, state.lines, state.offsets);
  };

  const closeEntry = () => {
    if (state.name === 'preamble') return;
    const entry = state.entry;
    if (entry.description === undefined) {
      warn('missing-description', entry.line, `${pyStrip(entry.whats[0]!.what)} doesn't have a description`);
    }
  };

  const lines = splitLines(text);
  lines.forEach((line, index) => {
    const ln = index + 1;
    const kind: LineKind = classifyLine(line);

    if (kind.kind === 'tag') {
      endDescription();
      let tag = kind.tag;
      if (kind.name.toLowerCase() !== tag) {
        // The kernel finds tags by substring ("What:/sys/a" is a What whose content starts after the last ':').
        warn('tag-read-as', ln, `'${kind.name}:' is read as tag '${tag}'`);
      }
      if (tag === 'where') {
        warn('where-tag', ln, "tag 'Where' is invalid. Should be 'What:' instead");
        tag = 'what';
      }
      if (tag === 'what') {
        if (state.name === 'what') {
          state.entry.whats.push({ what: kind.content, line: ln });
        } else {
          closeEntry();
          const entry: ParsedEntry = { line: ln, whats: [{ what: kind.content, line: ln }] };
          entries.push(entry);
          state = { name: 'what', entry };
        }
        return;
      }
      if (state.name === 'preamble') {
        // The kernel drops such a line silently; we keep it in the preamble.
        warn('tag-before-what', ln, `'What:' should come first: ${line.replace(/\s+/g, ' ')}`);
        preamble.push(line);
        return;
      }
      const entry: ParsedEntry = state.entry;
      if (entry[tag] !== undefined) warn('repeated-tag', ln, `tag '${kind.name}' appears twice in one entry; both are kept`);
      if (tag === 'description') {
        const first = firstDescriptionLine(kind.separator, kind.content);
        entry.description = join(entry.description, '', '\n');
        const description: State = { name: 'description', entry, indent: first.indent, lines: [], offsets: [] };
        if (first.text) addLine(description, first.text.slice(0, -1), ln, false, true);
        state = description;
      } else {
        entry[tag] = join(entry[tag], kind.content, '\n');
        state = { name: 'field', entry, tag };
      }
      return;
    }

    if (kind.kind === 'other-tag' && state.name !== 'description' && state.name !== 'preamble') {
      warn('invalid-tag', ln, `tag '${kind.name}' is invalid`);
    }

    switch (state.name) {
      case 'preamble':
        preamble.push(line);
        return;
      case 'description': {
        const content = expandTabs(line);
        const atColumn0 = LEADING_SPACE.exec(content)?.[1] === '';
        if (isBlank(content)) {
          addLine(state, '', ln, false);
        } else if (state.indent === null) {
          const m = LEADING_SPACE.exec(content)!;
          state.indent = m[1]!;
          addLine(state, m[2]!, ln, atColumn0);
        } else if (content.startsWith(state.indent)) {
          addLine(state, content.slice(state.indent.length), ln, atColumn0);
        } else {
          // A line left of the base indent resets it, as in the kernel.
          state.indent = '';
          addLine(state, content, ln, atColumn0);
        }
        return;
      }
      case 'what': {
        const what = pyStrip(line);
        if (what) state.entry.whats.push({ what, line: ln });
        return;
      }
      case 'field':
        state.entry[state.tag] += '\n' + pyStrip(line);
        return;
    }
  });
  endDescription();
  closeEntry();

  const preambleText = preamble.join('\n').replace(/^\n+/, '');
  return { preamble: preambleText, entries, warnings };
}

/** Appends a line to the description, as the kernel does, and keeps where it came from. */
function addLine(state: Extract<State, { name: 'description' }>, text: string, line: number, atColumn0: boolean, onTagLine = false): void {
  state.offsets.push(state.entry.description!.length);
  state.lines.push({ text, line, atColumn0, onTagLine });
  state.entry.description += text + '\n';
}

/**
 * Moves the file's sections that the description ran into (sections-after.ts)
 * from the description's end to `entry.sectionsAfter`.
 */
function cutSectionsAfter(entry: ParsedEntry, lines: DescriptionLine[], offsets: number[]): void {
  const { own, sections } = sectionsAfter(lines);
  if (!sections.length) return;
  entry.description = entry.description!.slice(0, offsets[own]);
  entry.sectionsAfter = [...(entry.sectionsAfter ?? []), ...sections];
}

/**
 * Text on the `Description:` line itself. The kernel measures its indent as
 * if the tag were blanks, so continuation lines aligned with it lose the
 * same indent.
 */
function firstDescriptionLine(separator: string, content: string): { text: string; indent: string | null } {
  if (!content) return { text: '', indent: null };
  const padded = expandTabs(TAG_WIDTH + separator.replace(':', ' ') + content);
  const m = LEADING_SPACE.exec(padded)!;
  return { text: m[2]! + '\n', indent: m[1]! };
}

function join(previous: string | undefined, next: string, separator: string): string {
  return previous === undefined ? next : previous + separator + next;
}
