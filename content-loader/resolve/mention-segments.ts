/**
 * A path mentioned in a description, read as walk input. Mentions are
 * written like Whats: a concrete path (`/sys/class/typec/port0-partner/`),
 * a pattern with its own placeholders (`/sys/block/<device>/scheduler`,
 * `/sys/class/rtc/rtc{0,1,2,3,...}`), or a mix (`/proc/$pid/loginuid`).
 *
 * A placeholder becomes witnesses: strings whose symbolic characters stand
 * for "any character of this set" (`segment-nfa.ts`). A What segment covers
 * the mention's segment when it accepts every witness, so `<disk>` covers
 * `<device>` and `zram<id>`, `cpuX` covers `cpuN`, but `zram<id>` does not
 * cover `<device>` (a device need not be a zram) and `*` does not cover a
 * whole `...` (that may be several folders).
 */
import { compileFragment, FormError, splitTop } from './fragment.ts';
import { VIRTUAL_BASE, VIRTUAL_LIMIT } from './segment-nfa.ts';
import { DIGITS, isSingle, NAME_CHARS, sameRanges, type CharRanges, type SegmentPattern } from './segment-pattern.ts';
import { concreteSegment, type WalkInput, type WalkSegment } from './trie.ts';

/** A mention whose placeholders expand to more combinations than this is not linked: too vague to say what documents it. */
const MAX_WITNESSES = 16;
/** Nor one with more `...` than this: each may stand for any run of folders. */
const MAX_MULTI = 2;

/** The mention (normalized, starting with `/`) as walk input; undefined when it cannot be read as a path. */
export function mentionInput(mention: string): WalkInput | undefined {
  // A private-use character in the text itself would read as symbolic.
  if (isSymbolic(mention)) return undefined;
  const virtual: CharRanges[] = [];
  const segments: WalkSegment[] = [];
  for (const text of splitTop(mention, '/').slice(1)) {
    if (text === '') return undefined;
    const segment = mentionSegment(text, virtual);
    if (!segment) return undefined;
    segments.push(segment);
  }
  if (segments.length === 0 || segments.filter((s) => s.kind === 'multi').length > MAX_MULTI) return undefined;
  return { segments, virtual };
}

function mentionSegment(text: string, virtual: CharRanges[]): WalkSegment | undefined {
  if (text === '...' || text === '[..]') return { text, kind: 'multi', witnesses: [], instance: false };
  let pattern: SegmentPattern;
  try {
    const fragment = compileFragment(text === '*' ? '<name>' : text);
    if (fragment.wildcards === 0) return concreteSegment(text.replaceAll('\\', ''));
    pattern = fragment.pattern;
  } catch (e) {
    if (!(e instanceof FormError)) throw e;
    return concreteSegment(text); // an unclosed bracket: the text as it stands
  }
  const witnesses = witnessesOf(pattern, virtual);
  if (!witnesses) return undefined;
  if (witnesses.length === 1 && !isSymbolic(witnesses[0]!)) return concreteSegment(witnesses[0]!);
  return { text, kind: 'placeholder', witnesses, instance: witnesses.every(isAllSymbolic) };
}

/**
 * Strings that stand for every value of the pattern: a set of characters
 * becomes one symbolic character, a repeat one copy (Whats write `fw[0-9]`
 * for any number), an alternative each of its options (`{0,1,2,3,...}`: a
 * trailing "and so on" adds nothing). A `*` glued to a name (`/dev/fw*`,
 * `hwmon*`) means its numbered instances, as a What's `fw[0-9]+` does.
 */
function witnessesOf(p: SegmentPattern, virtual: CharRanges[]): string[] | undefined {
  switch (p.type) {
    case 'text':
      return [p.value];
    case 'chars':
      if (isSingle(p.ranges)) return [String.fromCharCode(p.ranges[0]![0])];
      return symbolFor(p.ranges, virtual);
    case 'seq': {
      let out = [''];
      for (const item of p.items) {
        const next = witnessesOf(item, virtual);
        if (!next) return undefined;
        out = out.flatMap((head) => next.map((tail) => head + tail));
        if (out.length > MAX_WITNESSES) return undefined;
      }
      return out;
    }
    case 'alt': {
      const options = p.options.filter((o) => !isAnything(o));
      const out = new Set<string>();
      for (const option of options.length > 0 ? options : p.options) {
        const ws = witnessesOf(option, virtual);
        if (!ws) return undefined;
        for (const w of ws) out.add(w);
        if (out.size > MAX_WITNESSES) return undefined;
      }
      return out.size > 0 ? [...out] : undefined;
    }
    case 'opt': {
      const item = witnessesOf(p.item, virtual);
      return item && [...new Set([...item, ''])];
    }
    case 'repeat':
      return isAnything(p) ? symbolFor(DIGITS, virtual) : witnessesOf(p.item, virtual);
  }
}

/** `...` or `*` inside a name: "anything", written as the last of a list means "and so on". */
function isAnything(p: SegmentPattern): boolean {
  return p.type === 'repeat' && p.min === 0 && p.item.type === 'chars' && p.item.ranges === NAME_CHARS;
}

function symbolFor(ranges: CharRanges, virtual: CharRanges[]): string[] | undefined {
  let index = virtual.findIndex((r) => sameRanges(r, ranges));
  if (index < 0) {
    if (virtual.length >= VIRTUAL_LIMIT) return undefined;
    index = virtual.push(ranges) - 1;
  }
  return [String.fromCharCode(VIRTUAL_BASE + index)];
}

function symbolicAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return code >= VIRTUAL_BASE && code < VIRTUAL_BASE + VIRTUAL_LIMIT;
}

/** True when a witness holds a symbolic character: it stands for values, not for one name. */
function isSymbolic(witness: string): boolean {
  for (let i = 0; i < witness.length; i++) if (symbolicAt(witness, i)) return true;
  return false;
}

/** True when a witness is nothing but symbolic characters: a bare placeholder (`<led>`, `*`, `$pid`). */
function isAllSymbolic(witness: string): boolean {
  for (let i = 0; i < witness.length; i++) if (!symbolicAt(witness, i)) return false;
  return witness.length > 0;
}
