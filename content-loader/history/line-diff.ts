/** One line of a line-based diff: kept, added or removed. */
export interface DiffLine {
  op: ' ' | '+' | '-';
  text: string;
}

// Above this many cells the LCS table costs more than the diff is worth; the
// fallback (all old lines out, all new lines in) is still a correct diff.
const MAX_CELLS = 4_000_000;

/**
 * A line diff of two texts by longest common subsequence, after trimming the
 * common head and tail (descriptions usually change in one place). Lines are
 * compared with trailing blanks ignored, so re-indented whitespace at line
 * ends shows no noise.
 */
export function lineDiff(before: string, after: string): DiffLine[] {
  const a = splitText(before);
  const b = splitText(after);
  const same = (x: string, y: string) => x.trimEnd() === y.trimEnd();
  let head = 0;
  while (head < a.length && head < b.length && same(a[head]!, b[head]!)) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && same(a[a.length - 1 - tail]!, b[b.length - 1 - tail]!)) tail++;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const kept = (lines: string[]) => lines.map((text): DiffLine => ({ op: ' ', text }));
  return [...kept(b.slice(0, head)), ...middle(midA, midB, same), ...kept(b.slice(b.length - tail))];
}

function middle(a: string[], b: string[], same: (x: string, y: string) => boolean): DiffLine[] {
  const out: DiffLine[] = [];
  if (a.length * b.length > MAX_CELLS) {
    for (const text of a) out.push({ op: '-', text });
    for (const text of b) out.push({ op: '+', text });
    return out;
  }
  // lcs[i][j]: length of the LCS of a[i..] and b[j..], in one flat array.
  const w = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * w);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * w + j] = same(a[i]!, b[j]!) ? lcs[(i + 1) * w + j + 1]! + 1 : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && same(a[i]!, b[j]!)) {
      out.push({ op: ' ', text: b[j]! });
      i++;
      j++;
    } else if (i < a.length && (j === b.length || lcs[(i + 1) * w + j]! >= lcs[i * w + j + 1]!)) {
      // At a tie the removal goes first, so a replaced block reads "- old" then "+ new".
      out.push({ op: '-', text: a[i++]! });
    } else {
      out.push({ op: '+', text: b[j++]! });
    }
  }
  return out;
}

function splitText(text: string): string[] {
  return text === '' ? [] : text.replace(/\r\n?/g, '\n').split('\n');
}

/** The diff as unified-style text lines ("+ added", "- removed", "  kept"). */
export function formatDiff(lines: readonly DiffLine[]): string {
  return lines.map((l) => `${l.op} ${l.text}`.trimEnd()).join('\n');
}

/**
 * The changed parts of a diff with `context` kept lines around each, as
 * hunks; the long unchanged stretches between them are left out.
 */
export function diffHunks(lines: readonly DiffLine[], context = 3): DiffLine[][] {
  const keep = lines.map(() => false);
  lines.forEach((l, i) => {
    if (l.op === ' ') return;
    for (let j = Math.max(0, i - context); j <= Math.min(lines.length - 1, i + context); j++) keep[j] = true;
  });
  const hunks: DiffLine[][] = [];
  let current: DiffLine[] | undefined;
  lines.forEach((l, i) => {
    if (!keep[i]) {
      current = undefined;
      return;
    }
    if (!current) hunks.push((current = []));
    current.push(l);
  });
  return hunks;
}
