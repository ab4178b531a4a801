import type { PhrasingContent } from 'mdast';

/**
 * ReST inline markup -> mdast phrasing: ``literal``, `interpreted`, *emphasis*,
 * **strong**, :role:`text`. Everything else stays text; links are found later
 * on the hast text (linkify.ts), so paths and URLs are only protected here.
 */
export function parseInline(text: string): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let buffer = '';
  const flush = () => {
    if (buffer) out.push({ type: 'text', value: buffer });
    buffer = '';
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    const atWordStart = i === 0 || /[\s([{<"'\-:]/.test(text[i - 1]!);

    const escaped = text[i + 1];
    // A backslash at the very end escapes nothing and stays (shell line continuations end so).
    if (ch === '\\' && escaped !== undefined && ESCAPABLE.includes(escaped)) {
      buffer += escaped;
      i += 2;
      continue;
    }
    // Paths and URLs often hold '*' and '_' that are not markup.
    if (atWordStart && PROTECTED_WORD.test(text.slice(i, i + 12))) {
      const end = wordEnd(text, i);
      buffer += text.slice(i, end);
      i = end;
      continue;
    }
    if (atWordStart) {
      const span = matchSpan(text, i);
      if (span) {
        flush();
        out.push(span.node);
        i = span.end;
        continue;
      }
    }
    buffer += ch;
    i++;
  }
  flush();
  return out;
}

const ESCAPABLE = '*`|_\\';
const PROTECTED_WORD = /^(\/|https?:\/\/|Documentation\/)/;

function wordEnd(text: string, from: number): number {
  let end = from;
  while (end < text.length && !/\s/.test(text[end]!)) end++;
  return end;
}

interface Span {
  node: PhrasingContent;
  end: number;
}

/** Tries every inline construct that can start at `i`. */
function matchSpan(text: string, i: number): Span | undefined {
  if (text.startsWith('``', i)) {
    const close = findClose(text, i + 2, '``');
    if (close > i + 2) return { node: { type: 'inlineCode', value: text.slice(i + 2, close) }, end: close + 2 };
    return undefined;
  }
  const role = /^:[A-Za-z][\w.+-]*:`([^`]+)`/.exec(text.slice(i, i + 300));
  if (role) return { node: { type: 'text', value: roleText(role[1]!) }, end: i + role[0].length };
  if (text[i] === '`') {
    const close = findClose(text, i + 1, '`');
    if (close <= i + 1) return undefined;
    const inner = text.slice(i + 1, close);
    let end = close + 1;
    // `text <target>`_ is a hyperlink reference: the text is what readers see.
    if (text[end] === '_') {
      while (text[end] === '_') end++;
      return { node: { type: 'text', value: roleText(inner) }, end };
    }
    return { node: { type: 'inlineCode', value: inner }, end };
  }
  if (text.startsWith('**', i)) {
    const close = findClose(text, i + 2, '**');
    if (close > i + 2) return { node: { type: 'strong', children: parseInline(text.slice(i + 2, close)) }, end: close + 2 };
    return undefined;
  }
  if (text[i] === '*' && text[i + 1] !== '*') {
    const close = findClose(text, i + 1, '*');
    if (close > i + 1) return { node: { type: 'emphasis', children: parseInline(text.slice(i + 1, close)) }, end: close + 1 };
  }
  return undefined;
}

/** `title <target>` shows only its title, as Sphinx does. */
function roleText(inner: string): string {
  const titled = /^([\s\S]*?\S)\s*<[^<>]+>$/.exec(inner);
  return titled ? titled[1]! : inner;
}

/**
 * Index of the end-string `delim` closing a span whose content starts at
 * `from`, following ReST's recognition rules (content not starting or ending
 * with whitespace, end-string followed by whitespace or punctuation), or -1.
 */
function findClose(text: string, from: number, delim: string): number {
  if (from >= text.length || /\s/.test(text[from]!)) return -1;
  let at = text.indexOf(delim, from + (delim === '``' ? 0 : 1));
  while (at !== -1) {
    const before = text[at - 1]!;
    const after = text[at + delim.length];
    const closes =
      !/\s/.test(before) &&
      before !== '\\' &&
      (after === undefined || /[\s'")\]}>\-:.,;!?\\_]/.test(after)) &&
      !(delim === '*' && (before === '/' || after === '*'));
    if (closes && at > from) return at;
    at = text.indexOf(delim, at + 1);
  }
  return -1;
}
